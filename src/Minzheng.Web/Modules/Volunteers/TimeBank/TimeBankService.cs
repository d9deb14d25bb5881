using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Volunteers.Records;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Volunteers.TimeBank;

public sealed record WithdrawInput(Guid? AccountId, string? IdNumber, int? Minutes, string? Service, DateOnly? ServedOn, string? Provider);

public sealed record TransferInput(Guid? RelativePersonId, int? Minutes);

public sealed record DonateInput(int? Minutes);

public sealed record RelativeInput(string? IdNumber, string? Name, RelativeRelation? Relation, string? Proof);

public sealed record GrantInput(Guid? PersonId, int? Minutes, string? Reason);

public sealed record ReversalInput(string? Reason);

public sealed record StatementLine(Guid TxnId, DateTime At, TimeTxnKind Kind, string CounterParty, int Minutes, int BalanceAfter, string Description, bool Reversed);

public sealed record AccountView(Guid Id, TimeAccountKind Kind, string Name, string DivisionCode, int Balance, int Version);

public sealed record RelativeView(Guid PersonId, string Name, RelativeRelation Relation, bool HouseholdChecked, string Proof);

public sealed record Reconciliation(long EntriesSum, bool AccountsMatch, IReadOnlyList<ReconciliationMismatch> Mismatches, int Accounts, int Transactions);

public sealed record ReconciliationMismatch(Guid AccountId, string Name, int Balance, long EntriesSum);

public sealed record FlowRow(string Month, TimeTxnKind Kind, long Minutes);

/// <summary>
/// The use cases of the time bank: a citizen's own account (balance, statement, relatives, transfer, donation), the service
/// points (search, withdraw for a service received — 全市通存通兑), the city (grants to priority elders, reconciliation) and
/// the officers (reversal with the reason). Every movement goes through <see cref="TimeBankLedger.PostAsync"/>.
/// </summary>
public sealed class TimeBankService(AppDbContext db, TimeBankLedger ledger, VolunteerIdentity identity, ICurrentUser user, BusinessClock clock,
    FigureBook figures, IdentifierProtector protector)
{
    public const int MaxMinutes = 100_000 * 60;

    // ---- accounts and statements ----

    /// <summary>An account read in the user's scope (404 otherwise: another county, another organisation).</summary>
    public async Task<TimeAccount> AccountInScopeAsync(Guid id, CancellationToken ct) =>
        await db.Set<TimeAccount>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw AppProblem.NotFound("时间银行账户");

    /// <summary>The signed-in citizen's own account (opened on first use).</summary>
    public async Task<TimeAccount> MineAsync(CancellationToken ct) => await ledger.PersonAccountAsync(await identity.PersonIdAsync(ct), ct);

    /// <summary>A service point looks an account up by the holder's ID number, in its own scope.</summary>
    public async Task<TimeAccount> FindByIdNumberAsync(string? idNumber, CancellationToken ct)
    {
        var personId = await PersonLookup.RequireAsync(db, protector, idNumber, "idNumber", "人员", ct);
        return await ledger.PersonAccountAsync(personId, ct);
    }

    public async Task<Paged<StatementLine>> StatementAsync(TimeAccount account, PageRequest page, CancellationToken ct)
    {
        var entries = await db.Set<TimeEntry>().AsNoTracking().Where(e => e.AccountId == account.Id)
            .Join(db.Set<TimeTxn>(), e => e.TxnId, t => t.Id, (e, t) => new { e.TxnId, t.At, t.Kind, e.Minutes, e.BalanceAfter, t.Description, e.Id })
            .OrderByDescending(x => x.At).ThenByDescending(x => x.Id)
            .ToPagedAsync(page, ct);
        var txnIds = entries.Items.Select(e => e.TxnId).ToList();
        // the other side of each line: the accounts' names (the statement's counter-party, as a bank statement shows it)
        var others = await db.Set<TimeEntry>().AsNoTracking().Where(e => txnIds.Contains(e.TxnId) && e.AccountId != account.Id)
            .Join(db.Set<TimeAccount>().IgnoreQueryFilters([AppDbContext.ScopeFilter]), e => e.AccountId, a => a.Id, (e, a) => new { e.TxnId, a.Name })
            .ToListAsync(ct);
        var reversed = await db.Set<TimeTxn>().AsNoTracking().Where(t => t.ReversesTxnId != null && txnIds.Contains(t.ReversesTxnId.Value)).Select(t => t.ReversesTxnId!.Value).ToListAsync(ct);
        return entries.Select(e => new StatementLine(e.TxnId, e.At, e.Kind, string.Join("、", others.Where(o => o.TxnId == e.TxnId).Select(o => o.Name).Distinct()),
            e.Minutes, e.BalanceAfter, e.Description, reversed.Contains(e.TxnId)));
    }

    public static AccountView View(TimeAccount a) => new(a.Id, a.Kind, a.Name, a.DivisionCode, a.Balance, a.Version);

    // ---- relatives ----

    public async Task<List<RelativeView>> RelativesAsync(TimeAccount account, CancellationToken ct)
    {
        var rows = await db.Set<TimeRelative>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking().Where(r => r.AccountId == account.Id).OrderBy(r => r.CreatedAt).ToListAsync(ct);
        var names = await db.PersonNamesAsync(rows.Select(r => (Guid?)r.RelativePersonId), ct);
        return rows.Select(r => new RelativeView(r.RelativePersonId, names.GetValueOrDefault(r.RelativePersonId, ""), r.Relation, r.HouseholdChecked, r.Proof)).ToList();
    }

    /// <summary>
    /// 登记近亲属: the citizen names the relative by ID number and name (both must match the registry). Both current members of
    /// one registry household: checked by the registry; otherwise the proof must be stated (recorded with the registration).
    /// </summary>
    public async Task<RelativeView> RegisterRelativeAsync(RelativeInput input, CancellationToken ct)
    {
        var account = await MineAsync(ct);
        var errors = new ValidationErrors();
        if (input.Relation is not { } relation || !Enum.IsDefined(relation)) errors.Add("relation", "请选择关系（配偶、父母、子女、祖父母/外祖父母）");
        if (string.IsNullOrWhiteSpace(input.Name)) errors.Add("name", "请填写亲属姓名");
        if (input.Proof is { Length: > 500 }) errors.Add("proof", "证明说明不超过500字");
        var parsed = IdNumber.TryParse(input.IdNumber, out var idError);
        if (parsed is null) errors.Add("idNumber", idError ?? "身份证号无效");
        errors.ThrowIfAny();
        var hash = protector.Hash(parsed!.Value.Value, ProtectedKind.IdNumber);
        // the citizen sees no registry: the relative is matched by number AND name, past the scope, and only the id is kept
        var relative = await db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking()
            .Where(p => p.IdNumberHash == hash).Select(p => new { p.Id, p.Name }).FirstOrDefaultAsync(ct);
        if (relative is null || relative.Name != input.Name!.Trim()) throw AppProblem.Field("idNumber", "身份证号与姓名不符或未在本市登记");
        if (relative.Id == account.PersonId) throw AppProblem.Field("idNumber", "不能登记本人");
        var mine = await CurrentHouseholdsAsync(account.PersonId!.Value, ct);
        var theirs = await CurrentHouseholdsAsync(relative.Id, ct);
        var sameHousehold = mine.Intersect(theirs).Any();
        if (!sameHousehold && string.IsNullOrWhiteSpace(input.Proof))
        {
            throw AppProblem.Field("proof", "该亲属与您不在同一户籍，请注明关系证明（如结婚证、出生医学证明、户口簿的编号和出具机关）", "timebank_relative_proof_required");
        }
        if (await db.Set<TimeRelative>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AnyAsync(r => r.AccountId == account.Id && r.RelativePersonId == relative.Id, ct))
        {
            throw AppProblem.Field("idNumber", "该亲属已登记");
        }
        var row = new TimeRelative
        {
            AccountId = account.Id,
            RelativePersonId = relative.Id,
            Relation = input.Relation!.Value,
            DivisionCode = account.DivisionCode,
            HouseholdChecked = sameHousehold,
            Proof = sameHousehold ? "" : input.Proof!.Trim(),
        };
        db.Add(row);
        // the citizen's own account (their division is their village, which their scope may not cover as a write)
        db.PermitOutOfScopeWrite(row, "本人登记时间银行近亲属");
        await db.SaveChangesAsync(ct);
        return new RelativeView(relative.Id, relative.Name, row.Relation, row.HouseholdChecked, row.Proof);
    }

    private async Task<List<Guid>> CurrentHouseholdsAsync(Guid personId, CancellationToken ct) =>
        await db.Set<HouseholdMember>().AsNoTracking().Where(m => m.PersonId == personId && m.LeftOn == null).Select(m => m.HouseholdId).ToListAsync(ct);

    // ---- movements ----

    /// <summary>转赠: from a person account to a relative registered on it.</summary>
    public async Task<TimeTxn> TransferAsync(TimeAccount from, TransferInput input, CancellationToken ct)
    {
        var minutes = RequireMinutes(input.Minutes);
        if (input.RelativePersonId is not { } relativeId) throw AppProblem.Field("relativePersonId", "请选择转赠的亲属");
        if (from.Kind == TimeAccountKind.Group) throw AppProblem.Conflict("timebank_group_donate_only", "团体账户只能捐赠到时间银行捐赠池");
        if (from.Kind != TimeAccountKind.Person) throw AppProblem.NotFound("时间银行账户");
        if (!await db.Set<TimeRelative>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AnyAsync(r => r.AccountId == from.Id && r.RelativePersonId == relativeId, ct))
        {
            throw AppProblem.Conflict("timebank_relative_not_registered", "只能转赠给本账户已登记的近亲属（配偶、父母、子女、祖父母/外祖父母），请先登记");
        }
        var to = await ledger.PersonAccountAsync(relativeId, ct);
        var txn = ledger.NewTxn(TimeTxnKind.TransferFamily, "转赠近亲属");
        return await ledger.PostAsync(txn, [new(from.Id, -minutes), new(to.Id, minutes)], ct);
    }

    /// <summary>捐赠 to the city's donation pool (a person or a group account).</summary>
    public async Task<TimeTxn> DonateAsync(TimeAccount from, DonateInput input, CancellationToken ct)
    {
        var minutes = RequireMinutes(input.Minutes);
        if (from.Kind == TimeAccountKind.System) throw AppProblem.NotFound("时间银行账户");
        var pool = await ledger.SystemAsync(TimeSystemAccount.Pool, ct);
        var txn = ledger.NewTxn(TimeTxnKind.Donate, "捐赠到时间银行捐赠池");
        return await ledger.PostAsync(txn, [new(from.Id, -minutes), new(pool.Id, minutes)], ct);
    }

    /// <summary>
    /// 兑换: a service point books a service received by the holder (what, when, who provided it), only from the withdrawal age.
    /// By the holder's ID number any service point of the city reaches any account of the city (通存通兑); by account id only
    /// an account in the user's scope.
    /// </summary>
    public async Task<TimeTxn> WithdrawAsync(WithdrawInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (input.Minutes is not { } m || m <= 0 || m > MaxMinutes) errors.Add("minutes", "请填写兑换的服务时长（分钟，正整数）");
        if (string.IsNullOrWhiteSpace(input.Service)) errors.Add("service", "请填写接受的服务内容");
        else if (input.Service.Length > 200) errors.Add("service", "服务内容不超过200字");
        if (input.ServedOn is not { } on) errors.Add("servedOn", "请填写服务日期");
        else if (on > clock.Today) errors.Add("servedOn", "服务日期不能晚于今天");
        if (string.IsNullOrWhiteSpace(input.Provider)) errors.Add("provider", "请填写服务提供者");
        else if (input.Provider.Length > 100) errors.Add("provider", "服务提供者不超过100字");
        if (input.AccountId is null && string.IsNullOrWhiteSpace(input.IdNumber)) errors.Add("idNumber", "请填写兑换人的身份证号");
        errors.ThrowIfAny();

        TimeAccount account;
        if (input.AccountId is { } id) account = await AccountInScopeAsync(id, ct);
        else
        {
            if (IdNumber.TryParse(input.IdNumber, out var idError) is not { } parsed) throw AppProblem.Field("idNumber", idError ?? "身份证号无效");
            var hash = protector.Hash(parsed.Value, ProtectedKind.IdNumber);
            var city = (user.DivisionCode ?? "")[..Math.Min(4, (user.DivisionCode ?? "").Length)];
            // 通存通兑: the holder presents their ID card at any service point of the city, so the person is found city-wide
            // (past the township's scope, never past the city); only the account's balance is written, nothing of the person
            var personId = city.Length == 4
                ? await db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]).Where(p => p.IdNumberHash == hash && p.DivisionCode.StartsWith(city)).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct)
                : null;
            account = await ledger.PersonAccountAsync(personId ?? throw AppProblem.Field("idNumber", "本市没有该身份证号的人员登记"), ct);
        }
        if (account.Kind == TimeAccountKind.Group) throw AppProblem.Conflict("timebank_group_donate_only", "团体账户只能捐赠到时间银行捐赠池，不能兑换服务");
        if (account.Kind != TimeAccountKind.Person) throw AppProblem.NotFound("时间银行账户");
        var birth = await db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]).Where(p => p.Id == account.PersonId).Select(p => p.BirthDate).FirstAsync(ct);
        var minAge = figures.Require(TimeBankFigures.WithdrawalMinAge, account.DivisionCode, input.ServedOn!.Value).Number;
        if (TimeBankRules.AgeOn(birth, input.ServedOn.Value) < minAge)
        {
            throw AppProblem.Conflict("timebank_below_withdrawal_age", $"年满{minAge}周岁方可兑换服务；可转赠给已登记的近亲属或捐赠");
        }
        var issuance = await ledger.SystemAsync(TimeSystemAccount.Issuance, ct);
        var txn = ledger.NewTxn(TimeTxnKind.Withdraw, input.Service!.Trim());
        txn.ServedOn = input.ServedOn;
        txn.Provider = input.Provider!.Trim();
        // the withdrawn time goes back to the issuance account: redeemed time leaves circulation
        return await ledger.PostAsync(txn, [new(account.Id, -input.Minutes!.Value), new(issuance.Id, input.Minutes.Value)], ct);
    }

    /// <summary>赠与: the city grants time from the donation pool to a priority elder (checked against the registry).</summary>
    public async Task<TimeTxn> GrantAsync(GrantInput input, CancellationToken ct)
    {
        var minutes = RequireMinutes(input.Minutes);
        if (string.IsNullOrWhiteSpace(input.Reason)) throw AppProblem.Field("reason", "请填写赠与事由");
        if (input.Reason.Length > 500) throw AppProblem.Field("reason", "事由不超过500字");
        if (input.PersonId is not { } pid) throw AppProblem.Field("personId", "请选择赠与对象");
        var person = await db.Persons.AsNoTracking().Where(p => p.Id == pid).Select(p => new { p.Id, p.DivisionCode }).FirstOrDefaultAsync(ct) ?? throw AppProblem.NotFound("人员");
        var reason = (await PriorityAsync([pid], ct)).GetValueOrDefault(pid);
        if (reason is null) throw AppProblem.Conflict("timebank_not_eligible_for_grant", "该人员不属于时间银行优先赠与对象（按本市标准：高龄独居老人，或低保家庭中的残疾老人）");
        var pool = await ledger.SystemAsync(TimeSystemAccount.Pool, ct);
        var to = await ledger.PersonAccountAsync(person.Id, ct);
        var txn = ledger.NewTxn(TimeTxnKind.Grant, $"{reason}：{input.Reason.Trim()}");
        return await ledger.PostAsync(txn, [new(pool.Id, -minutes), new(to.Id, minutes)], ct);
    }

    /// <summary>The priority elders among the people in the user's scope (优先赠与对象), with the criterion each meets.</summary>
    public async Task<Paged<(Guid PersonId, string Name, string Reason)>> PriorityListAsync(PageRequest page, CancellationToken ct)
    {
        var criteria = Criteria(user.DivisionCode ?? TimeBankLedger.City);
        var from = new[] { criteria.AloneFrom, criteria.DibaoDisabledFrom }.Where(x => x is not null).Select(x => x!.Value).DefaultIfEmpty(int.MaxValue).Min();
        if (from == int.MaxValue) return new([], 0, page.Page, page.PageSize);
        var bornBy = clock.Today.AddYears(-from);
        var people = await db.Persons.AsNoTracking().Where(p => p.LifeStatus == LifeStatus.Alive && p.BirthDate <= bornBy)
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.Name }).Take(5000).ToListAsync(ct);
        var reasons = await PriorityAsync(people.Select(p => p.Id).ToList(), ct);
        return people.Where(p => reasons.ContainsKey(p.Id)).Select(p => (p.Id, p.Name, reasons[p.Id]!)).ToList().ToPaged(page);
    }

    private TimeBankRules.GrantCriteria Criteria(string division)
    {
        int? N(string c) => figures.Find(TimeBankFigures.GrantAge, division, clock.Today, c)?.Row.Number;
        return new(N("alone"), N("dibao-disabled-min"), N("dibao-disabled-max"));
    }

    private async Task<Dictionary<Guid, string?>> PriorityAsync(IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var today = clock.Today;
        var result = new Dictionary<Guid, string?>();
        foreach (var chunk in ids.Chunk(500))
        {
            // the people were read in scope by the caller; their households and 低保 are facts of the same registry
            var people = await db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking().Where(p => chunk.Contains(p.Id))
                .Select(p => new { p.Id, p.BirthDate, p.DivisionCode, Disabled = p.DisabilityCategory != null }).ToListAsync(ct);
            var members = await db.Set<HouseholdMember>().AsNoTracking().Where(m => chunk.Contains(m.PersonId) && m.LeftOn == null).Select(m => new { m.PersonId, m.HouseholdId }).ToListAsync(ct);
            var householdIds = members.Select(m => m.HouseholdId).Distinct().ToList();
            var sizes = await db.Set<HouseholdMember>().AsNoTracking().Where(m => householdIds.Contains(m.HouseholdId) && m.LeftOn == null)
                .GroupBy(m => m.HouseholdId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            var month = new DateOnly(today.Year, today.Month, 1);
            var dibao = await db.Set<EntitlementPeriod>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking()
                .Where(e => e.Program == Assistance.Contracts.AssistancePrograms.Dibao && (e.HouseholdId != null && householdIds.Contains(e.HouseholdId.Value) || e.BeneficiaryPersonId != null && chunk.Contains(e.BeneficiaryPersonId.Value))
                    && e.FromMonth <= month && (e.ToMonth == null || e.ToMonth >= month))
                .Select(e => new { e.HouseholdId, e.BeneficiaryPersonId }).ToListAsync(ct);
            foreach (var p in people)
            {
                var households = members.Where(m => m.PersonId == p.Id).Select(m => m.HouseholdId).ToList();
                var alone = households.Count > 0 && households.All(h => sizes.FirstOrDefault(s => s.Key == h)?.Count == 1);
                var inDibao = dibao.Any(d => d.BeneficiaryPersonId == p.Id || d.HouseholdId is { } h && households.Contains(h));
                var facts = new TimeBankRules.GrantFacts(TimeBankRules.AgeOn(p.BirthDate, today), alone, p.Disabled, inDibao);
                result[p.Id] = TimeBankRules.GrantReason(facts, Criteria(p.DivisionCode));
            }
        }
        return result;
    }

    /// <summary>冲正: a new transaction with every leg negated, by an officer with the reason; the original stays.</summary>
    public async Task<TimeTxn> ReverseAsync(Guid txnId, ReversalInput input, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(input.Reason)) throw AppProblem.Field("reason", "请填写冲正理由");
        if (input.Reason.Length > 500) throw AppProblem.Field("reason", "理由不超过500字");
        var original = await db.Set<TimeTxn>().AsNoTracking().Include(t => t.Entries).FirstOrDefaultAsync(t => t.Id == txnId, ct) ?? throw AppProblem.NotFound("时间银行交易");
        var accountIds = original.Entries.Select(e => e.AccountId).ToList();
        // the officer must see one of the non-system accounts of the transaction in their own scope (another county: 404)
        var visible = await db.Set<TimeAccount>().AsNoTracking().AnyAsync(a => accountIds.Contains(a.Id) && a.Kind != TimeAccountKind.System, ct);
        if (!visible) throw AppProblem.NotFound("时间银行交易");
        if (original.Kind == TimeTxnKind.Reversal) throw AppProblem.Conflict("timebank_already_reversed", "冲正交易不能再冲正");
        if (await db.Set<TimeTxn>().AnyAsync(t => t.ReversesTxnId == txnId, ct)) throw AppProblem.Conflict("timebank_already_reversed", "该笔交易已冲正");
        var txn = ledger.NewTxn(TimeTxnKind.Reversal, "冲正：" + input.Reason.Trim());
        txn.ReversesTxnId = txnId;
        txn.ServiceRecordId = original.ServiceRecordId;
        try
        {
            return await ledger.PostAsync(txn, original.Entries.Select(e => new TimeLeg(e.AccountId, -e.Minutes)).ToList(), ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && UniqueViolation.Is(e))
        {
            throw AppProblem.Conflict("timebank_already_reversed", "该笔交易已冲正");
        }
    }

    // ---- reconciliation and the dashboard ----

    /// <summary>
    /// 对账: the sum of all entries (must be 0) and each account's balance against the sum of its entries. Aggregates of the
    /// whole city's ledger, read past the division scope (the permission is the city's and the auditor's).
    /// </summary>
    public async Task<Reconciliation> ReconcileAsync(CancellationToken ct)
    {
        var entriesSum = await db.Set<TimeEntry>().SumAsync(e => (long)e.Minutes, ct);
        var sums = await db.Set<TimeEntry>().GroupBy(e => e.AccountId).Select(g => new { g.Key, Sum = g.Sum(e => (long)e.Minutes) }).ToDictionaryAsync(g => g.Key, g => g.Sum, ct);
        var accounts = await db.Set<TimeAccount>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking().Select(a => new { a.Id, a.Name, a.Balance }).ToListAsync(ct);
        var mismatches = accounts.Where(a => a.Balance != sums.GetValueOrDefault(a.Id)).Select(a => new ReconciliationMismatch(a.Id, a.Name, a.Balance, sums.GetValueOrDefault(a.Id))).ToList();
        var txns = await db.Set<TimeTxn>().CountAsync(ct);
        return new Reconciliation(entriesSum, mismatches.Count == 0, mismatches, accounts.Count, txns);
    }

    /// <summary>Flows by month and kind (each transaction counted by what it moved: the sum of its credits), the last 12 months.</summary>
    public async Task<List<FlowRow>> FlowsAsync(CancellationToken ct)
    {
        var since = clock.UtcNow.AddMonths(-12);
        var rows = await db.Set<TimeTxn>().AsNoTracking().Where(t => t.At >= since)
            .Select(t => new { t.At, t.Kind, Moved = t.Entries.Where(e => e.Minutes > 0).Sum(e => (long)e.Minutes) }).ToListAsync(ct);
        return rows.GroupBy(r => (Month: BusinessClock.ToChina(r.At).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), r.Kind))
            .OrderBy(g => g.Key.Month).ThenBy(g => g.Key.Kind).Select(g => new FlowRow(g.Key.Month, g.Key.Kind, g.Sum(r => r.Moved))).ToList();
    }

    /// <summary>Balances by kind of account (person, group, the pool, the issuance account) — the city's totals.</summary>
    public async Task<Dictionary<string, long>> BalancesAsync(CancellationToken ct)
    {
        var rows = await db.Set<TimeAccount>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking()
            .GroupBy(a => new { a.Kind, a.SystemRole }).Select(g => new { g.Key.Kind, g.Key.SystemRole, Sum = g.Sum(a => (long)a.Balance) }).ToListAsync(ct);
        return rows.ToDictionary(r => r.SystemRole is { } s ? TimeBankLedger.SystemName(s) : r.Kind == TimeAccountKind.Person ? "个人账户" : "团体账户", r => r.Sum);
    }

    private static int RequireMinutes(int? minutes) =>
        minutes is { } m && m > 0 && m <= MaxMinutes ? m : throw AppProblem.Field("minutes", "请填写时长（分钟，正整数）");
}

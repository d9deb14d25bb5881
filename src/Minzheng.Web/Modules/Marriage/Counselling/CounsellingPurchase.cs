using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Marriage.Counselling;

public sealed record CounsellingContractInput(Guid? ProviderId, string? DivisionCode, DateOnly? ValidFrom, DateOnly? ValidTo, decimal? Budget, decimal? UnitPrice, string? Document);

public sealed record CounsellingSessionInput(DateOnly? HeldOn, string? Counsellor, string? Type, string? Topic, int? Minutes, int? Participants);

public sealed record CounsellingSettleInput(DateOnly? Month);

/// <summary>A contract with its budget used (settled) and remaining, and the sessions not yet settled.</summary>
public sealed record CounsellingContractView(Guid Id, string Number, Guid OrganizationId, string ProviderName, string DivisionCode, DateOnly ValidFrom, DateOnly ValidTo,
    decimal Budget, decimal UnitPrice, decimal Settled, decimal Remaining, int Sessions, int UnsettledSessions, string Document, bool IsDemo, int Version);

/// <summary>The outcome of a settlement request: the settlement and whether it had been made before (idempotent per month).</summary>
public sealed record SettleOutcome(CounsellingSettlement Settlement, bool AlreadySettled);

/// <summary>
/// The purchased marriage and family counselling: contracts with a provider, anonymised sessions, and the monthly settlement
/// (sessions × unit price) published to payments as a one-off entitlement to the provider — never beyond the remaining
/// budget (409), once per month (asking again returns the same settlement; a settled month takes no more sessions).
/// </summary>
public sealed class CounsellingPurchase(AppDbContext db, ICurrentUser user, OrganizationPayees payees, CaseNumbers numbers, Entitlements entitlements, AuditLog audit,
    BusinessClock clock)
{
    /// <summary>The code under which settlements are published to payments.</summary>
    public const string Program = "marriage-counselling";

    public async Task<CounsellingContract> CreateContractAsync(CounsellingContractInput input, bool isDemo = false, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var division = payees.Purchaser(input.DivisionCode, errors);
        var provider = await payees.PayeeAsync(input.ProviderId, division, errors, "providerId", "服务机构", ct);
        if (input.ValidFrom is not { } from) errors.Add("validFrom", "请填写服务期开始日期");
        if (input.ValidTo is not { } to) errors.Add("validTo", "请填写服务期结束日期");
        else if (input.ValidFrom is { } f && to < f) errors.Add("validTo", "服务期结束日期不能早于开始日期");
        else if (input.ValidFrom is { } f2 && to > f2.AddYears(3)) errors.Add("validTo", "服务期不能超过三年");
        if (input.Budget is not { } budget || budget <= 0 || budget > 100_000_000m || decimal.Round(budget, 2) != budget) errors.Add("budget", "预算须为大于 0、最多两位小数的金额（元）");
        if (input.UnitPrice is not { } price || price <= 0 || price > 100_000m || decimal.Round(price, 2) != price) errors.Add("unitPrice", "每次辅导单价须为大于 0、最多两位小数的金额（元）");
        else if (input.Budget is { } b2 && price > b2) errors.Add("unitPrice", "单价不能超过预算");
        if (string.IsNullOrWhiteSpace(input.Document)) errors.Add("document", "请填写合同编号或采购文件号");
        else if (input.Document.Length > 200) errors.Add("document", "不能超过 200 个字");
        errors.ThrowIfAny();
        var contract = new CounsellingContract
        {
            Number = await numbers.NextAsync(new NumberSeries("HYFD", input.ValidFrom!.Value.Year, 4), db.Set<CounsellingContract>().IgnoreQueryFilters().Select(c => (string?)c.Number), ct),
            OrganizationId = provider!.Id,
            ProviderName = provider.Name,
            DivisionCode = division!,
            ValidFrom = input.ValidFrom!.Value,
            ValidTo = input.ValidTo!.Value,
            Budget = Money.FromYuan(input.Budget!.Value, "budget"),
            UnitPrice = Money.FromYuan(input.UnitPrice!.Value, "unitPrice"),
            Document = input.Document!.Trim(),
            IsDemo = isDemo,
        };
        db.Add(contract);
        audit.Add("create", "marriage_counselling_contract", contract.Id.ToString(), new { contract.Number, contract.ProviderName, budget = contract.Budget.Yuan, unitPrice = contract.UnitPrice.Yuan }, contract.DivisionCode);
        await db.SaveChangesAsync(ct);
        return contract;
    }

    public async Task<CounsellingContract> LoadAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<CounsellingContract>().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw AppProblem.NotFound("婚姻家庭辅导购买合同");

    public async Task<CounsellingSession> RecordSessionAsync(Guid contractId, CounsellingSessionInput input, CancellationToken ct = default)
    {
        var contract = await LoadAsync(contractId, ct);
        var errors = new ValidationErrors();
        if (input.HeldOn is not { } on) errors.Add("heldOn", "请填写辅导日期");
        else if (on < contract.ValidFrom || on > contract.ValidTo) errors.Add("heldOn", $"辅导日期须在合同服务期内（{contract.ValidFrom:yyyy-MM-dd} 至 {contract.ValidTo:yyyy-MM-dd}）");
        else if (on > clock.Today) errors.Add("heldOn", "辅导日期不能晚于今天");
        if (string.IsNullOrWhiteSpace(input.Counsellor)) errors.Add("counsellor", "请填写辅导员");
        else if (input.Counsellor.Trim().Length > 50) errors.Add("counsellor", "不能超过 50 个字");
        if (Backfill.BackfillCodes.Read(CounsellingCodes.Types, input.Type) is not { Length: > 0 }) errors.Add("type", $"请选择辅导类型（{string.Join("、", CounsellingCodes.Types.Select(t => t.Name))}）");
        if (Backfill.BackfillCodes.Read(CounsellingCodes.Topics, input.Topic) is not { Length: > 0 }) errors.Add("topic", $"请选择主题类别（{string.Join("、", CounsellingCodes.Topics.Select(t => t.Name))}）");
        if (input.Minutes is not (>= 10 and <= 480)) errors.Add("minutes", "时长应为 10 至 480 分钟");
        if (input.Participants is not null and not (>= 1 and <= 50)) errors.Add("participants", "参加人数应为 1 至 50 人");
        errors.ThrowIfAny();
        var month = Entitlements.MonthOf(input.HeldOn!.Value);
        if (await db.Set<CounsellingSettlement>().AnyAsync(s => s.ContractId == contract.Id && s.Month == month, ct))
        {
            throw AppProblem.Conflict("marriage_counselling_month_settled", $"合同 {contract.Number} {month:yyyy年M月} 已结算，不能再登记该月的辅导记录");
        }
        var session = new CounsellingSession
        {
            ContractId = contract.Id,
            DivisionCode = contract.DivisionCode,
            HeldOn = input.HeldOn!.Value,
            Counsellor = input.Counsellor!.Trim(),
            Type = Backfill.BackfillCodes.Read(CounsellingCodes.Types, input.Type)!,
            Topic = Backfill.BackfillCodes.Read(CounsellingCodes.Topics, input.Topic)!,
            Minutes = input.Minutes!.Value,
            Participants = input.Participants ?? 1,
            CreatedBy = user.UserName,
            CreatedAt = clock.UtcNow,
        };
        db.Add(session);
        await db.SaveChangesAsync(ct);
        return session;
    }

    /// <summary>What has been settled under a contract (the budget used).</summary>
    public async Task<Money> SettledAsync(Guid contractId, CancellationToken ct) =>
        // one settlement a month at most: read and summed here (a sum over the Money conversion does not translate)
        new((await db.Set<CounsellingSettlement>().Where(s => s.ContractId == contractId).Select(s => s.Amount).ToListAsync(ct)).Sum(a => a.Fen));

    public async Task<SettleOutcome> SettleAsync(Guid contractId, CounsellingSettleInput input, CancellationToken ct = default)
    {
        var contract = await LoadAsync(contractId, ct);
        if (input.Month is not { } m) throw AppProblem.Field("month", "请选择结算月份");
        var month = Entitlements.MonthOf(m);
        if (month < Entitlements.MonthOf(contract.ValidFrom) || month > contract.ValidTo) throw AppProblem.Field("month", $"结算月份须在合同服务期内（{contract.ValidFrom:yyyy-MM} 至 {contract.ValidTo:yyyy-MM}）");
        if (month > Entitlements.MonthOf(clock.Today)) throw AppProblem.Conflict("marriage_counselling_month_open", "只能结算本月及以前的月份");
        // idempotent: a month is settled once; asking again answers the same settlement and publishes nothing more
        if (await db.Set<CounsellingSettlement>().FirstOrDefaultAsync(s => s.ContractId == contract.Id && s.Month == month, ct) is { } existing) return new(existing, true);

        var next = month.AddMonths(1);
        var sessions = await db.Set<CounsellingSession>().Where(s => s.ContractId == contract.Id && s.HeldOn >= month && s.HeldOn < next && s.SettlementId == null).ToListAsync(ct);
        if (sessions.Count == 0) throw AppProblem.Conflict("marriage_counselling_nothing_to_settle", $"{contract.ProviderName} {month:yyyy年M月} 没有辅导记录可结算");
        var amount = contract.UnitPrice * sessions.Count;
        var settled = await SettledAsync(contract.Id, ct);
        var remaining = contract.Budget - settled;
        if (amount > remaining)
        {
            throw AppProblem.Conflict("marriage_counselling_over_budget",
                $"本次结算 {amount.ToYuanString()}（{sessions.Count} 次 × {contract.UnitPrice.ToYuanString()}）超出合同 {contract.Number} 剩余预算 {remaining.ToYuanString()}（预算 {contract.Budget.ToYuanString()}，已结算 {settled.ToYuanString()}）；请追加预算后再结算");
        }
        var lines = sessions.GroupBy(s => s.Type).OrderBy(g => g.Key)
            .Select(g => new AmountLine($"{Backfill.BackfillCodes.NameOf(CounsellingCodes.Types, g.Key)} {g.Count()} 次 × {contract.UnitPrice} 元", (contract.UnitPrice * g.Count()).Yuan,
                $"合同 {contract.Number}（{contract.Document}）每次单价"))
            .ToList();
        lines.Add(new AmountLine($"{contract.ProviderName} {month:yyyy年M月}婚姻家庭辅导 {sessions.Count} 次", amount.Yuan,
            $"合同预算 {contract.Budget} 元，累计结算 {settled + amount} 元，剩余 {remaining - amount} 元"));
        var payMonth = Entitlements.MonthOf(clock.Today);
        var settlement = new CounsellingSettlement
        {
            Number = await numbers.NextAsync(new NumberSeries("HYJS", payMonth.Year, 5), db.Set<CounsellingSettlement>().IgnoreQueryFilters().Select(s => (string?)s.Number), ct),
            ContractId = contract.Id,
            OrganizationId = contract.OrganizationId,
            DivisionCode = contract.DivisionCode,
            Month = month,
            PayMonth = payMonth,
            SessionCount = sessions.Count,
            Amount = amount,
            Explanation = JsonSerializer.Serialize(lines, AuditRecorder.Json),
            CreatedBy = user.UserName,
            CreatedAt = clock.UtcNow,
        };
        db.Add(settlement);
        foreach (var s in sessions) s.SettlementId = settlement.Id;
        // published under the provider's registered division (inside the purchaser's, checked when the contract was made)
        var payeeDivision = await db.Organizations.Where(o => o.Id == contract.OrganizationId).Select(o => o.DivisionCode).FirstAsync(ct);
        entitlements.OneOff(Entitlements.Payee.ForOrganization(Program, settlement.Id, settlement.Number, contract.OrganizationId, payeeDivision),
            payMonth, amount, settlement.Explanation, $"婚姻家庭辅导 {month:yyyy年M月} 结算");
        audit.Add("settle", "marriage_counselling_settlement", settlement.Id.ToString(), new { settlement.Number, contract = contract.Number, month, amount = amount.Yuan, settlement.SessionCount }, contract.DivisionCode);
        await db.SaveChangesAsync(ct);
        return new(settlement, false);
    }

    public async Task<CounsellingContractView> ViewAsync(CounsellingContract c, CancellationToken ct = default) => (await ViewsAsync([c], ct))[0];

    /// <summary>The views of a page of contracts in three queries whatever its length (settled amounts, session counts), in the given order.</summary>
    public async Task<List<CounsellingContractView>> ViewsAsync(IReadOnlyList<CounsellingContract> contracts, CancellationToken ct = default)
    {
        var ids = contracts.Select(c => c.Id).ToList();
        // one settlement a month at most per contract: read and summed here (a sum over the Money conversion does not translate)
        var settled = (await db.Set<CounsellingSettlement>().Where(s => ids.Contains(s.ContractId)).Select(s => new { s.ContractId, s.Amount }).ToListAsync(ct))
            .GroupBy(s => s.ContractId).ToDictionary(g => g.Key, g => new Money(g.Sum(x => x.Amount.Fen)));
        var sessions = await db.Set<CounsellingSession>().Where(s => ids.Contains(s.ContractId)).GroupBy(s => s.ContractId)
            .Select(g => new { g.Key, All = g.Count(), Open = g.Count(s => s.SettlementId == null) }).ToDictionaryAsync(x => x.Key, ct);
        return contracts.Select(c =>
        {
            var paid = settled.GetValueOrDefault(c.Id, Money.Zero);
            var n = sessions.GetValueOrDefault(c.Id);
            return new CounsellingContractView(c.Id, c.Number, c.OrganizationId, c.ProviderName, c.DivisionCode, c.ValidFrom, c.ValidTo, c.Budget.Yuan, c.UnitPrice.Yuan, paid.Yuan,
                (c.Budget - paid).Yuan, n?.All ?? 0, n?.Open ?? 0, c.Document, c.IsDemo, c.Version);
        }).ToList();
    }

    public static object ToDto(CounsellingSession s) => new
    {
        s.Id,
        s.ContractId,
        s.HeldOn,
        s.Counsellor,
        s.Type,
        typeName = Backfill.BackfillCodes.NameOf(CounsellingCodes.Types, s.Type),
        s.Topic,
        topicName = Backfill.BackfillCodes.NameOf(CounsellingCodes.Topics, s.Topic),
        s.Minutes,
        s.Participants,
        settled = s.SettlementId is not null,
    };

    public static object ToDto(CounsellingSettlement s, bool alreadySettled = false) => new
    {
        s.Id,
        s.Number,
        s.ContractId,
        s.OrganizationId,
        s.Month,
        s.PayMonth,
        s.SessionCount,
        amount = s.Amount.Yuan,
        lines = JsonSerializer.Deserialize<List<AmountLine>>(s.Explanation, AuditRecorder.Json),
        alreadySettled,
    };
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Disability.Contracts;
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

namespace Minzheng.Web.Modules.Disability.Rehab;

public sealed record RehabContractInput(Guid? ProviderId, string? DivisionCode, DateOnly? ValidFrom, DateOnly? ValidTo, decimal? Budget, decimal? MonthlyPrice, string? Document);

public sealed record RehabSettleInput(DateOnly? Month);

/// <summary>A contract with its budget used (settled) and remaining, and how many people it serves now (a count: names stay restricted).</summary>
public sealed record RehabContractView(Guid Id, string Number, Guid OrganizationId, string ProviderName, string DivisionCode, DateOnly ValidFrom, DateOnly ValidTo,
    decimal Budget, decimal MonthlyPrice, decimal Settled, decimal Remaining, int? ActiveEnrolments, string Document, bool IsDemo, int Version);

/// <summary>The outcome of a settlement request: the settlement and whether it had been made before (idempotent per month).</summary>
public sealed record RehabSettleOutcome(RehabSettlement Settlement, bool AlreadySettled);

/// <summary>
/// The purchase side of community mental-health rehabilitation: contracts with a provider (a registered organisation inside the
/// purchaser's division) and the monthly settlement — person-months served × the contract's monthly price — published to
/// payments as a one-off entitlement to the provider, never beyond the remaining budget (409), once per month (asking again
/// answers the same settlement; a settled month takes no more sessions). The explanation holds counts only: no name, no diagnosis.
/// </summary>
public sealed class RehabPurchase(AppDbContext db, ICurrentUser user, OrganizationPayees payees, CaseNumbers numbers, Entitlements entitlements, AuditLog audit,
    BusinessClock clock)
{
    /// <summary>The code under which settlements are published to payments.</summary>
    public const string Program = "mental-rehab";

    public async Task<RehabContract> CreateContractAsync(RehabContractInput input, bool isDemo = false, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var division = payees.Purchaser(input.DivisionCode, errors);
        var provider = await payees.PayeeAsync(input.ProviderId, division, errors, "providerId", "服务机构", ct);
        if (input.ValidFrom is null) errors.Add("validFrom", "请填写服务期开始日期");
        if (input.ValidTo is not { } to) errors.Add("validTo", "请填写服务期结束日期");
        else if (input.ValidFrom is { } f && to < f) errors.Add("validTo", "服务期结束日期不能早于开始日期");
        else if (input.ValidFrom is { } f2 && to > f2.AddYears(3)) errors.Add("validTo", "服务期不能超过三年");
        if (input.Budget is not { } budget || budget <= 0 || budget > 100_000_000m || decimal.Round(budget, 2) != budget) errors.Add("budget", "预算须为大于 0、最多两位小数的金额（元）");
        if (input.MonthlyPrice is not { } price || price <= 0 || price > 100_000m || decimal.Round(price, 2) != price) errors.Add("monthlyPrice", "每人每月服务单价须为大于 0、最多两位小数的金额（元）");
        else if (input.Budget is { } b2 && price > b2) errors.Add("monthlyPrice", "单价不能超过预算");
        if (string.IsNullOrWhiteSpace(input.Document)) errors.Add("document", "请填写合同编号或采购文件号");
        else if (input.Document.Trim().Length > 200) errors.Add("document", "不能超过 200 个字");
        errors.ThrowIfAny();
        var contract = new RehabContract
        {
            Number = await numbers.NextAsync(new NumberSeries("JKHT", input.ValidFrom!.Value.Year, 4), db.Set<RehabContract>().IgnoreQueryFilters().Select(c => (string?)c.Number), ct),
            OrganizationId = provider!.Id,
            ProviderName = provider.Name,
            DivisionCode = division!,
            ValidFrom = input.ValidFrom!.Value,
            ValidTo = input.ValidTo!.Value,
            Budget = Money.FromYuan(input.Budget!.Value, "budget"),
            MonthlyPrice = Money.FromYuan(input.MonthlyPrice!.Value, "monthlyPrice"),
            Document = input.Document!.Trim(),
            IsDemo = isDemo,
        };
        db.Add(contract);
        audit.Add("create", "disability_rehab_contract", contract.Id.ToString(), new { contract.Number, contract.ProviderName, budget = contract.Budget.Yuan, monthlyPrice = contract.MonthlyPrice.Yuan }, contract.DivisionCode);
        await db.SaveChangesAsync(ct);
        return contract;
    }

    public async Task<RehabContract> LoadAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<RehabContract>().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw AppProblem.NotFound("精神障碍社区康复购买合同");

    /// <summary>What has been settled under a contract (the budget used).</summary>
    public async Task<Money> SettledAsync(Guid contractId, CancellationToken ct) =>
        // one settlement a month at most: read and summed here (a sum over the Money conversion does not translate)
        new((await db.Set<RehabSettlement>().Where(s => s.ContractId == contractId).Select(s => s.Amount).ToListAsync(ct)).Sum(a => a.Fen));

    public async Task<RehabSettleOutcome> SettleAsync(Guid contractId, RehabSettleInput input, CancellationToken ct = default)
    {
        var contract = await LoadAsync(contractId, ct);
        if (input.Month is not { } m) throw AppProblem.Field("month", "请选择结算月份");
        var month = Entitlements.MonthOf(m);
        if (month < Entitlements.MonthOf(contract.ValidFrom) || month > contract.ValidTo) throw AppProblem.Field("month", $"结算月份须在合同服务期内（{contract.ValidFrom:yyyy-MM} 至 {contract.ValidTo:yyyy-MM}）");
        if (month > Entitlements.MonthOf(clock.Today)) throw AppProblem.Conflict("disability_rehab_month_open", "只能结算本月及以前的月份");
        // idempotent: a month is settled once; asking again answers the same settlement and publishes nothing more
        if (await db.Set<RehabSettlement>().FirstOrDefaultAsync(s => s.ContractId == contract.Id && s.Month == month, ct) is { } existing) return new(existing, true);

        var next = month.AddMonths(1);
        // the settlement sees every session of the contract in the purchaser's division, whoever settles: counts are not restricted
        var sessions = await db.Set<RehabSession>().Where(s => s.ContractId == contract.Id && s.HeldOn >= month && s.HeldOn < next && s.SettlementId == null).ToListAsync(ct);
        // a person-month: an enrolled person who received at least one session in the month (the service was delivered)
        var personMonths = sessions.Select(s => s.EnrolmentId).Distinct().Count();
        if (personMonths == 0) throw AppProblem.Conflict("disability_rehab_nothing_to_settle", $"{contract.ProviderName} {month:yyyy年M月} 没有康复服务记录可结算");
        var amount = contract.MonthlyPrice * personMonths;
        var settled = await SettledAsync(contract.Id, ct);
        var remaining = contract.Budget - settled;
        if (amount > remaining)
        {
            throw AppProblem.Conflict("disability_rehab_over_budget",
                $"本次结算 {amount.ToYuanString()}（{personMonths} 人·月 × {contract.MonthlyPrice.ToYuanString()}）超出合同 {contract.Number} 剩余预算 {remaining.ToYuanString()}（预算 {contract.Budget.ToYuanString()}，已结算 {settled.ToYuanString()}）；请追加预算后再结算");
        }
        // counts only: how many people and sessions, never who, never a diagnosis
        var byType = string.Join("、", sessions.GroupBy(s => s.Type).OrderBy(g => RehabCodes.SessionTypes.ToList().FindIndex(t => t.Code == g.Key))
            .Select(g => $"{RehabCodes.NameOf(RehabCodes.SessionTypes, g.Key)} {g.Count()} 次"));
        var lines = new List<AmountLine>
        {
            new($"服务对象 {personMonths} 人·月 × {contract.MonthlyPrice} 元", amount.Yuan, $"合同 {contract.Number}（{contract.Document}）每人每月服务单价；当月至少接受一次服务计一人·月"),
            new($"{contract.ProviderName} {month:yyyy年M月}康复服务 {sessions.Count} 次（{byType}）", amount.Yuan,
                $"合同预算 {contract.Budget} 元，累计结算 {settled + amount} 元，剩余 {remaining - amount} 元"),
        };
        var payMonth = Entitlements.MonthOf(clock.Today);
        var settlement = new RehabSettlement
        {
            Number = await numbers.NextAsync(new NumberSeries("JKJS", payMonth.Year, 5), db.Set<RehabSettlement>().IgnoreQueryFilters().Select(s => (string?)s.Number), ct),
            ContractId = contract.Id,
            OrganizationId = contract.OrganizationId,
            DivisionCode = contract.DivisionCode,
            Month = month,
            PayMonth = payMonth,
            PersonMonths = personMonths,
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
            payMonth, amount, settlement.Explanation, $"精神障碍社区康复服务 {month:yyyy年M月} 结算");
        audit.Add("settle", "disability_rehab_settlement", settlement.Id.ToString(), new { settlement.Number, contract = contract.Number, month, amount = amount.Yuan, personMonths, sessions = sessions.Count }, contract.DivisionCode);
        await db.SaveChangesAsync(ct);
        return new(settlement, false);
    }

    public async Task<RehabContractView> ViewAsync(RehabContract c, CancellationToken ct = default) => (await ViewsAsync([c], ct))[0];

    /// <summary>The views of a page of contracts in two queries whatever its length, in the given order.</summary>
    public async Task<List<RehabContractView>> ViewsAsync(IReadOnlyList<RehabContract> contracts, CancellationToken ct = default)
    {
        var ids = contracts.Select(c => c.Id).ToList();
        var settled = (await db.Set<RehabSettlement>().Where(s => ids.Contains(s.ContractId)).Select(s => new { s.ContractId, s.Amount }).ToListAsync(ct))
            .GroupBy(s => s.ContractId).ToDictionary(g => g.Key, g => new Money(g.Sum(x => x.Amount.Fen)));
        // even a count of a township's enrolled people tells a clerk something: counted for users with the roll only
        var active = !user.HasPermission(RehabPermissions.Enrolments) ? new Dictionary<Guid, int>() : await db.Set<RehabEnrolment>().Where(e => ids.Contains(e.ContractId) && e.ExitedOn == null).GroupBy(e => e.ContractId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return contracts.Select(c =>
        {
            var paid = settled.GetValueOrDefault(c.Id, Money.Zero);
            return new RehabContractView(c.Id, c.Number, c.OrganizationId, c.ProviderName, c.DivisionCode, c.ValidFrom, c.ValidTo, c.Budget.Yuan, c.MonthlyPrice.Yuan, paid.Yuan,
                (c.Budget - paid).Yuan, user.HasPermission(RehabPermissions.Enrolments) ? active.GetValueOrDefault(c.Id) : null, c.Document, c.IsDemo, c.Version);
        }).ToList();
    }

    public static object ToDto(RehabSettlement s, bool alreadySettled = false) => new
    {
        s.Id,
        s.Number,
        s.ContractId,
        s.OrganizationId,
        s.Month,
        s.PayMonth,
        s.PersonMonths,
        s.SessionCount,
        amount = s.Amount.Yuan,
        lines = JsonSerializer.Deserialize<List<AmountLine>>(s.Explanation, AuditRecorder.Json),
        alreadySettled,
    };
}

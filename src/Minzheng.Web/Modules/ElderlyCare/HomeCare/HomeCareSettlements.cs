using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.ElderlyCare.HomeCare.Rules;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.ElderlyCare.HomeCare;

public sealed record SettleInput(Guid? ContractId, DateOnly? Month);

/// <summary>
/// A provider's monthly settlement: the month's complete records (all six visit-verification elements and the elder's
/// confirmation; not failed in a sampling audit) priced at the unit price in force on each record's date, within each elder's
/// monthly hours, refused beyond the contract's budget; published to payments as a one-off entitlement to the provider
/// (an organisation payee) with the explanation the payroll line shows. One transaction.
/// </summary>
public sealed class HomeCareSettlements(AppDbContext db, ICurrentUser user, FigureBook figures, Entitlements entitlements, CaseNumbers numbers, AuditLog audit,
    BusinessClock clock, HomeCareContracts contracts)
{
    /// <summary>The code under which settlements are published to payments.</summary>
    public const string Program = "elderly-home-care";

    public async Task<HomeCareSettlement> SettleAsync(SettleInput input, CancellationToken ct = default)
    {
        if (input.ContractId is not { } contractId) throw AppProblem.Field("contractId", "请选择服务合同");
        if (input.Month is not { } m) throw AppProblem.Field("month", "请选择结算月份");
        var month = Entitlements.MonthOf(m);
        var contract = await contracts.LoadAsync(contractId, ct);
        if (user.OrganizationId is not null) throw AppProblem.Forbidden("服务机构不能结算");
        if (month > Entitlements.MonthOf(clock.Today)) throw AppProblem.Conflict("home_care_month_open", "只能结算本月及以前的月份");
        if (month < Entitlements.MonthOf(contract.ValidFrom) || month > contract.ValidTo) throw AppProblem.Field("month", $"结算月份须在合同期内（{contract.ValidFrom:yyyy-MM} 至 {contract.ValidTo:yyyy-MM}）");
        if (await db.Set<HomeCareSettlement>().AnyAsync(s => s.ContractId == contract.Id && s.Month == month, ct))
        {
            throw AppProblem.Conflict("home_care_month_settled", $"合同 {contract.Number} {month:yyyy年M月} 已结算");
        }

        var next = month.AddMonths(1);
        var records = await db.Set<HomeCareVisit>()
            .Where(v => v.ContractId == contract.Id && v.ServiceDate >= month && v.ServiceDate < next && v.SettlementId == null)
            .OrderBy(v => v.CheckInAt).ThenBy(v => v.Id).ToListAsync(ct);
        var failed = records.Where(v => v.AuditResult == HomeCareAuditResult.Failed).ToList();
        var incomplete = records.Where(v => v.AuditResult != HomeCareAuditResult.Failed && HomeCareRules.MissingElements(v).Count > 0).ToList();
        var complete = records.Except(failed).Except(incomplete).ToList();
        if (complete.Count == 0)
        {
            throw AppProblem.Conflict("home_care_nothing_to_settle", $"{contract.ProviderName} {month:yyyy年M月} 没有可结算的服务记录（{incomplete.Count} 条缺少签退或服务对象确认）");
        }

        var orderIds = complete.Select(v => v.OrderId).Distinct().ToList();
        var hours = await db.Set<HomeCareOrder>().Where(o => orderIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.MonthlyHours, ct);
        var prices = new Dictionary<(string, DateOnly), FigureValue>();
        FigureValue PriceOf(HomeCareVisit v)
        {
            if (!prices.TryGetValue((v.ServiceCode, v.ServiceDate), out var price))
            {
                prices[(v.ServiceCode, v.ServiceDate)] = price = figures.Require(HomeCareFigures.UnitPrice, contract.DivisionCode, v.ServiceDate, v.ServiceCode);
            }
            return price;
        }
        var priced = HomeCareRules.Price(complete.Select(v => new VisitToPrice(v.Id, v.OrderId, v.ServiceCode, v.CheckInAt, v.Minutes, PriceOf(v).Amount, hours[v.OrderId])));
        var amount = new Money(priced.Sum(p => p.Amount.Fen));

        var settled = await contracts.SettledAsync(contract.Id, ct);
        if (settled + amount > contract.Budget)
        {
            throw AppProblem.Conflict("home_care_over_budget",
                $"本次结算 {amount.ToYuanString()}，合同 {contract.Number} 已结算 {settled.ToYuanString()}，合计超出年度预算 {contract.Budget.ToYuanString()}；请追加预算或核减后再结算");
        }

        // one line per service and unit price (the figure and its document), then what was not bought and why
        var byId = complete.ToDictionary(v => v.Id);
        var lines = priced.GroupBy(p => (p.Service, Price: PriceOf(byId[p.VisitId])))
            .Select(g => new AmountLine(
                $"{HomeCareFigures.ServiceName(g.Key.Service)} {g.Count()} 次 {Hours(g.Sum(p => p.PaidMinutes))} 小时 × {g.Key.Price.Amount} 元/小时",
                new Money(g.Sum(p => p.Amount.Fen)).Yuan, g.Key.Price.Basis))
            .ToList();
        var capped = priced.Sum(p => p.Minutes - p.PaidMinutes);
        if (capped > 0) lines.Add(new AmountLine($"超出每月服务时长未计 {Hours(capped)} 小时", 0m, "订单核定的每人每月服务时长"));
        if (incomplete.Count > 0)
        {
            var why = string.Join("、", incomplete.SelectMany(HomeCareRules.MissingElements).Distinct());
            lines.Add(new AmountLine($"未结算记录 {incomplete.Count} 条（缺{why}）", 0m, "电子服务核验六要素及服务对象确认齐全方可结算"));
        }
        if (failed.Count > 0) lines.Add(new AmountLine($"抽查不合格记录 {failed.Count} 条不予结算", 0m, "服务记录抽查"));
        var (percent, _) = HomeCareRules.Consumption(contract.Budget, settled + amount, 100m);
        lines.Add(new AmountLine($"{contract.ProviderName} {month:yyyy年M月}服务 {complete.Select(v => v.PersonId).Distinct().Count()} 人 {complete.Count} 次", amount.Yuan,
            $"合同 {contract.Number}（{contract.Document}），年度预算 {contract.Budget} 元，累计结算 {(settled + amount)} 元（{percent}%）"));

        var payMonth = Entitlements.MonthOf(clock.Today);
        var settlement = new HomeCareSettlement
        {
            Number = await numbers.NextAsync(new NumberSeries("JJJS", payMonth.Year, 5), db.Set<HomeCareSettlement>().IgnoreQueryFilters().Select(s => (string?)s.Number), ct),
            ContractId = contract.Id,
            OrganizationId = contract.OrganizationId,
            DivisionCode = contract.DivisionCode,
            Month = month,
            PayMonth = payMonth,
            VisitCount = complete.Count,
            ElderCount = complete.Select(v => v.PersonId).Distinct().Count(),
            Minutes = priced.Sum(p => p.PaidMinutes),
            ExcludedCount = incomplete.Count + failed.Count,
            Amount = amount,
            Explanation = JsonSerializer.Serialize(lines, AuditRecorder.Json),
            CreatedBy = user.UserName,
        };
        db.Add(settlement);
        foreach (var v in complete) v.SettlementId = settlement.Id;
        // published under the provider's registered division (inside the purchaser's, checked when the contract was made): payroll
        // generates lines township by township over the payees' divisions
        var payeeDivision = await db.Organizations.Where(o => o.Id == contract.OrganizationId).Select(o => o.DivisionCode).FirstAsync(ct);
        entitlements.OneOff(Entitlements.Payee.ForOrganization(Program, settlement.Id, settlement.Number, contract.OrganizationId!.Value, payeeDivision, settlement.ElderCount),
            payMonth, amount, settlement.Explanation, $"居家养老服务 {month:yyyy年M月} 结算");
        audit.Add("settle", "elderly_homecare_settlement", settlement.Id.ToString(), new { settlement.Number, contract = contract.Number, month, amount = amount.Yuan, settlement.VisitCount, settlement.ExcludedCount }, contract.DivisionCode);
        await db.SaveChangesAsync(ct);
        return settlement;
    }

    private static string Hours(int minutes) => (minutes / 60m).ToString("0.##", CultureInfo.InvariantCulture);
}

using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.Assistance.Rules;

/// <summary>A figure as a pure rule receives it: its value and the basis to quote (document, date, issuer).</summary>
public sealed record Figure<T>(T Value, string Basis);

public sealed record AddOnFigure(string Category, string Name, Money? Amount, decimal? Percent, string Basis);

/// <summary>The figures in force for one household on one date (loaded from effective-dated configuration).</summary>
public sealed record DibaoFigures(
    Figure<Money> Standard,
    IReadOnlyList<AddOnFigure> AddOns,
    Figure<int> ElderlyAge,
    Figure<int> MinorAge,
    Figure<decimal>? SinglePersonFloorPercent,
    Figure<RoundingRule> Rounding,
    Figure<decimal>? DepositMultiple,
    Figure<int>? MaxVehicles,
    Figure<int>? MaxHouses,
    Figure<bool>? BusinessAllowed,
    Figure<decimal> MarginalMultiple);

public sealed record DibaoMember(DateOnly BirthDate, int? DisabilityGrade = null, DisabilityCategory? DisabilityCategory = null, bool SeriouslyIll = false);

/// <summary>Household property as declared and checked: deposits and securities, vehicles, houses, registered businesses.</summary>
public sealed record PropertyDeclaration(Money Deposits, int Vehicles, int Houses, bool HasBusiness);

public sealed record DibaoRequest(DateOnly Date, Money HouseholdMonthlyIncome, IReadOnlyList<DibaoMember> Members, PropertyDeclaration? Property = null, bool SinglePerson = false);

public sealed record DibaoResult(
    bool Eligible, decimal PerCapitaIncome, Money Standard, Money MonthlyAmount, IReadOnlyList<AmountLine> Lines,
    IReadOnlyList<string> Reasons, bool Marginal);

/// <summary>
/// The dibao amount, as a pure explained rule.
/// 社会救助暂行办法 第九条、第十二条: eligible when per-capita income is below the local standard and property is
/// within the local rules; paid monthly as the gap: standard × members − household monthly income.
/// 分类施保 (第十二条第二款): a per-person add-on for elderly, minors, grade 1–2 disabled and seriously ill members
/// (one add-on per person, the highest, not cumulative). 单人户 may have a floor. Rounded by the configured rule.
/// </summary>
public static class DibaoRules
{
    public static DibaoResult Calculate(DibaoRequest request, DibaoFigures f)
    {
        ArgumentOutOfRangeException.ThrowIfZero(request.Members.Count);
        var lines = new List<AmountLine>();
        var reasons = new List<string>();
        var n = request.Members.Count;
        var standard = f.Standard.Value;
        var income = request.HouseholdMonthlyIncome.Yuan;
        var perCapita = income / n;

        var incomeEligible = perCapita < standard.Yuan;
        if (!incomeEligible)
        {
            reasons.Add($"家庭人均月收入 {perCapita:0.00} 元不低于低保标准 {standard} 元（社会救助暂行办法第九条）");
        }
        reasons.AddRange(PropertyFailures(request.Property, n, f));
        var marginal = !incomeEligible && perCapita < standard.Yuan * f.MarginalMultiple.Value;

        if (reasons.Count > 0)
        {
            return new DibaoResult(false, decimal.Round(perCapita, 2), standard, Money.Zero, lines, reasons, marginal && reasons.Count == 1 && !incomeEligible);
        }

        // 第十二条: the gap between the standard and the household's income.
        var gap = standard.Yuan * n - income;
        lines.Add(new AmountLine($"保障标准 {standard} 元 × {n} 人", standard.Yuan * n, f.Standard.Basis));
        lines.Add(new AmountLine(AmountLine.Subtracted + "家庭月收入", -income, "共同生活家庭成员月收入合计（已扣除不计入收入的项目和允许扣减的支出）"));

        var addOns = 0m;
        foreach (var (member, i) in request.Members.Select((m, i) => (m, i)))
        {
            var best = f.AddOns.Where(a => Applies(a.Category, member, request.Date, f))
                .Select(a => (a, amount: a.Amount?.Yuan ?? decimal.Round(standard.Yuan * (a.Percent ?? 0) / 100m, 2)))
                .OrderByDescending(x => x.amount).FirstOrDefault();
            if (best.a is null || best.amount <= 0) continue;
            addOns += best.amount;
            lines.Add(new AmountLine($"分类施保：第 {i + 1} 位成员（{best.a.Name}）", best.amount, best.a.Basis + "；同时符合多项的按最高一项，不累加"));
        }

        var total = gap + addOns;
        if (request.SinglePerson && f.SinglePersonFloorPercent is { } floor)
        {
            var minimum = decimal.Round(standard.Yuan * floor.Value / 100m, 2);
            if (total < minimum)
            {
                lines.Add(new AmountLine($"单人户保底：标准的 {floor.Value:0.###}%", minimum - total, floor.Basis));
                total = minimum;
            }
        }
        var rounded = Rounding.Apply(total, f.Rounding.Value);
        if (rounded.Yuan != total)
        {
            lines.Add(new AmountLine($"取整（{Platform.Money.Rounding.Describe(f.Rounding.Value)}）", rounded.Yuan - total, f.Rounding.Basis));
        }
        return new DibaoResult(true, decimal.Round(perCapita, 2), standard, rounded, lines, [], false);
    }

    private static bool Applies(string category, DibaoMember m, DateOnly date, DibaoFigures f)
    {
        var age = AgeOn(m.BirthDate, date);
        return category switch
        {
            "elderly" => age >= f.ElderlyAge.Value,
            "minor" => age < f.MinorAge.Value,
            "severe-disability" => m.DisabilityGrade is 1 or 2,
            "serious-illness" => m.SeriouslyIll,
            _ => false,
        };
    }

    public static int AgeOn(DateOnly birth, DateOnly date)
    {
        var age = date.Year - birth.Year;
        return birth.AddYears(age) > date ? age - 1 : age;
    }

    /// <summary>Each configured property rule that the household fails, with its reason. Unconfigured rules are not applied.</summary>
    public static IEnumerable<string> PropertyFailures(PropertyDeclaration? p, int members, DibaoFigures f)
    {
        if (p is null) yield break;
        if (f.DepositMultiple is { } dm)
        {
            var limit = f.Standard.Value.Yuan * 12 * dm.Value;
            var perCapita = p.Deposits.Yuan / members;
            if (perCapita > limit) yield return $"家庭人均存款等金融资产 {perCapita:0.00} 元超过年低保标准的 {dm.Value:0.##} 倍（{limit:0.00} 元）（{dm.Basis}）";
        }
        if (f.MaxVehicles is { } mv && p.Vehicles > mv.Value) yield return $"家庭拥有机动车 {p.Vehicles} 辆，超过允许的 {mv.Value} 辆（{mv.Basis}）";
        if (f.MaxHouses is { } mh && p.Houses > mh.Value) yield return $"家庭拥有住房 {p.Houses} 套，超过允许的 {mh.Value} 套（{mh.Basis}）";
        if (f.BusinessAllowed is { Value: false } ba && p.HasBusiness) yield return $"家庭成员登记有经营的企业或个体工商户（{ba.Basis}）";
    }
}

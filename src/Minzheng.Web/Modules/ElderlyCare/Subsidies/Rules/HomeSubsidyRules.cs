using Minzheng.Web.Platform.Money;

namespace Minzheng.Web.Modules.ElderlyCare.Subsidies.Rules;

/// <summary>A resident counted for a month's operating subsidy: present on the month's last day, with the level of the latest assessment (null: not assessed).</summary>
public sealed record SubsidyResident(string Name, int? Level);

/// <summary>The figures in force for the month (rules-2 §1.7 model: amount per occupied bed-month, raise per ability level, minimum operating months).</summary>
/// <param name="PerBedBasis">The per-bed figure with its document; with <paramref name="RaiseBasis"/> (each level's raise figure) it is each resident's line basis, else <paramref name="Basis"/> is.</param>
public sealed record OperatingFigures(decimal PerBed, IReadOnlyDictionary<int, decimal> RaisePercent, int MinOperatingMonths, string Basis,
    string? PerBedBasis = null, IReadOnlyDictionary<int, string>? RaiseBasis = null);

public sealed record SubsidyDecision(bool Eligible, decimal Amount, IReadOnlyList<AmountLine> Lines, IReadOnlyList<string> Reasons);

/// <summary>
/// 民办养老机构补贴 (广西民办养老机构补贴办法; Guangxi amounts UNCONFIRMED, rules-2 §1.7): a construction subsidy per new bed, an
/// operating subsidy per occupied bed and month raised by the resident's ability level, after a minimum number of operating months;
/// the construction subsidy is recovered when the home closes within the claw-back years. Pure: the figures come from the figure book.
/// </summary>
public static class HomeSubsidyRules
{
    public const string Basis = "广西民办养老机构补贴办法（补贴标准以县级以上民政部门文件为准）";

    /// <summary>How each resident's amount is rounded (the sum is of rounded lines).</summary>
    public const string Rounding = "每位老人的金额 = 每床每月标准 ×（1 + 加发比例），四舍五入保留到分；合计为各行之和";

    /// <summary>Operating months from the month a home opened to the subsidised month, both counted.</summary>
    public static int OperatingMonths(DateOnly openedOn, DateOnly month) => (month.Year - openedOn.Year) * 12 + month.Month - openedOn.Month + 1;

    public static SubsidyDecision Operating(bool isPrivate, DateOnly openedOn, DateOnly? filedOn, DateOnly month, IReadOnlyList<SubsidyResident> residents, OperatingFigures f)
    {
        var blocking = new List<string>();
        var notes = new List<string>();
        if (!isPrivate) blocking.Add("只有民办养老机构享受运营补贴");
        var monthEnd = month.AddMonths(1).AddDays(-1);
        if (filedOn is not { } filed || filed > monthEnd) blocking.Add($"{month:yyyy年M月}末尚未备案");
        var operated = OperatingMonths(openedOn, month);
        if (operated < f.MinOperatingMonths) blocking.Add($"至 {month:yyyy年M月} 运营 {Math.Max(0, operated)} 个月，不满 {f.MinOperatingMonths} 个月");
        var lines = new List<AmountLine>();
        foreach (var r in residents)
        {
            if (r.Level is not { } level)
            {
                notes.Add($"{r.Name}：未做能力评估，不计入（入院须评估）");
                continue;
            }
            var raise = f.RaisePercent.GetValueOrDefault(level);
            var amount = Math.Round(f.PerBed * (100m + raise) / 100m, 2, MidpointRounding.AwayFromZero);
            // each line cites the two figures it multiplies (per bed, the level's raise), so the county sees which document applies
            var basis = f.PerBedBasis is { } perBed ? perBed + (f.RaiseBasis?.GetValueOrDefault(level) is { } rb ? "；" + rb : "；该等级无加发标准，按 0%") : f.Basis;
            lines.Add(new AmountLine($"{r.Name}（能力等级 {level} 级）：{f.PerBed:N2} 元 ×（1 + {raise:0.###}%）", amount, basis));
        }
        if (lines.Count == 0) blocking.Add($"{month:yyyy年M月}末没有已评估的在住老人");
        if (blocking.Count > 0) return new SubsidyDecision(false, 0m, [], [.. blocking, .. notes, Basis]);
        var total = lines.Sum(l => l.Amount);
        return new SubsidyDecision(true, total, lines, [$"{month:yyyy年M月} 入住床位 {lines.Count} 张，运营补贴 {total:N2} 元", .. notes, Rounding, Basis]);
    }

    public static SubsidyDecision Construction(bool isPrivate, int newBeds, decimal perBed, string basis)
    {
        var reasons = new List<string>();
        if (!isPrivate) reasons.Add("只有民办养老机构享受建设补贴");
        if (newBeds <= 0) reasons.Add("新增床位数须大于 0");
        if (reasons.Count > 0) return new SubsidyDecision(false, 0m, [], [.. reasons, Basis]);
        var amount = perBed * newBeds;
        return new SubsidyDecision(true, amount, [new AmountLine($"新增床位 {newBeds} 张 × {perBed:N2} 元", amount, basis)], [$"建设补贴 {amount:N2} 元", Basis]);
    }

    /// <summary>The construction subsidy to recover when a home closes within <paramref name="years"/> of the approval: all of it; nothing after.</summary>
    public static decimal Clawback(decimal paid, DateOnly approvedOn, DateOnly closedOn, int years) => closedOn < approvedOn.AddYears(years) ? paid : 0m;
}

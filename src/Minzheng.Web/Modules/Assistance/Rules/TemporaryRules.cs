using Minzheng.Web.Platform.Money;

namespace Minzheng.Web.Modules.Assistance.Rules;

public enum TemporaryType
{
    /// <summary>急难型: accidents, sudden serious illness; help on the spot.</summary>
    Urgent = 1,

    /// <summary>支出型: medical or education spending beyond the household's means; means-tested.</summary>
    Expense = 2,
}

public enum ApprovalLevel
{
    Township = 1,
    County = 2,
}

public sealed record TemporaryFigures(Figure<Money> MonthlyDibaoStandard, Figure<decimal> MaxMultiple, Figure<Money>? Cap, Figure<Money> TownshipLimit, Figure<RoundingRule> Rounding);

public sealed record TemporaryResult(Money Amount, Money Maximum, ApprovalLevel Level, IReadOnlyList<AmountLine> Lines);

/// <summary>
/// 临时救助 amount: what the household needs, at most k × the monthly dibao standard (k by type) and at most the cap;
/// 社会救助暂行办法 第四十八条: small amounts may be approved by the township, above its limit the county approves.
/// </summary>
public static class TemporaryRules
{
    public static TemporaryResult Calculate(Money requested, TemporaryFigures f)
    {
        var lines = new List<AmountLine>();
        var byMultiple = Rounding.Apply(f.MonthlyDibaoStandard.Value.Yuan * f.MaxMultiple.Value, RoundingRule.Fen);
        var maximum = f.Cap is { } cap ? Money.Min(byMultiple, cap.Value) : byMultiple;
        lines.Add(new AmountLine("申请救助金额（核定的需求）", requested.Yuan, "入户调查核定的实际困难"));
        lines.Add(new AmountLine($"上限：月低保标准 {f.MonthlyDibaoStandard.Value} 元 × {f.MaxMultiple.Value:0.##}", byMultiple.Yuan, $"{f.MaxMultiple.Basis}；{f.MonthlyDibaoStandard.Basis}"));
        if (f.Cap is { } c) lines.Add(new AmountLine("单次最高金额", c.Value.Yuan, c.Basis));
        var amount = Rounding.Apply(Money.Min(requested, maximum).Yuan, f.Rounding.Value);
        if (amount > maximum) amount = maximum;
        lines.Add(new AmountLine("核定救助金额", amount.Yuan, requested > maximum ? "按上限核定" : "按需求核定"));
        var level = amount <= f.TownshipLimit.Value ? ApprovalLevel.Township : ApprovalLevel.County;
        lines.Add(new AmountLine(level == ApprovalLevel.Township ? "乡镇审批额度以内，由乡镇审批" : "超过乡镇审批额度，由县级审批", f.TownshipLimit.Value.Yuan, f.TownshipLimit.Basis));
        return new TemporaryResult(amount, maximum, level, lines);
    }
}

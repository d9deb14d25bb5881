namespace Minzheng.Web.Platform.Money;

/// <summary>How a computed amount is rounded (domain decision 5; the rule itself is configuration).</summary>
public enum RoundingRule
{
    /// <summary>Up to the next whole yuan (the default).</summary>
    CeilingYuan = 1,

    /// <summary>To the nearest whole yuan, halves up.</summary>
    NearestYuan = 2,

    /// <summary>Up to the next ten yuan.</summary>
    CeilingTenYuan = 3,

    /// <summary>Exact to the fen.</summary>
    Fen = 4,
}

public static class Rounding
{
    public static Money Apply(decimal yuan, RoundingRule rule) => rule switch
    {
        RoundingRule.CeilingYuan => Money.FromYuan(decimal.Ceiling(yuan)),
        RoundingRule.NearestYuan => Money.FromYuan(decimal.Round(yuan, 0, MidpointRounding.AwayFromZero)),
        RoundingRule.CeilingTenYuan => Money.FromYuan(decimal.Ceiling(yuan / 10m) * 10m),
        _ => Money.FromYuan(decimal.Round(yuan, 2, MidpointRounding.AwayFromZero)),
    };

    public static string Describe(RoundingRule rule) => rule switch
    {
        RoundingRule.CeilingYuan => "向上取整到元",
        RoundingRule.NearestYuan => "四舍五入到元",
        RoundingRule.CeilingTenYuan => "向上取整到十元",
        _ => "精确到分",
    };
}

/// <summary>One line of an amount's explanation: what it is, how much, on what basis (rule, standard, document, date).</summary>
public sealed record AmountLine(string Label, decimal Amount, string Basis)
{
    /// <summary>The prefix of a line that is subtracted ("减：家庭月收入"): its amount is stored signed, for the sum.</summary>
    public const string Subtracted = "减：";

    /// <summary>
    /// The amount as a reader sees it: a subtracted line already says 减, so it shows 900.00, not "减：家庭月收入 -900.00"
    /// (a method, not a property, so the stored and returned JSON keep the signed amount).
    /// </summary>
    public string ShownAmount() => (Label.StartsWith(Subtracted, StringComparison.Ordinal) ? Math.Abs(Amount) : Amount).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}

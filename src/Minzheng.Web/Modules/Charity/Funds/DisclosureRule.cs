namespace Minzheng.Web.Modules.Charity.Funds;

/// <summary>An overdue disclosure of a plan: what is due and since when.</summary>
public sealed record DisclosureDue(string Code, DateOnly DueOn, string Text);

/// <summary>
/// 慈善法 2016 第七十三条 (2023 第七十九条): a fundraising that lasts more than six months discloses every three months; every
/// fundraising discloses fully within three months after it ends. The months are figures.
/// </summary>
public static class DisclosureRule
{
    public const string LongPlan = "long-plan";
    public const string Interval = "interval";
    public const string Final = "final";

    /// <summary>The disclosures overdue on <paramref name="today"/> (empty when none).</summary>
    public static IReadOnlyList<DisclosureDue> Overdue(DateOnly startsOn, DateOnly endsOn, DateOnly? lastDisclosedOn, DateOnly? finalDisclosedOn, DateOnly today,
        int longPlanMonths, int intervalMonths, int finalMonths)
    {
        var due = new List<DisclosureDue>();
        // "more than six months": the period runs past the day six months after the start
        if (endsOn > startsOn.AddMonths(longPlanMonths))
        {
            var next = (lastDisclosedOn is { } last && last >= startsOn ? last : startsOn).AddMonths(intervalMonths);
            if (next <= endsOn && next < today) due.Add(new("periodic", next, $"募捐期超过{longPlanMonths}个月，应每{intervalMonths}个月公开一次，{next:yyyy-MM-dd}前未公开"));
        }
        var final = endsOn.AddMonths(finalMonths);
        if (finalDisclosedOn is null && final < today) due.Add(new("final", final, $"募捐活动结束后{finalMonths}个月内应全面公开，{final:yyyy-MM-dd}前未公开"));
        return due;
    }
}

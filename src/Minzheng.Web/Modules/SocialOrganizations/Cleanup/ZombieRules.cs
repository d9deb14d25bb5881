using Minzheng.Web.Modules.SocialOrganizations.Reports;

namespace Minzheng.Web.Modules.SocialOrganizations.Cleanup;

/// <summary>
/// The thresholds of the 僵尸型 rule (issue 14 item 7), from the figure book. Zero switches a criterion off. Local choices:
/// "连续2年不参加年检 → 撤销登记" is UNCONFIRMED (rules.md §6.1), so both ship as demo rows only.
/// </summary>
public sealed record ZombieThresholds(int MissingReportYears, int InactiveMonths);

/// <summary>One annual-report year of an organisation as the rule reads it: what was due, and when it was filed (null: never).</summary>
public sealed record ReportYearFact(ReportDue Due, DateOnly? FiledOn);

/// <summary>
/// What the rule knows of one organisation: its registration date, its report years, the dates of its recorded activity
/// (reports filed, registry changes, an outcome 恢复活动 of a cleanup campaign …) and, when the credit ledger has an open
/// 无法取得联系 ground, the date it was recorded.
/// </summary>
public sealed record ZombieFacts(DateOnly RegisteredOn, IReadOnlyList<ReportYearFact> Reports, IReadOnlyList<DateOnly> Activity, DateOnly? UnreachableSince);

/// <summary>A reason an organisation is flagged: a stable code and the Chinese sentence the list shows.</summary>
public sealed record ZombieReason(string Code, string Text);

/// <summary>
/// 僵尸型社会组织: flagged from facts alone (no side effects, table-tested): no annual report for N consecutive due years,
/// nothing recorded for N months, or unreachable at the registered address (an open credit ground of 60号令). Flagging is
/// a list for the officer to act on, not a decision: the campaign ledger records what was done.
/// </summary>
public static class ZombieRules
{
    public const string MissingReports = "missing-reports";
    public const string Inactive = "inactive";
    public const string Unreachable = "unreachable";

    public static IReadOnlyList<ZombieReason> Flag(ZombieFacts facts, ZombieThresholds t, DateOnly asOf)
    {
        var reasons = new List<ZombieReason>();
        if (t.MissingReportYears > 0)
        {
            // the most recent years whose deadline has passed, newest first; exempt years neither count nor break the run
            var missing = new List<int>();
            foreach (var r in facts.Reports.Where(r => !r.Due.Exempt && r.Due.SubmitBy is { } by && by < asOf).OrderByDescending(r => r.Due.Year))
            {
                if (r.FiledOn is { } filed && filed <= asOf) break;
                missing.Add(r.Due.Year);
            }
            if (missing.Count >= t.MissingReportYears)
            {
                missing.Reverse();
                reasons.Add(new(MissingReports, $"连续{missing.Count}年未报送年度工作报告（{string.Join("、", missing)}年度）"));
            }
        }
        if (t.InactiveMonths > 0)
        {
            var last = facts.Activity.Where(d => d <= asOf).Append(facts.RegisteredOn).Max();
            if (asOf >= last.AddMonths(t.InactiveMonths))
                reasons.Add(new(Inactive, $"自{last:yyyy-MM-dd}起{t.InactiveMonths}个月以上无活动记录"));
        }
        if (facts.UnreachableSince is { } since && since <= asOf)
            reasons.Add(new(Unreachable, $"自{since:yyyy-MM-dd}起通过登记的住所无法取得联系"));
        return reasons;
    }
}

using Minzheng.Web.Modules.SocialOrganizations.Credit;
using Minzheng.Web.Modules.SocialOrganizations.Reports;

namespace Minzheng.Web.Modules.SocialOrganizations.Evaluation;

/// <summary>One year's annual report: whether it was filed and, once reviewed, its conclusion.</summary>
public sealed record AnnualReportRecord(int Year, bool Filed, InspectionConclusion? Conclusion);

/// <summary>
/// The facts eligibility reads. <paramref name="LastGradedOn"/> and <paramref name="GradeValidUntil"/> describe the grade in force
/// (null when never evaluated); a grade whose validity has ended counts as none.
/// </summary>
public sealed record EvaluationCandidate(DateOnly RegisteredOn, CreditList List, IReadOnlyList<AnnualReportRecord> Reports, bool PenaltyLastYearOrOpen = false, bool UnderInvestigation = false,
    DateOnly? LastGradedOn = null, DateOnly? GradeValidUntil = null);

/// <summary>
/// Who may apply for evaluation (民政部令第39号, rules.md §6.3): registered 2 full years; never evaluated, or the grade expired, or
/// at least 2 years since the last evaluation within its validity; not on the 异常名录 or 失信名单; the last report filed and not
/// 不合格; not 基本合格 two years running; not penalised last year nor with a penalty not carried out; not under investigation.
/// Returns every reason it fails (an empty list means eligible), so the applicant sees all at once.
/// </summary>
public static class EvaluationEligibility
{
    public const string TooYoung = "registered-under-two-years";
    public const string EvaluatedRecently = "evaluated-recently";
    public const string Listed = "on-credit-list";
    public const string LastReportMissing = "last-report-missing";
    public const string LastReportUnqualified = "last-report-unqualified";
    public const string BasicTwice = "basically-qualified-twice";
    public const string Penalised = "penalised";
    public const string Investigated = "under-investigation";

    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        [TooYoung] = "成立登记未满2年",
        [EvaluatedRecently] = "评估等级在有效期内且距上次评估不满2年",
        [Listed] = "被列入活动异常名录或者严重违法失信名单",
        [LastReportMissing] = "未参加上一年度年检（未报送年度工作报告）",
        [LastReportUnqualified] = "上一年度年检不合格",
        [BasicTwice] = "连续2年年检基本合格",
        [Penalised] = "上一年度受到行政处罚或者行政处罚尚未执行完毕",
        [Investigated] = "正在被有关机关调查",
    };

    /// <param name="fullYears">How many full years must have passed since registration (2; a figure).</param>
    /// <param name="reevaluateYears">How many years after the last evaluation a graded organisation may apply again within the validity (2; a figure).</param>
    public static IReadOnlyList<string> Check(EvaluationCandidate c, DateOnly applyOn, int fullYears = 2, int reevaluateYears = 2)
    {
        var reasons = new List<string>();
        if (applyOn < c.RegisteredOn.AddYears(fullYears)) reasons.Add(TooYoung);
        // a grade still valid blocks a new application until reevaluateYears have passed (to apply for a higher grade)
        if (c.GradeValidUntil is { } until && until >= applyOn && c.LastGradedOn is { } graded && applyOn < graded.AddYears(reevaluateYears)) reasons.Add(EvaluatedRecently);
        if (c.List != CreditList.None) reasons.Add(Listed);
        var lastYear = applyOn.Year - 1;
        var last = c.Reports.FirstOrDefault(r => r.Year == lastYear);
        if (last is not { Filed: true }) reasons.Add(LastReportMissing);
        else if (last.Conclusion == InspectionConclusion.Unqualified) reasons.Add(LastReportUnqualified);
        var before = c.Reports.FirstOrDefault(r => r.Year == lastYear - 1);
        if (last?.Conclusion == InspectionConclusion.BasicallyQualified && before?.Conclusion == InspectionConclusion.BasicallyQualified) reasons.Add(BasicTwice);
        if (c.PenaltyLastYearOrOpen) reasons.Add(Penalised);
        if (c.UnderInvestigation) reasons.Add(Investigated);
        return reasons;
    }
}

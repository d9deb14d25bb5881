using Minzheng.Web.Modules.SocialOrganizations.Credit;
using Minzheng.Web.Modules.SocialOrganizations.Evaluation;
using C = Minzheng.Web.Modules.SocialOrganizations.Reports.InspectionConclusion;
using E = Minzheng.Web.Modules.SocialOrganizations.Evaluation.EvaluationEligibility;

namespace Minzheng.Tests.SocialOrganizations;

/// <summary>Who may apply for evaluation (民政部令第39号, rules.md §6.3); every failing reason is returned.</summary>
public sealed class EvaluationEligibilityTests
{
    private static readonly DateOnly Apply = new(2026, 4, 1);

    private static AnnualReportRecord R(int year, C? c, bool filed = true) => new(year, filed, c);

    public static TheoryData<string, EvaluationCandidate, string[]> Cases => new()
    {
        { "eligible", new(new(2024, 4, 1), CreditList.None, [R(2025, C.Qualified), R(2024, C.BasicallyQualified)]), [] },
        { "one day short of 2 full years", new(new(2024, 4, 2), CreditList.None, [R(2025, C.Qualified)]), [E.TooYoung] },
        { "on the abnormal list", new(new(2020, 1, 1), CreditList.Abnormal, [R(2025, C.Qualified)]), [E.Listed] },
        { "on the dishonest list", new(new(2020, 1, 1), CreditList.Dishonest, [R(2025, C.Qualified)]), [E.Listed] },
        { "no report last year", new(new(2020, 1, 1), CreditList.None, [R(2024, C.Qualified)]), [E.LastReportMissing] },
        { "report recorded as not filed", new(new(2020, 1, 1), CreditList.None, [R(2025, null, filed: false)]), [E.LastReportMissing] },
        { "filed, not yet reviewed", new(new(2020, 1, 1), CreditList.None, [R(2025, null)]), [] },
        { "last year 不合格", new(new(2020, 1, 1), CreditList.None, [R(2025, C.Unqualified)]), [E.LastReportUnqualified] },
        { "基本合格 two years running", new(new(2020, 1, 1), CreditList.None, [R(2025, C.BasicallyQualified), R(2024, C.BasicallyQualified)]), [E.BasicTwice] },
        { "基本合格 once", new(new(2020, 1, 1), CreditList.None, [R(2025, C.BasicallyQualified), R(2024, C.Qualified)]), [] },
        { "penalised, under investigation", new(new(2020, 1, 1), CreditList.None, [R(2025, C.Qualified)], PenaltyLastYearOrOpen: true, UnderInvestigation: true), [E.Penalised, E.Investigated] },
        { "graded 4A in 2024, still valid: under 2 years since", new(new(2020, 1, 1), CreditList.None, [R(2025, C.Qualified)], LastGradedOn: new(2024, 4, 2), GradeValidUntil: new(2029, 4, 1)), [E.EvaluatedRecently] },
        { "graded exactly 2 years ago, still valid: may apply for a higher grade", new(new(2020, 1, 1), CreditList.None, [R(2025, C.Qualified)], LastGradedOn: new(2024, 4, 1), GradeValidUntil: new(2029, 3, 31)), [] },
        { "graded last year, grade expired (revoked early)", new(new(2020, 1, 1), CreditList.None, [R(2025, C.Qualified)], LastGradedOn: new(2025, 6, 1), GradeValidUntil: new(2026, 3, 31)), [] },
        { "everything wrong at once", new(new(2025, 1, 1), CreditList.Abnormal, [R(2025, C.Unqualified)]), [E.TooYoung, E.Listed, E.LastReportUnqualified] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reasons(string name, EvaluationCandidate candidate, string[] expected)
    {
        var reasons = E.Check(candidate, Apply);
        Assert.True(expected.SequenceEqual(reasons), $"{name}: {string.Join(",", reasons)}");
        Assert.All(reasons, r => Assert.True(E.Names.ContainsKey(r), r));
    }
}

namespace Minzheng.Web.Modules.SocialOrganizations.Evaluation;

/// <summary>The lowest total score of each grade from 2A to 5A (below the 2A cut-off is 1A); local figures (rules.md §6.3).</summary>
public sealed record GradeCutoffs(int FiveA, int FourA, int ThreeA, int TwoA)
{
    /// <summary>Luoyang's cut-offs (LOCAL-EXAMPLE in rules.md §6.3): the demo rows and the table tests' input.</summary>
    public static readonly GradeCutoffs Luoyang = new(900, 800, 700, 600);

    public IReadOnlyList<string> Problems()
    {
        var p = new List<string>();
        if (!(FiveA > FourA && FourA > ThreeA && ThreeA > TwoA && TwoA > 0 && FiveA <= EvaluationRules.MaxScore)) p.Add("评估等级分数线须满足 5A > 4A > 3A > 2A > 0 且不超过1000分");
        return p;
    }
}

/// <summary>What a grade in force allows (rules.md §6.3): 3A+ priority for purchase of services and tax-deduction status; 4A+ simplified 年检.</summary>
public sealed record GradePrivileges(int? Grade, bool PurchaseOfServices, bool TaxDeduction, bool SimplifiedInspection)
{
    public static readonly GradePrivileges None = new(null, false, false, false);

    public IReadOnlyList<string> Names =>
    [
        .. PurchaseOfServices ? new[] { "优先承接政府转移职能和购买服务" } : [],
        .. TaxDeduction ? new[] { "可申请公益性捐赠税前扣除资格（慈善组织）" } : [],
        .. SimplifiedInspection ? new[] { "年度检查简化程序" } : [],
    ];
}

/// <summary>
/// The pure rules of evaluation (民政部令第39号; rules.md §6.3): the score is the mean of the experts' totals on the 1,000-point
/// indicator set, the grade follows the local cut-offs, and the privileges follow the grade while it is valid.
/// </summary>
public static class EvaluationRules
{
    public const int MaxScore = 1000;

    /// <summary>Each organisation is scored by at least this many experts (评估委员会/专家 — one expert's view is not an evaluation).</summary>
    public const int MinimumExperts = 2;

    /// <summary>
    /// The experts' mean, rounded to one decimal half away from zero (the way a score sheet is rounded by hand: 856.25 → 856.3);
    /// the grade is read from the rounded score, so the published score and the grade never disagree.
    /// </summary>
    public static decimal Mean(IReadOnlyList<decimal> expertTotals) =>
        expertTotals.Count == 0 ? throw new ArgumentException("没有专家评分", nameof(expertTotals))
            : Math.Round(expertTotals.Sum() / expertTotals.Count, 1, MidpointRounding.AwayFromZero);

    /// <summary>1 (1A) to 5 (5A): the highest grade whose cut-off the score reaches.</summary>
    public static int Grade(decimal score, GradeCutoffs c) =>
        score >= c.FiveA ? 5 : score >= c.FourA ? 4 : score >= c.ThreeA ? 3 : score >= c.TwoA ? 2 : 1;

    public static string GradeName(int? grade) => grade is >= 1 and <= 5 ? $"{grade}A" : "未评估";

    /// <summary>The privileges of a grade on a date: none once the validity has ended.</summary>
    public static GradePrivileges Privileges(int? grade, DateOnly? validUntil, DateOnly on) =>
        grade is not { } g || validUntil is not { } until || until < on
            ? GradePrivileges.None
            : new GradePrivileges(g, PurchaseOfServices: g >= 3, TaxDeduction: g >= 3, SimplifiedInspection: g >= 4);

    /// <summary>The grade's last valid day: validity years after the grading day, less a day (graded 2024-06-20 for 5 years: valid to 2029-06-19).</summary>
    public static DateOnly ValidUntil(DateOnly gradedOn, int validityYears) => gradedOn.AddYears(validityYears).AddDays(-1);
}

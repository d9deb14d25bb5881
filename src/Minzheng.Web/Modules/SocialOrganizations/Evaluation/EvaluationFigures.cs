using Minzheng.Web.Platform.Figures;

namespace Minzheng.Web.Modules.SocialOrganizations.Evaluation;

/// <summary>
/// Evaluation's figures in the module's part of the figure book. The validity (5 years) and the waiting periods (2 full years
/// registered, 2 years between evaluations) are CONFIRMED-S (rules.md §6.3); the grade cut-offs are local (only Luoyang's and
/// Anqing's are known) and the publicity period is unconfirmed, so those ship as demo rows marked 演示数据.
/// </summary>
public static class EvaluationFigures
{
    private const string Module = SocialOrganizationFigures.Module;

    public static readonly IReadOnlyList<(string Code, string Name)> Grades = [("5a", "5A"), ("4a", "4A"), ("3a", "3A"), ("2a", "2A")];

    public static readonly FigureKind ValidityYears = new(Module, "evaluation-validity-years", "评估等级有效期", "年");
    public static readonly FigureKind EligibleAfterYears = new(Module, "evaluation-registered-years", "成立登记满此年限方可申请评估", "年");
    public static readonly FigureKind ReevaluateAfterYears = new(Module, "evaluation-reevaluate-years", "有效期内距上次评估满此年限可再次申请", "年");
    public static readonly FigureKind GradeCutoff = new(Module, "evaluation-grade-cutoff", "评估等级最低分数线（1000分制；低于2A为1A）", "分", Categories: Grades);
    public static readonly FigureKind PublicityWorkingDays = new(Module, "evaluation-publicity-days", "评估结果公示期", "个工作日");

    public static readonly IReadOnlyList<FigureKind> All = [ValidityYears, EligibleAfterYears, ReevaluateAfterYears, GradeCutoff, PublicityWorkingDays];

    public static GradeCutoffs Cutoffs(FigureBook book, string divisionCode, DateOnly on)
    {
        int N(string grade) => book.Require(GradeCutoff, divisionCode, on, grade).Row.Number ?? 0;
        var c = new GradeCutoffs(N("5a"), N("4a"), N("3a"), N("2a"));
        if (c.Problems() is [var p, ..]) throw new Platform.Http.AppProblem(409, "standard_missing", p + "，请在标准中更正");
        return c;
    }

    public static int Number(FigureBook book, FigureKind kind, string divisionCode, DateOnly on) => book.Require(kind, divisionCode, on).Row.Number ?? 0;
}

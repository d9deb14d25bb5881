using Minzheng.Web.Modules.SocialOrganizations.Credit;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Modules.SocialOrganizations.Reports;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Web.Modules.SocialOrganizations;

/// <summary>
/// The effective-dated figures of social organisations in the one figure book: the periods of 民政部令第60号 and the annual
/// report deadlines per kind (rules.md §6.1–6.2). The statutory ones are CONFIRMED and ship as real rows with their documents;
/// each part of the module adds its own kinds here (evaluation cut-offs, spot-check ratios …), one list each.
/// </summary>
public static class SocialOrganizationFigures
{
    public const string Module = "social-organizations";

    public static readonly IReadOnlyList<(string Code, string Name)> Kinds =
        [.. SocialOrganizationKinds.All.Select(k => (SocialOrganizationKinds.FigureCategory(k), SocialOrganizationKinds.Name(k)))];

    public static readonly FigureKind AutoRemovalMonths = new(Module, "credit-auto-removal-months", "活动异常名录：无需整改的自动移出期限", "个月");
    public static readonly FigureKind TransferYears = new(Module, "credit-transfer-years", "列入活动异常名录满此年限转入严重违法失信名单", "年");
    public static readonly FigureKind DishonestRemovalYears = new(Module, "credit-dishonest-removal-years", "严重违法失信名单：无新情形可申请移出的年限", "年");
    public static readonly FigureKind FulfilmentRemovalWorkingDays = new(Module, "credit-fulfilment-removal-days", "履行义务核实后移出活动异常名录的期限", "个工作日");
    public static readonly FigureKind RepeatPenaltyYears = new(Module, "credit-repeat-penalty-years", "多次受警告或小额罚款的统计年限", "年");
    public static readonly FigureKind RepeatPenaltyCount = new(Module, "credit-repeat-penalty-count", "统计年限内受警告或5万元以下罚款达此次数列入严重违法失信名单", "次");

    /// <summary>The day of the year after the report year, written MMDD (331 = 3月31日); 0 where the kind has no preliminary review.</summary>
    public static readonly FigureKind ReportReviewBy = new(Module, "report-review-by", "年度工作报告报业务主管单位初审截止日（月日，如 331）", "月日", Categories: Kinds);
    public static readonly FigureKind ReportSubmitBy = new(Module, "report-submit-by", "年度工作报告报登记管理机关截止日（月日，如 531）", "月日", Categories: Kinds);
    public static readonly FigureKind ReportExemptMonths = new(Module, "report-exempt-months", "年末前此月数内登记的当年免于年检", "个月");

    public static readonly IReadOnlyList<FigureKind> Base =
        [AutoRemovalMonths, TransferYears, DishonestRemovalYears, FulfilmentRemovalWorkingDays, RepeatPenaltyYears, RepeatPenaltyCount, ReportReviewBy, ReportSubmitBy, ReportExemptMonths];

    // each part of the module adds its own kinds here, one line each
    public static readonly IReadOnlyList<FigureKind> All = [.. Base, .. Credit.CreditFigures.All, .. Cleanup.GovernanceFigures.All, .. Evaluation.EvaluationFigures.All, .. SpotChecks.SpotCheckFigures.All,
        .. Registration.RegistrationFigures.All];

    /// <summary>The periods of 60号令 in force for a division on a date (409 standard_missing when a row is missing).</summary>
    public static CreditPeriods CreditPeriods(FigureBook book, string divisionCode, DateOnly on)
    {
        int N(FigureKind k) => book.Require(k, divisionCode, on).Row.Number ?? 0;
        return new(N(AutoRemovalMonths), N(TransferYears), N(DishonestRemovalYears), N(FulfilmentRemovalWorkingDays), N(RepeatPenaltyYears), N(RepeatPenaltyCount));
    }

    /// <summary>The report deadlines of a kind in force for a division on a date.</summary>
    public static ReportDeadlineFigures ReportDeadlines(FigureBook book, OrganizationKind kind, string divisionCode, DateOnly on)
    {
        var category = SocialOrganizationKinds.FigureCategory(kind);
        var review = book.Require(ReportReviewBy, divisionCode, on, category).Row.Number ?? 0;
        var submit = book.Require(ReportSubmitBy, divisionCode, on, category).Row.Number ?? 0;
        var exempt = book.Require(ReportExemptMonths, divisionCode, on).Row.Number ?? 0;
        return new(review == 0 ? null : MonthDay(review), MonthDay(submit), exempt);
    }

    // 2000 is a leap year, so 229 is accepted like the real calendar would in a leap year
    private static DateOnly MonthDay(int mmdd) =>
        mmdd / 100 is var m and >= 1 and <= 12 && mmdd % 100 is var d && d >= 1 && d <= DateTime.DaysInMonth(2000, m)
            ? new(2000, m, d)
            : throw new Platform.Http.AppProblem(409, "standard_missing", $"年度工作报告截止日“{mmdd}”不是有效的月日（应写作如 331、531），请在标准中更正");
}

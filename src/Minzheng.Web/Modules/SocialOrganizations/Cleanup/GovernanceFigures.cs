using Minzheng.Web.Platform.Figures;

namespace Minzheng.Web.Modules.SocialOrganizations.Cleanup;

/// <summary>The figures of the governance parts in the one figure book.</summary>
public static class GovernanceFigures
{
    private const string Module = SocialOrganizationFigures.Module;

    public static readonly FigureKind ZombieMissingReportYears = new(Module, "zombie-missing-report-years", "僵尸型：连续此年数未报送年度工作报告（0 为不适用）", "年");
    public static readonly FigureKind ZombieInactiveMonths = new(Module, "zombie-inactive-months", "僵尸型：此月数内无任何活动记录（0 为不适用）", "个月");

    /// <summary>慈善法 art. 22: registered this many years before a charity may apply for 公开募捐资格 (2 years; 1 year from 2024-09-05).</summary>
    public static readonly FigureKind FundraisingMinYears = new(Module, "charity-fundraising-min-years", "慈善组织申请公开募捐资格须登记满此年数", "年");

    public static readonly IReadOnlyList<FigureKind> All = [ZombieMissingReportYears, ZombieInactiveMonths, FundraisingMinYears];

    public static ZombieThresholds Zombie(FigureBook book, string divisionCode, DateOnly on) => new(
        book.Require(ZombieMissingReportYears, divisionCode, on).Row.Number ?? 0,
        book.Require(ZombieInactiveMonths, divisionCode, on).Row.Number ?? 0);
}

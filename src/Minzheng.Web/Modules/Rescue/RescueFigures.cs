using Minzheng.Web.Platform.Figures;

namespace Minzheng.Web.Modules.Rescue;

/// <summary>
/// The effective-dated figures of vagrant rescue in the one figure book (rules-2.md §3): the stay limit, the cash cap, the
/// family-search deadlines and the long-stay thresholds. Read for the station's division on the day they apply to.
/// Each part of the module adds its own kinds here, one list each.
/// </summary>
public static class RescueFigures
{
    public const string Module = "rescue";

    public static readonly FigureKind StayLimitDays = new(Module, "stay-limit-days", "在站救助期限（一般不超过）", "天");
    public static readonly FigureKind StayAlertDaysBefore = new(Module, "stay-alert-days-before", "在站期限届满前提醒天数", "天");
    public static readonly FigureKind CashCap = new(Module, "cash-cap", "离站乘车等确需现金的上限（每人次）", "元");
    public static readonly FigureKind SearchNoticeHours = new(Module, "search-notice-hours", "受助人员入站后发布寻亲公告的时限", "小时");
    public static readonly FigureKind DnaRequestWorkingDays = new(Module, "dna-request-working-days", "提请公安机关采集DNA的时限", "个工作日");
    public static readonly FigureKind PlacementAfterDays = new(Module, "placement-after-days", "身份无法查明、在站超过此天数的转入照料安置", "天");
    public static readonly FigureKind SettlementAfterMonths = new(Module, "settlement-after-months", "寻亲无果满此月数的办理落户、纳入特困供养", "个月");

    public static readonly IReadOnlyList<FigureKind> Base =
        [StayLimitDays, StayAlertDaysBefore, CashCap, SearchNoticeHours, DnaRequestWorkingDays, PlacementAfterDays, SettlementAfterMonths];

    // each part of the module adds its own kinds here, one line each
    public static readonly IReadOnlyList<FigureKind> All = [.. Base, Search.StayFaces.MatchThreshold, .. Shelter.ShelterFigures.All];
}

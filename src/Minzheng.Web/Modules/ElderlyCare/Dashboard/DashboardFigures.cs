using Minzheng.Web.Platform.Figures;

namespace Minzheng.Web.Modules.ElderlyCare.Dashboard;

/// <summary>
/// The figure of the elderly-care 工作台 items: how many working days before a home's filing deadline (or an elder's
/// reassessment date) the item appears. The age from which people count as elderly for the dashboard's beds per 1,000 is
/// not declared here: it is home care's <c>elder-from</c> (老年人权益保障法 第二条), one figure for the whole module.
/// </summary>
public static class DashboardFigures
{
    public const string Module = "elderly-dashboard";

    public static readonly FigureKind NoticeWorkingDays = new(Module, "notice-working-days", "工作台提前提醒（备案期限、再评估日期前）", "个工作日");

    public static readonly IReadOnlyList<FigureKind> All = [NoticeWorkingDays];
}

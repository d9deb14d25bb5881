namespace Minzheng.Web.Modules.ElderlyCare.Subsidies.Pages;

/// <summary>Chinese names of the subsidy kinds and states, for the subsidy pages.</summary>
public static class SubsidyLabels
{
    public static string Of(HomeSubsidyKind k) => k == HomeSubsidyKind.Operating ? "运营补贴" : "建设补贴";

    public static string Of(HomeSubsidyStatus s) => s switch
    {
        HomeSubsidyStatus.Submitted => "待县级审核",
        HomeSubsidyStatus.Reviewed => "待县级审批",
        HomeSubsidyStatus.Approved => "已批准（列入发放）",
        HomeSubsidyStatus.Refused => "不予批准",
        _ => "已追回",
    };

    public static string Tag(HomeSubsidyStatus s) => s switch
    {
        HomeSubsidyStatus.Approved => "ok",
        HomeSubsidyStatus.Refused or HomeSubsidyStatus.ClawedBack => "bad",
        _ => "warn",
    };

    /// <summary>What a subsidy is for: the month of an operating subsidy, the new beds of a construction subsidy.</summary>
    public static string Period(HomeSubsidyKind kind, DateOnly? month, int? newBeds) =>
        kind == HomeSubsidyKind.Operating ? $"{month:yyyy年M月}" : $"新增床位 {newBeds} 张";
}

using Minzheng.Web.Platform.Figures;

namespace Minzheng.Web.Modules.Volunteers.Activities;

/// <summary>The figure kinds of activities: a platform setting, not a policy standard.</summary>
public static class ActivityFigures
{
    /// <summary>签到二维码更换间隔 (seconds). A platform setting; 60 s when no row is in force.</summary>
    public static readonly FigureKind QrSeconds = new(VolunteerFigures.Module, "checkin-qr-seconds", "签到二维码更换间隔（平台设置）", "秒");

    public const int DefaultQrSeconds = 60;

    public static readonly IReadOnlyList<FigureKind> All = [QrSeconds];

    public static int QrSecondsOn(FigureBook figures, string divisionCode, DateOnly date) =>
        figures.Find(QrSeconds, divisionCode, date)?.Row.Number is int n && n > 0 ? n : DefaultQrSeconds;
}

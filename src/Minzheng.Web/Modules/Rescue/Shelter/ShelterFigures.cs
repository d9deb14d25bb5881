using Minzheng.Web.Platform.Figures;

namespace Minzheng.Web.Modules.Rescue.Shelter;

/// <summary>The shelter's figure in the rescue section of the figure book: how long a stay normally lasts.</summary>
public static class ShelterFigures
{
    /// <summary>
    /// 临时庇护期限: 反家庭暴力法 sets none; the shipped row is 演示数据 only (demo mode) until the city enters its own with the
    /// document. Without a row a stay has no due day and is never overdue — a victim is never turned away for a missing figure.
    /// </summary>
    public static readonly FigureKind LimitDays = new(RescueFigures.Module, "shelter-limit-days", "家暴受害人临时庇护期限（一般不超过）", "天");

    public static readonly IReadOnlyList<FigureKind> All = [LimitDays];
}

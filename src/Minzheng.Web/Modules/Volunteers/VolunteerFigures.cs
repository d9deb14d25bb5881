using Minzheng.Web.Platform.Figures;

namespace Minzheng.Web.Modules.Volunteers;

/// <summary>
/// The effective-dated figures of volunteering in the one figure book (rules.md §10, rules-2.md §6.6–6.7). Each part of the
/// module adds its own kinds here, one list each.
/// </summary>
public static class VolunteerFigures
{
    public const string Module = "volunteers";

    /// <summary>星级认定: the cumulative verified hours that reach each star (★1 … ★5), one row per star.</summary>
    public static readonly FigureKind StarHours = new(Module, "star-hours", "星级认定累计服务时长", "小时",
        Categories: [("1", "一星"), ("2", "二星"), ("3", "三星"), ("4", "四星"), ("5", "五星")]);

    /// <summary>
    /// 未成年人注册最低年龄: below it a minor is not registered even with the guardian's consent. Optional (the regulation sets
    /// no age, only that tasks suit it — 条例 第十五条): without a row any minor may be registered with the consent.
    /// </summary>
    public static readonly FigureKind MinorMinAge = new(Module, "minor-min-age", "未成年志愿者注册最低年龄", "周岁");

    public static readonly IReadOnlyList<FigureKind> Base = [StarHours, MinorMinAge];

    // each part of the module adds its own kinds here, one line each
    public static readonly IReadOnlyList<FigureKind> All = [.. Base, .. Activities.ActivityFigures.All, .. TimeBank.TimeBankFigures.All];
}

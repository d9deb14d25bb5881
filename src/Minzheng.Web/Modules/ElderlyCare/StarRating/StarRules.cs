namespace Minzheng.Web.Modules.ElderlyCare.StarRating;

/// <summary>The four scored sections of GB/T 37276-2018, in the standard's order.</summary>
public enum StarSection
{
    Environment,
    Facilities,
    Management,
    Service,
}

/// <summary>Expert (or self-assessment) points per section; each within 0 and the section's maximum.</summary>
public sealed record StarScores(decimal Environment, decimal Facilities, decimal Management, decimal Service)
{
    public decimal Of(StarSection section) => section switch
    {
        StarSection.Environment => Environment,
        StarSection.Facilities => Facilities,
        StarSection.Management => Management,
        _ => Service,
    };

    public decimal Total => Environment + Facilities + Management + Service;
}

/// <summary>The level reached (0 below 一级) and, in Chinese, why not the next one.</summary>
public sealed record StarResult(decimal Total, int Level, IReadOnlyList<string> Reasons);

/// <summary>
/// 养老机构等级划分与评定 GB/T 37276-2018: 1000 points in four sections; a level needs its total AND every section at or above the
/// level's share of that section's maximum (rules.md §9). The table is the standard's, not a local figure, so it lives here as
/// a named version like the assessment's scoring tables; a revision of the standard adds a new table, old ratings keep theirs.
/// </summary>
public static class StarRules
{
    public const string Standard = "GB/T 37276-2018";

    public sealed record Section(StarSection Code, string Field, string Name, int Max);

    public sealed record Threshold(int Level, int Total, int SectionPercent);

    public static readonly IReadOnlyList<Section> Sections =
    [
        new(StarSection.Environment, "environment", "环境", 120),
        new(StarSection.Facilities, "facilities", "设施设备", 130),
        new(StarSection.Management, "management", "运营管理", 150),
        new(StarSection.Service, "service", "服务", 600),
    ];

    // GB/T 37276-2018 等级划分: 总分与各部分得分率须同时达到
    public static readonly IReadOnlyList<Threshold> Thresholds =
    [
        new(1, 360, 40),
        new(2, 450, 50),
        new(3, 570, 60),
        new(4, 780, 80),
        new(5, 900, 90),
    ];

    public static string LevelName(int level) => level switch
    {
        1 => "一级",
        2 => "二级",
        3 => "三级",
        4 => "四级",
        5 => "五级",
        _ => "未达等级",
    };

    /// <summary>The section's minimum for a level, in points (40 % of 120 = 48); compared without rounding.</summary>
    public static decimal Minimum(Section section, Threshold threshold) => section.Max * threshold.SectionPercent / 100m;

    public static StarResult Evaluate(StarScores scores)
    {
        var total = scores.Total;
        var level = 0;
        var reasons = new List<string>();
        // levels are nested (each threshold is above the one before), so the first one missed ends the climb
        foreach (var t in Thresholds)
        {
            var missing = new List<string>();
            if (total < t.Total) missing.Add($"总分 {total:0.#} 低于 {t.Total}");
            foreach (var s in Sections)
            {
                var min = Minimum(s, t);
                if (scores.Of(s.Code) < min) missing.Add($"{s.Name} {scores.Of(s.Code):0.#} 低于 {min:0.#}（满分 {s.Max} 的 {t.SectionPercent}%）");
            }
            if (missing.Count > 0)
            {
                reasons.Add($"未达{LevelName(t.Level)}：{string.Join("；", missing)}");
                break;
            }
            level = t.Level;
        }
        reasons.Insert(0, $"{Standard}：总分 {total:0.#}，评定为{LevelName(level)}");
        return new StarResult(total, level, reasons);
    }
}

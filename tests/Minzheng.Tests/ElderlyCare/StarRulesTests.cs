using Minzheng.Web.Modules.ElderlyCare.StarRating;

namespace Minzheng.Tests.ElderlyCare;

/// <summary>GB/T 37276-2018 (rules.md §9): each level's edge, each section minimum, and a section that blocks a level the total reaches.</summary>
public sealed class StarRulesTests
{
    // every section at the same share of its maximum: 120/130/150/600 scaled, so only the total decides
    private static StarScores Share(decimal percent) => new(120 * percent / 100, 130 * percent / 100, 150 * percent / 100, 600 * percent / 100);

    public static TheoryData<string, StarScores, decimal, int> Cases => new()
    {
        { "all zero", new StarScores(0, 0, 0, 0), 0, 0 },
        { "35.9 % everywhere: total 359", Share(35.9m), 359, 0 },
        // total exactly 360 but sections at 36 %: below 40 % each, so no level
        { "total 360 at 36 % per section", Share(36m), 360, 0 },
        { "40 % everywhere = 400: 一级", Share(40m), 400, 1 },
        // with this table the section minimums always add up to at least the level's total (40 % of 1000 = 400 ≥ 360, …,
        // 90 % = 900), so each level's lower edge is every section exactly at its minimum; half a point under in any one drops a level
        { "一级 edge: every section at 40 %", new StarScores(48, 52, 60, 240), 400, 1 },
        { "service 239.5 under 40 %", new StarScores(48, 52, 60, 239.5m), 399.5m, 0 },
        { "二级 edge: every section at 50 %", new StarScores(60, 65, 75, 300), 500, 2 },
        { "service 299.5 under 50 %: 一级", new StarScores(60, 65, 75, 299.5m), 499.5m, 1 },
        { "三级 edge: every section at 60 %", new StarScores(72, 78, 90, 360), 600, 3 },
        { "environment 71.5 under 60 %: 二级", new StarScores(71.5m, 78, 90, 360), 599.5m, 2 },
        { "四级 edge: every section at 80 %", new StarScores(96, 104, 120, 480), 800, 4 },
        { "facilities 103.5 under 80 %: 三级", new StarScores(96, 103.5m, 120, 480), 799.5m, 3 },
        { "五级 edge: every section at 90 % = 900", new StarScores(108, 117, 135, 540), 900, 5 },
        { "management 134.5 under 90 %: 四级 at 899.5", new StarScores(108, 117, 134.5m, 540), 899.5m, 4 },
        { "full marks", new StarScores(120, 130, 150, 600), 1000, 5 },
        // the total reaches 五级 but one section is under 90 % (and under 80 %): the section decides
        { "management 119 (79 %) blocks 四级 and 五级 at 969 points", new StarScores(120, 130, 119, 600), 969, 3 },
        { "facilities 116 (89 %) blocks 五级 only", new StarScores(120, 116, 150, 600), 986, 4 },
        { "service 359 (59.8 %) blocks 三级 at 759 points", new StarScores(120, 130, 150, 359), 759, 2 },
        { "environment 59 blocks 二级 at 939", new StarScores(59, 130, 150, 600), 939, 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Level_by_total_and_every_section(string name, StarScores scores, decimal total, int level)
    {
        var result = StarRules.Evaluate(scores);
        Assert.Equal(total, result.Total);
        Assert.True(level == result.Level, $"{name}: {result.Level} ({string.Join("；", result.Reasons)})");
        Assert.Contains(StarRules.Standard, result.Reasons[0]);
        if (level < 5) Assert.Contains($"未达{StarRules.LevelName(level + 1)}", string.Join("；", result.Reasons));
    }

    [Fact]
    public void The_sections_add_up_to_a_thousand_and_thresholds_rise()
    {
        Assert.Equal(1000, StarRules.Sections.Sum(s => s.Max));
        Assert.Equal([360, 450, 570, 780, 900], StarRules.Thresholds.Select(t => t.Total));
        Assert.Equal([40, 50, 60, 80, 90], StarRules.Thresholds.Select(t => t.SectionPercent));
    }

    [Fact]
    public void The_section_minimums_imply_each_total_and_both_are_named_when_missed()
    {
        // rules.md §9's table: every section at its minimum already reaches the level's total, so the sections decide the
        // edges; the rule still checks the total (the standard asks for both) and names each shortfall
        foreach (var t in StarRules.Thresholds)
        {
            Assert.True(StarRules.Sections.Sum(s => StarRules.Minimum(s, t)) >= t.Total, $"{StarRules.LevelName(t.Level)}: the section minimums add up to less than the total");
        }
        var r = StarRules.Evaluate(new StarScores(108, 117, 135, 539.5m));
        Assert.Equal(4, r.Level);
        Assert.Contains("总分 899.5 低于 900", string.Join("；", r.Reasons));
        Assert.Contains("服务 539.5 低于 540", string.Join("；", r.Reasons));
    }
}

using Minzheng.Web.Modules.Disability.Fukang;

namespace Minzheng.Tests.Unit;

/// <summary>福康工程's pure rules: the groups served (a figure) and the replacement period (catalogue data).</summary>
public sealed class FukangRulesTests
{
    private static readonly string[] AllGroups = [FukangFigures.GroupDibao, FukangFigures.GroupExtremePoverty, FukangFigures.GroupPovertyRegistry];

    public static TheoryData<bool, bool, bool, bool, bool, bool, string[], bool, string> Cases => new()
    {
        // alive, physical, certificate, dibao, extreme poverty, poverty registry, groups in force → eligible, groups
        { true, true, true, true, false, false, AllGroups, true, "dibao" },
        { true, true, true, false, true, false, AllGroups, true, "extreme-poverty" },
        { true, true, true, false, false, true, AllGroups, true, "poverty-registry" },
        { true, true, true, true, false, true, AllGroups, true, "dibao,poverty-registry" },
        { true, true, true, false, false, false, AllGroups, false, "" },
        { true, false, true, true, true, true, AllGroups, false, "" },       // not a physical disability
        { true, true, false, true, true, true, AllGroups, false, "" },       // no certificate
        { false, true, true, true, true, true, AllGroups, false, "" },       // died
        // the figure narrows the scope: the poverty registry no longer counts
        { true, true, true, false, false, true, new[] { "dibao", "extreme-poverty" }, false, "" },
        { true, true, true, true, false, true, new[] { "dibao" }, true, "dibao" },
        { true, true, true, true, true, true, Array.Empty<string>(), false, "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Eligibility_follows_the_facts_and_the_groups_in_force(bool alive, bool physical, bool certificate, bool dibao, bool extreme, bool poverty, string[] groups,
        bool eligible, string expected)
    {
        var outcome = FukangRules.Assess(new FukangFacts(alive, physical, certificate, dibao, extreme, poverty), groups);
        Assert.Equal(eligible, outcome.Eligible);
        Assert.Equal(expected, string.Join(",", outcome.Groups));
        if (!eligible) Assert.False(string.IsNullOrEmpty(outcome.Reason));
    }

    [Theory]
    [InlineData("2025-03-10", 60, "2030-03-10")]
    [InlineData("2024-01-31", 1, "2024-02-29")]   // month end: the last day of the shorter month
    [InlineData("2026-11-20", 36, "2029-11-20")]
    public void The_next_fitting_is_the_last_plus_the_period(string last, int months, string next) =>
        Assert.Equal(DateOnly.Parse(next), FukangRules.NextPossible(DateOnly.Parse(last), months));

    [Theory]
    [InlineData("2030-03-09", true)]
    [InlineData("2030-03-10", false)]
    [InlineData("2031-01-01", false)]
    public void An_assessment_before_the_date_is_inside_the_period(string on, bool within) =>
        Assert.Equal(within, FukangRules.WithinReplacementPeriod(new DateOnly(2025, 3, 10), 60, DateOnly.Parse(on)));

    [Fact]
    public void The_refusal_names_the_period_the_last_fitting_and_the_date() =>
        Assert.Equal("同类辅具（轮椅）更换周期 60 个月，上次配发 2025-03-10，2030-03-10 起方可再次申请", FukangRules.ReplacementDetail("轮椅", new DateOnly(2025, 3, 10), 60));
}

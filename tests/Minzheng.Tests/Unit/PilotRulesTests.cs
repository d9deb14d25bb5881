using Minzheng.Web.Modules.Community.Pilots;

namespace Minzheng.Tests.Unit;

/// <summary>The pure rules of the pilots and the capacity assessment: coverage against the target, the grade, the score's range.</summary>
public sealed class PilotRulesTests
{
    [Theory]
    [InlineData(0, 10, "0")]
    [InlineData(3, 10, "30")]
    [InlineData(1, 3, "33.3")]
    [InlineData(2, 3, "66.7")] // rounded half away from zero at one decimal
    [InlineData(61, 200, "30.5")]
    [InlineData(12, 10, "100")] // never above all the villages
    [InlineData(0, 0, null)] // a county without 村委会 has no coverage, not 0 %
    [InlineData(5, 0, null)]
    public void Percent_is_pilot_villages_over_villages(int pilots, int villages, string? percent) =>
        Assert.Equal(percent is null ? null : decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture), PilotCoverage.Percent(pilots, villages));

    [Theory]
    [InlineData("30", "30", true)] // 覆盖30%以上: the target itself is met
    [InlineData("29.9", "30", false)]
    [InlineData("45.5", "30", true)]
    [InlineData(null, "30", null)]
    [InlineData("50", null, null)] // no target in force: neither met nor missed
    public void Meets_the_target_from_the_target_up(string? percent, string? target, bool? meets) =>
        Assert.Equal(meets, PilotCoverage.Meets(Dec(percent), Dec(target)));

    [Theory]
    [InlineData(0, 10, "30", 3)]
    [InlineData(2, 10, "30", 1)]
    [InlineData(3, 10, "30", 0)]
    [InlineData(10, 31, "30", 0)] // 30 % of 31 is 9.3: ten villages needed, ten there
    [InlineData(9, 31, "30", 1)]
    [InlineData(0, 0, "30", null)]
    [InlineData(1, 10, null, null)]
    public void Missing_counts_the_villages_still_needed(int pilots, int villages, string? target, int? missing) =>
        Assert.Equal(missing, PilotCoverage.Missing(pilots, villages, Dec(target)));

    public static TheoryData<string, CapacityGrade?> Grades => new()
    {
        { "100", CapacityGrade.Excellent },
        { "90", CapacityGrade.Excellent }, // the threshold belongs to the grade
        { "89.9", CapacityGrade.Good },
        { "80", CapacityGrade.Good },
        { "79.9", CapacityGrade.Pass },
        { "60", CapacityGrade.Pass },
        { "59.9", CapacityGrade.Fail },
        { "0", CapacityGrade.Fail },
    };

    [Theory]
    [MemberData(nameof(Grades))]
    public void Grade_is_the_highest_threshold_reached(string score, CapacityGrade? grade) =>
        Assert.Equal(grade, CapacityRules.Grade(Dec(score)!.Value, new GradeThresholds(90, 80, 60)));

    [Fact]
    public void No_thresholds_no_grade_and_thresholds_that_do_not_descend_are_refused()
    {
        Assert.Null(CapacityRules.Grade(95, null));
        Assert.False(new GradeThresholds(80, 90, 60).IsOrdered);
        Assert.True(new GradeThresholds(90, 90, 60).IsOrdered);
        // other thresholds, other grades: the rule reads them, it holds no literal
        Assert.Equal(CapacityGrade.Good, CapacityRules.Grade(86, new GradeThresholds(95, 85, 70)));
    }

    [Theory]
    [InlineData("0", 20, null)]
    [InlineData("20", 20, null)]
    [InlineData("12.5", 20, null)]
    [InlineData("20.1", 20, "得分须在 0 至 20 分之间")]
    [InlineData("-1", 20, "得分须在 0 至 20 分之间")]
    [InlineData("12.25", 20, "得分最多一位小数")]
    [InlineData(null, 20, "请填写得分")]
    public void Score_must_lie_within_the_indicator_maximum(string? score, int max, string? error) =>
        Assert.Equal(error, CapacityRules.ScoreError(Dec(score), max));

    [Theory]
    [InlineData("85", "100", "85")]
    [InlineData("45", "50", "90")] // a catalogue of 50 points: graded on the 100-point scale
    [InlineData("71", "120", "59.2")]
    [InlineData("0", "0", "0")]
    public void Totals_are_graded_on_a_100_point_scale(string total, string max, string score100) =>
        Assert.Equal(Dec(score100), CapacityRules.Normalised(Dec(total)!.Value, Dec(max)!.Value));

    [Theory]
    [InlineData("2026-09-30", null, "2026-09-30", false)]
    [InlineData("2026-09-30", null, "2026-10-01", true)]
    [InlineData("2026-09-30", "2026-10-05", "2026-11-30", false)]
    public void A_follow_up_is_overdue_after_its_due_day_while_open(string due, string? done, string today, bool overdue) =>
        Assert.Equal(overdue, CapacityRules.IsOverdue(DateOnly.Parse(due), done is null ? null : DateOnly.Parse(done), DateOnly.Parse(today)));

    private static decimal? Dec(string? s) => s is null ? null : decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}

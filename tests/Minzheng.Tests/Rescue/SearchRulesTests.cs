using System.Globalization;
using Minzheng.Web.Modules.Rescue.Search;
using Minzheng.Web.Platform.Calendar;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Tests.Rescue;

/// <summary>The family-search deadlines (24 hours; 7 working days on the official calendar) and the matcher's scoring.</summary>
public sealed class SearchRulesTests
{
    private static readonly WorkingCalendar.Snapshot Official = WorkingCalendar.From(CalendarReference.ReadShipped());

    private static DateOnly D(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);

    private static DateOnly AddWorkingDays(DateOnly from, int days) => WorkingCalendar.AddWorkingDays(Official, from, days);

    [Theory]
    // admitted on a plain Tuesday: 7 working days end the next Wednesday
    [InlineData("2026-11-17", "2026-11-26")]
    // admitted before the Mid-Autumn/National Day break: Sep 30, then Oct 8, 9, 10 (调休 Saturday), 12, 13, 14
    [InlineData("2026-09-29", "2026-10-14")]
    // admitted on a Friday: the weekend does not count
    [InlineData("2026-11-27", "2026-12-08")]
    public void The_DNA_request_is_due_seven_working_days_after_admission(string admittedOn, string due)
    {
        var r = SearchDeadlines.Due(24, 7, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), D(admittedOn), AddWorkingDays);
        Assert.Equal(D(due), r.DnaRequestDue);
    }

    [Theory]
    [InlineData("2026-11-30T02:00:00", "2026-12-01T02:00:00")]
    // 24 hours, not "by the end of the next day": an evening admission is due the next evening, across a holiday too
    [InlineData("2026-09-30T13:30:00", "2026-10-01T13:30:00")]
    public void The_notice_is_due_24_hours_after_admission(string admittedAt, string dueAt)
    {
        var at = DateTime.SpecifyKind(DateTime.Parse(admittedAt, CultureInfo.InvariantCulture), DateTimeKind.Utc);
        var r = SearchDeadlines.Due(24, 7, at, DateOnly.FromDateTime(at), AddWorkingDays);
        Assert.Equal(DateTime.SpecifyKind(DateTime.Parse(dueAt, CultureInfo.InvariantCulture), DateTimeKind.Utc), r.NoticeDueAt);
    }

    [Theory]
    [InlineData(null, "2026-12-01T01:59:00", DeadlineState.Pending)]
    [InlineData(null, "2026-12-01T02:00:00", DeadlineState.Pending)] // the last moment is still in time
    [InlineData(null, "2026-12-01T02:01:00", DeadlineState.Overdue)]
    [InlineData("2026-12-01T02:00:00", "2026-12-05T00:00:00", DeadlineState.OnTime)]
    [InlineData("2026-12-01T02:01:00", "2026-12-05T00:00:00", DeadlineState.Late)]
    public void A_notice_is_on_time_late_or_overdue(string? publishedAt, string now, DeadlineState expected)
    {
        var due = new DateTime(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc);
        DateTime? published = publishedAt is null ? null : DateTime.SpecifyKind(DateTime.Parse(publishedAt, CultureInfo.InvariantCulture), DateTimeKind.Utc);
        Assert.Equal(expected, SearchDeadlines.Notice(due, published, DateTime.SpecifyKind(DateTime.Parse(now, CultureInfo.InvariantCulture), DateTimeKind.Utc)));
    }

    [Theory]
    [InlineData(null, "2026-10-14", DeadlineState.Pending)]
    [InlineData(null, "2026-10-15", DeadlineState.Overdue)]
    [InlineData("2026-10-14", "2026-10-20", DeadlineState.OnTime)]
    [InlineData("2026-10-15", "2026-10-20", DeadlineState.Late)]
    public void A_DNA_request_is_on_time_late_or_overdue(string? requestedOn, string today, DeadlineState expected) =>
        Assert.Equal(expected, SearchDeadlines.Dna(D("2026-10-14"), requestedOn is null ? null : D(requestedOn), D(today)));

    private static MatchFacts Stay(string name = "无名氏", Sex? sex = Sex.Male, int? age = 55, string features = "左眉上方有疤痕 头发花白 偏瘦", string place = "玉林火车站广场") =>
        new(name, sex, age, D("2026-11-29"), features, D("2026-11-29"), place);

    private static MatchFacts Inquiry(string name = "李大明", Sex? sex = Sex.Male, int? age = 54, string features = "头发花白，左眉上方有疤痕", DateOnly? missing = null, string place = "玉林火车站") =>
        new(name, sex, age, D("2026-11-30"), features, missing ?? D("2026-11-20"), place);

    [Fact]
    public void A_different_sex_excludes_whatever_else_fits()
    {
        var s = FamilyMatcher.Score(Stay(sex: Sex.Female), Inquiry());
        Assert.Equal(0, s.Score);
        Assert.False(s.IsCandidate);
    }

    [Fact]
    public void Sex_age_features_time_and_place_make_a_candidate_the_same_both_ways()
    {
        var a = FamilyMatcher.Score(Stay(), Inquiry());
        var b = FamilyMatcher.Score(Inquiry(), Stay());
        Assert.Equal(a.Score, b.Score);
        // 10 sex + 25 age (1 year apart) + 20 two shared features + 10 time + 10 place
        Assert.Equal(75, a.Score);
        Assert.True(a.IsCandidate);
        Assert.Contains(a.Reasons, r => r.StartsWith("特征相同", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(55, 25)]
    [InlineData(60, 10)]
    [InlineData(65, 0)]
    [InlineData(80, -20)]
    public void The_age_band_scores_by_the_difference(int inquiryAge, int agePoints)
    {
        var bare = new MatchFacts(null, null, null, D("2026-11-30"), "", null, "");
        var withAge = bare with { Age = inquiryAge };
        var stay = bare with { Age = 55 };
        Assert.Equal(Math.Max(0, agePoints), FamilyMatcher.Score(stay, withAge).Score);
    }

    [Theory]
    [InlineData("李大明", "李大明", 1.0)]
    [InlineData("李大明", "李明", 0.66)]
    [InlineData("无名氏", "李大明", 0.0)]
    [InlineData("", "李大明", 0.0)]
    public void Name_similarity_ignores_an_unknown_name(string a, string b, double atLeast)
    {
        var s = FamilyMatcher.NameSimilarity(a, b);
        Assert.True(s >= atLeast && (atLeast > 0 || s == 0), $"{a}/{b}: {s}");
    }

    [Fact]
    public void A_named_person_matching_an_inquiry_by_name_scores_above_one_who_does_not()
    {
        var named = FamilyMatcher.Score(Stay(name: "李大明"), Inquiry());
        var unnamed = FamilyMatcher.Score(Stay(), Inquiry());
        Assert.Equal(unnamed.Score + 35, named.Score);
    }

    [Fact]
    public void Nothing_in_common_is_no_candidate()
    {
        var s = FamilyMatcher.Score(Stay(age: 30, features: "短发", place: "北流市场"), Inquiry(age: 70, features: "光头", missing: D("2025-01-01"), place: "南宁"));
        Assert.False(s.IsCandidate);
    }
}

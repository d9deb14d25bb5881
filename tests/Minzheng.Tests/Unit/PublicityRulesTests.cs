using Minzheng.Web.Modules.Community.Publicity;

namespace Minzheng.Tests.Unit;

/// <summary>村务公开 calendar (村民委员会组织法 第三十条): frequencies by kind, periods, due days, what is missing, what was late, masking.</summary>
public sealed class PublicityRulesTests
{
    [Theory]
    [InlineData(PublicityKind.Decisions, false, PublicityFrequency.Quarterly)]
    [InlineData(PublicityKind.Relief, true, PublicityFrequency.Quarterly)]
    [InlineData(PublicityKind.GovernmentAssistance, true, PublicityFrequency.Quarterly)]
    [InlineData(PublicityKind.Finance, false, PublicityFrequency.Quarterly)]
    [InlineData(PublicityKind.Finance, true, PublicityFrequency.Monthly)] // 集体财务往来较多: each month
    [InlineData(PublicityKind.Major, false, PublicityFrequency.Immediate)]
    public void Frequency_follows_the_kind_and_the_committee_s_finances(PublicityKind kind, bool monthlyFinance, PublicityFrequency expected) =>
        Assert.Equal(expected, PublicityRules.FrequencyOf(kind, monthlyFinance));

    [Theory]
    [InlineData("2026Q4", "2026-10-01", "2026-12-31", PublicityFrequency.Quarterly)]
    [InlineData("2026q1", "2026-01-01", "2026-03-31", PublicityFrequency.Quarterly)]
    [InlineData("2026-02", "2026-02-01", "2026-02-28", PublicityFrequency.Monthly)]
    [InlineData("2024-02", "2024-02-01", "2024-02-29", PublicityFrequency.Monthly)]
    [InlineData("2026-11-20", "2026-11-20", "2026-11-20", PublicityFrequency.Immediate)]
    public void Periods_parse_to_their_dates(string code, string start, string end, PublicityFrequency frequency)
    {
        var p = PublicityPeriod.Parse(code)!.Value;
        Assert.Equal((DateOnly.Parse(start), DateOnly.Parse(end), frequency), (p.Start, p.End, p.Frequency));
    }

    [Theory]
    [InlineData("2026Q5")]
    [InlineData("2026-13")]
    [InlineData("26Q1")]
    [InlineData("")]
    [InlineData("2026-11-31")]
    public void Bad_periods_are_refused(string code) => Assert.Null(PublicityPeriod.Parse(code));

    [Theory]
    [InlineData("2026Q3", 10, "2026-10-10")] // quarter end plus the days for posting
    [InlineData("2026Q3", 0, "2026-09-30")] // no figure: due on its last day
    [InlineData("2026-11", 10, "2026-12-10")]
    public void A_period_is_due_after_its_end_plus_the_figure(string code, int grace, string due) =>
        Assert.Equal(DateOnly.Parse(due), PublicityRules.DueOn(PublicityPeriod.Parse(code)!.Value, grace, 5));

    [Theory]
    [InlineData("2026-11-20", "2026-11-25", false)] // the fifth day is in time
    [InlineData("2026-11-20", "2026-11-26", true)]
    [InlineData("2026Q3", "2026-10-10", false)]
    [InlineData("2026Q3", "2026-10-11", true)]
    public void Late_when_posted_after_the_due_day(string period, string posted, bool late) =>
        Assert.Equal(late, PublicityRules.IsLate(PublicityPeriod.Parse(period)!.Value, DateOnly.Parse(posted), 10, 5));

    [Fact]
    public void Missing_periods_are_the_due_ones_no_record_lies_within()
    {
        var today = new DateOnly(2026, 11, 30);
        var tracked = new DateOnly(2026, 3, 15);
        // quarterly: Q1 (due 04-10), Q2, Q3 (due 10-10) are owed; Q4 not yet; a month's record counts for its quarter
        var missing = PublicityRules.Missing(PublicityFrequency.Quarterly, tracked, today, 10,
            [(new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 31))]);
        Assert.Equal(["2026Q1", "2026Q3"], missing.Select(p => p.Code));
        // monthly: March … October owed (November due 12-10); a quarter's record does not satisfy a month
        var monthly = PublicityRules.Missing(PublicityFrequency.Monthly, tracked, today, 10,
            [(new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30)), (new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30))]);
        Assert.Equal(["2026-03", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"], monthly.Select(p => p.Code));
        // the day after the due day it becomes owed, not on it
        Assert.Empty(PublicityRules.Missing(PublicityFrequency.Quarterly, new DateOnly(2026, 9, 1), new DateOnly(2026, 10, 10), 10, []));
        Assert.Single(PublicityRules.Missing(PublicityFrequency.Quarterly, new DateOnly(2026, 9, 1), new DateOnly(2026, 10, 11), 10, []));
        // a major item is owed on its event, which only a record tells: never missing by the calendar
        Assert.Empty(PublicityRules.Missing(PublicityFrequency.Immediate, tracked, today, 10, []));
    }

    [Theory]
    [InlineData(PublicityFrequency.Quarterly, "2026Q4", true)]
    [InlineData(PublicityFrequency.Quarterly, "2026-11", true)]
    [InlineData(PublicityFrequency.Quarterly, "2026-11-20", false)]
    [InlineData(PublicityFrequency.Monthly, "2026Q4", false)]
    [InlineData(PublicityFrequency.Monthly, "2026-11", true)]
    [InlineData(PublicityFrequency.Immediate, "2026-11-20", true)]
    [InlineData(PublicityFrequency.Immediate, "2026-11", false)]
    public void A_period_entered_must_fit_the_frequency(PublicityFrequency required, string code, bool accepted) =>
        Assert.Equal(accepted, PublicityRules.Accepts(required, PublicityPeriod.Parse(code)!.Value));

    [Theory]
    [InlineData("张伟", "张*")]
    [InlineData("李小明", "李*明")]
    [InlineData("欧阳娜娜", "欧**娜")]
    [InlineData("王", "王")]
    [InlineData("", "")]
    [InlineData("李𠀀明", "李*明")]
    [InlineData("𠀀伟", "𠀀*")] // a name beyond the basic plane counts as a reader counts it
    public void Names_are_masked_as_on_the_public_notice(string name, string masked) => Assert.Equal(masked, Minzheng.Web.Platform.Registry.PersonNames.Mask(name));
}

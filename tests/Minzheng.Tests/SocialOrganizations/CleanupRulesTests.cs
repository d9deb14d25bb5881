using Minzheng.Web.Modules.SocialOrganizations.Cleanup;
using Minzheng.Web.Modules.SocialOrganizations.Reports;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Tests.SocialOrganizations;

/// <summary>The 僵尸型 rule: consecutive missing reports (exempt years skipped), inactivity, unreachable; zero switches a criterion off.</summary>
public sealed class CleanupRulesTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 30);
    private static readonly ZombieThresholds Two = new(2, 24);

    /// <summary>Report years from registration to 2025 with the statutory deadlines; <paramref name="filed"/> the years filed on 20 April of the next year.</summary>
    private static ZombieFacts Facts(DateOnly registered, int[] filed, DateOnly[]? activity = null, DateOnly? unreachable = null)
    {
        var years = new List<ReportYearFact>();
        for (var y = registered.Year; y <= 2025; y++)
            years.Add(new(ReportDeadlines.For(y, registered, ReportDeadlines.Statutory(OrganizationKind.SocialGroup)), filed.Contains(y) ? new DateOnly(y + 1, 4, 20) : null));
        var act = filed.Select(y => new DateOnly(y + 1, 4, 20)).Concat(activity ?? []).ToList();
        return new(registered, years, act, unreachable);
    }

    public static TheoryData<string, ZombieFacts, ZombieThresholds, string[]> Cases => new()
    {
        { "filing every year", Facts(new(2018, 1, 10), [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]), Two, [] },
        { "only the last year missing", Facts(new(2018, 1, 10), [2018, 2019, 2020, 2021, 2022, 2023, 2024]), Two, [] },
        { "two years missing", Facts(new(2018, 1, 10), [2018, 2019, 2020, 2021, 2022, 2023], [new(2026, 1, 5)]), Two, [ZombieRules.MissingReports] },
        { "a gap earlier does not count", Facts(new(2018, 1, 10), [2018, 2021, 2022, 2023, 2024, 2025]), Two, [] },
        { "never filed, inactive since registration", Facts(new(2019, 3, 28), []), Two, [ZombieRules.MissingReports, ZombieRules.Inactive] },
        { "registered 1 Sept: that year exempt, 2025 alone is one year", Facts(new(2024, 9, 1), [], [new(2025, 10, 1)]), Two, [] },
        { "inactive: 7 months after the last filing", Facts(new(2018, 1, 10), [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025], [new(2024, 11, 30)]), new(0, 7), [ZombieRules.Inactive] },
        { "criteria switched off", Facts(new(2019, 3, 28), []), new(0, 0), [] },
        { "unreachable", Facts(new(2018, 1, 10), [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025], unreachable: new(2026, 6, 1)), Two, [ZombieRules.Unreachable] },
        { "unreachable recorded after the date asked", Facts(new(2018, 1, 10), [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025], unreachable: new(2026, 12, 1)), Two, [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Flags_with_every_reason(string name, ZombieFacts facts, ZombieThresholds thresholds, string[] expected)
    {
        var reasons = ZombieRules.Flag(facts, thresholds, AsOf);
        Assert.True(expected.SequenceEqual(reasons.Select(r => r.Code)), $"{name}: {string.Join(", ", reasons.Select(r => r.Text))}");
    }

    [Fact]
    public void The_reason_names_the_missing_years()
    {
        var reasons = ZombieRules.Flag(Facts(new(2019, 3, 28), [2019, 2020, 2021, 2022]), Two, AsOf);
        Assert.Equal("连续3年未报送年度工作报告（2023、2024、2025年度）", Assert.Single(reasons, r => r.Code == ZombieRules.MissingReports).Text);
    }

    [Fact]
    public void The_deadline_day_itself_is_not_yet_missing()
    {
        // inactivity counts whole months from the last activity: 20 April + 7 months is 20 November
        var recent = Facts(new(2018, 1, 10), [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
        Assert.Empty(ZombieRules.Flag(recent, new(0, 7), new(2026, 11, 19)));
        Assert.Single(ZombieRules.Flag(recent, new(0, 7), new(2026, 11, 20)));

        // the 2025 report is due by 31 May 2026: on that day the year does not count yet, the day after it does
        var facts = Facts(new(2018, 1, 10), [2018, 2019, 2020, 2021, 2022, 2023], [new(2026, 1, 1)]);
        Assert.DoesNotContain(ZombieRules.Flag(facts, new(2, 0), new(2026, 5, 31)), r => r.Code == ZombieRules.MissingReports);
        Assert.Contains(ZombieRules.Flag(facts, new(2, 0), new(2026, 6, 1)), r => r.Code == ZombieRules.MissingReports);
    }
}

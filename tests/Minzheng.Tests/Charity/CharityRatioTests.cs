using Minzheng.Web.Modules.Charity;
using Minzheng.Web.Modules.Charity.Contracts;
using Minzheng.Web.Modules.Charity.Funds;
using Minzheng.Web.Modules.Charity.Ratios;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Tests.Charity;

/// <summary>
/// 民发〔2016〕189号 by body type and size at each boundary: the tier a body falls in, the spending floor and the management cap
/// exactly at and one fen past the line, the exemption below 20万, the three-year average, and bodies under a year explaining.
/// The percentages are taken from the rows the initializer seeds, so a changed figure row changes what these tests check.
/// </summary>
public sealed class CharityRatioTests
{
    private static Money Wan(decimal wan) => Money.FromYuan(wan * 10_000m);

    private static Money Fen(long fen) => new(fen);

    [Theory]
    [InlineData(CharityBody.Foundation, true, 0, RatioTiers.PublicFoundation)]
    [InlineData(CharityBody.Association, true, 10_000, RatioTiers.PublicOther)]
    [InlineData(CharityBody.ServiceAgency, true, 0, RatioTiers.PublicOther)]
    [InlineData(CharityBody.Foundation, false, 6000, RatioTiers.Foundation6000)]
    [InlineData(CharityBody.Foundation, false, 5999.9999, RatioTiers.Foundation800)]
    [InlineData(CharityBody.Foundation, false, 800, RatioTiers.Foundation800)]
    [InlineData(CharityBody.Foundation, false, 799.9999, RatioTiers.Foundation400)]
    [InlineData(CharityBody.Foundation, false, 400, RatioTiers.Foundation400)]
    [InlineData(CharityBody.Foundation, false, 399.9999, RatioTiers.FoundationSmall)]
    [InlineData(CharityBody.Association, false, 1000, RatioTiers.Other1000)]
    [InlineData(CharityBody.Association, false, 999.9999, RatioTiers.Other500)]
    [InlineData(CharityBody.ServiceAgency, false, 500, RatioTiers.Other500)]
    [InlineData(CharityBody.ServiceAgency, false, 499.9999, RatioTiers.Other100)]
    [InlineData(CharityBody.Association, false, 100, RatioTiers.Other100)]
    [InlineData(CharityBody.Association, false, 99.9999, RatioTiers.OtherSmall)]
    [InlineData(CharityBody.ServiceAgency, false, 0, RatioTiers.OtherSmall)]
    public void The_tier_follows_qualification_body_and_net_assets_with_inclusive_lower_bounds(CharityBody body, bool publicFundraising, double wan, string tier) =>
        Assert.Equal(tier, RatioTiers.For(body, publicFundraising, Wan((decimal)wan)));

    /// <summary>The table as seeded (confirmed rows real; the UNCONFIRMED foundation bands as demo rows).</summary>
    private static RatioTable Table(string tier) => SeededRatioTable.Row(tier)!;

    // spending floor as a share of the base, management cap: rules-2 §6.3
    [Theory]
    [InlineData(RatioTiers.PublicFoundation, 70, 10, false)]
    [InlineData(RatioTiers.PublicOther, 70, 13, true)]
    [InlineData(RatioTiers.Foundation6000, 6, 12, true)]
    [InlineData(RatioTiers.Foundation800, 6, 13, true)]
    [InlineData(RatioTiers.Foundation400, 7, 15, true)]
    [InlineData(RatioTiers.FoundationSmall, 8, 20, false)]
    [InlineData(RatioTiers.Other1000, 6, 13, false)]
    [InlineData(RatioTiers.Other500, 7, 14, false)]
    [InlineData(RatioTiers.Other100, 8, 15, false)]
    [InlineData(RatioTiers.OtherSmall, 8, 20, false)]
    public void The_seeded_table_matches_the_notice_and_marks_the_unconfirmed_rows(string tier, int spending, int management, bool demo)
    {
        var t = Table(tier);
        Assert.Equal((spending, management, demo), ((int)t.MinSpendingPercent, (int)t.MaxManagementPercent, t.Demo));
        Assert.Equal(tier == RatioTiers.OtherSmall ? 50m : null, t.MinIncomeSharePercent);
    }

    /// <summary>
    /// The bands by organisation kind, as the recognition in the social organisations' registry reads them through
    /// <see cref="ICharityRatioTable"/> (the cases of the literal table it carried before ADR 060, each boundary kept).
    /// </summary>
    [Theory]
    [InlineData(OrganizationKind.Foundation, true, 100_000_000, RatioTiers.PublicFoundation, 70, 10, false)]
    [InlineData(OrganizationKind.SocialGroup, true, 1_000_000, RatioTiers.PublicOther, 70, 13, true)]
    [InlineData(OrganizationKind.Foundation, false, 3_999_999, RatioTiers.FoundationSmall, 8, 20, false)]
    [InlineData(OrganizationKind.Foundation, false, 4_000_000, RatioTiers.Foundation400, 7, 15, true)]
    [InlineData(OrganizationKind.Foundation, false, 60_000_000, RatioTiers.Foundation6000, 6, 12, true)]
    [InlineData(OrganizationKind.SocialServiceAgency, false, 10_000_000, RatioTiers.Other1000, 6, 13, false)]
    [InlineData(OrganizationKind.SocialServiceAgency, false, 5_000_000, RatioTiers.Other500, 7, 14, false)]
    [InlineData(OrganizationKind.SocialGroup, false, 1_000_000, RatioTiers.Other100, 8, 15, false)]
    [InlineData(OrganizationKind.SocialGroup, false, 999_999.99, RatioTiers.OtherSmall, 8, 20, false)]
    public void The_published_verdict_reads_the_band_of_the_organisation_kind(OrganizationKind kind, bool publicFundraising, double netAssets, string tier, int spending, int management, bool demo)
    {
        var assets = Money.FromYuan(Math.Round((decimal)netAssets, 2));
        // spending one fen below the floor of the band's base, management at 100 % of a total above the exemption
        var baseFen = publicFundraising ? 1_000_000_000L : assets.Fen;
        var year = new CharityYearAccounts(2025, Fen(baseFen), Fen(baseFen * spending / 100 - 1), Wan(30), Wan(30) + Fen(baseFen * spending / 100), assets, Fen(baseFen));
        var verdict = SeededRatioTable.VerdictOf(kind, publicFundraising, year);
        Assert.Equal((tier, CharityRatioOutcome.ShortFall, demo), (verdict.Tier, verdict.Outcome, verdict.Demo));
        Assert.Contains(verdict.Findings, f => f.Code == "spending" && f.Text.Contains($"低于 {spending}%", StringComparison.Ordinal));
        Assert.Equal(management, (int)Table(tier).MaxManagementPercent);
        var passing = year with { CharitableSpending = Fen(Math.Max(baseFen * spending / 100, (baseFen + 1) / 2)), ManagementCost = Wan(1) };
        Assert.Equal(CharityRatioOutcome.Passed, SeededRatioTable.VerdictOf(kind, publicFundraising, passing with { TotalSpending = passing.CharitableSpending + Wan(1) }).Outcome);
    }

    /// <summary>In production the UNCONFIRMED bands have no rows: the verdict is "比例未配置", never a guessed pass.</summary>
    [Theory]
    [InlineData(OrganizationKind.Foundation, false, 4_000_000, CharityRatioOutcome.NotConfigured)]
    [InlineData(OrganizationKind.Foundation, false, 60_000_000, CharityRatioOutcome.NotConfigured)]
    [InlineData(OrganizationKind.SocialGroup, true, 0, CharityRatioOutcome.NotConfigured)]
    [InlineData(OrganizationKind.Foundation, true, 0, CharityRatioOutcome.Passed)]
    [InlineData(OrganizationKind.Foundation, false, 3_999_999, CharityRatioOutcome.Passed)]
    public void A_band_without_figures_yields_no_verdict(OrganizationKind kind, bool publicFundraising, double netAssets, CharityRatioOutcome outcome)
    {
        var year = new CharityYearAccounts(2025, Wan(1000), Wan(900), Wan(1), Wan(901), Money.FromYuan((decimal)netAssets), Wan(1000));
        var verdict = SeededRatioTable.VerdictOf(kind, publicFundraising, year, demo: false);
        Assert.Equal(outcome, verdict.Outcome);
        if (outcome == CharityRatioOutcome.NotConfigured)
            Assert.StartsWith("比例未配置", Assert.Single(verdict.Findings, f => f.Code == "not-configured").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_previous_income_is_named_where_the_band_needs_it()
    {
        var year = new CharityYearAccounts(2025, Wan(100), Wan(90), Wan(1), Wan(91), Wan(50), null);
        Assert.Equal(["accounts-missing"], SeededRatioTable.VerdictOf(OrganizationKind.SocialGroup, false, year).Findings.Select(f => f.Code));
        Assert.Equal(["accounts-missing"], SeededRatioTable.VerdictOf(OrganizationKind.Foundation, true, year).Findings.Select(f => f.Code));
        Assert.Equal(CharityRatioOutcome.Passed, SeededRatioTable.VerdictOf(OrganizationKind.SocialGroup, false, year with { PreviousYearEndNetAssets = Wan(200) }).Outcome);
    }

    [Theory]
    [InlineData(RatioTiers.PublicFoundation)]
    [InlineData(RatioTiers.PublicOther)]
    [InlineData(RatioTiers.Foundation6000)]
    [InlineData(RatioTiers.Foundation800)]
    [InlineData(RatioTiers.Foundation400)]
    [InlineData(RatioTiers.FoundationSmall)]
    [InlineData(RatioTiers.Other1000)]
    [InlineData(RatioTiers.Other500)]
    [InlineData(RatioTiers.Other100)]
    [InlineData(RatioTiers.OtherSmall)]
    public void Spending_exactly_at_the_floor_passes_and_one_fen_less_falls_short(string tier)
    {
        var t = Table(tier);
        // base 10,000,000.00 元 (income for 公募, net assets otherwise); the previous income equals it, so the 50 % test never decides here
        var baseFen = 1_000_000_000L;
        var floor = baseFen * (long)t.MinSpendingPercent / 100;
        YearFigures Year(long spending) => new(2025, Fen(baseFen), Fen(spending), Wan(10), Fen(spending + 100_000_000), Fen(baseFen), Fen(baseFen));
        var at = CharityRatios.Evaluate(t, Year(Math.Max(floor, baseFen / 2)), false);
        Assert.Equal(RatioVerdict.Passed, at.Verdict);
        var below = CharityRatios.Evaluate(t, Year(floor - 1), false);
        Assert.Equal(RatioVerdict.ShortFall, below.Verdict);
        Assert.Contains(below.Shortfalls, s => s.Code == "spending");
        Assert.Equal(t.Demo, below.Shortfalls.Single(s => s.Code == "spending").Text.Contains("演示数据", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(RatioTiers.PublicFoundation)]
    [InlineData(RatioTiers.FoundationSmall)]
    [InlineData(RatioTiers.Other1000)]
    [InlineData(RatioTiers.Other500)]
    [InlineData(RatioTiers.Other100)]
    [InlineData(RatioTiers.OtherSmall)]
    public void Management_exactly_at_the_cap_passes_and_one_fen_more_falls_short(string tier)
    {
        var t = Table(tier);
        var total = 1_000_000_000L; // 1,000万元 of total spending: the cap is well above the 20万 exemption
        var cap = total * (long)t.MaxManagementPercent / 100;
        YearFigures Year(long management) => new(2025, Fen(total), Fen(total / 2), Fen(management), Fen(total), Fen(total), Fen(total / 2));
        Assert.DoesNotContain(CharityRatios.Evaluate(t, Year(cap), false).Shortfalls, s => s.Code == "management");
        Assert.Contains(CharityRatios.Evaluate(t, Year(cap + 1), false).Shortfalls, s => s.Code == "management");
    }

    [Fact]
    public void Management_below_twenty_wan_is_exempt_from_the_cap_and_at_twenty_wan_is_not()
    {
        var t = Table(RatioTiers.OtherSmall);
        // total spending 30万, management just under 20万 (66 %): exempt; exactly 20万: the cap applies
        YearFigures Year(long management) => new(2025, Wan(100), Wan(90), Fen(management), Wan(30) + Wan(0), Wan(50), Wan(100));
        var under = CharityRatios.Evaluate(t, Year(20_000_000 - 1), false);
        Assert.True(under.ManagementExempt);
        Assert.DoesNotContain(under.Shortfalls, s => s.Code == "management");
        var at = CharityRatios.Evaluate(t, Year(20_000_000), false);
        Assert.False(at.ManagementExempt);
        Assert.Contains(at.Shortfalls, s => s.Code == "management");
    }

    [Fact]
    public void The_smallest_bodies_also_spend_half_of_the_previous_income()
    {
        var t = Table(RatioTiers.OtherSmall);
        // 8 % of 50万 net assets = 4万 is met by 10万, but half of the previous income of 30万 is 15万
        var r = CharityRatios.Evaluate(t, new YearFigures(2025, Wan(30), Wan(10), Wan(1), Wan(12), Wan(50), Wan(30)), false);
        Assert.Equal(RatioVerdict.ShortFall, r.Verdict);
        Assert.Equal(["income-share"], r.Shortfalls.Select(s => s.Code));
        Assert.Equal(RatioVerdict.Passed, CharityRatios.Evaluate(t, new YearFigures(2025, Wan(30), Wan(15), Wan(1), Wan(17), Wan(50), Wan(30)), false).Verdict);
    }

    [Fact]
    public void The_three_year_average_can_carry_a_short_year()
    {
        var t = Table(RatioTiers.PublicFoundation);
        // this year 60 % of the previous income; the two before 80 % and 75 %: the average (215 / 300) is 71.67 %
        var year = new YearFigures(2025, Wan(100), Wan(60), Wan(5), Wan(70), Wan(500), Wan(100));
        var earlier = new[]
        {
            new YearFigures(2024, Wan(100), Wan(80), Wan(5), Wan(90), Wan(500), Wan(100)),
            new YearFigures(2023, Wan(100), Wan(75), Wan(5), Wan(85), Wan(500), Wan(100)),
        };
        Assert.Equal(RatioVerdict.ShortFall, CharityRatios.Evaluate(t, year, false).Verdict);
        var averaged = CharityRatios.Evaluate(t, year, false, earlier);
        Assert.True(averaged.ThreeYearAverage);
        Assert.Equal(RatioVerdict.Passed, averaged.Verdict);
        Assert.Equal(71.67m, averaged.SpendingPercent);
        // with only one earlier year the average is not available: the year stands alone
        Assert.False(CharityRatios.Evaluate(t, year, false, earlier[..1]).ThreeYearAverage);
    }

    [Fact]
    public void A_body_under_a_year_old_explains_instead_of_failing()
    {
        var r = CharityRatios.Evaluate(Table(RatioTiers.Other100), new YearFigures(2025, Wan(10), Wan(0), Wan(5), Wan(5), Wan(200), Wan(0)), true);
        Assert.Equal(RatioVerdict.Explain, r.Verdict);
        Assert.Empty(r.Shortfalls);
    }

    [Theory]
    // a 6-month plan (not "more than six months") owes only the final disclosure, three months after its end
    [InlineData("2026-01-01", "2026-07-01", null, null, "2026-10-01", "")]
    [InlineData("2026-01-01", "2026-07-01", null, null, "2026-10-02", "final")]
    [InlineData("2026-01-01", "2026-07-01", null, "2026-09-01", "2026-12-01", "")]
    // a 7-month plan discloses every three months: due on 04-01, overdue the day after
    [InlineData("2026-01-01", "2026-08-01", null, null, "2026-04-01", "")]
    [InlineData("2026-01-01", "2026-08-01", null, null, "2026-04-02", "periodic")]
    [InlineData("2026-01-01", "2026-08-01", "2026-03-30", null, "2026-06-30", "")]
    [InlineData("2026-01-01", "2026-08-01", "2026-03-30", null, "2026-07-01", "periodic")]
    public void Disclosures_fall_due_by_the_law_of_seventy_three(string starts, string ends, string? last, string? final, string today, string due)
    {
        static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        var overdue = DisclosureRule.Overdue(D(starts), D(ends), last is null ? null : D(last), final is null ? null : D(final), D(today), 6, 3, 3);
        Assert.Equal(due, string.Join(",", overdue.Select(o => o.Code)));
    }
}

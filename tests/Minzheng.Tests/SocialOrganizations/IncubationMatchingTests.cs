using Minzheng.Web.Modules.SocialOrganizations.Incubation;
using Minzheng.Web.Platform.Money;

namespace Minzheng.Tests.SocialOrganizations;

/// <summary>A project fits a funding programme when the field is the same, the budget lies in the range (ends included) and the programme is open.</summary>
public sealed class IncubationMatchingTests
{
    private static readonly DateOnly Start = new(2026, 1, 1);
    private static readonly DateOnly End = new(2026, 12, 31);

    [Theory]
    [InlineData("education", 30_000, "2026-06-01", "")]
    [InlineData("education", 5_000, "2026-06-01", "")]
    [InlineData("education", 50_000, "2026-12-31", "")]
    [InlineData("health", 30_000, "2026-06-01", "领域不同")]
    [InlineData("education", 4_999.99, "2026-06-01", "预算低于资助下限")]
    [InlineData("education", 50_000.01, "2026-06-01", "预算高于资助上限")]
    [InlineData("education", 30_000, "2027-01-01", "资助项目已截止")]
    [InlineData("education", 30_000, "2025-12-31", "资助项目尚未开始")]
    [InlineData("agriculture", 80_000, "2027-01-01", "领域不同,预算高于资助上限,资助项目已截止")]
    public void Matches_by_field_amount_and_period(string field, double budget, string on, string expected)
    {
        var reasons = IncubationMatching.Mismatches("education", Money.FromYuan(5_000m), Money.FromYuan(50_000m), Start, End, field, Money.FromYuan((decimal)budget), DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, string.Join(",", reasons));
    }
}

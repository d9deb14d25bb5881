using Minzheng.Web.Modules.Funeral.Benefits;
using Minzheng.Web.Modules.Funeral.Dashboard;
using Minzheng.Web.Modules.Funeral.Facilities;
using Minzheng.Web.Modules.Funeral.Rectification;
using Minzheng.Web.Platform.Money;

namespace Minzheng.Tests.Funeral;

/// <summary>The pure funeral rules, table-tested: plot size and term, the 惠民殡葬 waiver, the cremation rate, overdue rectification.</summary>
public sealed class FuneralRulesTests
{
    [Theory]
    // kind, area, term, max area, max term → fields refused
    [InlineData(PlotKind.Ashes, 0.8, 20, 1, 20, "")]
    [InlineData(PlotKind.Ashes, 1.0, 20, 1, 20, "")]
    [InlineData(PlotKind.Ashes, 1.01, 20, 1, 20, "area")]
    [InlineData(PlotKind.SingleBody, 4, 20, 4, 20, "")]
    [InlineData(PlotKind.SingleBody, 4.5, 21, 4, 20, "area,termYears")]
    [InlineData(PlotKind.DoubleBody, 6, 25, 6, 20, "termYears")]
    [InlineData(PlotKind.DoubleBody, 0, 0, 6, 20, "area,termYears")]
    public void Plot_size_and_term_are_within_the_figures(PlotKind kind, double area, int term, int maxArea, int maxTerm, string refused)
    {
        var findings = PlotRules.CheckPlot(kind, (decimal)area, term, maxArea, maxTerm, "标准文号");
        Assert.Equal(refused, string.Join(",", findings.Select(f => f.Field)));
        if (findings.FirstOrDefault(f => f.Field == "area" && area > 0) is { } oversize) Assert.Contains($"超过上限 {maxArea} 平方米（标准文号）", oversize.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "1", "certificateKind")]
    [InlineData("birth", "1", "certificateKind")]
    [InlineData("death", "", "certificateNumber")]
    [InlineData("death", "SW001", null)]
    [InlineData("cremation", "HH001", null)]
    [InlineData("reburial", "QZ001", null)]
    public void A_sale_needs_a_death_cremation_or_reburial_certificate(string? kind, string number, string? refused) =>
        Assert.Equal(refused, PlotRules.CheckCertificate(kind, number)?.Field);

    private static readonly FuneralWaiverRule Rule = new(
        new HashSet<string> { "dibao", "unidentified" },
        new Dictionary<string, WaiverItem>
        {
            ["cremation"] = new(Money.FromYuan(400), null, "文号"),
            ["storage"] = new(Money.FromYuan(150), 3, "文号"),
            ["ashes-storage"] = new(Money.FromYuan(150), 3, "文号"),
        });

    [Theory]
    // group, item, units, charged → free
    [InlineData("dibao", "cremation", 1, 350, 350)]
    [InlineData("dibao", "cremation", 1, 500, 400)]
    [InlineData("unidentified", "storage", 5, 250, 150)] // 3 of 5 days: 150, the cap
    [InlineData("dibao", "storage", 6, 120, 60)] // 3 of 6 days: half of 120
    [InlineData("dibao", "storage", 2, 80, 80)]
    [InlineData("dibao", "ashes-storage", 10, 1000, 150)]
    [InlineData("orphan", "cremation", 1, 350, 0)] // not an eligible group in this rule
    [InlineData("dibao", "transport", 1, 200, 0)] // not a free item in this rule
    [InlineData("dibao", "cremation", 1, 0, 0)]
    public void The_waiver_frees_the_eligible_share_within_the_cap(string group, string item, int units, int charged, decimal free) =>
        Assert.Equal(free, Rule.FreeAmount(group, item, units, Money.FromYuan(charged)).Yuan);

    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(10, 0, 0.0)]
    [InlineData(3, 2, 66.7)]
    [InlineData(3, 3, 100.0)]
    [InlineData(8, 7, 87.5)]
    public void The_cremation_rate_is_cremations_over_deaths(int deaths, int cremations, double? rate) =>
        Assert.Equal(rate is { } r ? (decimal?)Math.Round((decimal)r, 1) : null, CremationRate.Rate(deaths, cremations));

    [Fact]
    public void The_rate_is_per_county_and_month_of_death_and_sums_counts_not_rates()
    {
        var rows = CremationRate.Compute(
        [
            new("450921000000", new DateOnly(2026, 10, 3), true),
            new("450921000000", new DateOnly(2026, 10, 30), false),
            new("450921000000", new DateOnly(2026, 11, 2), true),
            new("450981000000", new DateOnly(2026, 10, 5), true),
        ]);
        Assert.Equal(
            new List<CremationRateRow>
            {
                new("450921000000", new DateOnly(2026, 10, 1), 2, 1, 50.0m),
                new("450921000000", new DateOnly(2026, 11, 1), 1, 1, 100.0m),
                new("450981000000", new DateOnly(2026, 10, 1), 1, 1, 100.0m),
            }, rows);
        // 容县 over the year: 2 of 3 (66.7 %), not the mean of 50 % and 100 %
        Assert.Equal(66.7m, CremationRate.Total(rows.Where(r => r.County == "450921000000")));
        Assert.Null(CremationRate.Total([]));
    }

    [Theory]
    [InlineData(GraveCaseStatus.Found, null, false)]
    [InlineData(GraveCaseStatus.MeasureOrdered, "2026-11-30", false)]
    [InlineData(GraveCaseStatus.MeasureOrdered, "2026-11-29", true)]
    [InlineData(GraveCaseStatus.Rectified, "2026-11-01", false)]
    public void A_measure_past_its_deadline_is_overdue(GraveCaseStatus status, string? deadline, bool overdue)
    {
        var c = new GraveCase { Number = "x", Location = "x", DivisionCode = "450921100003", CreatedBy = "x", Status = status, Deadline = deadline is null ? null : DateOnly.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture) };
        Assert.Equal(overdue, c.IsOverdue(new DateOnly(2026, 11, 30)));
        Assert.Equal(overdue, c.StatusName(new DateOnly(2026, 11, 30)) == "逾期未整改");
    }
}

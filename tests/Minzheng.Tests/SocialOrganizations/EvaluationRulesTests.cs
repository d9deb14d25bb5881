using Minzheng.Web.Modules.SocialOrganizations.Evaluation;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Tests.SocialOrganizations;

/// <summary>The pure rules of evaluation (rules.md §6.3): the experts' mean and its rounding, the grade cut-offs, the privileges of a grade, the score sheet check.</summary>
public sealed class EvaluationRulesTests
{
    [Theory]
    [InlineData(1000, 5)]
    [InlineData(900, 5)]
    [InlineData(899.9, 4)]
    [InlineData(800, 4)]
    [InlineData(799.9, 3)]
    [InlineData(700, 3)]
    [InlineData(699.9, 2)]
    [InlineData(600, 2)]
    [InlineData(599.9, 1)]
    [InlineData(0, 1)]
    public void Grades_follow_the_cut_offs(double score, int grade) => Assert.Equal(grade, EvaluationRules.Grade((decimal)score, GradeCutoffs.Luoyang));

    [Fact]
    public void Another_city_s_cut_offs_give_another_grade() =>
        Assert.Equal(4, EvaluationRules.Grade(920m, new GradeCutoffs(950, 850, 750, 650))); // Anqing: 5A from 950

    [Fact]
    public void Cut_offs_out_of_order_are_a_problem()
    {
        Assert.Empty(GradeCutoffs.Luoyang.Problems());
        Assert.NotEmpty(new GradeCutoffs(800, 900, 700, 600).Problems());
        Assert.NotEmpty(new GradeCutoffs(1100, 900, 700, 600).Problems());
        Assert.NotEmpty(new GradeCutoffs(900, 800, 700, 0).Problems());
    }

    [Theory]
    [InlineData(new[] { 860.0, 853.0 }, 856.5)]
    [InlineData(new[] { 800.0, 800.1 }, 800.1)] // 800.05 rounds half away from zero: a 4A's edge is not lost to banker's rounding
    [InlineData(new[] { 799.9, 800.0, 800.0 }, 800.0)] // 799.966… → 800.0
    [InlineData(new[] { 899.9, 899.9 }, 899.9)]
    public void The_score_is_the_experts_mean_to_one_decimal(double[] totals, double expected) =>
        Assert.Equal((decimal)expected, EvaluationRules.Mean([.. totals.Select(t => (decimal)t)]));

    [Fact]
    public void A_mean_of_no_experts_is_refused() => Assert.Throws<ArgumentException>(() => EvaluationRules.Mean([]));

    public static TheoryData<int?, string?, bool, bool, bool> PrivilegeCases => new()
    {
        { 5, "2029-06-19", true, true, true },
        { 4, "2029-06-19", true, true, true },
        { 3, "2029-06-19", true, true, false },
        { 2, "2029-06-19", false, false, false },
        { 1, "2029-06-19", false, false, false },
        { 5, "2026-03-31", false, false, false }, // expired the day before: nothing left
        { 4, "2026-04-01", true, true, true }, // the last valid day still counts
        { null, null, false, false, false },
    };

    [Theory]
    [MemberData(nameof(PrivilegeCases))]
    public void Privileges_follow_the_grade_while_it_is_valid(int? grade, string? validUntil, bool purchase, bool tax, bool simplified)
    {
        var p = EvaluationRules.Privileges(grade, validUntil is null ? null : DateOnly.Parse(validUntil, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2026, 4, 1));
        Assert.Equal((purchase, tax, simplified), (p.PurchaseOfServices, p.TaxDeduction, p.SimplifiedInspection));
        Assert.Equal(new[] { purchase, tax, simplified }.Count(x => x), p.Names.Count);
    }

    [Fact]
    public void Validity_is_five_years_less_a_day() => Assert.Equal(new DateOnly(2029, 6, 19), EvaluationRules.ValidUntil(new DateOnly(2024, 6, 20), 5));

    [Fact]
    public void Every_first_indicator_set_adds_up_to_1000_in_four_sections()
    {
        var set = EvaluationIndicatorSets.First();
        foreach (var kind in new[] { OrganizationKind.SocialGroup, OrganizationKind.SocialServiceAgency, OrganizationKind.Foundation })
        {
            var rows = set.Where(i => i.Kind == kind).ToList();
            Assert.Equal(EvaluationRules.MaxScore, rows.Sum(i => i.MaxPoints));
            Assert.Equal(["basic", "governance", "performance", "social"], rows.Select(i => i.Section).Distinct());
            Assert.Equal(rows.Count, rows.Select(i => i.Code).Distinct().Count());
        }
    }

    [Fact]
    public void A_score_sheet_names_every_bad_indicator()
    {
        var indicators = EvaluationIndicatorSets.First().Where(i => i.Kind == OrganizationKind.SocialGroup).ToList();
        var good = EvaluationInitializer.Sheet(indicators, 856.5m);
        Assert.Equal(856.5m, EvaluationService.ValidateSheet(indicators, good).Values.Sum());

        var bad = new Dictionary<string, decimal?>(good) { ["1.1"] = 21m, ["1.2"] = -1m, ["1.3"] = 10.25m, ["9.9"] = 1m };
        bad.Remove("2.1");
        var problem = Assert.Throws<AppProblem>(() => EvaluationService.ValidateSheet(indicators, bad));
        Assert.Equal(400, problem.Status);
        Assert.Equal(["scores[1.1]", "scores[1.2]", "scores[1.3]", "scores[2.1]", "scores[9.9]"], problem.Errors.Keys.Order(StringComparer.Ordinal));
    }
}

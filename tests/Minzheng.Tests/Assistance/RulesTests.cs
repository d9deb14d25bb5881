using Minzheng.Web.Modules.Assistance.Rules;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Tests.Assistance;

/// <summary>Table-driven tests of the pure assistance rules, from the regulations (rules.md §1–3).</summary>
public sealed class DibaoRulesTests
{
    private static readonly DateOnly Date = new(2026, 6, 1);

    private static DibaoFigures Figures(decimal standard = 600, RoundingRule rounding = RoundingRule.CeilingYuan, decimal? floor = null,
        decimal? depositMultiple = null, int? maxVehicles = null, int? maxHouses = null, bool? business = null, params AddOnFigure[] addOns) => new(
        new Figure<Money>(Money.FromYuan(standard), "测试标准"),
        addOns,
        new Figure<int>(60, "老年人年龄"),
        new Figure<int>(18, "未成年人年龄"),
        floor is null ? null : new Figure<decimal>(floor.Value, "单人户保底"),
        new Figure<RoundingRule>(rounding, "取整规则"),
        depositMultiple is null ? null : new Figure<decimal>(depositMultiple.Value, "存款"),
        maxVehicles is null ? null : new Figure<int>(maxVehicles.Value, "车辆"),
        maxHouses is null ? null : new Figure<int>(maxHouses.Value, "住房"),
        business is null ? null : new Figure<bool>(business.Value, "经营"),
        new Figure<decimal>(1.5m, "边缘"));

    private static DibaoMember Adult(int age = 40, int? grade = null, bool ill = false) => new(Date.AddYears(-age), grade, grade is null ? null : DisabilityCategory.Physical, ill);

    [Theory]
    // standard, members, household income → monthly amount (社会救助暂行办法 第十二条: standard × members − income)
    [InlineData(600, 3, 900, 900)]       // rules.md §1.4 example: per-capita 300 → (600 − 300) × 3
    [InlineData(600, 1, 0, 600)]
    [InlineData(600, 4, 2000, 400)]
    [InlineData(600, 3, 1799.99, 1)]      // 0.01 left, rounded up to the next whole yuan
    [InlineData(690, 2, 500.5, 880)]      // 879.50 → 880
    public void Amount_is_the_gap_to_the_standard(decimal standard, int members, decimal income, decimal expected)
    {
        var r = DibaoRules.Calculate(new DibaoRequest(Date, Money.FromYuan(income), Enumerable.Range(0, members).Select(_ => Adult()).ToList()), Figures(standard));
        Assert.True(r.Eligible);
        Assert.Equal(Money.FromYuan(expected), r.MonthlyAmount);
        Assert.Contains(r.Lines, l => l.Basis == "测试标准");
    }

    [Theory]
    [InlineData(600, 3, 1800)]  // per-capita equal to the standard: not below it
    [InlineData(600, 2, 1500)]
    public void Per_capita_income_at_or_above_the_standard_is_not_eligible(decimal standard, int members, decimal income)
    {
        var r = DibaoRules.Calculate(new DibaoRequest(Date, Money.FromYuan(income), Enumerable.Range(0, members).Select(_ => Adult()).ToList()), Figures(standard));
        Assert.False(r.Eligible);
        Assert.Equal(Money.Zero, r.MonthlyAmount);
        Assert.Contains(r.Reasons, x => x.Contains("第九条", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1800, true)]   // 600 per capita: below 1.5 × 600 = 900 → marginal household
    [InlineData(2700, false)]  // 900 per capita: not below 1.5 ×
    public void Marginal_households_are_recognised(decimal income, bool marginal)
    {
        var r = DibaoRules.Calculate(new DibaoRequest(Date, Money.FromYuan(income), [Adult(), Adult(), Adult()]), Figures());
        Assert.Equal(marginal, r.Marginal);
    }

    [Theory]
    [InlineData(RoundingRule.CeilingYuan, 880)]
    [InlineData(RoundingRule.NearestYuan, 880)]
    [InlineData(RoundingRule.CeilingTenYuan, 880)]
    [InlineData(RoundingRule.Fen, 879.50)]
    public void Rounding_follows_the_configured_rule(RoundingRule rule, decimal expected)
    {
        var r = DibaoRules.Calculate(new DibaoRequest(Date, Money.FromYuan(500.50m), [Adult(), Adult()]), Figures(690, rule));
        Assert.Equal(Money.FromYuan(expected), r.MonthlyAmount);
    }

    [Fact]
    public void Classified_add_ons_take_the_highest_category_per_person()
    {
        var f = Figures(600, RoundingRule.Fen, addOns:
        [
            new AddOnFigure("elderly", "老年人", null, 10, "老年人10%"),
            new AddOnFigure("severe-disability", "重度残疾", Money.FromYuan(100), null, "重残100元"),
            new AddOnFigure("minor", "未成年人", null, 10, "未成年人10%"),
        ]);
        // an elderly grade-1 disabled person (60 and 100 → 100 only), a child (60), an adult (nothing)
        var r = DibaoRules.Calculate(new DibaoRequest(Date, Money.FromYuan(900), [Adult(70, grade: 1), new DibaoMember(Date.AddYears(-10)), Adult()]), f);
        Assert.Equal(Money.FromYuan(900 + 100 + 60), r.MonthlyAmount);
        Assert.Equal(2, r.Lines.Count(l => l.Label.StartsWith("分类施保", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_single_person_application_gets_the_floor()
    {
        var r = DibaoRules.Calculate(new DibaoRequest(Date, Money.FromYuan(500), [Adult(grade: 1)], SinglePerson: true), Figures(600, floor: 60));
        Assert.Equal(Money.FromYuan(360), r.MonthlyAmount); // gap 100, floor 60 % of 600
        Assert.Contains(r.Lines, l => l.Label.Contains("单人户保底", StringComparison.Ordinal));
    }

    [Theory]
    // deposits, vehicles, houses, business → failing reason fragment (null = passes)
    [InlineData(10000, 0, 1, false, null)]
    [InlineData(30000, 0, 1, false, "存款")]   // per capita 15000 > 2 × 600 × 12 = 14400
    [InlineData(0, 1, 1, false, "机动车")]
    [InlineData(0, 0, 2, false, "住房")]
    [InlineData(0, 0, 1, true, "经营")]
    public void Property_rules_give_a_reason_when_failed(decimal deposits, int vehicles, int houses, bool business, string? reason)
    {
        var f = Figures(600, depositMultiple: 2, maxVehicles: 0, maxHouses: 1, business: false);
        var r = DibaoRules.Calculate(new DibaoRequest(Date, Money.FromYuan(300), [Adult(), Adult()], new PropertyDeclaration(Money.FromYuan(deposits), vehicles, houses, business)), f);
        if (reason is null)
        {
            Assert.True(r.Eligible);
        }
        else
        {
            Assert.False(r.Eligible);
            Assert.Contains(r.Reasons, x => x.Contains(reason, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Unconfigured_property_rules_are_not_applied()
    {
        var r = DibaoRules.Calculate(new DibaoRequest(Date, Money.FromYuan(300), [Adult()], new PropertyDeclaration(Money.FromYuan(1_000_000), 3, 5, true)), Figures());
        Assert.True(r.Eligible);
    }
}

public sealed class ExtremePovertyRulesTests
{
    [Theory]
    [InlineData(new SelfCareItem[0], SelfCareLevel.SelfCare)]
    [InlineData(new[] { SelfCareItem.Bathing }, SelfCareLevel.PartiallyLost)]
    [InlineData(new[] { SelfCareItem.Bathing, SelfCareItem.Dressing }, SelfCareLevel.PartiallyLost)]
    [InlineData(new[] { SelfCareItem.Bathing, SelfCareItem.Dressing, SelfCareItem.Toilet }, SelfCareLevel.PartiallyLost)]
    [InlineData(new[] { SelfCareItem.Bathing, SelfCareItem.Dressing, SelfCareItem.Toilet, SelfCareItem.Bed }, SelfCareLevel.CompletelyLost)]
    [InlineData(new[] { SelfCareItem.Eating, SelfCareItem.Dressing, SelfCareItem.Bed, SelfCareItem.Toilet, SelfCareItem.IndoorWalking, SelfCareItem.Bathing }, SelfCareLevel.CompletelyLost)]
    [InlineData(new[] { SelfCareItem.Bathing, SelfCareItem.Bathing }, SelfCareLevel.PartiallyLost)] // the same item twice counts once
    public void Six_item_self_care_assessment(SelfCareItem[] unable, SelfCareLevel expected) =>
        Assert.Equal(expected, ExtremePovertyRules.AssessSelfCare(unable));

    [Theory]
    // age, category, grade, rule version → unable to work
    [InlineData(60, null, null, "2016", true)]
    [InlineData(59, null, null, "2021", false)]
    [InlineData(15, null, null, "2016", true)]
    [InlineData(40, DisabilityCategory.Intellectual, 3, "2016", false)]
    [InlineData(40, DisabilityCategory.Intellectual, 3, "2021", true)]   // 43号 extends to grade 3 intellectual/mental
    [InlineData(40, DisabilityCategory.Physical, 2, "2016", false)]
    [InlineData(40, DisabilityCategory.Physical, 2, "2021", true)]
    [InlineData(40, DisabilityCategory.Visual, 1, "2016", false)]
    [InlineData(40, DisabilityCategory.Visual, 1, "2021", true)]
    [InlineData(40, DisabilityCategory.Mental, 2, "2016", true)]
    public void Work_capacity_follows_the_rule_version(int age, DisabilityCategory? category, int? grade, string version, bool unable)
    {
        var date = new DateOnly(2022, 1, 1);
        var p = new ExtremePovertyPerson(date.AddYears(-age), category, grade, true, true, false);
        Assert.Equal(unable, ExtremePovertyRules.UnableToWork(p, date, version, out _));
    }

    [Fact]
    public void All_three_conditions_are_required()
    {
        var date = new DateOnly(2022, 1, 1);
        var (eligible, reasons) = ExtremePovertyRules.Eligibility(new ExtremePovertyPerson(date.AddYears(-70), null, null, IncomeBelowDibaoStandard: false, PropertyWithinRules: true, HasAbleSupporter: true), date, "2021");
        Assert.False(eligible);
        Assert.Equal(2, reasons.Count);
    }

    [Fact]
    public void Basic_living_as_a_multiple_of_the_dibao_standard_plus_care()
    {
        var f = new ExtremePovertyFigures(new Figure<Money>(Money.FromYuan(600), "低保"), null, new Figure<decimal>(1.3m, "1.3倍"),
            new Dictionary<SelfCareLevel, Figure<Money>> { [SelfCareLevel.PartiallyLost] = new(Money.FromYuan(300), "半护理") }, new Figure<RoundingRule>(RoundingRule.CeilingYuan, "取整"));
        var (basic, care, _) = ExtremePovertyRules.Amounts(f, SelfCareLevel.PartiallyLost);
        Assert.Equal(Money.FromYuan(780), basic);
        Assert.Equal(Money.FromYuan(300), care);
    }
}

public sealed class TemporaryRulesTests
{
    private static TemporaryFigures F(decimal multiple = 6, decimal? cap = 5000, decimal limit = 2000) => new(
        new Figure<Money>(Money.FromYuan(600), "低保"), new Figure<decimal>(multiple, "倍数"), cap is null ? null : new Figure<Money>(Money.FromYuan(cap.Value), "上限"),
        new Figure<Money>(Money.FromYuan(limit), "乡镇额度"), new Figure<RoundingRule>(RoundingRule.CeilingYuan, "取整"));

    [Theory]
    // requested → amount, level
    [InlineData(1500, 1500, ApprovalLevel.Township)]
    [InlineData(2000, 2000, ApprovalLevel.Township)]
    [InlineData(2500, 2500, ApprovalLevel.County)]
    [InlineData(4000, 3600, ApprovalLevel.County)]   // 6 × 600
    [InlineData(1999.40, 2000, ApprovalLevel.Township)]
    public void Amount_is_capped_and_above_the_township_limit_the_county_approves(decimal requested, decimal expected, ApprovalLevel level)
    {
        var r = TemporaryRules.Calculate(Money.FromYuan(requested), F());
        Assert.Equal(Money.FromYuan(expected), r.Amount);
        Assert.Equal(level, r.Level);
    }

    [Fact]
    public void The_cap_applies_when_lower_than_the_multiple()
    {
        var r = TemporaryRules.Calculate(Money.FromYuan(9000), F(multiple: 12, cap: 5000));
        Assert.Equal(Money.FromYuan(5000), r.Amount);
    }
}

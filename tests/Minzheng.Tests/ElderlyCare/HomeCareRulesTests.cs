using Minzheng.Web.Modules.ElderlyCare.HomeCare;
using Minzheng.Web.Modules.ElderlyCare.HomeCare.Rules;
using Minzheng.Web.Platform.Money;

namespace Minzheng.Tests.ElderlyCare;

/// <summary>Table tests of the pure home-care rules: eligibility by configured criteria, the EVV elements, pricing within the monthly hours, the seeded sample, the alert line.</summary>
public sealed class HomeCareRulesTests
{
    private static readonly EligibilityConfig All = new(true, true, true, true, 80, 60, true, 2);

    public static TheoryData<int, bool, bool, bool, int?, string> Eligible => new()
    {
        { 80, false, false, false, null, "80 周岁及以上高龄老年人（80 岁）" },
        { 79, true, false, false, null, "特困人员" },
        { 65, false, true, false, null, "低保家庭老年人" },
        { 61, false, false, true, null, "享受残疾人两项补贴" },
        { 70, false, false, false, 2, "能力等级 2 级" },
    };

    [Theory]
    [MemberData(nameof(Eligible))]
    public void An_elder_meeting_one_configured_criterion_is_eligible(int age, bool extreme, bool dibao, bool disabled, int? level, string reason) =>
        Assert.Equal([reason], HomeCareRules.Matches(new EligibilityFacts(age, extreme, dibao, disabled, level), All));

    [Theory]
    [InlineData(79, false, false, false, null)]   // below the aged line, nothing else
    [InlineData(59, true, true, true, 4)]         // not yet an elder: no criterion applies
    [InlineData(70, false, false, false, 1)]      // level below the configured one
    public void An_elder_meeting_no_criterion_is_not_eligible(int age, bool extreme, bool dibao, bool disabled, int? level) =>
        Assert.Empty(HomeCareRules.Matches(new EligibilityFacts(age, extreme, dibao, disabled, level), All));

    [Fact]
    public void A_criterion_switched_off_by_its_figure_does_not_count()
    {
        var facts = new EligibilityFacts(85, true, true, true, 3);
        Assert.Empty(HomeCareRules.Matches(facts, new EligibilityConfig(false, false, false, false, 80, 60, false, 2)));
        Assert.Equal(["低保家庭老年人"], HomeCareRules.Matches(facts, new EligibilityConfig(false, true, false, false, 80, 60, false, 2)));
        Assert.Equal(5, HomeCareRules.Matches(facts, All).Count);
    }

    private static HomeCareVisit Complete() => new()
    {
        DivisionCode = "450921100003",
        PersonId = Guid.NewGuid(),
        ElderName = "覃秀英",
        ServiceCode = "meal",
        CaregiverName = "黄秀兰",
        ServiceDate = new DateOnly(2026, 11, 30),
        CheckInAt = new DateTime(2026, 11, 30, 1, 0, 0, DateTimeKind.Utc),
        CheckInLatitude = 22.65m,
        CheckInLongitude = 110.55m,
        CheckOutAt = new DateTime(2026, 11, 30, 2, 0, 0, DateTimeKind.Utc),
        CheckOutAddress = "新南路 12 号",
        ConfirmedBy = "code",
    };

    public static TheoryData<string, string> Missing => new()
    {
        { "service", "服务类型" },
        { "person", "服务对象" },
        { "caregiver", "服务人员" },
        { "date", "服务日期" },
        { "in-place", "签到地点" },
        { "in-time", "签到时间" },
        { "out-time", "签退时间" },
        { "out-place", "签退地点" },
        { "confirmation", "服务对象确认" },
    };

    [Theory]
    [MemberData(nameof(Missing))]
    public void A_record_lacking_one_element_is_not_payable_and_says_which(string drop, string element)
    {
        var v = Complete();
        Assert.Empty(HomeCareRules.MissingElements(v));
        switch (drop)
        {
            case "service": v.ServiceCode = ""; break;
            case "person": v.PersonId = Guid.Empty; break;
            case "caregiver": v.CaregiverName = " "; break;
            case "date": v.ServiceDate = default; break;
            case "in-place": v.CheckInLatitude = null; break; // half a position is no position, and no address either
            case "in-time": v.CheckInAt = default; break;
            case "out-time": v.CheckOutAt = null; break;
            case "out-place": v.CheckOutAddress = null; break;
            case "confirmation": v.ConfirmedBy = null; break;
        }
        Assert.Equal([element], HomeCareRules.MissingElements(v));
    }

    [Fact]
    public void Records_are_paid_within_the_elders_monthly_hours_in_check_in_order_and_rounded_to_the_fen()
    {
        var order = Guid.NewGuid();
        var other = Guid.NewGuid();
        var t = new DateTime(2026, 11, 2, 1, 0, 0, DateTimeKind.Utc);
        var price = Money.FromYuan(25m);
        var priced = HomeCareRules.Price(
        [
            new VisitToPrice(Guid.NewGuid(), order, "meal", t.AddDays(2), 50, price, 2),  // second: only 50 of 70 left → 50
            new VisitToPrice(Guid.NewGuid(), order, "meal", t, 70, price, 2),             // first: 70 minutes
            new VisitToPrice(Guid.NewGuid(), order, "meal", t.AddDays(3), 30, price, 2),  // third: nothing left
            new VisitToPrice(Guid.NewGuid(), other, "bath", t, 7, Money.FromYuan(40m), 10),
        ]);
        Assert.Equal([70, 50, 0], priced.Where(p => p.OrderId == order).Select(p => p.PaidMinutes));
        Assert.Equal([29.17m, 20.83m, 0m], priced.Where(p => p.OrderId == order).Select(p => p.Amount.Yuan)); // 25 × 70/60 = 29.1666…
        Assert.Equal(4.67m, priced.Single(p => p.OrderId == other).Amount.Yuan);                              // 40 × 7/60 = 4.666…
    }

    [Theory]
    [InlineData(0, 10, 0)]
    [InlineData(1, 10, 1)]     // at least one of a non-empty month
    [InlineData(10, 10, 1)]
    [InlineData(11, 10, 2)]    // rounded up
    [InlineData(4, 50, 2)]
    [InlineData(5, 100, 5)]
    public void The_sample_size_is_the_rate_rounded_up(int population, decimal rate, int size) =>
        Assert.Equal(size, HomeCareRules.SampleSize(population, rate));

    [Fact]
    public void The_same_seed_and_population_give_the_same_sample_and_the_sample_is_drawn_from_the_population()
    {
        var population = Enumerable.Range(0, 40).Select(_ => Guid.CreateVersion7()).ToList();
        var first = HomeCareRules.Sample(population, 20261130, 25m);
        Assert.Equal(first, HomeCareRules.Sample(population, 20261130, 25m));
        Assert.Equal(10, first.Count);
        Assert.Equal(10, first.Distinct().Count());
        Assert.All(first, id => Assert.Contains(id, population));
        // another seed draws another sample (10 of 40: the chance of the same set is negligible)
        Assert.NotEqual(first.Order(), HomeCareRules.Sample(population, 7, 25m).Order());
    }

    [Theory]
    [InlineData(100000, 79999, 80, "80.0", false)]   // 79.999 % shows as 80.0 but has not reached the line
    [InlineData(100000, 80000, 80, "80.0", true)]
    [InlineData(100000, 100000, 80, "100.0", true)]
    [InlineData(0, 0, 80, "0", false)]
    public void The_alert_is_raised_at_the_line(long budgetFen, long consumedFen, int line, string percent, bool alert) =>
        Assert.Equal((decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture), alert), HomeCareRules.Consumption(new Money(budgetFen), new Money(consumedFen), line));
}

using Minzheng.Web.Modules.Disability.Rules;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Tests.Disability;

/// <summary>国发〔2015〕52号: eligibility, overlap and termination of the two disability subsidies, table-driven.</summary>
public sealed class SubsidyRulesTests
{
    private static readonly DateOnly On = new(2026, 11, 30);
    private static readonly SubsidyFigures National = new(LivingForLowIncome: false, CareMaxGrade: 2, CareForMildIntellectualOrMental: false, LivingAmount: 80m, CareAmount: 80m);
    private static readonly SubsidyFigures Extended = National with { LivingForLowIncome = true, CareForMildIntellectualOrMental = true };

    private static SubsidyFacts Facts(int grade = 1, DisabilityCategory category = DisabilityCategory.Physical, bool dibao = true, bool lowIncome = false, bool orphan = false,
        bool tekun = false, bool workInjury = false, bool alive = true, bool local = true, int generation = 2, DateOnly? validUntil = null, bool cancelled = false,
        decimal otherLiving = 0, decimal otherCare = 0, bool certificate = true) =>
        new(alive, local, certificate ? new Certificate(generation, category, grade, validUntil, cancelled) : null, dibao, lowIncome, orphan, tekun, workInjury, otherLiving, otherCare);

    public static TheoryData<string, Subsidy, SubsidyFacts, bool, bool> Cases => new()
    {
        // name, subsidy, facts, eligible (national figures), eligible (extended figures)
        { "grade-1 physical in a dibao household: living", Subsidy.Living, Facts(), true, true },
        { "grade-1 physical in a dibao household: care", Subsidy.Care, Facts(), true, true },
        { "grade 4 in a dibao household: living yes", Subsidy.Living, Facts(grade: 4), true, true },
        { "grade 3 physical: no care", Subsidy.Care, Facts(grade: 3), false, false },
        { "grade 3 intellectual: care only where extended", Subsidy.Care, Facts(grade: 3, category: DisabilityCategory.Intellectual), false, true },
        { "grade 4 mental: care only where extended", Subsidy.Care, Facts(grade: 4, category: DisabilityCategory.Mental), false, true },
        { "not in dibao: no living", Subsidy.Living, Facts(dibao: false), false, false },
        { "low-income family: living only where extended", Subsidy.Living, Facts(dibao: false, lowIncome: true), false, true },
        { "not in dibao: care still due (grade 2)", Subsidy.Care, Facts(grade: 2, dibao: false), true, true },
        { "orphan allowance: no living subsidy", Subsidy.Living, Facts(orphan: true), false, false },
        { "orphan allowance: care subsidy allowed", Subsidy.Care, Facts(orphan: true), true, true },
        { "extreme poverty: no living", Subsidy.Living, Facts(tekun: true), false, false },
        { "extreme poverty: no care", Subsidy.Care, Facts(tekun: true), false, false },
        { "work-injury care allowance: no living", Subsidy.Living, Facts(workInjury: true), false, false },
        { "work-injury care allowance: no care", Subsidy.Care, Facts(workInjury: true), false, false },
        { "dead", Subsidy.Care, Facts(alive: false), false, false },
        { "hukou elsewhere", Subsidy.Care, Facts(local: false), false, false },
        { "first-generation certificate", Subsidy.Care, Facts(generation: 1), false, false },
        { "no certificate", Subsidy.Living, Facts(certificate: false), false, false },
        { "certificate expired", Subsidy.Care, Facts(validUntil: new DateOnly(2026, 10, 31)), false, false },
        { "certificate valid to the day", Subsidy.Care, Facts(validUntil: On), true, true },
        { "certificate cancelled", Subsidy.Living, Facts(cancelled: true), false, false },
        { "higher old-age care allowance: keeps the other", Subsidy.Care, Facts(otherCare: 100m), false, false },
        { "equal old-age care allowance: keeps the other", Subsidy.Care, Facts(otherCare: 80m), false, false },
        { "lower retiree living allowance: takes this one", Subsidy.Living, Facts(otherLiving: 50m), true, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Eligibility_and_overlap(string name, Subsidy subsidy, SubsidyFacts facts, bool national, bool extended)
    {
        var n = SubsidyRules.Decide(subsidy, facts, On, National);
        Assert.True(n.Eligible == national, $"{name} (national): {string.Join("；", n.Reasons)}");
        var e = SubsidyRules.Decide(subsidy, facts, On, Extended);
        Assert.True(e.Eligible == extended, $"{name} (extended): {string.Join("；", e.Reasons)}");
        Assert.NotEmpty(n.Reasons);
        Assert.Equal(n.Eligible ? 80m : 0m, n.Amount);
        if (n.Eligible) Assert.Contains(SubsidyRules.Basis, n.Reasons);
    }

    [Fact]
    public void Both_subsidies_may_be_received_together()
    {
        var facts = Facts(grade: 1);
        Assert.True(SubsidyRules.Decide(Subsidy.Living, facts, On, National).Eligible && SubsidyRules.Decide(Subsidy.Care, facts, On, National).Eligible);
    }

    [Theory]
    [InlineData("2026-11-15", "2026-11-01")]
    [InlineData("2026-11-01", "2026-11-01")]
    [InlineData("2026-12-31", "2026-12-01")]
    public void Termination_stops_payment_from_the_following_month(string eventDate, string lastPaid) =>
        Assert.Equal(DateOnly.Parse(lastPaid, System.Globalization.CultureInfo.InvariantCulture), SubsidyRules.LastPaidMonth(DateOnly.Parse(eventDate, System.Globalization.CultureInfo.InvariantCulture)));
}

using Minzheng.Web.Modules.ChildWelfare.Rules;
using static Minzheng.Web.Modules.ChildWelfare.Rules.ChildRules;

namespace Minzheng.Tests.ChildWelfare;

/// <summary>民发〔2019〕62号 (事实无人抚养儿童), 国办发〔2010〕54号 (孤儿) and 国发〔2016〕13号 (留守儿童), table-driven.</summary>
public sealed class ChildRulesTests
{
    private static readonly ChildRuleFigures Figures = new(AdultAge: 18, MinimumMonths: 6, Extensions: false, LeftBehindAge: 16);
    private static readonly DateOnly AsOf = new(2026, 11, 30);
    private static readonly DateOnly Child = new(2015, 6, 1);

    private static ParentFacts P(ParentSituation s, int? term = null, int? lostMonthsAgo = null) =>
        new(s, lostMonthsAgo is { } m ? AsOf.AddMonths(-m) : null, term, "证明材料");

    public static TheoryData<string, ParentFacts, ParentFacts, bool> UnsupportedCases => new()
    {
        { "both severely disabled", P(ParentSituation.SevereDisability), P(ParentSituation.SevereDisability), true },
        { "both seriously ill", P(ParentSituation.SeriousIllness), P(ParentSituation.SeriousIllness), true },
        { "one dead, one in prison 3 years", P(ParentSituation.Dead), P(ParentSituation.Imprisoned, term: 36), true },
        { "one dead, one in prison 5 months", P(ParentSituation.Dead), P(ParentSituation.Imprisoned, term: 5), false },
        { "one dead, one in prison 6 months (≥ 6)", P(ParentSituation.Dead), P(ParentSituation.Imprisoned, term: 6), true },
        { "one declared missing, one in drug rehabilitation 24 months", P(ParentSituation.DeclaredMissing), P(ParentSituation.CompulsoryDrugRehabilitation, term: 24), true },
        { "other restriction 12 months + severe illness", P(ParentSituation.OtherRestrictionOfLiberty, term: 12), P(ParentSituation.SeriousIllness), true },
        { "both lost contact 7 months", P(ParentSituation.LostContact, lostMonthsAgo: 7), P(ParentSituation.LostContact, lostMonthsAgo: 7), true },
        { "both lost contact < 6 months", P(ParentSituation.LostContact, lostMonthsAgo: 5), P(ParentSituation.LostContact, lostMonthsAgo: 3), false },
        { "one lost contact 6 months exactly, one dead", P(ParentSituation.LostContact, lostMonthsAgo: 6), P(ParentSituation.Dead), true },
        { "one dead, the other at home", P(ParentSituation.Dead), P(ParentSituation.None), false },
        { "one disabled, the other at home", P(ParentSituation.SevereDisability), P(ParentSituation.None), false },
        { "both dead: an orphan, not this", P(ParentSituation.Dead), P(ParentSituation.Dead), false },
        { "guardianship revoked without the local extension", P(ParentSituation.Dead), P(ParentSituation.GuardianshipRevoked), false },
        { "prison term not recorded", P(ParentSituation.Dead), P(ParentSituation.Imprisoned), false },
        { "lost contact without the police report date", P(ParentSituation.Dead), new ParentFacts(ParentSituation.LostContact), false },
    };

    [Theory]
    [MemberData(nameof(UnsupportedCases))]
    public void Unsupported_child_definition(string name, ParentFacts father, ParentFacts mother, bool eligible)
    {
        var outcome = Unsupported(Child, AsOf, father, mother, Figures);
        Assert.True(outcome.Eligible == eligible, $"{name}: {string.Join("；", outcome.Reasons)}");
        Assert.NotEmpty(outcome.Reasons);
    }

    [Fact]
    public void Guangxi_extension_counts_only_where_configured()
    {
        var revoked = P(ParentSituation.GuardianshipRevoked);
        Assert.False(Unsupported(Child, AsOf, P(ParentSituation.Dead), revoked, Figures).Eligible);
        Assert.True(Unsupported(Child, AsOf, P(ParentSituation.Dead), revoked, Figures with { Extensions = true }).Eligible);
        Assert.True(Unsupported(Child, AsOf, P(ParentSituation.Deported), P(ParentSituation.SevereDisability), Figures with { Extensions = true }).Eligible);
    }

    [Fact]
    public void Not_a_minor_is_never_eligible()
    {
        var adult = new DateOnly(2008, 11, 30); // 18 on the day
        var outcome = Unsupported(adult, AsOf, P(ParentSituation.SevereDisability), P(ParentSituation.SevereDisability), Figures);
        Assert.False(outcome.Eligible);
        Assert.Contains(outcome.Reasons, r => r.Contains("18", StringComparison.Ordinal));
        Assert.True(Unsupported(adult.AddDays(1), AsOf, P(ParentSituation.SevereDisability), P(ParentSituation.SevereDisability), Figures).Eligible);
    }

    [Theory]
    [InlineData(ParentSituation.Dead, ParentSituation.Dead, true)]
    [InlineData(ParentSituation.Dead, ParentSituation.DeclaredMissing, true)]
    [InlineData(ParentSituation.Unknown, ParentSituation.Unknown, true)]
    [InlineData(ParentSituation.Dead, ParentSituation.Imprisoned, false)]
    [InlineData(ParentSituation.Dead, ParentSituation.LostContact, false)]
    [InlineData(ParentSituation.None, ParentSituation.Dead, false)]
    public void Orphan_definition(ParentSituation father, ParentSituation mother, bool eligible) =>
        Assert.Equal(eligible, Orphan(Child, AsOf, new(father, null, 24), new(mother, AsOf.AddYears(-1), 24), Figures).Eligible);

    [Theory]
    [InlineData(10, true, ParentPresence.WorkingAway, ParentPresence.WorkingAway, true)]
    [InlineData(10, true, ParentPresence.WorkingAway, ParentPresence.NoGuardianCapacity, true)]
    [InlineData(10, true, ParentPresence.NoGuardianCapacity, ParentPresence.WorkingAway, true)]
    [InlineData(10, true, ParentPresence.WorkingAway, ParentPresence.AtHome, false)]
    [InlineData(10, true, ParentPresence.AtHome, ParentPresence.AtHome, false)]
    [InlineData(10, false, ParentPresence.WorkingAway, ParentPresence.WorkingAway, false)]
    [InlineData(15, true, ParentPresence.WorkingAway, ParentPresence.WorkingAway, true)]
    [InlineData(16, true, ParentPresence.WorkingAway, ParentPresence.WorkingAway, false)]
    [InlineData(10, true, ParentPresence.Dead, ParentPresence.WorkingAway, false)]
    public void Left_behind_definition(int age, bool rural, ParentPresence father, ParentPresence mother, bool eligible)
    {
        var birth = AsOf.AddYears(-age).AddDays(-1);
        var outcome = LeftBehind(birth, AsOf, rural, father, mother, Figures);
        Assert.True(outcome.Eligible == eligible, string.Join("；", outcome.Reasons));
    }

    [Theory]
    [InlineData("2008-12-15", 18, false, null, true, "2026-12-01")]
    [InlineData("2008-12-15", 18, false, null, false, "2026-11-01")]
    [InlineData("2008-12-01", 18, true, 22, true, "2030-12-01")]
    [InlineData("2008-12-01", 18, true, null, true, "2026-12-01")]
    public void Last_month_by_age(string birth, int adultAge, bool inEducation, int? limit, bool through, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            LastMonthByAge(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), adultAge, inEducation, limit, through));
}

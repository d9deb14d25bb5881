using Minzheng.Web.Modules.Marriage;
using Minzheng.Web.Modules.Marriage.Rules;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Tests.Marriage;

/// <summary>
/// The marriage rules decided by the law of the day, with the law read from the seeded figure rows (the rows in force on the
/// date: the latest ValidFrom not after it), as <see cref="MarriageFigures.LawOn"/> reads them from the figure book.
/// </summary>
public sealed class MarriageRulesTests
{
    private static MarriageLaw LawOn(DateOnly on)
    {
        var rows = MarriageInitializer.FigureRows();
        int N(string kind, string category = "") => rows.Where(r => r.Kind == kind && r.Category == category && r.ValidFrom <= on).OrderByDescending(r => r.ValidFrom).First().Number ?? 0;
        return new(N(MarriageFigures.MinAge.Code, "male"), N(MarriageFigures.MinAge.Code, "female"), N(MarriageFigures.CoolingOffDays.Code), N(MarriageFigures.AppearanceDays.Code),
            N(MarriageFigures.DiseaseBar.Code) == 1, N(MarriageFigures.RegistryRevokesCoerced.Code) == 1, N(MarriageFigures.CrossProvince.Code) == 1);
    }

    private static PartyFacts Man(DateOnly birth, MaritalStatus status = MaritalStatus.Unmarried) => new(Sex.Male, birth, status, LifeStatus.Alive);

    private static PartyFacts Woman(DateOnly birth, MaritalStatus status = MaritalStatus.Unmarried) => new(Sex.Female, birth, status, LifeStatus.Alive);

    private static (RefusalGround, string) Single(IReadOnlyList<RefusalFinding> findings)
    {
        var f = Assert.Single(findings);
        return (f.Ground, f.Field);
    }

    private static IReadOnlyList<RefusalFinding> Check(DateOnly on, PartyFacts male, PartyFacts female, bool disease = false) =>
        MarriageRules.CheckMarriage(LawOn(on), on, male, female, bothInPerson: true, declarationsSigned: true, diseaseDeclared: disease);

    [Theory]
    // the man: refused the day before his 22nd birthday, accepted on it
    [InlineData("2004-11-30", "2000-01-01", "2026-11-29", "malePersonId")]
    [InlineData("2004-11-30", "2000-01-01", "2026-11-30", null)]
    // the woman: the day before her 20th birthday, and on it
    [InlineData("2000-01-01", "2006-11-30", "2026-11-29", "femalePersonId")]
    [InlineData("2000-01-01", "2006-11-30", "2026-11-30", null)]
    // born on 29 February: in a common year the age is reached on 28 February, the month's last day (民法典 第二百零一条:
    // 没有对应日的，月末日为期间的最后一日; this is what MarriageRules.AgeOn does, its summary says 1 March)
    [InlineData("2004-02-29", "2000-01-01", "2026-02-27", "malePersonId")]
    [InlineData("2004-02-29", "2000-01-01", "2026-02-28", null)]
    [InlineData("2000-01-01", "2008-02-29", "2028-02-28", "femalePersonId")]
    [InlineData("2000-01-01", "2008-02-29", "2028-02-29", null)]
    // the same ages under the 1980 Marriage Law
    [InlineData("1998-06-15", "2000-01-01", "2020-06-14", "malePersonId")]
    [InlineData("1998-06-15", "2000-01-01", "2020-06-15", null)]
    public void Ages_are_reached_on_the_birthday_itself(string maleBirth, string femaleBirth, string on, string? refusedField)
    {
        var findings = Check(DateOnly.Parse(on), Man(DateOnly.Parse(maleBirth)), Woman(DateOnly.Parse(femaleBirth)));
        if (refusedField is null) Assert.Empty(findings);
        else Assert.Equal((RefusalGround.UnderAge, refusedField), Single(findings));
    }

    [Theory]
    [InlineData(MaritalStatus.Married, MaritalStatus.Unmarried, "malePersonId")]
    [InlineData(MaritalStatus.Divorced, MaritalStatus.Married, "femalePersonId")]
    [InlineData(MaritalStatus.Widowed, MaritalStatus.Divorced, null)]
    [InlineData(MaritalStatus.Unknown, MaritalStatus.Unmarried, null)]
    public void A_current_marriage_on_record_blocks(MaritalStatus male, MaritalStatus female, string? refusedField)
    {
        var on = new DateOnly(2026, 11, 30);
        var findings = Check(on, Man(new DateOnly(1990, 1, 1), male), Woman(new DateOnly(1992, 1, 1), female));
        if (refusedField is null) Assert.Empty(findings);
        else Assert.Equal((RefusalGround.AlreadyMarried, refusedField), Single(findings));
    }

    [Theory]
    [InlineData("2019-05-20", true)]
    [InlineData("2020-12-31", true)]
    [InlineData("2021-01-01", false)]
    [InlineData("2026-11-30", false)]
    public void The_disease_ground_bars_only_before_2021(string on, bool refused)
    {
        var findings = Check(DateOnly.Parse(on), Man(new DateOnly(1990, 1, 1)), Woman(new DateOnly(1992, 1, 1)), disease: true);
        Assert.Equal(refused, findings.Any(f => f.Ground == RefusalGround.Disease));
        Assert.Equal(refused ? 1 : 0, findings.Count);
    }

    [Theory]
    [InlineData("2005-03-01", true)]
    [InlineData("2020-12-31", true)]
    [InlineData("2021-01-01", false)]
    [InlineData("2026-11-30", false)]
    public void The_registry_revokes_a_coerced_marriage_only_for_applications_before_2021(string appliedOn, bool registryMay) =>
        Assert.Equal(registryMay, MarriageRules.RegistryMayRevoke(LawOn(DateOnly.Parse(appliedOn))));

    [Theory]
    // either party's hukou in the office's county
    [InlineData("2020-06-01", "450921100003", "450102000000", false, true)]
    [InlineData("2020-06-01", "450102000000", "450921001000", false, true)]
    // neither: a 居住证 counts only once 跨省通办 is in force (2023-06-01)
    [InlineData("2020-06-01", "450102000000", "440106000000", true, false)]
    [InlineData("2023-05-31", "450102000000", "440106000000", true, false)]
    [InlineData("2023-06-01", "450102000000", "440106000000", true, true)]
    [InlineData("2026-11-30", "450102000000", "440106000000", false, false)]
    public void Jurisdiction_is_either_partys_hukou_or_a_residence_permit_where_the_law_of_the_day_allows(string on, string male, string female, bool permit, bool inJurisdiction) =>
        Assert.Equal(inJurisdiction, MarriageRules.InJurisdiction(LawOn(DateOnly.Parse(on)), "450921000000", male, female, permit));
}

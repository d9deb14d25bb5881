using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.Marriage.Rules;

/// <summary>The law in force on a day, read from the figure book (<see cref="MarriageFigures.LawOn"/>).</summary>
/// <param name="CoolingOffDays">0 = divorce registered on the spot (婚姻登记条例 第十三条, to 2020-12-31).</param>
public sealed record MarriageLaw(int MinAgeMale, int MinAgeFemale, int CoolingOffDays, int AppearanceDays, bool DiseaseBar, bool RegistryRevokesCoerced, bool CrossProvince);

/// <summary>One party as the registry knows them on the registration day.</summary>
public sealed record PartyFacts(Sex Sex, DateOnly BirthDate, MaritalStatus Status, LifeStatus Life);

/// <summary>Why a marriage may not be registered: the refusal grounds of 婚姻登记条例 第六条 and 民法典 第一千零四十六–一千零四十九条.</summary>
public enum RefusalGround
{
    /// <summary>未到法定婚龄 (民法典 第一千零四十七条).</summary>
    UnderAge = 1,
    /// <summary>已有配偶 (民法典 第一千零四十二条; 条例 第六条第三项).</summary>
    AlreadyMarried = 2,
    /// <summary>不是同一男一女 (民法典 第一千零四十九条 and 条例 第四条).</summary>
    NotManAndWoman = 3,
    /// <summary>未声明无配偶、无直系血亲和三代以内旁系血亲关系 (条例 第五条).</summary>
    DeclarationMissing = 4,
    /// <summary>非双方完全自愿或未亲自到场 (民法典 第一千零四十六条、第一千零四十九条).</summary>
    NotInPerson = 5,
    /// <summary>患有医学上认为不应当结婚的疾病: a ground only to 2020-12-31 (条例 第六条第五项; removed by 民法典).</summary>
    Disease = 6,
    /// <summary>一方已死亡 (the registry says so).</summary>
    Deceased = 7,
    /// <summary>非本登记机关管辖 (条例 第四条: either party's 常住户口所在地, or 跨省通办 where in force).</summary>
    NotThisRegistry = 8,
}

public sealed record RefusalFinding(RefusalGround Ground, string Field, string Text);

/// <summary>
/// The pure marriage rules (民法典 婚姻家庭编; 婚姻登记条例 2003), decided on the registration date against the registry's
/// facts, never on self-declared ages or statuses (anchors §5.3). Every finding names the field a form shows it beside.
/// </summary>
public static class MarriageRules
{
    /// <summary>Full years of age on <paramref name="on"/> (a birthday on 29 February falls on 28 February in common years: 民法典 第二百零一条, 没有对应日的，月末日为期间的最后一日).</summary>
    public static int AgeOn(DateOnly birth, DateOnly on)
    {
        var age = on.Year - birth.Year;
        return birth.AddYears(age) > on ? age - 1 : age;
    }

    /// <summary>
    /// Everything that bars a marriage registration on <paramref name="on"/>: ages 22/20 (the figures of the day) reached on
    /// that day, no current marriage on record for either, both alive, a man and a woman, both in person and declaring, and
    /// — only while the law of the day has it — the disease ground. Jurisdiction is checked by the caller (it needs the office).
    /// </summary>
    public static IReadOnlyList<RefusalFinding> CheckMarriage(MarriageLaw law, DateOnly on, PartyFacts male, PartyFacts female,
        bool bothInPerson, bool declarationsSigned, bool diseaseDeclared)
    {
        var findings = new List<RefusalFinding>();
        if (male.Sex != Sex.Male || female.Sex != Sex.Female)
            findings.Add(new(RefusalGround.NotManAndWoman, "femalePersonId", "结婚登记须男女双方共同申请（民法典第一千零四十九条）"));
        if (male.Life != LifeStatus.Alive) findings.Add(new(RefusalGround.Deceased, "malePersonId", "人员登记记载男方已死亡或失踪"));
        if (female.Life != LifeStatus.Alive) findings.Add(new(RefusalGround.Deceased, "femalePersonId", "人员登记记载女方已死亡或失踪"));
        if (AgeOn(male.BirthDate, on) < law.MinAgeMale)
            findings.Add(new(RefusalGround.UnderAge, "malePersonId", $"男方登记日未满{law.MinAgeMale}周岁（{male.BirthDate.AddYears(law.MinAgeMale):yyyy年M月d日}满{law.MinAgeMale}周岁，民法典第一千零四十七条）"));
        if (AgeOn(female.BirthDate, on) < law.MinAgeFemale)
            findings.Add(new(RefusalGround.UnderAge, "femalePersonId", $"女方登记日未满{law.MinAgeFemale}周岁（{female.BirthDate.AddYears(law.MinAgeFemale):yyyy年M月d日}满{law.MinAgeFemale}周岁，民法典第一千零四十七条）"));
        if (male.Status == MaritalStatus.Married) findings.Add(new(RefusalGround.AlreadyMarried, "malePersonId", "婚姻状况记载男方现有配偶（重婚，民法典第一千零四十二条）"));
        if (female.Status == MaritalStatus.Married) findings.Add(new(RefusalGround.AlreadyMarried, "femalePersonId", "婚姻状况记载女方现有配偶（重婚，民法典第一千零四十二条）"));
        if (!bothInPerson) findings.Add(new(RefusalGround.NotInPerson, "bothInPerson", "结婚登记须男女双方亲自到婚姻登记机关申请（民法典第一千零四十九条）"));
        if (!declarationsSigned) findings.Add(new(RefusalGround.DeclarationMissing, "declarationsSigned", "须双方签署本人无配偶以及与对方当事人没有直系血亲和三代以内旁系血亲关系的声明（婚姻登记条例第五条）"));
        if (diseaseDeclared && law.DiseaseBar)
            findings.Add(new(RefusalGround.Disease, "diseaseDeclared", "患有医学上认为不应当结婚的疾病的，不予登记（婚姻登记条例第六条第五项，适用于2020年12月31日前）"));
        return findings;
    }

    /// <summary>Whether the registry (not a court) may revoke a coerced marriage applied for on <paramref name="appliedOn"/> (婚姻登记条例 第九条, to 2020-12-31).</summary>
    public static bool RegistryMayRevoke(MarriageLaw lawOnApplication) => lawOnApplication.RegistryRevokesCoerced;

    /// <summary>
    /// Where a registration may be made (婚姻登记条例 第四条): at the registry of either party's 常住户口所在地; where 跨省通办 is
    /// in force, also where either party holds a 居住证.
    /// </summary>
    public static bool InJurisdiction(MarriageLaw law, string officeCounty, string maleHukou, string femaleHukou, bool eitherHoldsResidencePermitHere) =>
        Under(maleHukou, officeCounty) || Under(femaleHukou, officeCounty) || (law.CrossProvince && eitherHoldsResidencePermitHere);

    private static bool Under(string divisionCode, string countyCode) =>
        divisionCode.Length == 12 && countyCode.Length == 12 && divisionCode.StartsWith(countyCode[..6], StringComparison.Ordinal);

    /// <summary>
    /// 补领 or 婚姻登记记录证明 (rules-2 §5.3, 婚姻登记工作规范 民发〔2015〕230号): a lost certificate is reissued only while the
    /// registration it records is still the holder's status; after a divorce, a revocation, a spouse's death or a remarriage the
    /// registry issues a record proof instead.
    /// </summary>
    public static bool MayReissue(bool registrationStillInForce, MaritalStatus holderStatusNow, bool isDivorceCertificate) =>
        isDivorceCertificate
            ? registrationStillInForce && holderStatusNow == MaritalStatus.Divorced
            : registrationStillInForce && holderStatusNow == MaritalStatus.Married;
}

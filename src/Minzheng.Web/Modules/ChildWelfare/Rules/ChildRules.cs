namespace Minzheng.Web.Modules.ChildWelfare.Rules;

/// <summary>What a parent's situation is, as recorded with its evidence (民发〔2019〕62号 and the Guangxi extensions).</summary>
public enum ParentSituation
{
    /// <summary>Living and able to raise the child.</summary>
    None = 0,
    Dead = 1,

    /// <summary>Declared missing by a court (失踪).</summary>
    DeclaredMissing = 2,
    SevereDisability = 3,
    SeriousIllness = 4,
    Imprisoned = 5,
    CompulsoryDrugRehabilitation = 6,
    OtherRestrictionOfLiberty = 7,

    /// <summary>Out of contact (失联), counted from the day the police accepted the report.</summary>
    LostContact = 8,
    GuardianshipRevoked = 9,
    Deported = 10,

    /// <summary>Birth parents cannot be found (查找不到生父母), for orphans.</summary>
    Unknown = 11,
}

/// <summary>One parent's situation with the dates the definition counts from.</summary>
/// <param name="Since">For 失联: the day the police accepted the report; for the others: the start (informational).</param>
/// <param name="TermMonths">For 服刑在押 / 强制隔离戒毒 / other restriction: the term imposed, in months.</param>
public sealed record ParentFacts(ParentSituation Situation, DateOnly? Since = null, int? TermMonths = null, string? Evidence = null);

/// <summary>The configurable parts of the definitions (figures are data: see ChildStandards).</summary>
public sealed record ChildRuleFigures(int AdultAge, int MinimumMonths, bool Extensions, int LeftBehindAge);

public sealed record RuleOutcome(bool Eligible, IReadOnlyList<string> Reasons);

/// <summary>Pure rules of child welfare; each cites its source (rules.md §5).</summary>
public static class ChildRules
{
    public const string UnsupportedBasis = "民发〔2019〕62号 关于进一步加强事实无人抚养儿童保障工作的意见";
    public const string OrphanBasis = "国办发〔2010〕54号 关于加强孤儿保障工作的意见";
    public const string LeftBehindBasis = "国发〔2016〕13号 关于加强农村留守儿童关爱保护工作的意见";
    public const string DifficultyBasis = "国发〔2016〕36号 关于加强困境儿童保障工作的意见";

    public static int AgeOn(DateOnly birthDate, DateOnly date)
    {
        var age = date.Year - birthDate.Year;
        return birthDate.AddYears(age) > date ? age - 1 : age;
    }

    public static string SituationName(ParentSituation s) => s switch
    {
        ParentSituation.None => "正常",
        ParentSituation.Dead => "死亡",
        ParentSituation.DeclaredMissing => "宣告失踪",
        ParentSituation.SevereDisability => "重残",
        ParentSituation.SeriousIllness => "重病",
        ParentSituation.Imprisoned => "服刑在押",
        ParentSituation.CompulsoryDrugRehabilitation => "强制隔离戒毒",
        ParentSituation.OtherRestrictionOfLiberty => "被执行其他限制人身自由的措施",
        ParentSituation.LostContact => "失联",
        ParentSituation.GuardianshipRevoked => "被撤销监护资格",
        ParentSituation.Deported => "被遣送（驱逐）出境",
        ParentSituation.Unknown => "查找不到",
        _ => s.ToString(),
    };

    /// <summary>孤儿: under 18 (configured adult age) and both parents dead, declared missing or not to be found (国办发〔2010〕54号).</summary>
    public static RuleOutcome Orphan(DateOnly birthDate, DateOnly asOf, ParentFacts father, ParentFacts mother, ChildRuleFigures f)
    {
        var reasons = new List<string>();
        var age = AgeOn(birthDate, asOf);
        if (age >= f.AdultAge) reasons.Add($"已满 {f.AdultAge} 周岁（{age} 周岁），不属于未成年人");
        foreach (var (who, p) in new[] { ("父亲", father), ("母亲", mother) })
        {
            if (p.Situation is not (ParentSituation.Dead or ParentSituation.DeclaredMissing or ParentSituation.Unknown))
            {
                reasons.Add($"{who}{SituationName(p.Situation)}：孤儿须父母双方均死亡、宣告失踪或查找不到生父母");
            }
        }
        return reasons.Count == 0
            ? new RuleOutcome(true, [$"未满 {f.AdultAge} 周岁，父亲{SituationName(father.Situation)}、母亲{SituationName(mother.Situation)}（{OrphanBasis}）"])
            : new RuleOutcome(false, reasons);
    }

    /// <summary>
    /// 事实无人抚养儿童 (民发〔2019〕62号): under 18 and either both parents in a qualifying situation, or one dead or
    /// declared missing and the other in a qualifying situation. Both dead or missing is an orphan, not this.
    /// </summary>
    public static RuleOutcome Unsupported(DateOnly birthDate, DateOnly asOf, ParentFacts father, ParentFacts mother, ChildRuleFigures f)
    {
        var reasons = new List<string>();
        var age = AgeOn(birthDate, asOf);
        if (age >= f.AdultAge) reasons.Add($"已满 {f.AdultAge} 周岁（{age} 周岁），不属于未成年人");
        var gone = new[] { father, mother }.Count(p => p.Situation is ParentSituation.Dead or ParentSituation.DeclaredMissing or ParentSituation.Unknown);
        if (gone == 2)
        {
            return new RuleOutcome(false, [.. reasons, "父母双方均死亡或失踪，属于孤儿，应按孤儿认定"]);
        }
        var okFather = Qualifies("父亲", father, asOf, f, reasons);
        var okMother = Qualifies("母亲", mother, asOf, f, reasons);
        var eligible = age < f.AdultAge && okFather && okMother;
        if (!eligible) return new RuleOutcome(false, reasons);
        return new RuleOutcome(true, [$"未满 {f.AdultAge} 周岁；父亲{Describe(father)}，母亲{Describe(mother)}（{UnsupportedBasis}）"]);
    }

    /// <summary>Whether one parent's situation counts for 62号: dead/missing always (the other must then qualify); the restrictions and 失联 only for ≥ the minimum months.</summary>
    private static bool Qualifies(string who, ParentFacts p, DateOnly asOf, ChildRuleFigures f, List<string> reasons)
    {
        switch (p.Situation)
        {
            case ParentSituation.Dead or ParentSituation.DeclaredMissing or ParentSituation.SevereDisability or ParentSituation.SeriousIllness:
                return true;
            case ParentSituation.Imprisoned or ParentSituation.CompulsoryDrugRehabilitation or ParentSituation.OtherRestrictionOfLiberty:
                if (p.TermMonths is not { } term)
                {
                    reasons.Add($"{who}{SituationName(p.Situation)}：未登记期限");
                    return false;
                }
                if (term < f.MinimumMonths)
                {
                    reasons.Add($"{who}{SituationName(p.Situation)}期限 {term} 个月，不足 {f.MinimumMonths} 个月");
                    return false;
                }
                return true;
            case ParentSituation.LostContact:
                if (p.Since is not { } since)
                {
                    reasons.Add($"{who}失联：未登记公安机关受理报案日期");
                    return false;
                }
                if (since.AddMonths(f.MinimumMonths) > asOf)
                {
                    reasons.Add($"{who}失联自 {since:yyyy-MM-dd} 公安机关受理报案起不满 {f.MinimumMonths} 个月");
                    return false;
                }
                return true;
            case ParentSituation.GuardianshipRevoked or ParentSituation.Deported:
                if (!f.Extensions) reasons.Add($"{who}{SituationName(p.Situation)}：本地未将该情形纳入（62号文件未列，需本地扩展）");
                return f.Extensions;
            case ParentSituation.Unknown:
                return true;
            default:
                reasons.Add($"{who}{SituationName(p.Situation)}，能够履行抚养义务");
                return false;
        }
    }

    private static string Describe(ParentFacts p) => p.Situation switch
    {
        ParentSituation.LostContact when p.Since is { } s => $"失联（{s:yyyy-MM-dd} 报案受理）",
        ParentSituation.Imprisoned or ParentSituation.CompulsoryDrugRehabilitation or ParentSituation.OtherRestrictionOfLiberty when p.TermMonths is { } t => $"{SituationName(p.Situation)}（期限 {t} 个月）",
        _ => SituationName(p.Situation),
    };

    /// <summary>Why a parent is away or cannot guard, for the left-behind definition.</summary>
    public enum ParentPresence
    {
        AtHome = 0,
        WorkingAway = 1,
        NoGuardianCapacity = 2,
        Dead = 3,
    }

    /// <summary>
    /// 农村留守儿童 (国发〔2016〕13号): under 16, rural hukou, both parents working away, or one working away and the
    /// other without the capacity to act as guardian.
    /// </summary>
    public static RuleOutcome LeftBehind(DateOnly birthDate, DateOnly asOf, bool ruralHukou, ParentPresence father, ParentPresence mother, ChildRuleFigures f)
    {
        var reasons = new List<string>();
        var age = AgeOn(birthDate, asOf);
        if (age >= f.LeftBehindAge) reasons.Add($"已满 {f.LeftBehindAge} 周岁（{age} 周岁）");
        if (!ruralHukou) reasons.Add("非农村户籍");
        var away = new[] { father, mother }.Count(p => p == ParentPresence.WorkingAway);
        var unable = new[] { father, mother }.Count(p => p == ParentPresence.NoGuardianCapacity);
        if (!(away == 2 || (away == 1 && unable == 1)))
        {
            reasons.Add(away == 0 ? "父母均未外出务工" : "父母一方外出务工，另一方在家且有监护能力");
        }
        return reasons.Count == 0
            ? new RuleOutcome(true, [$"未满 {f.LeftBehindAge} 周岁、农村户籍，{(away == 2 ? "父母均外出务工" : "一方外出务工、另一方无监护能力")}（{LeftBehindBasis}）"])
            : new RuleOutcome(false, reasons);
    }

    /// <summary>
    /// The last month the allowance is due by age: around the month the child reaches the adult age, or, where
    /// continuation in full-time education is configured and the child is in it, the continuation age limit.
    /// </summary>
    /// <param name="throughBirthdayMonth">true: paid for the month of the birthday, stopped from the next; false: stopped from the birthday month.</param>
    public static DateOnly LastMonthByAge(DateOnly birthDate, int adultAge, bool inEducation, int? educationAgeLimit, bool throughBirthdayMonth)
    {
        var age = inEducation && educationAgeLimit is { } limit && limit > adultAge ? limit : adultAge;
        var birthday = birthDate.AddYears(age);
        var month = new DateOnly(birthday.Year, birthday.Month, 1);
        return throughBirthdayMonth ? month : month.AddMonths(-1);
    }
}

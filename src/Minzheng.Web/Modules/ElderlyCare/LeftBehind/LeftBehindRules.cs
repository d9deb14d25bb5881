namespace Minzheng.Web.Modules.ElderlyCare.LeftBehind;

/// <summary>How an elder lives, as the village records it.</summary>
public enum LivingArrangement
{
    Alone,
    WithSpouseOnly,
    WithOthers,
}

/// <summary>Risk grading set by the village worker; decides how often to visit.</summary>
public enum LeftBehindRisk
{
    Low,
    Medium,
    High,
}

/// <summary>
/// The working definition's thresholds (figures) and the visit intervals per risk level (figures); <paramref name="SpouseOnlyCounts"/>:
/// whether an elder living with the spouse only counts as left behind (the usual reading; a figure so a county can narrow it).
/// </summary>
public sealed record LeftBehindFigures(int MinAge, int MinMonthsAway, int LowEveryDays, int MediumEveryDays, int HighEveryDays, bool SpouseOnlyCounts = true)
{
    public int EveryDays(LeftBehindRisk risk) => risk switch
    {
        LeftBehindRisk.High => HighEveryDays,
        LeftBehindRisk.Medium => MediumEveryDays,
        _ => LowEveryDays,
    };
}

/// <summary>
/// 农村留守老年人关爱服务 (民发〔2017〕193号; rules-2 §1.9). The definition is UNCONFIRMED nationally; the working one is
/// aged ≥ 60, rural, every child away at least half a year, living alone or with the spouse only — all three numbers and
/// the visit frequencies are figures.
/// </summary>
public static class LeftBehindRules
{
    /// <summary>Whether the person meets the working definition on <paramref name="on"/>, with the reasons either way.</summary>
    public static (bool Qualifies, IReadOnlyList<string> Reasons) Qualifies(DateOnly birth, bool rural, IReadOnlyList<int> childrenMonthsAway,
        LivingArrangement living, DateOnly on, LeftBehindFigures f)
    {
        var reasons = new List<string>();
        var age = on.Year - birth.Year - (on < new DateOnly(on.Year, birth.Month, Math.Min(birth.Day, DateTime.DaysInMonth(on.Year, birth.Month))) ? 1 : 0);
        if (age < f.MinAge) reasons.Add($"年龄 {age} 周岁，未满 {f.MinAge} 周岁");
        if (!rural) reasons.Add("非农村户籍或常住农村");
        if (childrenMonthsAway.Count == 0) reasons.Add("无子女信息（留守以子女外出为前提）");
        else if (childrenMonthsAway.Any(m => m < f.MinMonthsAway)) reasons.Add($"并非所有子女外出满 {f.MinMonthsAway} 个月");
        if (living == LivingArrangement.WithOthers) reasons.Add("与其他家庭成员共同居住（非独居或仅与配偶居住）");
        else if (living == LivingArrangement.WithSpouseOnly && !f.SpouseOnlyCounts) reasons.Add("仅与配偶居住（本地认定条件限独居）");
        return reasons.Count == 0
            ? (true, [$"符合留守老年人认定：{age} 周岁，农村，子女均外出满 {f.MinMonthsAway} 个月，{(living == LivingArrangement.Alone ? "独居" : "仅与配偶居住")}"])
            : (false, reasons);
    }

    /// <summary>Whole months from <paramref name="since"/> to <paramref name="on"/> (a child away since 3 June is away 6 months on 3 December).</summary>
    public static int MonthsAway(DateOnly since, DateOnly on)
    {
        if (since > on) return 0;
        var months = (on.Year - since.Year) * 12 + on.Month - since.Month;
        return on.Day < since.Day && on.Day < DateTime.DaysInMonth(on.Year, on.Month) ? months - 1 : months;
    }

    /// <summary>The next visit is due a risk level's interval after the last visit (or after registration when none yet).</summary>
    public static DateOnly NextDue(DateOnly lastVisitOrRegistered, LeftBehindRisk risk, LeftBehindFigures f) =>
        lastVisitOrRegistered.AddDays(f.EveryDays(risk));
}

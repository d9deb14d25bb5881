namespace Minzheng.Web.Modules.ElderlyCare.AgeAllowance;

/// <summary>One band of the allowance: from <see cref="MinAge"/> up to the next band's minimum, at a monthly amount (yuan).</summary>
public sealed record AgeBand(int MinAge, decimal MonthlyAmount);

/// <summary>The band and amount due for one month, or why none is.</summary>
public sealed record AgeAllowanceDecision(AgeBand? Band, string Reason)
{
    public decimal Amount => Band?.MonthlyAmount ?? 0m;
}

/// <summary>
/// 高龄津贴 (老年人权益保障法 第三十三条: 国家鼓励地方建立八十周岁以上低收入老年人高龄津贴制度; rules-2 §1.10). The bands, the
/// amounts and whether payment starts in the birthday's month or the month after are Guangxi/Yulin figures (UNCONFIRMED),
/// so they come in as arguments from the figure book, never literals here.
/// </summary>
public static class AgeAllowanceRules
{
    /// <summary>The day someone born on <paramref name="birth"/> turns <paramref name="age"/> (a 29 February birthday falls on 28 February in common years).</summary>
    public static DateOnly Birthday(DateOnly birth, int age)
    {
        var year = birth.Year + age;
        var day = Math.Min(birth.Day, DateTime.DaysInMonth(year, birth.Month));
        return new DateOnly(year, birth.Month, day);
    }

    /// <summary>The first month (its first day) a band that starts at <paramref name="age"/> is paid for.</summary>
    public static DateOnly FirstMonth(DateOnly birth, int age, bool fromNextMonth)
    {
        var b = Birthday(birth, age);
        var month = new DateOnly(b.Year, b.Month, 1);
        return fromNextMonth ? month.AddMonths(1) : month;
    }

    /// <summary>
    /// The band for <paramref name="month"/>: the highest band whose qualifying birthday has started payment by that month.
    /// Nothing after the month of death (the death month itself is still paid, as the other allowances do).
    /// </summary>
    public static AgeAllowanceDecision Decide(DateOnly birth, DateOnly month, IReadOnlyList<AgeBand> bands, bool fromNextMonth, DateOnly? died = null)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        if (died is { } d && first > new DateOnly(d.Year, d.Month, 1)) return new(null, $"已于 {d:yyyy-MM-dd} 死亡，次月起停发");
        if (bands.Count == 0) return new(null, "未设定高龄津贴档次");
        var band = bands.OrderByDescending(b => b.MinAge).FirstOrDefault(b => FirstMonth(birth, b.MinAge, fromNextMonth) <= first);
        if (band is null)
        {
            var lowest = bands.Min(b => b.MinAge);
            return new(null, $"{FirstMonth(birth, lowest, fromNextMonth):yyyy年M月}起方可享受（年满{lowest}周岁{(fromNextMonth ? "的次月" : "当月")}）");
        }
        return new(band, $"年满{band.MinAge}周岁档：{band.MonthlyAmount:0.##}元/月（{(fromNextMonth ? "满周岁次月" : "满周岁当月")}起发）");
    }
}

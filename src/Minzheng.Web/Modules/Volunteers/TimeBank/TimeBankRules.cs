namespace Minzheng.Web.Modules.Volunteers.TimeBank;

/// <summary>The time bank's pure rules (table-tested): the cap split of a deposit, ages, and who is a priority elder for grants.</summary>
public static class TimeBankRules
{
    /// <summary>
    /// A deposit of <paramref name="minutes"/> into an account holding <paramref name="balance"/>: up to the cap into the account,
    /// the excess into the donation pool (no cap: all into the account).
    /// </summary>
    public static (int ToAccount, int ToPool) SplitDeposit(int balance, int minutes, int? capMinutes)
    {
        if (minutes <= 0) return (0, 0);
        if (capMinutes is not { } cap) return (minutes, 0);
        var room = Math.Max(0, cap - balance);
        var toAccount = Math.Min(room, minutes);
        return (toAccount, minutes - toAccount);
    }

    /// <summary>
    /// A correction lowering a record's verified time by <paramref name="fall"/>: what still stands from the record's deposits is
    /// taken back, the account's part first, then the pool's (never more than was deposited).
    /// </summary>
    public static (int FromAccount, int FromPool) SplitReversal(int fall, int depositedToAccount, int depositedToPool)
    {
        if (fall <= 0) return (0, 0);
        var fromAccount = Math.Min(fall, Math.Max(0, depositedToAccount));
        var fromPool = Math.Min(fall - fromAccount, Math.Max(0, depositedToPool));
        return (fromAccount, fromPool);
    }

    public static int AgeOn(DateOnly birth, DateOnly date)
    {
        var age = date.Year - birth.Year;
        return birth.AddYears(age) > date ? age - 1 : age;
    }

    /// <summary>The criteria of a priority elder (each from the figures; null = that criterion is not configured).</summary>
    public sealed record GrantCriteria(int? AloneFrom, int? DibaoDisabledFrom, int? DibaoDisabledTo);

    public sealed record GrantFacts(int Age, bool LivesAlone, bool Disabled, bool DibaoHousehold);

    /// <summary>优先赠与对象: living alone from the "alone" age (80), or disabled in a 低保 household between the two ages (60–79).</summary>
    public static string? GrantReason(GrantFacts f, GrantCriteria c)
    {
        if (c.AloneFrom is { } a && f.Age >= a && f.LivesAlone) return $"{a}周岁以上独居老人";
        if (c.DibaoDisabledFrom is { } lo && c.DibaoDisabledTo is { } hi && f.Age >= lo && f.Age <= hi && f.Disabled && f.DibaoHousehold)
            return $"{lo}至{hi}周岁低保家庭残疾老人";
        return null;
    }
}

using System.Globalization;

namespace Minzheng.Web.Modules.Community.Publicity;

/// <summary>What a committee must make public (村民委员会组织法 第三十条; 城市居民委员会组织法 applies the same practice to 居务公开).</summary>
public enum PublicityKind
{
    /// <summary>村务决策及其实施情况 (the matters of art. 23–24 decided by the 村民会议 and their execution).</summary>
    Decisions = 1,

    /// <summary>救灾救助、补贴补助等资金、物资的管理使用情况 and donations.</summary>
    Relief = 2,

    /// <summary>财务收支: monthly where the committee has many transactions, else quarterly.</summary>
    Finance = 3,

    /// <summary>协助人民政府开展工作的情况.</summary>
    GovernmentAssistance = 4,

    /// <summary>涉及村民利益的重大事项: made public at once.</summary>
    Major = 5,
}

/// <summary>How often a kind is due: each calendar month, each calendar quarter, or on each event.</summary>
public enum PublicityFrequency
{
    Monthly = 1,
    Quarterly = 2,
    Immediate = 3,
}

/// <summary>
/// A publicity period: a calendar month ("2026-11"), a quarter ("2026Q4"), or, for a major item, the event day ("2026-11-20").
/// Records and requirements are compared by their date ranges, so a month published satisfies the quarter it lies in.
/// </summary>
public readonly record struct PublicityPeriod(string Code, DateOnly Start, DateOnly End, PublicityFrequency Frequency)
{
    public static PublicityPeriod Month(DateOnly day)
    {
        var start = new DateOnly(day.Year, day.Month, 1);
        return new(start.ToString("yyyy-MM", CultureInfo.InvariantCulture), start, start.AddMonths(1).AddDays(-1), PublicityFrequency.Monthly);
    }

    public static PublicityPeriod Quarter(DateOnly day)
    {
        var q = (day.Month - 1) / 3;
        var start = new DateOnly(day.Year, q * 3 + 1, 1);
        return new($"{day.Year}Q{q + 1}", start, start.AddMonths(3).AddDays(-1), PublicityFrequency.Quarterly);
    }

    public static PublicityPeriod Event(DateOnly day) => new(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), day, day, PublicityFrequency.Immediate);

    public static PublicityPeriod Of(PublicityFrequency frequency, DateOnly day) => frequency switch
    {
        PublicityFrequency.Monthly => Month(day),
        PublicityFrequency.Quarterly => Quarter(day),
        _ => Event(day),
    };

    /// <summary>Reads "2026Q4", "2026-11" or "2026-11-20"; null for anything else.</summary>
    public static PublicityPeriod? Parse(string? code)
    {
        code = code?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code)) return null;
        if (code.Length == 6 && code[4] == 'Q' && int.TryParse(code.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && code[5] is >= '1' and <= '4' && y is >= 1990 and <= 2100)
        {
            return Quarter(new DateOnly(y, (code[5] - '1') * 3 + 1, 1));
        }
        if (DateOnly.TryParseExact(code, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) && m.Year is >= 1990 and <= 2100) return Month(m);
        if (DateOnly.TryParseExact(code, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 1990 and <= 2100) return Event(d);
        return null;
    }

    public PublicityPeriod Next() => Of(Frequency, End.AddDays(1));

    /// <summary>"2026年第四季度", "2026年11月", "2026年11月20日".</summary>
    public string Label => Frequency switch
    {
        PublicityFrequency.Quarterly => $"{Start.Year}年第{"一二三四"[(Start.Month - 1) / 3]}季度",
        PublicityFrequency.Monthly => $"{Start.Year}年{Start.Month}月",
        _ => $"{Start.Year}年{Start.Month}月{Start.Day}日",
    };
}

/// <summary>One period's state on a committee's calendar.</summary>
public enum PeriodStatus
{
    /// <summary>Published (a record lies within the period).</summary>
    Published,

    /// <summary>Not published yet, and not yet due.</summary>
    Open,

    /// <summary>Not published, and its due day has passed.</summary>
    Overdue,

    /// <summary>Before the committee was registered on the platform (or more than a year back): not checked.</summary>
    NotTracked,
}

/// <summary>
/// The 村务公开 calendar rules (村民委员会组织法 第三十条: 一般事项至少每季度公布一次；集体财务往来较多的，财务收支情况应当每月公布一次；
/// 涉及村民利益的重大事项应当随时公布). Pure: the periods owed, the day each is due (its end plus the period for posting that
/// the figure book sets; none means due at its end), whether a record was late, and which periods are missing.
/// </summary>
public static class PublicityRules
{
    public static readonly IReadOnlyList<PublicityKind> Kinds = Enum.GetValues<PublicityKind>();

    /// <summary>The kinds owed every period (a major item is owed on its event, which only a record tells).</summary>
    public static readonly IReadOnlyList<PublicityKind> PeriodicKinds = [.. Kinds.Where(k => k != PublicityKind.Major)];

    // 第三十条: finances monthly where 集体财务往来较多 (the committee's flag), every other ordinary item at least quarterly
    public static PublicityFrequency FrequencyOf(PublicityKind kind, bool monthlyFinance) => kind switch
    {
        PublicityKind.Major => PublicityFrequency.Immediate,
        PublicityKind.Finance when monthlyFinance => PublicityFrequency.Monthly,
        _ => PublicityFrequency.Quarterly,
    };

    public static string KindName(PublicityKind kind) => kind switch
    {
        PublicityKind.Decisions => "村务决策及实施情况",
        PublicityKind.Relief => "救灾救助补贴和捐赠款物",
        PublicityKind.Finance => "财务收支",
        PublicityKind.GovernmentAssistance => "协助政府开展工作",
        PublicityKind.Major => "重大事项",
        _ => kind.ToString(),
    };

    public static string FrequencyName(PublicityFrequency f) => f switch
    {
        PublicityFrequency.Monthly => "每月",
        PublicityFrequency.Quarterly => "每季度",
        _ => "随时（事项发生后及时）",
    };

    /// <summary>The day a period's publication is due: its end plus the days the figure allows for posting (a major item: its event day plus the figure's days).</summary>
    public static DateOnly DueOn(PublicityPeriod period, int graceDays, int majorDays) =>
        period.Frequency == PublicityFrequency.Immediate ? period.Start.AddDays(Math.Max(0, majorDays)) : period.End.AddDays(Math.Max(0, graceDays));

    /// <summary>Whether a record of <paramref name="period"/> posted on <paramref name="postedOn"/> came after its due day.</summary>
    public static bool IsLate(PublicityPeriod period, DateOnly postedOn, int graceDays, int majorDays) => postedOn > DueOn(period, graceDays, majorDays);

    /// <summary>
    /// Whether a record of <paramref name="recordStart"/>–<paramref name="recordEnd"/> satisfies the required period: it lies within it
    /// (a month's publication counts for its quarter; a quarter's does not for a month when finances are due monthly).
    /// </summary>
    public static bool Covers(PublicityPeriod required, DateOnly recordStart, DateOnly recordEnd) => recordStart >= required.Start && recordEnd <= required.End;

    /// <summary>
    /// The periods of <paramref name="frequency"/> owed between <paramref name="trackedFrom"/> (the periods ending on or after it) and
    /// <paramref name="today"/> whose due day has passed, oldest first.
    /// </summary>
    public static IReadOnlyList<PublicityPeriod> DuePeriods(PublicityFrequency frequency, DateOnly trackedFrom, DateOnly today, int graceDays)
    {
        if (frequency == PublicityFrequency.Immediate) return [];
        var list = new List<PublicityPeriod>();
        for (var p = PublicityPeriod.Of(frequency, trackedFrom); DueOn(p, graceDays, 0) < today; p = p.Next()) list.Add(p);
        return list;
    }

    /// <summary>The owed periods (<see cref="DuePeriods"/>) no record covers: what is overdue.</summary>
    public static IReadOnlyList<PublicityPeriod> Missing(PublicityFrequency frequency, DateOnly trackedFrom, DateOnly today, int graceDays,
        IEnumerable<(DateOnly Start, DateOnly End)> records)
    {
        var held = records.ToList();
        return [.. DuePeriods(frequency, trackedFrom, today, graceDays).Where(p => !held.Any(r => Covers(p, r.Start, r.End)))];
    }

    /// <summary>
    /// Whether a period code may be entered for a kind owed at <paramref name="required"/>: a major item names its event day; a
    /// monthly kind a month; a quarterly kind a quarter or one of its months (publishing more often than the law asks is fine).
    /// </summary>
    public static bool Accepts(PublicityFrequency required, PublicityPeriod entered) => required switch
    {
        PublicityFrequency.Immediate => entered.Frequency == PublicityFrequency.Immediate,
        PublicityFrequency.Monthly => entered.Frequency == PublicityFrequency.Monthly,
        _ => entered.Frequency is PublicityFrequency.Quarterly or PublicityFrequency.Monthly,
    };
}

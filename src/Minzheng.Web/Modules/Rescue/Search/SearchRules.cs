using Minzheng.Web.Modules.Rescue.Stays;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.Rescue.Search;

/// <summary>Where a notice or a DNA request stands against its deadline on a moment (what the lists and the sweep show).</summary>
public enum DeadlineState
{
    /// <summary>Not yet done, deadline still ahead.</summary>
    Pending,
    /// <summary>Not done and the deadline has passed.</summary>
    Overdue,
    /// <summary>Done by the deadline.</summary>
    OnTime,
    /// <summary>Done, but after the deadline (stays visible as late).</summary>
    Late,
}

/// <summary>
/// The two family-search deadlines (民发〔2015〕158号《关于加强和改进流浪乞讨人员身份查询和照料安置工作的意见》: 寻亲公告 within 24
/// hours of admission; DNA 采血 by the police within the configured working days), read from the stay's dates
/// (<see cref="RescueDeadlines.Compute"/>, figures of the admission day). Pure.
/// </summary>
public static class SearchDeadlines
{
    /// <summary>
    /// The notice is due <paramref name="noticeHours"/> after the admission moment; the DNA request on the
    /// <paramref name="dnaWorkingDays"/>-th working day after the admission day (the same counting as <see cref="RescueDeadlines.Compute"/>).
    /// </summary>
    public static SearchDue Due(int noticeHours, int dnaWorkingDays, DateTime admittedAt, DateOnly admittedOn, Func<DateOnly, int, DateOnly> addWorkingDays) =>
        new(admittedAt.AddHours(noticeHours), addWorkingDays(admittedOn, dnaWorkingDays));

    /// <summary>The notice is due at <paramref name="dueAt"/> (UTC); <paramref name="publishedAt"/> when it went out.</summary>
    public static DeadlineState Notice(DateTime dueAt, DateTime? publishedAt, DateTime now) => publishedAt switch
    {
        { } p when p <= dueAt => DeadlineState.OnTime,
        { } => DeadlineState.Late,
        null when now > dueAt => DeadlineState.Overdue,
        _ => DeadlineState.Pending,
    };

    /// <summary>The DNA request is due on <paramref name="dueOn"/> (inclusive: a request on the last working day is on time).</summary>
    public static DeadlineState Dna(DateOnly dueOn, DateOnly? requestedOn, DateOnly today) => requestedOn switch
    {
        { } r when r <= dueOn => DeadlineState.OnTime,
        { } => DeadlineState.Late,
        null when today > dueOn => DeadlineState.Overdue,
        _ => DeadlineState.Pending,
    };

    public static string Name(DeadlineState s) => s switch
    {
        DeadlineState.Pending => "未到期",
        DeadlineState.Overdue => "已逾期",
        DeadlineState.OnTime => "按时",
        _ => "逾期办理",
    };
}

/// <summary>The two family-search deadlines of a stay.</summary>
public sealed record SearchDue(DateTime NoticeDueAt, DateOnly DnaRequestDue);

/// <summary>One side of a match: what a notice (or a stay) and a family inquiry say about a person.</summary>
/// <param name="Age">Age on <paramref name="AsOf"/> (estimated for an unknown person); the matcher ages it to compare.</param>
/// <param name="Seen">For a stay: the day found; for an inquiry: missing since.</param>
public sealed record MatchFacts(string? Name, Sex? Sex, int? Age, DateOnly AsOf, string Features, DateOnly? Seen, string Place);

/// <summary>A candidate's score and the reasons a clerk reads before confirming (the score only orders candidates).</summary>
public sealed record MatchScore(int Score, IReadOnlyList<string> Reasons)
{
    public bool IsCandidate => Score >= FamilyMatcher.Threshold;
}

/// <summary>
/// The simple scored matcher between a family inquiry and an unidentified person in station (both ways alike): a different sex
/// excludes; then points for the age band, name similarity, shared feature words, the found day after the missing day, and the
/// place. It proposes; a clerk confirms (the identification is a person's decision, never the score's).
/// </summary>
public static class FamilyMatcher
{
    /// <summary>Below this a pair is not shown as a candidate.</summary>
    public const int Threshold = 30;

    private static readonly char[] Separators = [' ', '，', ',', '、', '；', ';', '。', '.', '\n', '\r', '\t', '/', '（', '）', '(', ')'];

    /// <summary>Names that say nothing about the person (an unknown person's notice is 无名氏).</summary>
    private static readonly HashSet<string> Anonymous = ["无名氏", "不详", "未知", "无名"];

    public static MatchScore Score(MatchFacts a, MatchFacts b)
    {
        var reasons = new List<string>();
        if (a.Sex is { } sa && b.Sex is { } sb)
        {
            if (sa != sb) return new(0, ["性别不同"]);
            reasons.Add("性别相同");
        }
        var score = a.Sex is not null && b.Sex is not null ? 10 : 0;

        if (a.Age is { } ageA && b.Age is { } ageB)
        {
            // both ages brought to the later of the two days
            var later = a.AsOf > b.AsOf ? a.AsOf : b.AsOf;
            var diff = Math.Abs(ageA + (later.Year - a.AsOf.Year) - (ageB + (later.Year - b.AsOf.Year)));
            if (diff <= 3) { score += 25; reasons.Add($"年龄相近（相差{diff}岁）"); }
            else if (diff <= 8) { score += 10; reasons.Add($"年龄接近（相差{diff}岁）"); }
            else if (diff > 15) score -= 20;
        }

        var name = NameSimilarity(a.Name, b.Name);
        if (name >= 1.0) { score += 35; reasons.Add("姓名相同"); }
        else if (name >= 0.5) { score += 20; reasons.Add("姓名相似"); }

        var shared = Words(a.Features).Intersect(Words(b.Features)).ToList();
        if (shared.Count > 0)
        {
            score += Math.Min(30, shared.Count * 10);
            reasons.Add("特征相同：" + string.Join("、", shared.Take(5)));
        }

        if (a.Seen is { } seenA && b.Seen is { } seenB)
        {
            // a person cannot be found before being missing: the pair is possible only when the two days fit in either order of roles
            var gap = Math.Abs(seenA.DayNumber - seenB.DayNumber);
            if (gap <= 90) { score += 10; reasons.Add("时间吻合"); }
        }

        var place = Words(a.Place).Intersect(Words(b.Place)).ToList();
        if (place.Count > 0 || SharesPlace(a.Place, b.Place)) { score += 10; reasons.Add("地点相关"); }

        return new(Math.Max(0, score), reasons);
    }

    /// <summary>1 for the same name, the share of common characters otherwise; 0 when either side is unknown (无名氏).</summary>
    public static double NameSimilarity(string? a, string? b)
    {
        a = a?.Trim() ?? "";
        b = b?.Trim() ?? "";
        if (a.Length == 0 || b.Length == 0 || Anonymous.Contains(a) || Anonymous.Contains(b)) return 0;
        if (a == b) return 1;
        var common = a.Distinct().Count(b.Contains);
        return (double)common / Math.Max(a.Distinct().Count(), b.Distinct().Count());
    }

    /// <summary>The feature words of a text: split on punctuation, 2 characters or more.</summary>
    public static HashSet<string> Words(string? text) =>
        [.. (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(w => w.Length >= 2)];

    // place names like 玉林市火车站 and 玉林火车站 share a two-character stem
    private static bool SharesPlace(string? a, string? b)
    {
        a ??= "";
        b ??= "";
        if (a.Length < 2 || b.Length < 2) return false;
        for (var i = 0; i + 2 <= a.Length; i++)
        {
            var stem = a.Substring(i, 2);
            if (stem.All(char.IsLetter) && b.Contains(stem, StringComparison.Ordinal) && !Generic.Contains(stem)) return true;
        }
        return false;
    }

    private static readonly HashSet<string> Generic = ["广西", "玉林", "附近", "一带", "地区", "市区", "县城"];
}

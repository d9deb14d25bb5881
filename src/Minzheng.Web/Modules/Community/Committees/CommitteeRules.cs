using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.Community.Committees;

/// <summary>The committee figures of the module's section in the figure book: terms, sizes and the representatives' ratios.</summary>
public static class CommitteeFigures
{
    private static readonly IReadOnlyList<(string Code, string Name)> Kinds = [(CommitteeRules.VillageCategory, "村民委员会"), (CommitteeRules.ResidentsCategory, "居民委员会")];

    /// <summary>村委会组织法 第十一条 / 居委会组织法 第八条: 5 years since the 2018-12-29 amendment, 3 before.</summary>
    public static readonly FigureKind TermYears = new(CommunityModule.FigureModule, "term-years", "村（居）民委员会每届任期", "年");
    public static readonly FigureKind MinMembers = new(CommunityModule.FigureModule, "members-min", "村（居）民委员会成员最少人数", "人", Kinds);
    public static readonly FigureKind MaxMembers = new(CommunityModule.FigureModule, "members-max", "村（居）民委员会成员最多人数", "人", Kinds);
    public static readonly FigureKind HouseholdsPerRepresentativeMin = new(CommunityModule.FigureModule, "households-per-representative-min", "每名村民代表代表的最少户数", "户");
    public static readonly FigureKind HouseholdsPerRepresentativeMax = new(CommunityModule.FigureModule, "households-per-representative-max", "每名村民代表代表的最多户数", "户");
    public static readonly FigureKind WomenRepresentativeFraction = new(CommunityModule.FigureModule, "women-representative-fraction", "妇女村民代表应占村民代表总数的比例（N分之一以上）", "分之一");

    public static readonly IReadOnlyList<FigureKind> All = [TermYears, MinMembers, MaxMembers, HouseholdsPerRepresentativeMin, HouseholdsPerRepresentativeMax, WomenRepresentativeFraction];
}

/// <summary>A composition warning: what is wrong, and the article that asks for it.</summary>
public sealed record CompositionWarning(string Code, string Message, string Article);

/// <summary>The facts of one current member the composition checks read.</summary>
public sealed record MemberFact(CommitteePost Post, Sex Sex, string Ethnicity);

/// <summary>The figures in force for a committee's checks (null: no figure in force, the check says so instead of guessing).</summary>
public sealed record CompositionLimits(int? MinMembers, int? MaxMembers, int? HouseholdsPerRepresentativeMin, int? HouseholdsPerRepresentativeMax, int? WomenRepresentativeFraction);

/// <summary>
/// The pure rules of committees: the composition checks (warnings, never refusals: the villagers elect whom they elect, and the
/// township follows up), the term, and the 民主评议 rule that two consecutive 不称职 end the office.
/// </summary>
public static class CommitteeRules
{
    public const string VillageCategory = "village";
    public const string ResidentsCategory = "residents";

    public static string Category(CommitteeKind kind) => kind == CommitteeKind.Village ? VillageCategory : ResidentsCategory;

    /// <summary>统计用区划代码: the village-level segment 001–199 is a 居民委员会, 200–399 a 村民委员会.</summary>
    public static CommitteeKind KindOf(string villageCode) =>
        villageCode.Length == 12 && int.TryParse(villageCode.AsSpan(9, 3), out var n) && n < 200 ? CommitteeKind.Residents : CommitteeKind.Village;

    /// <summary>The last day of a term that starts on <paramref name="from"/> and lasts <paramref name="years"/> years.</summary>
    public static DateOnly TermUntil(DateOnly from, int years) => from.AddYears(years).AddDays(-1);

    /// <summary>村委会组织法 第三十三条: the second consecutive yearly 不称职 ends the office (a gap year breaks the run).</summary>
    public static bool EndsOffice(ReviewResult result, ReviewResult? previousYear) =>
        result == ReviewResult.Incompetent && previousYear == ReviewResult.Incompetent;

    public static IReadOnlyList<CompositionWarning> Check(CommitteeKind kind, int households, string minorityGroups, IReadOnlyList<MemberFact> members, CompositionLimits limits)
    {
        var warnings = new List<CompositionWarning>();
        var village = kind == CommitteeKind.Village;
        var sizeArticle = village ? "《村民委员会组织法》第六条" : "《城市居民委员会组织法》第七条";
        var committee = members.Where(m => m.Post is CommitteePost.Director or CommitteePost.DeputyDirector or CommitteePost.Member).ToList();
        if (limits.MinMembers is { } min && committee.Count < min)
            warnings.Add(new("size-low", $"委员会成员 {committee.Count} 人，少于 {min} 人", sizeArticle));
        if (limits.MaxMembers is { } max && committee.Count > max)
            warnings.Add(new("size-high", $"委员会成员 {committee.Count} 人，多于 {max} 人", sizeArticle));
        if (!committee.Any(m => m.Post == CommitteePost.Director))
            warnings.Add(new("no-director", "没有主任", sizeArticle));
        if (!village) return warnings;

        if (committee.Count > 0 && committee.All(m => m.Sex != Sex.Female))
            warnings.Add(new("no-woman", "村民委员会成员中没有妇女成员", "《村民委员会组织法》第六条第二款"));
        var groups = SplitGroups(minorityGroups);
        if (groups.Count > 0 && !committee.Any(m => groups.Contains(m.Ethnicity)))
            warnings.Add(new("no-minority", $"本村有{string.Join("、", groups)}村民，村民委员会成员中没有人数较少的民族的成员", "《村民委员会组织法》第六条第二款"));

        var reps = members.Where(m => m.Post == CommitteePost.Representative).ToList();
        if (households <= 0)
        {
            warnings.Add(new("no-households", "未登记本村户数，无法检查村民代表人数", "《村民委员会组织法》第二十五条"));
        }
        else if (limits.HouseholdsPerRepresentativeMin is { } perMin && limits.HouseholdsPerRepresentativeMax is { } perMax && perMin > 0 && perMax >= perMin)
        {
            // one representative per 5–15 households: h/15 ≤ reps ≤ h/5, rounded towards the law (at least one for a small village)
            var least = Math.Max(1, (households + perMax - 1) / perMax);
            var most = Math.Max(least, households / perMin);
            if (reps.Count < least || reps.Count > most)
                warnings.Add(new("representatives", $"本村 {households} 户，村民代表应为 {least}–{most} 人（每{perMin}户至{perMax}户推选一人），现有 {reps.Count} 人", "《村民委员会组织法》第二十五条"));
        }
        if (reps.Count > 0 && limits.WomenRepresentativeFraction is { } n && n > 0)
        {
            var women = reps.Count(m => m.Sex == Sex.Female);
            if (women * n < reps.Count)
                warnings.Add(new("women-representatives", $"妇女村民代表 {women} 人，不足村民代表总数（{reps.Count} 人）的{n}分之一", "《村民委员会组织法》第二十五条"));
        }
        return warnings;
    }

    public static IReadOnlyList<string> SplitGroups(string groups) =>
        [.. groups.Split(['、', ',', '，', ' ', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct()];
}

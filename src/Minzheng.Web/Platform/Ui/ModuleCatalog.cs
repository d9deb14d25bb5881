using Minzheng.Web.Platform.Composition;
using Minzheng.Web.Platform.Text;

namespace Minzheng.Web.Platform.Ui;

/// <summary>
/// The lines of business of the 2020 work plan (Reference/seed) and where each lives in the platform, as the modules declare
/// them (<see cref="ModuleDeclaration.Navigation"/>) and the composition root lists the planned ones. A line without a path is not
/// built yet; its page says so and quotes the plan's chapter.
/// </summary>
public sealed class ModuleCatalog(IEnumerable<ModuleDeclaration> modules, IEnumerable<NavigationEntry> planned)
{
    public IReadOnlyList<NavigationEntry> Business { get; } =
        modules.Select(m => m.Navigation).OfType<NavigationEntry>().Concat(planned).DistinctBy(e => e.Key).OrderBy(e => e.Order).ToList();

    /// <summary>The modules' citizen pages, in order (the layout shows those the citizen's permissions allow).</summary>
    public IReadOnlyList<CitizenLink> CitizenLinks { get; } = modules.SelectMany(m => m.CitizenLinks).OrderBy(l => l.Order).ToList();

    public NavigationEntry? Find(string key) => Business.FirstOrDefault(e => e.Key == key);

    private static readonly Lazy<string[]> Plan = new(() =>
    {
        using var stream = ReferenceData.Open("seed/yulin-2020-work-plan.txt");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    });

    /// <summary>The plan's paragraphs for a line of business: its chapter heading and the paragraphs under it.</summary>
    public static IReadOnlyList<string> PlanExcerpt(NavigationEntry entry)
    {
        var lines = Plan.Value;
        var marker = entry.ChapterMarker.Replace("（", "(", StringComparison.Ordinal).Replace("）", ")", StringComparison.Ordinal);
        var start = Array.FindIndex(lines, l => l.Replace(" ", "", StringComparison.Ordinal).StartsWith(marker, StringComparison.Ordinal)
            || l.Replace("（", "(", StringComparison.Ordinal).Replace("）", ")", StringComparison.Ordinal).StartsWith(marker, StringComparison.Ordinal));
        if (start < 0) return [];
        var isChapter = char.IsAsciiDigit(marker[0]) || marker.EndsWith('、');
        var result = new List<string> { lines[start] };
        for (var i = start + 1; i < lines.Length; i++)
        {
            var l = lines[i];
            var nextChapter = l.Length > 1 && "一二三四五六七八九十".Contains(l[0], StringComparison.Ordinal) && l.Contains('、', StringComparison.Ordinal) && l.IndexOf('、', StringComparison.Ordinal) <= 2;
            if (nextChapter || (!isChapter && (l.StartsWith('(') || l.StartsWith('（')))) break;
            result.Add(l);
        }
        return result;
    }
}

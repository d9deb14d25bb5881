using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Platform.Divisions;

/// <summary>
/// The division tree held in memory (about 1,600 rows): names, paths and children without a query.
/// Reloaded after reference data or an administrator's edit changes it.
/// </summary>
public sealed class DivisionDirectory(IServiceScopeFactory scopes)
{
    private volatile Tree? _tree;

    public sealed record Tree(FrozenDictionary<string, Division> ByCode, FrozenDictionary<string, Division[]> Children);

    public void Invalidate() => _tree = null;

    /// <summary>A directory over a fixed list (pure tests, tools), never reloaded from a database.</summary>
    public static DivisionDirectory Of(IEnumerable<Division> divisions)
    {
        return new DivisionDirectory(null!) { _tree = Build(divisions) };
    }

    private static Tree Build(IEnumerable<Division> divisions)
    {
        var all = divisions.OrderBy(d => d.SortOrder).ToList();
        // Retired divisions (merged away, re-coded) still resolve by code, so history and old records read;
        // they are no longer anyone's child, so pickers, lists and the tree show the divisions in force.
        return new Tree(
            all.ToFrozenDictionary(d => d.Code),
            all.Where(d => d.ParentCode is not null && d.RetiredOn is null).GroupBy(d => d.ParentCode!).ToFrozenDictionary(g => g.Key, g => g.ToArray()));
    }

    private Tree Current => _tree ?? Load();

    private Tree Load()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tree = Build(db.Divisions.AsNoTracking().ToList());
        _tree = tree;
        return tree;
    }

    public Division? Find(string? code) => code is not null && Current.ByCode.TryGetValue(code, out var d) ? d : null;

    public IReadOnlyList<Division> ChildrenOf(string code) => Current.Children.TryGetValue(code, out var c) ? c : [];

    public string NameOf(string? code) => Find(code)?.Name ?? code ?? "";

    /// <summary>Ancestors from the top down, ending with the division itself.</summary>
    public IReadOnlyList<Division> PathOf(string code)
    {
        var path = new List<Division>();
        for (var d = Find(code); d is not null; d = Find(d.ParentCode)) path.Add(d);
        path.Reverse();
        return path;
    }

    /// <summary>"容县 容州镇 新南社区居委会": the path below the city, as written on forms.</summary>
    public string FullName(string? code) =>
        code is null ? "" : string.Join(" ", PathOf(code).Where(d => d.Level > DivisionLevel.City).Select(d => d.Name)) is { Length: > 0 } s ? s : NameOf(code);

    /// <summary>The divisions in force (retired ones are left out; <see cref="Find"/> still resolves them).</summary>
    public IEnumerable<Division> All => Current.ByCode.Values.Where(d => d.RetiredOn is null);

    public IEnumerable<Division> Descendants(string code, DivisionLevel? level = null)
    {
        var stack = new Stack<Division>(ChildrenOf(code).Reverse());
        while (stack.Count > 0)
        {
            var d = stack.Pop();
            if (level is null || d.Level == level) yield return d;
            foreach (var c in ChildrenOf(d.Code).Reverse()) stack.Push(c);
        }
    }

    /// <summary>Divisions of a level visible within a scope, for filters and pickers.</summary>
    public IEnumerable<Division> InScope(DivisionScope scope, DivisionLevel level) =>
        All.Where(d => d.Level == level && scope.Contains(d.Code)).OrderBy(d => d.SortOrder);

    /// <summary>Finds divisions by name fragment, code prefix or pinyin prefix ("rongzhou"), top levels first.</summary>
    public IReadOnlyList<Division> Search(string query, int limit)
    {
        var q = query.Trim();
        if (q.Length == 0) return [];
        var key = q.Replace(" ", "", StringComparison.Ordinal);
        return All
            .Where(d => d.Name.Contains(q, StringComparison.Ordinal) || d.Code.StartsWith(q, StringComparison.Ordinal)
                || d.Pinyin.Replace(" ", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal).StartsWith(key, StringComparison.OrdinalIgnoreCase))
            .OrderBy(d => d.Level).ThenBy(d => d.SortOrder)
            .Take(limit)
            .ToList();
    }
}

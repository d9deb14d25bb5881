using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Divisions;

namespace Minzheng.Web.Platform.Ui;

/// <summary>
/// The 区划 select of list filters (case lists, registry lists): the counties and townships in the user's scope, and the
/// villages (村、社区) under the user's township — or under the township chosen — so a township clerk picks 新南社区 from a
/// list instead of typing its 12 digits (issue 12, item 11). Rendered by /Platform/Ui/Shared/_DivisionFilter.cshtml.
/// </summary>
public sealed record DivisionFilter(string Field, string? Selected, IReadOnlyList<DivisionFilter.Option> Options)
{
    public sealed record Option(string Code, string Name, int Depth);

    public static DivisionFilter For(DivisionDirectory divisions, ICurrentUser user, string? selected, string field = "DivisionCode")
    {
        var scope = user.Scope;
        var own = divisions.Find(user.DivisionCode);
        var chosen = divisions.Find(selected);
        // the township whose villages are offered: the user's own, else the one chosen (or the chosen village's)
        var town = own is { Level: DivisionLevel.Town } ? own
            : chosen is { Level: DivisionLevel.Town } ? chosen
            : chosen is { Level: DivisionLevel.Village } ? divisions.Find(chosen.ParentCode)
            : null;
        var villages = town is not null && scope.Contains(town.Code) ? divisions.ChildrenOf(town.Code).Where(v => scope.Contains(v.Code)) : [];
        var list = divisions.All
            .Where(d => (d.Level is DivisionLevel.County or DivisionLevel.Town && scope.Contains(d.Code)) || d.Code == user.DivisionCode)
            .Concat(villages)
            .DistinctBy(d => d.Code)
            .OrderBy(d => d.Code, StringComparer.Ordinal) // 12-digit codes sort as the tree: county, its townships, each township's villages
            .ToList();
        var top = list.Count == 0 ? DivisionLevel.Village : list.Min(d => d.Level);
        return new DivisionFilter(field, selected, [.. list.Select(d => new Option(d.Code, d.Name, Math.Max(0, (int)d.Level - (int)top)))]);
    }
}

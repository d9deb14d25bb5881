using Minzheng.Web.Platform.Divisions;

namespace Minzheng.Web.Platform.Access.Admin;

/// <summary>
/// The administrator picks an account's division from the tree instead of typing 12 digits: one select of the divisions in
/// their scope down to townships (indented by level; the keyboard's type-ahead finds "容州镇"), and a second one of the chosen
/// township's villages (filled by site.js when the township changes; on the server when the page is shown again).
/// </summary>
public sealed record DivisionPicker(string Field, IReadOnlyList<Division> Options, string? Selected, IReadOnlyList<Division> Villages, string? SelectedVillage)
{
    /// <summary>The picker for <paramref name="value"/> (a division or village code) within <paramref name="scope"/>'s division.</summary>
    public static DivisionPicker For(DivisionDirectory divisions, string? scopeRoot, string field, string? value)
    {
        var root = divisions.Find(scopeRoot);
        var options = root is null
            ? []
            : new[] { root }.Concat(divisions.Descendants(root.Code).Where(d => d.Level <= DivisionLevel.Town)).ToList();
        var chosen = divisions.Find(value);
        var town = chosen?.Level == DivisionLevel.Village ? divisions.Find(chosen.ParentCode) : chosen;
        var villages = town?.Level == DivisionLevel.Town ? divisions.ChildrenOf(town.Code) : [];
        return new DivisionPicker(field, options, town?.Code ?? value, villages, chosen?.Level == DivisionLevel.Village ? chosen.Code : null);
    }

    /// <summary>The account's division from the two selects: the village where one is chosen, else the township (or county, city).</summary>
    public static string? Combine(string? division, string? village) => string.IsNullOrWhiteSpace(village) ? division?.Trim() : village.Trim();

    public static string Indent(Division d, Division root) => new('\u3000', Math.Max(0, (int)d.Level - (int)root.Level));
}

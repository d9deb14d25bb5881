using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Text;

namespace Minzheng.Web.Modules.Geography.PlaceNames;

public sealed record NameCheckInput([property: Text(PlaceNameLimits.Name)] string? Name, PlaceNameCategory? Category, [property: Text(12)] string? DivisionCode);

/// <summary>
/// Runs <see cref="NameCheckRules"/> against the names held: the registry's names not retired (across the whole city — the
/// art. 9 scopes are wider than one clerk's township, and standard names are public) and the Guangxi county list shipped
/// as reference data. The candidates are fetched by indexed equality on the name, the 专名 or their pinyin keys, so the
/// check reads a handful of rows, not the registry.
/// </summary>
public sealed class NameChecks(AppDbContext db, PlaceNameSpelling spelling, DivisionDirectory divisions)
{
    private static readonly Lazy<List<HeldName>> GuangxiCounties = new(LoadGuangxiCounties);

    public async Task<NameCheckResult> CheckAsync(NameCheckInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var errors = new ValidationErrors();
        var name = input.Name?.Trim() ?? "";
        if (name.Length < 2) errors.Add("name", "请填写拟用地名（至少两个字）");
        if (input.Category is not { } category || !Enum.IsDefined(category)) errors.Add("category", "请选择地名类别");
        if (divisions.Find(input.DivisionCode) is null) errors.Add("divisionCode", "请选择地名所在的行政区划");
        errors.ThrowIfAny();
        return await CheckAsync(Propose(name, input.Category!.Value, input.DivisionCode!), ct);
    }

    public ProposedName Propose(string name, PlaceNameCategory category, string divisionCode, Guid? excludeId = null, string? namedDivisionCode = null, string? pinyinOverride = null)
    {
        var (specific, generic) = PlaceNameSpelling.Split(name);
        var pinyin = string.IsNullOrWhiteSpace(pinyinOverride) ? spelling.Romanize(name, category) : pinyinOverride.Trim();
        return new ProposedName(name, specific, generic, category, divisionCode, pinyin, PlaceNameSpelling.Key(pinyin), spelling.KeyOf(specific), excludeId, namedDivisionCode);
    }

    public async Task<NameCheckResult> CheckAsync(ProposedName p, CancellationToken ct = default)
    {
        var areas = (await db.Set<BuiltUpArea>().AsNoTracking().ToListAsync(ct)).Select(a => (a.Name, a.Prefixes)).ToList();
        var scope = NameCheckRules.ScopeFor(p.Category, p.Generic, p.DivisionCode, areas);
        var categories = scope.Categories.ToList();
        var rows = await db.Set<PlaceName>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking()
            .Where(n => n.Status != PlaceNameStatus.Retired && categories.Contains(n.Category))
            .Where(n => n.Name == p.Name || n.SpecificName == p.Specific || n.PinyinKey == p.PinyinKey || n.SpecificKey == p.SpecificKey)
            .Select(n => new HeldName(n.Id, n.Name, n.SpecificName, n.Category, n.DivisionCode, n.NamedDivisionCode, n.PinyinKey, n.SpecificKey, false))
            .Take(500)
            .ToListAsync(ct);
        IEnumerable<HeldName> held = rows;
        if (scope.Target == DivisionTarget.County) held = held.Concat(GuangxiCounties.Value);
        return NameCheckRules.Check(p, scope, held);
    }

    private static List<HeldName> LoadGuangxiCounties()
    {
        var spelling = new PlaceNameSpelling(new PlaceNamePinyin(PinyinTable.Shared));
        using var reader = new StreamReader(ReferenceData.Open("guangxi-counties.csv"));
        reader.ReadLine();
        var list = new List<HeldName>();
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split(',');
            if (parts.Length < 2 || parts[0].Length != 12) continue;
            var (specific, _) = PlaceNameSpelling.Split(parts[1]);
            var pinyin = spelling.Romanize(parts[1], PlaceNameCategory.AdministrativeDivision);
            list.Add(new HeldName(null, parts[1], specific, PlaceNameCategory.AdministrativeDivision, parts[0], parts[0], PlaceNameSpelling.Key(pinyin), spelling.KeyOf(specific), true));
        }
        return list;
    }
}

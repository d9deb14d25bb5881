using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Geography.PlaceNames;

public sealed record PlaceNameInput
{
    [Text(PlaceNameLimits.Name)] public string? Name { get; init; }
    public PlaceNameCategory? Category { get; init; }
    [Text(12)] public string? DivisionCode { get; init; }
    public PlaceNameStatus? Status { get; init; }
    [Text(200)] public string? PinyinOverride { get; init; }
    [Text(1000)] public string? Meaning { get; init; }
    [Text(2000)] public string? History { get; init; }
    [Text(200)] public string? Source { get; init; }
    [Within(73, 136)] public decimal? Longitude { get; init; }
    [Within(3, 54)] public decimal? Latitude { get; init; }
    [Text(PlaceNameLimits.GeoJson)] public string? GeoJson { get; init; }
    public DateOnly? ApprovedOn { get; init; }
    [Text(100)] public string? ApprovalDocument { get; init; }
    public DateOnly? AnnouncedOn { get; init; }
    public int? Version { get; init; }
}

public sealed record FormerNameInput([property: Text(PlaceNameLimits.Name)] string? Name, DateOnly? UsedFrom, DateOnly? UsedUntil, [property: Text(500)] string? Note);

public sealed record PlaceNameFilter(string? Q, PlaceNameCategory? Category, PlaceNameStatus? Status, string? DivisionCode);

public sealed record PlaceNameView(Guid Id, string Name, string SpecificName, string GenericName, PlaceNameCategory Category, string CategoryName, string DivisionCode,
    string DivisionName, string? NamedDivisionCode, string Pinyin, bool PinyinOverridden, PlaceNameStatus Status, string StatusName, string Meaning, string History,
    string Source, GeometryKind Geometry, decimal? Longitude, decimal? Latitude, string? GeoJson, DateOnly? ApprovedOn, string ApprovalDocument, DateOnly? AnnouncedOn,
    bool IsDemo, int Version, IReadOnlyList<FormerNameView> FormerNames);

public sealed record FormerNameView(Guid Id, string Name, DateOnly? UsedFrom, DateOnly? UsedUntil, string Note);

/// <summary>
/// The place-name registry's use cases: list and search (name, 专名 or pinyin), record a name found (standard with its
/// approval, or non-standard to be cleaned up), edit it with its version, retire it, add former names. A standard name
/// recorded here is checked like a proposal: a binding conflict (art. 9(7)/(8)) refuses it with the conflicts listed; the
/// reviewer's questions are returned as warnings. Naming and renaming through an application comes on the workflow.
/// </summary>
public sealed class PlaceNameRegistry(AppDbContext db, ICurrentUser user, DivisionDirectory divisions, NameChecks checks, AuditLog audit)
{
    public IQueryable<PlaceName> Query(PlaceNameFilter f)
    {
        var q = db.Set<PlaceName>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var text = f.Q.Trim();
            var key = PlaceNameSpelling.Key(text);
            q = q.Where(n => n.Name.Contains(text) || (key.Length > 0 && n.PinyinKey.StartsWith(key)));
        }
        if (f.Category is { } c) q = q.Where(n => n.Category == c);
        if (f.Status is { } s) q = q.Where(n => n.Status == s);
        if (!string.IsNullOrWhiteSpace(f.DivisionCode) && DivisionCodes.IsWellFormed(f.DivisionCode))
        {
            var prefix = DivisionCodes.ScopePrefix(f.DivisionCode);
            q = q.Where(n => n.DivisionCode.StartsWith(prefix));
        }
        return q.OrderBy(n => n.DivisionCode).ThenBy(n => n.Name).ThenBy(n => n.Id);
    }

    public async Task<Paged<PlaceNameView>> ListAsync(PlaceNameFilter f, PageRequest page, CancellationToken ct = default) =>
        (await Query(f).ToPagedAsync(page, ct)).Select(n => View(n, divisions));

    public async Task<PlaceName> LoadAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<PlaceName>().Include(n => n.FormerNames).FirstOrDefaultAsync(n => n.Id == id, ct) ?? throw AppProblem.NotFound("地名");

    public async Task<(PlaceName Name, IReadOnlyList<string> Warnings)> CreateAsync(PlaceNameInput input, CancellationToken ct = default)
    {
        var (p, result) = await ValidateAsync(input, null, null, ct);
        var n = new PlaceName { Name = p.Name, SpecificName = p.Specific, DivisionCode = input.DivisionCode! };
        Apply(n, input, p);
        db.Add(n);
        audit.Add("create-place-name", "geo_place_name", n.Id.ToString(), new { n.Name, n.Category, n.Status }, n.DivisionCode);
        await db.SaveChangesAsync(ct);
        return (n, result.Warnings);
    }

    public async Task<(PlaceName Name, IReadOnlyList<string> Warnings)> UpdateAsync(Guid id, PlaceNameInput input, CancellationToken ct = default)
    {
        var n = await LoadAsync(id, ct);
        if (input.Version is not { } version) throw AppProblem.Field("version", "缺少版本号");
        db.ExpectVersion(n, version);
        var (p, result) = await ValidateAsync(input, n.Id, n.NamedDivisionCode, ct);
        var before = new { n.Name, n.Category, n.Status, n.Pinyin };
        if (n.Name != p.Name && n.Status == PlaceNameStatus.Standard && !n.FormerNames.Any(f => f.Name == n.Name))
        {
            // a standard name replaced keeps the old one as a former name, as 曾用名
            // added to the context itself: a child with its key already set, reached only through the collection, would be taken for an existing row
            db.Add(new FormerPlaceName { PlaceNameId = n.Id, Name = n.Name, DivisionCode = n.DivisionCode, UsedFrom = n.ApprovedOn, UsedUntil = input.ApprovedOn, Note = "更名前的名称" });
        }
        n.Name = p.Name;
        n.SpecificName = p.Specific;
        n.DivisionCode = input.DivisionCode!;
        Apply(n, input, p);
        audit.Add("update-place-name", "geo_place_name", n.Id.ToString(), new { before, after = new { n.Name, n.Category, n.Status, n.Pinyin } }, n.DivisionCode);
        await db.SaveChangesAsync(ct);
        return (n, result.Warnings);
    }

    public async Task<PlaceName> AddFormerNameAsync(Guid id, FormerNameInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var n = await LoadAsync(id, ct);
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(input.Name)) errors.Add("name", "请填写曾用名");
        if (input.UsedFrom is { } from && input.UsedUntil is { } until && until < from) errors.Add("usedUntil", "停用日期不能早于启用日期");
        errors.ThrowIfAny();
        db.Add(new FormerPlaceName { PlaceNameId = n.Id, Name = input.Name!.Trim(), DivisionCode = n.DivisionCode, UsedFrom = input.UsedFrom, UsedUntil = input.UsedUntil, Note = input.Note?.Trim() ?? "" });
        n.Version++;
        audit.Add("add-former-place-name", "geo_place_name", n.Id.ToString(), new { n.Name, former = input.Name }, n.DivisionCode);
        await db.SaveChangesAsync(ct);
        return n;
    }

    private async Task<(ProposedName, NameCheckResult)> ValidateAsync(PlaceNameInput input, Guid? id, string? namedDivision, CancellationToken ct)
    {
        InputRules.ThrowIfInvalid(input);
        var errors = new ValidationErrors();
        var name = input.Name?.Trim() ?? "";
        if (name.Length < 2 || !name.EnumerateRunes().Any(r => r.Value is >= 0x3400 and <= 0x9FFF or >= 0x20000)) errors.Add("name", "请填写地名（至少两个字，使用汉字）");
        if (input.Category is not { } category || !Enum.IsDefined(category)) errors.Add("category", "请选择地名类别");
        if (input.Status is not { } status || !Enum.IsDefined(status)) errors.Add("status", "请选择地名状态（标准地名、不规范地名、已废止）");
        if (divisions.Find(input.DivisionCode) is null) errors.Add("divisionCode", "请选择地名所在的行政区划");
        else if (!user.Scope.Contains(input.DivisionCode)) errors.Add("divisionCode", "该地区不在您的管辖范围内");
        if (!string.IsNullOrWhiteSpace(input.PinyinOverride) && !input.PinyinOverride.All(ch => ch is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or ' ' or '\'' or '-'))
            errors.Add("pinyinOverride", "罗马字母拼写只能包含拉丁字母、空格、隔音符号（'）和连接号");
        if ((input.Longitude is null) != (input.Latitude is null)) errors.Add("latitude", "经度和纬度须同时填写");
        if (!string.IsNullOrWhiteSpace(input.GeoJson) && GeometryOf(input.GeoJson) is null)
            errors.Add("geoJson", "GeoJSON 几何无效：须为 LineString、MultiLineString、Polygon 或 MultiPolygon，坐标为 [经度, 纬度]");
        if (input.ApprovedOn is { } a && input.AnnouncedOn is { } an && an < a) errors.Add("announcedOn", "公告日期不能早于批准日期");
        errors.ThrowIfAny();
        var p = checks.Propose(name, input.Category!.Value, input.DivisionCode!, id, namedDivision, input.PinyinOverride);
        var result = await checks.CheckAsync(p, ct);
        if (input.Status == PlaceNameStatus.Standard && result.Conflicts.Count > 0)
        {
            var first = result.Conflicts[0];
            throw AppProblem.Field("name",
                $"与{first.Scope}的“{first.Name}”{(first.Kind == NameCheckRules.Duplicate ? "重名" : "同音")}（《地名管理条例》第九条），不能登记为标准地名"
                + (result.Conflicts.Count > 1 ? $"；另有 {result.Conflicts.Count - 1} 处冲突" : ""), "geo_name_conflict");
        }
        return (p, result);
    }

    private static void Apply(PlaceName n, PlaceNameInput input, ProposedName p)
    {
        n.GenericName = p.Generic;
        n.Category = input.Category!.Value;
        n.Status = input.Status!.Value;
        n.Pinyin = p.Pinyin;
        n.PinyinOverridden = !string.IsNullOrWhiteSpace(input.PinyinOverride);
        n.PinyinKey = p.PinyinKey;
        n.SpecificKey = p.SpecificKey;
        n.Meaning = input.Meaning?.Trim() ?? "";
        n.History = input.History?.Trim() ?? "";
        n.Source = input.Source?.Trim() ?? "";
        n.Longitude = input.Longitude;
        n.Latitude = input.Latitude;
        n.GeoJson = string.IsNullOrWhiteSpace(input.GeoJson) ? null : input.GeoJson.Trim();
        n.Geometry = n.GeoJson is { } g ? GeometryOf(g)!.Value : n.Longitude is not null ? GeometryKind.Point : GeometryKind.None;
        n.ApprovedOn = input.ApprovedOn;
        n.ApprovalDocument = input.ApprovalDocument?.Trim() ?? "";
        n.AnnouncedOn = input.AnnouncedOn;
    }

    /// <summary>The kind of a GeoJSON geometry (a bare geometry or a Feature holding one), or null when it is not a line or an area with numeric coordinates.</summary>
    public static GeometryKind? GeometryOf(string geoJson)
    {
        try
        {
            using var doc = JsonDocument.Parse(geoJson);
            var g = doc.RootElement;
            if (g.ValueKind != JsonValueKind.Object) return null;
            if (g.TryGetProperty("type", out var t) && t.GetString() == "Feature" && g.TryGetProperty("geometry", out var inner)) g = inner;
            if (g.ValueKind != JsonValueKind.Object || !g.TryGetProperty("type", out var type) || !g.TryGetProperty("coordinates", out var coords)) return null;
            var (kind, depth) = type.GetString() switch
            {
                "LineString" => (GeometryKind.Line, 2),
                "MultiLineString" => (GeometryKind.Line, 3),
                "Polygon" => (GeometryKind.Area, 3),
                "MultiPolygon" => (GeometryKind.Area, 4),
                _ => (GeometryKind.None, 0),
            };
            return depth > 0 && Positions(coords, depth) ? kind : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool Positions(JsonElement e, int depth)
    {
        if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() == 0) return false;
        if (depth == 1)
        {
            return e.GetArrayLength() is 2 or 3 && e.EnumerateArray().All(v => v.ValueKind == JsonValueKind.Number)
                && e[0].GetDouble() is >= -180 and <= 180 && e[1].GetDouble() is >= -90 and <= 90;
        }
        return e.EnumerateArray().All(c => Positions(c, depth - 1));
    }

    public static PlaceNameView View(PlaceName n, DivisionDirectory divisions) =>
        new(n.Id, n.Name, n.SpecificName, n.GenericName, n.Category, PlaceNameLabels.Category(n.Category), n.DivisionCode, divisions.FullName(n.DivisionCode), n.NamedDivisionCode,
            n.Pinyin, n.PinyinOverridden, n.Status, PlaceNameLabels.Status(n.Status), n.Meaning, n.History, n.Source, n.Geometry, n.Longitude, n.Latitude, n.GeoJson,
            n.ApprovedOn, n.ApprovalDocument, n.AnnouncedOn, n.IsDemo, n.Version,
            [.. n.FormerNames.OrderBy(f => f.UsedFrom).ThenBy(f => f.Name).Select(f => new FormerNameView(f.Id, f.Name, f.UsedFrom, f.UsedUntil, f.Note))]);
}

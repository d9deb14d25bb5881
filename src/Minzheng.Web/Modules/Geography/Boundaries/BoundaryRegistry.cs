using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Geography.PlaceNames;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Geography.Boundaries;

public sealed record SideInput([property: Text(12)] string? Code, [property: Text(BoundaryLimits.Name)] string? Name);

public sealed record BoundaryLineInput
{
    [Text(BoundaryLimits.Name)] public string? Name { get; init; }
    public BoundaryLevel? Level { get; init; }
    public SideInput? SideA { get; init; }
    public SideInput? SideB { get; init; }
    [Text(200)] public string? AgreementDocument { get; init; }
    [Within(0, 10000)] public decimal? LengthKm { get; init; }
    [Text(BoundaryLimits.GeoJson)] public string? GeoJson { get; init; }
    [Text(200)] public string? DetailMapReference { get; init; }
}

public sealed record FindingInput
{
    public DateOnly? FoundOn { get; init; }
    public MarkerCondition? Condition { get; init; }
    [Text(BoundaryLimits.Text)] public string? Description { get; init; }
    [Text(200)] public string? Task { get; init; }
    public DateOnly? Deadline { get; init; }
    public DateOnly? DoneOn { get; init; }
    public Guid? InspectionId { get; init; }
}

public sealed record InspectionInput
{
    public InspectionKind? Kind { get; init; }
    [Within(1950, 2100)] public int? Year { get; init; }
    [Text(100)] public string? Round { get; init; }
    [Text(BoundaryLimits.Text)] public string? Sections { get; init; }
    [Text(BoundaryLimits.Text)] public string? Participants { get; init; }
    [Text(BoundaryLimits.Text)] public string? Reason { get; init; }
}

public sealed record TaskDoneInput(DateOnly? DoneOn);

public sealed record DisputeInput
{
    [Text(BoundaryLimits.Name)] public string? Title { get; init; }
    [Text(200)] public string? Location { get; init; }
    [Text(BoundaryLimits.Text)] public string? Description { get; init; }
    public DisputeStatus? Status { get; init; }
    public DateOnly? ReportedOn { get; init; }
    public DateOnly? SettledOn { get; init; }
    [Text(BoundaryLimits.Text)] public string? Outcome { get; init; }
    public int? Version { get; init; }
}

public sealed record DisputeView(Guid Id, string Title, string Location, string Description, DisputeStatus Status, string StatusName, DateOnly ReportedOn, DateOnly? SettledOn,
    string Outcome, int Version);

public sealed record SideView(string Code, string Name, bool Ours);

public sealed record MarkerView(Guid Id, string Number, MarkerKind Kind, string KindName, decimal Longitude, decimal Latitude, string ResponsibleSideCode,
    MarkerCondition Condition, string ConditionName, string Note, int Version, IReadOnlyList<FindingView> Findings);

public sealed record FindingView(Guid Id, Guid? InspectionId, DateOnly FoundOn, MarkerCondition Condition, string Description, string Task, DateOnly? Deadline, DateOnly? DoneOn, bool Overdue);

public sealed record InspectionView(Guid Id, InspectionKind Kind, int Year, string Round, string Sections, string Participants, string Reason);

public sealed record BoundaryLineView(Guid Id, string Name, BoundaryLevel Level, string LevelName, string DivisionCode, IReadOnlyList<SideView> Sides, string AgreementDocument,
    decimal? LengthKm, string DetailMapReference, bool IsDemo, int Version, int MarkerCount, IReadOnlyList<MarkerView>? Markers, IReadOnlyList<InspectionView>? Inspections,
    IReadOnlyList<DisputeView>? Disputes);

/// <summary>
/// Boundary lines with their markers, inspections and findings. A line is read through the scope filter (visible to both
/// sides' subtrees through its sides, ADR 064); markers and findings are reached only through a visible line.
/// </summary>
public sealed class BoundaryRegistry(AppDbContext db, ICurrentUser user, BusinessClock clock, DivisionDirectory divisions)
{
    public async Task<Paged<BoundaryLineView>> ListAsync(BoundaryLevel? level, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<BoundaryLine>().AsNoTracking().Include(l => l.Memberships).Include(l => l.Markers).AsSplitQuery()
            .Where(l => level == null || l.Level == level).OrderBy(l => l.Level).ThenBy(l => l.Name).ThenBy(l => l.Id);
        return (await q.ToPagedAsync(page, ct)).Select(l => View(l, false));
    }

    public async Task<BoundaryLine> LoadAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<BoundaryLine>().Include(l => l.Memberships).Include(l => l.Markers).ThenInclude(m => m.Findings).Include(l => l.Inspections).Include(l => l.Disputes).AsSplitQuery()
            .FirstOrDefaultAsync(l => l.Id == id, ct) ?? throw AppProblem.NotFound("界线");

    /// <summary>A marker with its line, 404 when its line is not visible.</summary>
    public async Task<(BoundaryLine Line, BoundaryMarker Marker)> LoadMarkerAsync(Guid markerId, CancellationToken ct = default)
    {
        var lineId = await db.Set<BoundaryLine>().SelectMany(l => l.Markers).Where(m => m.Id == markerId).Select(m => (Guid?)m.LineId).FirstOrDefaultAsync(ct)
            ?? throw AppProblem.NotFound("界桩");
        var line = await LoadAsync(lineId, ct);
        return (line, line.Markers.Single(m => m.Id == markerId));
    }

    public async Task<BoundaryLine> CreateAsync(BoundaryLineInput input, IReadOnlyList<(string Number, MarkerKind Kind, decimal Lon, decimal Lat, string Responsible, MarkerCondition Condition)>? markers = null,
        CancellationToken ct = default)
    {
        var home = ValidateLine(input);
        var line = new BoundaryLine
        {
            Name = "",
            DivisionCode = home,
            SideACode = "",
            SideAName = "",
            SideBCode = "",
            SideBName = "",
        };
        Apply(line, input, home);
        foreach (var m in markers ?? [])
        {
            line.Markers.Add(new BoundaryMarker { Number = m.Number, Kind = m.Kind, Longitude = m.Lon, Latitude = m.Lat, ResponsibleSideCode = m.Responsible, Condition = m.Condition });
        }
        db.Add(line);
        await db.SaveChangesAsync(ct);
        return line;
    }

    /// <summary>
    /// Imports a line with its markers from a GeoJSON FeatureCollection (the export's shape), read from <paramref name="reader"/>
    /// up to <see cref="BoundaryLimits.GeoJson"/> characters: the API's body and the page's file alike. Errors not about the file
    /// itself keep the line's field names (name, sideA …), as creating it by hand would.
    /// </summary>
    public async Task<BoundaryLine> ImportAsync(TextReader reader, CancellationToken ct = default)
    {
        var buffer = new char[BoundaryLimits.GeoJson + 1];
        var read = await reader.ReadBlockAsync(buffer, ct);
        if (read > BoundaryLimits.GeoJson) throw AppProblem.Field("file", "文件过大（不超过 500,000 个字符）");
        var parsed = BoundaryGeoJson.Import(new string(buffer, 0, read))
            ?? throw AppProblem.Field("file", "不是可导入的 GeoJSON：须为 FeatureCollection，含一条界线（LineString/MultiLineString）和若干界桩点（编号不重复，坐标为 [经度, 纬度]）");
        return await CreateAsync(parsed.Line, parsed.Markers, ct);
    }

    /// <summary>
    /// Changes a line's own fields (name, level, sides, agreement, length, geometry, detail map) with the version the user edited
    /// (a stale one is 409). Validated as a new line is; the line must be visible (404) and, since writes are scoped by its
    /// division (ADR 064), the user's subtree must hold both its present division and the one its new sides give it.
    /// </summary>
    public async Task<BoundaryLine> UpdateAsync(Guid id, BoundaryLineInput input, int version, CancellationToken ct = default)
    {
        var line = await LoadAsync(id, ct);
        if (!user.Scope.Contains(line.DivisionCode)) throw AppProblem.Forbidden($"此界线由两侧的共同上级（{divisions.NameOf(line.DivisionCode)}）维护");
        var home = ValidateLine(input);
        db.ExpectVersion(line, version);
        Apply(line, input, home);
        await db.SaveChangesAsync(ct);
        return line;
    }

    /// <summary>
    /// The checks shared by a new and a changed line, the fields' limits with the rules (a form shows every error at once: no name
    /// and a negative length together); returns the division the line is stored under (its sides' lowest common one).
    /// </summary>
    private string ValidateLine(BoundaryLineInput input)
    {
        var errors = new ValidationErrors();
        InputRules.Collect(input, "", errors, 0);
        if (string.IsNullOrWhiteSpace(input.Name)) errors.Add("name", "请填写界线名称");
        if (input.Level is not { } level || !Enum.IsDefined(level)) errors.Add("level", "请选择界线级别（省级、市级、县级、乡级）");
        Side(input.SideA, "sideA", errors);
        Side(input.SideB, "sideB", errors);
        var ours = new[] { input.SideA?.Code, input.SideB?.Code }.Where(c => divisions.Find(c) is not null).Cast<string>().ToList();
        if (ours.Count == 0 && input.SideA?.Code is not null && input.SideB?.Code is not null) errors.Add("sideA", "界线至少有一侧须在本系统的行政区划内");
        if (input.SideA?.Code is { } a && a == input.SideB?.Code) errors.Add("sideB", "界线两侧不能是同一个行政区域");
        if (string.IsNullOrWhiteSpace(input.GeoJson) || LineGeometry(input.GeoJson) is null)
            errors.Add("geoJson", "GeoJSON 几何无效：须为 LineString 或 MultiLineString，坐标为 [经度, 纬度]（经度 73–136，纬度 3–54）");
        errors.ThrowIfAny();
        var home = CommonDivision(ours);
        if (!user.Scope.Contains(home))
        {
            // stored under the lowest common division of its sides (ADR 064): a line between two counties is the city's to record
            throw AppProblem.Field("sideB", $"此界线由两侧的共同上级（{divisions.NameOf(home)}）登记");
        }
        return home;
    }

    /// <summary>Sets a validated input on a new or existing line; a changed line keeps its two side rows (positions 0 and 1), changed in place.</summary>
    private void Apply(BoundaryLine line, BoundaryLineInput input, string home)
    {
        line.Name = input.Name!.Trim();
        line.Level = input.Level!.Value;
        line.DivisionCode = home;
        line.AgreementDocument = input.AgreementDocument?.Trim() ?? "";
        line.LengthKm = input.LengthKm;
        line.GeoJson = LineGeometry(input.GeoJson!)!.ToJsonString();
        line.DetailMapReference = input.DetailMapReference?.Trim() ?? "";
        SideInput[] sides = [input.SideA!, input.SideB!];
        for (var position = 0; position < sides.Length; position++)
        {
            var s = sides[position];
            var d = divisions.Find(s.Code);
            var row = line.Memberships.FirstOrDefault(m => m.Position == position);
            if (row is null) line.Memberships.Add(row = new BoundarySide { Position = position, Code = "", Name = "" });
            row.Code = s.Code!;
            row.Name = d?.Name ?? s.Name!.Trim();
            row.DivisionCode = d?.Code ?? home;
        }
        var a = line.Memberships.First(m => m.Position == 0);
        var b = line.Memberships.First(m => m.Position == 1);
        line.SideACode = a.Code;
        line.SideAName = a.Name;
        line.SideBCode = b.Code;
        line.SideBName = b.Name;
    }

    private void Side(SideInput? s, string field, ValidationErrors errors)
    {
        if (s?.Code is not { } code || code.Length is < 2 or > 12 || !code.All(char.IsAsciiDigit)) errors.Add(field, "请填写该侧的行政区划代码（数字）");
        else if (divisions.Find(code) is null && string.IsNullOrWhiteSpace(s.Name)) errors.Add(field, "本系统以外的一侧须填写名称（如 广东省信宜市）");
    }

    /// <summary>The lowest division containing every side of ours (容县 and 北流市 → 玉林市).</summary>
    private string CommonDivision(IReadOnlyList<string> codes)
    {
        var paths = codes.Select(c => divisions.PathOf(c).Select(d => d.Code).ToList()).ToList();
        var common = paths[0];
        foreach (var p in paths.Skip(1)) common = common.Zip(p).TakeWhile(x => x.First == x.Second).Select(x => x.First).ToList();
        return common.Count > 0 ? common[^1] : paths[0][0];
    }

    /// <summary>Records what was found on a marker (a page form or the API): any user who sees the line may record it.</summary>
    public async Task<MarkerFinding> AddFindingAsync(Guid markerId, FindingInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var (line, marker) = await LoadMarkerAsync(markerId, ct);
        var errors = new ValidationErrors();
        if (input.FoundOn is not { } found || found > clock.Today || found.Year < 1950) errors.Add("foundOn", "请填写检查日期（不晚于今天）");
        if (input.Condition is not { } c || !Enum.IsDefined(c)) errors.Add("condition", "请选择界桩状况（完好、损坏、丢失、移位）");
        if (input.Condition is not null and not MarkerCondition.Good && string.IsNullOrWhiteSpace(input.Task)) errors.Add("task", "界桩损坏、丢失或移位时须填写维护任务（如 重新埋设、描字）");
        if (input.Deadline is { } dl && input.FoundOn is { } f && dl < f) errors.Add("deadline", "完成期限不能早于检查日期");
        if (input.DoneOn is { } done && (done > clock.Today || (input.FoundOn is { } f2 && done < f2))) errors.Add("doneOn", "完成日期须在检查日期与今天之间");
        if (input.InspectionId is { } iid && line.Inspections.All(i => i.Id != iid)) errors.Add("inspectionId", "该检查不属于本界线");
        errors.ThrowIfAny();
        var finding = new MarkerFinding
        {
            MarkerId = marker.Id,
            InspectionId = input.InspectionId,
            FoundOn = input.FoundOn!.Value,
            Condition = input.Condition!.Value,
            Description = input.Description?.Trim() ?? "",
            Task = input.Task?.Trim() ?? "",
            Deadline = input.Deadline,
            DoneOn = input.DoneOn,
            RecordedBy = user.UserName,
        };
        db.Add(finding);
        if (marker.Condition != finding.Condition)
        {
            marker.Condition = finding.Condition;
        }
        await db.SaveChangesAsync(ct);
        return finding;
    }

    /// <summary>Records an inspection of a line: a joint one (its round and both sides' participants) or an ad-hoc one (its reason: a disaster, works).</summary>
    public async Task<BoundaryInspection> AddInspectionAsync(Guid lineId, InspectionInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var line = await LoadAsync(lineId, ct);
        var errors = new ValidationErrors();
        if (input.Kind is not { } kind || !Enum.IsDefined(kind)) errors.Add("kind", "请选择检查类型（联合检查、专项检查）");
        if (input.Year is not { } year || year > clock.Today.Year) errors.Add("year", "请填写检查年度（不晚于今年）");
        if (input.Kind == InspectionKind.Joint && string.IsNullOrWhiteSpace(input.Participants)) errors.Add("participants", "联合检查须填写双方参加单位");
        if (input.Kind == InspectionKind.Joint && string.IsNullOrWhiteSpace(input.Round)) errors.Add("round", "联合检查须填写轮次");
        if (input.Kind == InspectionKind.AdHoc && string.IsNullOrWhiteSpace(input.Reason)) errors.Add("reason", "专项检查须填写原因（如 地震、洪涝、工程建设）");
        errors.ThrowIfAny();
        var inspection = new BoundaryInspection
        {
            LineId = line.Id,
            Kind = input.Kind!.Value,
            Year = input.Year!.Value,
            Round = input.Round?.Trim() ?? "",
            Sections = input.Sections?.Trim() ?? "",
            Participants = input.Participants?.Trim() ?? "",
            Reason = input.Reason?.Trim() ?? "",
        };
        db.Add(inspection);
        await db.SaveChangesAsync(ct);
        return inspection;
    }

    /// <summary>Marks a finding's task (re-burial, repaint …) done on a date between the finding and today.</summary>
    public async Task<MarkerFinding> CompleteTaskAsync(Guid markerId, Guid findingId, TaskDoneInput input, CancellationToken ct = default)
    {
        var (_, marker) = await LoadMarkerAsync(markerId, ct);
        var finding = marker.Findings.FirstOrDefault(f => f.Id == findingId) ?? throw AppProblem.NotFound("检查记录");
        if (finding.Task.Length == 0) throw AppProblem.Field("doneOn", "这条检查记录没有维护任务");
        if (input.DoneOn is not { } done || done > clock.Today || done < finding.FoundOn) throw AppProblem.Field("doneOn", "完成日期须在检查日期与今天之间");
        finding.DoneOn = done;
        await db.SaveChangesAsync(ct);
        return finding;
    }

    /// <summary>Records a dispute screened on a line, or (with its id and version) moves it on; a settled one needs its date and outcome.</summary>
    public async Task<BoundaryDispute> SaveDisputeAsync(Guid lineId, Guid? disputeId, DisputeInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var line = await LoadAsync(lineId, ct);
        var dispute = disputeId is { } id ? line.Disputes.FirstOrDefault(d => d.Id == id) ?? throw AppProblem.NotFound("界线争议") : null;
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(input.Title)) errors.Add("title", "请填写争议事项");
        if (input.Status is not { } status || !Enum.IsDefined(status)) errors.Add("status", "请选择状态");
        if (input.ReportedOn is not { } reported || reported > clock.Today || reported.Year < 1950) errors.Add("reportedOn", "请填写排查登记日期（不晚于今天）");
        if (input.Status == DisputeStatus.Settled && (input.SettledOn is null || string.IsNullOrWhiteSpace(input.Outcome)))
            errors.Add("settledOn", "已解决的争议须填写解决日期和处理结果");
        if (input.SettledOn is { } settled && (settled > clock.Today || (input.ReportedOn is { } r && settled < r))) errors.Add("settledOn", "解决日期须在登记日期与今天之间");
        if (dispute is not null && input.Version is null) errors.Add("version", "缺少版本号");
        errors.ThrowIfAny();
        if (dispute is null)
        {
            dispute = new BoundaryDispute { LineId = line.Id, Title = "" };
            db.Add(dispute);
        }
        else
        {
            db.ExpectVersion(dispute, input.Version!.Value);
        }
        dispute.Title = input.Title!.Trim();
        dispute.Location = input.Location?.Trim() ?? "";
        dispute.Description = input.Description?.Trim() ?? "";
        dispute.Status = input.Status!.Value;
        dispute.ReportedOn = input.ReportedOn!.Value;
        dispute.SettledOn = input.Status == DisputeStatus.Settled ? input.SettledOn : null;
        dispute.Outcome = input.Outcome?.Trim() ?? "";
        await db.SaveChangesAsync(ct);
        return dispute;
    }

    public BoundaryLineView View(BoundaryLine l, bool detail) => View(l, detail, clock.Today, c => divisions.Find(c) is not null);

    /// <summary>A side is ours when it is a division in our data (an outside side, 广东省信宜市, is shown by its name and code only).</summary>
    public static BoundaryLineView View(BoundaryLine l, bool detail, DateOnly today, Func<string, bool> ours) => new(l.Id, l.Name, l.Level, BoundaryLabels.Level(l.Level), l.DivisionCode,
        [new SideView(l.SideACode, l.SideAName, ours(l.SideACode)), new SideView(l.SideBCode, l.SideBName, ours(l.SideBCode))], l.AgreementDocument, l.LengthKm,
        l.DetailMapReference, l.IsDemo, l.Version, l.Markers.Count,
        detail ? l.Markers.OrderBy(m => m.Number, StringComparer.Ordinal).Select(m => MarkerViewOf(m, today)).ToList() : null,
        detail ? l.Inspections.OrderBy(i => i.Year).Select(i => new InspectionView(i.Id, i.Kind, i.Year, i.Round, i.Sections, i.Participants, i.Reason)).ToList() : null,
        detail ? l.Disputes.OrderBy(d => d.ReportedOn).Select(d => new DisputeView(d.Id, d.Title, d.Location, d.Description, d.Status, BoundaryLabels.Dispute(d.Status), d.ReportedOn,
            d.SettledOn, d.Outcome, d.Version)).ToList() : null);

    public static MarkerView MarkerViewOf(BoundaryMarker m, DateOnly today) => new(m.Id, m.Number, m.Kind, BoundaryLabels.Kind(m.Kind), m.Longitude, m.Latitude,
        m.ResponsibleSideCode, m.Condition, BoundaryLabels.Condition(m.Condition), m.Note, m.Version,
        m.Findings.OrderBy(f => f.FoundOn).Select(f => new FindingView(f.Id, f.InspectionId, f.FoundOn, f.Condition, f.Description, f.Task, f.Deadline, f.DoneOn,
            f.Deadline is { } d && f.DoneOn is null && d < today)).ToList());

    /// <summary>A LineString or MultiLineString (bare, or in a Feature) with positions in China's longitude/latitude range; null otherwise.</summary>
    public static JsonNode? LineGeometry(string geoJson)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(geoJson);
        }
        catch (JsonException)
        {
            return null;
        }
        if (node is JsonObject o && o["type"] is JsonValue t && t.TryGetValue<string>(out var type) && type == "Feature") node = o["geometry"];
        if (node is not JsonObject g || g["type"] is not JsonValue tv || !tv.TryGetValue<string>(out var kind) || g["coordinates"] is not JsonArray coords) return null;
        var ok = kind switch
        {
            "LineString" => Positions(coords),
            "MultiLineString" => coords.Count > 0 && coords.All(c => c is JsonArray a && Positions(a)),
            _ => false,
        };
        return ok ? new JsonObject { ["type"] = kind, ["coordinates"] = coords.DeepClone() } : null;
    }

    private static bool Positions(JsonArray line) => line.Count >= 2 && line.All(p => p is JsonArray pos && pos.Count >= 2
        && Number(pos[0]) is >= 73 and <= 136 && Number(pos[1]) is >= 3 and <= 54);

    private static double? Number(JsonNode? n) => n is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<double>() : null;

    internal static string Invariant(decimal d) => d.ToString(CultureInfo.InvariantCulture);
}

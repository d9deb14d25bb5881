using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Geography.PlaceNames;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Files;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Geography.Signs;

public sealed record CleanupInput
{
    [Text(PlaceNameLimits.Name)] public string? FoundName { get; init; }
    public NameUse? Use { get; init; }
    [Text(200)] public string? Location { get; init; }
    [Text(12)] public string? DivisionCode { get; init; }
    public Guid? StandardNameId { get; init; }
    [Text(PlaceNameLimits.Name)] public string? StandardName { get; init; }
    public DateOnly? FoundOn { get; init; }
    [Text(1000)] public string? Note { get; init; }
}

public sealed record CleanupMeasureInput(CleanupMeasure? Measure, DateOnly? Deadline, int? Version);

public sealed record CleanupDoneInput(DateOnly? DoneOn, [property: Text(1000)] string? Note, int? Version);

public sealed record SignInput
{
    public SignKind? Kind { get; init; }
    public Guid? PlaceNameId { get; init; }
    [Text(100)] public string? Text { get; init; }
    [Text(200)] public string? Location { get; init; }
    [Text(12)] public string? DivisionCode { get; init; }
    [Within(73, 136)] public decimal? Longitude { get; init; }
    [Within(3, 54)] public decimal? Latitude { get; init; }
    [Text(50)] public string? Material { get; init; }
    public DateOnly? InstalledOn { get; init; }
}

public sealed record SignCheckInput(DateOnly? CheckedOn, SignCondition? Condition, [property: Text(1000)] string? Note, DateOnly? RepairedOn,
    [property: Text(1000)] string? RepairNote, int? Version);

/// <summary>
/// The clean-up ledger and the name signs (issue 17 item 3): record a non-standard name found in use, order the measure with
/// its deadline, record it done; register a sign, inspect it (the condition found) and record its repair, attach photos. A
/// sign's condition is the last inspection's, after its repair if one was recorded.
/// </summary>
public sealed class SignCases(AppDbContext db, ICurrentUser user, BusinessClock clock, DivisionDirectory divisions, CaseNumbers numbers, FileStore files, AuditLog audit)
{
    public async Task<CleanupCase> RecordCleanupAsync(CleanupInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(input.FoundName)) errors.Add("foundName", "请填写发现使用的不规范地名");
        if (input.Use is not { } use || !Enum.IsDefined(use)) errors.Add("use", "请选择使用场合");
        if (string.IsNullOrWhiteSpace(input.Location)) errors.Add("location", "请填写发现地点");
        CheckDivision(input.DivisionCode, errors);
        if (input.FoundOn is not { } found || found > clock.Today) errors.Add("foundOn", "请填写发现日期（不晚于今天）");
        PlaceName? standard = null;
        if (input.StandardNameId is { } sid && (standard = await db.Set<PlaceName>().AsNoTracking().FirstOrDefaultAsync(n => n.Id == sid, ct)) is null)
            errors.Add("standardNameId", "所选标准地名不存在或不在您的管辖范围内");
        errors.ThrowIfAny();
        var c = new CleanupCase
        {
            Number = await numbers.NextAsync(new NumberSeries("DMQL", clock.Today.Year, 5), db.Set<CleanupCase>().IgnoreQueryFilters().Select(x => (string?)x.Number), ct),
            FoundName = input.FoundName!.Trim(),
            Use = input.Use!.Value,
            Location = input.Location!.Trim(),
            DivisionCode = input.DivisionCode!,
            StandardNameId = standard?.Id,
            StandardName = standard?.Name ?? input.StandardName?.Trim() ?? "",
            FoundOn = input.FoundOn!.Value,
            Note = input.Note?.Trim() ?? "",
            CreatedBy = user.UserName,
        };
        db.Add(c);
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task<CleanupCase> LoadCleanupAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<CleanupCase>().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw AppProblem.NotFound("不规范地名清理记录");

    public async Task<CleanupCase> OrderAsync(Guid id, CleanupMeasureInput input, CancellationToken ct = default)
    {
        var c = await LoadCleanupAsync(id, ct);
        if (input.Version is not { } version) throw AppProblem.Field("version", "缺少版本号");
        var errors = new ValidationErrors();
        if (input.Measure is not { } m || !Enum.IsDefined(m)) errors.Add("measure", "请选择整改措施");
        if (input.Measure != CleanupMeasure.KeepAfterReview && (input.Deadline is not { } d || d < clock.Today)) errors.Add("deadline", "请填写整改期限（不早于今天）");
        errors.ThrowIfAny();
        db.ExpectVersion(c, version);
        if (c.DoneOn is not null) throw AppProblem.Conflict("geo_cleanup_done", $"{c.Number} 已整改完毕");
        c.Measure = input.Measure;
        c.Deadline = input.Measure == CleanupMeasure.KeepAfterReview ? null : input.Deadline;
        if (input.Measure == CleanupMeasure.KeepAfterReview) c.DoneOn = clock.Today;
        audit.Add("order-place-name-cleanup", "geo_cleanup_case", c.Id.ToString(), new { c.Number, c.Measure, c.Deadline }, c.DivisionCode);
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task<CleanupCase> DoneAsync(Guid id, CleanupDoneInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var c = await LoadCleanupAsync(id, ct);
        if (input.Version is not { } version) throw AppProblem.Field("version", "缺少版本号");
        if (input.DoneOn is not { } on || on > clock.Today || on < c.FoundOn) throw AppProblem.Field("doneOn", "请填写整改完成日期（发现之后、不晚于今天）");
        db.ExpectVersion(c, version);
        if (c.Measure is null) throw AppProblem.Conflict("geo_cleanup_no_measure", $"{c.Number} 尚未确定整改措施");
        if (c.DoneOn is not null) throw AppProblem.Conflict("geo_cleanup_done", $"{c.Number} 已整改完毕");
        c.DoneOn = on;
        if (!string.IsNullOrWhiteSpace(input.Note)) c.Note = (c.Note + "\n" + input.Note.Trim()).Trim();
        audit.Add("place-name-cleanup-done", "geo_cleanup_case", c.Id.ToString(), new { c.Number, on }, c.DivisionCode);
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task<NameSign> RegisterSignAsync(SignInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var errors = new ValidationErrors();
        if (input.Kind is not { } kind || !Enum.IsDefined(kind)) errors.Add("kind", "请选择标志类型");
        if (string.IsNullOrWhiteSpace(input.Location)) errors.Add("location", "请填写设置地点");
        CheckDivision(input.DivisionCode, errors);
        if ((input.Longitude is null) != (input.Latitude is null)) errors.Add("latitude", "经度和纬度须同时填写");
        if (input.InstalledOn is { } on && on > clock.Today) errors.Add("installedOn", "设置日期不能晚于今天");
        PlaceName? name = null;
        if (input.PlaceNameId is { } pid && (name = await db.Set<PlaceName>().AsNoTracking().FirstOrDefaultAsync(n => n.Id == pid, ct)) is null)
            errors.Add("placeNameId", "所选地名不存在或不在您的管辖范围内");
        if (name is null && string.IsNullOrWhiteSpace(input.Text)) errors.Add("text", "请填写标志上的地名或选择地名库中的地名");
        errors.ThrowIfAny();
        var sign = new NameSign
        {
            Number = await numbers.NextAsync(new NumberSeries("DMBZ", clock.Today.Year, 5), db.Set<NameSign>().IgnoreQueryFilters().Select(x => (string?)x.Number), ct),
            Kind = input.Kind!.Value,
            PlaceNameId = name?.Id,
            // the sign shows the standard name and its romanisation (第十八条; GB 17733)
            Text = name is not null ? $"{name.Name} {name.Pinyin}" : input.Text!.Trim(),
            Location = input.Location!.Trim(),
            DivisionCode = input.DivisionCode!,
            Longitude = input.Longitude,
            Latitude = input.Latitude,
            Material = input.Material?.Trim() ?? "",
            InstalledOn = input.InstalledOn,
        };
        db.Add(sign);
        await db.SaveChangesAsync(ct);
        return sign;
    }

    public async Task<NameSign> LoadSignAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<NameSign>().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw AppProblem.NotFound("地名标志");

    public async Task<NameSign> InspectAsync(Guid id, SignCheckInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var sign = await LoadSignAsync(id, ct);
        if (input.Version is not { } version) throw AppProblem.Field("version", "缺少版本号");
        var errors = new ValidationErrors();
        if (input.CheckedOn is not { } on || on > clock.Today) errors.Add("checkedOn", "请填写巡查日期（不晚于今天）");
        if (input.Condition is not { } condition || !Enum.IsDefined(condition)) errors.Add("condition", "请选择巡查发现的状况");
        if (input.RepairedOn is { } r && (input.CheckedOn is not { } c0 || r < c0 || r > clock.Today)) errors.Add("repairedOn", "维修日期应在巡查之后、不晚于今天");
        if (input.RepairedOn is not null && input.Condition == SignCondition.Good) errors.Add("repairedOn", "标志完好，无须维修");
        errors.ThrowIfAny();
        db.ExpectVersion(sign, version);
        db.Add(new NameSignCheck
        {
            SignId = sign.Id,
            DivisionCode = sign.DivisionCode,
            CheckedOn = input.CheckedOn!.Value,
            Condition = input.Condition!.Value,
            Note = input.Note?.Trim() ?? "",
            RepairedOn = input.RepairedOn,
            RepairNote = input.RepairNote?.Trim() ?? "",
            CheckedBy = user.UserName,
        });
        if (sign.LastInspectedOn is null || input.CheckedOn >= sign.LastInspectedOn)
        {
            sign.LastInspectedOn = input.CheckedOn;
            sign.Condition = input.RepairedOn is not null ? SignCondition.Good : input.Condition!.Value;
        }
        sign.Version++;
        audit.Add("inspect-name-sign", "geo_name_sign", sign.Id.ToString(), new { sign.Number, input.CheckedOn, input.Condition, input.RepairedOn }, sign.DivisionCode);
        await db.SaveChangesAsync(ct);
        return sign;
    }

    public async Task<NameSignPhoto> AttachPhotoAsync(Guid id, string fileName, Stream content, CancellationToken ct = default)
    {
        var sign = await LoadSignAsync(id, ct);
        UploadKinds.Materials.EnsureAllowed("file", fileName);
        var stored = await files.SaveAsync(fileName, content, ct);
        var photo = new NameSignPhoto { SignId = sign.Id, DivisionCode = sign.DivisionCode, FileId = stored.Id, FileName = stored.FileName };
        db.Add(photo);
        await db.SaveChangesAsync(ct);
        return photo;
    }

    private void CheckDivision(string? code, ValidationErrors errors)
    {
        if (divisions.Find(code) is null) errors.Add("divisionCode", "请选择所在行政区划");
        else if (!user.Scope.Contains(code)) errors.Add("divisionCode", "该地区不在您的管辖范围内");
    }
}

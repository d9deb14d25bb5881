using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Geography.Signs;

/// <summary>The clean-up ledger and the name signs: services and the API under /api/v1/place-names/cleanup and /signs.</summary>
public static class SignsSetup
{
    public static IServiceCollection AddNameSigns(this IServiceCollection services) => services.AddScoped<SignCases>();

    public sealed record CleanupRow(Guid Id, string Number, string FoundName, NameUse Use, string UseName, string Location, string DivisionCode, string DivisionName,
        Guid? StandardNameId, string StandardName, DateOnly FoundOn, CleanupMeasure? Measure, string MeasureName, DateOnly? Deadline, DateOnly? DoneOn, bool Overdue,
        string StatusName, string Note, int Version);

    public sealed record SignRow(Guid Id, string Number, SignKind Kind, string KindName, Guid? PlaceNameId, string Text, string Location, string DivisionCode,
        string DivisionName, decimal? Longitude, decimal? Latitude, string Material, DateOnly? InstalledOn, SignCondition Condition, string ConditionName,
        DateOnly? LastInspectedOn, bool IsDemo, int Version);

    public static CleanupRow Row(CleanupCase c, DivisionDirectory divisions, DateOnly today) =>
        new(c.Id, c.Number, c.FoundName, c.Use, SignLabels.Use(c.Use), c.Location, c.DivisionCode, divisions.FullName(c.DivisionCode), c.StandardNameId, c.StandardName,
            c.FoundOn, c.Measure, SignLabels.Measure(c.Measure), c.Deadline, c.DoneOn, c.IsOverdue(today), SignLabels.CaseStatus(c, today), c.Note, c.Version);

    public static SignRow Row(NameSign s, DivisionDirectory divisions) =>
        new(s.Id, s.Number, s.Kind, SignLabels.Kind(s.Kind), s.PlaceNameId, s.Text, s.Location, s.DivisionCode, divisions.FullName(s.DivisionCode), s.Longitude,
            s.Latitude, s.Material, s.InstalledOn, s.Condition, SignLabels.Condition(s.Condition), s.LastInspectedOn, s.IsDemo, s.Version);

    /// <summary>The ledger in scope: open first (overdue among them first), newest found first.</summary>
    public static IQueryable<CleanupCase> Cleanup(AppDbContext db, bool? open, bool? overdue, DateOnly today) =>
        db.Set<CleanupCase>().AsNoTracking()
            .Where(c => open != true || c.DoneOn == null)
            .Where(c => overdue != true || (c.DoneOn == null && c.Deadline < today))
            .OrderBy(c => c.DoneOn != null).ThenByDescending(c => c.FoundOn).ThenBy(c => c.Id);

    /// <summary>Signs in scope; <paramref name="toRepair"/> lists those whose last inspection found them damaged, missing or wrong.</summary>
    public static IQueryable<NameSign> Signs(AppDbContext db, bool? toRepair) =>
        db.Set<NameSign>().AsNoTracking().Where(s => toRepair != true || s.Condition != SignCondition.Good).OrderBy(s => s.DivisionCode).ThenBy(s => s.Number);

    public static void MapNameSigns(this IEndpointRouteBuilder app)
    {
        var read = Permissions.Policy(GeographyPermissions.Read);
        var manage = Permissions.Policy(GeographyPermissions.Manage);
        var api = app.MapGroup("/api/v1/place-names").WithTags("PlaceNames");
        api.MapGet("/cleanup", async (bool? open, bool? overdue, int? page, int? pageSize, AppDbContext db, DivisionDirectory divisions, BusinessClock clock, CancellationToken ct) =>
        {
            var today = clock.Today;
            var paged = await Cleanup(db, open, overdue, today).ToPagedAsync(PageRequest.From(page, pageSize, 50), ct);
            return TypedResults.Ok(paged.Select(c => Row(c, divisions, today)));
        }).RequireAuthorization(read).WithSummary("不规范地名清理台账（逾期未整改的读取时标出），分页 { items, total }");
        api.MapPost("/cleanup", async (CleanupInput input, SignCases cases, DivisionDirectory divisions, BusinessClock clock, CancellationToken ct) =>
        {
            var c = await cases.RecordCleanupAsync(input, ct);
            return TypedResults.Created($"/api/v1/place-names/cleanup/{c.Id}", Row(c, divisions, clock.Today));
        }).RequireAuthorization(manage).WithSummary("登记发现使用的不规范地名（地点、场合、应使用的标准地名）");
        api.MapGet("/cleanup/{id:guid}", async (Guid id, SignCases cases, DivisionDirectory divisions, BusinessClock clock, CancellationToken ct) =>
                TypedResults.Ok(Row(await cases.LoadCleanupAsync(id, ct), divisions, clock.Today)))
            .RequireAuthorization(read).WithSummary("一条不规范地名清理记录");
        api.MapPost("/cleanup/{id:guid}/measure", async (Guid id, CleanupMeasureInput input, SignCases cases, DivisionDirectory divisions, BusinessClock clock, CancellationToken ct) =>
                TypedResults.Ok(Row(await cases.OrderAsync(id, input, ct), divisions, clock.Today)))
            .RequireAuthorization(manage).WithSummary("确定整改措施和期限（经审查保留的即办结）");
        api.MapPost("/cleanup/{id:guid}/done", async (Guid id, CleanupDoneInput input, SignCases cases, DivisionDirectory divisions, BusinessClock clock, CancellationToken ct) =>
                TypedResults.Ok(Row(await cases.DoneAsync(id, input, ct), divisions, clock.Today)))
            .RequireAuthorization(manage).WithSummary("登记整改完成");
        api.MapGet("/signs", async (bool? toRepair, int? page, int? pageSize, AppDbContext db, DivisionDirectory divisions, CancellationToken ct) =>
                TypedResults.Ok((await Signs(db, toRepair).ToPagedAsync(PageRequest.From(page, pageSize, 50), ct)).Select(s => Row(s, divisions))))
            .RequireAuthorization(read).WithSummary("地名标志（toRepair=true 只列待维修的），分页 { items, total }");
        api.MapPost("/signs", async (SignInput input, SignCases cases, DivisionDirectory divisions, CancellationToken ct) =>
        {
            var s = await cases.RegisterSignAsync(input, ct);
            return TypedResults.Created($"/api/v1/place-names/signs/{s.Id}", Row(s, divisions));
        }).RequireAuthorization(manage).WithSummary("登记地名标志（选用地名库中的地名时，标志内容为标准地名及其罗马字母拼写）");
        api.MapGet("/signs/{id:guid}", async (Guid id, SignCases cases, DivisionDirectory divisions, AppDbContext db, CancellationToken ct) =>
        {
            var s = await cases.LoadSignAsync(id, ct);
            var checks = await db.Set<NameSignCheck>().AsNoTracking().Where(c => c.SignId == s.Id).OrderByDescending(c => c.CheckedOn).ThenBy(c => c.Id)
                .Select(c => new { c.Id, c.CheckedOn, c.Condition, c.Note, c.RepairedOn, c.RepairNote, c.CheckedBy }).ToListAsync(ct);
            return TypedResults.Ok(new { sign = Row(s, divisions), checks });
        }).RequireAuthorization(read).WithSummary("一块地名标志及其巡查、维修记录");
        api.MapPost("/signs/{id:guid}/checks", async (Guid id, SignCheckInput input, SignCases cases, DivisionDirectory divisions, CancellationToken ct) =>
                TypedResults.Ok(Row(await cases.InspectAsync(id, input, ct), divisions)))
            .RequireAuthorization(manage).WithSummary("登记巡查（发现的状况）及维修");
        api.MapPost("/signs/{id:guid}/photos", async (Guid id, IFormFile? file, SignCases cases, CancellationToken ct) =>
            {
                if (file is null || file.Length == 0) throw AppProblem.Field("file", "请上传照片（.jpg、.png 或 .pdf）");
                await using var stream = file.OpenReadStream();
                var photo = await cases.AttachPhotoAsync(id, file.FileName, stream, ct);
                return TypedResults.Created($"/api/v1/place-names/signs/{id}/photos", new { photo.Id, photo.FileId, photo.FileName });
            })
            .DisableAntiforgery().RequireAuthorization(manage).WithSummary("上传地名标志照片（multipart/form-data：file）");
        api.MapGet("/signs/{id:guid}/photos/{photoId:guid}", async (Guid id, Guid photoId, SignCases cases, AppDbContext db, Platform.Files.FileStore files, CancellationToken ct) =>
        {
            var sign = await cases.LoadSignAsync(id, ct); // through the scope filter: another county gets 404
            var photo = await db.Set<NameSignPhoto>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == photoId && p.SignId == sign.Id, ct) ?? throw AppProblem.NotFound("照片");
            var file = await db.Set<Platform.Files.StoredFile>().AsNoTracking().FirstAsync(f => f.Id == photo.FileId, ct);
            return Results.File(files.OpenRead(file), file.ContentType, file.FileName);
        }).RequireAuthorization(read).WithSummary("地名标志的一张照片");
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Minzheng.Web.Platform;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Commands;
using Minzheng.Web.Platform.Files;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Jobs;
using Minzheng.Web.Platform.Tasks;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Rescue.Search;

/// <summary>Family search (issue 15 item 4, the search half): services, the sweep, the staff API under /search and the public notices.</summary>
public static class SearchSetup
{
    public const string PublicApi = "/api/v1/public/rescue/notices";

    public static IServiceCollection AddRescueSearch(this IServiceCollection services)
    {
        services.AddScoped<FamilySearch>();
        services.AddScoped<Platform.Faces.IFaceSubjects, StayFaces>();
        services.AddScoped<FamilyInquiries>();
        services.AddScoped<PublicNotices>();
        services.AddScoped<IWorkItemSource, SearchWorkItems>();
        services.AddSingleton<IKeyRotationParticipant, InquiryPhoneKeyRotation>();
        services.AddSingleton<Platform.Data.IModuleInitializer, SearchInitializer>();
        services.AddRecurringJob<SearchSweep>(SearchSweep.Kind, "寻亲公告、DNA 采血逾期检查", SearchSweep.Every, SearchSweep.FirstAfter);
        return services;
    }

    public static void MapRescueSearch(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/search");
        var read = Permissions.Policy(RescuePermissions.Read);
        var work = Permissions.Policy(SearchPermissions.Work);

        g.MapGet("/notices", async (string? status, int? page, int? pageSize, Platform.Data.AppDbContext db, BusinessClock clock, CancellationToken ct) =>
        {
            var rows = await SearchLists.NoticesAsync(db, clock, status, PageRequest.From(page, pageSize, 50), ct);
            return TypedResults.Ok(new { items = rows.Items, total = rows.Total });
        }).RequireAuthorization(read).WithSummary("寻亲公告列表（status: all/draft/published/withdrawn/overdue），含发布时限和 DNA 送检时限状态，分页 { items, total }");

        g.MapPost("/stays/{stayId:guid}/open", async (Guid stayId, FamilySearch search, CancellationToken ct) => TypedResults.Ok(ToDto(await search.OpenAsync(stayId, ct))))
            .RequireAuthorization(work).WithSummary("为身份不明的受助人员开始寻亲：按在站记录拟寻亲公告、建立 DNA 采血比对记录（已存在则原样返回）");
        g.MapGet("/stays/{stayId:guid}", async (Guid stayId, FamilySearch search, CancellationToken ct) => TypedResults.Ok(ToDto(await search.LoadAsync(stayId, ct))))
            .RequireAuthorization(read).WithSummary("一名受助人员的寻亲：寻亲公告、DNA 采血比对及其时限状态");
        g.MapPut("/stays/{stayId:guid}/notice", async (Guid stayId, NoticeInput? input, FamilySearch search, CancellationToken ct) =>
            TypedResults.Ok(ToDto(await search.SaveNoticeAsync(stayId, input ?? new NoticeInput(), ct))))
            .RequireAuthorization(work).WithSummary("修改寻亲公告（version 过期 409；sex: male/female）");
        g.MapPost("/stays/{stayId:guid}/notice/photo", async (Guid stayId, IFormFile? photo, FamilySearch search, CancellationToken ct) =>
            {
                if (photo is null || photo.Length == 0) throw AppProblem.Field("photo", "请选择照片（.jpg、.jpeg、.png）");
                await using var stream = photo.OpenReadStream();
                return TypedResults.Ok(ToDto(await search.SetPhotoAsync(stayId, photo.FileName, photo.Length, stream, ct)));
            })
            .DisableAntiforgery()
            .RequireAuthorization(work).WithSummary("上传寻亲公告照片（multipart/form-data，字段 photo；JPEG/PNG，5 MB 以内，内容须与扩展名相符）");
        g.MapGet("/stays/{stayId:guid}/notice/photo", async Task<IResult> (Guid stayId, FamilySearch search, FileStore files, CancellationToken ct) =>
                await search.PhotoAsync(stayId, ct) is { } f ? Results.File(files.OpenRead(f), f.ContentType) : Results.NotFound())
            .RequireAuthorization(read).WithSummary("寻亲公告照片（工作人员，任何状态）");
        g.MapPost("/stays/{stayId:guid}/notice/publish", async (Guid stayId, VersionInput? body, FamilySearch search, CancellationToken ct) =>
            TypedResults.Ok(ToDto(await search.PublishAsync(stayId, body?.Version, ct))))
            .RequireAuthorization(work).WithSummary("发布寻亲公告到公开页面 /public/rescue/notices（超过时限发布的标为逾期发布）");
        g.MapPost("/stays/{stayId:guid}/notice/withdraw", async (Guid stayId, VersionInput? body, FamilySearch search, CancellationToken ct) =>
            TypedResults.Ok(ToDto(await search.WithdrawAsync(stayId, body?.Version, body?.Reason, ct))))
            .RequireAuthorization(work).WithSummary("撤下寻亲公告（须填原因；查明身份或离站时由系统自动撤下）");
        g.MapPut("/stays/{stayId:guid}/dna", async (Guid stayId, DnaInput? input, FamilySearch search, CancellationToken ct) =>
            TypedResults.Ok(ToDto(await search.SaveDnaAsync(stayId, input ?? new DnaInput(), ct))))
            .RequireAuthorization(work).WithSummary("登记 DNA 采血比对：送检日期、公安机关、采血日期、结果（match/no_match）和结果日期");
        g.MapGet("/stays/{stayId:guid}/candidates", async (Guid stayId, FamilyInquiries inquiries, CancellationToken ct) =>
            TypedResults.Ok(new { items = (await inquiries.CandidatesForStayAsync(stayId, ct)).Select(ToDto) }))
            .RequireAuthorization(read).WithSummary("与该受助人员相符的寻人登记（评分从高到低，供人工确认）");

        g.MapGet("/inquiries", async (string? status, int? page, int? pageSize, FamilyInquiries inquiries, CancellationToken ct) =>
        {
            var rows = await inquiries.ListAsync(status, PageRequest.From(page, pageSize, 50), ct);
            return TypedResults.Ok(new { items = rows.Items.Select(ToDto), total = rows.Total });
        }).RequireAuthorization(read).WithSummary("寻人登记列表（status: all/open/confirmed/closed），分页 { items, total }");
        g.MapPost("/inquiries", async (InquiryInput? input, FamilyInquiries inquiries, CancellationToken ct) =>
        {
            var i = await inquiries.CreateAsync(input ?? new InquiryInput(), ct);
            return TypedResults.Created($"/api/v1/rescue/search/inquiries/{i.Id}", ToDto(i));
        }).RequireAuthorization(work).WithSummary("登记寻人（家属寻找走失人员）：姓名、性别、年龄、特征、走失日期和地点、寻亲人及电话");
        g.MapGet("/inquiries/{id:guid}", async (Guid id, FamilyInquiries inquiries, CancellationToken ct) => TypedResults.Ok(ToDto(await inquiries.GetAsync(id, ct))))
            .RequireAuthorization(read).WithSummary("一条寻人登记（电话脱敏）");
        g.MapPut("/inquiries/{id:guid}", async (Guid id, InquiryInput? input, FamilyInquiries inquiries, CancellationToken ct) =>
            TypedResults.Ok(ToDto(await inquiries.UpdateAsync(id, input ?? new InquiryInput(), ct))))
            .RequireAuthorization(work).WithSummary("修改寻人登记（version 过期 409；修改后重新比对）");
        g.MapGet("/inquiries/{id:guid}/candidates", async (Guid id, FamilyInquiries inquiries, CancellationToken ct) =>
            TypedResults.Ok(new { items = (await inquiries.CandidatesForInquiryAsync(id, ct)).Select(ToDto) }))
            .RequireAuthorization(read).WithSummary("与该寻人登记相符的在站身份不明人员（评分从高到低，供人工确认）");
        g.MapPost("/inquiries/{id:guid}/confirm", async (Guid id, ConfirmInput? body, FamilyInquiries inquiries, CancellationToken ct) =>
            TypedResults.Ok(ToDto(await inquiries.ConfirmAsync(id, body ?? new ConfirmInput(null, null, null), ct))))
            .RequireAuthorization(work).WithSummary("确认寻人登记与受助人员为同一人：记录确认人，受助人员身份转为已查明，寻亲公告撤下");
        g.MapPost("/inquiries/{id:guid}/close", async (Guid id, VersionInput? body, FamilyInquiries inquiries, CancellationToken ct) =>
            TypedResults.Ok(ToDto(await inquiries.CloseAsync(id, body ?? new VersionInput(null), ct))))
            .RequireAuthorization(work).WithSummary("结束寻人登记（未经本站找到：须填原因）");
    }

    public static void MapPublicNotices(this IEndpointRouteBuilder app)
    {
        app.MapGet(PublicApi, async (int? page, int? pageSize, PublicNotices notices, CancellationToken ct) =>
        {
            var r = await notices.ListAsync(PageRequest.From(page, pageSize, 20), ct);
            return TypedResults.Ok(new { items = r.Items, total = r.Total });
        }).WithTags("Rescue").AllowAnonymous().RequireRateLimiting(PlatformSetup.PublicRateLimit).WithSummary("寻亲公告（公开，无需登录），分页 { items, total }");
        app.MapGet(PublicApi + "/{id:guid}", async Task<IResult> (Guid id, PublicNotices notices, CancellationToken ct) =>
                await notices.FindAsync(id, ct) is { } n ? TypedResults.Ok(n) : throw AppProblem.NotFound("寻亲公告"))
            .WithTags("Rescue").AllowAnonymous().RequireRateLimiting(PlatformSetup.PublicRateLimit).WithSummary("一份寻亲公告（公开）");
        app.MapGet("/public/rescue/notices/{id:guid}/photo", async Task<IResult> (Guid id, PublicNotices notices, FileStore files, CancellationToken ct) =>
                await notices.PhotoAsync(id, ct) is { } f ? Results.File(files.OpenRead(f), f.ContentType) : Results.NotFound())
            .WithTags("Rescue").AllowAnonymous().RequireRateLimiting(PlatformSetup.PublicRateLimit).ExcludeFromDescription();
    }

    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static object ToDto(SearchFile f) => new
    {
        stayId = f.Stay.Id,
        stayNumber = f.Stay.Number,
        station = f.StationName,
        personName = f.PersonName,
        admittedAt = f.Stay.AdmittedAt,
        open = f.Open,
        notice = new
        {
            id = f.Notice.Id,
            status = SearchText.Code(f.Notice.Status),
            version = f.Notice.Version,
            f.Notice.Name,
            sex = SearchText.SexCode(f.Notice.Sex),
            f.Notice.Age,
            f.Notice.AgeEstimated,
            f.Notice.HeightCm,
            f.Notice.Health,
            f.Notice.MentalState,
            f.Notice.Features,
            f.Notice.Clothing,
            foundOn = Iso(f.Notice.FoundOn),
            f.Notice.FoundPlace,
            f.Notice.Contact,
            hasPhoto = f.Notice.PhotoFileId is not null,
            dueAt = f.Notice.DueAt,
            f.Notice.PublishedAt,
            f.Notice.WithdrawnAt,
            f.Notice.WithdrawnReason,
            deadline = SearchText.Code(f.NoticeState),
            overdueSince = Iso(f.Notice.OverdueSince),
        },
        dna = new
        {
            version = f.Dna.Version,
            dueOn = Iso(f.Dna.DueOn),
            requestedOn = Iso(f.Dna.RequestedOn),
            f.Dna.PoliceUnit,
            sampleTakenOn = Iso(f.Dna.SampleTakenOn),
            result = SearchText.Code(f.Dna.Result),
            resultOn = Iso(f.Dna.ResultOn),
            deadline = SearchText.Code(f.DnaState),
            overdueSince = Iso(f.Dna.OverdueSince),
        },
    };

    public static object ToDto(FamilyInquiry i) => new
    {
        i.Id,
        i.DivisionCode,
        i.Name,
        sex = SearchText.SexCode(i.Sex),
        i.Age,
        recordedOn = Iso(i.RecordedOn),
        i.Features,
        missingSince = Iso(i.MissingSince),
        i.MissingPlace,
        i.ContactName,
        contactPhone = i.ContactPhoneMasked,
        status = SearchText.Code(i.Status),
        i.MatchedStayId,
        i.ConfirmedBy,
        i.ConfirmedAt,
        i.Note,
        i.Version,
    };

    public static object ToDto(MatchCandidate c) => new
    {
        c.InquiryId,
        c.InquiryName,
        c.StayId,
        c.StayNumber,
        c.StationName,
        c.NoticeName,
        score = c.Score.Score,
        reasons = c.Score.Reasons,
    };
}

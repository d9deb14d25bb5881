using Microsoft.AspNetCore.Mvc;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Community.Admission;

/// <summary>准入 lists, departments' requests and the certificate catalogue (issue 18 item 4): services and the API.</summary>
public static class AdmissionSetup
{
    public static IServiceCollection AddAdmission(this IServiceCollection services)
    {
        services.AddScoped<AdmissionLists>();
        services.AddScoped<CommitteeCertificates>();
        services.AddSingleton<IModuleInitializer, AdmissionInitializer>();
        return services;
    }

    public static void MapAdmission(this IEndpointRouteBuilder app)
    {
        var read = Permissions.Policy(CommunityPermissions.Read);
        var oversee = Permissions.Policy(CommunityPermissions.Oversee);
        var certify = Permissions.Policy(CommunityPermissions.Certify);

        var a = app.MapGroup("/api/v1/community/admission").WithTags("Community");
        a.MapGet("/items", async ([FromQuery] WorkItemList? list, [FromQuery] bool? includeEnded, [FromQuery] int? page, [FromQuery] int? pageSize, AdmissionLists lists,
                CancellationToken ct) => TypedResults.Ok(await lists.ListItemsAsync(list, includeEnded == true, PageRequest.From(page, pageSize, 50), ct)))
            .RequireAuthorization(read).WithSummary("准入清单：duty 依法履职事项、assist 协助政府事项、forbidden 负面清单，分页 { items, total }");
        a.MapPost("/items", async (AdmissionItemInput input, AdmissionLists lists, CancellationToken ct) =>
        {
            var item = await lists.AddItemAsync(input, ct);
            return TypedResults.Created($"/api/v1/community/admission/items/{item.Id}", lists.ToDto(item));
        }).RequireAuthorization(oversee).WithSummary("增加清单事项（清单、名称、依据、负面清单匹配关键词、适用区划）");
        a.MapPost("/items/{id:guid}/end", async (Guid id, EndItemInput input, AdmissionLists lists, CancellationToken ct) =>
                TypedResults.Ok(lists.ToDto(await lists.EndItemAsync(id, input, ct))))
            .RequireAuthorization(oversee).WithSummary("停止一项清单事项（带 version、endedOn）");
        a.MapGet("/village-tasks/{villageCode}", async (string villageCode, AdmissionLists lists, CancellationToken ct) =>
                TypedResults.Ok(await lists.VillageTasksAsync(villageCode, ct)))
            .RequireAuthorization(read).WithSummary("一个村（社区）承担的事项：依法履职事项和经准入的协助政府事项");
        a.MapGet("/requests", async ([FromQuery] AdmissionRequestStatus? status, [FromQuery] int? page, [FromQuery] int? pageSize, AdmissionLists lists, CancellationToken ct) =>
                TypedResults.Ok(await lists.ListRequestsAsync(status, PageRequest.From(page, pageSize), ct)))
            .RequireAuthorization(read).WithSummary("部门进村事项申请（submitted 待审批、approved、refused），分页 { items, total }");
        a.MapGet("/requests/{id:guid}", async (Guid id, AdmissionLists lists, CancellationToken ct) => TypedResults.Ok(await lists.RequestDtoAsync(id, ct)))
            .RequireAuthorization(read).WithSummary("一件部门进村事项申请，含负面清单比对结果");
        a.MapPost("/requests", async (AdmissionRequestInput input, AdmissionLists lists, CancellationToken ct) =>
        {
            var r = await lists.SubmitAsync(input, ct);
            return TypedResults.Created($"/api/v1/community/admission/requests/{r.Id}", await lists.RequestDtoAsync(r.Id, ct));
        }).RequireAuthorization(oversee).WithSummary("登记部门进村事项申请（部门、事项、依据、经费来源和金额（元）、适用区划）");
        a.MapPost("/requests/{id:guid}/approve", async (Guid id, AdmissionDecisionInput input, AdmissionLists lists, CancellationToken ct) =>
        {
            await lists.ApproveAsync(id, input, ct);
            return TypedResults.Ok(await lists.RequestDtoAsync(id, ct));
        }).RequireAuthorization(oversee).WithSummary("批准准入（带 version）：须写明委托部门承担的经费（村委会组织法第三十七条）；负面清单事项不能批准");
        a.MapPost("/requests/{id:guid}/refuse", async (Guid id, AdmissionDecisionInput input, AdmissionLists lists, CancellationToken ct) =>
        {
            await lists.RefuseAsync(id, input, ct);
            return TypedResults.Ok(await lists.RequestDtoAsync(id, ct));
        }).RequireAuthorization(oversee).WithSummary("不予准入（带 version 和理由；负面清单事项自动写明依据）");

        var c = app.MapGroup("/api/v1/community/certificates").WithTags("Community");
        c.MapGet("/types", async ([FromQuery] bool? allowed, CommitteeCertificates certificates, CancellationToken ct) => TypedResults.Ok(await certificates.TypesAsync(allowed, ct)))
            .RequireAuthorization(read).WithSummary("证明事项目录：可以出具的（依据）和不得出具的（民发〔2020〕20号，及替代办法）");
        c.MapPost("/types", async (CertificateTypeInput input, CommitteeCertificates certificates, CancellationToken ct) =>
        {
            var t = await certificates.AddTypeAsync(input, ct);
            return TypedResults.Created($"/api/v1/community/certificates/types/{t.Id}", certificates.ToDto(t));
        }).RequireAuthorization(oversee).WithSummary("增加证明事项（代码、名称、是否可以出具、依据、替代办法、施行日期、文件）");
        c.MapPost("/types/{id:guid}/end", async (Guid id, EndTypeInput input, CommitteeCertificates certificates, CancellationToken ct) =>
                TypedResults.Ok(certificates.ToDto(await certificates.EndTypeAsync(id, input, ct))))
            .RequireAuthorization(oversee).WithSummary("停止一项证明事项（带 version、validTo）");
        c.MapGet("", async ([FromQuery] Guid? committeeId, [FromQuery] string? divisionCode, [FromQuery] string? typeCode, [FromQuery] DateOnly? from, [FromQuery] DateOnly? to,
                [FromQuery] int? page, [FromQuery] int? pageSize, CommitteeCertificates certificates, CancellationToken ct) =>
                TypedResults.Ok(await certificates.ListAsync(new(committeeId, divisionCode, typeCode, from, to), PageRequest.From(page, pageSize), ct)))
            .RequireAuthorization(read).WithSummary("村（居）委会出具证明登记簿，分页 { items, total }");
        c.MapGet("/counts", async ([FromQuery] Guid? committeeId, [FromQuery] string? divisionCode, [FromQuery] DateOnly? from, [FromQuery] DateOnly? to,
                CommitteeCertificates certificates, CancellationToken ct) => TypedResults.Ok(await certificates.CountsAsync(new(committeeId, divisionCode, null, from, to), ct)))
            .RequireAuthorization(read).WithSummary("出具证明数：合计、按证明事项、按村（居）");
        c.MapGet("/{id:guid}", async (Guid id, CommitteeCertificates certificates, CancellationToken ct) => TypedResults.Ok(await certificates.DtoAsync(id, ct)))
            .RequireAuthorization(read).WithSummary("一份证明");
        c.MapPost("", async (CertificateInput input, CommitteeCertificates certificates, CancellationToken ct) =>
        {
            var cert = await certificates.IssueAsync(input, ct);
            return TypedResults.Created($"/api/v1/community/certificates/{cert.Id}", await certificates.DtoAsync(cert.Id, ct));
        }).RequireAuthorization(certify)
            .WithSummary("出具证明：只限目录中可以出具且在施行期内的证明事项；不得出具的证明（民发〔2020〕20号）返回 409 com_certificate_forbidden 并说明依据和替代办法");
    }
}

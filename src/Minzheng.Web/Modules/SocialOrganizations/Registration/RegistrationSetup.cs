using Microsoft.AspNetCore.Mvc;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Tasks;

namespace Minzheng.Web.Modules.SocialOrganizations.Registration;

/// <summary>Registration (issue 14 item 1) and the module's read side: the list, one organisation, the applications.</summary>
public static class RegistrationSetup
{
    public sealed record ApplicationDto(Guid Id, string Number, string Kind, string KindName, string Status, string StatusName, string Channel,
        Guid? OrganizationId, string OrganizationKind, string Level, bool CityWide, string DivisionCode, string AuthorityDivisionCode, string ApplicantName,
        string Name, string LegalRepresentative, string Address, string? SupervisingUnit, string Category, string Purpose, string BusinessScope,
        decimal RegisteredCapital, bool IsTradeAssociation, string? Reason, IReadOnlyList<string> Materials, DateOnly SubmittedOn, DateOnly? AcceptedOn,
        DateOnly? DueOn, string? DueBasis, DateOnly? DecidedOn, string? Grounds, string? CertificateNumber, string? AccountUserName, Guid? WorkflowCaseId, int Version);

    public sealed record DecisionDto(ApplicationDto Application, Guid? OrganizationId, string? CreditCode, string? CertificateNumber, string? AccountUserName, string? OneTimePassword);

    public sealed record MaterialDto(string Code, string Name);

    public static IServiceCollection AddRegistration(this IServiceCollection services)
    {
        services.AddScoped<RegistrationApplications>();
        services.AddScoped<RegistryQueries>();
        services.AddSingleton(RegistrationProcess.Model);
        services.AddSingleton(new WorkflowSubjectLink(RegistrationProcess.SubjectType, "/social-organizations/applications/{0}"));
        services.AddSingleton<Platform.Data.IModuleInitializer, RegistrationInitializer>();
        return services;
    }

    public static void MapRegistration(this RouteGroupBuilder api)
    {
        var read = Permissions.Policy(SocialOrganizationPermissions.Read);
        api.MapGet("", async ([FromQuery] string? q, [FromQuery] string? kind, [FromQuery] string? level, [FromQuery] string? county, [FromQuery] string? status,
                [FromQuery] int? page, [FromQuery] int? pageSize, RegistryQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.ListAsync(new RegistryFilter(q, kind, level, county, status), PageRequest.From(page, pageSize), ct)))
            .RequireAuthorization(read).WithSummary("社会组织名录（分页；按名称、拼音、信用代码、类型、层级、县、状态筛选）");
        api.MapGet("/{id:guid}", async (Guid id, RegistryQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.DetailAsync(id, ct)))
            .RequireAuthorization(read).WithSummary("一个社会组织：登记事项、曾用名、登记申请");

        var g = api.MapGroup("/registration");
        g.MapGet("/materials", ([FromQuery] string? application, [FromQuery] string? kind, [FromQuery] bool? supervised) =>
        {
            var a = application switch { "establish" => ApplicationKind.Establish, "change" => ApplicationKind.Change, "deregister" => ApplicationKind.Deregister, _ => (ApplicationKind?)null }
                ?? throw AppProblem.Field("application", "申请类别须为 establish、change 或 deregister");
            var k = RegistrationApplications.ParseKind(kind) ?? throw AppProblem.Field("kind", "组织类型须为 social-group、social-service 或 foundation");
            return TypedResults.Ok(RegistrationMaterials.Required(a, k, supervised ?? false).Select(m => new MaterialDto(m.Code, m.Name)).ToList());
        }).RequireAuthorization().WithSummary("登记申请材料清单");
        g.MapGet("/applications", async ([FromQuery] string? status, [FromQuery] int? page, [FromQuery] int? pageSize, RegistrationApplications apps, CancellationToken ct) =>
            TypedResults.Ok((await apps.ListAsync(QueryEnum.Parse<ApplicationStatus>(status, "status"), PageRequest.From(page, pageSize), ct)).Select(ToDto)))
            .RequireAuthorization(read).WithSummary("登记申请（本辖区；未办结的在前）");
        g.MapGet("/applications/mine", async (RegistrationApplications apps, CancellationToken ct) => TypedResults.Ok((await apps.MineAsync(ct)).Select(ToDto).ToList()))
            .RequireAuthorization(Permissions.Policy(Permissions.CitizenApply)).WithSummary("我提交的成立登记申请（群众账号）");
        g.MapGet("/applications/{id:guid}", async (Guid id, RegistrationApplications apps, CancellationToken ct) => TypedResults.Ok(ToDto(await apps.GetAsync(id, ct))))
            .RequireAuthorization().WithSummary("一件登记申请");
        g.MapPost("/applications/establish", async (EstablishInput input, RegistrationApplications apps, CancellationToken ct) =>
        {
            var a = await apps.EstablishAsync(input, ct);
            return TypedResults.Created($"/api/v1/social-organizations/registration/applications/{a.Id}", ToDto(a));
        }).RequireAuthorization().WithSummary("成立登记申请：群众网上申请，或登记管理机关窗口录入");
        api.MapPost("/{id:guid}/registration/change", async (Guid id, ChangeInput input, RegistrationApplications apps, CancellationToken ct) =>
        {
            var a = await apps.ChangeAsync(id, input, ct);
            return TypedResults.Created($"/api/v1/social-organizations/registration/applications/{a.Id}", ToDto(a));
        }).RequireAuthorization(read).WithSummary("变更登记申请：本组织账号网上申请，或登记管理机关窗口录入");
        api.MapPost("/{id:guid}/registration/deregister", async (Guid id, DeregisterInput input, RegistrationApplications apps, CancellationToken ct) =>
        {
            var a = await apps.DeregisterAsync(id, input, ct);
            return TypedResults.Created($"/api/v1/social-organizations/registration/applications/{a.Id}", ToDto(a));
        }).RequireAuthorization(read).WithSummary("注销登记申请：本组织账号网上申请，或登记管理机关窗口录入");

        var handle = Permissions.Policy(RegistrationPermissions.Handle);
        var decide = Permissions.Policy(RegistrationPermissions.Decide);
        g.MapPost("/applications/{id:guid}/accept", async (Guid id, StepInput input, RegistrationApplications apps, CancellationToken ct) => TypedResults.Ok(ToDto(await apps.AcceptAsync(id, input, ct))))
            .RequireAuthorization(handle).WithSummary("受理（开始法定办理时限）");
        g.MapPost("/applications/{id:guid}/reject", async (Guid id, StepInput input, RegistrationApplications apps, CancellationToken ct) => TypedResults.Ok(ToDto(await apps.RejectAsync(id, input, ct))))
            .RequireAuthorization(handle).WithSummary("不予受理（须书面说明理由）");
        g.MapPost("/applications/{id:guid}/review", async (Guid id, StepInput input, RegistrationApplications apps, CancellationToken ct) => TypedResults.Ok(ToDto(await apps.ReviewAsync(id, input, ct))))
            .RequireAuthorization(handle).WithSummary("审查意见");
        g.MapPost("/applications/{id:guid}/approve", async (Guid id, StepInput input, RegistrationApplications apps, CancellationToken ct) => TypedResults.Ok(ToDto(await apps.DecideAsync(id, true, input, ct))))
            .RequireAuthorization(decide).WithSummary("准予登记（成立登记时生成登记证书、信用代码和组织账号，一次性密码只在此返回）");
        g.MapPost("/applications/{id:guid}/refuse", async (Guid id, StepInput input, RegistrationApplications apps, CancellationToken ct) => TypedResults.Ok(ToDto(await apps.DecideAsync(id, false, input, ct))))
            .RequireAuthorization(decide).WithSummary("不准予登记（须书面说明理由）");
    }

    public static DecisionDto ToDto(DecisionResult r) => new(ToDto(r.Application), r.OrganizationId, r.CreditCode, r.CertificateNumber, r.AccountUserName, r.OneTimePassword);

    public static ApplicationDto ToDto(RegistrationApplication a) => new(a.Id, a.Number, a.Kind.ToString().ToLowerInvariant(), RegistrationApplications.KindName(a.Kind),
        a.Status.ToString().ToLowerInvariant(), RegistrationApplications.StatusName(a.Status), a.Channel == ApplicationChannel.Online ? "online" : "counter",
        a.OrganizationId, SocialOrganizationKinds.FigureCategory(a.OrganizationKind), a.Level == RegistrationLevel.City ? "city" : "county", a.CityWide,
        a.DivisionCode, a.AuthorityDivisionCode, a.ApplicantName, a.Name, a.LegalRepresentative, a.Address, a.SupervisingUnit, a.Category, a.Purpose,
        a.BusinessScope, a.RegisteredCapital.Yuan, a.IsTradeAssociation, a.Reason, a.MaterialCodes, a.SubmittedOn, a.AcceptedOn, a.DueOn, a.DueBasis,
        a.DecidedOn, a.Grounds, a.CertificateNumber, a.AccountUserName, a.WorkflowCaseId, a.Version);
}

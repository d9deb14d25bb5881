using Minzheng.Web.Modules.SocialOrganizations.Charity;
using Minzheng.Web.Modules.SocialOrganizations.Decoupling;
using Minzheng.Web.Modules.SocialOrganizations.Incubation;
using Minzheng.Web.Modules.SocialOrganizations.PartyBuilding;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Web.Modules.SocialOrganizations.Cleanup;

/// <summary>
/// The governance parts of social organisations (issue 14 items 7–10) in one setup: zombie cleanup, 脱钩, 党建, the incubation
/// centre's libraries and charity qualifications. They share the registration-authority check and the demo initializer, so
/// one registration keeps the core's module file to one line.
/// </summary>
public static class GovernanceSetup
{
    public static IServiceCollection AddGovernance(this IServiceCollection services)
    {
        services.AddScoped<CleanupCampaigns>();
        services.AddScoped<TradeAssociationDecoupling>();
        services.AddScoped<PartyBuildingRecords>();
        services.AddScoped<IncubationLibraries>();
        services.AddScoped<CharityQualifications>();
        services.AddScoped<Contracts.ICharityQualificationsInForce, CharityQualificationsInForce>();
        services.AddScoped<IOrganizationPanel, GovernanceOrganizationPanel>();
        services.AddScoped<Registry.IPublicFactSource, QualificationPublicFacts>();
        services.AddSingleton<IModuleInitializer, GovernanceInitializer>();
        return services;
    }

    public static void MapGovernance(this RouteGroupBuilder api)
    {
        var read = Permissions.Policy(SocialOrganizationPermissions.Read);

        var cleanup = api.MapGroup("/cleanup");
        cleanup.MapGet("/flagged", async (int? page, int? pageSize, CleanupCampaigns c, CancellationToken ct) =>
        {
            var rows = await c.FlaggedAsync(PageRequest.From(page, pageSize), ct);
            return TypedResults.Ok(new { items = rows.Items, total = rows.Total });
        }).RequireAuthorization(read).WithSummary("疑似僵尸型社会组织（连续未报年报、长期无活动、无法取得联系），附理由和最近一次清理措施");
        cleanup.MapGet("/{organizationId:guid}", async (Guid organizationId, CleanupCampaigns c, CancellationToken ct) => TypedResults.Ok(await c.LedgerAsync(organizationId, ct)))
            .RequireAuthorization(read).WithSummary("一个社会组织的清理台账：理由、措施和结果");
        cleanup.MapPost("/{organizationId:guid}/steps", async (Guid organizationId, CleanupStepInput input, CleanupCampaigns c, CancellationToken ct) =>
            TypedResults.Ok(await c.RecordAsync(organizationId, input, ct)))
            .RequireAuthorization(Permissions.Policy(GovernancePermissions.CleanupManage))
            .WithSummary("记录清理措施或结果（kind: contact、order-rectification、announcement、resumed-activity、self-deregistered、revoked）；revoked 由登记管理机关撤销登记，须带组织 version、决定书文号和理由，并记入严重违法失信名单");

        var decoupling = api.MapGroup("/decoupling");
        decoupling.MapGet("", async (int? page, int? pageSize, TradeAssociationDecoupling d, CancellationToken ct) =>
        {
            var rows = await d.ListAsync(PageRequest.From(page, pageSize), ct);
            return TypedResults.Ok(new { items = rows.Items, total = rows.Total });
        }).RequireAuthorization(read).WithSummary("行业协会商会脱钩：每个协会的五分离进度");
        decoupling.MapGet("/progress", async (TradeAssociationDecoupling d, CancellationToken ct) => TypedResults.Ok(await d.ProgressAsync(ct)))
            .RequireAuthorization(read).WithSummary("脱钩进度（按县市区）");
        decoupling.MapGet("/{organizationId:guid}", async (Guid organizationId, TradeAssociationDecoupling d, CancellationToken ct) => TypedResults.Ok(await d.OneAsync(organizationId, ct)))
            .RequireAuthorization(read).WithSummary("一个行业协会商会的脱钩进度");
        decoupling.MapPut("/{organizationId:guid}/{separation}", async (Guid organizationId, string separation, SeparationInput input, TradeAssociationDecoupling d, CancellationToken ct) =>
            TypedResults.Ok(await d.SetAsync(organizationId, separation, input, ct)))
            .RequireAuthorization(Permissions.Policy(GovernancePermissions.DecouplingManage))
            .WithSummary("记录一项分离的进度（status: not-started、in-progress、done；on 日期；version，尚无记录时为 0）");

        var party = api.MapGroup("/party");
        party.MapGet("", async (string? status, int? page, int? pageSize, PartyBuildingRecords p, CancellationToken ct) =>
        {
            var rows = await p.ListAsync(status, PageRequest.From(page, pageSize), ct);
            return TypedResults.Ok(new { items = rows.Items, total = rows.Total });
        }).RequireAuthorization(read).WithSummary("社会组织党组织建设情况（status: own、joint、instructor、none、unknown）");
        party.MapGet("/coverage", async (PartyBuildingRecords p, CancellationToken ct) => TypedResults.Ok(await p.CoverageAsync(ct)))
            .RequireAuthorization(read).WithSummary("党的组织覆盖：按类型和县市区");
        party.MapGet("/{organizationId:guid}", async (Guid organizationId, PartyBuildingRecords p, CancellationToken ct) => TypedResults.Ok(await p.OneAsync(organizationId, ct)))
            .RequireAuthorization(read).WithSummary("一个社会组织的党组织建设情况");
        party.MapPut("/{organizationId:guid}", async (Guid organizationId, PartyInput input, PartyBuildingRecords p, CancellationToken ct) =>
            TypedResults.Ok(await p.SetAsync(organizationId, input, ct)))
            .RequireAuthorization(Permissions.Policy(GovernancePermissions.PartyManage))
            .WithSummary("记录党组织建设情况（status: own、joint、instructor、none；establishedOn、partyMembers、instructorName；version，尚无记录时为 0）");

        var incubation = api.MapGroup("/incubation");
        var manage = Permissions.Policy(GovernancePermissions.IncubationManage);
        incubation.MapGet("/programmes", async (string? field, int? page, int? pageSize, IncubationLibraries l, CancellationToken ct) =>
        {
            var rows = await l.ProgrammesAsync(field, PageRequest.From(page, pageSize), ct);
            return TypedResults.Ok(new { items = rows.Items, total = rows.Total });
        }).RequireAuthorization(read).WithSummary("资助项目库（基金会资助项目）");
        incubation.MapPost("/programmes", async (ProgrammeInput input, IncubationLibraries l, CancellationToken ct) =>
        {
            var p = await l.SaveProgrammeAsync(null, input, ct);
            return TypedResults.Created($"/api/v1/social-organizations/incubation/programmes/{p.Id}", p);
        }).RequireAuthorization(manage).WithSummary("登记基金会资助项目（领域、资助金额范围、期间）");
        incubation.MapPut("/programmes/{id:guid}", async (Guid id, ProgrammeInput input, IncubationLibraries l, CancellationToken ct) => TypedResults.Ok(await l.SaveProgrammeAsync(id, input, ct)))
            .RequireAuthorization(manage).WithSummary("修改资助项目（须带 version）");
        incubation.MapGet("/projects", async (string? field, int? page, int? pageSize, IncubationLibraries l, CancellationToken ct) =>
        {
            var rows = await l.ProjectsAsync(field, PageRequest.From(page, pageSize), ct);
            return TypedResults.Ok(new { items = rows.Items, total = rows.Total });
        }).RequireAuthorization(read).WithSummary("需求项目库（寻求支持的项目）");
        incubation.MapPost("/projects", async (ProjectInput input, IncubationLibraries l, CancellationToken ct) =>
        {
            var p = await l.SaveProjectAsync(null, input, ct);
            return TypedResults.Created($"/api/v1/social-organizations/incubation/projects/{p.Id}", p);
        }).RequireAuthorization(manage).WithSummary("登记需求项目（组织、领域、预算、受益人数）");
        incubation.MapPut("/projects/{id:guid}", async (Guid id, ProjectInput input, IncubationLibraries l, CancellationToken ct) => TypedResults.Ok(await l.SaveProjectAsync(id, input, ct)))
            .RequireAuthorization(manage).WithSummary("修改需求项目（须带 version）");
        incubation.MapGet("/experts", async (string? field, int? page, int? pageSize, IncubationLibraries l, CancellationToken ct) =>
        {
            var rows = await l.ExpertsAsync(field, PageRequest.From(page, pageSize), ct);
            return TypedResults.Ok(new { items = rows.Items, total = rows.Total });
        }).RequireAuthorization(read).WithSummary("专家库（联系电话脱敏显示）");
        incubation.MapPost("/experts", async (ExpertInput input, IncubationLibraries l, CancellationToken ct) =>
            TypedResults.Ok(await l.AddExpertAsync(input, ct))).RequireAuthorization(manage).WithSummary("登记专家（姓名、领域、职称专长、手机）");
        incubation.MapGet("/matches", async (string? field, int? page, int? pageSize, IncubationLibraries l, CancellationToken ct) =>
        {
            var rows = await l.MatchesAsync(field, PageRequest.From(page, pageSize), ct);
            return TypedResults.Ok(new { items = rows.Items, total = rows.Total });
        }).RequireAuthorization(read).WithSummary("对接清单：领域相同、预算在资助范围内、资助项目在期内的需求项目与资助项目");

        var charity = api.MapGroup("/charity/applications");
        var decide = Permissions.Policy(GovernancePermissions.CharityDecide);
        charity.MapGet("", async (Guid? organizationId, string? status, int? page, int? pageSize, CharityQualifications q, CancellationToken ct) =>
        {
            var rows = await q.ListAsync(organizationId, status, PageRequest.From(page, pageSize), ct);
            return TypedResults.Ok(new { items = rows.Items, total = rows.Total });
        }).RequireAuthorization(read).WithSummary("慈善组织认定、公开募捐资格、税前扣除资格申请");
        charity.MapPost("", async (QualificationInput input, CharityQualifications q, CancellationToken ct) =>
        {
            var a = await q.ApplyAsync(input, ct);
            return TypedResults.Created($"/api/v1/social-organizations/charity/applications/{a.Id}", a);
        }).RequireAuthorization(decide).WithSummary("受理申请（kind: charity-recognition、public-fundraising、tax-deduction）；逐项列出不符合的条件");
        charity.MapGet("/{id:guid}", async (Guid id, CharityQualifications q, CancellationToken ct) => TypedResults.Ok(await q.OneAsync(id, ct)))
            .RequireAuthorization(read).WithSummary("申请详情和不符合的条件");
        charity.MapPost("/{id:guid}/decision", async (Guid id, DecisionInput input, CharityQualifications q, CancellationToken ct) => TypedResults.Ok(await q.DecideAsync(id, input, ct)))
            .RequireAuthorization(decide).WithSummary("登记管理机关决定（decision: grant 仅在条件全部符合时；refuse 须说明理由）；须带 version");
    }
}

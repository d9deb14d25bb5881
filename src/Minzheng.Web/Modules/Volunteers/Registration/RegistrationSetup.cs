using Microsoft.AspNetCore.Mvc;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.Volunteers.Registration;

/// <summary>Volunteer registration (issue 16 item 1): self-service, by an organisation, the profile and the volunteers' list.</summary>
public static class RegistrationSetup
{
    public static IServiceCollection AddRegistration(this IServiceCollection services)
    {
        services.AddScoped<VolunteerRegistrations>();
        services.AddScoped<VolunteerTeams>();
        return services;
    }

    public static void MapRegistration(this RouteGroupBuilder api)
    {
        var self = Permissions.Policy(VolunteerPermissions.Self);
        var read = Permissions.Policy(VolunteerPermissions.Read);
        var manage = Permissions.Policy(VolunteerPermissions.Manage);

        api.MapGet("/me", async (VolunteerRegistrations r, CancellationToken ct) => TypedResults.Ok(await r.MineAsync(ct)))
            .RequireAuthorization(self).WithSummary("本人的志愿者注册：编号、核实时长、星级、距下一星级时长、所在组织");
        api.MapPost("/me", async (SelfRegistrationInput input, VolunteerRegistrations r, CancellationToken ct) =>
            {
                await r.RegisterSelfAsync(input, ct);
                return TypedResults.Created("/api/v1/volunteers/me", await r.MineAsync(ct));
            })
            .RequireAuthorization(self).WithSummary("本人注册志愿者（须同意信息记录与共享告知；年满18周岁）");
        api.MapPut("/me", async (ProfileInput input, VolunteerRegistrations r, CancellationToken ct) => TypedResults.Ok(await r.UpdateMineAsync(input, ct)))
            .RequireAuthorization(self).WithSummary("本人修改技能、服务时间意向、是否同意公开（version，过期 409）");
        api.MapPost("/me/withdraw", async (VersionInput input, VolunteerRegistrations r, CancellationToken ct) => TypedResults.Ok(await r.WithdrawMineAsync(input, ct)))
            .RequireAuthorization(self).WithSummary("本人注销（撤回同意）：结束所有组织的服务关系，服务记录保留");
        api.MapPost("/me/memberships", async (MembershipInput input, VolunteerRegistrations r, CancellationToken ct) => TypedResults.Ok(await r.JoinMineAsync(input, ct)))
            .RequireAuthorization(self).WithSummary("本人加入一个志愿服务组织");
        api.MapDelete("/me/memberships/{teamId:guid}", async (Guid teamId, VolunteerRegistrations r, CancellationToken ct) => TypedResults.Ok(await r.LeaveMineAsync(teamId, ct)))
            .RequireAuthorization(self).WithSummary("本人退出一个志愿服务组织");
        api.MapGet("/teams/directory", async (VolunteerRegistrations r, CancellationToken ct) => TypedResults.Ok(await r.DirectoryAsync(ct)))
            .RequireAuthorization().WithSummary("可加入的志愿服务组织（全市在册：名称、类型、所在乡镇）");

        var teamsWrite = Permissions.Policy(VolunteerPermissions.TeamsWrite);
        api.MapGet("/teams", async ([FromQuery] int? page, [FromQuery] int? pageSize, VolunteerTeams t, CancellationToken ct) =>
                TypedResults.Ok(await t.ListAsync(PageRequest.From(page, pageSize), ct)))
            .RequireAuthorization(read).WithSummary("志愿服务组织（本辖区；组织账号为本组织），分页 { items, total }，含志愿者人数");
        api.MapPost("/teams", async (TeamInput input, VolunteerTeams t, CancellationToken ct) =>
            {
                var team = await t.RegisterAsync(input, ct);
                return TypedResults.Created($"/api/v1/volunteers/teams/{team.Id}", team);
            })
            .RequireAuthorization(teamsWrite).WithSummary("将辖区内组织库中的组织登记为志愿服务组织（按统一社会信用代码或平台编号）");
        api.MapPost("/teams/{id:guid}/active", async (Guid id, TeamActiveInput input, VolunteerTeams t, CancellationToken ct) => TypedResults.Ok(await t.SetActiveAsync(id, input, ct)))
            .RequireAuthorization(teamsWrite).WithSummary("停用或恢复志愿服务组织（version，过期 409）");

        api.MapGet("", async ([FromQuery] string? name, [FromQuery] int? star, [FromQuery] string? skill, [FromQuery] int? page, [FromQuery] int? pageSize,
                VolunteerRegistrations r, CancellationToken ct) =>
            TypedResults.Ok(await r.ListAsync(new VolunteerFilter(name, star, skill), PageRequest.From(page, pageSize), ct)))
            .RequireAuthorization(read).WithSummary("志愿者名单（本辖区；组织账号为本组织的志愿者），分页 { items, total }；按姓名、星级、技能筛选");
        api.MapGet("/{id:guid}", async (Guid id, VolunteerRegistrations r, CancellationToken ct) => TypedResults.Ok(await r.GetAsync(id, ct)))
            .RequireAuthorization(read).WithSummary("一名志愿者（辖区外、其他组织的为 404）");
        api.MapPost("", async (OrganizationRegistrationInput input, VolunteerRegistrations r, CancellationToken ct) =>
            {
                var v = await r.RegisterByOrganizationAsync(input, ct);
                return TypedResults.Created($"/api/v1/volunteers/{v.Id}", v);
            })
            .RequireAuthorization(manage).WithSummary("志愿服务组织代为注册（身份证号、姓名与户籍登记核实，已取得本人书面同意）；已注册的只加入本组织");
        api.MapPut("/{id:guid}", async (Guid id, ProfileInput input, VolunteerRegistrations r, CancellationToken ct) => TypedResults.Ok(await r.UpdateAsync(id, input, ct)))
            .RequireAuthorization(manage).WithSummary("修改志愿者技能、服务时间意向（version，过期 409）");
        api.MapDelete("/{id:guid}/memberships", async (Guid id, VolunteerRegistrations r, CancellationToken ct) =>
            {
                await r.RemoveMembershipAsync(id, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(manage).WithSummary("结束志愿者与本组织的服务关系（服务记录保留）");
    }

    /// <summary>The volunteers' list as xlsx (cookie sign-in, the same filters and scope as the list; ID numbers masked).</summary>
    public static void MapRegistrationExport(this IEndpointRouteBuilder app) =>
        app.MapGet("/volunteers/people/export", async ([FromQuery] string? name, [FromQuery] int? star, [FromQuery] string? skill, VolunteerRegistrations r, CancellationToken ct) =>
                TypedResults.File(await r.ExportAsync(new VolunteerFilter(name, star, skill), ct), RegistryApi.XlsxContentType, $"志愿者名单-{DateTime.Now:yyyyMMddHHmm}.xlsx"))
            .RequireAuthorization(Permissions.Policy(VolunteerPermissions.Read))
            .ExcludeFromDescription();
}

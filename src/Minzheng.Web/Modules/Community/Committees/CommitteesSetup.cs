using Microsoft.AspNetCore.Mvc;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Community.Committees;

/// <summary>Committees, members, reviews and audits (issue 18 item 1): services and the API under /api/v1/community/committees.</summary>
public static class CommitteesSetup
{
    public static IServiceCollection AddCommittees(this IServiceCollection services)
    {
        services.AddScoped<CommitteeRegistry>();
        services.AddSingleton<IModuleInitializer, CommitteesInitializer>();
        services.AddScoped<Platform.Divisions.IDivisionChangeListener, CommitteesFollowDivisions>();
        return services;
    }

    public static void MapCommittees(this IEndpointRouteBuilder app)
    {
        var read = Permissions.Policy(CommunityPermissions.Read);
        var manage = Permissions.Policy(CommunityPermissions.Manage);
        var g = app.MapGroup("/api/v1/community/committees").WithTags("Community");
        g.MapGet("", async ([FromQuery] string? divisionCode, [FromQuery] CommitteeKind? kind, [FromQuery] string? q, [FromQuery] int? page, [FromQuery] int? pageSize,
                CommitteeRegistry committees, CancellationToken ct) => TypedResults.Ok(await committees.ListAsync(new(divisionCode, kind, q), PageRequest.From(page, pageSize), ct)))
            .RequireAuthorization(read).WithSummary("村（居）民委员会（按乡镇、类别、名称查询）：成员人数、妇女成员、村民代表、任期、组成提示数，分页 { items, total }");
        g.MapGet("/{id:guid}", async (Guid id, CommitteeRegistry committees, CancellationToken ct) => TypedResults.Ok(await committees.DtoAsync(id, ct)))
            .RequireAuthorization(read).WithSummary("一个委员会：在任和离任成员（含民主评议）、组成检查提示（附法律条款）、审计");
        g.MapPut("/{id:guid}", async (Guid id, CommitteeFactsInput input, CommitteeRegistry committees, CancellationToken ct) =>
        {
            await committees.UpdateFactsAsync(id, input, ct);
            return TypedResults.Ok(await committees.DtoAsync(id, ct));
        }).RequireAuthorization(manage).WithSummary("修改户数、人数较少的民族、财务是否按月公开（带 version）");
        g.MapPost("/{id:guid}/members", async (Guid id, MemberInput input, CommitteeRegistry committees, CancellationToken ct) =>
        {
            await committees.AddMemberAsync(id, input, ct);
            return TypedResults.Created($"/api/v1/community/committees/{id}", await committees.DtoAsync(id, ct));
        }).RequireAuthorization(manage).WithSummary("登记成员（人员库人员或姓名）：职务、下属委员会或小组、任职日期；任期按当时有效的届期计算");
        g.MapPost("/members/{memberId:guid}/end", async (Guid memberId, MemberEndInput input, CommitteeRegistry committees, CancellationToken ct) =>
            TypedResults.Ok(new { (await committees.EndMemberAsync(memberId, input, ct)).Id })).RequireAuthorization(manage).WithSummary("成员离任（日期、原因，带 version）");
        g.MapPost("/members/{memberId:guid}/reviews", async (Guid memberId, ReviewInput input, CommitteeRegistry committees, CancellationToken ct) =>
        {
            var (review, ended) = await committees.ReviewAsync(memberId, input, ct);
            return TypedResults.Ok(new { review.Id, review.Year, result = review.Result, ended });
        }).RequireAuthorization(manage).WithSummary("登记年度民主评议结果；村民委员会成员连续两次不称职的，职务自行终止（第三十三条）");
        g.MapPost("/{id:guid}/audits", async (Guid id, AuditInput input, CommitteeRegistry committees, CancellationToken ct) =>
        {
            await committees.AddAuditAsync(id, input, ct);
            return TypedResults.Ok(await committees.DtoAsync(id, ct));
        }).RequireAuthorization(manage).WithSummary("登记任期或离任经济责任审计及其公布日期（第三十五条）");
    }
}

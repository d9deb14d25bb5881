using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Charity.Trusts;

/// <summary>慈善信托备案.</summary>
public static class TrustsSetup
{
    public static IServiceCollection AddCharityTrusts(this IServiceCollection services) => services.AddScoped<CharityTrusts>();

    public static void MapCharityTrusts(this RouteGroupBuilder api)
    {
        var trusts = api.MapGroup("/trusts");
        trusts.MapGet("", async (bool? lateOnly, int? page, int? pageSize, CharityTrusts t, CancellationToken ct) =>
        {
            var rows = await t.ListAsync(lateOnly == true, PageRequest.From(page, pageSize), ct);
            return TypedResults.Ok(new { items = rows.Items, total = rows.Total });
        }).RequireAuthorization(Permissions.Policy(CharityPermissions.Read)).WithSummary("慈善信托备案（lateOnly=true：超过备案期限的），分页 { items, total }");
        trusts.MapPost("", async (TrustInput input, CharityTrusts t, CancellationToken ct) => TypedResults.Ok(await t.FileAsync(input, ct)))
            .RequireAuthorization(Permissions.Policy(CharityPermissions.Write)).WithSummary("慈善信托备案：受托人（charity 慈善组织 / trust-company 信托公司）、信托财产、签订日期，自动判断是否在期限内");
    }
}

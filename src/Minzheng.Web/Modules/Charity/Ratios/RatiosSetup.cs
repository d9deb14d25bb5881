using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Charity.Ratios;

/// <summary>年度支出和管理费用比例: the yearly figures, their verdicts, and the alert list of bodies falling short.</summary>
public static class RatiosSetup
{
    public static IServiceCollection AddCharityRatios(this IServiceCollection services) => services.AddScoped<YearlyReports>().AddScoped<Contracts.ICharityRatioTable, CharityRatioTable>();

    public static void MapCharityRatios(this RouteGroupBuilder api)
    {
        var read = Permissions.Policy(CharityPermissions.Read);
        var yearly = api.MapGroup("/yearly");
        yearly.MapGet("", async (bool? shortOnly, int? year, int? page, int? pageSize, YearlyReports r, CancellationToken ct) =>
        {
            var rows = await r.ListAsync(shortOnly == true, year, PageRequest.From(page, pageSize), ct);
            return TypedResults.Ok(new { items = rows.Items, total = rows.Total });
        }).RequireAuthorization(read).WithSummary("慈善组织年度支出和管理费用比例及结论（shortOnly=true：未达标的预警名单），分页 { items, total }");
        yearly.MapPost("", async (YearlyInput input, YearlyReports r, CancellationToken ct) => TypedResults.Ok(await r.RecordAsync(input, ct)))
            .RequireAuthorization(read).WithSummary("录入一个年度的收入、慈善活动支出、管理费用、总支出、上年末净资产和上年总收入，按民发〔2016〕189号的比例表判断");
    }
}

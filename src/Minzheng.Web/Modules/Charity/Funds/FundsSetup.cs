using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Charity.Funds;

/// <summary>募捐方案备案 and each plan's donations, spending and disclosures.</summary>
public static class FundsSetup
{
    public static IServiceCollection AddCharityFunds(this IServiceCollection services) => services.AddScoped<CharityFunds>();

    public static void MapCharityFunds(this RouteGroupBuilder api)
    {
        // reading needs charity.read; every write checks charity.write or the account's own organisation (CharityOrganizations)
        var read = Permissions.Policy(CharityPermissions.Read);
        var plans = api.MapGroup("/plans");
        plans.MapGet("", async (Guid? organizationId, int? page, int? pageSize, CharityFunds f, CancellationToken ct) =>
        {
            var r = await f.ListAsync(organizationId, PageRequest.From(page, pageSize), ct);
            return TypedResults.Ok(new { items = r.Items, total = r.Total });
        }).RequireAuthorization(read).WithSummary("已备案的募捐方案（项目），含募得、支出和余额，分页 { items, total }");
        plans.MapGet("/overdue", async (CharityFunds f, CancellationToken ct) =>
        {
            var r = await f.OverdueAsync(ct);
            return TypedResults.Ok(new { items = r, total = r.Count });
        }).RequireAuthorization(read).WithSummary("信息公开逾期的募捐方案（募捐期超过6个月的每3个月公开，结束后3个月内全面公开）");
        plans.MapGet("/{id:guid}", async (Guid id, CharityFunds f, CancellationToken ct) => TypedResults.Ok(await f.OneAsync(id, ct)))
            .RequireAuthorization(read).WithSummary("一个募捐方案及其收支");
        plans.MapGet("/{id:guid}/entries", async (Guid id, int? page, int? pageSize, CharityFunds f, CancellationToken ct) =>
        {
            var r = await f.EntriesAsync(id, PageRequest.From(page, pageSize), ct);
            return TypedResults.Ok(new { items = r.Items, total = r.Total });
        }).RequireAuthorization(read).WithSummary("一个募捐方案的捐赠收入和支出明细，分页 { items, total }");
        plans.MapPost("", async (PlanInput input, CharityFunds f, CancellationToken ct) => TypedResults.Ok(await f.FileAsync(input, ct)))
            .RequireAuthorization(read).WithSummary("募捐方案备案（开展募捐前）：目的、起止日期、方式（on-site 现场 / online 指定平台）、目标金额");
        plans.MapPost("/{id:guid}/donations", async (Guid id, DonationInput input, CharityFunds f, CancellationToken ct) => TypedResults.Ok(await f.DonateAsync(id, input, ct)))
            .RequireAuthorization(read).WithSummary("登记一笔捐赠收入（捐赠人可匿名），须带方案 version");
        plans.MapPost("/{id:guid}/spending", async (Guid id, SpendingInput input, CharityFunds f, CancellationToken ct) => TypedResults.Ok(await f.SpendAsync(id, input, ct)))
            .RequireAuthorization(read).WithSummary("登记一笔项目支出（不超过余额），须带方案 version");
        plans.MapPost("/{id:guid}/disclosures", async (Guid id, DisclosureInput input, CharityFunds f, CancellationToken ct) => TypedResults.Ok(await f.DiscloseAsync(id, input, ct)))
            .RequireAuthorization(read).WithSummary("记录一次定期公开或结束后的全面公开（final），须带方案 version");
    }
}

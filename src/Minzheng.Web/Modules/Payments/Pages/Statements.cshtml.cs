using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Payments.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + PaymentPermissions.Read)]
public sealed class StatementsModel(FundStatements statements, BusinessClock clock) : PageModel
{
    public FundStatement Statement { get; private set; } = null!;

    public IReadOnlyList<BarChart.Item> PeopleByCounty => Statement.Rows.GroupBy(r => r.CountyName)
        .Select(g => new BarChart.Item(g.Key, g.Sum(r => r.People))).OrderByDescending(i => i.Value).ToList();

    public async Task OnGetAsync(string? month)
    {
        var m = DateOnly.TryParse((month ?? "") + "-01", out var parsed) ? parsed
            : await statements.LatestMonthAsync(HttpContext.RequestAborted) ?? Entitlements.MonthOf(clock.Today);
        Statement = await statements.MonthAsync(m, HttpContext.RequestAborted);
    }
}

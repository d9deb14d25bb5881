using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.DataComparison.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + ComparisonPermissions.Read)]
public sealed class IndexModel(ComparisonQueries queries, ComparisonRuns runs, AppDbContext db, ICurrentUser user, DivisionDirectory divisions) : PageModel
{
    public List<DashboardRow> Rows { get; private set; } = [];
    public List<ComparisonRun> Runs { get; private set; } = [];
    public List<BarChart.Item> OpenByRule { get; private set; } = [];
    public List<BarChart.Item> OpenByCounty { get; private set; } = [];
    public bool CanRun => user.HasPermission(ComparisonPermissions.Run);
    public string ScopeName => divisions.FullName(user.DivisionCode);
    public string NameOf(string code) => divisions.NameOf(code);

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Rows = await queries.DashboardAsync(ct);
        Runs = await db.Set<ComparisonRun>().AsNoTracking().OrderByDescending(r => r.StartedAt).Take(5).ToListAsync(ct);
        OpenByRule = Rows.GroupBy(r => r.RuleCode).Select(g => new BarChart.Item(ComparisonRules.Find(g.Key)?.ShortName ?? g.Key, g.Sum(r => r.Open), $"/comparison/findings?rule={g.Key}&status=Open"))
            .Where(i => i.Value > 0).OrderByDescending(i => i.Value).ToList();
        OpenByCounty = Rows.GroupBy(r => r.CountyCode).Select(g => new BarChart.Item(g.First().CountyName, g.Sum(r => r.Open), $"/comparison/findings?county={g.Key}&status=Open"))
            .Where(i => i.Value > 0).ToList();
    }

    public async Task<IActionResult> OnPostRunAsync()
    {
        await runs.StartAsync(HttpContext.RequestAborted);
        TempData["Message"] = "比对已开始，在后台执行";
        return Redirect("/comparison");
    }
}

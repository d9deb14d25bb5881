using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Modules.ChildWelfare.Allowances;
using Minzheng.Web.Modules.ChildWelfare.Watch;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.ChildWelfare.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + ChildPermissions.Read)]
public sealed class IndexModel(ChildQueries queries, ChildWatch watch, ChildStandards standards, ICurrentUser user, DivisionDirectory divisions, BusinessClock clock) : PageModel
{
    public List<CountyFigures> Counties { get; private set; } = [];
    public List<WatchAlert> Alerts { get; private set; } = [];
    public List<ChildCaseRow> EndingSoon { get; private set; } = [];
    public int Pending { get; private set; }
    /// <summary>The configured notice period, or null where none is in force (the list then says so instead of guessing).</summary>
    public int? NoticeDays { get; private set; }
    public string ScopeName => divisions.NameOf(user.DivisionCode);
    public bool CanApply => user.HasPermission(ChildPermissions.Apply);
    public bool CanProtect => user.HasPermission(ChildPermissions.Protection);

    public List<BarChart.Item> DueChart => [.. Counties.Select(c => new BarChart.Item(c.Name, (long)c.DueThisMonth))];
    public List<BarChart.Item> WatchChart => [.. Counties.Select(c => new BarChart.Item(c.Name, c.LeftBehind + c.Difficulty))];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Counties = await queries.DashboardAsync(ct);
        Alerts = await watch.AlertsAsync(ct);
        NoticeDays = user.DivisionCode is { } division ? standards.Find(ChildStandardKinds.EndNoticeDays, division, clock.Today)?.Number : null;
        EndingSoon = NoticeDays is { } days ? await queries.EndingSoonAsync(days, ct) : [];
        Pending = await queries.PendingAsync(ct);
    }
}

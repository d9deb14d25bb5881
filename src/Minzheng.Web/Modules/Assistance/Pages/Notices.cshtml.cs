using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Assistance.Cases;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Assistance.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + AssistancePermissions.Read)]
public sealed class NoticesModel(AppDbContext db, DivisionDirectory divisions, BusinessClock clock) : PageModel
{
    public List<(string Code, string Name, int Count)> Villages { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var today = clock.Today;
        var rows = await db.Set<AssistanceCase>()
            .Where(c => (c.State == AssistanceProcesses.Notice || c.State == AssistanceProcesses.TerminationNotice) && c.NoticeFrom <= today && c.NoticeTo >= today)
            .GroupBy(c => c.DivisionCode).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        Villages = rows.Select(r => (r.Key, divisions.FullName(r.Key), r.Count)).OrderBy(v => v.Key).ToList();
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Disability.Fukang.Pages;

/// <summary>福康工程 per county: devices fitted and money approved and settled against the budget; the applications in scope.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + DisabilityPermissions.Read)]
public sealed class IndexModel(FukangSummary summary, AppDbContext db, DivisionDirectory divisions, BusinessClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public FukangStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }
    public IReadOnlyList<FukangCountySummary> Counties { get; private set; } = [];
    public Paged<FukangApplication> Applications { get; private set; } = new([], 0, 1, 20);
    public Dictionary<Guid, string> Names { get; private set; } = [];
    public DivisionDirectory Divisions => divisions;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Year ??= clock.Today.Year;
        Counties = await summary.ForYearAsync(Year.Value, ct);
        var q = db.Set<FukangApplication>().AsNoTracking();
        if (Status is { } s) q = q.Where(a => a.Status == s);
        Applications = await q.OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.Id).ToPagedAsync(PageRequest.From(PageNumber, 20), ct);
        var ids = Applications.Items.Select(a => a.PersonId).ToList();
        Names = await db.Persons.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.ElderlyCare.Assessment;
using Minzheng.Web.Modules.ElderlyCare.Homes.Rules;
using Minzheng.Web.Modules.ElderlyCare.Subsidies;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.ElderlyCare.Homes.Pages;

/// <summary>养老服务 home (/elderly): homes, beds, occupancy, filings and checks overdue, assessments due, subsidies.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + ElderlyCarePermissions.Read)]
public sealed class IndexModel(CareHomes homes, AppDbContext db, BusinessClock clock, DivisionDirectory divisions, ICurrentUser user) : PageModel
{
    public Paged<HomeRow> Homes { get; private set; } = null!;
    public int HomeCount { get; private set; }
    public int Beds { get; private set; }
    public int NursingBeds { get; private set; }
    public int Occupied { get; private set; }
    public decimal Occupancy => HomeRules.Occupancy(Occupied, Beds);
    public int FilingOverdue { get; private set; }
    public int CheckOverdue { get; private set; }
    public int AssessmentsDue { get; private set; }
    public int SubsidiesWaiting { get; private set; }
    public decimal SubsidiesApproved { get; private set; }
    public bool CanRead { get; private set; }
    public bool IsOrganization => user.OrganizationId is not null;

    public string DivisionName(string code) => divisions.FullName(code);

    public async Task OnGetAsync([FromQuery] int? page, string? overdue)
    {
        var ct = HttpContext.RequestAborted;
        CanRead = user.HasPermission(HomesPermissions.Read);
        if (!CanRead)
        {
            Homes = new Paged<HomeRow>([], 0, 1, 20);
            return;
        }
        var today = clock.Today;
        var all = db.Set<ElderlyHome>().AsNoTracking().Where(h => h.Status != HomeStatus.Closed);
        HomeCount = await all.CountAsync(ct);
        Beds = await all.SumAsync(h => h.Beds, ct);
        NursingBeds = await all.SumAsync(h => h.NursingBeds, ct);
        Occupied = await db.Set<Resident>().CountAsync(r => r.AdmittedOn <= today && (r.DischargedOn == null || r.DischargedOn > today), ct);
        FilingOverdue = await all.CountAsync(h => h.FiledOn == null && h.FilingDueOn != null && h.FilingDueOn < today, ct);
        CheckOverdue = await all.CountAsync(h => h.CheckedOn == null && h.CheckDueOn != null && h.CheckDueOn < today, ct);
        AssessmentsDue = await db.Set<AbilityAssessment>().CountAsync(a => a.NextDueOn <= today && !db.Set<AbilityAssessment>().Any(b => b.PersonId == a.PersonId && b.AssessedOn > a.AssessedOn), ct);
        SubsidiesWaiting = await db.Set<HomeSubsidyApplication>().CountAsync(a => a.Status == HomeSubsidyStatus.Submitted || a.Status == HomeSubsidyStatus.Reviewed, ct);
        // summed in memory: money is stored as fen and the approved applications of a county are few
        SubsidiesApproved = (await db.Set<HomeSubsidyApplication>().Where(a => a.Status == HomeSubsidyStatus.Approved).Select(a => a.Amount).ToListAsync(ct)).Sum(m => m.Yuan);
        Homes = await homes.ListAsync(null, overdue is "filing" or "check" ? overdue : null, PageRequest.From(page, 50), ct);
    }
}

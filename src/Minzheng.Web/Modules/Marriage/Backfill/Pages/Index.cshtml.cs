using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Marriage.Backfill.Pages;

/// <summary>The backfill's page: progress per county against the archive count, the quality report, and the records to check.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + MarriagePermissions.Read)]
public sealed class IndexModel(BackfillQuality quality, HistoricalRecords records, AppDbContext db, ICurrentUser user) : PageModel, IReloadAfterProblem
{
    public QualityReport Report { get; private set; } = null!;
    public Paged<HistoricalMarriageRecord> Records { get; private set; } = null!;
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }
    public bool CanEnter => user.HasPermission(BackfillPermissions.Enter);
    public bool CanCheck => user.HasPermission(BackfillPermissions.Check);
    public string UserName => user.UserName;

    public async Task OnGetAsync() => await ReloadAfterProblemAsync(HttpContext.RequestAborted);

    public async Task ReloadAfterProblemAsync(CancellationToken ct)
    {
        Report = await quality.ReportAsync(null, ct);
        var status = Status is "Entered" or "Checked" ? Status : null;
        Records = await BackfillSetup.Query(db, status, Q, null).OrderBy(r => r.Status).ThenByDescending(r => r.EnteredAt).ThenBy(r => r.Id)
            .ToPagedAsync(PageRequest.From(PageNumber, 30), ct);
    }

    public async Task<IActionResult> OnPostCheckAsync(Guid id, int version, bool confirmA, bool confirmB)
    {
        if (!CanCheck) return Forbid();
        var r = await records.CheckAsync(id, new CheckInput(version, confirmA, confirmB), HttpContext.RequestAborted);
        TempData["Message"] = $"档案 {r.ArchiveNumber} 已校核";
        return Redirect("/marriage/backfill");
    }
}

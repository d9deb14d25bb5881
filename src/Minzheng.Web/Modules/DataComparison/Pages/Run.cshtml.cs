using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;

namespace Minzheng.Web.Modules.DataComparison.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + ComparisonPermissions.Read)]
public sealed class RunModel(AppDbContext db, DivisionDirectory divisions) : PageModel
{
    public ComparisonRun Run { get; private set; } = null!;
    public List<RuleReport> Reports { get; private set; } = [];
    public string NameOf(string code) => divisions.NameOf(code);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var run = await db.Set<ComparisonRun>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, HttpContext.RequestAborted);
        if (run is null) return NotFound();
        Run = run;
        Reports = JsonSerializer.Deserialize<List<RuleReport>>(run.ReportJson, Platform.Audit.AuditRecorder.Json) ?? [];
        return Page();
    }
}

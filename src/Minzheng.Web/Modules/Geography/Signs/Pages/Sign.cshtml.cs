using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Geography.Signs.Pages;

/// <summary>/geography/signs/{id}: one sign, its inspections and repairs, and the form to record an inspection (with the sign's version).</summary>
[Authorize(Policy = Permissions.PolicyPrefix + GeographyPermissions.Read)]
public sealed class SignModel(SignCases cases, AppDbContext db, DivisionDirectory divisions, BusinessClock clock, ICurrentUser user) : PageModel
{
    public sealed class CheckForm
    {
        public DateOnly? CheckedOn { get; set; }
        public SignCondition? Condition { get; set; }
        public string? Note { get; set; }
        public DateOnly? RepairedOn { get; set; }
        public string? RepairNote { get; set; }
        public int? Version { get; set; }
    }

    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public CheckForm Input { get; set; } = new();
    public SignsSetup.SignRow? Sign { get; private set; }
    public IReadOnlyList<NameSignCheck> Checks { get; private set; } = [];
    public IReadOnlyList<NameSignPhoto> Photos { get; private set; } = [];
    public bool CanManage => user.HasPermission(GeographyPermissions.Manage);

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var s = await cases.LoadSignAsync(Id, ct);
        Sign = SignsSetup.Row(s, divisions);
        Checks = await db.Set<NameSignCheck>().AsNoTracking().Where(c => c.SignId == s.Id).OrderByDescending(c => c.CheckedOn).ThenBy(c => c.Id).ToListAsync(ct);
        Photos = await db.Set<NameSignPhoto>().AsNoTracking().Where(p => p.SignId == s.Id).OrderBy(p => p.Id).ToListAsync(ct);
        Input.CheckedOn ??= clock.Today;
        Input.Version ??= s.Version;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanManage) return Forbid();
        await cases.InspectAsync(Id, new SignCheckInput(Input.CheckedOn, Input.Condition, Input.Note, Input.RepairedOn, Input.RepairNote, Input.Version), HttpContext.RequestAborted);
        TempData["Message"] = "已登记巡查";
        return Redirect($"/geography/signs/{Id}");
    }
}

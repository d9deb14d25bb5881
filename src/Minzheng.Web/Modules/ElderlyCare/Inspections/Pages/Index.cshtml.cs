using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.ElderlyCare.Inspections.Pages;

/// <summary>双随机、一公开: overdue alerts first, then the inspections, the draws and the one list and two directories, with their forms.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + ElderlyCarePermissions.Read)]
public sealed class IndexModel(InspectionService inspections, AppDbContext db, ICurrentUser user, BusinessClock clock) : PageModel
{
    public sealed class FormInput
    {
        public string? Name { get; set; }
        public string? Basis { get; set; }
        public string? Method { get; set; }
        public Guid? OrganizationId { get; set; }
        public string? CertificateNumber { get; set; }
        public string? Field { get; set; }
        public string? UserName { get; set; }
        public List<Guid>? Conflicts { get; set; }
        public Guid? MatterId { get; set; }
        public decimal? RatioPercent { get; set; }
        public int? InspectorsPerHome { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public bool CanManage => user.HasPermission(InspectionPermissions.Manage);
    public DateOnly Today => clock.Today;
    public Paged<Inspection> Result { get; private set; } = new([], 0, 1, 50);
    public List<Rectification> Overdue { get; private set; } = [];
    public Dictionary<Guid, string> OverdueHomes { get; private set; } = [];
    public List<Inspection> PublicationOverdue { get; private set; } = [];
    public List<InspectionDrawRecord> Draws { get; private set; } = [];
    public List<InspectionMatter> Matters { get; private set; } = [];
    public List<InspectionService.TargetRow> Targets { get; private set; } = [];
    public List<Inspector> Inspectors { get; private set; } = [];
    public List<(Guid Id, string Name)> Candidates { get; private set; } = [];

    public async Task OnGetAsync([FromQuery] int page = 1)
    {
        var ct = HttpContext.RequestAborted;
        Result = await db.Set<Inspection>().AsNoTracking().Include(i => i.Rectifications).OrderByDescending(i => i.Number).ToPagedAsync(PageRequest.From(page, 50, 50), ct);
        Overdue = await inspections.Overdue().OrderBy(r => r.DueOn).Take(50).ToListAsync(ct);
        var ids = Overdue.Select(r => r.InspectionId).Distinct().ToList();
        OverdueHomes = await db.Set<Inspection>().AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.HomeName, ct);
        PublicationOverdue = await inspections.PublicationOverdue().OrderBy(i => i.PublishDueOn).Take(50).ToListAsync(ct);
        Draws = await db.Set<InspectionDrawRecord>().AsNoTracking().OrderByDescending(d => d.Number).Take(20).ToListAsync(ct);
        Matters = await db.Set<InspectionMatter>().AsNoTracking().Where(m => m.Active).OrderBy(m => m.Name).ToListAsync(ct);
        Targets = await inspections.Targets().Take(500).ToListAsync(ct);
        Inspectors = await db.Set<Inspector>().AsNoTracking().Where(i => i.Active).OrderBy(i => i.Name).ToListAsync(ct);
        var listed = Targets.Select(t => t.OrganizationId).ToHashSet();
        Candidates = [.. (await db.Set<Organization>().AsNoTracking().Where(o => o.Status == OrganizationStatus.Active).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).Take(500).ToListAsync(ct))
            .Where(o => !listed.Contains(o.Id)).Select(o => (o.Id, o.Name))];
    }

    private void RequireManage()
    {
        if (!CanManage) throw AppProblem.Forbidden("需要“双随机抽查”管理权限");
    }

    public async Task<IActionResult> OnPostMatterAsync()
    {
        RequireManage();
        await inspections.AddMatterAsync(new MatterInput(Input.Name, Input.Basis, Input.Method), HttpContext.RequestAborted);
        TempData["Message"] = "已加入抽查事项清单";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostTargetAsync()
    {
        RequireManage();
        await inspections.AddTargetAsync(new TargetInput(Input.OrganizationId), HttpContext.RequestAborted);
        TempData["Message"] = "已列入检查对象名录库";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostInspectorAsync()
    {
        RequireManage();
        await inspections.AddInspectorAsync(new InspectorInput(Input.Name, Input.CertificateNumber, Input.Field, Input.UserName, Input.Conflicts), HttpContext.RequestAborted);
        TempData["Message"] = "已登记检查人员";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDrawAsync()
    {
        RequireManage();
        var d = await inspections.DrawAsync(new DrawRequest(Input.MatterId, Input.RatioPercent, Input.InspectorsPerHome), HttpContext.RequestAborted);
        TempData["Message"] = $"已抽取（{d.Number}，种子 {d.Seed}）";
        return RedirectToPage();
    }
}

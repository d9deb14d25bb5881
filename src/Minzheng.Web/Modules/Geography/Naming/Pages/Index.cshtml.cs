using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Geography.PlaceNames;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Geography.Naming.Pages;

/// <summary>
/// /geography/applications: the naming and renaming applications in scope by step and deadline (overdue filing or
/// announcement, with their count), and the form to apply; a renaming names the existing place name by its current name.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + GeographyPermissions.Read)]
public sealed class IndexModel(NamingApplications apps, AppDbContext db, DivisionDirectory divisions, ICurrentUser user) : PageModel
{
    public sealed class ApplyForm
    {
        public NamingKind? Kind { get; set; } = NamingKind.Naming;
        public Guid? PlaceNameId { get; set; }
        public string? CurrentName { get; set; }
        public string? ProposedName { get; set; }
        public PlaceNameCategory? Category { get; set; }
        public string? DivisionCode { get; set; }
        public string? Location { get; set; }
        public string? Size { get; set; }
        public string? Nature { get; set; }
        public string? Plan { get; set; }
        public string? Reasons { get; set; }
        public string? Applicant { get; set; }
    }

    [BindProperty] public ApplyForm Input { get; set; } = new();
    [FromQuery] public string? State { get; set; }
    [FromQuery] public bool? Overdue { get; set; }
    [FromQuery] public string? Q { get; set; }
    public Paged<NamingDto> Rows { get; private set; } = new([], 0, 1, 50);
    public NamingAlerts Alerts { get; private set; } = new(0, 0, 0);
    public bool CanManage => user.HasPermission(GeographyPermissions.Manage);
    public DivisionFilter FormDivisions => DivisionFilter.For(divisions, user, Input.DivisionCode, "Input.DivisionCode");

    public async Task OnGetAsync([FromQuery] int page = 1, [FromQuery] Guid? renaming = null)
    {
        var ct = HttpContext.RequestAborted;
        Alerts = await apps.AlertsAsync(ct);
        if (renaming is { } id && await db.Set<PlaceName>().AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, ct) is { } n)
        {
            Input = new ApplyForm { Kind = NamingKind.Renaming, PlaceNameId = n.Id, CurrentName = n.Name, Category = n.Category, DivisionCode = n.DivisionCode };
        }
        Rows = await apps.ListAsync(new NamingFilter(State, Overdue, Q), PageRequest.From(page, 50, 50), ct);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanManage) return Forbid();
        var ct = HttpContext.RequestAborted;
        var placeNameId = Input.Kind == NamingKind.Renaming ? Input.PlaceNameId ?? await RenamedAsync(ct) : null;
        var a = await apps.ApplyAsync(new NamingApplyInput
        {
            Kind = Input.Kind,
            PlaceNameId = placeNameId,
            ProposedName = Input.ProposedName,
            Category = Input.Category,
            DivisionCode = Input.DivisionCode,
            Location = Input.Location,
            Size = Input.Size,
            Nature = Input.Nature,
            Plan = Input.Plan,
            Reasons = Input.Reasons,
            Applicant = Input.Applicant,
        }, ct);
        TempData["Message"] = $"已受理{NamingApplications.KindName(a.Kind)}申请 {a.Number}“{a.ProposedName}”。" +
                              (a.HasBindingConflict ? "第九条检查发现重名或同音，不能批准，请审查后退回重新拟名。" : "第九条检查未发现重名、同音。");
        return Redirect($"/geography/applications/{a.Id}");
    }

    /// <summary>The place name renamed, found in scope by its current name (a standard name first); none or several is said beside the field.</summary>
    private async Task<Guid?> RenamedAsync(CancellationToken ct)
    {
        var current = Input.CurrentName?.Trim();
        if (string.IsNullOrEmpty(current)) return null;
        if (current.Length > PlaceNameLimits.Name) throw AppProblem.Field("placeNameId", $"地名不能超过{PlaceNameLimits.Name}个字");
        var found = await db.Set<PlaceName>().AsNoTracking().Where(n => n.Name == current && n.Status != PlaceNameStatus.Retired)
            .Where(n => Input.DivisionCode == null || Input.DivisionCode == "" || n.DivisionCode == Input.DivisionCode)
            .Select(n => new { n.Id, n.Status }).Take(10).ToListAsync(ct);
        found = [.. found.OrderBy(n => n.Status)];
        if (found.Count == 0) throw AppProblem.Field("placeNameId", $"管辖范围内没有名为“{current}”的现行地名");
        if (found.Count > 1 && found[0].Status == found[1].Status) throw AppProblem.Field("placeNameId", $"有多个名为“{current}”的地名，请选择所在区划，或从地名库的地名详情进入");
        return found[0].Id;
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.SocialOrganizations.SpotChecks.Pages;

/// <summary>社会组织抽查: the year's plan (ratio, population), the draws with their seeds and replay, the checks, and the inspector pool.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + SocialOrganizationPermissions.Read)]
public sealed class IndexModel(AppDbContext db, SpotCheckService spotChecks, FigureBook figures, ICurrentUser user, BusinessClock clock) : PageModel, IReloadAfterProblem
{
    public sealed class FormInput
    {
        public int? Year { get; set; }
        public string? Name { get; set; }
        public string? CertificateNumber { get; set; }
        public List<Guid>? Conflicts { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public bool CanManage => user.HasPermission(SpotCheckPermissions.Manage);
    public string? PlanText { get; private set; }
    public List<SpotCheckDraw> Draws { get; private set; } = [];
    public Paged<SpotCheck> Checks { get; private set; } = new([], 0, 1, 50);
    public List<SpotCheckInspector> Inspectors { get; private set; } = [];
    public List<(Guid Id, string Name)> Organizations { get; private set; } = [];
    public DateOnly Today => clock.Today;

    public async Task OnGetAsync([FromQuery] int page = 1) => await LoadAsync(page, HttpContext.RequestAborted);

    public async Task ReloadAfterProblemAsync(CancellationToken ct) => await LoadAsync(1, ct);

    private async Task LoadAsync(int page, CancellationToken ct)
    {
        Draws = await db.Set<SpotCheckDraw>().AsNoTracking().OrderByDescending(d => d.Year).ThenBy(d => d.Number).Take(50).ToListAsync(ct);
        Checks = await db.Set<SpotCheck>().AsNoTracking().OrderByDescending(c => c.Year).ThenBy(c => c.OrganizationName).ToPagedAsync(PageRequest.From(page, 50, 50), ct);
        if (!CanManage) return;
        var (division, level) = spotChecks.OwnAuthority();
        var ratio = figures.Find(SpotCheckFigures.Ratio, division, Today, level == RegistrationLevel.City ? "city" : "county");
        var population = await db.Set<SocialOrganizationProfile>().Where(p => p.AuthorityDivisionCode == division)
            .Join(db.Set<Organization>().Where(o => o.Status == OrganizationStatus.Active), p => p.OrganizationId, o => (Guid?)o.Id, (p, o) => o.Id).CountAsync(ct);
        PlanText = ratio?.Row.Percent is { } r
            ? $"本机关（{(level == RegistrationLevel.City ? "市级" : "县级")}登记）登记的存续社会组织 {population} 家，定期抽查比例不低于 {r:0.###}%（{ratio.Row.Document}），本年度应抽取 {SpotCheckSampler.Count(population, r)} 家。"
            : "尚未设置本层级的定期抽查比例，请在标准中维护。";
        Inspectors = await db.Set<SpotCheckInspector>().AsNoTracking().Where(i => i.Active && i.DivisionCode == division).OrderBy(i => i.Name).ToListAsync(ct);
        Organizations = [.. (await (from p in db.Set<SocialOrganizationProfile>() join o in db.Set<Organization>() on p.OrganizationId equals o.Id
                                    where p.AuthorityDivisionCode == division orderby o.Name select new { o.Id, o.Name }).Take(500).ToListAsync(ct)).Select(o => (o.Id, o.Name))];
    }

    public async Task<IActionResult> OnPostDrawAsync()
    {
        var d = await spotChecks.DrawAsync(new DrawInput(Input.Year), HttpContext.RequestAborted);
        TempData["Message"] = $"已抽取 {d.Year} 年度定期抽查（{d.Number}，种子 {d.Seed}）";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostInspectorAsync()
    {
        await spotChecks.AddInspectorAsync(new InspectorInput(Input.Name, Input.CertificateNumber, Input.Conflicts), HttpContext.RequestAborted);
        TempData["Message"] = "已登记检查人员";
        return RedirectToPage();
    }
}

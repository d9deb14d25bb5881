using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Web.Modules.SocialOrganizations.Evaluation.Pages;

/// <summary>评估申请 list (the organisation sees its own), the experts of the authority and the form to register one.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + EvaluationPermissions.Apply)]
public sealed class IndexModel(AppDbContext db, EvaluationService evaluations, ICurrentUser user) : PageModel
{
    public sealed class FormInput
    {
        public string? Name { get; set; }
        public string? Field { get; set; }
        public List<Guid>? Conflicts { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    public bool CanManage => user.HasPermission(EvaluationPermissions.Manage);
    public bool IsOrganization => user.OrganizationId is not null;
    public Paged<OrganizationEvaluation> Result { get; private set; } = new([], 0, 1, 50);
    public List<EvaluationExpert> Experts { get; private set; } = [];
    public List<(Guid Id, string Name)> Organizations { get; private set; } = [];

    public async Task OnGetAsync([FromQuery] int page = 1)
    {
        var ct = HttpContext.RequestAborted;
        var q = db.Set<OrganizationEvaluation>().AsNoTracking();
        if (!string.IsNullOrEmpty(State)) q = q.Where(e => e.State == State);
        Result = await q.OrderByDescending(e => e.AppliedOn).ThenByDescending(e => e.Number).ToPagedAsync(PageRequest.From(page, 50, 50), ct);
        if (CanManage)
        {
            Experts = await db.Set<EvaluationExpert>().AsNoTracking().Where(x => x.Active).OrderBy(x => x.Name).ToListAsync(ct);
            Organizations = [.. (await (from p in db.Set<SocialOrganizationProfile>() join o in db.Set<Organization>() on p.OrganizationId equals o.Id orderby o.Name select new { o.Id, o.Name })
                .Take(500).ToListAsync(ct)).Select(o => (o.Id, o.Name))];
        }
    }

    public async Task<IActionResult> OnPostExpertAsync()
    {
        if (!CanManage) throw AppProblem.Forbidden("需要“组织社会组织评估”权限");
        await evaluations.AddExpertAsync(new ExpertInput(Input.Name, Input.Field, Input.Conflicts), HttpContext.RequestAborted);
        TempData["Message"] = "已登记评估专家";
        return RedirectToPage();
    }
}

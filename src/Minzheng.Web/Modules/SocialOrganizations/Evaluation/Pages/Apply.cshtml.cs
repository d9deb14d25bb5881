using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.SocialOrganizations.Evaluation.Pages;

/// <summary>
/// 申请评估: the organisation's own account sees its conditions checked one by one and applies; an officer picks the
/// organisation at the counter first. An ineligible application shows every unmet condition beside the form.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + EvaluationPermissions.Apply)]
public sealed class ApplyModel(AppDbContext db, EvaluationService evaluations, ICurrentUser user) : PageModel, IReloadAfterProblem
{
    public sealed class FormInput
    {
        public Guid? OrganizationId { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public bool IsOrganization => user.OrganizationId is not null;
    public EligibilityView? Eligibility { get; private set; }
    public List<(Guid Id, string Name)> Organizations { get; private set; } = [];

    public async Task OnGetAsync([FromQuery] Guid? organizationId)
    {
        Input.OrganizationId = user.OrganizationId ?? organizationId;
        await LoadAsync(HttpContext.RequestAborted);
    }

    public async Task ReloadAfterProblemAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        if (!IsOrganization)
        {
            Organizations = [.. (await (from p in db.Set<SocialOrganizationProfile>() join o in db.Set<Organization>() on p.OrganizationId equals o.Id orderby o.Name select new { o.Id, o.Name })
                .Take(500).ToListAsync(ct)).Select(o => (o.Id, o.Name))];
        }
        if (Input.OrganizationId is { } id && await db.Set<SocialOrganizationProfile>().AnyAsync(p => p.OrganizationId == id, ct))
            Eligibility = await evaluations.EligibilityAsync(id, ct);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var e = await evaluations.ApplyAsync(new ApplyInput(user.OrganizationId ?? Input.OrganizationId), HttpContext.RequestAborted);
        TempData["Message"] = $"已提交评估申请（{e.Number}），请填写自评";
        return Redirect($"/social-organizations/evaluations/{e.Id}");
    }
}

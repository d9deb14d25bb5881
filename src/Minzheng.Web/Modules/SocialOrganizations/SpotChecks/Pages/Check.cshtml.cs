using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.SocialOrganizations.SpotChecks.Pages;

/// <summary>One drawn organisation's check: the inspection record, the rectification and its completion, publication.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + SocialOrganizationPermissions.Read)]
public sealed class CheckModel(SpotCheckService spotChecks, RegistrationAuthority authority, ICurrentUser user, BusinessClock clock) : PageModel, IReloadAfterProblem
{
    public sealed class FormInput
    {
        public int? Version { get; set; }
        public string? InspectedOn { get; set; }
        public string? Findings { get; set; }
        public bool? Rectify { get; set; }
        public string? Requirement { get; set; }
        public string? RectifyDueOn { get; set; }
        public string? CompletedOn { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public SpotCheck Check { get; private set; } = null!;
    public bool MayAct { get; private set; }
    public DateOnly Today => clock.Today;
    private Guid _id;

    public async Task OnGetAsync(Guid id) => await LoadAsync(id, HttpContext.RequestAborted);

    public async Task ReloadAfterProblemAsync(CancellationToken ct) => await LoadAsync(_id, ct);

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Check = await spotChecks.LoadAsync(id, ct);
        var o = await authority.LoadAsync(Check.OrganizationId!.Value, ct);
        MayAct = user.HasPermission(SpotCheckPermissions.Manage) && authority.CanAct(o.Profile);
    }

    public async Task<IActionResult> OnPostFindingsAsync(Guid id)
    {
        _id = id;
        await spotChecks.RecordFindingsAsync(id, new FindingsInput(Input.Version, Input.InspectedOn, Input.Findings, Input.Rectify, Input.Requirement, Input.RectifyDueOn), HttpContext.RequestAborted);
        TempData["Message"] = "检查结果已记录";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRectifiedAsync(Guid id)
    {
        _id = id;
        await spotChecks.CompleteRectificationAsync(id, new RectifiedInput(Input.Version, Input.CompletedOn, Input.Note), HttpContext.RequestAborted);
        TempData["Message"] = "整改完成已记录";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id)
    {
        _id = id;
        await spotChecks.PublishAsync(id, new VersionInput(Input.Version), HttpContext.RequestAborted);
        TempData["Message"] = "抽查结果已公开";
        return RedirectToPage(new { id });
    }
}

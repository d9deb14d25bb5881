using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Charity.Funds.Pages;

/// <summary>募捐方案 (/charity/plans): the plans in scope, and the form to file one (before it starts, with the 公开募捐资格 in force).</summary>
[Authorize(Policy = Permissions.PolicyPrefix + CharityPermissions.Read)]
public sealed class PlansModel(CharityFunds funds, CharityForms forms, BusinessClock clock) : PageModel
{
    public sealed class FormInput
    {
        public string? OrganizationId { get; set; }
        public string? Title { get; set; }
        public string? Purpose { get; set; }
        public string? StartsOn { get; set; }
        public string? EndsOn { get; set; }
        public string? Channel { get; set; }
        public string? Platform { get; set; }
        public string? Place { get; set; }
        public string? Target { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public Paged<PlanDto> Plans { get; private set; } = null!;
    public IReadOnlyList<CharityPick> Organizations { get; private set; } = [];
    public bool MayWrite => forms.MayWrite;
    public DateOnly Today => clock.Today;

    public async Task OnGetAsync([FromQuery] int page = 1)
    {
        var ct = HttpContext.RequestAborted;
        Plans = await funds.ListAsync(null, PageRequest.From(page, 20), ct);
        Organizations = MayWrite ? await forms.OrganizationsAsync(ct) : [];
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var errors = new ValidationErrors();
        var input = new PlanInput(CharityForms.Id(Input.OrganizationId, "organizationId", errors), Input.Title, Input.Purpose,
            CharityForms.Date(Input.StartsOn, "startsOn", errors), CharityForms.Date(Input.EndsOn, "endsOn", errors), Input.Channel, Input.Platform, Input.Place,
            CharityForms.Amount(Input.Target, "target", errors));
        errors.ThrowIfAny();
        var plan = await funds.FileAsync(input, HttpContext.RequestAborted);
        TempData["Message"] = $"募捐方案已备案，备案编号 {plan.Number}";
        return RedirectToPage("Plan", new { id = plan.Id });
    }
}

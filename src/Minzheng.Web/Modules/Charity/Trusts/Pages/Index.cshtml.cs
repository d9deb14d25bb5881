using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Charity.Trusts.Pages;

/// <summary>慈善信托备案 (/charity/trusts): the filed trusts in scope (late ones marked), and the county's filing form.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + CharityPermissions.Read)]
public sealed class IndexModel(CharityTrusts trusts, ICurrentUser user, BusinessClock clock) : PageModel
{
    public sealed class FormInput
    {
        public string? DivisionCode { get; set; }
        public string? Name { get; set; }
        public string? Purpose { get; set; }
        public string? TrusteeKind { get; set; }
        public string? TrusteeName { get; set; }
        public string? Settlor { get; set; }
        public string? Property { get; set; }
        public string? EstablishedOn { get; set; }
        public string? FiledOn { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public Paged<TrustDto> Trusts { get; private set; } = null!;

    /// <summary>Filing is the registering 民政's act (charity.write), not the organisation's.</summary>
    public bool MayWrite => user.HasPermission(CharityPermissions.Write);
    public string? UserDivision => user.DivisionCode;
    public DateOnly Today => clock.Today;

    public async Task OnGetAsync([FromQuery] int page = 1) => Trusts = await trusts.ListAsync(false, PageRequest.From(page, 20), HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        var errors = new ValidationErrors();
        var input = new TrustInput(string.IsNullOrWhiteSpace(Input.DivisionCode) ? null : Input.DivisionCode, Input.Name, Input.Purpose, Input.TrusteeKind, Input.TrusteeName,
            Input.Settlor, CharityForms.Amount(Input.Property, "property", errors), CharityForms.Date(Input.EstablishedOn, "establishedOn", errors),
            CharityForms.Date(Input.FiledOn, "filedOn", errors));
        errors.ThrowIfAny();
        var trust = await trusts.FileAsync(input, HttpContext.RequestAborted);
        TempData["Message"] = $"慈善信托已备案，备案编号 {trust.Number}" + (trust.Late ? $"（超过备案期限 {trust.FilingDueOn:yyyy-MM-dd}）" : "");
        return RedirectToPage();
    }
}

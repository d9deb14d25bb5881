using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Charity.Funds.Pages;

/// <summary>
/// One plan (/charity/plans/{id}): its totals and entries, and the forms to record a gift and a spending. Each form carries the
/// plan's version: an entry made meanwhile by someone else is a 409 shown at the top, and nothing is booked.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + CharityPermissions.Read)]
public sealed class PlanModel(CharityFunds funds, CharityForms forms, BusinessClock clock) : PageModel
{
    public sealed class FormInput
    {
        public string? Version { get; set; }
        public string? DonorName { get; set; }
        public string? Amount { get; set; }
        public string? ReceivedOn { get; set; }
        public string? SpentOn { get; set; }
        public string? Purpose { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public PlanDto Plan { get; private set; } = null!;
    public Paged<EntryDto> Entries { get; private set; } = null!;
    public bool MayWrite => forms.MayWrite;
    public DateOnly Today => clock.Today;

    /// <summary>Which form was posted (its fields keep what was typed; the other form starts empty).</summary>
    public string? Posted { get; private set; }

    public async Task OnGetAsync(Guid id, [FromQuery] int page = 1)
    {
        var ct = HttpContext.RequestAborted;
        Plan = await funds.OneAsync(id, ct);
        Entries = await funds.EntriesAsync(id, PageRequest.From(page, 20), ct);
    }

    public async Task<IActionResult> OnPostDonateAsync(Guid id)
    {
        Posted = "donate";
        var errors = new ValidationErrors();
        var input = new DonationInput(Input.DonorName, CharityForms.Amount(Input.Amount, "amount", errors), CharityForms.Date(Input.ReceivedOn, "receivedOn", errors),
            CharityForms.Number(Input.Version, "version", errors));
        errors.ThrowIfAny();
        await funds.DonateAsync(id, input, HttpContext.RequestAborted);
        TempData["Message"] = "捐赠已登记";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostSpendAsync(Guid id)
    {
        Posted = "spend";
        var errors = new ValidationErrors();
        var input = new SpendingInput(Input.Purpose, CharityForms.Amount(Input.Amount, "amount", errors), CharityForms.Date(Input.SpentOn, "spentOn", errors),
            CharityForms.Number(Input.Version, "version", errors));
        errors.ThrowIfAny();
        await funds.SpendAsync(id, input, HttpContext.RequestAborted);
        TempData["Message"] = "支出已登记";
        return RedirectToPage(new { id });
    }
}

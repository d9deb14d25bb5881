using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Volunteers.Registration.Pages;

/// <summary>/volunteers/people: the volunteers in scope (an organisation: its own), filters, the Excel export, and for an organisation the form to register a volunteer.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + VolunteerPermissions.Read)]
public sealed class PeopleModel(VolunteerRegistrations registrations, ICurrentUser user) : PageModel
{
    public sealed class RegisterForm
    {
        public string? IdNumber { get; set; }
        public string? Name { get; set; }
        public bool WrittenConsent { get; set; }
        public string? Skills { get; set; }
        public string? Availability { get; set; }
        public string? GuardianName { get; set; }
        public string? GuardianRelationship { get; set; }
        public bool GuardianConsent { get; set; }
        public DateOnly? GuardianConsentOn { get; set; }
    }

    [BindProperty] public RegisterForm Input { get; set; } = new();
    [FromQuery(Name = "name")] public string? NameFilter { get; set; }
    [FromQuery] public int? Star { get; set; }
    [FromQuery] public string? Skill { get; set; }
    public Paged<VolunteerView> Rows { get; private set; } = new([], 0, 1, 50);
    public bool CanRegister => user.HasPermission(VolunteerPermissions.Manage) && user.OrganizationId is not null;

    public async Task OnGetAsync([FromQuery] int page = 1) =>
        Rows = await registrations.ListAsync(new VolunteerFilter(NameFilter, Star, Skill), PageRequest.From(page, 50, 50), HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanRegister) return Forbid();
        var v = await registrations.RegisterByOrganizationAsync(new OrganizationRegistrationInput(Input.IdNumber, Input.Name, Input.WrittenConsent, Input.Skills, Input.Availability,
            Input.GuardianName, Input.GuardianRelationship, Input.GuardianConsent, Input.GuardianConsentOn),
            HttpContext.RequestAborted);
        TempData["Message"] = $"已登记志愿者 {v.Name}（编号 {v.Number}）";
        return Redirect("/volunteers/people");
    }

}

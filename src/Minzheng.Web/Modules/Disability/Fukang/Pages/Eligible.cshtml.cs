using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Disability.Fukang.Pages;

/// <summary>The eligible physically disabled people in the user's scope, with what they received; the township assesses one here.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + DisabilityPermissions.Read)]
public sealed class EligibleModel(FukangEligibilityQuery eligibility, FukangCatalogue catalogue, FukangApplications applications, ICurrentUser user, BusinessClock clock) : PageModel, IReloadAfterProblem
{
    public sealed class FormInput
    {
        public Guid? DeviceId { get; set; }
        public string? Note { get; set; }
        public DateOnly? AssessedOn { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? PersonId { get; set; }
    public Paged<FukangEligiblePerson> People { get; private set; } = new([], 0, 1, 20);
    public FukangEligiblePerson? Selected { get; private set; }
    public IReadOnlyList<FukangDevice> Devices { get; private set; } = [];
    public bool CanAssess => user.HasPermission(FukangPermissions.Assess);
    public DateOnly Today => clock.Today;

    public Task OnGetAsync() => ReloadAfterProblemAsync(HttpContext.RequestAborted);

    public async Task ReloadAfterProblemAsync(CancellationToken ct)
    {
        People = await eligibility.ListAsync(Q, PageRequest.From(PageNumber, 20), ct);
        Selected = People.Items.FirstOrDefault(p => p.PersonId == PersonId);
        if (PersonId is not null && CanAssess) Devices = await catalogue.Devices(clock.Today.Year).ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostAssessAsync(Guid personId)
    {
        if (!CanAssess) return Forbid();
        PersonId = personId;
        var a = await applications.AssessAsync(new FukangAssessInput(personId, Input.DeviceId, Input.Note, Input.AssessedOn), ct: HttpContext.RequestAborted);
        TempData["Message"] = $"已完成需求评估 {a.Number}，报县级审批";
        return Redirect($"/disability/fukang/applications/{a.Id}");
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.SocialWork.Pages;

/// <summary>
/// /socialwork/services/{id}/edit: change or close a service; the case's beneficiary is picked from the registry by ID number or
/// name (the 查找 button shows the page again with the matches and everything typed); a stale version shows the 409 and keeps what was typed.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + SocialWorkPermissions.Services)]
public sealed class ServiceEditModel(Services services, Pickers pickers, ICurrentUser user) : PageModel, IReloadAfterProblem
{
    public sealed class ServiceForm
    {
        public string? Kind { get; set; }
        public string? Title { get; set; }
        public DateOnly? StartedOn { get; set; }
        public Guid? BeneficiaryPersonId { get; set; }
        public string? PersonQuery { get; set; }
        public string? Needs { get; set; }
        public string? Plan { get; set; }
        public int? Sessions { get; set; }
        public int? Participants { get; set; }
        public DateOnly? ClosedOn { get; set; }
        public string? ClosingNote { get; set; }
        public int? Version { get; set; }
    }

    [BindProperty] public ServiceForm Input { get; set; } = new();
    public SocialWorkService Service { get; private set; } = null!;
    public List<PickerOption> People { get; private set; } = [];
    public bool IsOrganization => user.OrganizationId is not null;

    public async Task OnGetAsync(Guid id)
    {
        var s = Service = await services.GetAsync(id, HttpContext.RequestAborted);
        Input = new ServiceForm
        {
            Kind = Services.KindCode(s.Kind),
            Title = s.Title,
            StartedOn = s.StartedOn,
            BeneficiaryPersonId = s.BeneficiaryPersonId,
            Needs = s.Needs,
            Plan = s.Plan,
            Sessions = s.Sessions,
            Participants = s.Participants,
            ClosedOn = s.ClosedOn,
            ClosingNote = s.ClosingNote,
            Version = s.Version,
        };
        await PeopleAsync(HttpContext.RequestAborted);
    }

    private async Task PeopleAsync(CancellationToken ct)
    {
        if (IsOrganization) return;
        People = [.. await pickers.PersonsAsync(Input.PersonQuery, "PersonQuery", ct)];
        if (await pickers.PersonAsync(Input.BeneficiaryPersonId, ct) is { } chosen && People.All(p => p.Value != chosen.Value)) People.Insert(0, chosen);
    }

    public async Task ReloadAfterProblemAsync(CancellationToken ct)
    {
        Service = await services.GetAsync(Guid.Parse((string)RouteData.Values["id"]!), ct);
        Input.PersonQuery = null;
        await PeopleAsync(ct);
    }

    /// <summary>查找: the page again with the persons matching the query and everything typed kept.</summary>
    public async Task<IActionResult> OnPostFindAsync(Guid id)
    {
        Service = await services.GetAsync(id, HttpContext.RequestAborted);
        ModelState.Clear();
        await PeopleAsync(HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var existing = await services.GetAsync(id, HttpContext.RequestAborted);
        await services.UpdateAsync(id, new ServiceInput
        {
            Kind = Input.Kind,
            Title = Input.Title,
            StartedOn = Input.StartedOn,
            // an organisation account sees no registry: it keeps the beneficiary the township or county named
            BeneficiaryPersonId = IsOrganization ? existing.BeneficiaryPersonId : Input.BeneficiaryPersonId,
            Needs = Input.Needs,
            Plan = Input.Plan,
            Sessions = Input.Sessions,
            Participants = Input.Participants,
            ClosedOn = Input.ClosedOn,
            ClosingNote = Input.ClosingNote,
            Version = Input.Version,
        }, HttpContext.RequestAborted);
        TempData["Message"] = "服务记录已修改";
        return Redirect($"/socialwork/stations/{existing.StationId}");
    }
}

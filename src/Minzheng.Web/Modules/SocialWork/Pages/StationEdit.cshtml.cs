using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.SocialWork.Pages;

/// <summary>/socialwork/stations/{id}/edit: change a station (organisations by picker); a stale version shows the 409 and keeps what was typed.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + SocialWorkPermissions.Write)]
public sealed class StationEditModel(Stations stations, Pickers pickers) : PageModel, IReloadAfterProblem
{
    public sealed class StationForm
    {
        public string? Name { get; set; }
        public Guid? OrganizationId { get; set; }
        public Guid? OperatorOrganizationId { get; set; }
        public string? Address { get; set; }
        public DateOnly? OpenedOn { get; set; }
        public DateOnly? ContractFrom { get; set; }
        public DateOnly? ContractTo { get; set; }
        public decimal? FundingYuan { get; set; }
        public string? Status { get; set; }
        public string? Note { get; set; }
        public int? Version { get; set; }
    }

    [BindProperty] public StationForm Input { get; set; } = new();
    public SocialWorkStation Station { get; private set; } = null!;
    public IReadOnlyList<PickerOption> Organizations { get; private set; } = [];

    public async Task OnGetAsync(Guid id)
    {
        var s = Station = await stations.GetAsync(id, HttpContext.RequestAborted);
        Input = new StationForm
        {
            Name = s.Name,
            OrganizationId = s.StationOrganizationId,
            OperatorOrganizationId = s.OperatorOrganizationId,
            Address = s.Address,
            OpenedOn = s.OpenedOn,
            ContractFrom = s.ContractFrom,
            ContractTo = s.ContractTo,
            FundingYuan = s.Funding?.Yuan,
            Status = Stations.StatusCode(s.Status),
            Note = s.Note,
            Version = s.Version,
        };
        Organizations = await pickers.OrganizationsAsync([Input.OrganizationId, Input.OperatorOrganizationId], HttpContext.RequestAborted);
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Station = await stations.GetAsync(id, ct);
        Organizations = await pickers.OrganizationsAsync([Input.OrganizationId, Input.OperatorOrganizationId], ct);
    }

    public Task ReloadAfterProblemAsync(CancellationToken ct) => LoadAsync(Guid.Parse((string)RouteData.Values["id"]!), ct);

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        await stations.UpdateAsync(id, new StationInput
        {
            Name = Input.Name,
            OrganizationId = Input.OrganizationId,
            OperatorOrganizationId = Input.OperatorOrganizationId,
            Address = Input.Address,
            OpenedOn = Input.OpenedOn,
            ContractFrom = Input.ContractFrom,
            ContractTo = Input.ContractTo,
            FundingYuan = Input.FundingYuan,
            Status = Input.Status,
            Note = Input.Note,
            Version = Input.Version,
        }, HttpContext.RequestAborted);
        TempData["Message"] = "社工站已修改";
        return Redirect($"/socialwork/stations/{id}");
    }
}

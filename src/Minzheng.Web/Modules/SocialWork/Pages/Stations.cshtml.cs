using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.SocialWork.Pages;

/// <summary>/socialwork/stations: the stations in scope (filter by county and status), the Excel export, and the form to register one.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + SocialWorkPermissions.Read)]
public sealed class StationsModel(Stations stations, DivisionDirectory divisions, ICurrentUser user, Pickers pickers) : PageModel
{
    public sealed class StationForm
    {
        public string? Name { get; set; }
        public string? DivisionCode { get; set; }
        public Guid? OrganizationId { get; set; }
        public Guid? OperatorOrganizationId { get; set; }
        public string? Address { get; set; }
        public DateOnly? OpenedOn { get; set; }
        public DateOnly? ContractFrom { get; set; }
        public DateOnly? ContractTo { get; set; }
        public decimal? FundingYuan { get; set; }
        public string? Status { get; set; }
    }

    [BindProperty] public StationForm Input { get; set; } = new();
    [FromQuery] public string? County { get; set; }
    [FromQuery(Name = "status")] public string? StatusFilter { get; set; }
    public Paged<SocialWorkStation> Rows { get; private set; } = new([], 0, 1, 50);
    public Dictionary<Guid, string> Orgs { get; private set; } = [];
    public bool CanWrite => user.HasPermission(SocialWorkPermissions.Write);
    public IReadOnlyList<PickerOption> Townships { get; private set; } = [];
    public IReadOnlyList<PickerOption> Organizations { get; private set; } = [];

    public string DivisionName(string code) => divisions.FullName(code);

    public async Task OnGetAsync([FromQuery] int page = 1)
    {
        Rows = await stations.ListAsync(County, StatusFilter, PageRequest.From(page, 50, 50), HttpContext.RequestAborted);
        Orgs = await stations.OrganizationNamesAsync(Rows.Items, HttpContext.RequestAborted);
        if (CanWrite)
        {
            Townships = pickers.Townships();
            Organizations = await pickers.OrganizationsAsync([Input.OrganizationId, Input.OperatorOrganizationId], HttpContext.RequestAborted);
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var s = await stations.CreateAsync(new StationInput
        {
            Name = Input.Name,
            DivisionCode = Input.DivisionCode,
            OrganizationId = Input.OrganizationId,
            OperatorOrganizationId = Input.OperatorOrganizationId,
            Address = Input.Address,
            OpenedOn = Input.OpenedOn,
            ContractFrom = Input.ContractFrom,
            ContractTo = Input.ContractTo,
            FundingYuan = Input.FundingYuan,
            Status = Input.Status,
        }, HttpContext.RequestAborted);
        TempData["Message"] = "社工站已登记";
        return Redirect($"/socialwork/stations/{s.Id}");
    }
}

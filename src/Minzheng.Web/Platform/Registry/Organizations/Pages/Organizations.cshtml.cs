using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Platform.Registry.Organizations.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + Permissions.OrganizationsRead)]
public sealed class OrganizationsModel(OrganizationQueries queries, DivisionDirectory divisions, ICurrentUser user) : PageModel
{
    public OrganizationFilter Filter { get; private set; } = new();
    public Paged<OrganizationRow>? Result { get; private set; }
    public Ui.DivisionFilter DivisionFilter => Ui.DivisionFilter.For(divisions, user, Filter.DivisionCode, "divisionCode");
    public bool CanWrite => user.HasPermission(Permissions.OrganizationsWrite);

    public async Task OnGetAsync(string? search, OrganizationKind? kind, OrganizationStatus? status, string? divisionCode, [FromQuery] int? page)
    {
        Filter = new OrganizationFilter { Search = search, Kind = kind, Status = status, DivisionCode = divisionCode };
        Result = await queries.SearchAsync(Filter, PageRequest.From(page, 20), HttpContext.RequestAborted);
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Platform.Registry.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + Permissions.RegistryRead)]
public sealed class HouseholdsModel(RegistryQueries queries, DivisionDirectory divisions, ICurrentUser user) : PageModel
{
    public HouseholdFilter Filter { get; private set; } = new();
    public Paged<HouseholdListItem> Result { get; private set; } = new([], 0, 1, 20);
    public Ui.DivisionFilter DivisionFilter => Ui.DivisionFilter.For(divisions, user, Filter.DivisionCode);
    public bool CanWrite => user.HasPermission(Permissions.RegistryWrite);
    public bool CanExport => user.HasPermission(Permissions.RegistryExport);

    public async Task OnGetAsync(string? number, string? headName, string? divisionCode, [FromQuery] int? page)
    {
        Filter = new HouseholdFilter { Number = number, HeadName = headName, DivisionCode = divisionCode };
        Result = await queries.HouseholdsAsync(Filter, PageRequest.From(page, 20), HttpContext.RequestAborted);
    }
}

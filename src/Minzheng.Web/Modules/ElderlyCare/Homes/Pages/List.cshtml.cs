using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Modules.ElderlyCare.Contracts;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.ElderlyCare.Homes.Pages;

/// <summary>养老机构名录 (/elderly/homes): every home in scope, filtered by kind or by what is overdue (the dashboard's tiles link here).</summary>
[Authorize(Policy = Permissions.PolicyPrefix + HomesPermissions.Read)]
public sealed class ListModel(CareHomes homes, DivisionDirectory divisions) : PageModel
{
    public Paged<HomeRow> Homes { get; private set; } = new([], 0, 1, 50);
    public string? Kind { get; private set; }
    public string? Overdue { get; private set; }

    public string DivisionName(string code) => divisions.FullName(code);

    public string Heading => (Overdue switch { "filing" => "逾期未备案的", "check" => "逾期未现场检查的", _ => "" }) + (Kind is null ? "养老机构（含敬老院）" : ElderlyHomeKinds.Label(Kind));

    public async Task OnGetAsync([FromQuery] int? page, [FromQuery] string? kind, [FromQuery] string? overdue)
    {
        // an unknown filter shows every home rather than an error page: the filters come from links, not from typing
        Kind = kind is not null && ElderlyHomeKinds.All.Contains(kind) ? kind : null;
        Overdue = overdue is "filing" or "check" ? overdue : null;
        Homes = await homes.ListAsync(Kind, Overdue, PageRequest.From(page, 50), HttpContext.RequestAborted);
    }
}

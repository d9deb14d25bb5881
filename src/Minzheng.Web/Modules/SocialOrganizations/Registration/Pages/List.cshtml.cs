using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.SocialOrganizations.Registration.Pages;

/// <summary>社会组织名录 (/social-organizations/list): filters by name/pinyin/credit code, kind, level, county and status; xlsx export of the list in scope.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + SocialOrganizationPermissions.Read)]
public sealed class ListModel(RegistryQueries queries, DivisionDirectory divisions, ICurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Level { get; set; }
    [BindProperty(SupportsGet = true)] public string? County { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    public Paged<RegistryRow> Rows { get; private set; } = null!;

    /// <summary>The counties the user may see (the city officer all of them, a county officer his own).</summary>
    public IEnumerable<Division> Counties => divisions.InScope(user.Scope, DivisionLevel.County).OrderBy(d => d.Code);

    private RegistryFilter Filter => new(Q, Kind, Level, County, Status);

    public async Task OnGetAsync() => Rows = await queries.ListAsync(Filter, PageRequest.From(PageNumber, 20), HttpContext.RequestAborted);

    public async Task<IActionResult> OnGetExportAsync() =>
        File(await queries.ExcelAsync(Filter, HttpContext.RequestAborted), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "社会组织名录.xlsx");

    public string Link(int page) => $"/social-organizations/list?q={Uri.EscapeDataString(Q ?? "")}&kind={Kind}&level={Level}&county={County}&status={Status}&page={page}";
}

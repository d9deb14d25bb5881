using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Platform.Registry.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + Permissions.RegistryRead)]
public sealed class PersonsModel(PersonSearch search, DivisionDirectory divisions, ICurrentUser user, BusinessClock clock) : PageModel
{
    public PersonFilter Filter { get; private set; } = new();
    public Paged<PersonRow>? Result { get; private set; }
    public DivisionDirectory Divisions => divisions;
    public DivisionFilter DivisionFilter => DivisionFilter.For(divisions, user, Filter.DivisionCode);
    public bool CanWrite => user.HasPermission(Permissions.RegistryWrite);
    public bool CanExport => user.HasPermission(Permissions.RegistryExport);

    public int Age(DateOnly birth)
    {
        var today = clock.Today;
        var age = today.Year - birth.Year;
        return birth.AddYears(age) > today ? age - 1 : age;
    }

    public async Task OnGetAsync(string? idKey, string? name, string? divisionCode, LifeStatus? lifeStatus, bool? disabled, string? sort, [FromQuery] int? page)
    {
        Filter = new PersonFilter { IdKey = idKey, Name = name, DivisionCode = divisionCode, LifeStatus = lifeStatus, Disabled = disabled, Sort = sort };
        Result = await search.SearchAsync(Filter, PageRequest.From(page, 20), HttpContext.RequestAborted);
    }

    /// <summary>
    /// The search form posts here: an ID number is turned into its keyed hash before it goes into the
    /// URL, so the list URL (history, logs, the export link) never carries a full ID number.
    /// </summary>
    public IActionResult OnPost(string? idNumber, string? name, string? divisionCode, LifeStatus? lifeStatus, bool? disabled, string? sort)
    {
        string? idKey = null;
        if (!string.IsNullOrWhiteSpace(idNumber))
        {
            idKey = search.IdKeyOf(idNumber);
        }
        return RedirectToPage(new { idKey, name, divisionCode, lifeStatus, disabled, sort });
    }
}

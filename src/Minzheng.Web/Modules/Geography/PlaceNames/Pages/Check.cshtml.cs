using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Geography.PlaceNames.Pages;

/// <summary>/geography/check: the art. 9 check of a proposed name, as the API runs it (a GET: the result can be linked and printed).</summary>
[Authorize(Policy = Permissions.PolicyPrefix + GeographyPermissions.Read)]
[ProblemPrefix("")]
public sealed class CheckModel(NameChecks checks, DivisionDirectory divisions, ICurrentUser user) : PageModel
{
    [FromQuery] public string? Name { get; set; }
    [FromQuery] public PlaceNameCategory? Category { get; set; }
    [FromQuery] public string? DivisionCode { get; set; }
    public NameCheckResult? Result { get; private set; }
    public DivisionFilter Divisions => DivisionFilter.For(divisions, user, DivisionCode);

    public async Task OnGetAsync()
    {
        if (Name is null && Category is null) return;
        try
        {
            Result = await checks.CheckAsync(new NameCheckInput(Name, Category, DivisionCode), HttpContext.RequestAborted);
        }
        catch (AppProblem problem)
        {
            ModelState.AddProblem(problem, "");
        }
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Community.Pilots.Pages;

/// <summary>
/// /community/capacity/new: the county's assessment of one of its townships for a year, one score box per indicator in force
/// on the assessment day (the same use case as POST /api/v1/community/capacity). Errors beside the fields, what was typed kept.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + CommunityPermissions.Oversee)]
public sealed class CapacityNewModel(CapacityAssessments assessments, ICurrentUser user, DivisionDirectory divisions, BusinessClock clock) : PageModel, IReloadAfterProblem
{
    [FromQuery] public int? Year { get; set; }
    [FromQuery] public string? Town { get; set; }
    [BindProperty] public AssessForm Input { get; set; } = new();

    public IReadOnlyList<ScoreLine> Lines { get; private set; } = [];
    public IReadOnlyList<Division> Towns { get; private set; } = [];
    public AssessFieldsModel Fields => new("Input", Input, Lines, ModelState);

    public Task OnGetAsync() => ReloadAfterProblemAsync(HttpContext.RequestAborted);

    public async Task ReloadAfterProblemAsync(CancellationToken ct)
    {
        Towns = [.. divisions.InScope(user.Scope, DivisionLevel.Town).OrderBy(t => t.Code, StringComparer.Ordinal)];
        var posted = HttpMethods.IsPost(Request.Method);
        if (!posted)
        {
            var today = clock.Today;
            Input = new AssessForm { DivisionCode = Towns.Any(t => t.Code == Town) ? Town : null, Year = Year ?? today.Year, AssessedOn = today };
        }
        var on = Input.AssessedOn ?? clock.Today;
        Lines = [.. (await assessments.IndicatorsAsync(on, ct)).Select(i => new ScoreLine(i.Code, i.Name, i.Group, i.MaxScore, i.Description))];
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var a = await assessments.CreateAsync(Input.ToInput(), HttpContext.RequestAborted);
        TempData["Message"] = $"已登记 {divisions.NameOf(a.DivisionCode)} {a.Year}年度服务能力评估：{a.Score100:0.0} 分，{CapacityRules.GradeName(a.Grade)}";
        return Redirect($"/community/capacity/{a.Id}");
    }

    public string CountyOf(Division town) => divisions.NameOf(DivisionCodes.CountyPart(town.Code).PadRight(DivisionCodes.Length, '0'));
}

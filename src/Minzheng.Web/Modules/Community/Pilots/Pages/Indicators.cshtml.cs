using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Community.Pilots.Pages;

/// <summary>
/// /community/capacity/indicators: the service-capacity indicator catalogue with each version's period; for the city's
/// officers the form of a new indicator (or a new version of one, after ending the old) and the end form of each version.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + CommunityPermissions.Read)]
public sealed class IndicatorsModel(CapacityAssessments assessments, BusinessClock clock) : PageModel, IReloadAfterProblem
{
    public sealed class IndicatorForm
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public string? Group { get; set; }
        public int? MaxScore { get; set; }
        public int? SortOrder { get; set; }
        public string? Description { get; set; }
        public DateOnly? ValidFrom { get; set; }
        public DateOnly? ValidTo { get; set; }
    }

    public sealed class EndForm
    {
        public Guid? IndicatorId { get; set; }
        public int? Version { get; set; }
        public DateOnly? ValidTo { get; set; }
    }

    [BindProperty] public IndicatorForm Input { get; set; } = new();
    [BindProperty] public EndForm End { get; set; } = new();

    public IReadOnlyList<CapacityIndicator> Rows { get; private set; } = [];
    public DateOnly Today => clock.Today;
    public bool CanEdit => assessments.CanEditCatalogue;
    public int MaxTotalToday => Rows.Where(r => r.InForceOn(Today)).Sum(r => r.MaxScore);
    public string? Posted => HttpMethods.IsPost(Request.Method) ? Request.Query["handler"].FirstOrDefault() ?? "" : null;

    public Task OnGetAsync() => ReloadAfterProblemAsync(HttpContext.RequestAborted);

    public async Task ReloadAfterProblemAsync(CancellationToken ct)
    {
        Rows = await assessments.IndicatorsAsync(null, ct);
        if (Posted != "") Input = new IndicatorForm { ValidFrom = Today };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanEdit) return Forbid();
        var row = await assessments.AddIndicatorAsync(new IndicatorInput
        {
            Code = Input.Code,
            Name = Input.Name,
            Group = Input.Group,
            MaxScore = Input.MaxScore,
            SortOrder = Input.SortOrder,
            Description = Input.Description,
            ValidFrom = Input.ValidFrom,
            ValidTo = Input.ValidTo,
        }, HttpContext.RequestAborted);
        TempData["Message"] = $"已新增指标 {row.Name}";
        return Redirect("/community/capacity/indicators");
    }

    [ProblemPrefix("End")]
    public async Task<IActionResult> OnPostEndAsync()
    {
        if (!CanEdit) return Forbid();
        if (End.IndicatorId is not { } id) return NotFound();
        var row = await assessments.EndIndicatorAsync(id, new IndicatorEndInput { Version = End.Version, ValidTo = End.ValidTo }, HttpContext.RequestAborted);
        TempData["Message"] = $"指标 {row.Name} 执行至 {row.ValidTo:yyyy-MM-dd}";
        return Redirect("/community/capacity/indicators");
    }

    public string Errors(string key) =>
        ModelState.TryGetValue(key, out var e) ? string.Join("；", e.Errors.Select(x => x.ErrorMessage).Where(m => m.Length > 0)) : "";
}

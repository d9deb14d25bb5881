using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Community.Pilots.Pages;

/// <summary>
/// /community/pilots/county/{code}: one county's coverage for the year and its 村委会 (optionally one township's) with their
/// pilots; for officers with community.oversee the designate form (a village not yet a pilot that year) and the acceptance
/// form of each pilot under construction, with its version. A failed form keeps what was typed, errors beside the fields.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + CommunityPermissions.Read)]
public sealed class CountyModel(CommunityPilots pilots, PilotQueries queries, ICurrentUser user, DivisionDirectory divisions, BusinessClock clock)
    : PageModel, IReloadAfterProblem
{
    public sealed class DesignateForm
    {
        public string? DivisionCode { get; set; }
        public int? Year { get; set; }
        public string? Theme { get; set; }
        public string? Measures { get; set; }
    }

    public sealed class AcceptForm
    {
        public Guid? PilotId { get; set; }
        public int? Version { get; set; }
        public DateOnly? AcceptedOn { get; set; }
        public string? Note { get; set; }
    }

    [FromRoute] public string Code { get; set; } = "";
    [FromQuery] public int? Year { get; set; }
    [FromQuery] public string? Town { get; set; }
    [BindProperty] public DesignateForm Input { get; set; } = new();
    [BindProperty] public AcceptForm Accept { get; set; } = new();

    public Division County { get; private set; } = null!;
    public CoverageRow? Coverage { get; private set; }
    public IReadOnlyList<PilotVillage> Villages { get; private set; } = [];
    public IReadOnlyList<Division> Towns { get; private set; } = [];
    public int ThisYear => clock.Today.Year;
    public int ShownYear => Year is >= PilotLimits.FirstYear and <= PilotLimits.LastYear ? Year.Value : ThisYear;
    public bool CanOversee => user.HasPermission(CommunityPermissions.Oversee);
    public string? Posted => HttpMethods.IsPost(Request.Method) ? Request.Query["handler"].FirstOrDefault() ?? "" : null;

    public Task OnGetAsync() => ReloadAfterProblemAsync(HttpContext.RequestAborted);

    public async Task ReloadAfterProblemAsync(CancellationToken ct)
    {
        // another county (or none): not found, as for a record out of scope
        if (divisions.Find(Code) is not { Level: DivisionLevel.County } county
            || !(user.Scope.Contains(county.Code) || (user.DivisionCode?.StartsWith(DivisionCodes.CountyPart(county.Code), StringComparison.Ordinal) ?? false)))
            throw AppProblem.NotFound("县（市、区）");
        County = county;
        Towns = [.. divisions.ChildrenOf(county.Code).Where(t => t.Level == DivisionLevel.Town && user.Scope.Contains(t.Code))];
        Coverage = (await queries.CoverageAsync(ShownYear, ct)).Counties.FirstOrDefault(c => c.DivisionCode == county.Code);
        Villages = await pilots.VillagesAsync(county.Code, Towns.Any(t => t.Code == Town) ? Town : null, ct);
        if (Posted != "") Input = new DesignateForm { Year = ShownYear };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanOversee) return Forbid();
        var pilot = await pilots.DesignateAsync(new PilotDesignateInput
        {
            DivisionCode = Input.DivisionCode,
            Year = Input.Year,
            Theme = Input.Theme,
            Measures = Input.Measures,
        }, HttpContext.RequestAborted);
        TempData["Message"] = $"已确定 {divisions.NameOf(pilot.DivisionCode)} 为{pilot.Year}年农村社区试点";
        return Redirect($"/community/pilots/county/{Code}?year={pilot.Year}");
    }

    [ProblemPrefix("Accept")]
    public async Task<IActionResult> OnPostAcceptAsync()
    {
        if (!CanOversee) return Forbid();
        if (Accept.PilotId is not { } id) throw AppProblem.NotFound("农村社区试点");
        var pilot = await pilots.AcceptAsync(id, new PilotAcceptInput { Version = Accept.Version, AcceptedOn = Accept.AcceptedOn, Note = Accept.Note }, HttpContext.RequestAborted);
        TempData["Message"] = $"{divisions.NameOf(pilot.DivisionCode)} {pilot.Year}年试点已验收";
        return Redirect($"/community/pilots/county/{Code}?year={ShownYear}");
    }

    /// <summary>The villages the designate form offers: those not yet a pilot in the form's year.</summary>
    public IEnumerable<PilotVillage> Designatable => Villages.Where(v => v.Pilots.All(p => p.Year != (Input.Year ?? ShownYear)));

    public string Errors(string key) =>
        ModelState.TryGetValue(key, out var e) ? string.Join("；", e.Errors.Select(x => x.ErrorMessage).Where(m => m.Length > 0)) : "";
}

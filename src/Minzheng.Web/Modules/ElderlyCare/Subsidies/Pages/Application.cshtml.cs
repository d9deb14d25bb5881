using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.ElderlyCare.Homes;
using Minzheng.Web.Modules.ElderlyCare.Subsidies.Rules;
using Minzheng.Web.Modules.Payments.Contracts;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Modules.ElderlyCare.Subsidies.Pages;

/// <summary>
/// One application: the amount as the server recomputes it now (which residents, which level, which raise, which figure and
/// document, rounding), the timeline, the county's actions with an opinion (through the workflow kernel, as the API), and the
/// claw-back recovery payments holds when the home closed early.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + HomesPermissions.Read)]
public sealed class ApplicationModel(HomeSubsidies subsidies, HomeSubsidyClawbacks clawbacks, AppDbContext db, WorkflowEngine workflow, ICurrentUser user, BusinessClock clock) : PageModel
{
    public sealed class FormInput
    {
        public string? Opinion { get; set; }
    }

    public sealed record Event(DateTime At, string ActorName, string ActionName, string? Opinion);

    [BindProperty] public FormInput Input { get; set; } = new();
    public HomeSubsidyApplication Application { get; private set; } = null!;
    public ElderlyHome Home { get; private set; } = null!;
    public string HomeName { get; private set; } = "";
    public List<AmountLine> Explanation { get; private set; } = [];
    public List<string> Reasons { get; private set; } = [];

    /// <summary>The amount recomputed from today's facts while the county still decides (null once decided, or when a figure is missing: <see cref="RecomputeProblem"/>).</summary>
    public SubsidyDecision? Recomputed { get; private set; }
    public string? RecomputeProblem { get; private set; }
    public List<Event> Timeline { get; private set; } = [];
    public string StateName { get; private set; } = "";
    public DateOnly? StepDueDate { get; private set; }
    public List<TransitionModel> Allowed { get; private set; } = [];
    public IReadOnlyList<ClaimedRecovery> Recoveries { get; private set; } = [];
    public bool CanSeePayments => user.HasPermission(Payments.PaymentPermissions.Read);
    public DateOnly Today => clock.Today;

    public async Task OnGetAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        Application = await subsidies.LoadAsync(id, ct);
        Home = await db.Set<ElderlyHome>().AsNoTracking().FirstAsync(h => h.Id == Application.HomeId, ct);
        HomeName = await subsidies.HomeNameAsync(Home, ct);
        Explanation = JsonSerializer.Deserialize<List<AmountLine>>(Application.Explanation) ?? [];
        Reasons = JsonSerializer.Deserialize<List<string>>(Application.Reasons) ?? [];
        if (Application.Status is HomeSubsidyStatus.Submitted or HomeSubsidyStatus.Reviewed)
        {
            try
            {
                Recomputed = await subsidies.DecideAsync(Home, Application, ct);
            }
            catch (AppProblem p)
            {
                RecomputeProblem = p.Message;
            }
        }
        var model = HomeSubsidyProcess.Model;
        var c = await subsidies.CaseOfAsync(id, ct);
        if (c is null)
        {
            // the case starts at the county's first action: until then the process's first step is what may be done
            StateName = model.State(HomeSubsidyProcess.Submitted).Name;
            Allowed = model.From(HomeSubsidyProcess.Submitted).Where(t => user.HasPermission(t.Permission)).ToList();
        }
        else
        {
            var version = await workflow.ModelOfAsync(c, ct);
            StateName = version.State(c.State).Name;
            StepDueDate = c.StepDueDate;
            Allowed = workflow.AvailableActions(c, version).ToList();
            // the events of the application's own case, read past the division scope as the case was (a home's account reads its applications' opinions)
            Timeline = (await db.WorkflowCaseEvents.IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking().Where(e => e.CaseId == c.Id).ToListAsync(ct))
                .OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new Event(e.At, e.ActorName, e.ActionName, e.Opinion)).ToList();
        }
        Recoveries = await clawbacks.RecoveriesAsync(Application, ct);
    }

    // an AppProblem (opinion missing, a stale version, a state that changed) is shown on the page by the ProblemPageFilter (ADR 021)
    public async Task<IActionResult> OnPostActAsync(Guid id, [FromQuery] string step, [FromQuery] int version)
    {
        var a = await subsidies.PerformAsync(id, step, new SubsidyActionInput(Input.Opinion, version), HttpContext.RequestAborted);
        TempData["Message"] = $"已办理，现为：{SubsidyLabels.Of(a.Status)}";
        return Redirect($"/elderly/subsidies/{id}");
    }
}

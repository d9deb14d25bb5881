using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Ui;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Modules.SocialOrganizations.Evaluation.Pages;

/// <summary>
/// One evaluation: its facts, the self-assessment form (the organisation, or the officer at the counter), the expert scoring
/// form (the registration authority), the actions the process allows the user now, the score sheets and the timeline.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + EvaluationPermissions.Apply)]
public sealed class CaseModel(AppDbContext db, EvaluationService evaluations, RegistrationAuthority authority, WorkflowEngine engine, ICurrentUser user) : PageModel, IReloadAfterProblem
{
    public sealed class FormInput
    {
        public int? Version { get; set; }
        public Guid? ExpertId { get; set; }
        public string? Action { get; set; }
        public string? Opinion { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public OrganizationEvaluation Evaluation { get; private set; } = null!;
    public List<EvaluationIndicator> Indicators { get; private set; } = [];
    public List<(Guid? ExpertId, string Scorer, Dictionary<string, decimal> Points)> Sheets { get; private set; } = [];
    public List<EvaluationExpert> Experts { get; private set; } = [];
    public List<TransitionModel> Actions { get; private set; } = [];
    public List<WorkflowCaseEvent> Timeline { get; private set; } = [];
    public bool MayActAsAuthority { get; private set; }
    public bool MayApply { get; private set; }

    public bool CanEditSelf => MayApply && Evaluation.State == EvaluationProcess.SelfAssessment;
    public bool CanScore => MayActAsAuthority && Evaluation.State == EvaluationProcess.Scoring && user.HasPermission(EvaluationPermissions.Manage);

    public async Task OnGetAsync(Guid id) => await LoadAsync(id, HttpContext.RequestAborted);

    // a refused post shows the page again with the problem beside the field (the handler keeps the id it was called with)
    private Guid _id;

    public async Task ReloadAfterProblemAsync(CancellationToken ct) => await LoadAsync(_id, ct);

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Evaluation = await evaluations.LoadAsync(id, ct);
        var o = await authority.LoadAsync(Evaluation.OrganizationId!.Value, ct);
        MayActAsAuthority = authority.CanAct(o.Profile);
        MayApply = MayActAsAuthority || user.OrganizationId == o.Id;
        Indicators = await evaluations.IndicatorsAsync(Evaluation.IndicatorVersion, Evaluation.Kind, ct);
        var scores = await db.Set<EvaluationScore>().AsNoTracking().Where(s => s.EvaluationId == id).ToListAsync(ct);
        Sheets = [.. scores.GroupBy(s => s.ExpertId).OrderBy(g => g.Key is null ? 0 : 1).ThenBy(g => g.First().RecordedAt)
            .Select(g => (g.Key, g.First().ScorerName, g.ToDictionary(s => s.IndicatorCode, s => s.Points)))];
        if (user.HasPermission(EvaluationPermissions.Manage))
            Experts = await db.Set<EvaluationExpert>().AsNoTracking().Where(x => x.Active).OrderBy(x => x.Name).ToListAsync(ct);
        var c = await db.WorkflowCases.AsNoTracking().Include(x => x.Events).FirstAsync(x => x.Id == Evaluation.CaseId, ct);
        var model = await engine.ModelOfAsync(c, ct);
        // the process decides the actions; the authority check hides the officer's actions from the organisation and the other level
        Actions = [.. engine.AvailableActions(c, model).Where(t => t.Action is EvaluationProcess.SubmitSelf or EvaluationProcess.Withdraw ? MayApply : MayActAsAuthority)];
        Timeline = [.. c.Events.OrderBy(e => e.At)];
    }

    /// <summary>The points typed per indicator (fields score-CODE); an unreadable number becomes null, which the sheet check names.</summary>
    private Dictionary<string, decimal?> ReadSheet() =>
        Indicators.ToDictionary(i => i.Code, i =>
            decimal.TryParse(Request.Form[$"score-{i.Code}"].ToString().Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var p) ? (decimal?)p : null);

    public async Task<IActionResult> OnPostSelfAsync(Guid id)
    {
        _id = id;
        var ct = HttpContext.RequestAborted;
        Evaluation = await evaluations.LoadAsync(id, ct);
        Indicators = await evaluations.IndicatorsAsync(Evaluation.IndicatorVersion, Evaluation.Kind, ct);
        await evaluations.SaveSelfAssessmentAsync(id, new ScoreSheetInput(Input.Version, ReadSheet()), ct);
        TempData["Message"] = "自评得分已保存";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostExpertAsync(Guid id)
    {
        _id = id;
        var ct = HttpContext.RequestAborted;
        Evaluation = await evaluations.LoadAsync(id, ct);
        Indicators = await evaluations.IndicatorsAsync(Evaluation.IndicatorVersion, Evaluation.Kind, ct);
        if (Input.ExpertId is not { } expert) throw Platform.Http.AppProblem.Field("expertId", "请选择评估专家");
        await evaluations.SaveExpertScoresAsync(id, expert, new ScoreSheetInput(Input.Version, ReadSheet()), ct);
        TempData["Message"] = "专家评分已保存";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostActAsync(Guid id)
    {
        _id = id;
        var e = await evaluations.ActAsync(id, new ActionInput(Input.Action, Input.Version, Input.Opinion), HttpContext.RequestAborted);
        TempData["Message"] = $"已办理，当前阶段：{EvaluationProcess.StateName(e.State)}";
        return RedirectToPage(new { id });
    }
}

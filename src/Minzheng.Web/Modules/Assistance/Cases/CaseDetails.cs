using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Assistance.Rules;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Modules.Assistance.Cases;

public sealed record ActionOption(string Action, string Name, bool RequiresOpinion);

public sealed record CaseView(
    AssistanceCase Case, string StateName, string DivisionName, WorkflowCase Workflow, IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<ActionOption> Actions, Assessment? Assessment, string? AssessmentError, IReadOnlyList<AssistanceDocument> Documents,
    IReadOnlyList<AssistanceObjection> Objections, IReadOnlyList<AssistanceAmountChange> AmountHistory, IReadOnlyList<AmountLine> DecidedLines, bool Overdue);

/// <summary>One case with everything a clerk, an approver or the applicant needs on one screen.</summary>
public sealed class CaseDetails(AppDbContext db, AssistanceCases cases, CaseAssessor assessor, WorkflowEngine workflow, WorkflowQueries workflows,
    ICurrentUser user, BusinessClock clock, DivisionDirectory divisions)
{
    public async Task<CaseView> LoadAsync(Guid id, CancellationToken ct = default)
    {
        var c = await cases.LoadAsync(id, ct);
        var detail = await workflows.CaseAsync(c.WorkflowCaseId, ct);
        var model = detail.Model;
        var today = clock.Today;
        Assessment? assessment = null;
        string? error = null;
        if (!AssistanceProcesses.IsClosed(c.State))
        {
            try
            {
                assessment = assessor.Assess(c, today);
            }
            catch (AppProblem p)
            {
                error = p.Detail;
            }
        }
        var actions = workflow.AvailableActions(detail.Case, model)
            .Where(t => t.Action != "withdraw") // the applicant's own action, offered on the citizen pages
            .Select(t => new ActionOption(t.Action, t.ActionName, t.RequiresOpinion)).ToList();
        var decided = c.AmountExplanation is null ? [] : JsonSerializer.Deserialize<List<AmountLine>>(c.AmountExplanation, AssistanceCases.Json) ?? [];
        return new CaseView(c, CaseQueries.StateName(c.Program, c.State), divisions.FullName(c.DivisionCode), detail.Case, detail.Timeline, actions, assessment, error,
            await db.Set<AssistanceDocument>().AsNoTracking().Where(d => d.CaseId == id).OrderBy(d => d.IssuedAt).ToListAsync(ct),
            await db.Set<AssistanceObjection>().AsNoTracking().Where(o => o.CaseId == id).OrderBy(o => o.RaisedOn).ToListAsync(ct),
            await db.Set<AssistanceAmountChange>().AsNoTracking().Where(a => a.CaseId == id).OrderBy(a => a.EffectiveFrom).ToListAsync(ct),
            decided,
            detail.Case.IsOverdue(today) || (c.PaperworkDueOn is { } due && c.PaperworkDoneOn is null && due < today));
    }

    public bool CanInvestigate(CaseView v) => user.HasPermission(AssistancePermissions.Investigate) && v.Case.State is AssistanceProcesses.Investigating or AssistanceProcesses.AssistedFirst;

    public static string MoneyText(Money m) => m.ToYuanString();
}

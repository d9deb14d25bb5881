using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Platform.Tasks;

/// <summary>
/// Where a workflow case's subject is worked on: a module registers one per subject type from its AddXxx
/// (<c>"/assistance/cases/{0}"</c>, {0} being the subject id); a subject type without one links to the kernel's case page.
/// </summary>
public sealed record WorkflowSubjectLink(string SubjectType, string Template);

/// <summary>
/// Which steps of a process wait on whom (ADR 026), decided from the process definition alone so that every process — present
/// and future — lists its steps as tasks without code: a state waits on someone when it has a step deadline (a state without one —
/// 在保, 暂停发放, 公示中 — is not anyone's pending work), and it waits on the holders of the permission of its leading move: the
/// actions that carry the case on to a further (non-final) step without needing a reason (受理, 提交调查结果, 审核同意); where every
/// onward move needs a reason (儿童 乡镇审核同意 requires an opinion), those; and only where no action carries it on, any action.
/// Refusals, withdrawals and closing on a death end a case: they are possible at a step, but they are not what the step waits for.
/// </summary>
public static class WorkflowWaiting
{
    public static IReadOnlyList<string> PermissionsWaitedOn(ProcessModel model, string stateCode)
    {
        var state = model.States.FirstOrDefault(s => s.Code == stateCode);
        if (state is null || state.Terminal || state.DeadlineWorkingDays is null) return [];
        // a citizen's own actions (撤回) are never staff work
        var actions = model.From(stateCode).Where(t => t.Permission != Permissions.CitizenApply).ToList();
        var onward = actions.Where(t => model.States.FirstOrDefault(s => s.Code == t.To) is { Terminal: false }).ToList();
        var plain = onward.Where(t => !t.RequiresOpinion).ToList();
        var chosen = plain.Count > 0 ? plain : onward.Count > 0 ? onward : actions;
        return chosen.Select(t => t.Permission).Distinct().ToList();
    }
}

/// <summary>
/// The one generic source over the workflow kernel: every open case whose current step waits on a permission the user holds
/// (受理, 调查, 审核, 审批, 残疾人证审核 … of every process at once), within the user's division scope (AppDbContext), with the step's
/// deadline — one query for all processes.
/// </summary>
public sealed class WorkflowWorkItems(AppDbContext db, ICurrentUser user, IEnumerable<WorkflowSubjectLink> links) : IWorkItemSource
{
    public const string Prefix = "wf-";

    // definitions are immutable per stored version (a change is a new version), so each is parsed once per process lifetime
    private static readonly ConcurrentDictionary<Guid, ProcessModel> Parsed = new();

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(WorkItemRequest request, CancellationToken ct)
    {
        var versions = await db.WorkflowProcesses.AsNoTracking().Select(p => new { p.Id, p.Code, p.Version }).ToListAsync(ct);
        var unparsed = versions.Where(v => !Parsed.ContainsKey(v.Id)).Select(v => v.Id).ToList();
        if (unparsed.Count > 0)
        {
            foreach (var p in await db.WorkflowProcesses.AsNoTracking().Where(p => unparsed.Contains(p.Id)).ToListAsync(ct)) Parsed[p.Id] = p.Model;
        }
        var models = versions.ToDictionary(v => (v.Code, v.Version), v => Parsed[v.Id]);

        // (process, version) → the states whose work this user may do
        var mine = models.Select(m => (m.Key.Item1, m.Key.Item2, States: m.Value.States
                .Where(s => WorkflowWaiting.PermissionsWaitedOn(m.Value, s.Code).Any(user.HasPermission)).Select(s => s.Code).ToList()))
            .Where(m => m.States.Count > 0).ToList();
        var routed = request.RoutedIds(Prefix);
        if (mine.Count == 0 && routed.Count == 0) return [];

        var q = db.WorkflowCases.AsNoTracking().Where(c => c.ClosedAt == null).Where(Waiting(mine, routed));
        if (request.OnlyIds(Prefix) is { } only) q = q.Where(c => only.Contains(c.Id));
        var rows = await q.OrderBy(c => c.StepDueDate == null).ThenBy(c => c.StepDueDate).ThenBy(c => c.Id).Take(request.Limit)
            .Select(c => new { c.Id, c.ProcessCode, c.ProcessVersion, c.SubjectType, c.SubjectId, c.Title, c.DivisionCode, c.State, c.Version, c.StepDueDate, c.CaseDueDate })
            .ToListAsync(ct);

        var linkOf = links.GroupBy(l => l.SubjectType).ToDictionary(g => g.Key, g => g.Last().Template);
        var items = new List<WorkItem>(rows.Count);
        foreach (var c in rows)
        {
            if (!models.TryGetValue((c.ProcessCode, c.ProcessVersion), out var model)) continue;
            var state = model.States.FirstOrDefault(s => s.Code == c.State);
            if (state is null) continue;
            var waitedOn = WorkflowWaiting.PermissionsWaitedOn(model, c.State);
            // a routed case may sit at a step that waits on no one (it moved on): then it is no longer work
            if (waitedOn.Count == 0) continue;
            var deadline = new[] { c.StepDueDate, c.CaseDueDate }.Where(d => d is not null).Min();
            var link = linkOf.TryGetValue(c.SubjectType, out var template)
                ? string.Format(System.Globalization.CultureInfo.InvariantCulture, template, c.SubjectId)
                : $"/workflow/cases/{c.Id}";
            items.Add(new WorkItem(
                Key: Prefix + c.Id.ToString("N"),
                Kind: $"workflow:{c.ProcessCode}:{c.State}",
                KindName: $"{model.Name} · {state.Name}",
                Title: state.Name,
                Subject: WorkItemText.Mask(c.Title),
                Deadline: deadline,
                Link: link,
                Severity: WorkItemText.SeverityOf(deadline, request.Today),
                DivisionCode: c.DivisionCode,
                // the case's version moves with every change to it (a step entered again after a return, an extended time limit)
                Stamp: $"{c.State}#{c.Version}",
                Permission: waitedOn.FirstOrDefault(user.HasPermission) ?? waitedOn[0],
                Oversight: model.Transitions.Select(t => t.Permission).Where(p => p != Permissions.CitizenApply).Distinct().ToList()));
        }
        return items;
    }

    // (code = a ∧ version = v ∧ state ∈ S) ∨ … ∨ id ∈ routed: one predicate over the handful of process versions
    private static Expression<Func<WorkflowCase, bool>> Waiting(IEnumerable<(string Code, int Version, List<string> States)> mine, List<Guid> routed)
    {
        // captured variables, not constants: EF sends them as parameters and reuses the query plan
        Expression<Func<WorkflowCase, bool>> isRouted = w => routed.Contains(w.Id);
        var c = isRouted.Parameters[0];
        var body = isRouted.Body;
        foreach (var (code, version, states) in mine)
        {
            Expression<Func<WorkflowCase, bool>> one = w => w.ProcessCode == code && w.ProcessVersion == version && states.Contains(w.State);
            body = Expression.OrElse(body, new ParameterReplacer(one.Parameters[0], c).Visit(one.Body));
        }
        return Expression.Lambda<Func<WorkflowCase, bool>>(body, c);
    }

    private sealed class ParameterReplacer(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

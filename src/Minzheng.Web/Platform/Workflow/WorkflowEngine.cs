using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Calendar;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Platform.Workflow;

/// <summary>
/// The process definitions modules contribute (each registers its <see cref="ProcessModel"/> as a singleton);
/// stored as versioned data at start by <see cref="WorkflowEngine.SyncDefinitionsAsync"/>.
/// </summary>
public sealed class ProcessCatalog
{
    public ProcessCatalog(IEnumerable<ProcessModel> models)
    {
        foreach (var model in models)
        {
            var problems = model.Validate();
            if (problems.Count > 0) throw new InvalidOperationException($"流程 {model.Code} 定义有误: {string.Join("; ", problems)}");
        }
        Models = models.ToList();
    }

    public IReadOnlyList<ProcessModel> Models { get; }
}

/// <summary>
/// Interprets process definitions: starts cases, applies actions allowed by the transition table and the
/// actor's permission, sets step and overall deadlines in working days, and writes the timeline.
/// It changes tracked entities only; the calling use case saves them in its one transaction.
/// </summary>
public sealed class WorkflowEngine(AppDbContext db, ICurrentUser user, WorkingCalendar calendar, BusinessClock clock)
{
    /// <summary>Stores each catalogued definition as version 1, or as a new version when the code's definition changed.</summary>
    public static async Task SyncDefinitionsAsync(AppDbContext db, ProcessCatalog catalog, DateOnly today, CancellationToken ct = default)
    {
        foreach (var model in catalog.Models)
        {
            var json = WorkflowProcess.Serialize(model);
            var latest = await db.WorkflowProcesses.Where(p => p.Code == model.Code).OrderByDescending(p => p.Version).FirstOrDefaultAsync(ct);
            if (latest?.DefinitionJson == json) continue;
            db.WorkflowProcesses.Add(new WorkflowProcess
            {
                Code = model.Code,
                Version = (latest?.Version ?? 0) + 1,
                Name = model.Name,
                ValidFrom = today,
                DefinitionJson = json,
                CreatedAt = DateTime.UtcNow,
            });
        }
        await db.SaveChangesAsync(ct);
    }

    public async Task<WorkflowProcess> CurrentVersionAsync(string processCode, CancellationToken ct = default)
    {
        var today = clock.Today;
        return await db.WorkflowProcesses.AsNoTracking()
            .Where(p => p.Code == processCode && p.ValidFrom <= today)
            .OrderByDescending(p => p.Version)
            .FirstOrDefaultAsync(ct)
            ?? throw new InvalidOperationException($"流程 {processCode} 未定义");
    }

    public async Task<ProcessModel> ModelOfAsync(WorkflowCase c, CancellationToken ct = default)
    {
        var p = await db.WorkflowProcesses.AsNoTracking().SingleAsync(p => p.Code == c.ProcessCode && p.Version == c.ProcessVersion, ct);
        return p.Model;
    }

    public async Task<WorkflowCase> StartAsync(string processCode, string subjectType, Guid subjectId, string title, string divisionCode, string? opinion = null, CancellationToken ct = default)
    {
        var process = await CurrentVersionAsync(processCode, ct);
        var model = process.Model;
        var now = clock.UtcNow;
        var c = new WorkflowCase
        {
            ProcessCode = processCode,
            ProcessVersion = process.Version,
            SubjectType = subjectType,
            SubjectId = subjectId,
            Title = title,
            DivisionCode = divisionCode,
            State = model.InitialState,
            StateEnteredAt = now,
        };
        Enter(c, model, model.State(model.InitialState));
        c.Events.Add(NewEvent(c, "start", "创建", null, model.InitialState, opinion, now));
        db.WorkflowCases.Add(c);
        return c;
    }

    /// <summary>The actions the current user may take on the case now.</summary>
    public IEnumerable<TransitionModel> AvailableActions(WorkflowCase c, ProcessModel model) =>
        c.ClosedAt is not null ? [] : model.From(c.State).Where(t => user.HasPermission(t.Permission));

    /// <summary>
    /// Whether the current user holds the permission the case's own process requires for <paramref name="action"/> in its current
    /// state — who may decide it. A module acting on another module's finding asks this before acting: whoever may not decide a
    /// stop proposes it instead (ADR 022, 028).
    /// </summary>
    public async Task<bool> MayPerformAsync(WorkflowCase c, string action, CancellationToken ct = default)
    {
        if (c.ClosedAt is not null) return false;
        var model = await ModelOfAsync(c, ct);
        return model.From(c.State).FirstOrDefault(t => t.Action == action) is { } t && user.HasPermission(t.Permission);
    }

    /// <summary>
    /// Performs an action: guard, then effect, then event. The engine first checks everything the process decides — the
    /// subject's version when given (a stale one answers 409), that the action leaves the current state, the actor's
    /// permission, a required opinion — and only then runs the module's <paramref name="effect"/>, which may still refuse
    /// with its own guard (nothing is saved then), and finally moves the case and writes the timeline event. All of it is
    /// tracked, not saved: the calling use case saves once, so effects and event commit in one transaction. There is no
    /// other way to move a case, so no module can apply an effect the process would have refused.
    /// </summary>
    public async Task<WorkflowCaseEvent> PerformAsync(WorkflowCase c, TransitionRequest request, Func<AuthorizedTransition, Task> effect, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(effect);
        var (model, t) = await GuardAsync(c, request, ct);
        if (!user.HasPermission(t.Permission))
        {
            throw new AppProblem(403, "workflow_forbidden", $"您没有执行“{t.ActionName}”的权限（需要 {t.Permission}）");
        }
        RequireOpinion(t, request.Opinion);
        return await RunAsync(c, model, t, request.Opinion, request.Attachments, effect);
    }

    /// <summary>
    /// Performs an action whose permission was decided elsewhere: another module acting on a confirmed finding through the
    /// module that owns the case (<see cref="Entitlements.IBenefitActions"/>), where the acting user (a township clerk) need
    /// not hold the transition's permission. Everything else is guarded as in <see cref="PerformAsync"/> before the effect
    /// runs, and the event's opinion names the authority, so the timeline shows on what basis a user without that
    /// permission moved the case.
    /// </summary>
    public async Task<WorkflowCaseEvent> PerformAuthorizedAsync(WorkflowCase c, TransitionRequest request, string authority, Func<AuthorizedTransition, Task> effect, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(authority);
        ArgumentNullException.ThrowIfNull(effect);
        var (model, t) = await GuardAsync(c, request, ct);
        RequireOpinion(t, request.Opinion);
        return await RunAsync(c, model, t, WithAuthority(authority, request.Opinion), request.Attachments, effect);
    }

    private async Task<(ProcessModel Model, TransitionModel Transition)> GuardAsync(WorkflowCase c, TransitionRequest request, CancellationToken ct)
    {
        if (request.Subject is { } subject)
        {
            if (request.Version is not { } v) throw AppProblem.Field("version", "缺少版本号，无法判断记录是否已被他人修改");
            db.ExpectVersion(subject, v);
        }
        var model = await ModelOfAsync(c, ct);
        var t = (c.ClosedAt is null ? model.From(c.State).FirstOrDefault(t => t.Action == request.Action) : null)
            ?? throw new AppProblem(409, "workflow_action_not_allowed", $"当前状态“{model.State(c.State).Name}”下不能执行“{request.Action}”");
        return (model, t);
    }

    private static void RequireOpinion(TransitionModel t, string? opinion)
    {
        if (t.RequiresOpinion && string.IsNullOrWhiteSpace(opinion))
        {
            throw AppProblem.Field("opinion", $"“{t.ActionName}”必须填写意见");
        }
    }

    private async Task<WorkflowCaseEvent> RunAsync(WorkflowCase c, ProcessModel model, TransitionModel t, string? opinion, IReadOnlyList<(Guid FileId, string FileName)>? attachments,
        Func<AuthorizedTransition, Task> effect)
    {
        var from = c.State;
        await effect(new AuthorizedTransition(c, t, from, string.IsNullOrWhiteSpace(opinion) ? null : opinion.Trim()));
        // the effect may not move the case itself: the event must say where it came from
        if (c.State != from) throw new InvalidOperationException($"流程 {c.ProcessCode} 的动作 {t.Action} 在效果中改变了状态");
        return Move(c, model, t, opinion, attachments);
    }

    /// <summary>
    /// Reopens a case that a fact later found wrong closed (a death recorded in error and then reversed): the case returns to
    /// <paramref name="state"/>, a non-terminal state of its process, and the timeline says why. Not a transition of the table
    /// (a terminal state has no actions by definition): only the owning module's reversal handler calls it, with the authority.
    /// </summary>
    public async Task<WorkflowCaseEvent> ReopenAuthorizedAsync(WorkflowCase c, string state, string actionName, string opinion, string authority, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(authority);
        var model = await ModelOfAsync(c, ct);
        var target = model.State(state);
        if (target.Terminal) throw new InvalidOperationException($"流程 {model.Code} 的状态 {state} 是终止状态，不能重新开启到该状态");
        var now = clock.UtcNow;
        var from = c.State;
        c.State = state;
        c.StateEnteredAt = now;
        c.ClosedAt = null;
        Enter(c, model, target);
        var e = NewEvent(c, "reopen", actionName, from, state, WithAuthority(authority, opinion), now);
        c.Events.Add(e);
        db.WorkflowCaseEvents.Add(e);
        return e;
    }

    /// <summary>An opinion that names the authority it rests on ("依据：数据比对核实结论 #123（…）。家庭有车辆").</summary>
    public static string WithAuthority(string authority, string? opinion) =>
        string.IsNullOrWhiteSpace(opinion) ? $"依据：{authority.Trim()}。" : $"依据：{authority.Trim()}。{opinion.Trim()}";

    private WorkflowCaseEvent Move(WorkflowCase c, ProcessModel model, TransitionModel t, string? opinion, IReadOnlyList<(Guid FileId, string FileName)>? attachments)
    {
        var now = clock.UtcNow;
        var from = c.State;
        c.State = t.To;
        c.StateEnteredAt = now;
        Enter(c, model, model.State(t.To));
        var e = NewEvent(c, t.Action, t.ActionName, from, t.To, opinion, now);
        foreach (var (fileId, fileName) in attachments ?? [])
        {
            e.Attachments.Add(new WorkflowAttachment { EventId = e.Id, FileId = fileId, FileName = fileName });
        }
        c.Events.Add(e);
        db.WorkflowCaseEvents.Add(e);
        return e;
    }

    /// <summary>Records an event that does not change the state (补充材料, a note), with attachments.</summary>
    public WorkflowCaseEvent AddNote(WorkflowCase c, string actionName, string? opinion, IReadOnlyList<(Guid FileId, string FileName)>? attachments = null)
    {
        var e = NewEvent(c, "note", actionName, c.State, c.State, opinion, clock.UtcNow);
        foreach (var (fileId, fileName) in attachments ?? [])
        {
            e.Attachments.Add(new WorkflowAttachment { EventId = e.Id, FileId = fileId, FileName = fileName });
        }
        c.Events.Add(e);
        db.WorkflowCaseEvents.Add(e);
        return e;
    }

    /// <summary>Extends the overall time limit once, with a reason (e.g. 30 → 45 working days).</summary>
    public async Task ExtendAsync(WorkflowCase c, string reason, CancellationToken ct = default)
    {
        var model = await ModelOfAsync(c, ct);
        if (model.OverallDeadline is not { ExtendedWorkingDays: { } extended } || c.ClockStartedOn is not { } started)
        {
            throw new AppProblem(409, "workflow_not_extendable", "该业务没有可延长的办理时限");
        }
        if (c.ExtensionReason is not null) throw new AppProblem(409, "workflow_already_extended", "办理时限只能延长一次");
        if (string.IsNullOrWhiteSpace(reason)) throw AppProblem.Field("reason", "延长办理时限必须说明理由");
        c.ExtensionReason = reason.Trim();
        c.CaseDueDate = calendar.AddWorkingDays(started, extended);
        var e = NewEvent(c, "extend", "延长办理时限", c.State, c.State, reason, clock.UtcNow);
        c.Events.Add(e);
        db.WorkflowCaseEvents.Add(e);
    }

    /// <summary>Open cases past their step or overall deadline, within the user's scope.</summary>
    public IQueryable<WorkflowCase> Overdue() => Overdue(db, clock.Today);

    /// <summary>The overdue cases in <paramref name="db"/>: the primary, or the read-only context of a count (ADR 071).</summary>
    public static IQueryable<WorkflowCase> Overdue(AppDbContext db, DateOnly today) =>
        db.WorkflowCases.Where(c => c.ClosedAt == null && (c.StepDueDate < today || c.CaseDueDate < today));

    private void Enter(WorkflowCase c, ProcessModel model, StateModel state)
    {
        var today = clock.Today;
        c.StepDueDate = state.DeadlineWorkingDays is { } days && !state.Terminal ? calendar.AddWorkingDays(today, days) : null;
        if (model.OverallDeadline is { } od && od.StartsAtState == state.Code && c.ClockStartedOn is null)
        {
            c.ClockStartedOn = today;
            c.CaseDueDate = calendar.AddWorkingDays(today, od.WorkingDays);
        }
        if (state.Terminal)
        {
            c.ClosedAt = clock.UtcNow;
        }
    }

    private WorkflowCaseEvent NewEvent(WorkflowCase c, string action, string actionName, string? from, string to, string? opinion, DateTime now) => new()
    {
        CaseId = c.Id,
        At = now,
        ActorId = user.UserId,
        ActorName = AccountLabels.Of(user), // a citizen by name with the phone masked: staff read this timeline
        Action = action,
        ActionName = actionName,
        FromState = from,
        ToState = to,
        Opinion = string.IsNullOrWhiteSpace(opinion) ? null : opinion.Trim(),
    };
}

/// <summary>
/// What a use case asks the engine to do: <see cref="Action"/> with <see cref="Opinion"/>; when <see cref="Subject"/> is
/// given (the module's aggregate the user saw), <see cref="Version"/> is required and checked before anything else.
/// </summary>
public sealed record TransitionRequest(string Action, string? Opinion)
{
    public IVersioned? Subject { get; init; }
    public int? Version { get; init; }
    public IReadOnlyList<(Guid FileId, string FileName)>? Attachments { get; init; }
}

/// <summary>
/// A transition the engine has checked (state, permission, opinion, version) and is about to record; handed to the module's
/// effect, which only the engine can call. <see cref="Opinion"/> is the opinion the timeline event will carry.
/// </summary>
public sealed class AuthorizedTransition
{
    internal AuthorizedTransition(WorkflowCase c, TransitionModel t, string from, string? opinion)
    {
        Case = c;
        Action = t.Action;
        ActionName = t.ActionName;
        From = from;
        To = t.To;
        Opinion = opinion;
    }

    public WorkflowCase Case { get; }
    public string Action { get; }
    public string ActionName { get; }
    public string From { get; }
    public string To { get; }
    public string? Opinion { get; }
}

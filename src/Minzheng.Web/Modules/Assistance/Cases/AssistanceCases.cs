using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Workflow;
using static Minzheng.Web.Modules.Assistance.Cases.AssistanceProcesses;

namespace Minzheng.Web.Modules.Assistance.Cases;

/// <summary>
/// The one entry for a case's process actions (<c>POST …/cases/{id}/actions/{action}</c>, the case page, the citizen's
/// withdrawal, reviews): it loads the case, finds the use case that handles the action (<see cref="ICaseAction"/>), and
/// asks the workflow engine to perform it. The engine checks version, state, permission and opinion first and only then
/// runs the use case's effect (guard before effect); the notice the effect names is issued and everything is saved in one
/// transaction. Each action's own rules live in its use case; what differs between programs in <see cref="IProgramPolicy"/>.
/// </summary>
public sealed class AssistanceCases(AppDbContext db, WorkflowEngine workflow, IEnumerable<ICaseAction> handlers, ProgramPolicies policies, CaseDocuments documents, BusinessClock clock)
{
    public static readonly JsonSerializerOptions Json = AuditRecorder.Json;

    private readonly Dictionary<string, ICaseAction> _byAction = handlers.SelectMany(h => h.Actions.Select(a => (a, h))).ToDictionary(x => x.a, x => x.h, StringComparer.Ordinal);

    public Task<AssistanceCase> LoadAsync(Guid id, CancellationToken ct = default) => LoadAsync(db, id, ct);

    /// <summary>A case with its members and income items, through the scope filter (another division's case is not found).</summary>
    internal static async Task<AssistanceCase> LoadAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        await db.Set<AssistanceCase>().Include(c => c.Members).Include(c => c.IncomeItems).AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id, ct)
        ?? throw AppProblem.NotFound("救助业务");

    public async Task<AssistanceCase> PerformAsync(Guid id, string action, ActionInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input); // the limits declared on the input, for the page as for the API (ADR 024)
        var c = await LoadAsync(id, ct);
        var handler = _byAction.GetValueOrDefault(action) ?? throw new AppProblem(404, "unknown_action", $"未知的操作“{action}”");
        await handler.CheckCallerAsync(c, action, ct);
        var wf = await WorkflowOfAsync(db, c, ct);
        await workflow.PerformAsync(wf, new TransitionRequest(action, input.Opinion) { Subject = c, Version = input.Version },
            t => RunAsync(c, t, input, handler, ct), ct);
        await db.SaveChangesAsync(ct);
        return c;
    }

    /// <summary>Runs an action's effect on a transition the engine has authorised, and issues the notice it names.</summary>
    internal async Task RunAsync(AssistanceCase c, AuthorizedTransition t, ActionInput input, ICaseAction handler, CancellationToken ct)
    {
        var effect = await handler.ApplyAsync(new CaseActionContext(c, t, input, policies.For(c.Program), clock.Today), ct);
        c.State = t.To;
        if (effect.Document is not null) await documents.IssueAsync(c, effect.Document, effect.DocumentNote is null ? t.Opinion : t.Opinion + effect.DocumentNote, effect.Facts, ct);
    }

    internal static async Task<WorkflowCase> WorkflowOfAsync(AppDbContext db, AssistanceCase c, CancellationToken ct) =>
        await db.WorkflowCases.FirstOrDefaultAsync(w => w.Id == c.WorkflowCaseId, ct) ?? throw AppProblem.NotFound("业务流程");

    /// <summary>The program code under which payments pay this case.</summary>
    public static string ProgramCode(AssistanceProgram program) => For(program).Code;

    public static Entitlements.Payee PayeeOf(AssistanceCase c) =>
        new(ProgramCode(c.Program), c.Id, c.Number, c.SinglePersonId ?? c.ApplicantPersonId, c.HouseholdId, c.DivisionCode, c.MemberCount, c.SinglePersonId);

    public static string ChannelName(Channel channel) => channel switch
    {
        Channel.Online => "网上自助申请",
        Channel.Village => "村（社区）代为申请",
        _ => "乡镇窗口申请",
    };
}

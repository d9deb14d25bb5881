using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Assistance.Cases;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Modules.Assistance.Changes;

/// <summary>A change proposal as people read it: what, from when, the amount with its explanation, and what the reader may do now.</summary>
public sealed record ChangeView(Guid Id, Guid CaseId, string CaseNumber, ChangeKind Kind, ChangeStatus Status, string StatusName, DateOnly EffectiveFrom, Money? Amount,
    IReadOnlyList<AmountLine> Lines, int? MemberCount, string Reason, string? Authority, Guid? RemovedPersonId, Guid? NewPayeePersonId, string? NewPayeeName,
    string ProposedBy, DateOnly ProposedOn, string? DecidedBy, DateOnly? DecidedOn, string? Opinion, int Version, IReadOnlyList<ActionOption> Actions);

public sealed class ChangeQueries(AppDbContext db, WorkflowEngine workflow)
{
    /// <summary>A case's proposals, open ones first, newest first.</summary>
    public async Task<Paged<ChangeView>> ForCaseAsync(Guid caseId, PageRequest page, CancellationToken ct = default) =>
        await ViewsAsync(db.Set<AssistanceChange>().AsNoTracking().Where(x => x.CaseId == caseId), page, ct);

    /// <summary>The proposals within the user's scope (the approver's queue: <paramref name="status"/> proposed).</summary>
    public async Task<Paged<ChangeView>> ListAsync(ChangeStatus? status, PageRequest page, CancellationToken ct = default) =>
        await ViewsAsync(db.Set<AssistanceChange>().AsNoTracking().Where(x => status == null || x.Status == status), page, ct);

    public async Task<ChangeView> ViewAsync(AssistanceChange change, CancellationToken ct = default) =>
        (await ViewsAsync(db.Set<AssistanceChange>().AsNoTracking().Where(x => x.Id == change.Id), new PageRequest(1, 1), ct)).Items.Single();

    private async Task<Paged<ChangeView>> ViewsAsync(IQueryable<AssistanceChange> q, PageRequest page, CancellationToken ct)
    {
        var rows = await q.OrderBy(x => x.Status != ChangeStatus.Proposed).ThenByDescending(x => x.CreatedAt).ThenBy(x => x.Id).ToPagedAsync(page, ct);
        var wfIds = rows.Items.Select(r => r.WorkflowCaseId).ToList();
        var cases = await db.WorkflowCases.AsNoTracking().Where(w => wfIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, ct);
        var model = (await workflow.CurrentVersionAsync(ChangeProcess.Code, ct)).Model;
        return rows.Select(x =>
        {
            var actions = cases.TryGetValue(x.WorkflowCaseId, out var wf)
                ? workflow.AvailableActions(wf, model).Where(t => t.Action != "withdraw").Select(t => new ActionOption(t.Action, t.ActionName, t.RequiresOpinion)).ToList()
                : [];
            var lines = x.Explanation is null ? [] : JsonSerializer.Deserialize<List<AmountLine>>(x.Explanation, AssistanceCases.Json) ?? [];
            return new ChangeView(x.Id, x.CaseId, x.CaseNumber, x.Kind, x.Status, StatusName(x.Status), x.EffectiveFrom, x.Kind == ChangeKind.Adjust ? x.Amount : null, lines,
                x.MemberCount, x.Reason, x.Authority, x.RemovedPersonId, x.NewPayeePersonId, x.NewPayeeName, x.ProposedBy, x.ProposedOn, x.DecidedBy, x.DecidedOn, x.Opinion,
                x.Version, actions);
        });
    }

    public static string StatusName(ChangeStatus s) => s switch
    {
        ChangeStatus.Proposed => "待审批",
        ChangeStatus.Approved => "已同意",
        ChangeStatus.Rejected => "未同意",
        _ => "已撤回",
    };

    public static string KindName(ChangeKind k) => k == ChangeKind.Adjust ? "调整保障金额" : "终止保障";
}

public static class ChangesApi
{
    public static void MapChangesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/assistance").WithTags("Assistance");
        api.MapGet("/cases/{id:guid}/changes", async (Guid id, int? page, int? pageSize, AssistanceCases cases, ChangeQueries changes, CancellationToken ct) =>
            {
                await cases.LoadAsync(id, ct); // 404 outside the user's scope
                return TypedResults.Ok(await changes.ForCaseAsync(id, PageRequest.From(page, pageSize, 20), ct));
            })
            .RequireAuthorization(Permissions.Policy(AssistancePermissions.Read))
            .WithSummary("业务的变更核定（成员死亡后的重新核定、经办人提请的终止），待审批的在前，分页 { items, total }");
        api.MapGet("/changes", async (string? status, int? page, int? pageSize, ChangeQueries changes, CancellationToken ct) =>
                TypedResults.Ok(await changes.ListAsync(QueryEnum.Parse<ChangeStatus>(status, "status"), PageRequest.From(page, pageSize, 50), ct)))
            .RequireAuthorization(Permissions.Policy(AssistancePermissions.Read))
            .WithSummary("变更核定（status=proposed：待审批），分页 { items, total }");
        api.MapPost("/changes/{id:guid}/actions/{action}", async (Guid id, string action, ChangeActionInput input, DecideChange decide, ChangeQueries changes, CancellationToken ct) =>
                TypedResults.Ok(await changes.ViewAsync(await decide.PerformAsync(id, action, input, ct), ct)))
            .RequireAuthorization(Permissions.Policy(AssistancePermissions.Read))
            .WithSummary("审批变更核定：approve（同意，次月或死亡次月起生效并出具通知书）、reject（不同意，须写明意见）；{ opinion, version }");
    }
}

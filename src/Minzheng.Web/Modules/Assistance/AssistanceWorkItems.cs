using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Assistance.Cases;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Tasks;

namespace Minzheng.Web.Modules.Assistance;

/// <summary>
/// Assistance's part of "my tasks" (ADR 026). Its steps (受理, 调查, 审核, 审批, 备案) come from the generic workflow source; what the
/// workflow does not time is the notice: 公示中 has no step limit of its own, its end is the case's notice end date. So the notices
/// ending — within two days, or ended and not yet closed by 公示期满无异议 — are listed here for the township approver, due on the
/// notice's last day. Where assistance cases are worked on is registered here too.
/// </summary>
public sealed class AssistanceWorkItems(AppDbContext db, ICurrentUser user) : IWorkItemSource
{
    public const string NoticePrefix = "notice-";

    /// <summary>How many days before its end a notice is listed.</summary>
    public const int EndingWithinDays = 2;

    public static IServiceCollection Add(IServiceCollection services)
    {
        services.AddScoped<IWorkItemSource, AssistanceWorkItems>();
        return services.AddSingleton(new WorkflowSubjectLink("assistance-case", "/assistance/cases/{0}"));
    }

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(WorkItemRequest request, CancellationToken ct)
    {
        var mine = user.HasPermission(AssistancePermissions.Approve);
        var routed = request.RoutedIds(NoticePrefix);
        if (!mine && routed.Count == 0) return [];
        var soon = request.Today.AddDays(EndingWithinDays);
        var q = db.Set<AssistanceCase>().AsNoTracking()
            .Where(c => c.State == AssistanceProcesses.Notice && c.NoticeTo != null && ((mine && c.NoticeTo <= soon) || routed.Contains(c.Id)));
        if (request.OnlyIds(NoticePrefix) is { } only) q = q.Where(c => only.Contains(c.Id));
        var rows = await q.OrderBy(c => c.NoticeTo).ThenBy(c => c.Id).Take(request.Limit)
            .Select(c => new { c.Id, c.Number, c.Program, c.ApplicantName, c.DivisionCode, c.NoticeTo, c.NoticeRound, c.Version }).ToListAsync(ct);
        return rows.Select(c => new WorkItem(
            Key: NoticePrefix + c.Id.ToString("N"),
            Kind: "assistance:notice-ending",
            KindName: "公示期满待确认",
            Title: $"{AssistanceProcesses.ProgramName(c.Program)}公示到 {c.NoticeTo:yyyy-MM-dd}：无异议即提交审批确认，有异议重新调查",
            Subject: WorkItemText.Mask($"{c.ApplicantName}（{c.Number}）"),
            Deadline: c.NoticeTo,
            Link: $"/assistance/cases/{c.Id}",
            Severity: WorkItemText.SeverityOf(c.NoticeTo, request.Today),
            DivisionCode: c.DivisionCode,
            Stamp: $"notice{c.NoticeRound}#{c.Version}",
            Permission: AssistancePermissions.Approve,
            Oversight: [AssistancePermissions.Confirm, AssistancePermissions.Read])).ToList();
    }
}

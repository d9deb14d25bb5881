using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Tasks;

namespace Minzheng.Web.Modules.DataComparison;

/// <summary>
/// Data comparison's part of "my tasks" (ADR 026): open findings to verify and resolve, for holders of comparison.resolve within
/// their scope (a finding's division is the person's village). A finding has no time limit of its own, so it carries none; 应退 (money
/// that may be going to someone no longer eligible) is an alert, 应补 a normal item. One query with the person's name.
/// </summary>
public sealed class ComparisonWorkItems(AppDbContext db, ICurrentUser user) : IWorkItemSource
{
    public const string Prefix = "finding-";

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(WorkItemRequest request, CancellationToken ct)
    {
        var mine = user.HasPermission(ComparisonPermissions.Resolve);
        var routed = request.RoutedNumbers(Prefix);
        if (!mine && routed.Count == 0) return [];
        var q = db.Set<ComparisonFinding>().AsNoTracking().Where(f => f.Status == FindingStatus.Open && (mine || routed.Contains(f.Id)));
        if (request.OnlyNumbers(Prefix) is { } only) q = q.Where(f => only.Contains(f.Id));
        var rows = await q.OrderByDescending(f => f.Direction == FindingDirection.Stop).ThenBy(f => f.FoundAt).ThenBy(f => f.Id).Take(request.Limit)
            .Join(db.Persons, f => f.PersonId, p => p.Id, (f, p) => new { f.Id, f.RuleCode, f.Direction, f.DivisionCode, f.EventDate, f.Version, p.Name })
            .ToListAsync(ct);
        return rows.Select(f => new WorkItem(
            Key: Prefix + f.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Kind: f.Direction == FindingDirection.Stop ? "comparison:stop" : "comparison:start",
            KindName: f.Direction == FindingDirection.Stop ? "比对疑点待核实（应退）" : "比对疑点待核实（应补）",
            Title: ComparisonRules.NameOf(f.RuleCode),
            Subject: WorkItemText.Mask($"{f.Name}{(f.EventDate is { } d ? $"（{d:yyyy-MM-dd}）" : "")}"),
            Deadline: null,
            Link: $"/comparison/findings/{f.Id}",
            Severity: f.Direction == FindingDirection.Stop ? WorkItemSeverity.Alert : WorkItemSeverity.Normal,
            DivisionCode: f.DivisionCode,
            Stamp: $"open#{f.Version}",
            Permission: ComparisonPermissions.Resolve,
            Oversight: [ComparisonPermissions.Read])).ToList();
    }
}

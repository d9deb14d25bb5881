using System.Text.RegularExpressions;
using Minzheng.Web.Platform.Access;

namespace Minzheng.Web.Platform.Tasks;

/// <summary>How much a work item presses: overdue items are <see cref="Overdue"/>, alerts a module raises are <see cref="Alert"/>.</summary>
public enum WorkItemSeverity
{
    Normal,
    DueSoon,
    Alert,
    Overdue,
}

/// <summary>
/// One thing that waits for the current user (ADR 026): what it is (<see cref="Kind"/>, shown as <see cref="KindName"/>), about whom
/// (<see cref="Subject"/>, masked: never a raw ID number or phone), by when, where to do it (<see cref="Link"/>). <see cref="Key"/> is
/// stable for the thing ("wf-{case id}", "payroll-{id}") and URL-safe; <see cref="Stamp"/> changes whenever the thing moves on (a new
/// step, a new status), which ends acknowledgements, assignments and escalations made before. <see cref="Permission"/> is what one
/// needs to act on it (an assignee must hold it); <see cref="Oversight"/> are the permissions of those above who supervise this line
/// of business (an escalation goes to the parent division's users holding one of them or <see cref="Permission"/>).
/// </summary>
public sealed record WorkItem(
    string Key,
    string Kind,
    string KindName,
    string Title,
    string Subject,
    DateOnly? Deadline,
    string Link,
    WorkItemSeverity Severity,
    string DivisionCode,
    string Stamp,
    string Permission,
    IReadOnlyList<string> Oversight)
{
    public bool IsOverdue(DateOnly today) => Deadline is { } d && d < today;
}

/// <summary>
/// What a source is asked: the items the current user may act on (their permissions; the division scope is AppDbContext's),
/// plus the items <see cref="Routed"/> to them by key (assigned to them, escalated to their division) even where their own
/// permissions would not list them; when <see cref="Only"/> is set, just those keys (one item's actions). At most
/// <see cref="Limit"/> items per source, the earliest deadlines first.
/// </summary>
public sealed record WorkItemRequest(DateOnly Today, IReadOnlySet<string> Routed, IReadOnlySet<string>? Only = null, int Limit = WorkItemRequest.DefaultLimit)
{
    public const int DefaultLimit = 1000;

    /// <summary>The ids of the routed keys with <paramref name="prefix"/> ("wf-" → case ids).</summary>
    public List<Guid> RoutedIds(string prefix) => IdsOf(Routed, prefix);

    /// <summary>The ids of <see cref="Only"/> with <paramref name="prefix"/>; null when the request is not restricted.</summary>
    public List<Guid>? OnlyIds(string prefix) => Only is null ? null : IdsOf(Only, prefix);

    /// <summary>Whether an item with <paramref name="key"/> is wanted at all (always, unless the request is for <see cref="Only"/> some).</summary>
    public bool Wants(string key) => Only is null || Only.Contains(key);

    /// <summary>The ids after <paramref name="prefix"/> of the routed keys, for sources whose ids are numbers ("finding-123").</summary>
    public List<long> RoutedNumbers(string prefix) => NumbersOf(Routed, prefix);

    /// <summary>As <see cref="OnlyIds"/>, for numeric ids.</summary>
    public List<long>? OnlyNumbers(string prefix) => Only is null ? null : NumbersOf(Only, prefix);

    private static List<long> NumbersOf(IEnumerable<string> keys, string prefix) =>
        keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
            .Select(k => long.TryParse(k.AsSpan(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0).ToList();

    private static List<Guid> IdsOf(IEnumerable<string> keys, string prefix) =>
        keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
            .Select(k => Guid.TryParse(k.AsSpan(prefix.Length), out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty).ToList();
}

/// <summary>
/// A module's contribution to "my tasks" for what is not a workflow state (a payroll to review, a finding to resolve, a visit
/// due): registered from the module's AddXxx like an <see cref="Registry.IPersonPanel"/>. One or two set-based queries; the
/// division scope is already applied by AppDbContext. Workflow steps come from the one generic source over the workflow kernel.
/// </summary>
public interface IWorkItemSource
{
    Task<IReadOnlyList<WorkItem>> ItemsAsync(WorkItemRequest request, CancellationToken ct);
}

/// <summary>Helpers every source uses alike.</summary>
public static partial class WorkItemText
{
    // an 18-character ID number standing alone
    [GeneratedRegex(@"(?<![0-9])([0-9]{6})[0-9]{8}([0-9]{3}[0-9Xx])(?![0-9])")]
    private static partial Regex IdNumber();

    /// <summary>A subject as staff may read it in a list: ID numbers and mobile numbers masked.</summary>
    public static string Mask(string? text) => AccountLabels.MaskPhones(IdNumber().Replace(text ?? "", "$1********$2"));

    /// <summary>Severity from a deadline: past it is overdue, within two days is due soon.</summary>
    public static WorkItemSeverity SeverityOf(DateOnly? deadline, DateOnly today) =>
        deadline is not { } d ? WorkItemSeverity.Normal
        : d < today ? WorkItemSeverity.Overdue
        : d.DayNumber - today.DayNumber <= 2 ? WorkItemSeverity.DueSoon
        : WorkItemSeverity.Normal;
}

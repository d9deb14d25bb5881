using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Platform.Tasks;

/// <summary>One row of "my tasks": the item, whether it is overdue, and what colleagues did about it (指派, 上报).</summary>
public sealed record MyTask(
    WorkItem Item,
    bool Overdue,
    int Version,
    string? AssignedTo,
    bool AssignedToMe,
    string? EscalatedTo,
    bool EscalatedToMe,
    string? Note);

/// <summary>A count of one kind of task (受理, 审核 …) in the list, and how many of them are overdue.</summary>
public sealed record TaskKindCount(string Kind, string KindName, int Count, int Overdue);

public sealed record MyTaskList(Paged<MyTask> Page, IReadOnlyList<TaskKindCount> Kinds, int Overdue, bool Truncated);

/// <summary>A colleague an item may be assigned to (their scope covers it, they hold the permission it needs).</summary>
public sealed record Colleague(Guid Id, string Name, string DivisionName);

/// <summary>
/// "My tasks" (issue 12, item 9; ADR 026): what waits for the current user, gathered from every <see cref="IWorkItemSource"/>
/// (the generic workflow source and the modules' own), overdue first, then by deadline; and the three things one can do about an
/// item — acknowledge (知悉), assign to a colleague (指派), escalate to the parent division (上报). Read fresh on every request: a
/// user's own list must show their own action at once (only the home page's city-wide counts are cached).
/// </summary>
public sealed class MyTasks(AppDbContext db, ICurrentUser user, IEnumerable<IWorkItemSource> sources, BusinessClock clock, DivisionDirectory divisions)
{
    private IQueryable<WorkItemMark> Marks => db.Set<WorkItemMark>();
    private IQueryable<WorkItemAcknowledgement> Acks => db.Set<WorkItemAcknowledgement>();

    public async Task<MyTaskList> ListAsync(PageRequest page, CancellationToken ct = default)
    {
        var today = clock.Today;
        var (tasks, truncated) = await VisibleAsync(null, today, ct);
        var mine = await HideAcknowledgedAsync(tasks, today, ct);
        var sorted = mine
            .OrderByDescending(t => t.Overdue)
            .ThenBy(t => t.Item.Deadline is null)
            .ThenBy(t => t.Item.Deadline)
            .ThenByDescending(t => t.Item.Severity)
            .ThenBy(t => t.Item.Key, StringComparer.Ordinal)
            .ToList();
        var kinds = sorted.GroupBy(t => t.Item.Kind)
            .Select(g => new TaskKindCount(g.Key, g.First().Item.KindName, g.Count(), g.Count(t => t.Overdue)))
            .OrderByDescending(k => k.Overdue).ThenByDescending(k => k.Count).ThenBy(k => k.Kind, StringComparer.Ordinal).ToList();
        return new MyTaskList(sorted.ToPaged(page), kinds, sorted.Count(t => t.Overdue), truncated);
    }

    /// <summary>One item as the current user sees it, or 404 when it is not theirs to see (scope, permission, or gone).</summary>
    public async Task<MyTask> FindAsync(string key, CancellationToken ct = default)
    {
        var (tasks, _) = await VisibleAsync(key, clock.Today, ct);
        return tasks.FirstOrDefault(t => t.Item.Key == key) ?? throw AppProblem.NotFound("待办事项");
    }

    /// <summary>知悉: hides the item from the current user's list until it changes (an overdue one: for today only).</summary>
    public async Task AcknowledgeAsync(string key, CancellationToken ct = default)
    {
        var task = await FindAsync(key, ct);
        var me = user.UserId ?? throw AppProblem.Forbidden("只有登录用户可以知悉待办事项");
        var ack = await Acks.FirstOrDefaultAsync(a => a.UserId == me && a.Key == key, ct);
        if (ack is null)
        {
            ack = new WorkItemAcknowledgement { Key = key, UserId = me, Stamp = task.Item.Stamp };
            db.Add(ack);
        }
        ack.Stamp = task.Item.Stamp;
        ack.On = clock.Today;
        ack.At = clock.UtcNow;
        await SaveAsync(ct);
    }

    /// <summary>The colleagues the item may be assigned to: active staff whose division scope covers it and who hold its permission.</summary>
    public async Task<List<Colleague>> ColleaguesAsync(WorkItem item, CancellationToken ct = default)
    {
        var me = user.UserId;
        var users = await HoldersAsync([item.Permission], ct);
        return users.Where(u => u.Id != me && DivisionCodes.IsWellFormed(u.DivisionCode) && DivisionScope.Of(u.DivisionCode).Contains(item.DivisionCode))
            .Select(u => new Colleague(u.Id, u.Name, divisions.NameOf(u.DivisionCode)))
            .OrderBy(c => c.DivisionName, StringComparer.Ordinal).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>指派: the colleague then sees the item marked 指派 (the assigner keeps seeing it, marked with the assignee).</summary>
    public async Task AssignAsync(string key, Guid assigneeId, int version, string? note, CancellationToken ct = default)
    {
        var task = await FindAsync(key, ct);
        RequireActor(task.Item);
        note = Clean(note);
        var colleague = (await ColleaguesAsync(task.Item, ct)).FirstOrDefault(c => c.Id == assigneeId)
            ?? throw AppProblem.Field("assigneeId", "只能指派给管辖范围包含该事项、并有办理权限的同事");
        var mark = await MarkForWriteAsync(task, version, ct);
        mark.AssigneeId = colleague.Id;
        mark.AssigneeName = colleague.Name;
        mark.AssignedByName = AccountLabels.Of(user);
        mark.AssignedAt = clock.UtcNow;
        mark.Note = note ?? mark.Note;
        await SaveAsync(ct);
    }

    /// <summary>上报: to the users of the parent division who may act on the item or supervise its line of business.</summary>
    public async Task EscalateAsync(string key, int version, string? note, CancellationToken ct = default)
    {
        var task = await FindAsync(key, ct);
        RequireActor(task.Item);
        note = Clean(note);
        var parent = divisions.Find(user.DivisionCode)?.ParentCode is { } p && divisions.Find(p) is { } d ? d : null;
        if (parent is null) throw AppProblem.Conflict("work_item_cannot_escalate", "您所在的已是最高一级，无法再上报");
        var targets = await HoldersAsync([task.Item.Permission, .. task.Item.Oversight], ct);
        if (!targets.Any(u => u.DivisionCode == parent.Code))
        {
            throw AppProblem.Conflict("work_item_no_escalation_target", $"{parent.Name}没有可以办理或督办此事项的用户，无法上报");
        }
        var mark = await MarkForWriteAsync(task, version, ct);
        mark.EscalatedToDivision = parent.Code;
        mark.EscalatedByName = AccountLabels.Of(user);
        mark.EscalatedAt = clock.UtcNow;
        mark.Note = note ?? mark.Note;
        await SaveAsync(ct);
    }

    private static string? Clean(string? note)
    {
        if (string.IsNullOrWhiteSpace(note)) return null;
        note = note.Trim();
        if (note.Length > 500) throw AppProblem.Field("note", "说明不能超过 500 个字");
        return note;
    }

    // acting on an item needs its permission or its line's oversight (one routed to a supervisor by escalation)
    private void RequireActor(WorkItem item)
    {
        if (!user.HasPermission(item.Permission) && !item.Oversight.Any(user.HasPermission))
        {
            throw new AppProblem(403, "forbidden", "您没有办理此事项的权限，不能指派或上报");
        }
    }

    private async Task<WorkItemMark> MarkForWriteAsync(MyTask task, int version, CancellationToken ct)
    {
        var mark = await Marks.FirstOrDefaultAsync(m => m.Key == task.Item.Key, ct);
        if (mark is null)
        {
            // no one acted on it yet: the version the client saw is 0
            if (version != 0) throw AppProblem.Stale();
            // stored as version 1, so that a second writer who also saw "no one acted yet" (0) is refused
            mark = new WorkItemMark { Key = task.Item.Key, DivisionCode = task.Item.DivisionCode, Stamp = task.Item.Stamp, Version = 1 };
            db.Add(mark);
            return mark;
        }
        db.ExpectVersion(mark, version);
        if (mark.Stamp != task.Item.Stamp)
        {
            // the item moved on since: what was done about its earlier step no longer applies
            mark.Stamp = task.Item.Stamp;
            mark.DivisionCode = task.Item.DivisionCode;
            (mark.AssigneeId, mark.AssigneeName, mark.AssignedByName, mark.AssignedAt) = (null, null, null, null);
            (mark.EscalatedToDivision, mark.EscalatedByName, mark.EscalatedAt, mark.Note) = (null, null, null, null);
        }
        return mark;
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // two people acting on the same untouched item at once: the second one's view is stale
            throw AppProblem.Stale();
        }
    }

    private sealed record Holder(Guid Id, string Name, string DivisionCode);

    // active staff (not organisation accounts) holding any of the permissions through a role or a claim of their own
    private async Task<List<Holder>> HoldersAsync(IReadOnlyCollection<string> permissions, CancellationToken ct)
    {
        var wanted = permissions.Distinct().ToList();
        var roleIds = db.RoleClaims.Where(c => c.ClaimType == Permissions.ClaimType && wanted.Contains(c.ClaimValue!)).Select(c => c.RoleId);
        var viaRoles = db.UserRoles.Where(r => roleIds.Contains(r.RoleId)).Select(r => r.UserId);
        var viaClaims = db.UserClaims.Where(c => c.ClaimType == Permissions.ClaimType && wanted.Contains(c.ClaimValue!)).Select(c => c.UserId);
        var rows = await db.Users.AsNoTracking()
            .Where(u => !u.IsDisabled && u.OrganizationId == null && (viaRoles.Contains(u.Id) || viaClaims.Contains(u.Id)))
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.DivisionCode }).ToListAsync(ct);
        return rows.Select(u => new Holder(u.Id, string.IsNullOrWhiteSpace(u.DisplayName) ? AccountLabels.Label(u.UserName, null) : $"{u.DisplayName}（{AccountLabels.Label(u.UserName, u.DisplayName)}）", u.DivisionCode)).ToList();
    }

    /// <summary>
    /// The items the user sees (all, or only <paramref name="onlyKey"/>): those their permissions list, plus those assigned to them or
    /// escalated to their division while still current; with the marks on each.
    /// </summary>
    private async Task<(List<MyTask> Tasks, bool Truncated)> VisibleAsync(string? onlyKey, DateOnly today, CancellationToken ct)
    {
        var me = user.UserId;
        var division = user.DivisionCode;
        var routedQuery = Marks.AsNoTracking().Where(m => (me != null && m.AssigneeId == me) || (division != null && m.EscalatedToDivision == division));
        if (onlyKey is not null) routedQuery = routedQuery.Where(m => m.Key == onlyKey);
        var routed = (await routedQuery.Select(m => m.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var request = new WorkItemRequest(today, routed, onlyKey is null ? null : new HashSet<string>(StringComparer.Ordinal) { onlyKey });

        var items = new List<WorkItem>();
        var truncated = false;
        foreach (var source in sources)
        {
            // one DbContext per request: sources run one after the other
            var found = await source.ItemsAsync(request, ct);
            truncated |= found.Count >= request.Limit;
            items.AddRange(found);
        }
        var keys = items.Select(i => i.Key).Distinct().ToList();
        var marks = keys.Count == 0 ? [] : await Marks.AsNoTracking().Where(m => keys.Contains(m.Key)).ToDictionaryAsync(m => m.Key, StringComparer.Ordinal, ct);

        var tasks = new List<MyTask>(items.Count);
        foreach (var item in items.DistinctBy(i => i.Key))
        {
            var mark = marks.GetValueOrDefault(item.Key);
            var current = mark is not null && mark.Stamp == item.Stamp;
            var assignedToMe = current && me is not null && mark!.AssigneeId == me;
            var escalatedToMe = current && division is not null && mark!.EscalatedToDivision == division
                && (user.HasPermission(item.Permission) || item.Oversight.Any(user.HasPermission));
            // listed by the user's own permission, or routed to them and still about the same step
            if (!user.HasPermission(item.Permission) && !assignedToMe && !escalatedToMe) continue;
            tasks.Add(new MyTask(item, item.IsOverdue(today), mark?.Version ?? 0,
                current ? mark!.AssigneeName : null, assignedToMe,
                current && mark!.EscalatedToDivision is { } to ? divisions.NameOf(to) : null, escalatedToMe,
                current ? mark!.Note : null));
        }
        return (tasks, truncated);
    }

    private async Task<List<MyTask>> HideAcknowledgedAsync(List<MyTask> tasks, DateOnly today, CancellationToken ct)
    {
        if (user.UserId is not { } me || tasks.Count == 0) return tasks;
        var keys = tasks.Select(t => t.Item.Key).ToList();
        var acks = await Acks.AsNoTracking().Where(a => a.UserId == me && keys.Contains(a.Key)).ToDictionaryAsync(a => a.Key, StringComparer.Ordinal, ct);
        return tasks.Where(t => acks.GetValueOrDefault(t.Item.Key) is not { } a || a.Stamp != t.Item.Stamp || (t.Overdue && a.On != today)).ToList();
    }
}

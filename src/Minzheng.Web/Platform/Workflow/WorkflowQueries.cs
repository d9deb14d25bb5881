using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Platform.Workflow;

public sealed record CaseListItem(Guid Id, string ProcessCode, string ProcessName, string Title, string DivisionCode, string DivisionName,
    string State, string StateName, DateOnly? StepDueDate, DateOnly? CaseDueDate, int DaysOverdue);

public sealed record TimelineEntry(DateTime At, string ActorName, string ActionName, string? FromStateName, string ToStateName, string? Opinion, IReadOnlyList<WorkflowAttachment> Attachments);

public sealed record CaseDetail(WorkflowCase Case, ProcessModel Model, string DivisionName, IReadOnlyList<TimelineEntry> Timeline);

/// <summary>Read side of the workflow kernel: current definitions, overdue cases, one case with its timeline.</summary>
public sealed class WorkflowQueries(AppDbContext db, WorkflowEngine engine, DivisionDirectory divisions, BusinessClock clock)
{
    public async Task<List<WorkflowProcess>> CurrentDefinitionsAsync(CancellationToken ct = default)
    {
        var all = await db.WorkflowProcesses.AsNoTracking().ToListAsync(ct);
        return all.GroupBy(p => p.Code).Select(g => g.MaxBy(p => p.Version)!).OrderBy(p => p.Name).ToList();
    }

    public async Task<Paged<CaseListItem>> OverdueAsync(PageRequest page, CancellationToken ct = default)
    {
        var q = engine.Overdue();
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(c => c.StepDueDate < c.CaseDueDate ? c.StepDueDate : c.CaseDueDate ?? c.StepDueDate)
            .ThenBy(c => c.Id)
            .Skip(page.Skip).Take(page.PageSize).AsNoTracking().ToListAsync(ct);
        var models = await ModelsAsync(rows, ct);
        var today = clock.Today;
        var items = rows.Select(c =>
        {
            var model = models[(c.ProcessCode, c.ProcessVersion)];
            var due = new[] { c.StepDueDate, c.CaseDueDate }.Where(d => d is not null && d < today).Min();
            return new CaseListItem(c.Id, c.ProcessCode, model.Name, c.Title, c.DivisionCode, divisions.FullName(c.DivisionCode), c.State,
                model.State(c.State).Name, c.StepDueDate, c.CaseDueDate, due is { } d ? today.DayNumber - d.DayNumber : 0);
        }).ToList();
        return new Paged<CaseListItem>(items, total, page.Page, page.PageSize);
    }

    public async Task<CaseDetail> CaseAsync(Guid id, CancellationToken ct = default)
    {
        var c = await db.WorkflowCases.AsNoTracking().Include(c => c.Events).ThenInclude(e => e.Attachments)
            .FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw AppProblem.NotFound("业务件");
        var model = await engine.ModelOfAsync(c, ct);
        string Name(string? state) => state is null ? "" : model.States.FirstOrDefault(s => s.Code == state)?.Name ?? state;
        var timeline = c.Events.OrderBy(e => e.At).ThenBy(e => e.Id)
            // entries recorded before names were recorded for citizens hold the login (a phone number): masked here
            .Select(e => new TimelineEntry(e.At, AccountLabels.MaskPhones(e.ActorName), e.ActionName, e.FromState is null ? null : Name(e.FromState), Name(e.ToState), e.Opinion, e.Attachments))
            .ToList();
        return new CaseDetail(c, model, divisions.FullName(c.DivisionCode), timeline);
    }

    private async Task<Dictionary<(string, int), ProcessModel>> ModelsAsync(IEnumerable<WorkflowCase> cases, CancellationToken ct)
    {
        var keys = cases.Select(c => c.ProcessCode).Distinct().ToList();
        var processes = await db.WorkflowProcesses.AsNoTracking().Where(p => keys.Contains(p.Code)).ToListAsync(ct);
        return processes.ToDictionary(p => (p.Code, p.Version), p => p.Model);
    }
}

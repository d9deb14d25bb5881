using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Modules.Assistance.Cases;

public sealed record CaseFilter
{
    public AssistanceProgram? Program { get; init; }
    public string? State { get; init; }
    public string? DivisionCode { get; init; }
    public bool Overdue { get; init; }
    public string? Search { get; init; }
}

public sealed record CaseRow(Guid Id, string Number, AssistanceProgram Program, string State, string StateName, string ApplicantName, string DivisionCode, string DivisionName,
    DateOnly AppliedOn, Money MonthlyAmount, Money ApprovedAmount, bool FlaggedRelative, DateOnly? StepDueDate, DateOnly? CaseDueDate, bool Overdue, DateOnly? PaperworkDueOn,
    DateOnly? NoticeTo = null);

/// <summary>Case lists for queues and dashboards, within the user's scope (the query filter applies).</summary>
public sealed class CaseQueries(AppDbContext db, DivisionDirectory divisions, BusinessClock clock, ListTotals totals, Platform.Access.ICurrentUser user)
{
    public async Task<Paged<CaseRow>> SearchAsync(CaseFilter f, PageRequest page, CancellationToken ct = default)
    {
        var today = clock.Today;
        var q = from c in db.Set<AssistanceCase>().AsNoTracking()
                join w in db.WorkflowCases.AsNoTracking() on c.WorkflowCaseId equals w.Id
                select new { c, w };
        if (f.Program is { } p) q = q.Where(x => x.c.Program == p);
        if (!string.IsNullOrWhiteSpace(f.State)) q = q.Where(x => x.c.State == f.State);
        if (DivisionCodes.IsWellFormed(f.DivisionCode))
        {
            var sub = Platform.Access.DivisionScope.Of(f.DivisionCode!);
            q = q.Where(x => string.Compare(x.c.DivisionCode, sub.Low) >= 0 && string.Compare(x.c.DivisionCode, sub.High) <= 0);
        }
        if (f.Overdue)
        {
            q = q.Where(x => (x.w.ClosedAt == null && (x.w.StepDueDate < today || x.w.CaseDueDate < today))
                || (x.c.PaperworkDueOn != null && x.c.PaperworkDoneOn == null && x.c.PaperworkDueOn < today));
        }
        if (!string.IsNullOrWhiteSpace(f.Search))
        {
            var s = f.Search.Trim();
            q = q.Where(x => x.c.Number.StartsWith(s) || x.c.ApplicantName.StartsWith(s));
        }
        var rows = await q.OrderByDescending(x => x.c.AppliedOn).ThenByDescending(x => x.c.Id).Skip(page.Skip).Take(page.PageSize)
            .Select(x => new
            {
                x.c.Id,
                x.c.Number,
                x.c.Program,
                x.c.State,
                x.c.ApplicantName,
                x.c.DivisionCode,
                x.c.AppliedOn,
                x.c.MonthlyAmount,
                x.c.ApprovedAmount,
                x.c.FlaggedRelative,
                x.w.StepDueDate,
                x.w.CaseDueDate,
                x.w.ClosedAt,
                x.c.PaperworkDueOn,
                x.c.PaperworkDoneOn,
                x.c.NoticeTo,
            })
            .ToListAsync(ct);
        // the total of a city's or county's cases is kept for a minute, a narrow search's counted every time (ADR 075)
        var total = await totals.TotalAsync(q, ListTotals.Key("assistance-cases", user, f), page, rows.Count, ct);
        var items = rows.Select(r => new CaseRow(r.Id, r.Number, r.Program, r.State, StateName(r.Program, r.State), r.ApplicantName, r.DivisionCode,
            divisions.FullName(r.DivisionCode), r.AppliedOn, r.MonthlyAmount, r.ApprovedAmount, r.FlaggedRelative, r.StepDueDate, r.CaseDueDate,
            (r.ClosedAt == null && (r.StepDueDate < today || r.CaseDueDate < today)) || (r.PaperworkDueOn is { } due && r.PaperworkDoneOn is null && due < today),
            r.PaperworkDueOn, r.State == AssistanceProcesses.Notice ? r.NoticeTo : null)).ToList();
        return new Paged<CaseRow>(items, total, page.Page, page.PageSize);
    }

    /// <summary>Counts by program and state within scope, for the dashboard.</summary>
    public async Task<Dictionary<(AssistanceProgram, string), int>> CountsAsync(CancellationToken ct = default) =>
        (await db.Set<AssistanceCase>().GroupBy(c => new { c.Program, c.State }).Select(g => new { g.Key.Program, g.Key.State, Count = g.Count() }).ToListAsync(ct))
        .ToDictionary(x => (x.Program, x.State), x => x.Count);

    public static string StateName(AssistanceProgram program, string state) =>
        AssistanceProcesses.For(program).States.FirstOrDefault(s => s.Code == state)?.Name ?? state;

    public static IEnumerable<StateModel> States(AssistanceProgram program) => AssistanceProcesses.For(program).States;
}

using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;

namespace Minzheng.Web.Modules.Payments;

public sealed record PayrollFilter(DateOnly? Month = null, string? Program = null, PayrollStatus? Status = null);

public sealed record PayrollRow(Guid Id, string DivisionCode, string DivisionName, string Program, string ProgramName, DateOnly Month, PayrollKind Kind, PayrollStatus Status,
    int LineCount, Money Total, string GeneratedBy, string? ApprovedBy, string? Message);

public sealed record LineBreakdown(LinePurpose Purpose, LineStatus Status, int Count, Money Total);

public sealed record PayrollDetail(Payroll Payroll, string DivisionName, string ProgramName, IReadOnlyList<LineBreakdown> Breakdown, GenerationProgress? Progress, bool Running);

public sealed record LineFilter(LineStatus? Status = null, LinePurpose? Purpose = null, string? DivisionCode = null, string? Search = null);

public sealed record LineRow(long Id, string SourceNumber, Guid? PayeePersonId, Guid? PayeeOrganizationId, string PayeeName, Guid? HouseholdId, string DivisionName, DateOnly ServiceMonth, LinePurpose Purpose,
    bool IsArrears, Money Amount, int PersonCount, string? BankName, string? BankAccountMasked, LineStatus Status, string? FailureReason, long? RetryOfLineId, IReadOnlyList<AmountLine> Explanation);

public sealed class PaymentsQueries(AppDbContext db, DivisionDirectory divisions, EntitlementPrograms programs, Platform.Jobs.JobQueue jobs)
{
    public async Task<Paged<PayrollRow>> ListAsync(PayrollFilter filter, PageRequest page, CancellationToken ct)
    {
        var q = db.Set<Payroll>().AsNoTracking();
        if (filter.Month is { } m) q = q.Where(p => p.Month == new DateOnly(m.Year, m.Month, 1));
        if (!string.IsNullOrEmpty(filter.Program)) q = q.Where(p => p.Program == filter.Program);
        if (filter.Status is { } s) q = q.Where(p => p.Status == s);
        var rows = await q.OrderByDescending(p => p.Month).ThenBy(p => p.DivisionCode).ThenBy(p => p.Program).ThenBy(p => p.Kind).ThenBy(p => p.Id).ToPagedAsync(page, ct);
        return rows.Select(p => new PayrollRow(p.Id, p.DivisionCode, divisions.NameOf(p.DivisionCode), p.Program, programs.NameOf(p.Program), p.Month, p.Kind, p.Status,
            p.LineCount, p.Total, p.GeneratedBy, p.ApprovedBy, p.Message));
    }

    public async Task<PayrollDetail> DetailAsync(Guid id, CancellationToken ct)
    {
        var payroll = await db.Set<Payroll>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw AppProblem.NotFound("发放表");
        var breakdown = (await db.Set<PayrollLine>().AsNoTracking().Where(l => l.PayrollId == id)
                .GroupBy(l => new { l.Purpose, l.Status })
                .Select(g => new { g.Key.Purpose, g.Key.Status, Count = g.Count(), Fen = g.Sum(x => x.AmountFen) }).ToListAsync(ct))
            .Select(g => new LineBreakdown(g.Purpose, g.Status, g.Count, new Money(g.Fen))).OrderBy(b => b.Purpose).ThenBy(b => b.Status).ToList();
        var job = await jobs.ActiveAsync(id, ct);
        var progress = job is null ? null
            : job.Status == Platform.Jobs.JobStatus.Queued ? new GenerationProgress("排队等待", 0, 1)
            : new GenerationProgress(job.Message ?? "准备中", job.Done, Math.Max(job.Total, 1));
        return new PayrollDetail(payroll, divisions.NameOf(payroll.DivisionCode), programs.NameOf(payroll.Program), breakdown, progress, job is not null);
    }

    public async Task<Paged<LineRow>> LinesAsync(Guid payrollId, LineFilter filter, PageRequest page, CancellationToken ct)
    {
        // a person or an organisation payee (left joins; a line whose payee is outside the user's scope stays hidden as before)
        var q = from l in db.Set<PayrollLine>().AsNoTracking()
                where l.PayrollId == payrollId
                from p in db.Persons.AsNoTracking().Where(p => p.Id == l.PayeePersonId).DefaultIfEmpty()
                from o in db.Organizations.AsNoTracking().Where(o => o.Id == l.PayeeOrganizationId).DefaultIfEmpty()
                where p != null || o != null
                select new { l, Name = p != null ? p.Name : o!.Name };
        if (filter.Status is { } s) q = q.Where(x => x.l.Status == s);
        if (filter.Purpose is { } pu) q = q.Where(x => x.l.Purpose == pu);
        if (!string.IsNullOrEmpty(filter.DivisionCode) && divisions.Find(filter.DivisionCode) is not null)
        {
            var scope = Platform.Access.DivisionScope.Of(filter.DivisionCode);
            q = q.Where(x => string.Compare(x.l.DivisionCode, scope.Low) >= 0 && string.Compare(x.l.DivisionCode, scope.High) <= 0);
        }
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim();
            q = long.TryParse(term, out var lineId) ? q.Where(x => x.l.Id == lineId || x.l.SourceNumber == term) : q.Where(x => x.Name.Contains(term) || x.l.SourceNumber == term);
        }
        var total = await q.CountAsync(ct);
        var items = await q.OrderBy(x => x.l.DivisionCode).ThenBy(x => x.l.Id).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new Paged<LineRow>(items.Select(x => ToRow(x.l, x.Name)).ToList(), total, page.Page, page.PageSize);
    }

    public LineRow ToRow(PayrollLine l, string name) => new(l.Id, l.SourceNumber, l.PayeePersonId, l.PayeeOrganizationId, name, l.HouseholdId, divisions.NameOf(l.DivisionCode), l.ServiceMonth, l.Purpose,
        l.IsArrears, l.Amount, l.PersonCount, l.BankName, l.BankAccountMasked, l.Status, l.FailureReason, l.RetryOfLineId, Explain(l.Explanation));

    public static IReadOnlyList<AmountLine> Explain(string json)
    {
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<List<AmountLine>>(json, Platform.Audit.AuditRecorder.Json) ?? [];
        }
        catch (System.Text.Json.JsonException)
        {
            return [new AmountLine(json, 0, "")];
        }
    }

    public Task<List<BankTemplate>> TemplatesAsync(CancellationToken ct) => db.Set<BankTemplate>().AsNoTracking().OrderByDescending(t => t.IsDefault).ThenBy(t => t.Name).ToListAsync(ct);
}

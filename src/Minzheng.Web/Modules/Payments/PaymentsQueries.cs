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

public sealed record LineBreakdown(LinePurpose Purpose, LineStatus Status, string StateName, int Count, Money Total);

public sealed record PayrollDetail(Payroll Payroll, string DivisionName, string ProgramName, IReadOnlyList<LineBreakdown> Breakdown, GenerationProgress? Progress, bool Running);

public sealed record LineFilter(LineStatus? Status = null, LinePurpose? Purpose = null, string? DivisionCode = null, string? Search = null);

public sealed record LineRow(long Id, string SourceNumber, Guid? PayeePersonId, Guid? PayeeOrganizationId, string PayeeName, Guid? HouseholdId, string DivisionName, DateOnly ServiceMonth, LinePurpose Purpose,
    bool IsArrears, Money Amount, int PersonCount, string? BankName, string? BankAccountMasked, LineStatus Status, string? FailureReason, long? RetryOfLineId, IReadOnlyList<AmountLine> Explanation,
    string? HoldReason = null, string? BankReference = null)
{
    /// <summary>The one label of the line's state (<see cref="PaymentLabels"/>), on every page and in the API.</summary>
    public string StateName => PaymentLabels.Of(Status, FailureReason, HoldReason);

    public string PurposeName => PaymentLabels.Of(Purpose);
}

/// <summary>A payee with payments not sent for want of a bank account: since which month, how many months, how much.</summary>
public sealed record MissingAccountRow(Guid? PayeePersonId, Guid? PayeeOrganizationId, string PayeeName, Guid? HouseholdId, string DivisionCode, string DivisionName,
    string Program, string ProgramName, string SourceNumber, int Months, DateOnly FirstMonth, DateOnly LastMonth, Money Amount)
{
    public string StateName => PaymentLabels.NotSentNoAccount;
}

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
                .GroupBy(l => new { l.Purpose, l.Status, Failure = l.FailureReason != null, Hold = l.HoldReason != null })
                .Select(g => new { g.Key.Purpose, g.Key.Status, g.Key.Failure, g.Key.Hold, Count = g.Count(), Fen = g.Sum(x => x.AmountFen) }).ToListAsync(ct))
            .Select(g => new LineBreakdown(g.Purpose, g.Status, PaymentLabels.Of(g.Status, g.Failure ? "" : null, g.Hold ? "" : null), g.Count, new Money(g.Fen)))
            .GroupBy(b => (b.Purpose, b.Status, b.StateName)).Select(g => new LineBreakdown(g.Key.Purpose, g.Key.Status, g.Key.StateName, g.Sum(b => b.Count), new Money(g.Sum(b => b.Total.Fen))))
            .OrderBy(b => b.Purpose).ThenBy(b => b.Status).ToList();
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
        var explanations = await PeriodExplanationsAsync(items.Select(x => x.l), ct);
        return new Paged<LineRow>(items.Select(x => ToRow(x.l, x.Name, explanations)).ToList(), total, page.Page, page.PageSize);
    }

    /// <summary>
    /// The explanations of the entitlement periods the lines were paid from (ADR 076: stored once in the period, not on each line),
    /// one query for a page of lines. Read past the division scope: the lines themselves were read through it, and a period is
    /// the line's own record even when its household has since moved.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, string>> PeriodExplanationsAsync(IEnumerable<PayrollLine> lines, CancellationToken ct)
    {
        var ids = lines.Where(l => l.Explanation is null && l.EntitlementPeriodId is not null).Select(l => l.EntitlementPeriodId!.Value).Distinct().ToList();
        if (ids.Count == 0) return new Dictionary<Guid, string>();
        var found = new Dictionary<Guid, string>();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var e in await db.Set<EntitlementPeriod>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking()
                         .Where(e => chunk.Contains(e.Id)).Select(e => new { e.Id, e.Explanation }).ToListAsync(ct))
            {
                found[e.Id] = e.Explanation;
            }
        }
        return found;
    }

    public LineRow ToRow(PayrollLine l, string name, IReadOnlyDictionary<Guid, string> periodExplanations) => new(l.Id, l.SourceNumber, l.PayeePersonId, l.PayeeOrganizationId, name, l.HouseholdId,
        divisions.NameOf(l.DivisionCode), l.ServiceMonth, l.Purpose, l.IsArrears, l.Amount, l.PersonCount, l.BankName, l.BankAccountMasked, l.Status, l.FailureReason, l.RetryOfLineId,
        Explain(l.Explanation ?? (l.EntitlementPeriodId is { } period ? periodExplanations.GetValueOrDefault(period) : null) ?? "[]"), l.HoldReason, l.BankReference);

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

    /// <summary>
    /// 缺少银行账户的待发放家庭 (the township's task list): payees with payments not sent for want of an account, month after
    /// month, until an account is entered in the registry. Scoped like every read: a township sees its own villages.
    /// </summary>
    public async Task<Paged<MissingAccountRow>> MissingAccountsAsync(string? program, PageRequest page, CancellationToken ct)
    {
        var q = db.Set<PayrollLine>().AsNoTracking().Where(l => l.Status == LineStatus.NoAccount);
        if (!string.IsNullOrEmpty(program)) q = q.Where(l => l.Program == program);
        // (no MAX over a uuid on PostgreSQL: the household is part of the key; a payee is paid for one household)
        var grouped = q.GroupBy(l => new { l.PayeePersonId, l.PayeeOrganizationId, l.Program, l.HouseholdId })
            .Select(g => new
            {
                g.Key.PayeePersonId,
                g.Key.PayeeOrganizationId,
                g.Key.Program,
                g.Key.HouseholdId,
                DivisionCode = g.Max(x => x.DivisionCode),
                SourceNumber = g.Max(x => x.SourceNumber),
                Months = g.Select(x => x.ServiceMonth).Distinct().Count(),
                First = g.Min(x => x.ServiceMonth),
                Last = g.Max(x => x.ServiceMonth),
                Fen = g.Sum(x => x.AmountFen),
            });
        var total = await grouped.CountAsync(ct);
        var rows = await grouped.OrderByDescending(x => x.Months).ThenBy(x => x.DivisionCode).ThenBy(x => x.SourceNumber).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        var people = rows.Where(r => r.PayeePersonId != null).Select(r => r.PayeePersonId!.Value).ToList();
        var organizations = rows.Where(r => r.PayeeOrganizationId != null).Select(r => r.PayeeOrganizationId!.Value).ToList();
        var names = await db.Persons.AsNoTracking().Where(p => people.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        foreach (var o in await db.Organizations.AsNoTracking().Where(o => organizations.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(ct)) names[o.Id] = o.Name;
        return new Paged<MissingAccountRow>(rows.Select(r => new MissingAccountRow(r.PayeePersonId, r.PayeeOrganizationId,
            names.GetValueOrDefault(r.PayeePersonId ?? r.PayeeOrganizationId ?? Guid.Empty, "（无权查看）"), r.HouseholdId, r.DivisionCode!, divisions.NameOf(r.DivisionCode!),
            r.Program, programs.NameOf(r.Program), r.SourceNumber!, r.Months, r.First, r.Last, new Money(r.Fen))).ToList(), total, page.Page, page.PageSize);
    }

    public Task<List<BankTemplate>> TemplatesAsync(CancellationToken ct) => db.Set<BankTemplate>().AsNoTracking().OrderByDescending(t => t.IsDefault).ThenBy(t => t.Name).ToListAsync(ct);
}

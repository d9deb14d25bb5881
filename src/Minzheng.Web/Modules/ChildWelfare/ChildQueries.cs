using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.ChildWelfare.Allowances;
using Minzheng.Web.Modules.ChildWelfare.Contracts;
using Minzheng.Web.Modules.ChildWelfare.Institutions;
using Minzheng.Web.Modules.ChildWelfare.Watch;
using Minzheng.Web.Modules.Payments.Contracts;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.ChildWelfare;

public sealed record ChildCaseRow(Guid Id, string Number, ChildAllowanceKind Kind, ChildCaseStatus Status, string ChildName, string DivisionCode, string DivisionName,
    CarePlacement Placement, decimal MonthlyAmount, DateOnly? FromMonth, DateOnly? LastMonthByAge, DateOnly AppliedOn);

public sealed record WatchRow(Guid Id, string Name, string DivisionCode, string DivisionName, bool LeftBehind, string Difficulties, RiskLevel Risk, string Director,
    DateOnly? LastVisitOn, DateOnly NextVisitDue, string? OpenRisk, int Version);

public sealed record CountyFigures(string DivisionCode, string Name, int Orphans, int Unsupported, int LeftBehind, int Difficulty, int Overdue, int OpenRisks, decimal DueThisMonth,
    decimal ApprovedThisMonth, decimal PaidThisMonth);

/// <summary>Lists and figures of the module; every query goes through the DbContext's division scope.</summary>
public sealed class ChildQueries(AppDbContext db, DivisionDirectory divisions, BusinessClock clock, IPaymentLedger ledger)
{
    public async Task<Paged<ChildCaseRow>> CasesAsync(ChildCaseStatus? status, ChildAllowanceKind? kind, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<ChildAllowanceCase>().AsNoTracking();
        if (status is { } s) q = q.Where(c => c.Status == s);
        if (kind is { } k) q = q.Where(c => c.Kind == k);
        var rows = await q.Join(db.Persons, c => c.ChildPersonId, p => p.Id, (c, p) => new { c, p.Name }).OrderByDescending(x => x.c.AppliedOn).ThenBy(x => x.c.Number).ToPagedAsync(page, ct);
        return new Paged<ChildCaseRow>([.. rows.Items.Select(x => Row(x.c, x.Name))], rows.Total, rows.Page, rows.PageSize);
    }

    private ChildCaseRow Row(ChildAllowanceCase c, string name) => new(c.Id, c.Number, c.Kind, c.Status, name, c.DivisionCode, divisions.FullName(c.DivisionCode), c.Placement,
        c.MonthlyAmount.Yuan, c.FromMonth, c.LastMonthByAge, c.AppliedOn);

    /// <summary>Running allowances ending by age within the notice period (提前提醒), filtered in the database.</summary>
    public async Task<List<ChildCaseRow>> EndingSoonAsync(int noticeDays, CancellationToken ct = default)
    {
        var horizon = Entitlements.MonthOf(clock.Today.AddDays(noticeDays));
        var rows = await db.Set<ChildAllowanceCase>().AsNoTracking().Where(c => c.Status == ChildCaseStatus.Confirmed && c.LastMonthByAge <= horizon)
            .OrderBy(c => c.LastMonthByAge).Join(db.Persons, c => c.ChildPersonId, p => p.Id, (c, p) => new { c, p.Name }).ToListAsync(ct);
        return [.. rows.Select(x => Row(x.c, x.Name))];
    }

    /// <summary>Applications waiting for the township or the county.</summary>
    public Task<int> PendingAsync(CancellationToken ct = default) =>
        db.Set<ChildAllowanceCase>().CountAsync(c => c.Status == ChildCaseStatus.Applied || c.Status == ChildCaseStatus.TownshipReviewed, ct);

    public async Task<Paged<WatchRow>> WatchAsync(bool overdueOnly, PageRequest page, CancellationToken ct = default)
    {
        var today = clock.Today;
        var q = db.Set<WatchedChild>().AsNoTracking().Where(w => !w.Closed);
        if (overdueOnly) q = q.Where(w => w.NextVisitDue < today || w.OpenRisk != null);
        var rows = await q.Join(db.Persons, w => w.PersonId, p => p.Id, (w, p) => new { w, p.Name }).OrderBy(x => x.w.NextVisitDue).ThenBy(x => x.w.Id).ToPagedAsync(page, ct);
        return rows.Select(x => new WatchRow(x.w.Id, x.Name, x.w.DivisionCode, divisions.FullName(x.w.DivisionCode), x.w.LeftBehind, x.w.Difficulties, x.w.Risk, x.w.Director,
            x.w.LastVisitOn, x.w.NextVisitDue, x.w.OpenRisk, x.w.Version));
    }

    /// <summary>A page of institutions with the children in care, open problems and overdue rectifications (counted for that page only).</summary>
    public async Task<Paged<InstitutionRow>> InstitutionsAsync(PageRequest page, CancellationToken ct = default)
    {
        var today = clock.Today;
        var list = await db.Set<ChildInstitution>().AsNoTracking().OrderBy(i => i.Name).ThenBy(i => i.Id).ToPagedAsync(page, ct);
        var ids = list.Items.Select(i => i.Id).ToList();
        var inCare = await db.Set<InstitutionChild>().AsNoTracking().Where(c => c.LeftOn == null && ids.Contains(c.InstitutionId))
            .GroupBy(c => c.InstitutionId).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        var open = await db.Set<InstitutionCheck>().AsNoTracking().Where(c => c.Problem && c.RectifiedOn == null && ids.Contains(c.InstitutionId))
            .Select(c => new { c.InstitutionId, c.DueOn }).ToListAsync(ct);
        return list.Select(i => new InstitutionRow(i, divisions.FullName(i.DivisionCode), inCare.FirstOrDefault(x => x.Key == i.Id)?.N ?? 0,
            open.Count(o => o.InstitutionId == i.Id), open.Count(o => o.InstitutionId == i.Id && o.DueOn < today)));
    }

    /// <summary>Per county: children by category, overdue visits, open risks, the allowances due this month (published entitlements) against what the payment ledger approved and paid for it.</summary>
    public async Task<List<CountyFigures>> DashboardAsync(CancellationToken ct = default)
    {
        var today = clock.Today;
        var month = Entitlements.MonthOf(today);
        // counted per division in the database; only those small groups are rolled up to counties here
        var cases = await db.Set<ChildAllowanceCase>().AsNoTracking().Where(c => c.Status == ChildCaseStatus.Confirmed)
            .GroupBy(c => new { c.DivisionCode, c.Kind }).Select(g => new { g.Key.DivisionCode, g.Key.Kind, N = g.Count() }).ToListAsync(ct);
        var watch = await db.Set<WatchedChild>().AsNoTracking().Where(w => !w.Closed)
            .GroupBy(w => w.DivisionCode)
            .Select(g => new
            {
                DivisionCode = g.Key,
                LeftBehind = g.Count(w => w.LeftBehind),
                Difficulty = g.Count(w => w.Difficulties != ""),
                Overdue = g.Count(w => w.NextVisitDue < today),
                Risk = g.Count(w => w.OpenRisk != null),
            }).ToListAsync(ct);
        string[] programs = [ChildPrograms.Orphan, ChildPrograms.Unsupported];
        var due = await db.Set<EntitlementPeriod>().AsNoTracking()
            .Where(e => programs.Contains(e.Program) && e.FromMonth <= month && (e.ToMonth == null || e.ToMonth >= month))
            .Select(e => new { e.DivisionCode, e.MonthlyAmount }).ToListAsync(ct);
        var ledgerTotals = await ledger.TotalsAsync(programs, month, ct);
        string County(string code) => DivisionCodes.CountyPart(code).PadRight(DivisionCodes.Length, '0');
        var counties = cases.Select(c => County(c.DivisionCode)).Concat(watch.Select(w => County(w.DivisionCode))).Distinct().Order(StringComparer.Ordinal);
        return [.. counties.Select(k => new CountyFigures(k, divisions.NameOf(k),
            cases.Where(c => County(c.DivisionCode) == k && c.Kind == ChildAllowanceKind.Orphan).Sum(c => c.N),
            cases.Where(c => County(c.DivisionCode) == k && c.Kind == ChildAllowanceKind.Unsupported).Sum(c => c.N),
            watch.Where(w => County(w.DivisionCode) == k).Sum(w => w.LeftBehind),
            watch.Where(w => County(w.DivisionCode) == k).Sum(w => w.Difficulty),
            watch.Where(w => County(w.DivisionCode) == k).Sum(w => w.Overdue),
            watch.Where(w => County(w.DivisionCode) == k).Sum(w => w.Risk),
            due.Where(d => County(d.DivisionCode) == k).Sum(d => d.MonthlyAmount.Yuan),
            ledgerTotals.Where(t => County(t.CountyCode) == k).Sum(t => t.ApprovedFen) / 100m,
            ledgerTotals.Where(t => County(t.CountyCode) == k).Sum(t => t.PaidFen) / 100m))];
    }
}

public sealed record InstitutionRow(ChildInstitution Institution, string DivisionName, int InCare, int Open, int Overdue);

using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Payments;

public sealed record RecoveryRow(Guid Id, string Program, string ProgramName, string SourceNumber, Guid? PayeePersonId, string PayeeName, Guid? HouseholdId, string DivisionName,
    DateOnly ServiceMonth, Money Amount, Money Recovered, Money Remaining, RecoveryStatus Status, string Reason, DateTime CreatedAt, int Version);

public sealed record RecoveryMovement(DateOnly Date, string What, Money Amount, string? Reference);

public sealed record RecoveryDetail(RecoveryRow Recovery, IReadOnlyList<RecoveryMovement> Movements);

public sealed record SettlementInput([property: JsonRequired] int Version, [Amount] decimal? Amount, DateOnly? ReceivedOn, [Text(500)] string? Note);

public sealed record StatementMonth(DateOnly Month, string Program, string ProgramName, IReadOnlyList<LineRow> Lines, Money Total);

public sealed record HouseholdStatement(Guid HouseholdId, string HouseholdNumber, string HeadName, string Address, string DivisionName, DateOnly From, DateOnly To,
    IReadOnlyList<StatementMonth> Months, IReadOnlyList<RecoveryDetail> Recoveries, Money Paid, Money Pending, Money Owed);

/// <summary>
/// 追缴: amounts paid that were not due, tracked to settlement. They are offset against later payments to the
/// household (up to half of a payment) or repaid directly; an approver may write off what cannot be recovered.
/// </summary>
public sealed class Recoveries(AppDbContext db, ICurrentUser user, BusinessClock clock, DivisionDirectory divisions, EntitlementPrograms programs, PaymentsQueries queries)
{
    public async Task<Paged<RecoveryRow>> ListAsync(RecoveryStatus? status, PageRequest page, CancellationToken ct)
    {
        // the recoveries in scope first; their payees' names in queries of their own (an unscoped join would unscope the list)
        var q = db.Set<Recovery>().AsNoTracking();
        if (status is { } s) q = q.Where(r => r.Status == s);
        var rows = await q.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id).ToPagedAsync(page, ct);
        var people = await db.PersonNamesAsync(rows.Items.Select(r => r.PayeePersonId), ct);
        var organizations = await db.OrganizationNamesAsync(rows.Items.Select(r => r.PayeeOrganizationId), ct);
        return rows.Select(r => ToRow(r, r.PayeePersonId is { } p && people.TryGetValue(p, out var pn) ? pn
            : r.PayeeOrganizationId is { } o && organizations.TryGetValue(o, out var on) ? on : ""));
    }

    /// <summary>The payee's name, person or organisation (the recovery is in scope; its payee is looked up across the registry).</summary>
    private async Task<string> PayeeNameAsync(Recovery r, CancellationToken ct) =>
        r.PayeePersonId is { } person
            ? await db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]).Where(p => p.Id == person).Select(p => p.Name).FirstAsync(ct)
            : await db.Organizations.IgnoreQueryFilters([AppDbContext.ScopeFilter]).Where(o => o.Id == r.PayeeOrganizationId).Select(o => o.Name).FirstAsync(ct);

    private RecoveryRow ToRow(Recovery r, string name) => new(r.Id, r.Program, programs.NameOf(r.Program), r.SourceNumber, r.PayeePersonId, name, r.HouseholdId, divisions.NameOf(r.DivisionCode),
        r.ServiceMonth, r.Amount, r.Recovered, r.Remaining, r.Status, r.Reason, r.CreatedAt, r.Version);

    public async Task<RecoveryDetail> DetailAsync(Guid id, CancellationToken ct)
    {
        var recovery = await db.Set<Recovery>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw AppProblem.NotFound("追缴记录");
        return await DetailOfAsync(recovery, await PayeeNameAsync(recovery, ct), ct);
    }

    private async Task<RecoveryDetail> DetailOfAsync(Recovery recovery, string name, CancellationToken ct)
    {
        var offsets = await (from l in db.Set<PayrollLine>().AsNoTracking()
                             join p in db.Set<Payroll>().AsNoTracking() on l.PayrollId equals p.Id
                             where l.RecoveryId == recovery.Id
                             select new { p.Month, l.AmountFen, l.Id, l.Purpose }).ToListAsync(ct);
        var settlements = await db.Set<RecoverySettlement>().AsNoTracking().Where(s => s.RecoveryId == recovery.Id).ToListAsync(ct);
        var movements = offsets.Select(o => o.Purpose == LinePurpose.RecoveryRefund
                ? new RecoveryMovement(o.Month, $"追缴撤销，{o.Month:yyyy年M月}发放时退还", new Money(-o.AmountFen), $"明细 {o.Id}")
                : new RecoveryMovement(o.Month, $"{o.Month:yyyy年M月}发放时抵扣", new Money(-o.AmountFen), $"明细 {o.Id}"))
            .Concat(settlements.Select(s => new RecoveryMovement(s.ReceivedOn, s.Note, new Money(s.AmountFen), $"登记人 {s.RecordedBy}")))
            .OrderBy(m => m.Date).ToList();
        return new RecoveryDetail(ToRow(recovery, name), movements);
    }

    /// <summary>A repayment received outside payroll (cash or transfer to the finance account).</summary>
    public async Task<Recovery> SettleAsync(Guid id, SettlementInput input, CancellationToken ct)
    {
        var recovery = await db.Set<Recovery>().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw AppProblem.NotFound("追缴记录");
        db.ExpectVersion(recovery, input.Version);
        if (recovery.Status != RecoveryStatus.Open) throw AppProblem.Conflict("invalid_state", "该追缴已结清或核销");
        var errors = new Dictionary<string, string[]>();
        if (input.Amount is not > 0 || decimal.Round(input.Amount.Value, 2) != input.Amount) errors["amount"] = ["请填写退回金额（元，最多两位小数）"];
        else if (Money.FromYuan(input.Amount.Value) > recovery.Remaining) errors["amount"] = [$"退回金额超过尚欠的 {recovery.Remaining} 元"];
        if (input.ReceivedOn is null) errors["receivedOn"] = ["请填写收到日期"];
        else if (input.ReceivedOn > clock.Today) errors["receivedOn"] = ["收到日期不能晚于今天"];
        if (string.IsNullOrWhiteSpace(input.Note)) errors["note"] = ["请填写说明（如：现金退回，收据号）"];
        if (errors.Count > 0) throw AppProblem.Validation(errors);
        var amount = Money.FromYuan(input.Amount!.Value);
        db.Set<RecoverySettlement>().Add(new RecoverySettlement
        {
            RecoveryId = recovery.Id,
            ReceivedOn = input.ReceivedOn!.Value,
            AmountFen = amount.Fen,
            Note = input.Note!.Trim(),
            RecordedBy = user.UserName,
        });
        recovery.RecoveredFen += amount.Fen;
        if (recovery.RecoveredFen >= recovery.AmountFen)
        {
            recovery.Status = RecoveryStatus.Settled;
            recovery.SettledOn = input.ReceivedOn;
        }
        await db.SaveChangesAsync(ct);
        return recovery;
    }

    /// <summary>核销: what cannot be recovered (e.g. the payee died without estate) is written off by an approver, with the reason.</summary>
    public async Task<Recovery> WriteOffAsync(Guid id, SettlementInput input, CancellationToken ct)
    {
        var recovery = await db.Set<Recovery>().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw AppProblem.NotFound("追缴记录");
        db.ExpectVersion(recovery, input.Version);
        if (recovery.Status != RecoveryStatus.Open) throw AppProblem.Conflict("invalid_state", "该追缴已结清或核销");
        if (string.IsNullOrWhiteSpace(input.Note)) throw AppProblem.Field("note", "请填写核销原因和依据");
        recovery.Status = RecoveryStatus.WrittenOff;
        recovery.SettledOn = clock.Today;
        recovery.Reason = (recovery.Reason + "；核销：" + input.Note.Trim())[..Math.Min(500, recovery.Reason.Length + 4 + input.Note.Trim().Length)];
        await db.SaveChangesAsync(ct);
        return recovery;
    }

    /// <summary>对账单: every payment to the household over the period, month by month, and its recoveries with their movements.</summary>
    public async Task<HouseholdStatement> HouseholdStatementAsync(Guid householdId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var household = await db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.Id == householdId, ct) ?? throw AppProblem.NotFound("家庭");
        var head = await db.Persons.AsNoTracking().Where(p => p.Id == household.HeadPersonId).Select(p => p.Name).FirstOrDefaultAsync(ct) ?? "";
        var end = Entitlements.MonthOf(to ?? clock.Today);
        var start = Entitlements.MonthOf(from ?? end.AddMonths(-11));
        var householdLines = await db.Set<PayrollLine>().AsNoTracking()
            .Where(l => l.HouseholdId == householdId && l.ServiceMonth >= start && l.ServiceMonth <= end && l.PayeePersonId != null)
            .OrderBy(l => l.ServiceMonth).ThenBy(l => l.Id).ToListAsync(ct);
        var payees = await db.PersonNamesAsync(householdLines.Select(l => l.PayeePersonId), ct);
        var lines = householdLines.Where(l => payees.ContainsKey(l.PayeePersonId!.Value)).Select(l => new { l, Name = payees[l.PayeePersonId!.Value] }).ToList();
        var explanations = await queries.PeriodExplanationsAsync(householdLines, ct);
        var months = lines.GroupBy(x => new { x.l.ServiceMonth, x.l.Program })
            .Select(g => new StatementMonth(g.Key.ServiceMonth, g.Key.Program, programs.NameOf(g.Key.Program), g.Select(x => queries.ToRow(x.l, x.Name, explanations)).ToList(),
                new Money(g.Where(x => x.l.Status != LineStatus.Requeued && x.l.Status != LineStatus.Failed && x.l.Status != LineStatus.Held).Sum(x => x.l.AmountFen))))
            .ToList();
        var recoveries = new List<RecoveryDetail>();
        foreach (var r in await db.Set<Recovery>().AsNoTracking().Where(r => r.HouseholdId == householdId).OrderBy(r => r.ServiceMonth).ToListAsync(ct))
        {
            recoveries.Add(await DetailOfAsync(r, await PayeeNameAsync(r, ct), ct));
        }
        var paid = new Money(lines.Where(x => x.l.Status == LineStatus.Paid).Sum(x => x.l.AmountFen));
        var pending = new Money(lines.Where(x => x.l.Status is LineStatus.Pending or LineStatus.Exported or LineStatus.NoAccount).Sum(x => x.l.AmountFen));
        var owed = new Money(recoveries.Where(r => r.Recovery.Status == RecoveryStatus.Open).Sum(r => r.Recovery.Remaining.Fen));
        return new HouseholdStatement(household.Id, household.Number, head, household.Address, divisions.FullName(household.DivisionCode), start, end, months, recoveries, paid, pending, owed);
    }
}

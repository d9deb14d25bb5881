using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Platform.Entitlements;

/// <summary>
/// How a benefit module publishes what it owes: a new monthly amount from a month on, the end of a benefit,
/// or a one-off. Changes are tracked in the caller's transaction (the decision and its entitlement commit together).
/// </summary>
public sealed class Entitlements(AppDbContext db, BusinessClock clock)
{
    /// <param name="PersonId">The person paid; null when <paramref name="OrganizationId"/> names an organisation payee instead.</param>
    /// <param name="BeneficiaryPersonId">The one person the benefit is for, where it is personal (a child's allowance paid to the guardian, extreme-poverty support, a disability subsidy): other programs' overlap rules look it up.</param>
    /// <param name="OrganizationId">The registry organisation paid (a care home, a provider), with no person payee.</param>
    public sealed record Payee(string Program, Guid SourceId, string SourceNumber, Guid? PersonId, Guid? HouseholdId, string DivisionCode, int PersonCount, Guid? BeneficiaryPersonId = null, Guid? OrganizationId = null)
    {
        /// <summary>An organisation as payee: a care home's operating subsidy, a provider's settlement (<paramref name="personCount"/>: people served, for statistics).</summary>
        public static Payee ForOrganization(string program, Guid sourceId, string sourceNumber, Guid organizationId, string divisionCode, int personCount = 0) =>
            new(program, sourceId, sourceNumber, null, null, divisionCode, personCount, null, organizationId);

        internal void EnsureOnePayee()
        {
            if ((PersonId is null) == (OrganizationId is null)) throw new InvalidOperationException("待遇须有且只有一个领取人：人员或组织");
        }
    }

    public static DateOnly MonthOf(DateOnly date) => new(date.Year, date.Month, 1);

    /// <summary>From <paramref name="fromMonth"/> on, <paramref name="amount"/> is due each month (replacing what was due from then).</summary>
    public async Task SetAsync(Payee payee, DateOnly fromMonth, Money.Money amount, string explanation, string reason, CancellationToken ct = default)
    {
        payee.EnsureOnePayee();
        fromMonth = MonthOf(fromMonth);
        await EndAsync(payee.Program, payee.SourceId, fromMonth.AddMonths(-1), ct);
        db.Set<EntitlementPeriod>().Add(new EntitlementPeriod
        {
            Program = payee.Program,
            SourceId = payee.SourceId,
            SourceNumber = payee.SourceNumber,
            PayeePersonId = payee.PersonId,
            PayeeOrganizationId = payee.OrganizationId,
            BeneficiaryPersonId = payee.BeneficiaryPersonId,
            HouseholdId = payee.HouseholdId,
            DivisionCode = payee.DivisionCode,
            PersonCount = payee.PersonCount,
            FromMonth = fromMonth,
            MonthlyAmount = amount,
            Explanation = explanation,
            Reason = reason,
            PublishedAt = clock.UtcNow,
        });
    }

    /// <summary>Nothing is due after <paramref name="lastMonth"/> (a period that had not started yet then covers no month).</summary>
    public async Task EndAsync(string program, Guid sourceId, DateOnly lastMonth, CancellationToken ct = default)
    {
        lastMonth = MonthOf(lastMonth);
        var periods = await db.Set<EntitlementPeriod>().Where(e => e.Program == program && e.SourceId == sourceId && !e.OneOff && (e.ToMonth == null || e.ToMonth > lastMonth)).ToListAsync(ct);
        periods.AddRange(db.ChangeTracker.Entries<EntitlementPeriod>().Where(x => x.State == EntityState.Added).Select(x => x.Entity)
            .Where(e => e.Program == program && e.SourceId == sourceId && !e.OneOff && (e.ToMonth == null || e.ToMonth > lastMonth)));
        foreach (var p in periods.Distinct())
        {
            // Kept, never deleted, even when it had not started (it then covers no month): a payroll may already have paid
            // its first month, and the period published anew is what makes the next payroll reconcile that into a recovery.
            p.ToMonth = lastMonth;
            p.PublishedAt = clock.UtcNow;
        }
    }

    /// <summary>
    /// Undoes an <see cref="EndAsync"/> at <paramref name="endedMonth"/> (a death recorded in error): the periods it cut short
    /// run again — each until the next one starts, the last until <paramref name="lastMonth"/> (null: open-ended) — and are
    /// published anew, so that the next payroll pays the months missed and cancels the recoveries the end caused. Returns
    /// whether anything was reopened (nothing when the source had been ended earlier for another reason).
    /// </summary>
    public async Task<bool> ReopenAsync(string program, Guid sourceId, DateOnly endedMonth, DateOnly? lastMonth, CancellationToken ct = default)
    {
        endedMonth = MonthOf(endedMonth);
        // it would have ended by then anyway (a child's coming of age): the end stands
        if (lastMonth is { } last && MonthOf(last) <= endedMonth) return false;
        var periods = await db.Set<EntitlementPeriod>().Where(e => e.Program == program && e.SourceId == sourceId && !e.OneOff && e.ToMonth == endedMonth)
            .OrderBy(e => e.FromMonth).ToListAsync(ct);
        for (var i = 0; i < periods.Count; i++)
        {
            // SetAsync keeps a source's periods consecutive, so each one cut short ran until the next one's first month
            periods[i].ToMonth = i + 1 < periods.Count ? periods[i + 1].FromMonth.AddMonths(-1) : lastMonth is { } l ? MonthOf(l) : null;
            periods[i].PublishedAt = clock.UtcNow;
        }
        return periods.Count > 0;
    }

    public void OneOff(Payee payee, DateOnly month, Money.Money amount, string explanation, string reason)
    {
        payee.EnsureOnePayee();
        db.Set<EntitlementPeriod>().Add(new EntitlementPeriod
        {
            Program = payee.Program,
            SourceId = payee.SourceId,
            SourceNumber = payee.SourceNumber,
            PayeePersonId = payee.PersonId,
            PayeeOrganizationId = payee.OrganizationId,
            BeneficiaryPersonId = payee.BeneficiaryPersonId,
            HouseholdId = payee.HouseholdId,
            DivisionCode = payee.DivisionCode,
            PersonCount = payee.PersonCount,
            FromMonth = MonthOf(month),
            ToMonth = MonthOf(month),
            OneOff = true,
            MonthlyAmount = amount,
            Explanation = explanation,
            Reason = reason,
            PublishedAt = clock.UtcNow,
        });
    }

    /// <summary>Whether <paramref name="program"/> pays something for this person (as beneficiary or payee) in <paramref name="month"/>.</summary>
    public Task<string?> RunningForPersonAsync(string program, Guid personId, DateOnly month, CancellationToken ct = default) =>
        db.Set<EntitlementPeriod>().Where(e => e.Program == program && (e.BeneficiaryPersonId == personId || (e.BeneficiaryPersonId == null && e.PayeePersonId == personId))
                && e.FromMonth <= month && (e.ToMonth == null || e.ToMonth >= month))
            .Select(e => e.SourceNumber).FirstOrDefaultAsync(ct);

    /// <summary>Whether <paramref name="program"/> pays something to this household in <paramref name="month"/>.</summary>
    public Task<string?> RunningForHouseholdAsync(string program, Guid householdId, DateOnly month, CancellationToken ct = default) =>
        db.Set<EntitlementPeriod>().Where(e => e.Program == program && e.HouseholdId == householdId && !e.OneOff && e.FromMonth <= month && (e.ToMonth == null || e.ToMonth >= month))
            .Select(e => e.SourceNumber).FirstOrDefaultAsync(ct);
}

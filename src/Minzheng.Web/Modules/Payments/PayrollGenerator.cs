using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Payments;

public sealed record GenerationProgress(string Step, int Done, int Total);

/// <summary>A payee as reconciliation needs it: a person (until death) or an organisation (until deregistered or revoked).</summary>
internal sealed record Payee(Guid Id, DateOnly? EndDate, string? BankName, byte[]? Cipher, string? Masked, bool IsOrganization = false);

/// <summary>
/// Generates a payroll from the published entitlements, set-based: one INSERT … SELECT per township, then
/// arrears for months already paid, retries of failed lines, adjustments and recoveries for months whose
/// entitlement changed (or whose payee died) after they were paid, recovery offsets and the price-linked
/// subsidy. Every step is its own transaction and every line is protected by a unique index, so running
/// it again — after a crash, a cancellation or simply twice — adds exactly what is missing and nothing twice.
/// Raw SQL bypasses the EF scope filter: the payroll itself is loaded through the filter, and every
/// statement is limited to that payroll's county range.
/// </summary>
public sealed class PayrollGenerator(AppDbContext db, BusinessClock clock, ICurrentUser user, AuditLog audit, PayrollLinePartitions partitions, IConfiguration configuration)
{
    private const string Columns = "payroll_id, program, source_id, source_number, payee_person_id, household_id, division_code, service_month, purpose, is_arrears, amount_fen, person_count, entitlement_period_id, explanation, occurrence, bank_name, bank_account_cipher, bank_account_masked, status, created_at";

    /// <summary>
    /// The benefit statement's insert and its conditions for a range of division codes, shared by the two below: <paramref name="month"/>
    /// is the service month's expression, <paramref name="join"/> what the arrears statement adds to its FROM.
    /// </summary>
    private static string BenefitInsert(string month, string join = "") => $$"""
        INSERT INTO payments_line ({{Columns}})
        SELECT {0}, e.program, e.source_id, e.source_number, e.payee_person_id, e.household_id, e.division_code, {{month}}, {2}, {3}, e.monthly_amount_fen, e.person_count, e.id, NULL, 0,
               p.bank_name, p.bank_account_cipher, p.bank_account_masked, CASE WHEN p.bank_account_cipher IS NULL THEN {4} ELSE {5} END, {6}
        FROM entitlement_period e
        JOIN registry_person p ON p.id = e.payee_person_id{{join}}
        WHERE e.program = {7} AND e.division_code >= {8} AND e.division_code <= {9}
          AND e.from_month <= {{month}} AND (e.to_month IS NULL OR e.to_month >= {{month}})
          AND (p.death_date IS NULL OR p.death_date >= {{month}})
        """;

    /// <summary>Benefit lines for month {1} from the entitlements in force, for a range of division codes.</summary>
    internal static readonly string BenefitSql = BenefitInsert("{1}") + "\nON CONFLICT DO NOTHING";

    /// <summary>
    /// 补发 of the earlier months already run, in one statement: for each month (parameters {10}, {11}, … in pairs: the month and
    /// when its payroll was drafted) the benefit statement, limited to the entitlements that can owe it — published (or republished)
    /// since that month's payroll was drafted, whose payee's registry record changed since (a death corrected), or whose village
    /// came from another county by a division change (ADR 066: that county may never have paid the month). Every other
    /// entitlement in force then was paid by that payroll, so the rest would only meet the unique index. {1} is the earliest of
    /// the drafts: the same test once for every month, so the months are joined only to the few entitlements that pass it. One
    /// statement, not one a month: each scans the entitlements and the registry, and with a year of payrolls on file twelve
    /// scans made the next month's payroll 1.5× as slow as the first (ADR 076, docs/benchmarks.md).
    /// </summary>
    internal static string ArrearsSql(int months) => BenefitInsert("mo.service_month",
        "\n        CROSS JOIN (" + string.Join(" UNION ALL ", Enumerable.Range(0, months).Select(i => $"SELECT {{{10 + 2 * i}}} AS service_month, {{{11 + 2 * i}}} AS since")) + ") mo") + """

          AND (e.published_at > {1} OR p.updated_at > {1} OR CAST(e.id AS TEXT) IN (SELECT m.entity_key FROM division_move m WHERE m.table_name = 'entitlement_period' AND (m.from_code < {8} OR m.from_code > {9})))
          AND (e.published_at > mo.since OR p.updated_at > mo.since OR CAST(e.id AS TEXT) IN (SELECT m.entity_key FROM division_move m WHERE m.table_name = 'entitlement_period' AND (m.from_code < {8} OR m.from_code > {9})))
        ON CONFLICT DO NOTHING
        """;

    /// <summary>
    /// Benefit lines for organisation payees (a care home's operating subsidy): the same as <see cref="BenefitSql"/> with the
    /// organisation's account, and nothing for months after its deregistration or revocation. Person lines are untouched.
    /// </summary>
    internal const string OrganizationBenefitSql = $$"""
        INSERT INTO payments_line ({{Columns}}, payee_organization_id)
        SELECT {0}, e.program, e.source_id, e.source_number, NULL, e.household_id, e.division_code, {1}, {2}, {3}, e.monthly_amount_fen, e.person_count, e.id, NULL, 0,
               o.bank_name, o.bank_account_cipher, o.bank_account_masked, CASE WHEN o.bank_account_cipher IS NULL THEN {4} ELSE {5} END, {6}, e.payee_organization_id
        FROM entitlement_period e
        JOIN registry_organization o ON o.id = e.payee_organization_id
        WHERE e.program = {7} AND e.division_code >= {8} AND e.division_code <= {9} AND e.payee_organization_id IS NOT NULL
          AND e.from_month <= {1} AND (e.to_month IS NULL OR e.to_month >= {1})
          AND (o.ended_on IS NULL OR o.ended_on >= {1})
        ON CONFLICT DO NOTHING
        """;

    /// <summary>A new attempt for every failed or held line of earlier payrolls of the county and program, with the payee's current account.</summary>
    internal static readonly string RetrySql = $$"""
        INSERT INTO payments_line ({{Columns}}, retry_of_line_id)
        SELECT {0}, l.program, l.source_id, l.source_number, l.payee_person_id, l.household_id, l.division_code, l.service_month, {1}, l.is_arrears, l.amount_fen, l.person_count, l.entitlement_period_id, l.explanation, l.id,
               p.bank_name, p.bank_account_cipher, p.bank_account_masked, CASE WHEN p.bank_account_cipher IS NULL THEN {2} ELSE {3} END, {4}, l.id
        FROM payments_line l
        JOIN payments_payroll r ON r.id = l.payroll_id
        JOIN registry_person p ON p.id = l.payee_person_id
        WHERE l.program = {5} AND l.division_code >= {6} AND l.division_code <= {7} AND l.payroll_id <> {0}
          AND l.{{PayrollLineConfiguration.Unsent}} AND r.status >= {8}
        ON CONFLICT DO NOTHING
        """;

    /// <summary>Retries of organisation payees' lines, with the organisation's current account.</summary>
    internal static readonly string OrganizationRetrySql = $$"""
        INSERT INTO payments_line ({{Columns}}, payee_organization_id, retry_of_line_id)
        SELECT {0}, l.program, l.source_id, l.source_number, NULL, l.household_id, l.division_code, l.service_month, {1}, l.is_arrears, l.amount_fen, l.person_count, l.entitlement_period_id, l.explanation, l.id,
               o.bank_name, o.bank_account_cipher, o.bank_account_masked, CASE WHEN o.bank_account_cipher IS NULL THEN {2} ELSE {3} END, {4}, l.payee_organization_id, l.id
        FROM payments_line l
        JOIN payments_payroll r ON r.id = l.payroll_id
        JOIN registry_organization o ON o.id = l.payee_organization_id
        WHERE l.program = {5} AND l.division_code >= {6} AND l.division_code <= {7} AND l.payroll_id <> {0}
          AND l.{{PayrollLineConfiguration.Unsent}} AND r.status >= {8}
        ON CONFLICT DO NOTHING
        """;

    internal static readonly string MarkRequeuedSql = $$"""
        UPDATE payments_line SET status = {0}
        WHERE program = {1} AND division_code >= {2} AND division_code <= {3} AND {{PayrollLineConfiguration.Unsent}}
          AND EXISTS (SELECT 1 FROM payments_line r WHERE r.retry_of_line_id = payments_line.id)
        """;

    private const string PriceSubsidySql = $$"""
        INSERT INTO payments_line ({{Columns}})
        SELECT {0}, l.program, l.source_id, l.source_number, l.payee_person_id, l.household_id, l.division_code, l.service_month, {1}, l.is_arrears, {2} * l.person_count, l.person_count, NULL, {3}, 0,
               l.bank_name, l.bank_account_cipher, l.bank_account_masked, l.status, {4}
        FROM payments_line l
        WHERE l.payroll_id = {0} AND l.purpose = {5} AND l.service_month = {6} AND l.payee_person_id IS NOT NULL
        ON CONFLICT DO NOTHING
        """;

    public async Task<Payroll> RunAsync(Guid payrollId, IProgress<GenerationProgress>? progress = null, CancellationToken ct = default)
    {
        var payroll = await db.Set<Payroll>().FirstOrDefaultAsync(p => p.Id == payrollId, ct) ?? throw AppProblem.NotFound("发放表");
        if (payroll.Status is not (PayrollStatus.Generating or PayrollStatus.Generated))
        {
            throw AppProblem.Conflict("payroll_locked", "发放表已审核或审批，不能重新生成；之后的变化将在下月发放表中补发或追缴");
        }
        if (payroll.Status == PayrollStatus.Generated)
        {
            payroll.Status = PayrollStatus.Generating;
            await db.SaveChangesAsync(ct);
        }
        var county = payroll.DivisionCode;
        var scope = DivisionScope.Of(county);
        await partitions.EnsureAsync(payroll.Month, ct);
        var now = clock.UtcNow;
        var towns = payroll.Kind == PayrollKind.Regular ? await TownshipGroupsAsync(payroll, scope, ct) : [];
        var steps = (payroll.Kind == PayrollKind.Regular ? towns.Count + 5 : 1);
        // Organisation payees are few: their statements run only where the county has any (a partial index answers this).
        var organizationPayees = await db.Set<EntitlementPeriod>().AsNoTracking().AnyAsync(e => e.PayeeOrganizationId != null && e.Program == payroll.Program
            && string.Compare(e.DivisionCode, scope.Low) >= 0 && string.Compare(e.DivisionCode, scope.High) <= 0, ct);
        var done = 0;
        void Report(string step) => progress?.Report(new GenerationProgress(step, ++done, steps));

        if (payroll.Kind == PayrollKind.Regular)
        {
            foreach (var town in towns)
            {
                ct.ThrowIfCancellationRequested();
                await db.Database.ExecuteSqlRawAsync(BenefitSql, [payroll.Id, payroll.Month, (int)LinePurpose.Benefit, false, (int)LineStatus.NoAccount, (int)LineStatus.Pending, now, payroll.Program, town.Low, town.High], ct);
                if (organizationPayees)
                {
                    await db.Database.ExecuteSqlRawAsync(OrganizationBenefitSql, [payroll.Id, payroll.Month, (int)LinePurpose.Benefit, false, (int)LineStatus.NoAccount, (int)LineStatus.Pending, now, payroll.Program, town.Low, town.High], ct);
                }
                Report("生成当月发放明细");
            }

            // 补发: months already run for this county and program in which an entitlement now exists but no benefit line.
            var earlier = await db.Set<Payroll>().AsNoTracking()
                .Where(p => p.DivisionCode == county && p.Program == payroll.Program && p.Kind == PayrollKind.Regular && p.Month < payroll.Month && p.Month >= payroll.Month.AddMonths(-36))
                .Select(p => new { p.Month, p.CreatedAt }).ToListAsync(ct);
            // a day's margin: the clocks of several application servers need not agree to the second
            var months = earlier.Select(e => (e.Month, Since: e.CreatedAt.AddDays(-1))).OrderBy(e => e.Month).ToList();
            foreach (var (month, _) in months) await partitions.EnsureAsync(month, ct);
            if (months.Count > 0)
            {
                ct.ThrowIfCancellationRequested();
                object[] parameters = [payroll.Id, months.Min(m => m.Since), (int)LinePurpose.Benefit, true, (int)LineStatus.NoAccount, (int)LineStatus.Pending, now, payroll.Program, scope.Low, scope.High,
                    .. months.SelectMany(m => new object[] { m.Month, m.Since })];
                await db.Database.ExecuteSqlRawAsync(ArrearsSql(months.Count), parameters, ct);
            }
            if (organizationPayees)
            {
                foreach (var (month, _) in months)
                {
                    ct.ThrowIfCancellationRequested();
                    await db.Database.ExecuteSqlRawAsync(OrganizationBenefitSql, [payroll.Id, month, (int)LinePurpose.Benefit, true, (int)LineStatus.NoAccount, (int)LineStatus.Pending, now, payroll.Program, scope.Low, scope.High], ct);
                }
            }
            Report("补发");
        }

        await db.Database.ExecuteSqlRawAsync(RetrySql, [payroll.Id, (int)LinePurpose.Retry, (int)LineStatus.NoAccount, (int)LineStatus.Pending, now, payroll.Program, scope.Low, scope.High, (int)PayrollStatus.Approved], ct);
        if (organizationPayees)
        {
            await db.Database.ExecuteSqlRawAsync(OrganizationRetrySql, [payroll.Id, (int)LinePurpose.Retry, (int)LineStatus.NoAccount, (int)LineStatus.Pending, now, payroll.Program, scope.Low, scope.High, (int)PayrollStatus.Approved], ct);
        }
        await db.Database.ExecuteSqlRawAsync(MarkRequeuedSql, [(int)LineStatus.Requeued, payroll.Program, scope.Low, scope.High], ct);
        if (payroll.Kind == PayrollKind.Supplementary)
        {
            Report("重新发放失败明细");
            return await FinishAsync(payroll, ct);
        }
        Report("重新发放失败明细");

        ct.ThrowIfCancellationRequested();
        await ReconcileEntitlementsAsync(payroll, scope, ct);
        Report("差额补发与追缴");
        ct.ThrowIfCancellationRequested();
        await OffsetRecoveriesAsync(payroll, scope, ct);
        Report("追缴抵扣");
        ct.ThrowIfCancellationRequested();
        await PriceSubsidyAsync(payroll, ct);
        Report("价格临时补贴");
        return await FinishAsync(payroll, ct);
    }

    /// <summary>
    /// The county's benefit statements, as ranges of division codes that together cover the whole county: its townships in
    /// code order, packed into groups of about <c>Minzheng:Payments:EntitlementsPerStep</c> (200,000) entitlements in force (one count by
    /// township). Each statement joins its entitlements to the whole of <c>registry_person</c> (on PostgreSQL a hash join
    /// over a scan of the table), so one statement per township scanned the registry 25 times for a county of 25 townships:
    /// 28 s for 1,000,000 lines where the county in one statement takes 15 s (docs/benchmarks.md). Groups keep that to a
    /// handful of scans and still give the job a progress bar. Ranges are contiguous from the county's first code to its
    /// last: an entitlement published between the count and its statement is paid whatever its village.
    /// </summary>
    private async Task<List<DivisionScope>> TownshipGroupsAsync(Payroll payroll, DivisionScope scope, CancellationToken ct)
    {
        var month = payroll.Month;
        var townLength = DivisionCodes.PrefixLength(DivisionLevel.Town);
        var counts = await db.Set<EntitlementPeriod>().AsNoTracking()
            .Where(e => e.Program == payroll.Program && string.Compare(e.DivisionCode, scope.Low) >= 0 && string.Compare(e.DivisionCode, scope.High) <= 0
                && e.FromMonth <= month && (e.ToMonth == null || e.ToMonth >= month))
            .GroupBy(e => e.DivisionCode.Substring(0, townLength))
            .Select(g => new { Town = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var perStep = Math.Max(1, configuration.GetValue("Minzheng:Payments:EntitlementsPerStep", 200_000));
        var groups = new List<DivisionScope>();
        string? low = null;
        var inGroup = 0;
        foreach (var town in counts.OrderBy(c => c.Town, StringComparer.Ordinal))
        {
            // the code after the previous group's last: no code of the county falls between two groups
            low ??= groups.Count == 0 ? scope.Low : (long.Parse(groups[^1].High, CultureInfo.InvariantCulture) + 1).ToString("D12", CultureInfo.InvariantCulture);
            inGroup += town.Count;
            if (inGroup < perStep) continue;
            groups.Add(new DivisionScope(low, town.Town.PadRight(DivisionCodes.Length, '9'), null));
            low = null;
            inGroup = 0;
        }
        // the last group runs to the county's last code (an empty county: one statement for the whole county)
        if (low is not null || groups.Count == 0) groups.Add(new DivisionScope(low ?? scope.Low, scope.High, null));
        else groups[^1] = groups[^1] with { High = scope.High };
        return groups;
    }

    private async Task<Payroll> FinishAsync(Payroll payroll, CancellationToken ct)
    {
        var lines = db.Set<PayrollLine>().Where(l => l.PayrollId == payroll.Id);
        payroll.LineCount = await lines.CountAsync(ct);
        payroll.TotalFen = await lines.SumAsync(l => l.AmountFen, ct);
        payroll.Status = PayrollStatus.Generated;
        payroll.GeneratedAt = clock.UtcNow;
        payroll.GeneratedBy = user.UserName;
        payroll.Message = $"共 {payroll.LineCount} 条，合计 {payroll.Total.ToYuanString()}";
        audit.Add("generate", "payments_payroll", payroll.Id.ToString(), new { payroll.Program, payroll.Month, payroll.LineCount, total = payroll.Total.ToString() }, payroll.DivisionCode);
        await db.SaveChangesAsync(ct);
        return payroll;
    }

    /// <summary>
    /// For months already paid: what is due now (the entitlement in force, nothing after the payee's death)
    /// against what was paid or is on its way. More due → an adjustment line now; less → a recovery.
    /// Only sources whose entitlement was published, or whose payee died, since the oldest month looked at.
    /// </summary>
    private async Task ReconcileEntitlementsAsync(Payroll payroll, DivisionScope scope, CancellationToken ct)
    {
        var since = payroll.Month.AddMonths(-12);
        // Every line of the months looked at was written after the oldest of their payrolls was drafted: only what changed since
        // then can differ from what was paid (a day's margin for the clocks of several servers). Drafted, not generated: an
        // entitlement published while that payroll was being generated may have been paid at its old amount.
        var oldestDraft = await db.Set<Payroll>().AsNoTracking()
            .Where(p => p.DivisionCode == payroll.DivisionCode && p.Program == payroll.Program && p.Month >= since && p.Month < payroll.Month && p.GeneratedAt != null)
            .MinAsync(p => (DateTime?)p.CreatedAt, ct);
        if (oldestDraft is null) return;
        var cutoff = oldestDraft.Value.AddDays(-1);
        var changedSources = await db.Set<EntitlementPeriod>().AsNoTracking()
            .Where(e => e.Program == payroll.Program && string.Compare(e.DivisionCode, scope.Low) >= 0 && string.Compare(e.DivisionCode, scope.High) <= 0 && e.PublishedAt > cutoff)
            .Select(e => e.SourceId).Distinct().ToListAsync(ct);
        // A payee who died: a line paid for a month after the death was written before the death was recorded, so the person's
        // record changed after that line — after the cutoff. Found through the entitlement periods (their payee is the lines'
        // payee), so no scan of a year of lines. The registry is read across the scope (EF's IgnoreQueryFilters is query-wide:
        // the periods are held to the payroll's county by the explicit range).
        var deceasedSources = await (from e in db.Set<EntitlementPeriod>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking()
                                     join p in db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]) on e.PayeePersonId equals p.Id
                                     where e.Program == payroll.Program && string.Compare(e.DivisionCode, scope.Low) >= 0 && string.Compare(e.DivisionCode, scope.High) <= 0
                                           && p.DeathDate != null && p.UpdatedAt > cutoff && (e.ToMonth == null || e.ToMonth >= since)
                                     select e.SourceId).Distinct().ToListAsync(ct);
        // the organisation's end is read across the registry too: these few lines are unscoped deliberately, and held to the range
        var endedSources = await (from l in db.Set<PayrollLine>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking()
                                  join o in db.Organizations.IgnoreQueryFilters([AppDbContext.ScopeFilter]) on l.PayeeOrganizationId equals o.Id
                                  where l.Program == payroll.Program && string.Compare(l.DivisionCode, scope.Low) >= 0 && string.Compare(l.DivisionCode, scope.High) <= 0
                                        && l.ServiceMonth >= since && o.EndedOn != null && o.EndedOn < l.ServiceMonth
                                  select l.SourceId).Distinct().ToListAsync(ct);
        var sources = changedSources.Union(deceasedSources).Union(endedSources).ToList();
        foreach (var chunk in sources.Chunk(500))
        {
            var paid = await db.Set<PayrollLine>().AsNoTracking()
                .Where(l => chunk.Contains(l.SourceId) && l.Program == payroll.Program && l.ServiceMonth >= since && l.ServiceMonth < payroll.Month
                    && (l.Purpose == LinePurpose.Benefit || l.Purpose == LinePurpose.Adjustment || l.Purpose == LinePurpose.Retry || l.Purpose == LinePurpose.PriceSubsidy)
                    // paid, on its way, held or about to be retried; this payroll's own arrears and adjustments count too (reruns add nothing twice)
                    && l.Status != LineStatus.Requeued)
                .GroupBy(l => new { l.SourceId, l.ServiceMonth })
                .Select(g => new
                {
                    g.Key.SourceId,
                    g.Key.ServiceMonth,
                    Fen = g.Sum(x => x.Purpose != LinePurpose.PriceSubsidy ? x.AmountFen : 0),
                    Subsidy = g.Sum(x => x.Purpose == LinePurpose.PriceSubsidy ? x.AmountFen : 0),
                    // held by a reviewer (ADR 023): counts as paid against paying it again, but was not paid, so nothing to recover
                    Held = g.Sum(x => x.Status == LineStatus.Held && x.Purpose != LinePurpose.PriceSubsidy ? x.AmountFen : 0),
                    HeldSubsidy = g.Sum(x => x.Status == LineStatus.Held && x.Purpose == LinePurpose.PriceSubsidy ? x.AmountFen : 0),
                })
                .ToListAsync(ct);
            var periods = await db.Set<EntitlementPeriod>().AsNoTracking().Where(e => chunk.Contains(e.SourceId) && e.Program == payroll.Program).ToListAsync(ct);
            var payees = periods.Where(p => p.PayeePersonId != null).Select(p => p.PayeePersonId!.Value).Distinct().ToList();
            var people = await db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking().Where(p => payees.Contains(p.Id))
                .Select(p => new Payee(p.Id, p.DeathDate, p.BankName, p.BankAccountCipher, p.BankAccountMasked, false)).ToDictionaryAsync(p => p.Id, ct);
            var organizationPayeeIds = periods.Where(p => p.PayeeOrganizationId != null).Select(p => p.PayeeOrganizationId!.Value).Distinct().ToList();
            if (organizationPayeeIds.Count > 0)
            {
                foreach (var o in await db.Organizations.IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking().Where(o => organizationPayeeIds.Contains(o.Id))
                             .Select(o => new Payee(o.Id, o.EndedOn, o.BankName, o.BankAccountCipher, o.BankAccountMasked, true)).ToListAsync(ct))
                {
                    people[o.Id] = o;
                }
            }
            Payee? PayeeOf(EntitlementPeriod e) => people.GetValueOrDefault(e.PayeePersonId ?? e.PayeeOrganizationId ?? Guid.Empty);
            foreach (var month in paid)
            {
                var period = periods.Where(p => p.SourceId == month.SourceId && p.FromMonth <= month.ServiceMonth && (p.ToMonth == null || p.ToMonth >= month.ServiceMonth))
                    .OrderByDescending(p => p.PublishedAt).FirstOrDefault();
                // a person's death; an organisation's deregistration or revocation (paid for the month it ends in, like a death)
                var payeeOf = period is null ? null : PayeeOf(period);
                var death = payeeOf?.EndDate;
                var dead = death is { } d && d < month.ServiceMonth;
                var due = period is null || dead ? 0 : period.MonthlyAmount.Fen;
                // a month after the payee's death: the price subsidy paid with it was not due either
                var diff = due - month.Fen - (dead ? month.Subsidy : 0);
                if (diff < 0) diff = Math.Min(0, diff + month.Held + (dead ? month.HeldSubsidy : 0));
                var reference = periods.FirstOrDefault(p => p.SourceId == month.SourceId);
                if (reference is null) continue;
                // not (or no longer) overpaid: a recovery raised for the month earlier is unfounded (a death reversed)
                if (diff >= 0) await CancelUnfoundedRecoveryAsync(payroll, reference, month.ServiceMonth, PayeeOf(reference), ct);
                if (diff == 0) continue;
                if (diff > 0)
                {
                    var line = NewLine(payroll, reference, month.ServiceMonth, LinePurpose.Adjustment, diff,
                        JsonSerializer.Serialize(new[] { new AmountLine($"{month.ServiceMonth:yyyy年M月}应发 {new Money(due)}，已发 {new Money(month.Fen)}，差额补发", diff / 100m, period!.Reason) }, AuditRecorder.Json));
                    if (PayeeOf(reference) is { } payee)
                    {
                        line.BankName = payee.BankName;
                        line.BankAccountCipher = payee.Cipher;
                        line.BankAccountMasked = payee.Masked;
                    }
                    line.Status = line.BankAccountCipher is null ? LineStatus.NoAccount : LineStatus.Pending;
                    db.Set<PayrollLine>().Add(line);
                }
                else if (await db.Set<Recovery>().IgnoreQueryFilters([AppDbContext.ScopeFilter])
                             .FirstOrDefaultAsync(r => r.Program == payroll.Program && r.SourceId == month.SourceId && r.ServiceMonth == month.ServiceMonth, ct) is { } existing)
                {
                    // one recovery per source and month: one cancelled earlier (the death reversed) is owed again when the
                    // month is overpaid again; what it had recovered was paid back when it was cancelled
                    if (existing.Status == RecoveryStatus.Cancelled)
                    {
                        existing.Status = RecoveryStatus.Open;
                        existing.AmountFen = -diff;
                        existing.RecoveredFen = 0;
                        existing.SettledOn = null;
                        existing.Reason = dead
                            ? $"领取人已于 {death:yyyy-MM-dd} 死亡，{month.ServiceMonth:yyyy年M月}已发的 {new Money(-diff)} 不应发放"
                            : $"{month.ServiceMonth:yyyy年M月}应发 {new Money(due)}，已发 {new Money(month.Fen)}，多发部分应追缴";
                    }
                }
                else
                {
                    db.Set<Recovery>().Add(new Recovery
                    {
                        Program = payroll.Program,
                        SourceId = month.SourceId,
                        SourceNumber = reference.SourceNumber,
                        PayeePersonId = reference.PayeePersonId,
                        PayeeOrganizationId = reference.PayeeOrganizationId,
                        HouseholdId = reference.HouseholdId,
                        DivisionCode = reference.DivisionCode,
                        ServiceMonth = month.ServiceMonth,
                        AmountFen = -diff,
                        Status = RecoveryStatus.Open,
                        Reason = dead && payeeOf!.IsOrganization
                            ? $"领取组织已于 {death:yyyy-MM-dd} 注销或被撤销登记，{month.ServiceMonth:yyyy年M月}已发的 {new Money(-diff)} 不应发放"
                            : dead
                            ? $"领取人已于 {death:yyyy-MM-dd} 死亡，{month.ServiceMonth:yyyy年M月}已发的 {new Money(-diff)} 不应发放"
                            : $"{month.ServiceMonth:yyyy年M月}应发 {new Money(due)}，已发 {new Money(month.Fen)}，多发部分应追缴",
                    });
                }
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            db.Attach(payroll);
        }
    }

    /// <summary>
    /// A recovery for a month that is no longer overpaid — the entitlement was restored after a death recorded in error was
    /// reversed — is cancelled, and whatever was already recovered from it (payroll offsets, repayments) is paid back on
    /// this payroll, once: the refund line and the cancellation are saved together, and a reset of the payroll undoes both.
    /// </summary>
    private async Task CancelUnfoundedRecoveryAsync(Payroll payroll, EntitlementPeriod reference, DateOnly month, Payee? payee, CancellationToken ct)
    {
        var recovery = await db.Set<Recovery>().IgnoreQueryFilters([AppDbContext.ScopeFilter])
            // a claimed debt (ADR 034) does not rest on the month being overpaid: only its own module's facts undo it
            .FirstOrDefaultAsync(r => r.Program == payroll.Program && r.SourceId == reference.SourceId && r.ServiceMonth == month && r.Status != RecoveryStatus.Cancelled
                && r.Origin == RecoveryOrigin.Overpayment, ct);
        if (recovery is null) return;
        var refund = recovery.RecoveredFen;
        var note = $"；撤销：{month:yyyy年M月}已发金额现为应发，不再追缴" + (refund > 0 ? $"，已追回的 {new Money(refund)} 在 {payroll.Month:yyyy年M月}发放表中退还" : "");
        recovery.Status = RecoveryStatus.Cancelled;
        recovery.SettledOn = clock.Today;
        recovery.Reason = (recovery.Reason + note)[..Math.Min(500, recovery.Reason.Length + note.Length)];
        if (refund > 0)
        {
            var line = NewLine(payroll, reference, month, LinePurpose.RecoveryRefund, refund,
                JsonSerializer.Serialize(new[] { new AmountLine($"退还追缴款（{month:yyyy年M月}，该月已发金额现为应发）", refund / 100m, "追缴依据已撤销，已追回部分予以退还") }, AuditRecorder.Json));
            line.RecoveryId = recovery.Id;
            line.BankName = payee?.BankName;
            line.BankAccountCipher = payee?.Cipher;
            line.BankAccountMasked = payee?.Masked;
            line.Status = line.BankAccountCipher is null ? LineStatus.NoAccount : LineStatus.Pending;
            db.Set<PayrollLine>().Add(line);
        }
        audit.Add("cancel-recovery", "payments_recovery", recovery.Id.ToString(), new { recovery.Program, recovery.SourceNumber, month, amount = recovery.Amount.ToString(), refunded = new Money(refund).ToString() }, recovery.DivisionCode);
    }

    /// <summary>Open recoveries are offset against this payroll's payments to the same household and program, up to half of each payment.</summary>
    private async Task OffsetRecoveriesAsync(Payroll payroll, DivisionScope scope, CancellationToken ct)
    {
        var open = await db.Set<Recovery>().Where(r => r.Program == payroll.Program && r.Status == RecoveryStatus.Open && r.HouseholdId != null
            && string.Compare(r.DivisionCode, scope.Low) >= 0 && string.Compare(r.DivisionCode, scope.High) <= 0).ToListAsync(ct);
        foreach (var recovery in open)
        {
            if (await db.Set<PayrollLine>().AnyAsync(l => l.PayrollId == payroll.Id && l.RecoveryId == recovery.Id, ct)) continue;
            var benefit = await db.Set<PayrollLine>().AsNoTracking()
                .Where(l => l.PayrollId == payroll.Id && l.HouseholdId == recovery.HouseholdId && l.Purpose == LinePurpose.Benefit && l.Status == LineStatus.Pending)
                .OrderByDescending(l => l.AmountFen).FirstOrDefaultAsync(ct);
            if (benefit is null) continue;
            var offset = Math.Min(recovery.AmountFen - recovery.RecoveredFen, benefit.AmountFen / 2);
            if (offset <= 0) continue;
            var line = NewLine(payroll, benefit, benefit.ServiceMonth, LinePurpose.RecoveryOffset, -offset,
                JsonSerializer.Serialize(new[] { new AmountLine($"抵扣追缴款（{recovery.ServiceMonth:yyyy年M月}，{recovery.Reason}）", -offset / 100m, "抵扣不超过当月发放金额的一半") }, AuditRecorder.Json));
            line.RecoveryId = recovery.Id;
            line.Status = LineStatus.Pending;
            db.Set<PayrollLine>().Add(line);
            recovery.RecoveredFen += offset;
            if (recovery.RecoveredFen >= recovery.AmountFen) recovery.Status = RecoveryStatus.Settled;
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task PriceSubsidyAsync(Payroll payroll, CancellationToken ct)
    {
        var previous = payroll.Month.AddMonths(-1);
        var index = await db.Set<PriceIndex>().AsNoTracking().FirstOrDefaultAsync(i => i.Month == previous, ct);
        if (index is null) return;
        var rules = await db.Set<PriceSubsidyRule>().AsNoTracking().Where(r => r.ValidFrom <= payroll.Month && (r.ValidTo == null || r.ValidTo >= payroll.Month)).ToListAsync(ct);
        var rule = rules.FirstOrDefault(r => r.Programs.Split(',').Contains(payroll.Program));
        if (rule is null) return;
        var decision = PriceSubsidyRules.Decide(rule, index);
        if (!decision.Triggered || decision.PerPerson.Fen <= 0) return;
        var explanation = JsonSerializer.Serialize(new[] { decision.Line }, AuditRecorder.Json);
        await db.Database.ExecuteSqlRawAsync(PriceSubsidySql, [payroll.Id, (int)LinePurpose.PriceSubsidy, decision.PerPerson.Fen, explanation, clock.UtcNow, (int)LinePurpose.Benefit, payroll.Month], ct);
    }

    /// <summary>
    /// The line's place in <c>ux_payments_line_once</c> (ADR 076): an adjustment is once per source, month and paying payroll —
    /// only a county's regular payroll reconciles, one per month, so its month names it; offsets and refunds are guaranteed by
    /// their own index and only need to differ from each other here (a random 62-bit number; a clash is a failed save, never a
    /// second payment).
    /// </summary>
    internal static long OccurrenceOf(Payroll payroll, LinePurpose purpose) => purpose switch
    {
        LinePurpose.Adjustment => payroll.Month.Year * 100 + payroll.Month.Month,
        LinePurpose.RecoveryOffset or LinePurpose.RecoveryRefund => Random.Shared.NextInt64(1L << 32, 1L << 62),
        _ => 0,
    };

    private PayrollLine NewLine(Payroll payroll, EntitlementPeriod e, DateOnly month, LinePurpose purpose, long fen, string explanation) => new()
    {
        PayrollId = payroll.Id,
        Program = payroll.Program,
        SourceId = e.SourceId,
        SourceNumber = e.SourceNumber,
        PayeePersonId = e.PayeePersonId,
        PayeeOrganizationId = e.PayeeOrganizationId,
        HouseholdId = e.HouseholdId,
        DivisionCode = e.DivisionCode,
        ServiceMonth = month,
        Purpose = purpose,
        AmountFen = fen,
        PersonCount = e.PersonCount,
        Explanation = explanation,
        Occurrence = OccurrenceOf(payroll, purpose),
        Status = LineStatus.Pending,
        CreatedAt = clock.UtcNow,
    };

    private PayrollLine NewLine(Payroll payroll, PayrollLine from, DateOnly month, LinePurpose purpose, long fen, string explanation) => new()
    {
        PayrollId = payroll.Id,
        Program = payroll.Program,
        SourceId = from.SourceId,
        SourceNumber = from.SourceNumber,
        PayeePersonId = from.PayeePersonId,
        PayeeOrganizationId = from.PayeeOrganizationId,
        HouseholdId = from.HouseholdId,
        DivisionCode = from.DivisionCode,
        ServiceMonth = month,
        Purpose = purpose,
        AmountFen = fen,
        PersonCount = from.PersonCount,
        Explanation = explanation,
        Occurrence = OccurrenceOf(payroll, purpose),
        BankName = from.BankName,
        BankAccountCipher = from.BankAccountCipher,
        BankAccountMasked = from.BankAccountMasked,
        Status = from.Status,
        CreatedAt = clock.UtcNow,
    };
}

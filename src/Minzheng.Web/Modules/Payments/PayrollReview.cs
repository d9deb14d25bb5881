using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.DataComparison.Contracts;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Payments;

/// <summary>One flagged line of a payroll, with the reviewer's decision once taken.</summary>
/// <param name="LineId">The flagged line: of this payroll, or last month's line for a removed household.</param>
/// <param name="CanHold">False for a removed household: there is nothing in this payroll to hold.</param>
public sealed record ReviewFlag(ReviewFlagKind Kind, long LineId, Guid SourceId, string SourceNumber, string PayeeName, Guid? HouseholdId, string DivisionName,
    Money Amount, Money? PreviousAmount, string Detail, bool CanHold, ReviewFlagDecision? Decision)
{
    public string KindName => PaymentLabels.Of(Kind);
}

public sealed record ReviewFlagDecision(ReviewDecisionKind Decision, string Reason, string DecidedBy, DateTime DecidedAt)
{
    public string DecisionName => PaymentLabels.Of(Decision);
}

/// <param name="PreviousMonth">The month of the regular payroll compared with (null: none to compare, no new/removed/changed flags).</param>
public sealed record ReviewFlags(IReadOnlyList<ReviewFlag> Items, int Open, DateOnly? PreviousMonth)
{
    public int Total => Items.Count;

    /// <summary>Every kind with its count, zeros included: the page and the API show what was checked, not only what was found.</summary>
    public IReadOnlyList<FlagCount> Counts => Enum.GetValues<ReviewFlagKind>()
        .Select(k => new FlagCount(k, PaymentLabels.Of(k), Items.Count(f => f.Kind == k), Items.Count(f => f.Kind == k && f.Decision is null))).ToList();
}

public sealed record FlagCount(ReviewFlagKind Kind, string KindName, int Count, int Open);

public sealed record FlagRef(long LineId, ReviewFlagKind Kind);

public sealed record ReviewDecisionInput(List<FlagRef>? Flags, ReviewDecisionKind? Decision, string? Reason);

public sealed record ReleaseInput(string? Reason);

/// <summary>
/// 发放表审核提示 (ADR 023): before a payroll is reviewed or approved, the known risks are listed and counted — payees with an
/// open 应退 finding, deaths after the entitlement was decided, payments to an account the bank refused for a permanent
/// reason, and households new, removed or changed against last month's payroll — and each must be confirmed or held, by
/// name with a reason. A held line (with the household's other lines of the payroll) never goes into the bank file; it stays
/// on its payroll as 未发送：审核暂缓 until the county releases it, and the next payroll then carries it as a retry, flagged again.
/// Flags are computed when asked (a finding opened after generation shows at approval); decisions are stored.
/// </summary>
public sealed class PayrollReview(AppDbContext db, IOpenStopFindings findings, CurrentUser user, BusinessClock clock, DivisionDirectory divisions, AuditLog audit)
{
    public const int ReasonMinLength = 2;
    public const int ReasonMaxLength = 500;

    private sealed record LineInfo(long Id, Guid SourceId, string SourceNumber, Guid? PayeePersonId, Guid? PayeeOrganizationId, Guid? HouseholdId, string DivisionCode,
        DateOnly ServiceMonth, LinePurpose Purpose, bool IsArrears, long AmountFen, byte[]? Cipher, long? RetryOfLineId);

    public async Task<ReviewFlags> FlagsAsync(Guid payrollId, CancellationToken ct)
    {
        var payroll = await db.Set<Payroll>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == payrollId, ct) ?? throw AppProblem.NotFound("发放表");
        return await FlagsAsync(payroll, ct);
    }

    private async Task<ReviewFlags> FlagsAsync(Payroll payroll, CancellationToken ct)
    {
        var lines = await db.Set<PayrollLine>().AsNoTracking().Where(l => l.PayrollId == payroll.Id && l.Purpose != LinePurpose.RecoveryOffset)
            .Select(l => new LineInfo(l.Id, l.SourceId, l.SourceNumber, l.PayeePersonId, l.PayeeOrganizationId, l.HouseholdId, l.DivisionCode, l.ServiceMonth, l.Purpose, l.IsArrears, l.AmountFen,
                l.BankAccountCipher, l.RetryOfLineId))
            .ToListAsync(ct);
        // one flag per case and kind, on the case's main line: a hold holds all of the case's lines of the payroll anyway
        var main = lines.GroupBy(l => l.SourceId).ToDictionary(g => g.Key, g => g.OrderByDescending(l => l.Purpose == LinePurpose.Benefit && l.ServiceMonth == payroll.Month)
            .ThenByDescending(l => l.AmountFen).First());
        var raw = new List<(ReviewFlagKind Kind, LineInfo Line, long? Previous, string Detail, bool CanHold)>();
        void Add(ReviewFlagKind kind, LineInfo line, string detail, long? previous = null, bool canHold = true)
        {
            if (raw.Any(r => r.Kind == kind && r.Line.SourceId == line.SourceId)) return;
            raw.Add((kind, main.GetValueOrDefault(line.SourceId, line), previous, detail, canHold));
        }

        // open 应退 findings, through data comparison's published contract
        var open = await findings.InCountyAsync(payroll.DivisionCode, payroll.Program, ct);
        if (open.Count > 0)
        {
            foreach (var line in main.Values)
            {
                var hits = open.Where(f => f.SourceId == line.SourceId || f.PersonId == line.PayeePersonId || (line.HouseholdId is { } h && f.HouseholdId == h)).ToList();
                if (hits.Count == 0) continue;
                Add(ReviewFlagKind.OpenFinding, line, string.Join("；", hits.Select(f => $"{f.RuleName}" + (f.EventDate is { } d ? $"（{d:yyyy-MM-dd}）" : "") + $"，{f.FoundAt.AddHours(8):yyyy-MM-dd} 发现，线索 {f.Id}")));
            }
        }

        await DeathsAsync(payroll, lines, Add, ct);
        await PermanentFailuresAsync(payroll, lines, Add, ct);

        // lines held on an earlier payroll and released: the reviewer decides again
        var retried = lines.Where(l => l.RetryOfLineId != null).Select(l => l.RetryOfLineId!.Value).ToList();
        if (retried.Count > 0)
        {
            var heldBefore = await db.Set<PayrollLine>().AsNoTracking().Where(l => retried.Contains(l.Id) && l.HoldReason != null).Select(l => new { l.Id, l.HoldReason }).ToListAsync(ct);
            foreach (var h in heldBefore) Add(ReviewFlagKind.ReleasedHold, lines.First(l => l.RetryOfLineId == h.Id), $"前期暂缓原因：{h.HoldReason}");
        }

        // households against last month's regular payroll
        DateOnly? previousMonth = null;
        if (payroll.Kind == PayrollKind.Regular)
        {
            var last = await db.Set<Payroll>().AsNoTracking()
                .Where(p => p.DivisionCode == payroll.DivisionCode && p.Program == payroll.Program && p.Kind == PayrollKind.Regular && p.Month == payroll.Month.AddMonths(-1) && p.Status >= PayrollStatus.Generated)
                .FirstOrDefaultAsync(ct);
            if (last is not null)
            {
                previousMonth = last.Month;
                var before = await db.Set<PayrollLine>().AsNoTracking().Where(l => l.PayrollId == last.Id && l.Purpose == LinePurpose.Benefit && !l.IsArrears)
                    .Select(l => new LineInfo(l.Id, l.SourceId, l.SourceNumber, l.PayeePersonId, l.PayeeOrganizationId, l.HouseholdId, l.DivisionCode, l.ServiceMonth, l.Purpose, l.IsArrears, l.AmountFen, null, null))
                    .ToListAsync(ct);
                var previous = before.GroupBy(l => l.SourceId).ToDictionary(g => g.Key, g => g.First());
                var now = lines.Where(l => l.Purpose == LinePurpose.Benefit && !l.IsArrears).GroupBy(l => l.SourceId).ToDictionary(g => g.Key, g => g.First());
                foreach (var (source, line) in now)
                {
                    if (!previous.TryGetValue(source, out var was)) Add(ReviewFlagKind.NewHousehold, line, $"上月（{last.Month:yyyy年M月}）未发放，本月 {new Money(line.AmountFen)}");
                    else if (was.AmountFen != line.AmountFen) Add(ReviewFlagKind.ChangedAmount, line, $"上月 {new Money(was.AmountFen)}，本月 {new Money(line.AmountFen)}（{(line.AmountFen > was.AmountFen ? "增加" : "减少")} {new Money(Math.Abs(line.AmountFen - was.AmountFen))}）", was.AmountFen);
                }
                foreach (var (source, was) in previous.Where(p => !now.ContainsKey(p.Key)))
                {
                    raw.Add((ReviewFlagKind.RemovedHousehold, was, was.AmountFen, $"上月（{last.Month:yyyy年M月}）发放 {new Money(was.AmountFen)}，本月不再发放", false));
                }
            }
        }

        var decisions = await db.Set<PayrollReviewDecision>().AsNoTracking().Where(d => d.PayrollId == payroll.Id).ToListAsync(ct);
        var names = await NamesAsync(raw.Select(r => r.Line), ct);
        var items = raw.Select(r =>
            {
                var d = decisions.FirstOrDefault(x => x.LineId == r.Line.Id && x.Kind == r.Kind);
                return new ReviewFlag(r.Kind, r.Line.Id, r.Line.SourceId, r.Line.SourceNumber, names.GetValueOrDefault(r.Line.PayeePersonId ?? r.Line.PayeeOrganizationId ?? Guid.Empty, "（无权查看）"),
                    r.Line.HouseholdId, divisions.NameOf(r.Line.DivisionCode), new Money(r.Kind == ReviewFlagKind.RemovedHousehold ? 0 : r.Line.AmountFen), r.Previous is { } p ? new Money(p) : null,
                    r.Detail, r.CanHold, d is null ? null : new ReviewFlagDecision(d.Decision, d.Reason, d.DecidedBy, d.DecidedAt));
            })
            .OrderBy(f => f.Decision is not null).ThenBy(f => f.Kind).ThenBy(f => f.LineId).ToList();
        return new ReviewFlags(items, items.Count(f => f.Decision is null), previousMonth);
    }

    /// <summary>The payee or a household member died on or before the month paid, and the entitlement in force was decided before the death.</summary>
    private async Task DeathsAsync(Payroll payroll, List<LineInfo> lines, Action<ReviewFlagKind, LineInfo, string, long?, bool> add, CancellationToken ct)
    {
        var ids = lines.Select(l => l.Id).ToList();
        var deaths = new List<(long LineId, Guid PersonId, string Name, DateOnly Date, bool Payee)>();
        foreach (var chunk in ids.Chunk(2000))
        {
            var members = await (from l in db.Set<PayrollLine>().AsNoTracking()
                                 where chunk.Contains(l.Id) && l.HouseholdId != null
                                 join m in db.HouseholdMembers.AsNoTracking() on l.HouseholdId equals m.HouseholdId
                                 join p in db.Persons.AsNoTracking() on m.PersonId equals p.Id
                                 where p.DeathDate != null && p.DeathDate < l.ServiceMonth.AddMonths(1)
                                 select new { LineId = l.Id, p.Id, p.Name, p.DeathDate, Payee = p.Id == l.PayeePersonId }).ToListAsync(ct);
            var payees = await (from l in db.Set<PayrollLine>().AsNoTracking()
                                where chunk.Contains(l.Id)
                                join p in db.Persons.AsNoTracking() on l.PayeePersonId equals p.Id
                                where p.DeathDate != null && p.DeathDate < l.ServiceMonth.AddMonths(1)
                                select new { LineId = l.Id, p.Id, p.Name, p.DeathDate, Payee = true }).ToListAsync(ct);
            deaths.AddRange(members.Concat(payees).Select(x => (x.LineId, x.Id, x.Name, x.DeathDate!.Value, x.Payee)));
        }
        if (deaths.Count == 0) return;
        var byId = lines.ToDictionary(l => l.Id);
        var sources = deaths.Select(d => byId[d.LineId].SourceId).Distinct().ToList();
        var periods = await db.Set<EntitlementPeriod>().AsNoTracking().Where(e => sources.Contains(e.SourceId) && e.Program == payroll.Program)
            .Select(e => new { e.SourceId, e.FromMonth, e.ToMonth, e.PublishedAt }).ToListAsync(ct);
        foreach (var d in deaths.DistinctBy(d => (d.LineId, d.PersonId)))
        {
            var line = byId[d.LineId];
            var period = periods.Where(p => p.SourceId == line.SourceId && p.FromMonth <= line.ServiceMonth && (p.ToMonth == null || p.ToMonth >= line.ServiceMonth))
                .OrderByDescending(p => p.PublishedAt).FirstOrDefault();
            // an entitlement decided from after the death already reflects it (the household recalculated, ADR 015/issue 12 item 1)
            if (period is not null && period.FromMonth > d.Date) continue;
            add(ReviewFlagKind.DeathAfterDecision, line, $"{(d.Payee ? "领取人" : "家庭成员")}{d.Name}已于 {d.Date:yyyy-MM-dd} 死亡（人员登记），{line.ServiceMonth:yyyy年M月}待遇系死亡前核定", null, true);
        }
    }

    /// <summary>
    /// A payee whose last payment the bank returned for a permanent reason (classed by <see cref="BankFailureReason"/>), paid
    /// here to the same account (the same cipher copied from the registry: the account was not entered again since).
    /// </summary>
    private async Task PermanentFailuresAsync(Payroll payroll, List<LineInfo> lines, Action<ReviewFlagKind, LineInfo, string, long?, bool> add, CancellationToken ct)
    {
        var classes = await db.Set<BankFailureReason>().AsNoTracking().ToListAsync(ct);
        var permanent = classes.Where(c => c.Permanent).Select(c => c.Keyword).ToList();
        if (permanent.Count == 0) return;
        var scope = DivisionScope.Of(payroll.DivisionCode);
        var failed = await db.Set<PayrollLine>().AsNoTracking()
            .Where(l => l.Program == payroll.Program && l.PayrollId != payroll.Id && l.FailureReason != null && (l.Status == LineStatus.Failed || l.Status == LineStatus.Requeued)
                && string.Compare(l.DivisionCode, scope.Low) >= 0 && string.Compare(l.DivisionCode, scope.High) <= 0)
            .Select(l => new { l.Id, l.PayeePersonId, l.PayeeOrganizationId, l.FailureReason, l.BankAccountCipher }).ToListAsync(ct);
        foreach (var f in failed.Where(f => permanent.Any(k => f.FailureReason!.Contains(k, StringComparison.Ordinal))))
        {
            var payee = f.PayeePersonId ?? f.PayeeOrganizationId;
            // paid since to that payee: the account works (or was fixed)
            if (await db.Set<PayrollLine>().AsNoTracking().AnyAsync(l => l.Id > f.Id && l.Status == LineStatus.Paid && (l.PayeePersonId == payee || l.PayeeOrganizationId == payee), ct)) continue;
            foreach (var line in lines.Where(l => (l.PayeePersonId ?? l.PayeeOrganizationId) == payee && l.Cipher is not null && f.BankAccountCipher is not null && l.Cipher.AsSpan().SequenceEqual(f.BankAccountCipher)))
            {
                add(ReviewFlagKind.PermanentFailure, line, $"该账户上次发放被银行退回：{f.FailureReason}（明细 {f.Id}），账户未重新登记", null, true);
            }
        }
    }

    private async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<LineInfo> lines, CancellationToken ct)
    {
        var people = lines.Where(l => l.PayeePersonId != null).Select(l => l.PayeePersonId!.Value).Distinct().ToList();
        var organizations = lines.Where(l => l.PayeeOrganizationId != null).Select(l => l.PayeeOrganizationId!.Value).Distinct().ToList();
        var names = await db.Persons.AsNoTracking().Where(p => people.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        foreach (var o in await db.Organizations.AsNoTracking().Where(o => organizations.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(ct)) names[o.Id] = o.Name;
        return names;
    }

    /// <summary>Refuses review and approval while a flag has no decision (409 review_flags_open).</summary>
    public async Task EnsureDecidedAsync(Payroll payroll, CancellationToken ct)
    {
        var flags = await FlagsAsync(payroll, ct);
        if (flags.Open == 0) return;
        var counts = string.Join("、", flags.Counts.Where(c => c.Open > 0).Select(c => $"{PaymentLabels.Of(c.Kind)} {c.Open} 条"));
        throw AppProblem.Conflict("review_flags_open", $"发放表还有 {flags.Open} 条风险提示未处理（{counts}），请逐条确认发放或暂缓发放后再提交");
    }

    /// <summary>
    /// Records the decision on each flag named (confirm, or hold with the case's other lines of the payroll), audited with
    /// who, when and why. Allowed while the payroll is generated or reviewed; a hold changed to a confirmation restores the lines.
    /// </summary>
    public async Task<ReviewFlags> DecideAsync(Guid payrollId, ReviewDecisionInput input, CancellationToken ct)
    {
        var reason = input.Reason?.Trim();
        var errors = new ValidationErrors();
        if (input.Flags is not { Count: > 0 }) errors.Add("flags", "请选择要处理的提示");
        if (input.Decision is null) errors.Add("decision", "请选择确认发放或暂缓发放");
        if (string.IsNullOrEmpty(reason) || reason.Length < ReasonMinLength) errors.Add("reason", "请写明核实情况或暂缓理由");
        else if (reason.Length > ReasonMaxLength) errors.Add("reason", $"理由不超过 {ReasonMaxLength} 个字");
        errors.ThrowIfAny();
        var payroll = await db.Set<Payroll>().FirstOrDefaultAsync(p => p.Id == payrollId, ct) ?? throw AppProblem.NotFound("发放表");
        if (payroll.Status is not (PayrollStatus.Generated or PayrollStatus.Reviewed))
        {
            throw AppProblem.Conflict("invalid_state", $"只有待审核或待审批的发放表可以处理风险提示（当前：{PaymentLabels.Of(payroll.Status)}）");
        }
        var flags = await FlagsAsync(payroll, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var wanted in input.Flags!.Distinct())
        {
            var flag = flags.Items.FirstOrDefault(f => f.LineId == wanted.LineId && f.Kind == wanted.Kind)
                ?? throw AppProblem.Field("flags", $"明细 {wanted.LineId} 没有“{PaymentLabels.Of(wanted.Kind)}”提示（可能已变化，请刷新）");
            if (input.Decision == ReviewDecisionKind.Hold && !flag.CanHold) throw AppProblem.Field("decision", $"{flag.PayeeName}本月已不在发放表中，只能确认");
            var existing = await db.Set<PayrollReviewDecision>().FirstOrDefaultAsync(d => d.PayrollId == payroll.Id && d.LineId == flag.LineId && d.Kind == flag.Kind, ct);
            if (existing is null)
            {
                existing = new PayrollReviewDecision { PayrollId = payroll.Id, LineId = flag.LineId, Kind = flag.Kind, Reason = reason!, DivisionCode = payroll.DivisionCode, DecidedBy = user.UserName };
                db.Set<PayrollReviewDecision>().Add(existing);
            }
            existing.Decision = input.Decision!.Value;
            existing.Reason = reason!;
            existing.DecidedBy = user.UserName;
            existing.DecidedAt = clock.UtcNow;
            await db.SaveChangesAsync(ct);
            if (flag.CanHold) await ApplyHoldsAsync(payroll, flag.SourceId, ct);
            audit.Add(input.Decision == ReviewDecisionKind.Hold ? "hold-line" : "confirm-flag", "payments_payroll", payroll.Id.ToString(),
                new { line = flag.LineId, flag.SourceNumber, kind = flag.Kind.ToString(), flag.Detail, decision = input.Decision.ToString(), reason }, payroll.DivisionCode);
        }
        await RecountAsync(payroll, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await FlagsAsync(payroll, ct);
    }

    /// <summary>
    /// A case with any hold decision on this payroll has all its lines held (offsets are given back to their recoveries, to be
    /// offset against a later payment); with none, its held lines are sendable again.
    /// </summary>
    private async Task ApplyHoldsAsync(Payroll payroll, Guid sourceId, CancellationToken ct)
    {
        var lineIds = db.Set<PayrollLine>().Where(l => l.PayrollId == payroll.Id && l.SourceId == sourceId).Select(l => l.Id);
        var hold = await db.Set<PayrollReviewDecision>().Where(d => d.PayrollId == payroll.Id && d.Decision == ReviewDecisionKind.Hold && lineIds.Contains(d.LineId))
            .OrderByDescending(d => d.DecidedAt).FirstOrDefaultAsync(ct);
        var lines = db.Set<PayrollLine>().Where(l => l.PayrollId == payroll.Id && l.SourceId == sourceId);
        if (hold is not null)
        {
            var holdReason = $"{hold.Reason}（{hold.DecidedBy}，{hold.DecidedAt.AddHours(8):yyyy-MM-dd}）";
            foreach (var offset in await lines.Where(l => l.Purpose == LinePurpose.RecoveryOffset && l.RecoveryId != null).ToListAsync(ct))
            {
                var recovery = await db.Set<Recovery>().FirstAsync(r => r.Id == offset.RecoveryId, ct);
                recovery.RecoveredFen += offset.AmountFen; // offsets are negative
                recovery.Status = RecoveryStatus.Open;
                recovery.SettledOn = null;
                db.Set<PayrollLine>().Remove(offset);
            }
            await db.SaveChangesAsync(ct);
            await lines.Where(l => l.Status == LineStatus.Pending || l.Status == LineStatus.NoAccount)
                .ExecuteUpdateAsync(u => u.SetProperty(l => l.Status, LineStatus.Held).SetProperty(l => l.HoldReason, holdReason), ct);
        }
        else
        {
            await lines.Where(l => l.Status == LineStatus.Held)
                .ExecuteUpdateAsync(u => u.SetProperty(l => l.Status, l => l.BankAccountCipher == null ? LineStatus.NoAccount : LineStatus.Pending).SetProperty(l => l.HoldReason, (string?)null), ct);
        }
    }

    private async Task RecountAsync(Payroll payroll, CancellationToken ct)
    {
        var lines = db.Set<PayrollLine>().Where(l => l.PayrollId == payroll.Id);
        payroll.LineCount = await lines.CountAsync(ct);
        payroll.TotalFen = await lines.SumAsync(l => l.AmountFen, ct);
    }

    /// <summary>
    /// 放行: a line held on an approved payroll is released (by the county, with a reason); the next regular payroll or a
    /// supplementary batch carries it as a retry, where it is flagged for review again.
    /// </summary>
    public async Task ReleaseAsync(long lineId, ReleaseInput input, CancellationToken ct)
    {
        var reason = input.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length < ReasonMinLength) throw AppProblem.Field("reason", "请写明放行理由（如：经核实本人健在）");
        if (reason.Length > ReasonMaxLength) throw AppProblem.Field("reason", $"理由不超过 {ReasonMaxLength} 个字");
        var line = await db.Set<PayrollLine>().FirstOrDefaultAsync(l => l.Id == lineId, ct) ?? throw AppProblem.NotFound("发放明细");
        var payroll = await db.Set<Payroll>().AsNoTracking().FirstAsync(p => p.Id == line.PayrollId, ct);
        if (line.Status != LineStatus.Held) throw AppProblem.Conflict("invalid_state", $"只有审核暂缓的明细可以放行（当前：{PaymentLabels.Of(line.Status, line.FailureReason, line.HoldReason)}）");
        if (payroll.Status < PayrollStatus.Approved) throw AppProblem.Conflict("invalid_state", "发放表尚未审批：请在审核提示中把“暂缓发放”改为“确认发放”");
        line.Status = LineStatus.Released;
        audit.Add("release-line", "payments_line", line.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), new { line.SourceNumber, line.ServiceMonth, amount = line.Amount.ToString(), reason }, line.DivisionCode);
        await db.SaveChangesAsync(ct);
    }
}

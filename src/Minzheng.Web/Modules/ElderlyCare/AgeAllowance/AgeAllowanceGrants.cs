using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Modules.Assistance.Contracts;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Modules.ElderlyCare.AgeAllowance;

public enum AgeAllowanceStatus
{
    /// <summary>Found by the month's run, waiting for the township.</summary>
    Candidate = 1,
    Confirmed = 2,
    Refused = 3,

    /// <summary>Stopped after the elder's death (the death month is still paid).</summary>
    Stopped = 4,
}

/// <summary>
/// One elder's 高龄津贴: found by a monthly run over the registry, confirmed (published as an entitlement, paid by payments) or
/// refused with a reason by the township on the workflow kernel (<see cref="AgeAllowanceProcess"/>; <see cref="Status"/> mirrors
/// the case's state for lists). One row per person: a refused elder is not proposed again by later runs.
/// </summary>
public sealed class AgeAllowanceGrant : IVersioned, IDivisionScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Number { get; set; }
    public Guid PersonId { get; set; }
    public required string PersonName { get; set; }
    public DateOnly BirthDate { get; set; }
    public required string DivisionCode { get; set; }

    /// <summary>The month whose run found the elder; payment may start earlier, back to the qualifying birthday within the arrears figure.</summary>
    public DateOnly FoundMonth { get; set; }
    public AgeAllowanceStatus Status { get; set; } = AgeAllowanceStatus.Candidate;
    public int? BandMinAge { get; set; }
    public Money? MonthlyAmount { get; set; }
    public DateOnly? FromMonth { get; set; }
    public DateOnly? LastMonth { get; set; }

    /// <summary>The rule's explanation lines (JSON <see cref="AmountLine"/>s) as found or confirmed.</summary>
    public required string Explanation { get; set; }
    public string? RefusalReason { get; set; }
    public string? DecidedBy { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class AgeAllowanceGrantConfiguration : IEntityTypeConfiguration<AgeAllowanceGrant>
{
    public void Configure(EntityTypeBuilder<AgeAllowanceGrant> b)
    {
        b.ToTable("elderly_age_allowance");
        b.HasKey(x => x.Id);
        b.Property(x => x.Number).HasMaxLength(40);
        b.HasIndex(x => x.Number).IsUnique();
        b.Property(x => x.PersonName).HasMaxLength(50);
        b.Property(x => x.DivisionCode).HasMaxLength(12);
        b.Property(x => x.Explanation).HasMaxLength(4000);
        b.Property(x => x.RefusalReason).HasMaxLength(500);
        b.Property(x => x.DecidedBy).HasMaxLength(64);
        b.HasIndex(x => x.PersonId).IsUnique();
        b.HasIndex(x => new { x.DivisionCode, x.Status });
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed record RunInput(DateOnly? Month);

public sealed record RefuseInput([Text(500)] string? Opinion, int? Version);

public sealed record ConfirmInput(int? Version);

/// <summary>
/// 高龄津贴 (rules-2 §1.10): the monthly run, the township's confirmation or refusal on the workflow kernel (ADR 035), and what
/// is published to payments: from the month the qualifying birthday starts payment (per the figure), the months owed before
/// the run found the elder within the figure's arrears limit, and each higher band from its own first month.
/// </summary>
public sealed class AgeAllowanceGrants(AppDbContext db, FigureBook figures, Entitlements entitlements, CaseNumbers numbers, ICurrentUser user, BusinessClock clock, AuditLog audit,
    WorkflowEngine workflow)
{
    public const string Program = "elderly-age-allowance";

    private static readonly Func<AuthorizedTransition, Task> NoModuleEffect = _ => Task.CompletedTask;

    /// <summary>The bands in force for a division on a date, from the figure book (a band without an amount is not paid).</summary>
    public IReadOnlyList<(AgeBand Band, string Basis)> Bands(string divisionCode, DateOnly on) =>
        [.. AgeAllowanceFigures.Bands
            .Select(b => (Age: int.Parse(b.Code, System.Globalization.CultureInfo.InvariantCulture), Value: figures.Find(AgeAllowanceFigures.BandAmount, divisionCode, on, b.Code)))
            .Where(x => x.Value is not null)
            .Select(x => (new AgeBand(x.Age, x.Value!.Amount.Yuan), x.Value.Row.Document))];

    /// <summary>
    /// Finds, in one query over the registry, the living elders of the user's township who qualify in <paramref name="month"/>
    /// and have no row yet, and adds each as a candidate with its workflow case (waiting on the township). Returns how many were added.
    /// </summary>
    public async Task<int> RunAsync(DateOnly? month, CancellationToken ct = default)
    {
        var division = user.DivisionCode ?? throw AppProblem.Forbidden("只有有管辖区划的账号可以生成高龄津贴名单");
        var m = Entitlements.MonthOf(month ?? clock.Today);
        if (m > Entitlements.MonthOf(clock.Today)) throw AppProblem.Field("month", "只能生成本月及以前月份的名单");
        var bands = Bands(division, m);
        if (bands.Count == 0) throw AppProblem.Field("month", "该月没有生效的高龄津贴标准（请县级民政部门在标准台账中设定）");
        var fromNext = figures.Require(AgeAllowanceFigures.FromNextMonth, division, m).Yes;
        var meansFigure = figures.Require(AgeAllowanceFigures.MeansTest, division, m);
        var meansTest = meansFigure.Yes;
        var lowest = bands.Min(b => b.Band.MinAge);
        // anyone born before this qualifies by age in the month (the exact band and a 29 February birthday are decided below)
        var cutoff = m.AddMonths(fromNext ? 0 : 1).AddYears(-lowest);
        // the registry query is limited to the user's township by AppDbContext's scope filter (so no IgnoreQueryFilters in it:
        // EF applies that to the whole query, persons included)
        var known = db.Set<AgeAllowanceGrant>();
        var q = db.Persons.AsNoTracking().Where(p => p.LifeStatus == LifeStatus.Alive && p.BirthDate < cutoff
            && !known.Any(g => g.PersonId == p.Id));
        if (meansTest) q = q.Where(LowIncomeIn(m));
        var found = await q.Select(p => new { p.Id, p.Name, p.BirthDate, p.DivisionCode }).ToListAsync(ct);
        // one row per person in any division: someone who moved in keeps the row found (or refused) where they lived before
        var ids = found.Select(p => p.Id).ToList();
        var elsewhere = (await db.Set<AgeAllowanceGrant>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Where(g => ids.Contains(g.PersonId)).Select(g => g.PersonId).ToListAsync(ct)).ToHashSet();
        var added = 0;
        foreach (var p in found.Where(p => !elsewhere.Contains(p.Id)))
        {
            var decision = AgeAllowanceRules.Decide(p.BirthDate, m, [.. bands.Select(b => b.Band)], fromNext);
            if (decision.Band is null) continue;
            var number = await numbers.NextAsync(new NumberSeries("GL" + p.DivisionCode[..6], m.Year, 5),
                db.Set<AgeAllowanceGrant>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Select(g => (string?)g.Number), ct);
            var g = new AgeAllowanceGrant
            {
                Number = number,
                PersonId = p.Id,
                PersonName = p.Name,
                BirthDate = p.BirthDate,
                DivisionCode = p.DivisionCode,
                FoundMonth = m,
                BandMinAge = decision.Band.MinAge,
                MonthlyAmount = Money.FromYuan(decision.Amount),
                Explanation = Explain(decision, bands, meansTest, meansFigure.Row.Document),
            };
            db.Set<AgeAllowanceGrant>().Add(g);
            await workflow.StartAsync(AgeAllowanceProcess.Code, AgeAllowanceProcess.SubjectType, g.Id, TitleOf(g), g.DivisionCode, $"{m:yyyy年M月}名单筛选：{decision.Reason}", ct);
            added++;
        }
        audit.Add("run", nameof(AgeAllowanceGrant), division, new { month = m, added }, division);
        await db.SaveChangesAsync(ct);
        return added;
    }

    /// <summary>Low income in a month = a running 特困 support for the person or 低保 for a household they belong to (published entitlements).</summary>
    private System.Linq.Expressions.Expression<Func<Person, bool>> LowIncomeIn(DateOnly m)
    {
        var running = db.Set<EntitlementPeriod>().Where(e => !e.OneOff && e.FromMonth <= m && (e.ToMonth == null || e.ToMonth >= m));
        var members = db.Set<HouseholdMember>();
        return p => running.Any(e => e.Program == AssistancePrograms.ExtremePoverty && e.BeneficiaryPersonId == p.Id)
            || running.Any(e => e.Program == AssistancePrograms.Dibao && members.Any(h => h.PersonId == p.Id && h.LeftOn == null && h.HouseholdId == e.HouseholdId));
    }

    /// <summary>
    /// The township confirms, through the workflow engine (state, permission and version are guarded before anything is
    /// published). Payment starts in the month the qualifying birthday starts it (the figure: that month or the next), but no
    /// earlier than the figure's arrears limit before the month the run found the elder — and, where only low-income elders
    /// qualify, no earlier than the low-income support running then began. Each month from there to now is paid at the band
    /// and the amount in force in that month; each higher band still to come is published from its own first month.
    /// </summary>
    public async Task<AgeAllowanceGrant> ConfirmAsync(Guid id, ConfirmInput input, CancellationToken ct = default)
    {
        if (input.Version is not { } version) throw AppProblem.Field("version", "缺少版本号");
        var g = await LoadTrackedAsync(id, ct);
        db.ExpectVersion(g, version);
        if (g.Status != AgeAllowanceStatus.Candidate) throw AppProblem.Conflict("age_allowance_not_candidate", $"{g.Number} 已{StatusName(g.Status)}");
        var wf = await CaseOfAsync(g, ct);
        await workflow.PerformAsync(wf, new TransitionRequest(AgeAllowanceProcess.Confirm, null) { Subject = g, Version = version }, async t =>
        {
            var person = await db.Persons.AsNoTracking().FirstAsync(p => p.Id == g.PersonId, ct);
            var plan = await PlanAsync(g, person.BirthDate, person.DeathDate, ct);
            var payee = PayeeOf(g);
            foreach (var (from, decision, explanation) in plan.Periods)
            {
                await entitlements.SetAsync(payee, from, Money.FromYuan(decision.Amount), explanation, from == plan.From ? "乡镇确认高龄津贴" : "高龄津贴升档", ct);
            }
            var now = plan.Periods.Last(x => x.From <= plan.Now);
            g.BandMinAge = now.Decision.Band!.MinAge;
            g.MonthlyAmount = Money.FromYuan(now.Decision.Amount);
            g.Explanation = now.Explanation;
            g.FromMonth = plan.From;
            g.DecidedBy = user.UserName;
            g.DecidedOn = clock.Today;
            audit.Add("confirm", nameof(AgeAllowanceGrant), g.Id.ToString(), new { g.Number, from = plan.From, amount = now.Decision.Amount, periods = plan.Periods.Count }, g.DivisionCode);
        }, ct);
        g.Status = AgeAllowanceProcess.StatusOf(wf.State);
        await db.SaveChangesAsync(ct);
        return g;
    }

    /// <summary>What a confirmation publishes: the first month paid and each period's first month, band and explanation.</summary>
    internal sealed record Plan(DateOnly From, DateOnly Now, IReadOnlyList<(DateOnly From, AgeAllowanceDecision Decision, string Explanation)> Periods);

    private async Task<Plan> PlanAsync(AgeAllowanceGrant g, DateOnly birth, DateOnly? died, CancellationToken ct)
    {
        var found = Entitlements.MonthOf(g.FoundMonth);
        var now = Entitlements.MonthOf(clock.Today);
        if (now < found) now = found;
        var division = g.DivisionCode;
        var fromNext = figures.Require(AgeAllowanceFigures.FromNextMonth, division, found).Yes;
        var bandsFound = Bands(division, found);
        var atFound = AgeAllowanceRules.Decide(birth, found, [.. bandsFound.Select(b => b.Band)], fromNext, died);
        if (atFound.Band is null) throw AppProblem.Conflict("age_allowance_not_eligible", $"{g.PersonName}：{atFound.Reason}");
        var meansFigure = figures.Require(AgeAllowanceFigures.MeansTest, division, found);
        var arrears = figures.Find(AgeAllowanceFigures.ArrearsMonths, division, found);
        // no arrears figure: nothing before the month found (the county has not decided how far back it pays)
        var earliest = found.AddMonths(-(arrears?.Row.Number ?? 0));
        var first = AgeAllowanceRules.FirstMonth(birth, bandsFound.Min(b => b.Band.MinAge), fromNext);
        var from = first > earliest ? first : earliest;
        if (meansFigure.Yes)
        {
            // only low-income elders qualify: the months before the support running when found began are not owed
            var since = await LowIncomeSinceAsync(g.PersonId, found, ct);
            if (since > from) from = since.Value;
        }
        var periods = new List<(DateOnly From, AgeAllowanceDecision Decision, string Explanation)>();
        for (var m = from; m <= now; m = m.AddMonths(1))
        {
            // each month at the standards in force in it (a month before the allowance existed pays nothing and starts later)
            var bands = Bands(division, m);
            var next = figures.Find(AgeAllowanceFigures.FromNextMonth, division, m)?.Yes ?? fromNext;
            var means = figures.Find(AgeAllowanceFigures.MeansTest, division, m) ?? meansFigure;
            var d = AgeAllowanceRules.Decide(birth, m, [.. bands.Select(b => b.Band)], next, died);
            if (d.Band is null)
            {
                if (periods.Count == 0) continue;
                break;
            }
            var explanation = Explain(d, bands, means.Yes, means.Row.Document);
            if (periods.Count == 0 || periods[^1].Decision != d || periods[^1].Explanation != explanation) periods.Add((m, d, explanation));
        }
        if (periods.Count == 0) throw AppProblem.Conflict("age_allowance_not_eligible", $"{g.PersonName}：{atFound.Reason}");
        // the higher bands still to come are known now: each is published from its own first month, so the amount rises without a new decision
        var current = Bands(division, now);
        foreach (var (band, _) in current.Where(b => b.Band.MinAge > periods[^1].Decision.Band!.MinAge).OrderBy(b => b.Band.MinAge))
        {
            var start = AgeAllowanceRules.FirstMonth(birth, band.MinAge, fromNext);
            if (start <= now) continue;
            var higher = AgeAllowanceRules.Decide(birth, start, [.. current.Select(b => b.Band)], fromNext, died);
            if (higher.Band is null) break;
            periods.Add((start, higher, Explain(higher, current, meansFigure.Yes, meansFigure.Row.Document)));
        }
        return new Plan(periods[0].From, now, periods);
    }

    /// <summary>The first month of the low-income support (特困 for the person, 低保 for a household of theirs) running in <paramref name="month"/>.</summary>
    private async Task<DateOnly?> LowIncomeSinceAsync(Guid personId, DateOnly month, CancellationToken ct)
    {
        var households = db.Set<HouseholdMember>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Where(h => h.PersonId == personId && h.LeftOn == null).Select(h => h.HouseholdId);
        var starts = await db.Set<EntitlementPeriod>().IgnoreQueryFilters([AppDbContext.ScopeFilter])
            .Where(e => !e.OneOff && e.FromMonth <= month && (e.ToMonth == null || e.ToMonth >= month)
                && ((e.Program == AssistancePrograms.ExtremePoverty && e.BeneficiaryPersonId == personId)
                    || (e.Program == AssistancePrograms.Dibao && e.HouseholdId != null && households.Contains(e.HouseholdId.Value))))
            .Select(e => e.FromMonth).ToListAsync(ct);
        return starts.Count == 0 ? null : starts.Min();
    }

    /// <summary>The township refuses with its opinion (required by the process: the engine answers 400 on the field without one).</summary>
    public async Task<AgeAllowanceGrant> RefuseAsync(Guid id, RefuseInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        if (input.Version is not { } version) throw AppProblem.Field("version", "缺少版本号");
        var g = await LoadTrackedAsync(id, ct);
        db.ExpectVersion(g, version);
        if (g.Status != AgeAllowanceStatus.Candidate) throw AppProblem.Conflict("age_allowance_not_candidate", $"{g.Number} 已{StatusName(g.Status)}");
        var wf = await CaseOfAsync(g, ct);
        await workflow.PerformAsync(wf, new TransitionRequest(AgeAllowanceProcess.Refuse, input.Opinion) { Subject = g, Version = version }, t =>
        {
            g.RefusalReason = t.Opinion;
            g.DecidedBy = user.UserName;
            g.DecidedOn = clock.Today;
            audit.Add("refuse", nameof(AgeAllowanceGrant), g.Id.ToString(), new { g.Number, g.RefusalReason }, g.DivisionCode);
            return Task.CompletedTask;
        }, ct);
        g.Status = AgeAllowanceProcess.StatusOf(wf.State);
        await db.SaveChangesAsync(ct);
        return g;
    }

    public async Task<WorkflowCase> CaseOfAsync(AgeAllowanceGrant g, CancellationToken ct = default) =>
        await db.WorkflowCases.IgnoreQueryFilters([AppDbContext.ScopeFilter]) // the grant itself was loaded through the scope filter
            .FirstOrDefaultAsync(w => w.SubjectType == AgeAllowanceProcess.SubjectType && w.SubjectId == g.Id, ct)
        ?? throw new InvalidOperationException($"高龄津贴 {g.Number} 没有业务流程");

    /// <summary>The case's timeline, oldest first.</summary>
    public async Task<List<WorkflowCaseEvent>> TimelineAsync(Guid id, CancellationToken ct = default) =>
        (await db.WorkflowCases.AsNoTracking().Where(w => w.SubjectType == AgeAllowanceProcess.SubjectType && w.SubjectId == id).SelectMany(w => w.Events).ToListAsync(ct))
        .OrderBy(e => e.At).ThenBy(e => e.Id).ToList();

    /// <summary>
    /// The elder died (the registry's death use case, tracked, not saved): a candidate's case closes (不予确认), a running
    /// allowance stops after the death month. The registry's record is the authority; the acting user need not be the township's.
    /// </summary>
    internal async Task<string?> OnDeathAsync(AgeAllowanceGrant g, DateOnly deathDate, CancellationToken ct)
    {
        const string Authority = "人员登记死亡记载";
        if (g.Status == AgeAllowanceStatus.Candidate)
        {
            var reason = $"{deathDate:yyyy-MM-dd} 死亡（人员登记记载），不予确认";
            await workflow.PerformAuthorizedAsync(await CaseOfAsync(g, ct), new(AgeAllowanceProcess.CloseOnDeath, reason), Authority, NoModuleEffect, ct);
            g.Status = AgeAllowanceStatus.Refused;
            g.RefusalReason = reason;
            return $"高龄津贴待确认名单（{g.Number}）因死亡撤销";
        }
        if (g.Status != AgeAllowanceStatus.Confirmed) return null;
        var last = Entitlements.MonthOf(deathDate);
        var wf = await CaseOfAsync(g, ct);
        await workflow.PerformAuthorizedAsync(wf, new(AgeAllowanceProcess.StopOnDeath, $"{deathDate:yyyy-MM-dd} 死亡，发放至 {last:yyyy年M月}"), Authority, async _ =>
            await entitlements.EndAsync(Program, g.Id, last, ct), ct);
        g.Status = AgeAllowanceProcess.StatusOf(wf.State);
        g.LastMonth = last;
        return $"停发高龄津贴（{g.Number}），发放至 {last:yyyy年M月}";
    }

    /// <summary>
    /// A death recorded in error is reversed (tracked, not saved): what the death closed reopens where it was — a stopped
    /// allowance runs again (the next payroll pays the months missed), a candidate waits on the township again.
    /// </summary>
    internal async Task<string?> OnDeathReversedAsync(AgeAllowanceGrant g, DateOnly deathDate, CancellationToken ct)
    {
        var authority = $"撤销 {deathDate:yyyy-MM-dd} 的死亡登记";
        var wf = await CaseOfAsync(g, ct);
        var lastAction = await db.WorkflowCaseEvents.Where(e => e.CaseId == wf.Id).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Select(e => e.Action).FirstOrDefaultAsync(ct);
        if (g.Status == AgeAllowanceStatus.Stopped && g.LastMonth == Entitlements.MonthOf(deathDate) && lastAction == AgeAllowanceProcess.StopOnDeath)
        {
            await workflow.ReopenAuthorizedAsync(wf, AgeAllowanceProcess.Granted, "撤销死亡登记，恢复发放", $"{g.LastMonth.Value.AddMonths(1):yyyy年M月}起的月份照发", authority, ct);
            await entitlements.ReopenAsync(Program, g.Id, g.LastMonth.Value, null, ct);
            g.Status = AgeAllowanceStatus.Confirmed;
            g.LastMonth = null;
            return $"恢复发放高龄津贴（{g.Number}）";
        }
        if (g.Status == AgeAllowanceStatus.Refused && lastAction == AgeAllowanceProcess.CloseOnDeath)
        {
            await workflow.ReopenAuthorizedAsync(wf, AgeAllowanceProcess.Candidate, "撤销死亡登记，恢复待确认", "恢复为待乡镇确认", authority, ct);
            g.Status = AgeAllowanceStatus.Candidate;
            g.RefusalReason = null;
            return $"高龄津贴（{g.Number}）恢复为待确认";
        }
        return null;
    }

    public static string TitleOf(AgeAllowanceGrant g) => $"高龄津贴 {g.Number} {g.PersonName}";

    public async Task<Paged<AgeAllowanceGrant>> ListAsync(AgeAllowanceStatus? status, PageRequest page, CancellationToken ct = default) =>
        await db.Set<AgeAllowanceGrant>().AsNoTracking().Where(g => status == null || g.Status == status)
            .OrderBy(g => g.Status).ThenBy(g => g.DivisionCode).ThenBy(g => g.Number).ToPagedAsync(page, ct);

    public async Task<AgeAllowanceGrant> LoadAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<AgeAllowanceGrant>().AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, ct) ?? throw AppProblem.NotFound("高龄津贴记录");

    private async Task<AgeAllowanceGrant> LoadTrackedAsync(Guid id, CancellationToken ct) =>
        await db.Set<AgeAllowanceGrant>().FirstOrDefaultAsync(g => g.Id == id, ct) ?? throw AppProblem.NotFound("高龄津贴记录");

    public static Entitlements.Payee PayeeOf(AgeAllowanceGrant g) => new(Program, g.Id, g.Number, g.PersonId, null, g.DivisionCode, 1, g.PersonId);

    public static string StatusName(AgeAllowanceStatus s) => s switch
    {
        AgeAllowanceStatus.Candidate => "待确认",
        AgeAllowanceStatus.Confirmed => "享受中",
        AgeAllowanceStatus.Refused => "不予享受",
        _ => "已停发",
    };

    public static IReadOnlyList<AmountLine> Lines(AgeAllowanceGrant g) => JsonSerializer.Deserialize<List<AmountLine>>(g.Explanation, AuditRecorder.Json) ?? [];

    private static string Explain(AgeAllowanceDecision d, IReadOnlyList<(AgeBand Band, string Basis)> bands, bool meansTest, string meansBasis)
    {
        var basis = bands.FirstOrDefault(b => b.Band == d.Band).Basis ?? "";
        var lines = new List<AmountLine>
        {
            new(d.Reason, d.Amount, $"中华人民共和国老年人权益保障法 第三十三条；{basis}"),
            new(meansTest ? "本地高龄津贴限低收入老年人（低保、特困）" : "本地高龄津贴不限收入", 0m, meansBasis),
        };
        return JsonSerializer.Serialize(lines, AuditRecorder.Json);
    }
}

/// <summary>A death stops the allowance after the death month (or closes a candidate); its reversal restores it.</summary>
public sealed class AgeAllowanceDeathHandler(AppDbContext db, AgeAllowanceGrants grants) : IDeathHandler
{
    public async Task<IReadOnlyList<string>> OnDeathAsync(Guid personId, DateOnly deathDate, CancellationToken ct)
    {
        // the death is recorded by whoever holds the person, not necessarily the township's scope
        var rows = await db.Set<AgeAllowanceGrant>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Where(g => g.PersonId == personId).ToListAsync(ct);
        var effects = new List<string>();
        foreach (var g in rows)
        {
            if (await grants.OnDeathAsync(g, deathDate, ct) is { } e) effects.Add(e);
        }
        return effects;
    }

    public async Task<IReadOnlyList<string>> OnDeathReversedAsync(Guid personId, DateOnly deathDate, CancellationToken ct)
    {
        var rows = await db.Set<AgeAllowanceGrant>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Where(g => g.PersonId == personId).ToListAsync(ct);
        var effects = new List<string>();
        foreach (var g in rows)
        {
            if (await grants.OnDeathReversedAsync(g, deathDate, ct) is { } e) effects.Add(e);
        }
        return effects;
    }
}

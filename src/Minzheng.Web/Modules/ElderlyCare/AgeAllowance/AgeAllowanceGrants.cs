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
/// refused with a reason by the township. One row per person: a refused elder is not proposed again by later runs.
/// </summary>
public sealed class AgeAllowanceGrant : IVersioned, IDivisionScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Number { get; set; }
    public Guid PersonId { get; set; }
    public required string PersonName { get; set; }
    public DateOnly BirthDate { get; set; }
    public required string DivisionCode { get; set; }

    /// <summary>The month whose run found the elder; payment starts no earlier (no arrears for earlier months).</summary>
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

public sealed record RefuseInput([Text(500)] string? Reason, int? Version);

public sealed record ConfirmInput(int? Version);

/// <summary>高龄津贴 (rules-2 §1.10): the monthly run, the township's confirmation or refusal, and what is published to payments.</summary>
public sealed class AgeAllowanceGrants(AppDbContext db, FigureBook figures, Entitlements entitlements, CaseNumbers numbers, ICurrentUser user, BusinessClock clock, AuditLog audit)
{
    public const string Program = "elderly-age-allowance";

    /// <summary>The bands in force for a division on a date, from the figure book (a band without an amount is not paid).</summary>
    public IReadOnlyList<(AgeBand Band, string Basis)> Bands(string divisionCode, DateOnly on) =>
        [.. AgeAllowanceFigures.Bands
            .Select(b => (Age: int.Parse(b.Code, System.Globalization.CultureInfo.InvariantCulture), Value: figures.Find(AgeAllowanceFigures.BandAmount, divisionCode, on, b.Code)))
            .Where(x => x.Value is not null)
            .Select(x => (new AgeBand(x.Age, x.Value!.Amount.Yuan), x.Value.Row.Document))];

    /// <summary>
    /// Finds, in one query over the registry, the living elders of the user's township who qualify in <paramref name="month"/>
    /// and have no row yet, and adds them as candidates. Returns how many were added.
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
        if (meansTest)
        {
            // low income = a running 特困 support for the person or 低保 for a household they belong to (published entitlements)
            var running = db.Set<EntitlementPeriod>().Where(e => !e.OneOff && e.FromMonth <= m && (e.ToMonth == null || e.ToMonth >= m));
            q = q.Where(p => running.Any(e => e.Program == AssistancePrograms.ExtremePoverty && e.BeneficiaryPersonId == p.Id)
                || running.Any(e => e.Program == AssistancePrograms.Dibao && db.Set<HouseholdMember>().Any(h => h.PersonId == p.Id && h.LeftOn == null && h.HouseholdId == e.HouseholdId)));
        }
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
            db.Set<AgeAllowanceGrant>().Add(new AgeAllowanceGrant
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
            });
            added++;
        }
        audit.Add("run", nameof(AgeAllowanceGrant), division, new { month = m, added }, division);
        await db.SaveChangesAsync(ct);
        return added;
    }

    /// <summary>The township confirms: the bands are published as entitlements from the found month (and each higher band from its own first month).</summary>
    public async Task<AgeAllowanceGrant> ConfirmAsync(Guid id, ConfirmInput input, CancellationToken ct = default)
    {
        if (input.Version is not { } version) throw AppProblem.Field("version", "缺少版本号");
        var g = await LoadTrackedAsync(id, ct);
        db.ExpectVersion(g, version);
        if (g.Status != AgeAllowanceStatus.Candidate) throw AppProblem.Conflict("age_allowance_not_candidate", $"{g.Number} 已{StatusName(g.Status)}");
        var person = await db.Persons.AsNoTracking().FirstAsync(p => p.Id == g.PersonId, ct);
        var from = Entitlements.MonthOf(g.FoundMonth);
        var bands = Bands(g.DivisionCode, from);
        var fromNext = figures.Require(AgeAllowanceFigures.FromNextMonth, g.DivisionCode, from).Yes;
        var decision = AgeAllowanceRules.Decide(person.BirthDate, from, [.. bands.Select(b => b.Band)], fromNext, person.DeathDate);
        if (decision.Band is null) throw AppProblem.Conflict("age_allowance_not_eligible", $"{g.PersonName}：{decision.Reason}");
        var meansFigure = figures.Require(AgeAllowanceFigures.MeansTest, g.DivisionCode, from);
        var meansTest = meansFigure.Yes;
        var payee = PayeeOf(g);
        g.Explanation = Explain(decision, bands, meansTest, meansFigure.Row.Document);
        await entitlements.SetAsync(payee, from, Money.FromYuan(decision.Amount), g.Explanation, "乡镇确认高龄津贴", ct);
        // the higher bands are known now: each is published from its own first month, so the amount rises without a new decision
        foreach (var (band, _) in bands.Where(b => b.Band.MinAge > decision.Band.MinAge).OrderBy(b => b.Band.MinAge))
        {
            var first = AgeAllowanceRules.FirstMonth(person.BirthDate, band.MinAge, fromNext);
            var higher = AgeAllowanceRules.Decide(person.BirthDate, first, [.. bands.Select(b => b.Band)], fromNext);
            await entitlements.SetAsync(payee, first, Money.FromYuan(higher.Amount), Explain(higher, bands, meansTest, meansFigure.Row.Document), "高龄津贴升档", ct);
        }
        g.Status = AgeAllowanceStatus.Confirmed;
        g.BandMinAge = decision.Band.MinAge;
        g.MonthlyAmount = Money.FromYuan(decision.Amount);
        g.FromMonth = from;
        g.DecidedBy = user.UserName;
        g.DecidedOn = clock.Today;
        audit.Add("confirm", nameof(AgeAllowanceGrant), g.Id.ToString(), new { g.Number, from, amount = decision.Amount }, g.DivisionCode);
        await db.SaveChangesAsync(ct);
        return g;
    }

    public async Task<AgeAllowanceGrant> RefuseAsync(Guid id, RefuseInput input, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(input.Reason)) throw AppProblem.Field("reason", "请填写不予享受的理由");
        if (input.Version is not { } version) throw AppProblem.Field("version", "缺少版本号");
        var g = await LoadTrackedAsync(id, ct);
        db.ExpectVersion(g, version);
        if (g.Status != AgeAllowanceStatus.Candidate) throw AppProblem.Conflict("age_allowance_not_candidate", $"{g.Number} 已{StatusName(g.Status)}");
        g.Status = AgeAllowanceStatus.Refused;
        g.RefusalReason = input.Reason.Trim();
        g.DecidedBy = user.UserName;
        g.DecidedOn = clock.Today;
        audit.Add("refuse", nameof(AgeAllowanceGrant), g.Id.ToString(), new { g.Number, g.RefusalReason }, g.DivisionCode);
        await db.SaveChangesAsync(ct);
        return g;
    }

    /// <summary>Stops a confirmed allowance after the month of <paramref name="deathDate"/> (tracked, not saved: the death's transaction).</summary>
    public async Task<string?> StopOnDeathAsync(AgeAllowanceGrant g, DateOnly deathDate, CancellationToken ct)
    {
        if (g.Status != AgeAllowanceStatus.Confirmed) return null;
        var last = Entitlements.MonthOf(deathDate);
        await entitlements.EndAsync(Program, g.Id, last, ct);
        g.Status = AgeAllowanceStatus.Stopped;
        g.LastMonth = last;
        return $"停发高龄津贴（{g.Number}），发放至 {last:yyyy年M月}";
    }

    /// <summary>A death recorded in error: the allowance runs again and the next payroll pays the months missed.</summary>
    public async Task<string?> RestoreAsync(AgeAllowanceGrant g, DateOnly deathDate, CancellationToken ct)
    {
        if (g.Status != AgeAllowanceStatus.Stopped || g.LastMonth != Entitlements.MonthOf(deathDate)) return null;
        await entitlements.ReopenAsync(Program, g.Id, Entitlements.MonthOf(deathDate), null, ct);
        g.Status = AgeAllowanceStatus.Confirmed;
        g.LastMonth = null;
        return $"恢复发放高龄津贴（{g.Number}）";
    }

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

/// <summary>A death stops the allowance after the death month; its reversal restores it.</summary>
public sealed class AgeAllowanceDeathHandler(AppDbContext db, AgeAllowanceGrants grants) : IDeathHandler
{
    public async Task<IReadOnlyList<string>> OnDeathAsync(Guid personId, DateOnly deathDate, CancellationToken ct)
    {
        // the death is recorded by whoever holds the person, not necessarily the township's scope
        var rows = await db.Set<AgeAllowanceGrant>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Where(g => g.PersonId == personId).ToListAsync(ct);
        var effects = new List<string>();
        foreach (var g in rows)
        {
            if (g.Status == AgeAllowanceStatus.Candidate)
            {
                g.Status = AgeAllowanceStatus.Refused;
                g.RefusalReason = $"{deathDate:yyyy-MM-dd} 死亡（人员登记记载），不予确认";
                effects.Add($"高龄津贴待确认名单（{g.Number}）因死亡撤销");
            }
            else if (await grants.StopOnDeathAsync(g, deathDate, ct) is { } e) effects.Add(e);
        }
        return effects;
    }

    public async Task<IReadOnlyList<string>> OnDeathReversedAsync(Guid personId, DateOnly deathDate, CancellationToken ct)
    {
        var rows = await db.Set<AgeAllowanceGrant>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Where(g => g.PersonId == personId).ToListAsync(ct);
        var effects = new List<string>();
        foreach (var g in rows)
        {
            if (await grants.RestoreAsync(g, deathDate, ct) is { } e) effects.Add(e);
        }
        return effects;
    }
}

using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.ElderlyCare.HomeCare.Rules;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.ElderlyCare.HomeCare;

public sealed record DrawInput(Guid? ContractId, DateOnly? Month, [Within(0.1, 100)] decimal? RatePercent);

public sealed record AuditResultInput(Guid? VisitId, bool? Passed, [Text(500)] string? Note);

/// <summary>
/// Sampling audit of service records (the purchaser phones or visits the sampled elders): a seeded draw over the month's
/// checked-out records, stored with its seed and population so it can be replayed, and a result per sampled record. A record
/// failed before settlement is not paid.
/// </summary>
public sealed class HomeCareAudits(AppDbContext db, ICurrentUser user, FigureBook figures, AuditLog audit, BusinessClock clock, HomeCareContracts contracts)
{
    public async Task<HomeCareAudit> DrawAsync(DrawInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        if (input.ContractId is not { } contractId) throw AppProblem.Field("contractId", "请选择服务合同");
        if (input.Month is not { } m) throw AppProblem.Field("month", "请选择抽查月份");
        if (user.OrganizationId is not null) throw AppProblem.Forbidden("服务机构不能抽查");
        var contract = await contracts.LoadAsync(contractId, ct);
        var month = Entitlements.MonthOf(m);
        var rate = input.RatePercent ?? figures.Require(HomeCareFigures.SampleRate, contract.DivisionCode, month).Row.Percent ?? 10m;
        var next = month.AddMonths(1);
        var population = await db.Set<HomeCareVisit>().Where(v => v.ContractId == contract.Id && v.ServiceDate >= month && v.ServiceDate < next && v.CheckOutAt != null)
            .OrderBy(v => v.Id).Select(v => v.Id).ToListAsync(ct);
        if (population.Count == 0) throw AppProblem.Field("month", $"{month:yyyy年M月} 没有已签退的服务记录可抽查");
        var seed = RandomNumberGenerator.GetInt32(int.MaxValue);
        var sample = HomeCareRules.Sample(population, seed, rate);
        var draw = new HomeCareAudit
        {
            ContractId = contract.Id,
            DivisionCode = contract.DivisionCode,
            Month = month,
            Seed = seed,
            RatePercent = rate,
            PopulationCount = population.Count,
            Population = JsonSerializer.Serialize(population),
            Sample = JsonSerializer.Serialize(sample),
            DrawnBy = user.UserName,
            DrawnAt = clock.UtcNow,
        };
        db.Add(draw);
        foreach (var v in await db.Set<HomeCareVisit>().Where(v => sample.Contains(v.Id)).ToListAsync(ct)) v.AuditId = draw.Id;
        audit.Add("draw", "elderly_homecare_audit", draw.Id.ToString(), new { contract = contract.Number, month, seed, rate, population = population.Count, sample = sample.Count }, contract.DivisionCode);
        await db.SaveChangesAsync(ct);
        return draw;
    }

    public async Task<HomeCareVisit> RecordAsync(Guid auditId, AuditResultInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var draw = await LoadAsync(auditId, ct);
        if (input.VisitId is not { } visitId) throw AppProblem.Field("visitId", "请选择服务记录");
        if (input.Passed is not { } passed) throw AppProblem.Field("passed", "请选择抽查结论");
        if (!passed && string.IsNullOrWhiteSpace(input.Note)) throw AppProblem.Field("note", "不合格须写明情况");
        if (!SampleOf(draw).Contains(visitId)) throw AppProblem.Conflict("home_care_not_sampled", "该服务记录不在本次抽查样本中");
        var visit = await db.Set<HomeCareVisit>().FirstOrDefaultAsync(v => v.Id == visitId, ct) ?? throw AppProblem.NotFound("服务记录");
        visit.AuditResult = passed ? HomeCareAuditResult.Passed : HomeCareAuditResult.Failed;
        visit.AuditNote = input.Note?.Trim();
        audit.Add("audit-result", "elderly_homecare_visit", visit.Id.ToString(), new { passed, input.Note, settled = visit.SettlementId is not null }, visit.DivisionCode);
        await db.SaveChangesAsync(ct);
        return visit;
    }

    public async Task<HomeCareAudit> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Set<HomeCareAudit>().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw AppProblem.NotFound("抽查");

    public static IReadOnlyList<Guid> SampleOf(HomeCareAudit a) => JsonSerializer.Deserialize<List<Guid>>(a.Sample) ?? [];

    /// <summary>The draw replayed from its stored seed, rate and population: equal to the stored sample unless the record was altered.</summary>
    public static IReadOnlyList<Guid> Replay(HomeCareAudit a) => HomeCareRules.Sample(JsonSerializer.Deserialize<List<Guid>>(a.Population) ?? [], a.Seed, a.RatePercent);
}

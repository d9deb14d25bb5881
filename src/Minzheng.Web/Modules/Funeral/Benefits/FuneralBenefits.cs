using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Modules.Funeral.Facilities;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Funeral.Benefits;

/// <summary>A basic service a funeral home gave free under 惠民殡葬, to be reimbursed by the county in the home's monthly settlement.</summary>
public sealed class WaiverService : IDivisionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid FacilityId { get; set; }
    public required string DivisionCode { get; set; }
    public Guid DeceasedPersonId { get; set; }
    public required string Group { get; set; }
    public required string GroupEvidence { get; set; }
    public required string Item { get; set; }
    public int Units { get; set; }
    public Money Charged { get; set; }
    public Money Free { get; set; }
    public DateOnly ServedOn { get; set; }
    public required string Basis { get; set; }
    public Guid? SettlementId { get; set; }
    public required string RecordedBy { get; set; }
}

/// <summary>The county's monthly reimbursement of one funeral home's free services, published to payments.</summary>
public sealed class WaiverSettlement : IDivisionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Number { get; set; }
    public Guid FacilityId { get; set; }
    public Guid OrganizationId { get; set; }
    public required string DivisionCode { get; set; }
    public DateOnly Month { get; set; }
    public DateOnly PayMonth { get; set; }
    public int ServiceCount { get; set; }
    public int PersonCount { get; set; }
    public Money Amount { get; set; }
    public required string CreatedBy { get; set; }
}

internal sealed class WaiverConfiguration : IEntityTypeConfiguration<WaiverService>, IEntityTypeConfiguration<WaiverSettlement>
{
    public void Configure(EntityTypeBuilder<WaiverService> b)
    {
        b.ToTable("funeral_waiver_service");
        b.HasKey(s => s.Id);
        b.Property(s => s.DivisionCode).HasMaxLength(12);
        b.Property(s => s.Group).HasMaxLength(32);
        b.Property(s => s.GroupEvidence).HasMaxLength(100);
        b.Property(s => s.Item).HasMaxLength(32);
        b.Property(s => s.Basis).HasMaxLength(400);
        b.Property(s => s.RecordedBy).HasMaxLength(100);
        b.HasOne<FuneralFacility>().WithMany().HasForeignKey(s => s.FacilityId).OnDelete(DeleteBehavior.Restrict);
        // one free service of a kind per deceased
        b.HasIndex(s => new { s.DeceasedPersonId, s.Item }).IsUnique();
        b.HasIndex(s => new { s.FacilityId, s.ServedOn });
    }

    public void Configure(EntityTypeBuilder<WaiverSettlement> b)
    {
        b.ToTable("funeral_waiver_settlement");
        b.HasKey(s => s.Id);
        b.Property(s => s.Number).HasMaxLength(40);
        b.Property(s => s.DivisionCode).HasMaxLength(12);
        b.Property(s => s.CreatedBy).HasMaxLength(100);
        b.HasOne<FuneralFacility>().WithMany().HasForeignKey(s => s.FacilityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.FacilityId, s.Month }).IsUnique();
        b.HasIndex(s => s.Number).IsUnique();
    }
}

public sealed record WaiverServiceInput
{
    public Guid? FacilityId { get; init; }
    public Guid? DeceasedPersonId { get; init; }
    [Text(32)] public string? Group { get; init; }

    /// <summary>The proof of the group: 低保证号, 特困供养证号, the police's note for an unidentified body.</summary>
    [Text(100)] public string? GroupEvidence { get; init; }

    [Text(32)] public string? Item { get; init; }
    [Within(1, 3650)] public int? Units { get; init; }
    [Amount] public decimal? Charged { get; init; }
    public DateOnly? ServedOn { get; init; }
}

public sealed record WaiverSettleInput(Guid? FacilityId, DateOnly? Month);

/// <summary>
/// 惠民殡葬: the funeral home records the basic services it gave free to an eligible deceased (the free part computed from the
/// rule of the day), and the county settles each home's month: one one-off payment to the home's organisation.
/// </summary>
public sealed class FuneralWaivers(AppDbContext db, ICurrentUser user, BusinessClock clock, FigureBook figures, Entitlements entitlements, CaseNumbers numbers, AuditLog audit)
{
    public const string Program = "funeral-waiver";

    public async Task<WaiverService> RecordAsync(WaiverServiceInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var errors = new ValidationErrors();
        var facility = input.FacilityId is { } fid ? await db.Set<FuneralFacility>().FirstOrDefaultAsync(f => f.Id == fid, ct) : null;
        if (facility is null || facility.Kind != FacilityKind.FuneralHome) errors.Add("facilityId", "请选择提供服务的殡仪馆");
        if (input.DeceasedPersonId is not { } pid || !await db.Persons.AnyAsync(p => p.Id == pid, ct)) errors.Add("deceasedPersonId", "请选择逝者（登记在册的人员）");
        if (FuneralFigures.WaiverGroups.All(g => g.Code != input.Group)) errors.Add("group", "请选择减免对象类别");
        if (string.IsNullOrWhiteSpace(input.GroupEvidence)) errors.Add("groupEvidence", "请填写对象身份证明（低保证号、特困供养证号、公安机关证明等）");
        if (FuneralFigures.WaiverItems.All(i => i.Code != input.Item)) errors.Add("item", "请选择基本服务项目");
        if (input.Charged is not { } charged || charged <= 0) errors.Add("charged", "请填写按收费标准应收金额（元）");
        if (input.ServedOn is not { } on || on > clock.Today) errors.Add("servedOn", "请填写服务日期（不晚于今天）");
        errors.ThrowIfAny();
        if (!await db.Set<DeathRecord>().AnyAsync(d => d.PersonId == input.DeceasedPersonId, ct)) throw AppProblem.Field("deceasedPersonId", "该逝者尚未登记死亡，请先登记死亡（火化）");
        var rule = FuneralWaiverRule.On(figures, facility!.DivisionCode, input.ServedOn!.Value);
        if (!rule.Groups.Contains(input.Group!)) throw AppProblem.Field("group", $"{FuneralFigures.NameOf(FuneralFigures.WaiverGroups, input.Group!)}不在 {input.ServedOn:yyyy-MM-dd} 有效的惠民殡葬减免对象范围内", "funeral_waiver_not_eligible");
        if (!rule.Items.TryGetValue(input.Item!, out var item)) throw AppProblem.Field("item", $"{FuneralFigures.NameOf(FuneralFigures.WaiverItems, input.Item!)}不在 {input.ServedOn:yyyy-MM-dd} 有效的免费基本服务项目内", "funeral_waiver_not_eligible");
        if (await db.Set<WaiverService>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AnyAsync(s => s.DeceasedPersonId == input.DeceasedPersonId && s.Item == input.Item, ct))
        {
            throw AppProblem.Conflict("funeral_waiver_recorded", "该逝者的这项免费服务已登记");
        }
        var chargedMoney = Money.FromYuan(input.Charged!.Value, "charged");
        var units = input.Units ?? 1;
        var service = new WaiverService
        {
            FacilityId = facility.Id,
            DivisionCode = facility.DivisionCode,
            DeceasedPersonId = input.DeceasedPersonId!.Value,
            Group = input.Group!,
            GroupEvidence = input.GroupEvidence!.Trim(),
            Item = input.Item!,
            Units = units,
            Charged = chargedMoney,
            Free = rule.FreeAmount(input.Group!, input.Item!, units, chargedMoney),
            ServedOn = input.ServedOn.Value,
            Basis = item.Basis.Length > 400 ? item.Basis[..400] : item.Basis,
            RecordedBy = user.UserName,
        };
        db.Add(service);
        await db.SaveChangesAsync(ct);
        return service;
    }

    public async Task<WaiverSettlement> SettleAsync(WaiverSettleInput input, CancellationToken ct = default)
    {
        if (input.FacilityId is not { } fid) throw AppProblem.Field("facilityId", "请选择殡仪馆");
        if (input.Month is not { } m) throw AppProblem.Field("month", "请选择结算月份");
        var facility = await db.Set<FuneralFacility>().FirstOrDefaultAsync(f => f.Id == fid, ct) ?? throw AppProblem.NotFound("殡仪馆");
        var month = Entitlements.MonthOf(m);
        if (month > Entitlements.MonthOf(clock.Today)) throw AppProblem.Field("month", "只能结算本月及以前的月份");
        if (await db.Set<WaiverSettlement>().AnyAsync(s => s.FacilityId == facility.Id && s.Month == month, ct)) throw AppProblem.Conflict("funeral_waiver_settled", $"{facility.Name} {month:yyyy年M月} 已结算");
        var next = month.AddMonths(1);
        var services = await db.Set<WaiverService>().Where(s => s.FacilityId == facility.Id && s.ServedOn >= month && s.ServedOn < next && s.SettlementId == null)
            .OrderBy(s => s.ServedOn).ThenBy(s => s.Id).ToListAsync(ct);
        var free = services.Where(s => s.Free.Fen > 0).ToList();
        if (free.Count == 0) throw AppProblem.Conflict("funeral_waiver_nothing_to_settle", $"{facility.Name} {month:yyyy年M月} 没有可结算的免费服务");
        var amount = new Money(free.Sum(s => s.Free.Fen));
        var lines = free.GroupBy(s => s.Item)
            .Select(g => new AmountLine($"{FuneralFigures.NameOf(FuneralFigures.WaiverItems, g.Key)} {g.Count()} 人次", new Money(g.Sum(s => s.Free.Fen)).Yuan, g.First().Basis))
            .ToList();
        var payMonth = Entitlements.MonthOf(clock.Today);
        var settlement = new WaiverSettlement
        {
            Number = await numbers.NextAsync(new NumberSeries("HMBZ", payMonth.Year, 5), db.Set<WaiverSettlement>().IgnoreQueryFilters().Select(s => (string?)s.Number), ct),
            FacilityId = facility.Id,
            OrganizationId = facility.OrganizationId,
            DivisionCode = facility.DivisionCode,
            Month = month,
            PayMonth = payMonth,
            ServiceCount = free.Count,
            PersonCount = free.Select(s => s.DeceasedPersonId).Distinct().Count(),
            Amount = amount,
            CreatedBy = user.UserName,
        };
        db.Add(settlement);
        foreach (var s in services) s.SettlementId = settlement.Id;
        var payeeDivision = await db.Organizations.Where(o => o.Id == facility.OrganizationId).Select(o => o.DivisionCode).FirstAsync(ct);
        entitlements.OneOff(Entitlements.Payee.ForOrganization(Program, settlement.Id, settlement.Number, facility.OrganizationId, payeeDivision, settlement.PersonCount),
            payMonth, amount, JsonSerializer.Serialize(lines, AuditRecorder.Json), $"惠民殡葬 {month:yyyy年M月} 基本服务费用结算");
        audit.Add("settle-waiver", "funeral_waiver_settlement", settlement.Id.ToString(), new { settlement.Number, facility = facility.Name, month, amount = amount.Yuan }, facility.DivisionCode);
        await db.SaveChangesAsync(ct);
        return settlement;
    }
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
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

public enum EcoAwardStatus
{
    Applied = 1,
    Approved = 2,
    Refused = 3,
}

/// <summary>
/// A 节地生态安葬奖补: the family applies for a deceased whose death is recorded (one award per deceased), the county decides,
/// and an approved award is paid to the applicant through payments. The amount is the figure of the burial day.
/// </summary>
public sealed class EcoAward : IDivisionScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Number { get; set; }
    public Guid DeceasedPersonId { get; set; }
    public Guid ApplicantPersonId { get; set; }
    public required string DivisionCode { get; set; }
    public required string Kind { get; set; }
    public DateOnly BuriedOn { get; set; }
    public required string Place { get; set; }
    public Money Amount { get; set; }
    public required string Basis { get; set; }
    public EcoAwardStatus Status { get; set; } = EcoAwardStatus.Applied;
    public string? Opinion { get; set; }
    public string? DecidedBy { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public DateOnly? PayMonth { get; set; }
    public required string AppliedBy { get; set; }
    public DateOnly AppliedOn { get; set; }
    public int Version { get; set; }
}

internal sealed class EcoAwardConfiguration : IEntityTypeConfiguration<EcoAward>
{
    public void Configure(EntityTypeBuilder<EcoAward> b)
    {
        b.ToTable("funeral_eco_award");
        b.HasKey(a => a.Id);
        b.Property(a => a.Number).HasMaxLength(40);
        b.Property(a => a.DivisionCode).HasMaxLength(12);
        b.Property(a => a.Kind).HasMaxLength(32);
        b.Property(a => a.Place).HasMaxLength(200);
        b.Property(a => a.Basis).HasMaxLength(400);
        b.Property(a => a.Opinion).HasMaxLength(500);
        b.Property(a => a.DecidedBy).HasMaxLength(100);
        b.Property(a => a.AppliedBy).HasMaxLength(100);
        b.HasIndex(a => a.DeceasedPersonId).IsUnique();
        b.HasIndex(a => a.Number).IsUnique();
    }
}

public sealed record EcoAwardInput
{
    public Guid? DeceasedPersonId { get; init; }
    public Guid? ApplicantPersonId { get; init; }
    [Text(32)] public string? Kind { get; init; }
    public DateOnly? BuriedOn { get; init; }
    [Text(200)] public string? Place { get; init; }
}

public sealed record EcoAwardDecision(bool? Agree, [Text(500)] string? Opinion, int? Version);

public sealed class EcoAwards(AppDbContext db, ICurrentUser user, BusinessClock clock, FigureBook figures, Entitlements entitlements, CaseNumbers numbers, AuditLog audit)
{
    public const string Program = "funeral-eco-award";

    public async Task<EcoAward> ApplyAsync(EcoAwardInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var errors = new ValidationErrors();
        var death = input.DeceasedPersonId is { } did ? await db.Set<DeathRecord>().FirstOrDefaultAsync(d => d.PersonId == did, ct) : null;
        if (death is null) errors.Add("deceasedPersonId", "请选择已登记死亡的逝者（奖补以死亡登记为准）");
        var applicant = input.ApplicantPersonId is { } aid ? await db.Persons.FirstOrDefaultAsync(p => p.Id == aid, ct) : null;
        if (applicant is null) errors.Add("applicantPersonId", "请选择申请人（登记在册的家属，奖补发给申请人）");
        else if (applicant.Id == input.DeceasedPersonId || applicant.DeathDate is not null) errors.Add("applicantPersonId", "申请人须是在世的家属");
        if (FuneralFigures.EcoKinds.All(k => k.Code != input.Kind)) errors.Add("kind", "请选择生态安葬方式");
        if (input.BuriedOn is not { } on || on > clock.Today) errors.Add("buriedOn", "请填写安葬日期（不晚于今天）");
        else if (death is not null && on < death.DeathDate) errors.Add("buriedOn", "安葬日期不能早于死亡日期");
        if (string.IsNullOrWhiteSpace(input.Place)) errors.Add("place", "请填写安葬地点");
        errors.ThrowIfAny();
        if (await db.Set<EcoAward>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AnyAsync(a => a.DeceasedPersonId == death!.PersonId, ct))
        {
            // a refused application stays on record too: a new fact is a review of that one, not a second application
            throw AppProblem.Conflict("funeral_award_exists", "该逝者已申请节地生态安葬奖补（每位逝者只奖补一次）");
        }
        var amount = figures.Require(FuneralFigures.EcoAward, death!.DivisionCode, input.BuriedOn!.Value, input.Kind!);
        var award = new EcoAward
        {
            Number = await numbers.NextAsync(new NumberSeries("STZ", clock.Today.Year, 5), db.Set<EcoAward>().IgnoreQueryFilters().Select(a => (string?)a.Number), ct),
            DeceasedPersonId = death.PersonId,
            ApplicantPersonId = applicant!.Id,
            DivisionCode = death.DivisionCode,
            Kind = input.Kind!,
            BuriedOn = input.BuriedOn.Value,
            Place = input.Place!.Trim(),
            Amount = amount.Amount,
            Basis = amount.Basis.Length > 400 ? amount.Basis[..400] : amount.Basis,
            AppliedBy = user.UserName,
            AppliedOn = clock.Today,
        };
        db.Add(award);
        audit.Add("apply-eco-award", "funeral_eco_award", award.Id.ToString(), new { award.Number, award.Kind, amount = award.Amount.Yuan }, award.DivisionCode);
        await db.SaveChangesAsync(ct);
        return award;
    }

    public async Task<EcoAward> LoadAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<EcoAward>().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw AppProblem.NotFound("节地生态安葬奖补申请");

    /// <summary>The county's decision; an approval publishes the award to payments for this month's payroll, in the same transaction.</summary>
    public async Task<EcoAward> DecideAsync(Guid id, EcoAwardDecision input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        if (!user.HasPermission(FuneralPermissions.AwardsDecide)) throw AppProblem.Forbidden("您没有审批节地生态安葬奖补的权限");
        var award = await LoadAsync(id, ct);
        if (input.Version is not { } version) throw AppProblem.Field("version", "缺少版本号");
        if (input.Agree is not { } agree) throw AppProblem.Field("agree", "请选择同意或不同意");
        if (!agree && string.IsNullOrWhiteSpace(input.Opinion)) throw AppProblem.Field("opinion", "不同意的须写明理由");
        db.ExpectVersion(award, version);
        if (award.Status != EcoAwardStatus.Applied) throw AppProblem.Conflict("funeral_award_decided", $"申请 {award.Number} 已审批");
        award.Status = agree ? EcoAwardStatus.Approved : EcoAwardStatus.Refused;
        award.Opinion = input.Opinion?.Trim();
        award.DecidedBy = user.UserName;
        award.DecidedOn = clock.Today;
        if (agree)
        {
            var applicant = await db.Persons.FirstAsync(p => p.Id == award.ApplicantPersonId, ct);
            award.PayMonth = Entitlements.MonthOf(clock.Today);
            var kind = FuneralFigures.NameOf(FuneralFigures.EcoKinds, award.Kind);
            var lines = new List<AmountLine> { new($"节地生态安葬奖补（{kind}，{award.BuriedOn:yyyy-MM-dd}，{award.Place}）", award.Amount.Yuan, award.Basis) };
            entitlements.OneOff(new Entitlements.Payee(Program, award.Id, award.Number, applicant.Id, null, applicant.DivisionCode, 1, award.DeceasedPersonId),
                award.PayMonth.Value, award.Amount, JsonSerializer.Serialize(lines, AuditRecorder.Json), $"节地生态安葬奖补（{kind}）");
        }
        audit.Add(agree ? "approve-eco-award" : "refuse-eco-award", "funeral_eco_award", award.Id.ToString(), new { award.Number, award.Opinion, amount = award.Amount.Yuan }, award.DivisionCode);
        await db.SaveChangesAsync(ct);
        return award;
    }
}

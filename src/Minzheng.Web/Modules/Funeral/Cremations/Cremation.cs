using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Modules.Funeral.Facilities;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Funeral.Cremations;

/// <summary>
/// A cremation at a funeral home, linked to the person's death record (one cremation per person). The county is the
/// deceased's (the death record's) so the cremation rate compares like with like; an unidentified body is a registry
/// person with a platform number.
/// </summary>
public sealed class Cremation : IDivisionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PersonId { get; set; }
    public Guid DeathRecordId { get; set; }
    public Guid FacilityId { get; set; }
    public required string DivisionCode { get; set; }
    public DateOnly CrematedOn { get; set; }
    public required string CertificateNumber { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime RecordedAt { get; set; }
}

internal sealed class CremationConfiguration : IEntityTypeConfiguration<Cremation>
{
    public void Configure(EntityTypeBuilder<Cremation> b)
    {
        b.ToTable("funeral_cremation");
        b.HasKey(c => c.Id);
        b.Property(c => c.DivisionCode).HasMaxLength(12);
        b.Property(c => c.CertificateNumber).HasMaxLength(40);
        b.Property(c => c.RecordedBy).HasMaxLength(100);
        b.HasOne<DeathRecord>().WithMany().HasForeignKey(c => c.DeathRecordId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<FuneralFacility>().WithMany().HasForeignKey(c => c.FacilityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.PersonId).IsUnique();
        b.HasIndex(c => new { c.DivisionCode, c.CrematedOn });
    }
}

public sealed record CremationInput
{
    public Guid? PersonId { get; init; }
    public Guid? FacilityId { get; init; }
    public DateOnly? CrematedOn { get; init; }
    [Text(40)] public string? CertificateNumber { get; init; }

    /// <summary>Where the death is not recorded yet: the death's date, place and reporter (recorded first, stopping the benefits).</summary>
    public DateOnly? DeathDate { get; init; }

    [Text(200)] public string? DeathPlace { get; init; }
}

/// <summary>Records cremations: the death first through <see cref="DeathRecords"/> where it is not recorded yet, then the cremation, one transaction.</summary>
public sealed class Cremations(AppDbContext db, ICurrentUser user, BusinessClock clock, DeathRecords deaths, AuditLog audit)
{
    public async Task<Cremation> RecordAsync(CremationInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var errors = new ValidationErrors();
        var person = input.PersonId is { } pid ? await db.Persons.FirstOrDefaultAsync(p => p.Id == pid, ct) : null;
        if (person is null) errors.Add("personId", "请选择逝者（登记在册的人员；无名遗体先以平台编号登记）");
        var facility = input.FacilityId is { } fid ? await db.Set<FuneralFacility>().FirstOrDefaultAsync(f => f.Id == fid, ct) : null;
        if (facility is null || facility.Kind != FacilityKind.FuneralHome) errors.Add("facilityId", "请选择火化的殡仪馆");
        if (input.CrematedOn is not { } on || on > clock.Today) errors.Add("crematedOn", "请填写火化日期（不晚于今天）");
        if (string.IsNullOrWhiteSpace(input.CertificateNumber)) errors.Add("certificateNumber", "请填写火化证明编号");
        errors.ThrowIfAny();
        if (await db.Set<Cremation>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AnyAsync(c => c.PersonId == person!.Id, ct))
        {
            throw AppProblem.Conflict("funeral_cremation_recorded", "该逝者的火化已登记");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var death = await db.Set<DeathRecord>().FirstOrDefaultAsync(d => d.PersonId == person!.Id, ct);
        if (death is null)
        {
            if (input.DeathDate is null) throw AppProblem.Field("deathDate", "该人员尚未登记死亡：请填写死亡日期，先登记死亡（停发各项待遇）再登记火化");
            death = await deaths.RecordAsync(new DeathInput(person!.Id, input.DeathDate, string.IsNullOrWhiteSpace(input.DeathPlace) ? "不详" : input.DeathPlace, facility!.Name,
                input.CertificateNumber, input.CrematedOn), ct);
        }
        if (input.CrematedOn < death.DeathDate) throw AppProblem.Field("crematedOn", "火化日期不能早于死亡日期");
        death.CremationCertificate ??= input.CertificateNumber!.Trim();
        death.CrematedOn ??= input.CrematedOn;
        var cremation = new Cremation
        {
            PersonId = person!.Id,
            DeathRecordId = death.Id,
            FacilityId = facility!.Id,
            DivisionCode = death.DivisionCode,
            CrematedOn = input.CrematedOn!.Value,
            CertificateNumber = input.CertificateNumber!.Trim(),
            RecordedBy = user.UserName,
            RecordedAt = clock.UtcNow,
        };
        db.Add(cremation);
        audit.Add("record-cremation", "funeral_cremation", cremation.Id.ToString(), new { cremation.PersonId, cremation.CrematedOn, cremation.CertificateNumber, facility = facility.Name }, cremation.DivisionCode);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return cremation;
    }
}

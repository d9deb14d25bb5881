using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Funeral;

/// <summary>A death (and cremation) recorded by a funeral home or hospital: the person, date, place, certificate, and what it stopped.</summary>
public sealed class DeathRecord : IDivisionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PersonId { get; set; }
    public required string DivisionCode { get; set; }
    public DateOnly DeathDate { get; set; }
    public required string Place { get; set; }
    public required string Reporter { get; set; }
    public string? CremationCertificate { get; set; }
    public DateOnly? CrematedOn { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime RecordedAt { get; set; }

    /// <summary>What the record stopped, one line per benefit or task (JSON array).</summary>
    public string Effects { get; set; } = "[]";
}

internal sealed class DeathRecordConfiguration : IEntityTypeConfiguration<DeathRecord>
{
    public void Configure(EntityTypeBuilder<DeathRecord> b)
    {
        b.ToTable("funeral_death_record");
        b.HasKey(d => d.Id);
        b.Property(d => d.DivisionCode).HasMaxLength(12);
        b.Property(d => d.Place).HasMaxLength(200);
        b.Property(d => d.Reporter).HasMaxLength(100);
        b.Property(d => d.CremationCertificate).HasMaxLength(40);
        b.Property(d => d.RecordedBy).HasMaxLength(100);
        b.Property(d => d.Effects).HasMaxLength(4000);
        // one death per person
        b.HasIndex(d => d.PersonId).IsUnique();
    }
}

public sealed record DeathInput(Guid PersonId, DateOnly? DeathDate, [Text(200)] string? Place, [Text(50)] string? Reporter, [Text(50)] string? CremationCertificate, DateOnly? CrematedOn);

/// <summary>
/// Records a death (and cremation): the funeral module keeps its record, and the registry's death use case
/// (<see cref="PersonDeaths"/>) marks the person deceased and has every module stop what it pays them, all in one
/// transaction. Months already paid after the death become recoveries when the next payroll reconciles (the shortened
/// entitlements are published anew).
/// </summary>
public sealed class DeathRecords(AppDbContext db, ICurrentUser user, BusinessClock clock, PersonDeaths deaths, AuditLog audit)
{
    public async Task<DeathRecord> RecordAsync(DeathInput input, CancellationToken ct = default)
    {
        if (!user.HasPermission(FuneralPermissions.Record)) throw AppProblem.Forbidden("您没有登记死亡（火化）信息的权限");
        var person = await db.Persons.FirstOrDefaultAsync(p => p.Id == input.PersonId, ct) ?? throw AppProblem.Field("personId", "人员不存在或不在您的管辖范围内", "person_not_found");
        if (input.DeathDate is not { } date || date > clock.Today) throw AppProblem.Field("deathDate", "请填写死亡日期（不晚于今天）");
        if (date < person.BirthDate) throw AppProblem.Field("deathDate", "死亡日期早于出生日期");
        if (string.IsNullOrWhiteSpace(input.Place)) throw AppProblem.Field("place", "请填写死亡地点");
        if (string.IsNullOrWhiteSpace(input.Reporter)) throw AppProblem.Field("reporter", "请填写报告单位（殡仪馆、医院）");
        if (input.CrematedOn is { } cremated && cremated < date) throw AppProblem.Field("crematedOn", "火化日期不能早于死亡日期");
        if (await db.Set<DeathRecord>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AnyAsync(d => d.PersonId == person.Id, ct)) throw AppProblem.Conflict("death_recorded", "该人员的死亡信息已登记");

        // a cremation recorded for a death not yet recorded calls this inside its own transaction: join it
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var effects = new List<string>(await deaths.RecordAsync(person, date, "殡葬登记（" + input.Reporter.Trim() + "）", ct));
        // already recorded as deceased (a registry edit, an import, a comparison finding): the benefits stopped then
        if (effects.Count == 0 && person.DeathDate is { } known) effects.Add($"人员登记已记载 {known:yyyy-MM-dd} 死亡，各项待遇已于当时停发");
        var record = new DeathRecord
        {
            PersonId = person.Id,
            DivisionCode = person.DivisionCode,
            DeathDate = date,
            Place = input.Place.Trim(),
            Reporter = input.Reporter.Trim(),
            CremationCertificate = input.CremationCertificate?.Trim(),
            CrematedOn = input.CrematedOn,
            RecordedBy = user.UserName,
            RecordedAt = clock.UtcNow,
            Effects = JsonSerializer.Serialize(effects, AuditRecorder.Json),
        };
        db.Add(record);
        audit.Add("record-death", nameof(DeathRecord), record.Id.ToString(), new { personId = person.Id, date, effects = effects.Count }, person.DivisionCode);
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return record;
    }
}

/// <summary>
/// The funeral module's part of a death's reversal: a death record made in error is removed (one death per person, so the
/// real death can be recorded later); the audit entry keeps everything it said.
/// </summary>
public sealed class FuneralDeathHandler(AppDbContext db, AuditLog audit) : IDeathHandler
{
    public Task<IReadOnlyList<string>> OnDeathAsync(Guid personId, DateOnly deathDate, CancellationToken ct) => Task.FromResult<IReadOnlyList<string>>([]);

    public async Task<IReadOnlyList<string>> OnDeathReversedAsync(Guid personId, DateOnly deathDate, CancellationToken ct)
    {
        var record = await db.Set<DeathRecord>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).FirstOrDefaultAsync(d => d.PersonId == personId, ct);
        if (record is null) return [];
        db.Remove(record);
        audit.Add("remove-death-record", nameof(DeathRecord), record.Id.ToString(), new
        {
            record.PersonId,
            record.DeathDate,
            record.Place,
            record.Reporter,
            record.CremationCertificate,
            record.CrematedOn,
            record.RecordedBy,
            record.RecordedAt,
            record.Effects,
        }, record.DivisionCode);
        return [$"删除误报的死亡（火化）登记（{record.Reporter}，{record.DeathDate:yyyy-MM-dd}），原登记内容保存在审计日志中"];
    }
}

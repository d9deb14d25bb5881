using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Platform.Registry;

/// <summary>婚姻状况, coded as GB/T 2261.2-2003 (the code table MZ/T 113-2018 names for marriage archives).</summary>
public enum MaritalStatus
{
    /// <summary>未说明的婚姻状况 (90): nothing on record yet.</summary>
    Unknown = 90,
    Unmarried = 10,
    Married = 20,
    Widowed = 30,
    Divorced = 40,
}

public static class MaritalStatusLabels
{
    public static string Name(MaritalStatus s) => s switch
    {
        MaritalStatus.Unmarried => "未婚",
        MaritalStatus.Married => "有配偶",
        MaritalStatus.Widowed => "丧偶",
        MaritalStatus.Divorced => "离婚",
        _ => "未说明",
    };
}

/// <summary>
/// One change of a person's marital status with its source (a marriage or divorce registration, a revocation, a court
/// judgment filed, a spouse's death, a historical archive record). Append-only: a status recorded in error is corrected by
/// a new event that says so, so the person's history reads as it happened. Scoped like the person (by the person's division).
/// </summary>
public sealed class MaritalEvent : IDivisionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PersonId { get; set; }
    public required string DivisionCode { get; set; }
    public MaritalStatus Status { get; set; }
    public MaritalStatus PreviousStatus { get; set; }
    public DateOnly EffectiveOn { get; set; }

    /// <summary>What changed it, in words (结婚登记, 离婚登记, 撤销婚姻, 法院判决, 配偶死亡, 历史档案补录 …).</summary>
    public required string Source { get; set; }

    /// <summary>The source record's number (登记字号, 判决书号, archive number), for the person's history and the audit.</summary>
    public string? Reference { get; set; }

    /// <summary>The source record's id, so a module can find the events it wrote.</summary>
    public Guid? SourceId { get; set; }

    public required string RecordedBy { get; set; }
    public DateTime RecordedAt { get; set; }
}

internal sealed class MaritalEventConfiguration : IEntityTypeConfiguration<MaritalEvent>
{
    public void Configure(EntityTypeBuilder<MaritalEvent> b)
    {
        b.ToTable("registry_marital_event");
        b.HasKey(e => e.Id);
        b.Property(e => e.DivisionCode).HasMaxLength(12);
        b.Property(e => e.Source).HasMaxLength(100);
        b.Property(e => e.Reference).HasMaxLength(60);
        b.Property(e => e.RecordedBy).HasMaxLength(100);
        b.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.PersonId, e.EffectiveOn });
        b.HasIndex(e => e.SourceId);
    }
}

/// <summary>
/// The one way a person's marital status changes: sets <see cref="Person.MaritalStatus"/> and appends its history in the
/// caller's transaction (the registration and the status commit together). The person's version moves, so an edit of the
/// person made from a stale form fails with 409 instead of overwriting the status.
/// </summary>
public sealed class MaritalStatuses(AppDbContext db, Access.ICurrentUser user, BusinessClock clock)
{
    /// <param name="outOfScopeReason">
    /// Set only where the law lets the caller record the status of a person outside the user's division subtree (the other
    /// party of a marriage registered here, a spouse widowed by a death recorded here): the person and the event are then
    /// written past the scope check (<see cref="AppDbContext.PermitOutOfScopeWrite"/>) for that reason.
    /// </param>
    public MaritalEvent Record(Person person, MaritalStatus status, DateOnly effectiveOn, string source, string? reference = null, Guid? sourceId = null,
        string? outOfScopeReason = null)
    {
        var e = new MaritalEvent
        {
            PersonId = person.Id,
            DivisionCode = person.DivisionCode,
            Status = status,
            PreviousStatus = person.MaritalStatus,
            EffectiveOn = effectiveOn,
            Source = source,
            Reference = reference,
            SourceId = sourceId,
            RecordedBy = user.UserName,
            RecordedAt = clock.UtcNow,
        };
        person.MaritalStatus = status;
        db.Add(e);
        if (outOfScopeReason is not null)
        {
            db.PermitOutOfScopeWrite(person, outOfScopeReason);
            db.PermitOutOfScopeWrite(e, outOfScopeReason);
        }
        return e;
    }

    /// <summary>The person's history, newest first.</summary>
    public Task<List<MaritalEvent>> HistoryAsync(Guid personId, CancellationToken ct = default) =>
        db.Set<MaritalEvent>().AsNoTracking().Where(e => e.PersonId == personId).OrderByDescending(e => e.EffectiveOn).ThenByDescending(e => e.RecordedAt).ToListAsync(ct);
}

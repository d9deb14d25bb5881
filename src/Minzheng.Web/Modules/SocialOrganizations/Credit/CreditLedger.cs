using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Calendar;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.SocialOrganizations.Credit;

/// <summary>
/// One dated credit event of one organisation (民政部令第60号): an entry ground, a direct 失信 ground, a fulfilment, a removal,
/// a deregistration or an upheld objection's correction (<see cref="CorrectsId"/>). The list status is never stored: it is
/// derived from these rows by <see cref="CreditRules"/> (ADR 037). Rows are never edited or deleted; a wrong one is struck out
/// by a correction event, so the public record shows what was published and when it was put right.
/// </summary>
public sealed class CreditEventRecord : IDivisionScoped, IOrganizationScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? OrganizationId { get; set; }

    /// <summary>The organisation's seat (scope).</summary>
    public required string DivisionCode { get; set; }

    public DateOnly OccurredOn { get; set; }
    public CreditEventKind Kind { get; set; }

    /// <summary>The concrete fact in Chinese, published with the listing (e.g. “未按时报送2020年度工作报告”).</summary>
    public required string Ground { get; set; }

    /// <summary>决定文书 number (列入/移出决定书, 处罚决定书 …) where there is one.</summary>
    public string? DocumentNumber { get; set; }

    /// <summary>The fine of a <see cref="CreditEventKind.WarningOrSmallFine"/> or <see cref="CreditEventKind.LargeFine"/> penalty, where the officer gave it.</summary>
    public Platform.Money.Money? Fine { get; set; }

    /// <summary>For <see cref="CreditEventKind.Fulfilled"/>: the ground fulfilled (null = every open ground).</summary>
    public CreditEventKind? FulfilsKind { get; set; }

    /// <summary>For <see cref="CreditEventKind.Corrected"/>: the event struck out.</summary>
    public Guid? CorrectsId { get; set; }

    /// <summary>What produced the event: a module part ("reports", "spot-checks" …) or "officer"; a job's key makes it idempotent.</summary>
    public required string Source { get; set; }

    /// <summary>Unique per organisation when set: the daily job records “2020 report overdue” once however often it runs.</summary>
    public string? SourceKey { get; set; }

    public required string RecordedBy { get; set; }
    public DateTime RecordedAt { get; set; }
}

internal sealed class CreditEventRecordConfiguration : IEntityTypeConfiguration<CreditEventRecord>
{
    public void Configure(EntityTypeBuilder<CreditEventRecord> b)
    {
        b.ToTable("socorg_credit_event");
        b.HasKey(e => e.Id);
        b.Property(e => e.DivisionCode).HasMaxLength(12);
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(e => e.FulfilsKind).HasConversion<string>().HasMaxLength(40);
        b.Property(e => e.Ground).HasMaxLength(500);
        b.Property(e => e.DocumentNumber).HasMaxLength(100);
        b.Property(e => e.Source).HasMaxLength(40);
        b.Property(e => e.SourceKey).HasMaxLength(100);
        b.Property(e => e.RecordedBy).HasMaxLength(100);
        b.HasIndex(e => new { e.OrganizationId, e.OccurredOn });
        b.HasIndex(e => new { e.OrganizationId, e.SourceKey }).IsUnique();
        b.HasIndex(e => new { e.DivisionCode, e.Kind });
        b.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>What a part of the module records: the organisation, the event, its fact and its document.</summary>
public sealed record CreditEntry(Guid OrganizationId, DateOnly OccurredOn, CreditEventKind Kind, string Ground, string Source,
    string? DocumentNumber = null, string? SourceKey = null, CreditEventKind? FulfilsKind = null, Guid? CorrectsId = null, Platform.Money.Money? Fine = null);

/// <summary>
/// The credit ledger: every part of the module (annual reports, spot checks, party building, officers) records its events
/// here, and everything that shows a list status (the organisation's page, the public query, the daily job, evaluation
/// eligibility) asks <see cref="StatusAsync"/>, which runs the one pure rule with the figure book's periods and the kernel's
/// working calendar. Recording is idempotent by <see cref="CreditEntry.SourceKey"/>.
/// </summary>
public sealed class CreditLedger(AppDbContext db, FigureBook figures, WorkingCalendar calendar, BusinessClock clock, ICurrentUser user)
{
    /// <summary>Adds the event unless one with the same source key exists (then returns null); the caller saves.</summary>
    public async Task<CreditEventRecord?> RecordAsync(SocialOrganization o, CreditEntry entry, CancellationToken ct = default)
    {
        if (entry.SourceKey is { } key && await db.Set<CreditEventRecord>().AnyAsync(e => e.OrganizationId == o.Id && e.SourceKey == key, ct)) return null;
        var row = new CreditEventRecord
        {
            OrganizationId = o.Id,
            DivisionCode = o.Profile.DivisionCode,
            OccurredOn = entry.OccurredOn,
            Kind = entry.Kind,
            Ground = entry.Ground,
            DocumentNumber = entry.DocumentNumber,
            Fine = entry.Fine,
            FulfilsKind = entry.FulfilsKind,
            CorrectsId = entry.CorrectsId,
            Source = entry.Source,
            SourceKey = entry.SourceKey,
            RecordedBy = user.UserName,
            RecordedAt = clock.UtcNow,
        };
        db.Add(row);
        return row;
    }

    /// <summary>The events of one organisation as the rule reads them (the id names the event so a correction can strike it).</summary>
    public static CreditEvent ToRule(CreditEventRecord r) =>
        new(r.OccurredOn, r.Kind, r.Id.ToString(), r.CorrectsId?.ToString(), r.FulfilsKind);

    public CreditPeriods Periods(string divisionCode, DateOnly on) => SocialOrganizationFigures.CreditPeriods(figures, divisionCode, on);

    /// <summary>The organisation's list status on <paramref name="asOf"/> (today when null), from its events.</summary>
    public async Task<CreditStatus> StatusAsync(SocialOrganization o, DateOnly? asOf = null, CancellationToken ct = default)
    {
        var events = await db.Set<CreditEventRecord>().AsNoTracking().Where(e => e.OrganizationId == o.Id).OrderBy(e => e.OccurredOn).ThenBy(e => e.RecordedAt).ToListAsync(ct);
        return Status(events, o.Profile.AuthorityDivisionCode, asOf ?? clock.Today);
    }

    /// <summary>The status from events already loaded (lists load the events of a page of organisations in one query).</summary>
    public CreditStatus Status(IReadOnlyList<CreditEventRecord> events, string authorityDivisionCode, DateOnly asOf) =>
        CreditRules.Evaluate([.. events.Select(ToRule)], asOf, Periods(authorityDivisionCode, asOf), calendar.AddWorkingDays);
}

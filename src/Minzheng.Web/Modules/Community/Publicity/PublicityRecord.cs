using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Modules.Community.Committees;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Files;

namespace Minzheng.Web.Modules.Community.Publicity;

/// <summary>The limits of a publicity record's texts, shared by the entity, the inputs and the pages.</summary>
public static class PublicityLimits
{
    public const int Title = 100;
    public const int Content = 4000;
    public const int Source = 100;
}

/// <summary>
/// One 村务（居务）公开 made by a committee: what kind, for which period (or, for a major item, the event day), when it went up on the
/// notice board, its title and content, and optionally a photo of the board. Scoped by the village code, so a township clerk sees
/// her villages' records and a village worker his own. A record generated from the platform's benefit lists names its source.
/// </summary>
public sealed class PublicityRecord : IDivisionScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CommitteeId { get; set; }
    public required string DivisionCode { get; set; }
    public PublicityKind Kind { get; set; }

    /// <summary>"2026Q4", "2026-11", or the event day "2026-11-20" of a major item; <see cref="PeriodStart"/>–<see cref="PeriodEnd"/> its dates.</summary>
    public required string Period { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public DateOnly PostedOn { get; set; }

    /// <summary>The day it was due, stored when entered (the figures in force may change later; the record keeps its verdict).</summary>
    public DateOnly DueOn { get; set; }
    public bool Late { get; set; }
    public required string Title { get; set; }
    public required string Content { get; set; }

    /// <summary>The photo of the notice board (kernel file store), shown to staff only.</summary>
    public Guid? PhotoFileId { get; set; }
    public string PhotoFileName { get; set; } = "";

    /// <summary>"" when typed in; "platform:{program}:{month}" when generated from the benefit programs' published lists.</summary>
    public string Source { get; set; } = "";
    public string EnteredBy { get; set; } = "";
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class PublicityRecordConfiguration : IEntityTypeConfiguration<PublicityRecord>
{
    public void Configure(EntityTypeBuilder<PublicityRecord> b)
    {
        b.ToTable("com_publicity_record");
        b.HasKey(r => r.Id);
        b.Property(r => r.DivisionCode).HasMaxLength(12);
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(r => r.Period).HasMaxLength(10);
        b.Property(r => r.Title).HasMaxLength(PublicityLimits.Title);
        b.Property(r => r.Content).HasMaxLength(PublicityLimits.Content);
        b.Property(r => r.PhotoFileName).HasMaxLength(255);
        b.Property(r => r.Source).HasMaxLength(PublicityLimits.Source);
        b.Property(r => r.EnteredBy).HasMaxLength(100);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne<Committee>().WithMany().HasForeignKey(r => r.CommitteeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StoredFile>().WithMany().HasForeignKey(r => r.PhotoFileId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.CommitteeId, r.Kind, r.PeriodStart });
        b.HasIndex(r => new { r.DivisionCode, r.PostedOn });
    }
}

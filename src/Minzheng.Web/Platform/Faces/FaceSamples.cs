using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Files;

namespace Minzheng.Web.Platform.Faces;

/// <summary>
/// One photo of a person taken by a module (a rescue intake, a child in a protection case) with the face descriptor the
/// browser computed from it (ADR 081): 128 float32 values, the model that computed them, the detection's confidence. The photo
/// is sealed at rest (<see cref="StoredFile.SealedAs"/>); the descriptor is not an identifier on its own but is scoped like the
/// record it belongs to. A model change leaves the old samples out of every comparison until they are recomputed.
/// </summary>
public sealed class FaceSample : IDivisionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The <see cref="IFaceSubjects.Source"/> of the record the photo belongs to.</summary>
    public required string Source { get; set; }
    public Guid SubjectId { get; set; }

    /// <summary>The record's number as its module shows it, kept so a candidate list needs no module's table to name it.</summary>
    public required string SubjectNumber { get; set; }
    public required string DivisionCode { get; set; }

    /// <summary>The county the record belongs to: the distribution column on a Citus cluster (docs/scale.md).</summary>
    public required string CountyCode { get; set; }
    public Guid PhotoFileId { get; set; }
    public required byte[] Descriptor { get; set; }
    public required string ModelVersion { get; set; }
    public double DetectionScore { get; set; }
    public DateTime TakenAt { get; set; }
    public required string TakenBy { get; set; }
}

public enum FaceDecision
{
    /// <summary>确认为同一人.</summary>
    Same = 1,

    /// <summary>确认不是同一人.</summary>
    Different = 2,
}

/// <summary>A clerk's decision on one candidate of one probe photo: the machine proposes, a person decides.</summary>
public sealed class FaceMatchReview : IDivisionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ProbeId { get; set; }
    public Guid CandidateId { get; set; }

    /// <summary>The probe's division: the review is seen where the probe is.</summary>
    public required string DivisionCode { get; set; }

    /// <summary>The probe's county: the distribution column (docs/scale.md).</summary>
    public required string CountyCode { get; set; }

    /// <summary>The cosine distance when decided.</summary>
    public double Distance { get; set; }
    public FaceDecision Decision { get; set; }
    public string? Note { get; set; }
    public required string DecidedBy { get; set; }
    public DateTime DecidedAt { get; set; }
}

/// <summary>What a module's record is, as the face pages show it.</summary>
public sealed record FaceSubject(Guid Id, string Number, string Label, string DivisionCode, string Link);

/// <summary>
/// A module's records that take face photos. The module answers who the record is within the user's scope (null: not found or
/// not visible), which permissions read and add photos, and the figure that holds its match threshold.
/// </summary>
public interface IFaceSubjects
{
    /// <summary>A stable code, e.g. <c>rescue-stay</c>.</summary>
    string Source { get; }
    string Name { get; }
    string ReadPermission { get; }
    string WritePermission { get; }

    /// <summary>The cosine-distance threshold (a percentage figure, 7% = 0.07) under which a candidate is offered (a figure of the module, read for the probe's division).</summary>
    FigureKind Threshold { get; }

    /// <summary>The records among <paramref name="subjectIds"/> the user may see, by id (one query for a whole candidate list).</summary>
    Task<IReadOnlyDictionary<Guid, FaceSubject>> FindAsync(IReadOnlyCollection<Guid> subjectIds, CancellationToken ct = default);
}

public static class FaceSubjectsExtensions
{
    public static async Task<FaceSubject?> FindAsync(this IFaceSubjects subjects, Guid subjectId, CancellationToken ct = default) =>
        (await subjects.FindAsync([subjectId], ct)).GetValueOrDefault(subjectId);
}

internal sealed class FaceConfiguration : IEntityTypeConfiguration<FaceSample>, IEntityTypeConfiguration<FaceMatchReview>
{
    public void Configure(EntityTypeBuilder<FaceSample> b)
    {
        b.ToTable("face_sample");
        b.HasKey(x => x.Id);
        b.Property(x => x.Source).HasMaxLength(40);
        b.Property(x => x.SubjectNumber).HasMaxLength(40);
        b.Property(x => x.DivisionCode).HasMaxLength(12);
        b.Property(x => x.CountyCode).HasMaxLength(12);
        b.Property(x => x.Descriptor).HasMaxLength(FaceRules.DescriptorBytes);
        b.Property(x => x.ModelVersion).HasMaxLength(120);
        b.Property(x => x.TakenBy).HasMaxLength(100);
        b.HasOne<StoredFile>().WithMany().HasForeignKey(x => x.PhotoFileId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.Source, x.SubjectId });
        // a comparison reads one model's descriptors in the user's scope
        b.HasIndex(x => new { x.ModelVersion, x.DivisionCode });
    }

    public void Configure(EntityTypeBuilder<FaceMatchReview> b)
    {
        b.ToTable("face_match_review");
        b.HasKey(x => x.Id);
        b.Property(x => x.DivisionCode).HasMaxLength(12);
        b.Property(x => x.CountyCode).HasMaxLength(12);
        b.Property(x => x.Decision).HasConversion<int>();
        b.Property(x => x.Note).HasMaxLength(500);
        b.Property(x => x.DecidedBy).HasMaxLength(100);
        b.HasOne<FaceSample>().WithMany().HasForeignKey(x => x.ProbeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<FaceSample>().WithMany().HasForeignKey(x => x.CandidateId).OnDelete(DeleteBehavior.Restrict);
        // one decision per pair: a concurrent second one fails on the index (409 duplicate)
        b.HasIndex(x => new { x.ProbeId, x.CandidateId }).IsUnique();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Modules.ElderlyCare.StarRating;

public enum StarRatingState
{
    /// <summary>申请, with the home's self-assessment.</summary>
    Applied = 1,

    /// <summary>
    /// 已公布: decided and on the public list while valid (before the workflow kernel, K13Processes, "rated" meant the same: the
    /// level computed from the experts' scores was published at once, so the stored value 2 keeps its meaning).
    /// </summary>
    Published = 2,

    /// <summary>专家评分完毕: the level is computed, waiting for the decision.</summary>
    Scored = 3,

    /// <summary>不予评定, with the opinion in the case's timeline.</summary>
    Refused = 4,
}

/// <summary>
/// One 星级评定 of a home (GB/T 37276-2018): the application with the home's self-assessment, the experts' scores per section,
/// and the level derived from them with its validity (anchors §1: the rating is a derived, dated record; the section scores
/// are stored, the level is recomputed from them by <see cref="StarRules"/>).
/// </summary>
public sealed class StarRatingRecord : IDivisionScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Number { get; set; }
    public Guid OrganizationId { get; set; }
    public required string HomeName { get; set; }
    public required string DivisionCode { get; set; }
    public DateOnly AppliedOn { get; set; }
    public int AppliedLevel { get; set; }
    public decimal SelfEnvironment { get; set; }
    public decimal SelfFacilities { get; set; }
    public decimal SelfManagement { get; set; }
    public decimal SelfService { get; set; }
    public int SelfLevel { get; set; }
    public StarRatingState State { get; set; } = StarRatingState.Applied;
    public decimal? Environment { get; set; }
    public decimal? Facilities { get; set; }
    public decimal? Management { get; set; }
    public decimal? Service { get; set; }
    public decimal? Total { get; set; }
    public int? Level { get; set; }
    public string? Experts { get; set; }
    public DateOnly? RatedOn { get; set; }
    public DateOnly? ValidUntil { get; set; }

    /// <summary>The standard version the level was computed under and the figure of the validity, for the record.</summary>
    public string? Basis { get; set; }
    public required string AppliedBy { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class StarRatingConfiguration : IEntityTypeConfiguration<StarRatingRecord>
{
    public void Configure(EntityTypeBuilder<StarRatingRecord> b)
    {
        b.ToTable("elderly_star_rating");
        b.Property(r => r.Number).HasMaxLength(40);
        b.HasIndex(r => r.Number).IsUnique();
        b.Property(r => r.HomeName).HasMaxLength(200);
        b.Property(r => r.DivisionCode).HasMaxLength(12);
        b.Property(r => r.State).HasConversion<int>();
        foreach (var p in new[] { nameof(StarRatingRecord.SelfEnvironment), nameof(StarRatingRecord.SelfFacilities), nameof(StarRatingRecord.SelfManagement), nameof(StarRatingRecord.SelfService),
                     nameof(StarRatingRecord.Environment), nameof(StarRatingRecord.Facilities), nameof(StarRatingRecord.Management), nameof(StarRatingRecord.Service), nameof(StarRatingRecord.Total) })
        {
            b.Property(p).HasPrecision(6, 1);
        }
        b.Property(r => r.Experts).HasMaxLength(500);
        b.Property(r => r.Basis).HasMaxLength(500);
        b.Property(r => r.AppliedBy).HasMaxLength(100);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => new { r.OrganizationId, r.State });
    }
}

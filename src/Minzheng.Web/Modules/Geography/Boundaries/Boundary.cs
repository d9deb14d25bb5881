using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Modules.Geography.Boundaries;

/// <summary>The level of an administrative boundary line (行政区域界线管理条例 第二条: 省级、县级; 市级 and 乡级 locally).</summary>
public enum BoundaryLevel
{
    Province = 1,
    City = 2,
    County = 3,
    Township = 4,
}

/// <summary>界桩 kinds: single, double (one on each side), triple (at a meeting point of three), or a 界碑.</summary>
public enum MarkerKind
{
    SinglePost = 1,
    DoublePost = 2,
    TriplePost = 3,
    Monument = 4,
}

/// <summary>A marker's condition as last found: good, damaged, missing or moved.</summary>
public enum MarkerCondition
{
    Good = 1,
    Damaged = 2,
    Missing = 3,
    Moved = 4,
}

/// <summary>A joint inspection every five years (联合检查) or an ad-hoc one after a disaster or works.</summary>
public enum InspectionKind
{
    Joint = 1,
    AdHoc = 2,
}

/// <summary>A dispute about a line (界线争议) as screened: reported, under negotiation, referred up, or settled.</summary>
public enum DisputeStatus
{
    Reported = 1,
    Negotiating = 2,
    Referred = 3,
    Settled = 4,
}

/// <summary>
/// A boundary line section between two sides, its agreement (界线协议书), length, geometry (GeoJSON LineString or
/// MultiLineString, [longitude, latitude]) and its 界线详图 reference. Stored under the lowest common division of its sides
/// within our data and visible, through its sides as memberships, to everyone whose subtree contains either side (ADR 064).
/// </summary>
public sealed class BoundaryLine : IDivisionScoped, IVersioned, IStamped, IMembershipScoped<BoundarySide>
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public BoundaryLevel Level { get; set; }

    /// <summary>The lowest common division of the sides within our data (writes are scoped by it).</summary>
    public required string DivisionCode { get; set; }

    /// <summary>The two sides as shown (code and name); the memberships below only carry visibility and may be filtered for the reader.</summary>
    public required string SideACode { get; set; }
    public required string SideAName { get; set; }
    public required string SideBCode { get; set; }
    public required string SideBName { get; set; }
    public string AgreementDocument { get; set; } = "";
    public decimal? LengthKm { get; set; }
    public string GeoJson { get; set; } = "";
    public string DetailMapReference { get; set; } = "";
    public bool IsDemo { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
    public List<BoundarySide> Memberships { get; set; } = [];
    ICollection<BoundarySide> IMembershipScoped<BoundarySide>.Memberships => Memberships;
    public List<BoundaryMarker> Markers { get; set; } = [];
    public List<BoundaryInspection> Inspections { get; set; } = [];
    public List<BoundaryDispute> Disputes { get; set; } = [];
}

/// <summary>A dispute screened on a line (行政区域界线管理条例 第十五条): where, what, its status and when it was settled.</summary>
public sealed class BoundaryDispute : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid LineId { get; set; }
    public required string Title { get; set; }
    public string Location { get; set; } = "";
    public string Description { get; set; } = "";
    public DisputeStatus Status { get; set; } = DisputeStatus.Reported;
    public DateOnly ReportedOn { get; set; }
    public DateOnly? SettledOn { get; set; }
    public string Outcome { get; set; } = "";
    public int Version { get; set; }
}

/// <summary>One side of a line: a division of ours (DivisionCode set) or one outside our data (广东、贵港), by name and code.</summary>
public sealed class BoundarySide : IDivisionScoped, IOrganizationScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid LineId { get; set; }
    public BoundaryLine? Line { get; set; }
    public int Position { get; set; }

    /// <summary>The side's code, ours or not (440983 信宜市, 450800 贵港市).</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }

    /// <summary>The side's division when it is in our data; for a side outside it, the line's own division (it widens nothing).</summary>
    public string DivisionCode { get; set; } = "";
    public Guid? OrganizationId { get; set; }
}

/// <summary>A 界桩 on a line, read and written through its line (never on its own).</summary>
public sealed class BoundaryMarker : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid LineId { get; set; }
    public BoundaryLine? Line { get; set; }
    public required string Number { get; set; }
    public MarkerKind Kind { get; set; }
    public decimal Longitude { get; set; }
    public decimal Latitude { get; set; }

    /// <summary>The code of the side responsible for keeping it.</summary>
    public string ResponsibleSideCode { get; set; } = "";
    public MarkerCondition Condition { get; set; } = MarkerCondition.Good;
    public string Note { get; set; } = "";
    public int Version { get; set; }
    public List<MarkerFinding> Findings { get; set; } = [];
}

/// <summary>An inspection of a line: the round (joint, every five years) or an ad-hoc one, its year, sections and participants of both sides.</summary>
public sealed class BoundaryInspection
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid LineId { get; set; }
    public InspectionKind Kind { get; set; }
    public int Year { get; set; }
    public string Round { get; set; } = "";
    public string Sections { get; set; } = "";
    public string Participants { get; set; } = "";
    public string Reason { get; set; } = "";
    public bool IsDemo { get; set; }
}

/// <summary>What an inspection found on a marker, and the task it asks for (re-burial, repaint …) with its deadline and done date.</summary>
public sealed class MarkerFinding
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MarkerId { get; set; }
    public Guid? InspectionId { get; set; }
    public DateOnly FoundOn { get; set; }
    public MarkerCondition Condition { get; set; }
    public string Description { get; set; } = "";
    public string Task { get; set; } = "";
    public DateOnly? Deadline { get; set; }
    public DateOnly? DoneOn { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

public static class BoundaryLimits
{
    public const int Name = 100;
    public const int Text = 1000;
    public const int GeoJson = 500_000;
}

internal sealed class BoundaryConfiguration : IEntityTypeConfiguration<BoundaryLine>, IEntityTypeConfiguration<BoundarySide>, IEntityTypeConfiguration<BoundaryMarker>,
    IEntityTypeConfiguration<BoundaryInspection>, IEntityTypeConfiguration<MarkerFinding>, IEntityTypeConfiguration<BoundaryDispute>
{
    public void Configure(EntityTypeBuilder<BoundaryDispute> b)
    {
        b.ToTable("geo_boundary_dispute");
        b.Property(d => d.Title).HasMaxLength(BoundaryLimits.Name);
        b.Property(d => d.Location).HasMaxLength(200);
        b.Property(d => d.Description).HasMaxLength(BoundaryLimits.Text);
        b.Property(d => d.Outcome).HasMaxLength(BoundaryLimits.Text);
        b.HasIndex(d => d.LineId);
    }

    public void Configure(EntityTypeBuilder<BoundaryLine> b)
    {
        b.ToTable("geo_boundary_line");
        b.Property(l => l.Name).HasMaxLength(BoundaryLimits.Name);
        b.Property(l => l.DivisionCode).HasMaxLength(12);
        b.Property(l => l.SideACode).HasMaxLength(12);
        b.Property(l => l.SideAName).HasMaxLength(BoundaryLimits.Name);
        b.Property(l => l.SideBCode).HasMaxLength(12);
        b.Property(l => l.SideBName).HasMaxLength(BoundaryLimits.Name);
        b.Property(l => l.AgreementDocument).HasMaxLength(200);
        b.Property(l => l.DetailMapReference).HasMaxLength(200);
        b.Property(l => l.LengthKm).HasPrecision(10, 3);
        b.Property(l => l.GeoJson).HasMaxLength(BoundaryLimits.GeoJson);
        b.HasMany(l => l.Memberships).WithOne(s => s.Line).HasForeignKey(s => s.LineId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(l => l.Markers).WithOne(m => m.Line).HasForeignKey(m => m.LineId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(l => l.Inspections).WithOne().HasForeignKey(i => i.LineId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(l => l.Disputes).WithOne().HasForeignKey(d => d.LineId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => l.DivisionCode);
    }

    public void Configure(EntityTypeBuilder<BoundarySide> b)
    {
        b.ToTable("geo_boundary_side");
        b.Property(s => s.Code).HasMaxLength(12);
        b.Property(s => s.Name).HasMaxLength(BoundaryLimits.Name);
        b.Property(s => s.DivisionCode).HasMaxLength(12);
        b.HasIndex(s => s.DivisionCode);
        b.HasIndex(s => s.LineId);
    }

    public void Configure(EntityTypeBuilder<BoundaryMarker> b)
    {
        b.ToTable("geo_boundary_marker");
        b.Property(m => m.Number).HasMaxLength(50);
        b.Property(m => m.Longitude).HasPrecision(9, 6);
        b.Property(m => m.Latitude).HasPrecision(9, 6);
        b.Property(m => m.ResponsibleSideCode).HasMaxLength(12);
        b.Property(m => m.Note).HasMaxLength(BoundaryLimits.Text);
        b.HasMany(m => m.Findings).WithOne().HasForeignKey(f => f.MarkerId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.LineId, m.Number }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<BoundaryInspection> b)
    {
        b.ToTable("geo_boundary_inspection");
        b.Property(i => i.Round).HasMaxLength(100);
        b.Property(i => i.Sections).HasMaxLength(BoundaryLimits.Text);
        b.Property(i => i.Participants).HasMaxLength(BoundaryLimits.Text);
        b.Property(i => i.Reason).HasMaxLength(BoundaryLimits.Text);
        b.HasIndex(i => i.LineId);
    }

    public void Configure(EntityTypeBuilder<MarkerFinding> b)
    {
        b.ToTable("geo_marker_finding");
        b.Property(f => f.Description).HasMaxLength(BoundaryLimits.Text);
        b.Property(f => f.Task).HasMaxLength(200);
        b.Property(f => f.RecordedBy).HasMaxLength(100);
        b.HasIndex(f => f.MarkerId);
    }
}

public static class BoundaryLabels
{
    public static string Level(BoundaryLevel l) => l switch { BoundaryLevel.Province => "省级", BoundaryLevel.City => "市级", BoundaryLevel.County => "县级", _ => "乡级" };

    public static string Kind(MarkerKind k) => k switch { MarkerKind.SinglePost => "单立", MarkerKind.DoublePost => "双立", MarkerKind.TriplePost => "三立", _ => "界碑" };

    public static string Dispute(DisputeStatus s) => s switch { DisputeStatus.Reported => "已排查登记", DisputeStatus.Negotiating => "协商中", DisputeStatus.Referred => "已报上级", _ => "已解决" };

    public static string Inspection(InspectionKind k) => k == InspectionKind.Joint ? "联合检查" : "专项检查";

    public static string Condition(MarkerCondition c) => c switch { MarkerCondition.Good => "完好", MarkerCondition.Damaged => "损坏", MarkerCondition.Missing => "丢失", _ => "移位" };
}

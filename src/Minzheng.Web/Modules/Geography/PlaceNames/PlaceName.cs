using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Modules.Geography.PlaceNames;

/// <summary>The kinds of place names of 地名管理条例 (2022) 第三条; the category decides the scope of the art. 9 checks and the approving authority.</summary>
public enum PlaceNameCategory
{
    NaturalFeature = 1,
    AdministrativeDivision = 2,
    VillageSeat = 3,
    ParkOrReserve = 4,
    Street = 5,
    Residential = 6,
    Facility = 7,
    Other = 8,
}

/// <summary>标准地名 (approved, art. 15), 不规范地名 (found in use, to be cleaned up) or 已废止 (kept as history, never checked against).</summary>
public enum PlaceNameStatus
{
    Standard = 1,
    NonStandard = 2,
    Retired = 3,
}

/// <summary>How the feature is located: a point (longitude/latitude) or a line or area drawn as GeoJSON.</summary>
public enum GeometryKind
{
    None = 0,
    Point = 1,
    Line = 2,
    Area = 3,
}

/// <summary>
/// A place name of the registry: 专名 + 通名 (art. 9), its category, the division it lies in (scope), its romanisation by
/// 汉语拼音方案 and the place-name spelling rules (art. 15), meaning, history, former names, status and sources. The
/// romanisation is computed unless an officer overrides it for this name; the pinyin keys (toneless, lower case, no
/// spaces) are stored so that duplicates and homophones are found by an indexed equality, not by scanning.
/// </summary>
public sealed class PlaceName : IDivisionScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public required string SpecificName { get; set; }
    public string GenericName { get; set; } = "";
    public PlaceNameCategory Category { get; set; }

    /// <summary>The division the feature lies in (a division's own name lies in itself), 12 digits.</summary>
    public required string DivisionCode { get; set; }

    /// <summary>For a division or a village/community seat: the division this is the name of.</summary>
    public string? NamedDivisionCode { get; set; }

    public string Pinyin { get; set; } = "";
    public bool PinyinOverridden { get; set; }
    public string PinyinKey { get; set; } = "";
    public string SpecificKey { get; set; } = "";
    public string Meaning { get; set; } = "";
    public string History { get; set; } = "";
    public PlaceNameStatus Status { get; set; } = PlaceNameStatus.Standard;
    public string Source { get; set; } = "";
    public GeometryKind Geometry { get; set; }
    public decimal? Longitude { get; set; }
    public decimal? Latitude { get; set; }

    /// <summary>A GeoJSON geometry (LineString, Polygon …) for a line or an area; the point is in Longitude/Latitude.</summary>
    public string? GeoJson { get; set; }

    public DateOnly? ApprovedOn { get; set; }
    public string ApprovalDocument { get; set; } = "";
    public DateOnly? AnnouncedOn { get; set; }
    public bool IsDemo { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
    public List<FormerPlaceName> FormerNames { get; set; } = [];
}

/// <summary>A name the feature had before, with the years it was used (曾用名).</summary>
public sealed class FormerPlaceName : IDivisionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PlaceNameId { get; set; }
    public required string DivisionCode { get; set; }
    public required string Name { get; set; }
    public DateOnly? UsedFrom { get; set; }
    public DateOnly? UsedUntil { get; set; }
    public string Note { get; set; } = "";
}

/// <summary>
/// A built-up area (城市建成区) for the art. 9(8) check of streets, residential areas and buildings: the divisions it spans,
/// as code prefixes (a county's 6 digits, a township's 9). Where a feature lies in no configured area the check falls
/// back to its county and says so.
/// </summary>
public sealed class BuiltUpArea
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public required string DivisionPrefixes { get; set; }
    public bool IsDemo { get; set; }

    public IReadOnlyList<string> Prefixes => DivisionPrefixes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

internal sealed class PlaceNameConfiguration : IEntityTypeConfiguration<PlaceName>, IEntityTypeConfiguration<FormerPlaceName>, IEntityTypeConfiguration<BuiltUpArea>
{
    public void Configure(EntityTypeBuilder<PlaceName> b)
    {
        b.ToTable("geo_place_name");
        b.HasKey(p => p.Id);
        b.Property(p => p.Name).HasMaxLength(PlaceNameLimits.Name);
        b.Property(p => p.SpecificName).HasMaxLength(PlaceNameLimits.Name);
        b.Property(p => p.GenericName).HasMaxLength(20);
        b.Property(p => p.Category).HasConversion<string>().HasMaxLength(24);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(p => p.Geometry).HasConversion<string>().HasMaxLength(8);
        b.Property(p => p.DivisionCode).HasMaxLength(12);
        b.Property(p => p.NamedDivisionCode).HasMaxLength(12);
        b.Property(p => p.Pinyin).HasMaxLength(200);
        b.Property(p => p.PinyinKey).HasMaxLength(200);
        b.Property(p => p.SpecificKey).HasMaxLength(200);
        b.Property(p => p.Meaning).HasMaxLength(1000);
        b.Property(p => p.History).HasMaxLength(2000);
        b.Property(p => p.Source).HasMaxLength(200);
        b.Property(p => p.Longitude).HasPrecision(9, 6);
        b.Property(p => p.Latitude).HasPrecision(9, 6);
        b.Property(p => p.GeoJson).HasMaxLength(PlaceNameLimits.GeoJson);
        b.Property(p => p.ApprovalDocument).HasMaxLength(100);
        b.HasMany(p => p.FormerNames).WithOne().HasForeignKey(f => f.PlaceNameId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => p.Name);
        b.HasIndex(p => p.SpecificName);
        b.HasIndex(p => p.PinyinKey);
        b.HasIndex(p => p.SpecificKey);
        b.HasIndex(p => new { p.DivisionCode, p.Category });
        b.HasIndex(p => p.NamedDivisionCode);
    }

    public void Configure(EntityTypeBuilder<FormerPlaceName> b)
    {
        b.ToTable("geo_former_place_name");
        b.HasKey(f => f.Id);
        b.Property(f => f.DivisionCode).HasMaxLength(12);
        b.Property(f => f.Name).HasMaxLength(PlaceNameLimits.Name);
        b.Property(f => f.Note).HasMaxLength(500);
        b.HasIndex(f => f.PlaceNameId);
        b.HasIndex(f => f.Name);
    }

    public void Configure(EntityTypeBuilder<BuiltUpArea> b)
    {
        b.ToTable("geo_built_up_area");
        b.HasKey(a => a.Id);
        b.Property(a => a.Name).HasMaxLength(50);
        b.Property(a => a.DivisionPrefixes).HasMaxLength(500);
        b.Ignore(a => a.Prefixes);
    }
}

public static class PlaceNameLimits
{
    public const int Name = 50;
    public const int GeoJson = 200_000;
}

public static class PlaceNameLabels
{
    public static string Category(PlaceNameCategory c) => c switch
    {
        PlaceNameCategory.NaturalFeature => "自然地理实体",
        PlaceNameCategory.AdministrativeDivision => "行政区划",
        PlaceNameCategory.VillageSeat => "村（居）民委员会驻地",
        PlaceNameCategory.ParkOrReserve => "城镇公园、自然保护地",
        PlaceNameCategory.Street => "街、路、巷",
        PlaceNameCategory.Residential => "住宅区、楼宇",
        PlaceNameCategory.Facility => "交通运输、水利、电力、通信、气象等设施",
        _ => "其他",
    };

    public static string Status(PlaceNameStatus s) => s switch
    {
        PlaceNameStatus.Standard => "标准地名",
        PlaceNameStatus.NonStandard => "不规范地名",
        _ => "已废止",
    };
}

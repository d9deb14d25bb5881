using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Modules.Geography.PlaceNames;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Files;

namespace Minzheng.Web.Modules.Geography.Signs;

/// <summary>Where a non-standard name was found in use (地名管理条例 第十八条 lists where the standard name is mandatory).</summary>
public enum NameUse
{
    Sign = 1,
    Map = 2,
    OfficialDocument = 3,
    Media = 4,
    PropertySale = 5,
    Other = 6,
}

/// <summary>What is done about it: the owner corrects it, the sign is replaced, an order to correct (第三十七条), or the name is kept after review.</summary>
public enum CleanupMeasure
{
    Correct = 1,
    ReplaceSign = 2,
    OrderToCorrect = 3,
    KeepAfterReview = 4,
}

/// <summary>
/// One line of the non-standard name clean-up ledger (清理整治不规范地名): the name found in use, where, the standard name it
/// should be (a registry name where one exists), the measure and its deadline, done. Overdue is computed on read.
/// </summary>
public sealed class CleanupCase : IDivisionScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Number { get; set; }
    public required string FoundName { get; set; }
    public NameUse Use { get; set; }
    public required string Location { get; set; }
    public required string DivisionCode { get; set; }
    public Guid? StandardNameId { get; set; }
    public string StandardName { get; set; } = "";
    public DateOnly FoundOn { get; set; }
    public CleanupMeasure? Measure { get; set; }
    public DateOnly? Deadline { get; set; }
    public DateOnly? DoneOn { get; set; }
    public string Note { get; set; } = "";
    public required string CreatedBy { get; set; }
    public int Version { get; set; }

    public bool IsOverdue(DateOnly today) => DoneOn is null && Deadline is { } d && d < today;
}

public enum SignKind
{
    Street = 1,
    Village = 2,
    Community = 3,
    Guide = 4,
    Building = 5,
    Other = 6,
}

public enum SignCondition
{
    Good = 1,
    Damaged = 2,
    Missing = 3,
    WrongText = 4,
}

/// <summary>A 地名标志 (street sign, village sign …): the name it shows, where it stands, its condition as last inspected.</summary>
public sealed class NameSign : IDivisionScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Number { get; set; }
    public SignKind Kind { get; set; }
    public Guid? PlaceNameId { get; set; }
    public required string Text { get; set; }
    public required string Location { get; set; }
    public required string DivisionCode { get; set; }
    public decimal? Longitude { get; set; }
    public decimal? Latitude { get; set; }
    public string Material { get; set; } = "";
    public DateOnly? InstalledOn { get; set; }
    public SignCondition Condition { get; set; } = SignCondition.Good;
    public DateOnly? LastInspectedOn { get; set; }
    public bool IsDemo { get; set; }
    public int Version { get; set; }
}

/// <summary>An inspection of a sign (the condition found) and, when it needed one, its repair.</summary>
public sealed class NameSignCheck : IDivisionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SignId { get; set; }
    public required string DivisionCode { get; set; }
    public DateOnly CheckedOn { get; set; }
    public SignCondition Condition { get; set; }
    public string Note { get; set; } = "";
    public DateOnly? RepairedOn { get; set; }
    public string RepairNote { get; set; } = "";
    public required string CheckedBy { get; set; }
}

public sealed class NameSignPhoto : IDivisionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SignId { get; set; }
    public required string DivisionCode { get; set; }
    public Guid FileId { get; set; }
    public required string FileName { get; set; }
}

internal sealed class SignConfiguration : IEntityTypeConfiguration<CleanupCase>, IEntityTypeConfiguration<NameSign>, IEntityTypeConfiguration<NameSignCheck>,
    IEntityTypeConfiguration<NameSignPhoto>
{
    public void Configure(EntityTypeBuilder<CleanupCase> b)
    {
        b.ToTable("geo_cleanup_case");
        b.HasKey(c => c.Id);
        b.Property(c => c.Number).HasMaxLength(40);
        b.Property(c => c.FoundName).HasMaxLength(PlaceNameLimits.Name);
        b.Property(c => c.Use).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Measure).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Location).HasMaxLength(200);
        b.Property(c => c.DivisionCode).HasMaxLength(12);
        b.Property(c => c.StandardName).HasMaxLength(PlaceNameLimits.Name);
        b.Property(c => c.Note).HasMaxLength(1000);
        b.Property(c => c.CreatedBy).HasMaxLength(100);
        b.HasOne<PlaceName>().WithMany().HasForeignKey(c => c.StandardNameId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.Number).IsUnique();
        b.HasIndex(c => new { c.DoneOn, c.Deadline });
    }

    public void Configure(EntityTypeBuilder<NameSign> b)
    {
        b.ToTable("geo_name_sign");
        b.HasKey(s => s.Id);
        b.Property(s => s.Number).HasMaxLength(40);
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Condition).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Text).HasMaxLength(PlaceNameLimits.Name + 50);
        b.Property(s => s.Location).HasMaxLength(200);
        b.Property(s => s.DivisionCode).HasMaxLength(12);
        b.Property(s => s.Longitude).HasPrecision(9, 6);
        b.Property(s => s.Latitude).HasPrecision(9, 6);
        b.Property(s => s.Material).HasMaxLength(50);
        b.HasOne<PlaceName>().WithMany().HasForeignKey(s => s.PlaceNameId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => s.Number).IsUnique();
        b.HasIndex(s => new { s.DivisionCode, s.Condition });
    }

    public void Configure(EntityTypeBuilder<NameSignCheck> b)
    {
        b.ToTable("geo_name_sign_check");
        b.HasKey(c => c.Id);
        b.Property(c => c.DivisionCode).HasMaxLength(12);
        b.Property(c => c.Condition).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Note).HasMaxLength(1000);
        b.Property(c => c.RepairNote).HasMaxLength(1000);
        b.Property(c => c.CheckedBy).HasMaxLength(100);
        b.HasOne<NameSign>().WithMany().HasForeignKey(c => c.SignId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => c.SignId);
    }

    public void Configure(EntityTypeBuilder<NameSignPhoto> b)
    {
        b.ToTable("geo_name_sign_photo");
        b.HasKey(p => p.Id);
        b.Property(p => p.DivisionCode).HasMaxLength(12);
        b.Property(p => p.FileName).HasMaxLength(200);
        b.HasOne<NameSign>().WithMany().HasForeignKey(p => p.SignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<StoredFile>().WithMany().HasForeignKey(p => p.FileId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => p.SignId);
    }
}

public static class SignLabels
{
    public static string Use(NameUse u) => u switch
    {
        NameUse.Sign => "地名标志、牌匾",
        NameUse.Map => "地图",
        NameUse.OfficialDocument => "公文、证照",
        NameUse.Media => "媒体、网站",
        NameUse.PropertySale => "房地产销售、广告",
        _ => "其他",
    };

    public static string Measure(CleanupMeasure? m) => m switch
    {
        CleanupMeasure.Correct => "自行更正",
        CleanupMeasure.ReplaceSign => "更换标志",
        CleanupMeasure.OrderToCorrect => "责令改正（第三十七条）",
        CleanupMeasure.KeepAfterReview => "经审查保留",
        _ => "",
    };

    public static string Kind(SignKind k) => k switch
    {
        SignKind.Street => "街路巷牌",
        SignKind.Village => "村牌",
        SignKind.Community => "社区牌",
        SignKind.Guide => "地名指示牌",
        SignKind.Building => "楼牌、门牌",
        _ => "其他",
    };

    public static string Condition(SignCondition c) => c switch
    {
        SignCondition.Good => "完好",
        SignCondition.Damaged => "破损",
        SignCondition.Missing => "缺失",
        _ => "内容错误",
    };

    public static string CaseStatus(CleanupCase c, DateOnly today) =>
        c.DoneOn is not null ? "已整改" : c.IsOverdue(today) ? "逾期未整改" : c.Measure is null ? "已发现" : "整改中";
}

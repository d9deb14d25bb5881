using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Modules.Rescue.Stays;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Files;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.Rescue.Search;

public enum NoticeStatus
{
    /// <summary>拟稿: drafted at intake, not yet public.</summary>
    Draft = 1,
    /// <summary>已发布: on the anonymous page /public/rescue/notices.</summary>
    Published = 2,
    /// <summary>已撤下: the person was identified or left (the reason kept).</summary>
    Withdrawn = 3,
}

public enum DnaResult
{
    /// <summary>比对成功: the police found the family.</summary>
    Match = 1,
    /// <summary>比对未成功.</summary>
    NoMatch = 2,
}

public enum InquiryStatus
{
    /// <summary>寻找中.</summary>
    Open = 1,
    /// <summary>已确认: linked to a stay by a clerk.</summary>
    Confirmed = 2,
    /// <summary>已结束 otherwise (the family found the person elsewhere, withdrew).</summary>
    Closed = 3,
}

/// <summary>
/// The 寻亲公告 of one stay whose identity is unknown, with the fields 民发〔2015〕158号 names (photo, name or 无名氏, sex, age or
/// estimated age, height, health, mental state, features, clothing, date and place found, the station's contact). Public once
/// published: the public page shows exactly these fields and never an ID number. Scoped by the station's county.
/// </summary>
public sealed class SearchNotice : IDivisionScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StayId { get; set; }
    public Guid StationId { get; set; }
    public required string DivisionCode { get; set; }
    public Guid? PhotoFileId { get; set; }

    /// <summary>The name the person gave, or 无名氏.</summary>
    public string Name { get; set; } = SearchText.Unnamed;
    public Sex? Sex { get; set; }
    public int? Age { get; set; }

    /// <summary>Whether <see cref="Age"/> is the staff's estimate (约 N 岁).</summary>
    public bool AgeEstimated { get; set; }
    public int? HeightCm { get; set; }
    public string Health { get; set; } = "";
    public string MentalState { get; set; } = "";
    public string Features { get; set; } = "";
    public string Clothing { get; set; } = "";
    public DateOnly FoundOn { get; set; }
    public string FoundPlace { get; set; } = "";

    /// <summary>The station's contact for families (phone, address): public.</summary>
    public string Contact { get; set; } = "";

    /// <summary>Admission time + the notice hours of the admission day (UTC).</summary>
    public DateTime DueAt { get; set; }
    public NoticeStatus Status { get; set; } = NoticeStatus.Draft;
    public DateTime? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }
    public DateTime? WithdrawnAt { get; set; }
    public string? WithdrawnReason { get; set; }

    /// <summary>The day the daily sweep first found the notice unpublished past its deadline (kept after a late publication).</summary>
    public DateOnly? OverdueSince { get; set; }
    public required string RecordedBy { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// The DNA request of one stay whose identity is unknown: to the police (采血比对) by the due day (the kernel calendar's working
/// days from admission), the sample, the result. Scoped by the station's county.
/// </summary>
public sealed class DnaRequest : IDivisionScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StayId { get; set; }
    public required string DivisionCode { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly? RequestedOn { get; set; }
    public string PoliceUnit { get; set; } = "";
    public DateOnly? SampleTakenOn { get; set; }
    public DnaResult? Result { get; set; }
    public DateOnly? ResultOn { get; set; }
    public DateOnly? OverdueSince { get; set; }
    public required string RecordedBy { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// A family looking for someone (寻人登记), recorded by a clerk of the county where the family came: matched against the
/// unidentified people in station (and they against it) and, once a clerk confirms, linked to that stay. The contact phone is
/// sealed (SM4) and shown masked.
/// </summary>
public sealed class FamilyInquiry : IDivisionScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string DivisionCode { get; set; }
    public required string Name { get; set; }
    public Sex? Sex { get; set; }

    /// <summary>Age on the day recorded (as the family gives it).</summary>
    public int? Age { get; set; }
    public DateOnly RecordedOn { get; set; }
    public string Features { get; set; } = "";
    public DateOnly? MissingSince { get; set; }
    public string MissingPlace { get; set; } = "";
    public string ContactName { get; set; } = "";
    public byte[]? ContactPhoneCipher { get; set; }
    public string? ContactPhoneMasked { get; set; }
    public InquiryStatus Status { get; set; } = InquiryStatus.Open;

    /// <summary>The stay a clerk confirmed this inquiry to be about.</summary>
    public Guid? MatchedStayId { get; set; }
    public string? ConfirmedBy { get; set; }
    public DateTime? ConfirmedAt { get; set; }
    public string? Note { get; set; }
    public required string RecordedBy { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public static class SearchText
{
    public const string Unnamed = "无名氏";

    public static string Name(NoticeStatus s) => s switch { NoticeStatus.Draft => "拟稿", NoticeStatus.Published => "已发布", _ => "已撤下" };

    public static string Name(InquiryStatus s) => s switch { InquiryStatus.Open => "寻找中", InquiryStatus.Confirmed => "已确认", _ => "已结束" };

    public static string Name(DnaResult? r) => r switch { DnaResult.Match => "比对成功", DnaResult.NoMatch => "比对未成功", _ => "待结果" };

    public static string Code(NoticeStatus s) => s switch { NoticeStatus.Draft => "draft", NoticeStatus.Published => "published", _ => "withdrawn" };

    public static string Code(InquiryStatus s) => s switch { InquiryStatus.Open => "open", InquiryStatus.Confirmed => "confirmed", _ => "closed" };

    public static string? Code(DnaResult? r) => r switch { DnaResult.Match => "match", DnaResult.NoMatch => "no_match", _ => null };

    public static string Code(DeadlineState s) => s switch { DeadlineState.Pending => "pending", DeadlineState.Overdue => "overdue", DeadlineState.OnTime => "on_time", _ => "late" };

    public static string SexName(Sex? s) => s switch { Sex.Male => "男", Sex.Female => "女", _ => "不详" };

    public static string? SexCode(Sex? s) => s switch { Sex.Male => "male", Sex.Female => "female", _ => null };
}

internal sealed class SearchNoticeConfiguration : IEntityTypeConfiguration<SearchNotice>
{
    public void Configure(EntityTypeBuilder<SearchNotice> b)
    {
        b.ToTable("rescue_search_notice");
        b.HasKey(n => n.Id);
        b.Property(n => n.DivisionCode).HasMaxLength(12);
        b.Property(n => n.Name).HasMaxLength(50);
        b.Property(n => n.Health).HasMaxLength(200);
        b.Property(n => n.MentalState).HasMaxLength(200);
        b.Property(n => n.Features).HasMaxLength(500);
        b.Property(n => n.Clothing).HasMaxLength(200);
        b.Property(n => n.FoundPlace).HasMaxLength(200);
        b.Property(n => n.Contact).HasMaxLength(200);
        b.Property(n => n.PublishedBy).HasMaxLength(100);
        b.Property(n => n.WithdrawnReason).HasMaxLength(200);
        b.Property(n => n.RecordedBy).HasMaxLength(100);
        b.HasOne<RescueStay>().WithMany().HasForeignKey(n => n.StayId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RescueStation>().WithMany().HasForeignKey(n => n.StationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StoredFile>().WithMany().HasForeignKey(n => n.PhotoFileId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(n => n.StayId).IsUnique();
        b.HasIndex(n => new { n.Status, n.PublishedAt });
        b.HasIndex(n => n.DivisionCode);
    }
}

internal sealed class DnaRequestConfiguration : IEntityTypeConfiguration<DnaRequest>
{
    public void Configure(EntityTypeBuilder<DnaRequest> b)
    {
        b.ToTable("rescue_dna_request");
        b.HasKey(d => d.Id);
        b.Property(d => d.DivisionCode).HasMaxLength(12);
        b.Property(d => d.PoliceUnit).HasMaxLength(100);
        b.Property(d => d.RecordedBy).HasMaxLength(100);
        b.HasOne<RescueStay>().WithMany().HasForeignKey(d => d.StayId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => d.StayId).IsUnique();
        b.HasIndex(d => d.DivisionCode);
    }
}

internal sealed class FamilyInquiryConfiguration : IEntityTypeConfiguration<FamilyInquiry>
{
    public void Configure(EntityTypeBuilder<FamilyInquiry> b)
    {
        b.ToTable("rescue_family_inquiry");
        b.HasKey(i => i.Id);
        b.Property(i => i.DivisionCode).HasMaxLength(12);
        b.Property(i => i.Name).HasMaxLength(50);
        b.Property(i => i.Features).HasMaxLength(500);
        b.Property(i => i.MissingPlace).HasMaxLength(200);
        b.Property(i => i.ContactName).HasMaxLength(50);
        b.Property(i => i.ContactPhoneMasked).HasMaxLength(20);
        b.Property(i => i.ConfirmedBy).HasMaxLength(100);
        b.Property(i => i.Note).HasMaxLength(500);
        b.Property(i => i.RecordedBy).HasMaxLength(100);
        b.HasOne<RescueStay>().WithMany().HasForeignKey(i => i.MatchedStayId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.DivisionCode, i.Status });
    }
}

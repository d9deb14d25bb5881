using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Web.Modules.SocialOrganizations.Registry;

/// <summary>
/// 登记管理机关的层级: who registered the organisation and so who may act on it (issue 14 item 1). A county officer sees a
/// city-registered organisation seated in the county (division scope) but may not act on it.
/// </summary>
public enum RegistrationLevel
{
    /// <summary>县级民政部门登记.</summary>
    County = 1,

    /// <summary>市级民政部门登记.</summary>
    City = 2,
}

/// <summary>
/// The social-organisation profile of a registry organisation (社会团体, 社会服务机构 or 基金会): what the registration
/// authority decides and the registry does not hold. Name, credit code, legal representative, address, status and the
/// history of names stay in <see cref="Organization"/> and its events (ADR 017, ADR 038). One row per organisation;
/// division-scoped by the organisation's seat and organisation-scoped, so the organisation's own accounts see their row only.
/// </summary>
public sealed class SocialOrganizationProfile : IVersioned, IDivisionScoped, IOrganizationScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The registry organisation (always set; nullable only because the organisation scope reads a <c>Guid?</c>).</summary>
    public Guid? OrganizationId { get; set; }

    /// <summary>The organisation's seat (copied from the registry so the one scope filter applies without a join).</summary>
    public required string DivisionCode { get; set; }

    /// <summary><see cref="OrganizationKind.SocialGroup"/>, <see cref="OrganizationKind.SocialServiceAgency"/> or <see cref="OrganizationKind.Foundation"/>.</summary>
    public OrganizationKind Kind { get; set; }

    public RegistrationLevel Level { get; set; }

    /// <summary>The registration authority's division (the city's or a county's 12-digit code): a user acts only when it lies in their scope.</summary>
    public required string AuthorityDivisionCode { get; set; }

    /// <summary>业务主管单位; null for an organisation registered directly (直接登记), which then has no preliminary review.</summary>
    public string? SupervisingUnit { get; set; }

    /// <summary>行业分类 (<see cref="SocialOrganizationCategories"/>).</summary>
    public string Category { get; set; } = SocialOrganizationCategories.Other;

    /// <summary>宗旨.</summary>
    public string Purpose { get; set; } = "";

    /// <summary>业务范围.</summary>
    public string BusinessScope { get; set; } = "";

    /// <summary>注册资金 (社会团体、社会服务机构) or 原始基金 (基金会).</summary>
    public Platform.Money.Money RegisteredCapital { get; set; }

    /// <summary>登记证书编号 (numbered from the kernel's case numbers when registration is approved).</summary>
    public string? CertificateNumber { get; set; }

    public DateOnly? CertificateIssuedOn { get; set; }

    /// <summary>行业协会商会: subject to the decoupling (脱钩) of 中办发〔2015〕39号.</summary>
    public bool IsTradeAssociation { get; set; }

    /// <summary>评估等级 1–5 (1A–5A) in force, set when an evaluation is approved; null when never evaluated or expired.</summary>
    public int? Grade { get; set; }

    public DateOnly? GradeValidUntil { get; set; }

    /// <summary>党组织建设 (chapter 十 as it touches this module), kept current by the party-building part.</summary>
    public PartyOrganizationStatus PartyOrganization { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>How an organisation's party organisation is set up (党的组织覆盖).</summary>
public enum PartyOrganizationStatus
{
    /// <summary>未采集.</summary>
    Unknown = 0,

    /// <summary>未建立 (and no instructor): a ground for the 活动异常名录 where one is required.</summary>
    None = 1,

    /// <summary>单独建立党组织.</summary>
    Own = 2,

    /// <summary>联合建立党组织.</summary>
    Joint = 3,

    /// <summary>选派党建工作指导员.</summary>
    Instructor = 4,
}

/// <summary>The 14 行业分类 of the social-organisation statistics (民政统计: 社会组织 by field of activity).</summary>
public static class SocialOrganizationCategories
{
    public const string Other = "other";

    public static readonly IReadOnlyList<(string Code, string Name)> All =
    [
        ("science", "科技研究"), ("ecology", "生态环境"), ("education", "教育"), ("health", "卫生"), ("social-service", "社会服务"),
        ("culture", "文化"), ("sports", "体育"), ("law", "法律"), ("business", "工商业服务"), ("religion", "宗教"),
        ("agriculture", "农业及农村发展"), ("professional", "职业及从业者组织"), ("international", "国际及涉外组织"), (Other, "其他"),
    ];

    public static bool IsKnown(string? code) => All.Any(c => c.Code == code);

    public static string Name(string code) => All.FirstOrDefault(c => c.Code == code).Name ?? code;
}

/// <summary>The kinds a social organisation may be, and their Chinese names (the registry's kind holds the legal form).</summary>
public static class SocialOrganizationKinds
{
    public static readonly IReadOnlyList<OrganizationKind> All = [OrganizationKind.SocialGroup, OrganizationKind.SocialServiceAgency, OrganizationKind.Foundation];

    public static bool IsSocialOrganization(OrganizationKind kind) => kind is OrganizationKind.SocialGroup or OrganizationKind.SocialServiceAgency or OrganizationKind.Foundation;

    public static string Name(OrganizationKind kind) => kind switch
    {
        OrganizationKind.SocialGroup => "社会团体",
        OrganizationKind.SocialServiceAgency => "社会服务机构（民办非企业单位）",
        OrganizationKind.Foundation => "基金会",
        _ => kind.ToString(),
    };

    /// <summary>The category code the figure book keys per-kind figures by.</summary>
    public static string FigureCategory(OrganizationKind kind) => kind switch
    {
        OrganizationKind.SocialGroup => "social-group",
        OrganizationKind.SocialServiceAgency => "social-service",
        OrganizationKind.Foundation => "foundation",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "不是社会组织"),
    };

    /// <summary>统一社会信用代码第2位 (机构类别码) under 民政 (登记管理部门码 5): 1 社会团体, 2 民办非企业单位, 3 基金会.</summary>
    public static char CreditCodeType(OrganizationKind kind) => kind switch
    {
        OrganizationKind.SocialGroup => '1',
        OrganizationKind.SocialServiceAgency => '2',
        OrganizationKind.Foundation => '3',
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "不是社会组织"),
    };
}

internal sealed class SocialOrganizationProfileConfiguration : IEntityTypeConfiguration<SocialOrganizationProfile>
{
    public void Configure(EntityTypeBuilder<SocialOrganizationProfile> b)
    {
        b.ToTable("socorg_profile");
        b.HasKey(p => p.Id);
        b.Property(p => p.DivisionCode).HasMaxLength(12);
        b.Property(p => p.AuthorityDivisionCode).HasMaxLength(12);
        b.Property(p => p.Kind).HasConversion<int>();
        b.Property(p => p.Level).HasConversion<int>();
        b.Property(p => p.PartyOrganization).HasConversion<int>();
        b.Property(p => p.SupervisingUnit).HasMaxLength(100);
        b.Property(p => p.Category).HasMaxLength(20);
        b.Property(p => p.Purpose).HasMaxLength(500);
        b.Property(p => p.BusinessScope).HasMaxLength(1000);
        b.Property(p => p.CertificateNumber).HasMaxLength(40);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => p.OrganizationId).IsUnique();
        b.HasIndex(p => p.CertificateNumber).IsUnique();
        b.HasIndex(p => new { p.AuthorityDivisionCode, p.Kind });
        b.HasIndex(p => new { p.DivisionCode, p.Kind });
        b.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Web.Modules.ElderlyCare.Homes;

/// <summary>How a home entered the system, decided by the date it opened (rules-2 §1.2): a post-2018 home is never asked for a licence.</summary>
public enum EntryRegime
{
    /// <summary>设立许可 under 民政部令第48号 (2013-07-01 → 2018-12-28).</summary>
    Licensed2013 = 1,

    /// <summary>登记后备案 under 老年人权益保障法 第四十三条 and 民函〔2019〕1号 (2018-12-29 → 2020-10-31).</summary>
    Filed2019 = 2,

    /// <summary>备案 under 养老机构管理办法 (民政部令第66号, from 2020-11-01).</summary>
    Filed66 = 3,
}

/// <summary>registered → filed (≤ 10 working days after the first resident) → checked (on-site, ≤ 20 working days after filing) → closed.</summary>
public enum HomeStatus
{
    Registered = 1,
    Filed = 2,
    Checked = 3,
    Closed = 9,
}

/// <summary>
/// The elderly-care profile of a registry organisation: that it is a care home (养老机构) or a 特困供养服务设施（敬老院）, how it
/// entered (licence or filing), its beds and its filing and on-site check. One row per organisation; name, credit code, address
/// and bank account stay in the registry (ADR 029). Division-scoped by the organisation's division and organisation-scoped, so
/// the home's own accounts see it and nothing else.
/// </summary>
public sealed class ElderlyHome : IVersioned, IDivisionScoped, IOrganizationScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The registry organisation (always set; nullable only because the organisation scope reads a <c>Guid?</c>).</summary>
    public Guid? OrganizationId { get; set; }

    /// <summary><see cref="Contracts.ElderlyHomeKinds"/>: care_home or special_care_facility.</summary>
    public required string Kind { get; set; }

    public required string DivisionCode { get; set; }

    /// <summary>民办: only private homes receive the construction and operating subsidies (rules-2 §1.7).</summary>
    public bool Private { get; set; }

    public DateOnly OpenedOn { get; set; }
    public EntryRegime Regime { get; set; }

    /// <summary>设立许可证号: only for <see cref="EntryRegime.Licensed2013"/>.</summary>
    public string? LicenceNumber { get; set; }

    public int Beds { get; set; }
    public int NursingBeds { get; set; }
    public decimal FloorArea { get; set; }

    /// <summary>场所权属: 自有 / 租赁 / 其他 (备案申请书 contents).</summary>
    public string PremisesOwnership { get; set; } = "";

    /// <summary>法人登记 of a 敬老院 (the plan's survey: the registration rate is low); null for other homes.</summary>
    public bool? LegalPersonRegistered { get; set; }

    public DateOnly? FirstResidentOn { get; set; }

    /// <summary>备案期限: 10 working days after the first resident (66号); overdue while <see cref="FiledOn"/> is empty.</summary>
    public DateOnly? FilingDueOn { get; set; }

    public DateOnly? FiledOn { get; set; }
    public string? FilingNumber { get; set; }

    /// <summary>现场检查期限: 20 working days after filing.</summary>
    public DateOnly? CheckDueOn { get; set; }

    public DateOnly? CheckedOn { get; set; }
    public string? CheckFindings { get; set; }
    public string? CheckedBy { get; set; }

    public HomeStatus Status { get; set; } = HomeStatus.Registered;
    public DateOnly? ClosedOn { get; set; }
    public string? ClosedReason { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public enum FilingKind
{
    /// <summary>备案.</summary>
    Initial = 1,

    /// <summary>变更备案.</summary>
    Change = 2,
}

/// <summary>One 备案 or 变更备案 of a home, with what was filed: its 回执 prints from this row.</summary>
public sealed class HomeFiling : IDivisionScoped, IOrganizationScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid HomeId { get; set; }
    public Guid? OrganizationId { get; set; }
    public required string DivisionCode { get; set; }
    public FilingKind Kind { get; set; }
    public required string Number { get; set; }
    public DateOnly FiledOn { get; set; }
    public int Beds { get; set; }
    public int NursingBeds { get; set; }

    /// <summary>The materials received (备案申请书, 登记证书, 承诺书), one per line.</summary>
    public string Materials { get; set; } = "";

    /// <summary>What a change filing changed (变更事项).</summary>
    public string Changes { get; set; } = "";

    public required string RecordedBy { get; set; }
    public DateTime RecordedAt { get; set; }
}

/// <summary>An elder living in a home: admission and discharge, linked to the registry person, with the ability level and fee level at admission.</summary>
public sealed class Resident : IVersioned, IDivisionScoped, IOrganizationScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid HomeId { get; set; }
    public Guid? OrganizationId { get; set; }

    /// <summary>The home's division (the township that oversees the home sees its residents).</summary>
    public required string DivisionCode { get; set; }

    public Guid PersonId { get; set; }
    public DateOnly AdmittedOn { get; set; }
    public DateOnly? DischargedOn { get; set; }
    public string? DischargeReason { get; set; }

    /// <summary>收费等级 as the home's service agreement names it.</summary>
    public string FeeLevel { get; set; } = "";

    /// <summary>The ability level of the latest assessment (GB/T 42195-2022, 0–4), and that assessment.</summary>
    public int? AbilityLevel { get; set; }
    public Guid? AssessmentId { get; set; }

    /// <summary>For a 敬老院: the resident's extreme-poverty (特困供养) case number, read from the published entitlements.</summary>
    public string? ExtremePovertyCase { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A staff member of a home with their qualification (GB 38600-2019 §4: 护理员 only after passing training).</summary>
public sealed class StaffMember : IDivisionScoped, IOrganizationScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid HomeId { get; set; }
    public Guid? OrganizationId { get; set; }
    public required string DivisionCode { get; set; }
    public required string Name { get; set; }

    /// <summary>岗位: 护理员, 医生, 护士, 社工, 管理人员, 其他.</summary>
    public required string Post { get; set; }

    /// <summary>资格: e.g. 养老护理员（四级/中级工）, 执业医师.</summary>
    public string Qualification { get; set; } = "";

    public string CertificateNumber { get; set; } = "";
    public DateOnly HiredOn { get; set; }
    public DateOnly? LeftOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class ElderlyHomeConfiguration : IEntityTypeConfiguration<ElderlyHome>
{
    public void Configure(EntityTypeBuilder<ElderlyHome> b)
    {
        b.ToTable("elderly_home");
        b.HasKey(h => h.Id);
        b.Property(h => h.Kind).HasMaxLength(40);
        b.Property(h => h.DivisionCode).HasMaxLength(12);
        b.Property(h => h.Regime).HasConversion<int>();
        b.Property(h => h.Status).HasConversion<int>();
        b.Property(h => h.LicenceNumber).HasMaxLength(50);
        b.Property(h => h.FloorArea).HasPrecision(12, 2);
        b.Property(h => h.PremisesOwnership).HasMaxLength(20);
        b.Property(h => h.FilingNumber).HasMaxLength(40);
        b.Property(h => h.CheckFindings).HasMaxLength(1000);
        b.Property(h => h.CheckedBy).HasMaxLength(100);
        b.Property(h => h.ClosedReason).HasMaxLength(500);
        b.Property(h => h.Version).IsConcurrencyToken();
        b.HasIndex(h => h.OrganizationId).IsUnique();
        b.HasIndex(h => new { h.DivisionCode, h.Kind });
        b.HasIndex(h => h.FilingNumber).IsUnique();
        b.HasOne<Organization>().WithMany().HasForeignKey(h => h.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class HomeFilingConfiguration : IEntityTypeConfiguration<HomeFiling>
{
    public void Configure(EntityTypeBuilder<HomeFiling> b)
    {
        b.ToTable("elderly_home_filing");
        b.HasKey(f => f.Id);
        b.Property(f => f.DivisionCode).HasMaxLength(12);
        b.Property(f => f.Kind).HasConversion<int>();
        b.Property(f => f.Number).HasMaxLength(40);
        b.Property(f => f.Materials).HasMaxLength(500);
        b.Property(f => f.Changes).HasMaxLength(1000);
        b.Property(f => f.RecordedBy).HasMaxLength(100);
        b.HasIndex(f => f.Number).IsUnique();
        b.HasIndex(f => new { f.HomeId, f.FiledOn });
        b.HasOne<ElderlyHome>().WithMany().HasForeignKey(f => f.HomeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ResidentConfiguration : IEntityTypeConfiguration<Resident>
{
    public void Configure(EntityTypeBuilder<Resident> b)
    {
        b.ToTable("elderly_resident");
        b.HasKey(r => r.Id);
        b.Property(r => r.DivisionCode).HasMaxLength(12);
        b.Property(r => r.DischargeReason).HasMaxLength(200);
        b.Property(r => r.FeeLevel).HasMaxLength(40);
        b.Property(r => r.ExtremePovertyCase).HasMaxLength(40);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => new { r.HomeId, r.AdmittedOn });
        b.HasIndex(r => r.PersonId);
        b.HasOne<ElderlyHome>().WithMany().HasForeignKey(r => r.HomeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> b)
    {
        b.ToTable("elderly_staff");
        b.HasKey(s => s.Id);
        b.Property(s => s.DivisionCode).HasMaxLength(12);
        b.Property(s => s.Name).HasMaxLength(50);
        b.Property(s => s.Post).HasMaxLength(20);
        b.Property(s => s.Qualification).HasMaxLength(100);
        b.Property(s => s.CertificateNumber).HasMaxLength(50);
        b.HasIndex(s => s.HomeId);
        b.HasOne<ElderlyHome>().WithMany().HasForeignKey(s => s.HomeId).OnDelete(DeleteBehavior.Cascade);
    }
}

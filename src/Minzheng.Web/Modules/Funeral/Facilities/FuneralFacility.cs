using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Web.Modules.Funeral.Facilities;

public enum FacilityKind
{
    FuneralHome = 1,
    ServiceStation = 2,
    CommercialCemetery = 3,
    UrbanPublicCemetery = 4,
    RuralPublicCemetery = 5,
    Columbarium = 6,
}

/// <summary>
/// A 殡葬设施 (殡仪馆, 殡仪服务站, 公墓, 骨灰堂): a registry organisation with its funeral profile — the approval the
/// 条例 第八条 requires (authority, document, date), 公益性 or 经营性, capacity, land and the eco-burial share. Scoped by its county.
/// </summary>
public sealed class FuneralFacility : IDivisionScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }

    /// <summary>The county (12-digit code) that approved and supervises it.</summary>
    public required string DivisionCode { get; set; }

    public required string Name { get; set; }
    public FacilityKind Kind { get; set; }

    /// <summary>公益性 (not for profit: 城市公益性公墓, 农村公益性墓地, 殡仪馆) or 经营性.</summary>
    public bool PublicWelfare { get; set; }

    public required string ApprovalAuthority { get; set; }
    public required string ApprovalDocument { get; set; }
    public DateOnly ApprovedOn { get; set; }

    /// <summary>Plots (cemeteries), niches (骨灰堂) or cold-storage places (殡仪馆).</summary>
    public int Capacity { get; set; }

    public decimal LandArea { get; set; }

    /// <summary>Share of the land for 节地生态安葬, percent.</summary>
    public decimal EcoShare { get; set; }

    public int Version { get; set; }

    public static bool IsCemetery(FacilityKind k) => k is FacilityKind.CommercialCemetery or FacilityKind.UrbanPublicCemetery or FacilityKind.RuralPublicCemetery or FacilityKind.Columbarium;

    public static string KindName(FacilityKind k) => k switch
    {
        FacilityKind.FuneralHome => "殡仪馆",
        FacilityKind.ServiceStation => "殡仪服务站",
        FacilityKind.CommercialCemetery => "经营性公墓",
        FacilityKind.UrbanPublicCemetery => "城市公益性公墓",
        FacilityKind.RuralPublicCemetery => "农村公益性墓地",
        FacilityKind.Columbarium => "骨灰堂",
        _ => k.ToString(),
    };
}

internal sealed class FuneralFacilityConfiguration : IEntityTypeConfiguration<FuneralFacility>
{
    public void Configure(EntityTypeBuilder<FuneralFacility> b)
    {
        b.ToTable("funeral_facility");
        b.HasKey(f => f.Id);
        b.Property(f => f.DivisionCode).HasMaxLength(12);
        b.Property(f => f.Name).HasMaxLength(100);
        b.Property(f => f.ApprovalAuthority).HasMaxLength(100);
        b.Property(f => f.ApprovalDocument).HasMaxLength(100);
        b.Property(f => f.LandArea).HasPrecision(12, 2);
        b.Property(f => f.EcoShare).HasPrecision(5, 2);
        b.HasOne<Organization>().WithMany().HasForeignKey(f => f.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(f => f.OrganizationId).IsUnique();
    }
}

public enum PlotKind
{
    Ashes = 1,
    SingleBody = 2,
    DoubleBody = 3,
}

public enum PlotStatus
{
    Available = 1,
    Reserved = 2,
    Sold = 3,
    Used = 4,
}

/// <summary>
/// A 墓穴 (or niche) in a cemetery: where it is, its size, kind, term and price, and to whom it was sold for whom. A sale
/// needs the deceased's death, cremation or reburial certificate (2018 殡葬领域突出问题专项整治 第4项: no sale to the living).
/// </summary>
public sealed class BurialPlot : IDivisionScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid FacilityId { get; set; }
    public required string DivisionCode { get; set; }
    public required string Section { get; set; }
    public required string RowNo { get; set; }
    public required string Number { get; set; }
    public decimal Area { get; set; }
    public PlotKind Kind { get; set; }
    public int TermYears { get; set; }
    public Platform.Money.Money Price { get; set; }
    public PlotStatus Status { get; set; } = PlotStatus.Available;
    public Guid? HolderPersonId { get; set; }
    public Guid? DeceasedPersonId { get; set; }

    /// <summary>death / cremation / reburial: the certificate checked at the sale.</summary>
    public string? CertificateKind { get; set; }

    public string? CertificateNumber { get; set; }
    public DateOnly? SoldOn { get; set; }
    public string? SoldBy { get; set; }
    public int Version { get; set; }

    public string Location => $"{Section}区{RowNo}排{Number}号";
}

internal sealed class BurialPlotConfiguration : IEntityTypeConfiguration<BurialPlot>
{
    public void Configure(EntityTypeBuilder<BurialPlot> b)
    {
        b.ToTable("funeral_plot");
        b.HasKey(p => p.Id);
        b.Property(p => p.DivisionCode).HasMaxLength(12);
        b.Property(p => p.Section).HasMaxLength(20);
        b.Property(p => p.RowNo).HasMaxLength(20);
        b.Property(p => p.Number).HasMaxLength(20);
        b.Property(p => p.Area).HasPrecision(8, 2);
        b.Property(p => p.CertificateKind).HasMaxLength(20);
        b.Property(p => p.CertificateNumber).HasMaxLength(40);
        b.Property(p => p.SoldBy).HasMaxLength(100);
        b.Ignore(p => p.Location);
        b.HasOne<FuneralFacility>().WithMany().HasForeignKey(p => p.FacilityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.FacilityId, p.Section, p.RowNo, p.Number }).IsUnique();
        b.HasIndex(p => p.DeceasedPersonId);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Web.Modules.Disability.Fukang;

/// <summary>
/// One item of a county's 福康工程 catalogue for a year: the device (its code is the device type the replacement rule compares
/// across years), the unit price and replacement period in force for that year, and the supplier (a kernel organisation
/// registered inside the county, which the settlement pays). Scoped by the county.
/// </summary>
public sealed class FukangDevice : IDivisionScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The county (6 significant digits, padded) whose catalogue this is.</summary>
    public required string DivisionCode { get; set; }
    public int Year { get; set; }

    /// <summary>The device type (e.g. wheelchair): the same code in another year is the same type for the replacement rule.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public Money UnitPrice { get; set; }
    public int ReplacementMonths { get; set; }
    public Guid SupplierOrganizationId { get; set; }
    public required string SupplierName { get; set; }

    /// <summary>The catalogue's document (采购文件号 or the county's 福康工程 plan).</summary>
    public required string Document { get; set; }
    public bool IsDemo { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A county's 福康工程 budget for a year; approvals may not exceed what remains of it.</summary>
public sealed class FukangBudget : IDivisionScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string DivisionCode { get; set; }
    public int Year { get; set; }
    public Money Amount { get; set; }
    public required string Document { get; set; }
    public bool IsDemo { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public enum FukangStatus
{
    /// <summary>Assessed by the township: awaiting the county's approval.</summary>
    Assessed = 1,
    Approved = 2,
    Fitted = 3,
    Confirmed = 4,
    FollowedUp = 5,
    Refused = 9,
}

public enum FukangSigner
{
    Self = 1,
    Guardian = 2,
}

/// <summary>
/// One person's 福康工程 application for one device, from the township's needs assessment through the county's approval, the
/// supplier's fitting, the person's confirmation (which settles the supplier through payments) and the follow-up visit.
/// The device's price, period and supplier are copied from the catalogue item at assessment (the catalogue may change later).
/// </summary>
public sealed class FukangApplication : IDivisionScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Number { get; set; }
    public Guid PersonId { get; set; }
    public Guid? HouseholdId { get; set; }

    /// <summary>The person's division (the township clerk's scope finds it).</summary>
    public required string DivisionCode { get; set; }

    /// <summary>The county whose catalogue and budget the application draws on.</summary>
    public required string CountyCode { get; set; }
    public Guid DeviceId { get; set; }
    public required string DeviceCode { get; set; }
    public required string DeviceName { get; set; }
    public int CatalogueYear { get; set; }
    public Money UnitPrice { get; set; }
    public int ReplacementMonths { get; set; }
    public Guid SupplierOrganizationId { get; set; }
    public required string SupplierName { get; set; }
    public required string CatalogueDocument { get; set; }

    /// <summary>The eligible groups found at assessment, e.g. "低保对象家庭、建档立卡贫困户".</summary>
    public required string EligibleGroups { get; set; }
    public FukangStatus Status { get; set; } = FukangStatus.Assessed;
    public DateOnly AssessedOn { get; set; }
    public required string AssessmentNote { get; set; }
    public DateOnly? ApprovedOn { get; set; }
    public string? RefusalReason { get; set; }
    public DateOnly? FittedOn { get; set; }
    public string? FittingNote { get; set; }
    public DateOnly? ConfirmedOn { get; set; }
    public FukangSigner? SignedBy { get; set; }
    public string? SignerName { get; set; }
    public DateOnly? VisitedOn { get; set; }
    public bool? InUse { get; set; }
    public string? FollowUpNote { get; set; }

    /// <summary>The month the supplier's settlement was published to payments (on confirmation), or null.</summary>
    public DateOnly? SettledMonth { get; set; }
    public required string CreatedBy { get; set; }
    public bool IsDemo { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class FukangConfiguration :
    IEntityTypeConfiguration<FukangDevice>, IEntityTypeConfiguration<FukangBudget>, IEntityTypeConfiguration<FukangApplication>
{
    public void Configure(EntityTypeBuilder<FukangDevice> b)
    {
        b.ToTable("disability_fukang_device");
        b.HasKey(x => x.Id);
        b.Property(x => x.DivisionCode).HasMaxLength(12);
        b.Property(x => x.Code).HasMaxLength(40);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.SupplierName).HasMaxLength(200);
        b.Property(x => x.Document).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.SupplierOrganizationId).OnDelete(DeleteBehavior.Restrict);
        // one item per device type in a county's catalogue of a year
        b.HasIndex(x => new { x.DivisionCode, x.Year, x.Code }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<FukangBudget> b)
    {
        b.ToTable("disability_fukang_budget");
        b.HasKey(x => x.Id);
        b.Property(x => x.DivisionCode).HasMaxLength(12);
        b.Property(x => x.Document).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.DivisionCode, x.Year }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<FukangApplication> b)
    {
        b.ToTable("disability_fukang_application");
        b.HasKey(x => x.Id);
        b.Property(x => x.Number).HasMaxLength(40);
        b.HasIndex(x => x.Number).IsUnique();
        b.Property(x => x.DivisionCode).HasMaxLength(12);
        b.Property(x => x.CountyCode).HasMaxLength(12);
        b.Property(x => x.DeviceCode).HasMaxLength(40);
        b.Property(x => x.DeviceName).HasMaxLength(100);
        b.Property(x => x.SupplierName).HasMaxLength(200);
        b.Property(x => x.CatalogueDocument).HasMaxLength(200);
        b.Property(x => x.EligibleGroups).HasMaxLength(100);
        b.Property(x => x.Status).HasConversion<int>();
        b.Property(x => x.SignedBy).HasConversion<int?>();
        b.Property(x => x.AssessmentNote).HasMaxLength(500);
        b.Property(x => x.RefusalReason).HasMaxLength(500);
        b.Property(x => x.FittingNote).HasMaxLength(500);
        b.Property(x => x.SignerName).HasMaxLength(50);
        b.Property(x => x.FollowUpNote).HasMaxLength(500);
        b.Property(x => x.CreatedBy).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<FukangDevice>().WithMany().HasForeignKey(x => x.DeviceId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.PersonId, x.DeviceCode });
        b.HasIndex(x => new { x.CountyCode, x.CatalogueYear, x.Status });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Money;

namespace Minzheng.Web.Modules.ElderlyCare.HomeCare;

/// <summary>
/// A purchase contract (财政部令第102号 政府购买服务): the purchaser (a county-level civil-affairs bureau, <see cref="DivisionCode"/>)
/// buys home care from a provider (a kernel organisation, <see cref="OrganizationId"/>) for a year within a budget. The
/// provider's own accounts see their contracts (organisation scope); the purchaser's division sees them by division.
/// </summary>
public sealed class HomeCareContract : IDivisionScoped, IOrganizationScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Number { get; set; }

    /// <summary>The provider (a registry organisation).</summary>
    public Guid? OrganizationId { get; set; }
    public required string ProviderName { get; set; }

    /// <summary>The purchaser's division (a county or city district), which also is the payroll's division.</summary>
    public required string DivisionCode { get; set; }
    public int Year { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly ValidTo { get; set; }
    public Money Budget { get; set; }
    public required string Document { get; set; }
    public bool IsDemo { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public enum HomeCareOrderStatus
{
    Active = 1,
    Ended = 2,
}

/// <summary>
/// An eligible elder's service order: who receives (a registry person, named here because provider accounts cannot read the
/// registry), which provider serves under which contract, which services, how many hours a month, and the confirmation code
/// the elder gives the caregiver at check-out (printed on the elder's service card by the township).
/// </summary>
public sealed class HomeCareOrder : IDivisionScoped, IOrganizationScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Number { get; set; }
    public Guid ContractId { get; set; }
    public Guid? OrganizationId { get; set; }
    public Guid PersonId { get; set; }
    public required string ElderName { get; set; }
    public required string Address { get; set; }

    /// <summary>The elder's division (the township that ordered sees it).</summary>
    public required string DivisionCode { get; set; }

    /// <summary>Service codes (<see cref="HomeCareFigures.Services"/>), comma-separated.</summary>
    public required string Services { get; set; }
    public int MonthlyHours { get; set; }

    /// <summary>Which configured criteria the elder met when ordered, with the figures' basis (JSON list of text).</summary>
    public required string Eligibility { get; set; }
    public DateOnly FromDate { get; set; }
    public DateOnly? ToDate { get; set; }
    public HomeCareOrderStatus Status { get; set; } = HomeCareOrderStatus.Active;
    public required string ConfirmationCode { get; set; }
    public string CreatedBy { get; set; } = "";
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public IReadOnlyList<string> ServiceList => Services.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

public enum HomeCareAuditResult
{
    Passed = 1,
    Failed = 2,
}

/// <summary>
/// One service visit with the six data elements of electronic visit verification (service type, individual receiving,
/// individual providing, date, location, time in and out) and the recipient's confirmation. Payable only when complete
/// (<see cref="Rules.HomeCareRules.MissingElements"/>).
/// </summary>
public sealed class HomeCareVisit : IDivisionScoped, IOrganizationScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrderId { get; set; }
    public Guid ContractId { get; set; }
    public Guid? OrganizationId { get; set; }
    public required string DivisionCode { get; set; }
    public Guid PersonId { get; set; }
    public required string ElderName { get; set; }
    public required string ServiceCode { get; set; }
    public Guid? CaregiverUserId { get; set; }
    public required string CaregiverName { get; set; }
    public DateOnly ServiceDate { get; set; }
    public DateTime CheckInAt { get; set; }
    public decimal? CheckInLatitude { get; set; }
    public decimal? CheckInLongitude { get; set; }
    public string? CheckInAddress { get; set; }
    public DateTime? CheckOutAt { get; set; }
    public decimal? CheckOutLatitude { get; set; }
    public decimal? CheckOutLongitude { get; set; }
    public string? CheckOutAddress { get; set; }

    /// <summary>How the elder confirmed the service ("code": the card's code was given), null until confirmed.</summary>
    public string? ConfirmedBy { get; set; }
    public int Minutes { get; set; }
    public string? Note { get; set; }
    public Guid? SettlementId { get; set; }
    public Guid? AuditId { get; set; }
    public HomeCareAuditResult? AuditResult { get; set; }
    public string? AuditNote { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A provider's monthly settlement under one contract, published to payments as a one-off organisation entitlement.</summary>
public sealed class HomeCareSettlement : IDivisionScoped, IOrganizationScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Number { get; set; }
    public Guid ContractId { get; set; }
    public Guid? OrganizationId { get; set; }
    public required string DivisionCode { get; set; }

    /// <summary>The month served (1st of the month); paid in the payroll of <see cref="PayMonth"/>.</summary>
    public DateOnly Month { get; set; }
    public DateOnly PayMonth { get; set; }
    public int VisitCount { get; set; }
    public int ElderCount { get; set; }
    public int Minutes { get; set; }
    public int ExcludedCount { get; set; }
    public Money Amount { get; set; }

    /// <summary>The explanation lines (JSON <c>AmountLine</c>s), as the payroll line shows them.</summary>
    public required string Explanation { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// A sampling audit of one contract's month: the population (every completed record, by key order), the seed and the rate are
/// stored, so anyone can replay the draw (<see cref="Rules.HomeCareRules.Sample"/>) and get the same records. Purchaser only.
/// </summary>
public sealed class HomeCareAudit : IDivisionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ContractId { get; set; }
    public required string DivisionCode { get; set; }
    public DateOnly Month { get; set; }
    public int Seed { get; set; }
    public decimal RatePercent { get; set; }
    public int PopulationCount { get; set; }

    /// <summary>JSON arrays of visit ids: the population drawn from and the sample.</summary>
    public required string Population { get; set; }
    public required string Sample { get; set; }
    public required string DrawnBy { get; set; }
    public DateTime DrawnAt { get; set; }
}

internal sealed class HomeCareConfiguration :
    IEntityTypeConfiguration<HomeCareContract>, IEntityTypeConfiguration<HomeCareOrder>, IEntityTypeConfiguration<HomeCareVisit>,
    IEntityTypeConfiguration<HomeCareSettlement>, IEntityTypeConfiguration<HomeCareAudit>
{
    public void Configure(EntityTypeBuilder<HomeCareContract> b)
    {
        b.ToTable("elderly_homecare_contract");
        b.HasKey(x => x.Id);
        b.Property(x => x.Number).HasMaxLength(40);
        b.HasIndex(x => x.Number).IsUnique();
        b.Property(x => x.ProviderName).HasMaxLength(200);
        b.Property(x => x.DivisionCode).HasMaxLength(12);
        b.Property(x => x.Document).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.OrganizationId, x.Year });
    }

    public void Configure(EntityTypeBuilder<HomeCareOrder> b)
    {
        b.ToTable("elderly_homecare_order");
        b.HasKey(x => x.Id);
        b.Property(x => x.Number).HasMaxLength(40);
        b.HasIndex(x => x.Number).IsUnique();
        b.Property(x => x.ElderName).HasMaxLength(100);
        b.Property(x => x.Address).HasMaxLength(200);
        b.Property(x => x.DivisionCode).HasMaxLength(12);
        b.Property(x => x.Services).HasMaxLength(200);
        b.Property(x => x.Eligibility).HasMaxLength(2000);
        b.Property(x => x.ConfirmationCode).HasMaxLength(12);
        b.Property(x => x.CreatedBy).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<HomeCareContract>().WithMany().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.PersonId, x.Status });
        b.HasIndex(x => new { x.OrganizationId, x.Status });
        b.HasIndex(x => x.DivisionCode);
    }

    public void Configure(EntityTypeBuilder<HomeCareVisit> b)
    {
        b.ToTable("elderly_homecare_visit");
        b.HasKey(x => x.Id);
        b.Property(x => x.DivisionCode).HasMaxLength(12);
        b.Property(x => x.ElderName).HasMaxLength(100);
        b.Property(x => x.ServiceCode).HasMaxLength(20);
        b.Property(x => x.CaregiverName).HasMaxLength(100);
        b.Property(x => x.CheckInLatitude).HasPrecision(9, 6);
        b.Property(x => x.CheckInLongitude).HasPrecision(9, 6);
        b.Property(x => x.CheckOutLatitude).HasPrecision(9, 6);
        b.Property(x => x.CheckOutLongitude).HasPrecision(9, 6);
        b.Property(x => x.CheckInAddress).HasMaxLength(200);
        b.Property(x => x.CheckOutAddress).HasMaxLength(200);
        b.Property(x => x.ConfirmedBy).HasMaxLength(20);
        b.Property(x => x.Note).HasMaxLength(500);
        b.Property(x => x.AuditNote).HasMaxLength(500);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<HomeCareOrder>().WithMany().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ContractId, x.ServiceDate });
        b.HasIndex(x => new { x.OrderId, x.CheckOutAt });
        b.HasIndex(x => x.SettlementId);
    }

    public void Configure(EntityTypeBuilder<HomeCareSettlement> b)
    {
        b.ToTable("elderly_homecare_settlement");
        b.HasKey(x => x.Id);
        b.Property(x => x.Number).HasMaxLength(40);
        b.HasIndex(x => x.Number).IsUnique();
        b.Property(x => x.DivisionCode).HasMaxLength(12);
        b.Property(x => x.CreatedBy).HasMaxLength(100);
        // one settlement per contract and month: a second, concurrent one fails on the index (409 duplicate)
        b.HasIndex(x => new { x.ContractId, x.Month }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<HomeCareAudit> b)
    {
        b.ToTable("elderly_homecare_audit");
        b.HasKey(x => x.Id);
        b.Property(x => x.DivisionCode).HasMaxLength(12);
        b.Property(x => x.RatePercent).HasPrecision(7, 3);
        b.Property(x => x.DrawnBy).HasMaxLength(100);
        b.HasIndex(x => new { x.ContractId, x.Month });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Modules.Marriage.Registry;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.Marriage.Divorce;

public enum DivorceStatus
{
    /// <summary>不予受理 (婚姻登记条例 第十二条), with the written grounds on a printable 告知书.</summary>
    NotAccepted = 1,
    /// <summary>受理: in the cooling-off or the appearance period.</summary>
    Accepted = 2,
    /// <summary>撤回: one party withdrew within the cooling-off.</summary>
    Withdrawn = 3,
    /// <summary>视为撤回: neither registration nor withdrawal by the end of the appearance period (民法典 第一千零七十七条第二款).</summary>
    DeemedWithdrawn = 4,
    /// <summary>准予离婚登记: the divorce is registered and the 离婚证 issued.</summary>
    Registered = 5,
}

/// <summary>
/// A divorce by agreement (协议离婚) received by a registry office: both parties are registry persons, the marriage they
/// dissolve is a registration on the platform or — registered elsewhere or before the platform — its certificate number and
/// date as text. The dates of the cooling-off are fixed on the day of receipt by the law of that day and kept on the
/// application, so a later change of the figures never moves a running application. Scoped by the office's county.
/// </summary>
public sealed class DivorceApplication : IDivisionScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>受理编号: LS{office}-{year}-{6 digits}.</summary>
    public required string Number { get; set; }

    public DivorceStatus Status { get; set; }
    public Guid OfficeId { get; set; }
    public required string DivisionCode { get; set; }
    public Guid MalePersonId { get; set; }
    public Guid FemalePersonId { get; set; }

    /// <summary>The marriage registered on the platform that the divorce dissolves, when there is one.</summary>
    public Guid? MarriageId { get; set; }

    /// <summary>The marriage certificate's number as the parties show it (always kept; the only record when <see cref="MarriageId"/> is null).</summary>
    public required string MarriageCertificateNumber { get; set; }

    public DateOnly MarriedOn { get; set; }

    /// <summary>离婚协议书: 子女抚养, 财产处理, 债务处理 (民法典 第一千零七十六条第二款).</summary>
    public string ChildrenArrangement { get; set; } = "";
    public string PropertyArrangement { get; set; } = "";
    public string DebtArrangement { get; set; } = "";

    public DateOnly ReceivedOn { get; set; }
    public DateOnly WithdrawUntil { get; set; }
    public DateOnly AppearFrom { get; set; }
    public DateOnly AppearUntil { get; set; }
    public int CoolingOffDays { get; set; }

    /// <summary>不予受理的理由 (each ground a line), printed on the 告知书.</summary>
    public string? RefusalGrounds { get; set; }

    /// <summary>The party who withdrew (撤回离婚登记申请书), the day and the statement.</summary>
    public Guid? WithdrawnByPersonId { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public string? WithdrawalStatement { get; set; }

    /// <summary>The divorce registration made on the second appearance.</summary>
    public Guid? RegistrationId { get; set; }

    public Guid? WorkflowCaseId { get; set; }
    public required string ReceivedBy { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class DivorceApplicationConfiguration : IEntityTypeConfiguration<DivorceApplication>
{
    public void Configure(EntityTypeBuilder<DivorceApplication> b)
    {
        b.ToTable("marriage_divorce_application");
        b.HasKey(a => a.Id);
        b.Property(a => a.Number).HasMaxLength(30);
        b.Property(a => a.DivisionCode).HasMaxLength(12);
        b.Property(a => a.MarriageCertificateNumber).HasMaxLength(40);
        b.Property(a => a.ChildrenArrangement).HasMaxLength(2000);
        b.Property(a => a.PropertyArrangement).HasMaxLength(2000);
        b.Property(a => a.DebtArrangement).HasMaxLength(2000);
        b.Property(a => a.RefusalGrounds).HasMaxLength(1000);
        b.Property(a => a.WithdrawalStatement).HasMaxLength(500);
        b.Property(a => a.ReceivedBy).HasMaxLength(100);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasOne<MarriageOffice>().WithMany().HasForeignKey(a => a.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(a => a.MalePersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(a => a.FemalePersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<MarriageRegistration>().WithMany().HasForeignKey(a => a.MarriageId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => a.Number).IsUnique();
        b.HasIndex(a => new { a.DivisionCode, a.Status });
        // the daily job reads the accepted ones whose appearance period has passed
        b.HasIndex(a => new { a.Status, a.AppearUntil });
        b.HasIndex(a => a.MalePersonId);
        b.HasIndex(a => a.FemalePersonId);
    }
}

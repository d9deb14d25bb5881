using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Modules.Rescue.Stays;

/// <summary>What the station gives during a stay (实施细则 第八条; 工作规程 民发〔2014〕132号).</summary>
public enum ServiceKind
{
    /// <summary>提供食物.</summary>
    Food = 1,
    /// <summary>提供住处.</summary>
    Lodging = 2,
    /// <summary>在站内突发急病的，及时送医院救治 (medical referral).</summary>
    Medical = 3,
    /// <summary>衣物.</summary>
    Clothing = 4,
    /// <summary>确需的少量现金（乘车等），不超过当日的上限，由受助人员签字.</summary>
    Cash = 5,
}

/// <summary>One service given during a stay, with its day; cash with the amount and whether the person signed for it.</summary>
public sealed class RescueService : IDivisionScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StayId { get; set; }

    /// <summary>The stay's county.</summary>
    public required string DivisionCode { get; set; }

    public ServiceKind Kind { get; set; }
    public DateOnly On { get; set; }
    public Platform.Money.Money? Cash { get; set; }
    public bool ReceiptSigned { get; set; }
    public string Note { get; set; } = "";
    public required string RecordedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>How a person went home (返乡): by ticket, escorted by staff, or collected by family.</summary>
public enum ReturnMode
{
    /// <summary>购票返乡.</summary>
    Ticket = 1,
    /// <summary>护送返乡 (staff escort).</summary>
    Escort = 2,
    /// <summary>亲属接领.</summary>
    Family = 3,
}

/// <summary>
/// The return home of one stay with what the 交接单 prints: the ticket (mode, from, to, fare), the escorting staff, or who
/// collected the person (name, relation, masked ID number: the full number is not kept, the hand-over only needs it shown).
/// </summary>
public sealed class RescueReturn : IDivisionScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StayId { get; set; }
    public required string DivisionCode { get; set; }
    public ReturnMode Mode { get; set; }
    public string TicketMode { get; set; } = "";
    public string From { get; set; } = "";
    public string To { get; set; } = "";
    public Platform.Money.Money? Fare { get; set; }
    public string Escorts { get; set; } = "";
    public string CollectorName { get; set; } = "";
    public string CollectorRelation { get; set; } = "";
    public string CollectorIdMasked { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class RescueServiceConfiguration : IEntityTypeConfiguration<RescueService>
{
    public void Configure(EntityTypeBuilder<RescueService> b)
    {
        b.ToTable("rescue_service");
        b.HasKey(s => s.Id);
        b.Property(s => s.DivisionCode).HasMaxLength(12);
        b.Property(s => s.Note).HasMaxLength(500);
        b.Property(s => s.RecordedBy).HasMaxLength(100);
        b.HasOne<RescueStay>().WithMany().HasForeignKey(s => s.StayId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => s.StayId);
    }
}

internal sealed class RescueReturnConfiguration : IEntityTypeConfiguration<RescueReturn>
{
    public void Configure(EntityTypeBuilder<RescueReturn> b)
    {
        b.ToTable("rescue_return");
        b.HasKey(s => s.Id);
        b.Property(s => s.DivisionCode).HasMaxLength(12);
        b.Property(s => s.TicketMode).HasMaxLength(20);
        b.Property(s => s.From).HasMaxLength(100);
        b.Property(s => s.To).HasMaxLength(100);
        b.Property(s => s.Escorts).HasMaxLength(200);
        b.Property(s => s.CollectorName).HasMaxLength(50);
        b.Property(s => s.CollectorRelation).HasMaxLength(20);
        b.Property(s => s.CollectorIdMasked).HasMaxLength(20);
        b.HasOne<RescueStay>().WithMany().HasForeignKey(s => s.StayId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => s.StayId).IsUnique();
    }
}

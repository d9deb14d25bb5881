using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Modules.Marriage.Registry;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Modules.Marriage.Registration;

public enum AppointmentPurpose
{
    Marriage = 1,
    Divorce = 2,
    Reissue = 3,
}

public enum AppointmentStatus
{
    Booked = 1,
    Cancelled = 2,
    /// <summary>The couple came and the registration (or refusal) was made from it.</summary>
    Attended = 3,
}

/// <summary>
/// A couple's appointment at a 婚姻登记处 on a working day. Each appointment takes a numbered slot of the day; the unique
/// (office, day, slot) index makes two clerks booking the last place at the same moment fail one of them instead of
/// overbooking the office's daily capacity. Cancelled appointments keep their slot number (the capacity counts booked ones).
/// </summary>
public sealed class MarriageAppointment : IDivisionScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OfficeId { get; set; }

    /// <summary>The office's county.</summary>
    public required string DivisionCode { get; set; }

    public DateOnly Day { get; set; }
    public int Slot { get; set; }
    public AppointmentPurpose Purpose { get; set; }
    public AppointmentStatus Status { get; set; } = AppointmentStatus.Booked;

    /// <summary>The names as the couple gave them when booking (identity is checked from the registry at the counter).</summary>
    public required string MaleName { get; set; }
    public required string FemaleName { get; set; }
    public string? Note { get; set; }
    public string? CancelReason { get; set; }

    /// <summary>The registration or refusal made from it.</summary>
    public Guid? OutcomeId { get; set; }

    public required string BookedBy { get; set; }
    public DateTime BookedAt { get; set; }
    public int Version { get; set; }
}

internal sealed class MarriageAppointmentConfiguration : IEntityTypeConfiguration<MarriageAppointment>
{
    public void Configure(EntityTypeBuilder<MarriageAppointment> b)
    {
        b.ToTable("marriage_appointment");
        b.HasKey(a => a.Id);
        b.Property(a => a.DivisionCode).HasMaxLength(12);
        b.Property(a => a.MaleName).HasMaxLength(50);
        b.Property(a => a.FemaleName).HasMaxLength(50);
        b.Property(a => a.Note).HasMaxLength(200);
        b.Property(a => a.CancelReason).HasMaxLength(200);
        b.Property(a => a.BookedBy).HasMaxLength(100);
        b.HasOne<MarriageOffice>().WithMany().HasForeignKey(a => a.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.OfficeId, a.Day, a.Slot }).IsUnique();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minzheng.Web.Platform.Calendar;

/// <summary>
/// A day that differs from the Monday–Friday rule: a public holiday (IsOffDay) or an adjusted working
/// weekend (调休, !IsOffDay). Shipped from the State Council notices, editable by an administrator.
/// </summary>
public sealed class CalendarDay
{
    public DateOnly Date { get; set; }
    public bool IsOffDay { get; set; }
    public string Name { get; set; } = "";

    /// <summary>The notice it comes from (URL or 文号), or who entered it.</summary>
    public string Source { get; set; } = "";

    public DateTime UpdatedAt { get; set; }
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> b)
    {
        b.ToTable("calendar_day");
        b.HasKey(d => d.Date);
        b.Property(d => d.Name).HasMaxLength(50);
        b.Property(d => d.Source).HasMaxLength(300);
    }
}

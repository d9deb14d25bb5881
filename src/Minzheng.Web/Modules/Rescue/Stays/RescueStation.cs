using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Web.Modules.Rescue.Stays;

/// <summary>
/// A 救助管理站 (or a county's 救助站点): a registry organisation with the county it serves, its beds by sex (rooms are
/// separated by sex, 国务院令第381号 第八条) and its 24-hour reception phone. Scoped by that county.
/// </summary>
public sealed class RescueStation : IDivisionScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }

    /// <summary>The county (12-digit code) the station serves; stays, patrols and notices take it.</summary>
    public required string DivisionCode { get; set; }

    public required string Name { get; set; }
    public string Address { get; set; } = "";
    public string Phone { get; set; } = "";
    public int BedsMale { get; set; }
    public int BedsFemale { get; set; }
    public int Version { get; set; }
}

internal sealed class RescueStationConfiguration : IEntityTypeConfiguration<RescueStation>
{
    public void Configure(EntityTypeBuilder<RescueStation> b)
    {
        b.ToTable("rescue_station");
        b.HasKey(s => s.Id);
        b.Property(s => s.DivisionCode).HasMaxLength(12);
        b.Property(s => s.Name).HasMaxLength(100);
        b.Property(s => s.Address).HasMaxLength(200);
        b.Property(s => s.Phone).HasMaxLength(30);
        b.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => s.OrganizationId).IsUnique();
    }
}

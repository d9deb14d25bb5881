using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Web.Modules.Marriage.Registry;

/// <summary>
/// A 婚姻登记处: a registry organisation of the county 民政局 (婚姻登记条例 第二条) with the county it registers for, its daily
/// appointment capacity and its seal name. Division-scoped by its county, so another county's officer gets 404.
/// </summary>
public sealed class MarriageOffice : IDivisionScoped, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }

    /// <summary>The county (or district, county-level city) whose residents' hukou it serves: a 12-digit county code.</summary>
    public required string DivisionCode { get; set; }

    public required string Name { get; set; }

    /// <summary>登记机关 as printed on certificates (e.g. 容县民政局).</summary>
    public required string Authority { get; set; }

    /// <summary>Code used in certificate numbers (e.g. 450921: J450921-2026-000001).</summary>
    public required string NumberCode { get; set; }

    public string Address { get; set; } = "";
    public string Phone { get; set; } = "";

    /// <summary>Appointments accepted per working day (each appointment is one couple).</summary>
    public int DailyCapacity { get; set; } = 40;

    public int Version { get; set; }
}

internal sealed class MarriageOfficeConfiguration : IEntityTypeConfiguration<MarriageOffice>
{
    public void Configure(EntityTypeBuilder<MarriageOffice> b)
    {
        b.ToTable("marriage_office");
        b.HasKey(o => o.Id);
        b.Property(o => o.DivisionCode).HasMaxLength(12);
        b.Property(o => o.Name).HasMaxLength(100);
        b.Property(o => o.Authority).HasMaxLength(100);
        b.Property(o => o.NumberCode).HasMaxLength(12);
        b.Property(o => o.Address).HasMaxLength(200);
        b.Property(o => o.Phone).HasMaxLength(30);
        b.HasOne<Organization>().WithMany().HasForeignKey(o => o.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(o => o.OrganizationId).IsUnique();
        b.HasIndex(o => o.NumberCode).IsUnique();
    }
}

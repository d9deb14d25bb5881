using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minzheng.Web.Platform.Registry.Organizations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.ToTable("registry_organization");
        b.HasKey(o => o.Id);
        b.Property(o => o.CreditCode).HasMaxLength(CreditCode.Length);
        b.Property(o => o.PlatformNumber).HasMaxLength(24);
        b.Property(o => o.Name).HasMaxLength(100);
        b.Property(o => o.NamePinyin).HasMaxLength(400);
        b.Property(o => o.NameInitials).HasMaxLength(100);
        b.Property(o => o.Kind).HasConversion<int>();
        b.Property(o => o.LegalRepresentativeName).HasMaxLength(50);
        b.Property(o => o.DivisionCode).HasMaxLength(12);
        b.Property(o => o.Address).HasMaxLength(200);
        b.Property(o => o.PhoneMasked).HasMaxLength(20);
        b.Property(o => o.PhoneHash).HasMaxLength(32);
        b.Property(o => o.BankName).HasMaxLength(100);
        b.Property(o => o.BankAccountHash).HasMaxLength(32);
        b.Property(o => o.BankAccountMasked).HasMaxLength(40);
        b.Property(o => o.Status).HasConversion<int>();
        b.Property(o => o.Version).IsConcurrencyToken();
        b.Ignore(o => o.DisplayNumber);
        b.HasIndex(o => o.CreditCode).IsUnique();
        b.HasIndex(o => o.PlatformNumber).IsUnique();
        b.HasIndex(o => new { o.DivisionCode, o.Name });
        b.HasIndex(o => o.Name);
        b.HasIndex(o => o.NamePinyin);
        b.HasIndex(o => o.NameInitials);
        b.HasOne<Person>().WithMany().HasForeignKey(o => o.LegalRepresentativePersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(o => o.Events).WithOne(e => e.Organization).HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrganizationEventConfiguration : IEntityTypeConfiguration<OrganizationEvent>
{
    public void Configure(EntityTypeBuilder<OrganizationEvent> b)
    {
        b.ToTable("registry_organization_event");
        b.HasKey(e => e.Id);
        b.Property(e => e.Kind).HasConversion<int>();
        b.Property(e => e.FormerName).HasMaxLength(100);
        b.Property(e => e.Note).HasMaxLength(500);
        b.Property(e => e.RecordedBy).HasMaxLength(100);
        b.HasIndex(e => new { e.OrganizationId, e.EffectiveOn });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minzheng.Web.Platform.Registry;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.ToTable("registry_person");
        b.HasKey(p => p.Id);
        b.Property(p => p.Name).HasMaxLength(50);
        b.Property(p => p.NamePinyin).HasMaxLength(200);
        b.Property(p => p.NameInitials).HasMaxLength(50);
        b.Property(p => p.IdNumberMasked).HasMaxLength(18);
        b.Property(p => p.IdNumberHash).HasMaxLength(32);
        b.Property(p => p.PlatformNumber).HasMaxLength(24);
        b.Property(p => p.Ethnicity).HasMaxLength(20);
        b.Property(p => p.DivisionCode).HasMaxLength(12);
        b.Property(p => p.Address).HasMaxLength(200);
        b.Property(p => p.PhoneMasked).HasMaxLength(20);
        b.Property(p => p.PhoneHash).HasMaxLength(32);
        b.Property(p => p.DisabilityCertificateMasked).HasMaxLength(24);
        b.Property(p => p.BankName).HasMaxLength(100);
        b.Property(p => p.BankAccountHash).HasMaxLength(32);
        b.Property(p => p.BankAccountMasked).HasMaxLength(40);
        b.Property(p => p.Sex).HasConversion<int>();
        b.Property(p => p.HukouType).HasConversion<int>();
        b.Property(p => p.LifeStatus).HasConversion<int>();
        b.Property(p => p.MaritalStatus).HasConversion<int>();
        b.Property(p => p.DisabilityCategory).HasConversion<int?>();
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Ignore(p => p.HasIdNumber);
        b.Ignore(p => p.DisplayNumber);
        b.HasIndex(p => p.IdNumberHash).IsUnique();
        b.HasIndex(p => p.PlatformNumber).IsUnique();
        b.HasIndex(p => p.PhoneHash);
        b.HasIndex(p => p.BankAccountHash);
        b.HasIndex(p => new { p.DivisionCode, p.Name });
        b.HasIndex(p => p.Name);
        b.HasIndex(p => p.NamePinyin);
        b.HasIndex(p => p.NameInitials);
        // Data comparison reads every person of a county or the city with these columns only (matching a dataset by the hash,
        // routing by the division, testing life status, disability and age): a covering index lets it read the index alone
        // (about a sixth of the table) instead of the wide rows. Key columns, not INCLUDE, so that SQLite covers too.
        b.HasIndex(p => new { p.DivisionCode, p.LifeStatus, p.Id, p.IdNumberHash, p.BirthDate, p.DisabilityGrade, p.DisabilityCategory }, "ix_registry_person_comparison");
        // the subsidy rules start from disabled people (about 6 %): a partial index of them alone
        b.HasIndex(p => new { p.DivisionCode, p.DisabilityGrade, p.DisabilityCategory, p.LifeStatus, p.Id }, "ix_registry_person_disabled").HasFilter("disability_grade IS NOT NULL");
    }
}

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> b)
    {
        b.ToTable("registry_household");
        b.HasKey(h => h.Id);
        b.Property(h => h.Number).HasMaxLength(16);
        b.Property(h => h.DivisionCode).HasMaxLength(12);
        b.Property(h => h.Address).HasMaxLength(200);
        b.Property(h => h.Version).IsConcurrencyToken();
        b.HasIndex(h => h.Number).IsUnique();
        b.HasIndex(h => h.DivisionCode);
        b.HasOne(h => h.HeadPerson).WithMany().HasForeignKey(h => h.HeadPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(h => h.Members).WithOne(m => m.Household).HasForeignKey(m => m.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(h => h.CurrentMembers);
    }
}

internal sealed class HouseholdMemberConfiguration : IEntityTypeConfiguration<HouseholdMember>
{
    public void Configure(EntityTypeBuilder<HouseholdMember> b)
    {
        b.ToTable("registry_household_member");
        b.HasKey(m => m.Id);
        b.Property(m => m.Relation).HasConversion<int>();
        b.Property(m => m.LeftReason).HasMaxLength(200);
        b.HasOne(m => m.Person).WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
        // A person belongs to at most one household at a time: enforced by the database, not only by code.
        b.HasIndex(m => m.PersonId).IsUnique().HasFilter("left_on IS NULL").HasDatabaseName("ux_registry_household_member_current");
        b.HasIndex(m => new { m.HouseholdId, m.LeftOn });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Modules.Marriage.Registry;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.Marriage.Registration;

/// <summary>
/// 不予办理结婚登记 (婚姻登记条例 第六条; 婚姻登记工作规范 第四十八条: 向当事人出具书面告知书并说明理由): the refusal with every
/// ground the check found plus the clerk's written grounds, numbered, printable as the 告知书. Scoped by the office's county.
/// </summary>
public sealed class MarriageRefusal : IDivisionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Number { get; set; }
    public Guid OfficeId { get; set; }
    public required string DivisionCode { get; set; }
    public DateOnly RefusedOn { get; set; }
    public Guid MalePersonId { get; set; }
    public Guid FemalePersonId { get; set; }

    /// <summary>The findings as JSON: [{ground, field, text}] (the rule's refusal grounds on the day).</summary>
    public required string Findings { get; set; }

    /// <summary>The clerk's written grounds beyond the rule's findings (e.g. a party not acting voluntarily).</summary>
    public string? Grounds { get; set; }

    public required string RefusedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class MarriageRefusalConfiguration : IEntityTypeConfiguration<MarriageRefusal>
{
    public void Configure(EntityTypeBuilder<MarriageRefusal> b)
    {
        b.ToTable("marriage_refusal");
        b.HasKey(r => r.Id);
        b.Property(r => r.Number).HasMaxLength(30);
        b.Property(r => r.DivisionCode).HasMaxLength(12);
        b.Property(r => r.Findings).HasMaxLength(4000);
        b.Property(r => r.Grounds).HasMaxLength(1000);
        b.Property(r => r.RefusedBy).HasMaxLength(100);
        b.HasOne<MarriageOffice>().WithMany().HasForeignKey(r => r.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(r => r.MalePersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(r => r.FemalePersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => r.Number).IsUnique();
        b.HasIndex(r => new { r.DivisionCode, r.RefusedOn });
    }
}

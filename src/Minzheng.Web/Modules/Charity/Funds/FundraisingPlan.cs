using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Web.Modules.Charity.Funds;

public enum FundraisingChannel
{
    /// <summary>现场募捐 (设置募捐箱、义演义卖等).</summary>
    OnSite = 1,

    /// <summary>互联网募捐: only on a platform designated by 民政部.</summary>
    Online = 2,
}

/// <summary>
/// 募捐方案备案 (慈善法 第二十四条): a charity with the 公开募捐资格 files the plan — purpose, period, channel, target — with its
/// registering 民政 before it starts. The plan is also the project its donations and spending are booked to; the totals are kept
/// on the plan so that every entry changes its version (two concurrent entries cannot both pass the balance check).
/// </summary>
public sealed class FundraisingPlan : IVersioned, IDivisionScoped, IOrganizationScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Number { get; set; }
    public Guid? OrganizationId { get; set; }

    /// <summary>The charity's registration division: its registering 民政 oversees the plan.</summary>
    public required string DivisionCode { get; set; }
    public required string Title { get; set; }
    public required string Purpose { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public FundraisingChannel Channel { get; set; }

    /// <summary>The designated platform's code (a category of <see cref="CharityFigures.DesignatedPlatform"/>) when online.</summary>
    public string? Platform { get; set; }
    public string? Place { get; set; }
    public Money Target { get; set; }
    public DateOnly FiledOn { get; set; }
    public required string FiledBy { get; set; }

    public Money Raised { get; set; }
    public Money Spent { get; set; }

    /// <summary>The last periodic disclosure and the full disclosure after the end (慈善法 2016 第七十三条).</summary>
    public DateOnly? LastDisclosedOn { get; set; }
    public DateOnly? FinalDisclosedOn { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>捐赠收入: one gift booked to a plan; the donor's name is optional (anonymous gifts are published as 匿名).</summary>
public sealed class CharityDonation : IDivisionScoped, IOrganizationScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PlanId { get; set; }
    public Guid? OrganizationId { get; set; }
    public required string DivisionCode { get; set; }
    public string? DonorName { get; set; }
    public Money Amount { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>项目支出: money spent from a plan's funds on its purpose.</summary>
public sealed class CharitySpending : IDivisionScoped, IOrganizationScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PlanId { get; set; }
    public Guid? OrganizationId { get; set; }
    public required string DivisionCode { get; set; }
    public required string Purpose { get; set; }
    public Money Amount { get; set; }
    public DateOnly SpentOn { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class FundraisingPlanConfiguration : IEntityTypeConfiguration<FundraisingPlan>
{
    public void Configure(EntityTypeBuilder<FundraisingPlan> b)
    {
        b.ToTable("charity_fundraising_plan");
        b.HasKey(p => p.Id);
        b.Property(p => p.Number).HasMaxLength(30);
        b.Property(p => p.DivisionCode).HasMaxLength(12);
        b.Property(p => p.Title).HasMaxLength(100);
        b.Property(p => p.Purpose).HasMaxLength(1000);
        b.Property(p => p.Channel).HasConversion<int>();
        b.Property(p => p.Platform).HasMaxLength(40);
        b.Property(p => p.Place).HasMaxLength(200);
        b.Property(p => p.FiledBy).HasMaxLength(100);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => p.Number).IsUnique();
        b.HasIndex(p => new { p.OrganizationId, p.StartsOn });
        b.HasIndex(p => new { p.DivisionCode, p.StartsOn });
        b.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CharityDonationConfiguration : IEntityTypeConfiguration<CharityDonation>
{
    public void Configure(EntityTypeBuilder<CharityDonation> b)
    {
        b.ToTable("charity_donation");
        b.HasKey(d => d.Id);
        b.Property(d => d.DivisionCode).HasMaxLength(12);
        b.Property(d => d.DonorName).HasMaxLength(100);
        b.Property(d => d.RecordedBy).HasMaxLength(100);
        b.HasIndex(d => new { d.PlanId, d.ReceivedOn });
        b.HasIndex(d => new { d.DivisionCode, d.ReceivedOn });
        b.HasOne<FundraisingPlan>().WithMany().HasForeignKey(d => d.PlanId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CharitySpendingConfiguration : IEntityTypeConfiguration<CharitySpending>
{
    public void Configure(EntityTypeBuilder<CharitySpending> b)
    {
        b.ToTable("charity_spending");
        b.HasKey(s => s.Id);
        b.Property(s => s.DivisionCode).HasMaxLength(12);
        b.Property(s => s.Purpose).HasMaxLength(500);
        b.Property(s => s.RecordedBy).HasMaxLength(100);
        b.HasIndex(s => new { s.PlanId, s.SpentOn });
        b.HasIndex(s => new { s.DivisionCode, s.SpentOn });
        b.HasOne<FundraisingPlan>().WithMany().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Restrict);
    }
}

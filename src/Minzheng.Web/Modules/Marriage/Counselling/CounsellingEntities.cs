using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Web.Modules.Marriage.Counselling;

/// <summary>
/// A purchase of marriage and family counselling (婚姻家庭辅导, the plan's 20万元; 财政部令第102号 政府购买服务): the purchaser's
/// division (a county, or the city) buys sessions from a provider (a kernel organisation) for a period, within a budget, at a
/// unit price per session. Scoped by the purchaser's division.
/// </summary>
public sealed class CounsellingContract : IDivisionScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Number { get; set; }
    public Guid OrganizationId { get; set; }
    public required string ProviderName { get; set; }

    /// <summary>The purchaser's division, which also is where settlements are published.</summary>
    public required string DivisionCode { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly ValidTo { get; set; }
    public Money Budget { get; set; }

    /// <summary>The price of one session.</summary>
    public Money UnitPrice { get; set; }
    public required string Document { get; set; }
    public bool IsDemo { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// One counselling session, anonymised: no person, no name, no ID of the people counselled — only the date, the counsellor
/// (the provider's staff), the type, a topic category from a fixed list, the duration and how many took part.
/// </summary>
public sealed class CounsellingSession : IDivisionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ContractId { get; set; }
    public required string DivisionCode { get; set; }
    public DateOnly HeldOn { get; set; }
    public required string Counsellor { get; set; }

    /// <summary>A code of <see cref="CounsellingCodes.Types"/>.</summary>
    public required string Type { get; set; }

    /// <summary>A code of <see cref="CounsellingCodes.Topics"/>.</summary>
    public required string Topic { get; set; }
    public int Minutes { get; set; }
    public int Participants { get; set; }
    public Guid? SettlementId { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A month's settlement of one contract, published to payments as a one-off entitlement to the provider.</summary>
public sealed class CounsellingSettlement : IDivisionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Number { get; set; }
    public Guid ContractId { get; set; }
    public Guid OrganizationId { get; set; }
    public required string DivisionCode { get; set; }

    /// <summary>The month of the sessions (1st of the month); paid in the payroll of <see cref="PayMonth"/>.</summary>
    public DateOnly Month { get; set; }
    public DateOnly PayMonth { get; set; }
    public int SessionCount { get; set; }
    public Money Amount { get; set; }
    public required string Explanation { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>The fixed lists of session types and anonymised topic categories.</summary>
public static class CounsellingCodes
{
    public static readonly IReadOnlyList<Backfill.CodeEntry> Types =
    [
        new("premarital", "婚前辅导"),
        new("crisis", "婚姻危机干预"),
        new("cooling-off", "离婚冷静期辅导"),
        new("family-education", "家庭教育指导"),
        new("post-divorce", "离婚后子女抚养辅导"),
        new("other", "其他婚姻家庭辅导"),
    ];

    public static readonly IReadOnlyList<Backfill.CodeEntry> Topics =
    [
        new("communication", "夫妻沟通与情感"),
        new("finance", "家庭经济与家务分工"),
        new("children", "子女抚养与教育"),
        new("generations", "代际关系"),
        new("violence", "家庭暴力预防"),
        new("law", "婚姻家庭法律知识"),
        new("psychology", "心理调适"),
        new("other", "其他"),
    ];
}

internal sealed class CounsellingConfiguration :
    IEntityTypeConfiguration<CounsellingContract>, IEntityTypeConfiguration<CounsellingSession>, IEntityTypeConfiguration<CounsellingSettlement>
{
    public void Configure(EntityTypeBuilder<CounsellingContract> b)
    {
        b.ToTable("marriage_counselling_contract");
        b.HasKey(x => x.Id);
        b.Property(x => x.Number).HasMaxLength(40);
        b.HasIndex(x => x.Number).IsUnique();
        b.Property(x => x.ProviderName).HasMaxLength(200);
        b.Property(x => x.DivisionCode).HasMaxLength(12);
        b.Property(x => x.Document).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.DivisionCode);
    }

    public void Configure(EntityTypeBuilder<CounsellingSession> b)
    {
        b.ToTable("marriage_counselling_session");
        b.HasKey(x => x.Id);
        b.Property(x => x.DivisionCode).HasMaxLength(12);
        b.Property(x => x.Counsellor).HasMaxLength(50);
        b.Property(x => x.Type).HasMaxLength(20);
        b.Property(x => x.Topic).HasMaxLength(20);
        b.Property(x => x.CreatedBy).HasMaxLength(100);
        b.HasOne<CounsellingContract>().WithMany().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ContractId, x.HeldOn });
        b.HasIndex(x => x.SettlementId);
    }

    public void Configure(EntityTypeBuilder<CounsellingSettlement> b)
    {
        b.ToTable("marriage_counselling_settlement");
        b.HasKey(x => x.Id);
        b.Property(x => x.Number).HasMaxLength(40);
        b.HasIndex(x => x.Number).IsUnique();
        b.Property(x => x.DivisionCode).HasMaxLength(12);
        b.Property(x => x.CreatedBy).HasMaxLength(100);
        // one settlement per contract and month: a concurrent second one fails on the index
        b.HasIndex(x => new { x.ContractId, x.Month }).IsUnique();
    }
}

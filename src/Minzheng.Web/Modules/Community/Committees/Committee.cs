using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Modules.Community.Committees;

/// <summary>村民委员会 (village, 村委会组织法) or 居民委员会 (community, 城市居民委员会组织法): which law's composition rules apply.</summary>
public enum CommitteeKind
{
    Village = 1,
    Residents = 2,
}

/// <summary>
/// A village or residents' committee: one per village-level division of the tree (统计用区划代码 third segment 001–199 居委会,
/// 200–399 村委会), kept as a registry organisation (kind ResidentsCommittee) so that accounts, payments and other modules
/// see it like any organisation. Scoped by its village code: a township clerk sees her villages, a village worker his own.
/// The facts the composition checks need (households, the smaller ethnic groups living there) are entered by the township.
/// </summary>
public sealed class Committee : IDivisionScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }

    /// <summary>The village or community's 12-digit code (unique: one committee per village).</summary>
    public required string DivisionCode { get; set; }
    public required string Name { get; set; }
    public CommitteeKind Kind { get; set; }

    /// <summary>户数: decides the number of 村民代表 (one per 5–15 households, 村委会组织法 第二十五条).</summary>
    public int Households { get; set; }

    /// <summary>人数较少的民族 living in the village, separated by "、" (第六条: the committee should include a member of them).</summary>
    public string MinorityGroups { get; set; } = "";

    /// <summary>The current term: from the election day, for the term in force then (5 years since 2018-12-29, 3 before).</summary>
    public DateOnly? TermFrom { get; set; }
    public DateOnly? TermUntil { get; set; }

    /// <summary>财务收支较多: finances are published monthly instead of quarterly (第三十条).</summary>
    public bool MonthlyFinance { get; set; }

    /// <summary>The division was abolished or merged (a division change): the committee is kept with its history, closed.</summary>
    public DateOnly? ClosedOn { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class CommitteeConfiguration : IEntityTypeConfiguration<Committee>
{
    public void Configure(EntityTypeBuilder<Committee> b)
    {
        b.ToTable("com_committee");
        b.HasKey(c => c.Id);
        b.Property(c => c.DivisionCode).HasMaxLength(12);
        b.Property(c => c.Name).HasMaxLength(100);
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(12);
        b.Property(c => c.MinorityGroups).HasMaxLength(100);
        b.Property(c => c.Version).IsConcurrencyToken();
        // one open committee per village: a merged-away village's committee is closed and then follows its records to the successor
        b.HasIndex(c => c.DivisionCode, "ux_com_committee_open").IsUnique().HasFilter("closed_on IS NULL");
        b.HasIndex(c => c.OrganizationId).IsUnique();
    }
}

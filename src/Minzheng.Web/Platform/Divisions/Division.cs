using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minzheng.Web.Platform.Divisions;

/// <summary>An administrative division of 玉林市 and its parents (统计用区划代码, 2023 edition).</summary>
public sealed class Division
{
    public required string Code { get; set; }

    /// <summary>The name shown everywhere; corrected where the source is known to be wrong.</summary>
    public required string Name { get; set; }

    /// <summary>The name as the source data spells it, kept when a correction applies.</summary>
    public string? SourceName { get; set; }

    public DivisionLevel Level { get; set; }
    public string? ParentCode { get; set; }

    /// <summary>Urban (居委会/社区/街道) or rural (村委会); null where the source does not say.</summary>
    public bool? IsUrban { get; set; }

    /// <summary>Place-name romanisation (中国地名汉语拼音字母拼写规则): 专名 and 通名 separate, e.g. "Rong Xian".</summary>
    public string Pinyin { get; set; } = "";

    /// <summary>The civil-affairs numbering where it differs from the statistical code (data/README.md).</summary>
    public string? AlternativeCode { get; set; }

    public int SortOrder { get; set; }

    /// <summary>The day a division created by a change came into being; null for the shipped tree (in force as far back as we hold).</summary>
    public DateOnly? ValidFrom { get; set; }

    /// <summary>The day a change ended this division (merged away or re-coded); null while it is in force. Kept so history reads.</summary>
    public DateOnly? RetiredOn { get; set; }

    /// <summary>The division that took over this one's records when it was retired.</summary>
    public string? SucceededBy { get; set; }

    public bool InForceOn(DateOnly date) => (ValidFrom is null || ValidFrom <= date) && (RetiredOn is null || RetiredOn > date);
}

internal sealed class DivisionConfiguration : IEntityTypeConfiguration<Division>
{
    public void Configure(EntityTypeBuilder<Division> b)
    {
        b.ToTable("division");
        b.HasKey(d => d.Code);
        b.Property(d => d.Code).HasMaxLength(12);
        b.Property(d => d.Name).HasMaxLength(100);
        b.Property(d => d.SourceName).HasMaxLength(100);
        b.Property(d => d.ParentCode).HasMaxLength(12);
        b.Property(d => d.Pinyin).HasMaxLength(200);
        b.Property(d => d.AlternativeCode).HasMaxLength(12);
        b.Property(d => d.Level).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.SucceededBy).HasMaxLength(12);
        b.HasIndex(d => d.ParentCode);
        b.HasIndex(d => d.Name);
    }
}

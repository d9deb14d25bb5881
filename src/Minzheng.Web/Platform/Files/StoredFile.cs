using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minzheng.Web.Platform.Files;

/// <summary>An uploaded or generated file: metadata in the database, content under {DataDirectory}/files.</summary>
public sealed class StoredFile
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public required string RelativePath { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }

    /// <summary>
    /// The protected kind the content is sealed under (SM4-GCM with the identifier keys, ADR 081), or null for a plain file;
    /// <see cref="FileStore.OpenRead"/> opens either. <see cref="Size"/> and <see cref="Sha256"/> are the plain content's.
    /// </summary>
    public string? SealedAs { get; set; }
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.ToTable("file_stored");
        b.HasKey(f => f.Id);
        b.Property(f => f.FileName).HasMaxLength(255);
        b.Property(f => f.ContentType).HasMaxLength(100);
        b.Property(f => f.Sha256).HasMaxLength(64);
        b.Property(f => f.RelativePath).HasMaxLength(300);
        b.Property(f => f.SealedAs).HasMaxLength(40);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Files;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Geography.Boundaries;

/// <summary>What a file of a line's archive is (《行政区域界线管理条例》第十三条: boundary records are archived).</summary>
public enum BoundaryFileKind
{
    /// <summary>A photo of one marker (its condition at an inspection, a repair).</summary>
    MarkerPhoto = 1,

    /// <summary>界线协议书 and its annexes.</summary>
    Agreement = 2,

    /// <summary>界线详图 (art. 14: the authoritative drawing).</summary>
    DetailMap = 3,

    /// <summary>联检 or ad-hoc inspection report, with its filing.</summary>
    InspectionReport = 4,

    /// <summary>Dispute screening and settlement papers.</summary>
    DisputeRecord = 5,

    Other = 9,
}

/// <summary>A file in a line's archive, or a photo of one of its markers; the file itself is in the kernel's file store.</summary>
public sealed class BoundaryFile
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid LineId { get; set; }
    public Guid? MarkerId { get; set; }
    public BoundaryFileKind Kind { get; set; }
    public string Title { get; set; } = "";
    public Guid FileId { get; set; }
    public required string FileName { get; set; }
    public DateOnly? DocumentDate { get; set; }
    public required string UploadedBy { get; set; }
    public DateTime UploadedAt { get; set; }
}

public sealed record BoundaryFileView(Guid Id, Guid? MarkerId, string? MarkerNumber, BoundaryFileKind Kind, string KindName, string Title, string FileName,
    DateOnly? DocumentDate, string UploadedBy, DateTime UploadedAt, string Url);

public sealed record BoundaryFileInput
{
    public BoundaryFileKind? Kind { get; init; }
    [Text(BoundaryLimits.Name)] public string? Title { get; init; }
    public DateOnly? DocumentDate { get; init; }
}

/// <summary>
/// A line's archive (agreements, the 界线详图, inspection reports, dispute papers) and its markers' photos: filed through the
/// line, so whoever cannot see the line gets 404 for its files too; the file types and size are the kernel's upload rules.
/// </summary>
public sealed class BoundaryArchive(AppDbContext db, BoundaryRegistry registry, FileStore files, ICurrentUser user, BusinessClock clock)
{
    public static string KindName(BoundaryFileKind kind) => kind switch
    {
        BoundaryFileKind.MarkerPhoto => "界桩照片",
        BoundaryFileKind.Agreement => "界线协议书",
        BoundaryFileKind.DetailMap => "界线详图",
        BoundaryFileKind.InspectionReport => "检查报告",
        BoundaryFileKind.DisputeRecord => "争议处理材料",
        _ => "其他",
    };

    /// <summary>Files a document of the line's archive (any kind but a marker photo).</summary>
    public async Task<BoundaryFile> FileAsync(Guid lineId, BoundaryFileInput input, string? fileName, Stream? content, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var line = await registry.LoadAsync(lineId, ct);
        EnsureManager();
        var errors = new ValidationErrors();
        if (input.Kind is not { } kind || !Enum.IsDefined(kind) || kind == BoundaryFileKind.MarkerPhoto) errors.Add("kind", "请选择材料类别");
        if (string.IsNullOrWhiteSpace(input.Title)) errors.Add("title", "请填写材料名称（如 粤桂线容县段界线协议书）");
        if (input.DocumentDate is { } date && (date > clock.Today || date.Year < 1949)) errors.Add("documentDate", "成文日期不能晚于今天");
        CheckFile(fileName, content, errors);
        errors.ThrowIfAny();
        return await SaveAsync(line.Id, null, input.Kind!.Value, input.Title!.Trim(), input.DocumentDate, fileName!, content!, ct);
    }

    /// <summary>A photo of a marker (its condition, a repair).</summary>
    public async Task<BoundaryFile> AddPhotoAsync(Guid markerId, string? title, string? fileName, Stream? content, CancellationToken ct = default)
    {
        var (line, marker) = await registry.LoadMarkerAsync(markerId, ct);
        EnsureManager();
        var errors = new ValidationErrors();
        if (title is { Length: > BoundaryLimits.Name }) errors.Add("title", $"说明不超过{BoundaryLimits.Name}字");
        CheckFile(fileName, content, errors);
        errors.ThrowIfAny();
        return await SaveAsync(line.Id, marker.Id, BoundaryFileKind.MarkerPhoto, title?.Trim() ?? "", null, fileName!, content!, ct);
    }

    /// <summary>The line's files, or one marker's photos, newest first.</summary>
    public async Task<IReadOnlyList<BoundaryFileView>> ListAsync(Guid lineId, Guid? markerId = null, CancellationToken ct = default)
    {
        var line = await registry.LoadAsync(lineId, ct);
        var numbers = line.Markers.ToDictionary(m => m.Id, m => m.Number);
        var rows = await db.Set<BoundaryFile>().AsNoTracking().Where(f => f.LineId == line.Id && (markerId == null || f.MarkerId == markerId))
            .OrderByDescending(f => f.UploadedAt).ThenByDescending(f => f.Id).ToListAsync(ct);
        return rows.Select(f => new BoundaryFileView(f.Id, f.MarkerId, f.MarkerId is { } m ? numbers.GetValueOrDefault(m) : null, f.Kind, KindName(f.Kind), f.Title,
            f.FileName, f.DocumentDate, f.UploadedBy, f.UploadedAt, $"/api/v1/boundaries/{line.Id}/files/{f.Id}")).ToList();
    }

    /// <summary>The stored file of one archive entry, through the line's scope.</summary>
    public async Task<(StoredFile File, Stream Content)> OpenAsync(Guid lineId, Guid fileId, CancellationToken ct = default)
    {
        var line = await registry.LoadAsync(lineId, ct);
        var entry = await db.Set<BoundaryFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId && f.LineId == line.Id, ct) ?? throw AppProblem.NotFound("档案材料");
        var stored = await db.Set<StoredFile>().AsNoTracking().FirstAsync(f => f.Id == entry.FileId, ct);
        return (stored, files.OpenRead(stored));
    }

    private void EnsureManager()
    {
        if (!user.HasPermission(GeographyPermissions.Manage)) throw AppProblem.Forbidden("您没有界线档案的归档权限");
    }

    private static void CheckFile(string? fileName, Stream? content, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(fileName) || content is null) errors.Add("file", $"请选择文件：{UploadKinds.Materials.Hint}");
        else if (UploadKinds.Materials.Refusal(fileName) is { } refusal) errors.Add("file", refusal);
    }

    private async Task<BoundaryFile> SaveAsync(Guid lineId, Guid? markerId, BoundaryFileKind kind, string title, DateOnly? date, string fileName, Stream content, CancellationToken ct)
    {
        var stored = await files.SaveAsync(fileName, content, ct);
        var entry = new BoundaryFile
        {
            LineId = lineId,
            MarkerId = markerId,
            Kind = kind,
            Title = title,
            DocumentDate = date,
            FileId = stored.Id,
            FileName = stored.FileName,
            UploadedBy = user.DisplayName ?? user.UserName,
            UploadedAt = clock.UtcNow,
        };
        db.Add(entry);
        await db.SaveChangesAsync(ct);
        return entry;
    }
}

internal sealed class BoundaryFileConfiguration : IEntityTypeConfiguration<BoundaryFile>
{
    public void Configure(EntityTypeBuilder<BoundaryFile> b)
    {
        b.ToTable("geo_boundary_file");
        b.HasKey(f => f.Id);
        b.Property(f => f.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(f => f.Title).HasMaxLength(BoundaryLimits.Name);
        b.Property(f => f.FileName).HasMaxLength(200);
        b.Property(f => f.UploadedBy).HasMaxLength(100);
        b.HasOne<BoundaryLine>().WithMany().HasForeignKey(f => f.LineId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<BoundaryMarker>().WithMany().HasForeignKey(f => f.MarkerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<StoredFile>().WithMany().HasForeignKey(f => f.FileId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(f => new { f.LineId, f.Kind });
        b.HasIndex(f => f.MarkerId);
    }
}

using System.Security.Cryptography;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Platform.Files;

/// <summary>
/// Saves uploads under the data directory with a size limit and an allow-list of types checked against
/// the file's leading bytes, not only its name (a renamed executable is refused).
/// </summary>
public sealed class FileStore(PlatformOptions options, AppDbContext db, ICurrentUser user, BusinessClock clock, IdentifierProtector protector)
{
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>
    /// The request limit of a form that carries files: well above <see cref="MaxBytes"/>, so that a file somewhat too large still
    /// arrives whole and the page can answer with a message beside its field (<see cref="UploadLimitFilter"/>) instead of the
    /// connection being cut; beyond it the body is refused unread.
    /// </summary>
    public const long MaxRequestBytes = 64 * 1024 * 1024;

    /// <summary>The largest file of a form or endpoint that takes large CSV files (comparison datasets, <see cref="UploadLimitAttribute"/>).</summary>
    public const long MaxLargeBytes = 256 * 1024 * 1024;

    /// <summary>The request limit beside <see cref="MaxLargeBytes"/>, as <see cref="MaxRequestBytes"/> is beside <see cref="MaxBytes"/>.</summary>
    public const long MaxLargeRequestBytes = MaxLargeBytes + 44 * 1024 * 1024;

    public static string TooLargeMessage(long size, long limit = MaxBytes) =>
        $"文件 {size / 1024.0 / 1024.0:0.#} MB，超过 {limit / 1024 / 1024} MB 上限，请压缩或分成几个文件后再上传";

    private static readonly Dictionary<string, (string ContentType, byte[][] Magic)> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", [[0x25, 0x50, 0x44, 0x46]]),
        [".jpg"] = ("image/jpeg", [[0xFF, 0xD8, 0xFF]]),
        [".jpeg"] = ("image/jpeg", [[0xFF, 0xD8, 0xFF]]),
        [".png"] = ("image/png", [[0x89, 0x50, 0x4E, 0x47]]),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [[0x50, 0x4B, 0x03, 0x04]]),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [[0x50, 0x4B, 0x03, 0x04]]),
        [".csv"] = ("text/csv", []),
        [".txt"] = ("text/plain", []),
    };

    public static bool IsAllowedName(string fileName) => Allowed.ContainsKey(Path.GetExtension(fileName));

    public Task<StoredFile> SaveAsync(string fileName, Stream content, CancellationToken ct = default) => SaveAsync(fileName, content, MaxBytes, ct);

    /// <summary>Saves a file of at most <paramref name="maxBytes"/> (a kind that takes larger files than <see cref="MaxBytes"/>).</summary>
    public Task<StoredFile> SaveAsync(string fileName, Stream content, long maxBytes, CancellationToken ct = default) => SaveCoreAsync(fileName, content, maxBytes, null, ct);

    /// <summary>
    /// Saves a small file (a photo of a person) sealed at rest under <paramref name="kind"/> (ADR 081): checked like any upload,
    /// held in memory (at most <paramref name="maxBytes"/>) and encrypted before it touches the disk.
    /// </summary>
    public Task<StoredFile> SaveSealedAsync(string fileName, Stream content, long maxBytes, string kind, CancellationToken ct = default) =>
        SaveCoreAsync(fileName, content, maxBytes, kind, ct);

    private async Task<StoredFile> SaveCoreAsync(string fileName, Stream content, long maxBytes, string? sealAs, CancellationToken ct)
    {
        fileName = Path.GetFileName(fileName);
        var ext = Path.GetExtension(fileName);
        if (!Allowed.TryGetValue(ext, out var kind))
        {
            throw new AppProblem(400, "file_type_not_allowed", $"不支持的文件类型“{ext}”，可上传: {string.Join("、", Allowed.Keys)}");
        }
        var id = Guid.CreateVersion7();
        var now = clock.UtcNow;
        var relative = Path.Combine("files", now.ToString("yyyy"), now.ToString("MM"), id.ToString("N"));
        var full = Path.Combine(options.DataDirectory, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        long size;
        string sha;
        // a sealed file's plain content never reaches the disk: it is collected in memory and written encrypted
        await using (var output = sealAs is null ? File.Create(full) : (Stream)new MemoryStream())
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            size = 0;
            int read;
            var head = new byte[8];
            var headLength = 0;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                if (headLength < head.Length)
                {
                    var take = Math.Min(head.Length - headLength, read);
                    Array.Copy(buffer, 0, head, headLength, take);
                    headLength += take;
                }
                size += read;
                if (size > maxBytes)
                {
                    output.Close();
                    File.Delete(full);
                    throw new AppProblem(413, "file_too_large", $"文件超过 {maxBytes / 1024 / 1024} MB 上限");
                }
                hash.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), ct);
            }
            if (kind.Magic.Length > 0 && !kind.Magic.Any(m => headLength >= m.Length && head.AsSpan(0, m.Length).SequenceEqual(m)))
            {
                output.Close();
                File.Delete(full);
                throw new AppProblem(400, "file_content_mismatch", $"文件内容与扩展名“{ext}”不符");
            }
            sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            if (sealAs is not null) await File.WriteAllBytesAsync(full, protector.EncryptBytes(((MemoryStream)output).ToArray(), sealAs), ct);
        }
        var stored = new StoredFile
        {
            Id = id,
            FileName = fileName,
            ContentType = kind.ContentType,
            Size = size,
            Sha256 = sha,
            RelativePath = relative.Replace('\\', '/'),
            CreatedAt = now,
            CreatedBy = AccountLabels.Of(user), // a citizen by name, the phone masked
            SealedAs = sealAs,
        };
        db.Files.Add(stored);
        return stored;
    }

    /// <summary>The content, opened from its seal where it has one.</summary>
    public Stream OpenRead(StoredFile file) =>
        file.SealedAs is { } kind ? new MemoryStream(protector.DecryptBytes(File.ReadAllBytes(PathOf(file)), kind), writable: false) : File.OpenRead(PathOf(file));

    /// <summary>Removes the content from disk; the metadata row stays as a record that the file existed.</summary>
    public void Delete(StoredFile file)
    {
        var path = PathOf(file);
        if (File.Exists(path)) File.Delete(path);
    }

    public string PathOf(StoredFile file) => Path.Combine(options.DataDirectory, file.RelativePath);
}

using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Platform.Crypto;

/// <summary>
/// Where the identifier keys come from: <c>Minzheng:Crypto:KeyFile</c> (a JSON key file, e.g. on a
/// protected volume) or, when nothing is configured, {DataDirectory}/keys/identifier-keys.json,
/// generated on first start with a warning that it must be protected and backed up.
/// </summary>
public static class KeyStore
{
    public const string KeyCheckSetting = "crypto.key_check";
    public const string KeySampleSetting = "crypto.key_sample";

    public static string DefaultPath(PlatformOptions options) => Path.Combine(options.DataDirectory, "keys", "identifier-keys.json");

    public static string ResolvePath(IConfiguration config, PlatformOptions options) =>
        config["Minzheng:Crypto:KeyFile"] is { Length: > 0 } configured ? Path.GetFullPath(configured) : DefaultPath(options);

    public static CryptoKeys LoadOrCreate(IConfiguration config, PlatformOptions options, ILogger log, bool isProduction)
    {
        var path = ResolvePath(config, options);
        if (File.Exists(path))
        {
            return CryptoKeys.FromJson(File.ReadAllText(path));
        }
        if (config["Minzheng:Crypto:KeyFile"] is { Length: > 0 })
        {
            throw new InvalidOperationException($"配置的密钥文件不存在: {path}。请恢复密钥文件（见 docs/operations.md），否则无法解密已登记的身份证号。");
        }
        var keys = CryptoKeys.Generate(DateTime.UtcNow);
        Write(path, keys);
        const string message = "已在 {Path} 生成新的身份证号加密密钥。此文件必须妥善保护并备份：丢失密钥将无法解密已登记的敏感信息（见 docs/operations.md）。";
        if (isProduction) log.LogCritical(message, path);
        else log.LogWarning(message, path);
        return keys;
    }

    public static void Write(string path, CryptoKeys keys)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        File.WriteAllText(temp, keys.ToJson());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>
    /// Refuses to start on a database whose identifiers were sealed under other keys: losing the key
    /// must never be silent (the platform would otherwise register duplicates of every person).
    /// </summary>
    public static async Task VerifyOrRecordAsync(AppDbContext db, IdentifierProtector protector, CancellationToken ct = default)
    {
        var check = await db.Settings.FindAsync([KeyCheckSetting], ct);
        var sample = await db.Settings.FindAsync([KeySampleSetting], ct);
        if (check is null)
        {
            db.Settings.Add(new PlatformSetting { Key = KeyCheckSetting, Value = protector.KeyCheck(), UpdatedAt = DateTime.UtcNow });
            db.Settings.Add(new PlatformSetting { Key = KeySampleSetting, Value = protector.KeyCheckSample(), UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync(ct);
            return;
        }
        if (check.Value != protector.KeyCheck() || (sample is not null && !protector.CanOpenSample(sample.Value)))
        {
            throw new KeyMismatchException();
        }
    }
}

public sealed class KeyMismatchException() : Exception(
    "拒绝启动：数据库中的身份证号等敏感信息是用另一套密钥加密的，当前配置的密钥无法解密。" +
    "请恢复原密钥文件（Minzheng:Crypto:KeyFile 或 数据目录/keys/identifier-keys.json），见 docs/operations.md。");

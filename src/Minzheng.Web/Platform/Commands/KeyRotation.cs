using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Platform.Commands;

/// <summary>
/// <c>keys rotate</c>: adds a new SM4 key, makes it current, and re-seals every protected value with it
/// (people's identifiers, organisations' phones and accounts, and what each module declares as an <see cref="IKeyRotationParticipant"/>).
/// The key file is written first and keeps the old keys (backups still need them), so an interrupted
/// rotation is simply run again. The HMAC lookup key is not rotated: that would re-key every lookup hash.
/// </summary>
public static class KeyRotation
{
    public static async Task<int> RotateAsync(IServiceProvider services, TextWriter output)
    {
        var config = services.GetRequiredService<IConfiguration>();
        var options = services.GetRequiredService<PlatformOptions>();
        var path = KeyStore.ResolvePath(config, options);
        var keys = CryptoKeys.FromJson(await File.ReadAllTextAsync(path));
        var newId = keys.EncryptionKeys.Keys.Max() + 1;
        keys.EncryptionKeys[newId] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(Sm.KeyLength));
        keys.CurrentKeyId = newId;
        KeyStore.Write(path, keys);
        var protector = new IdentifierProtector(keys);

        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAsSystem("key-rotation");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.AuditSummaryReason = $"密钥轮换：重新加密为密钥 {newId}";
        var total = await ResealAllAsync(db, db.Persons.OrderBy(p => p.Id), p => NeedsReseal(p, newId), p => p.Reseal(protector));
        // organisations' phone and bank account, like people's
        var organizations = await ResealAllAsync(db, db.Organizations.OrderBy(o => o.Id), o => o.NeedsReseal(newId), o => o.Reseal(protector));
        // what the modules keep encrypted of their own (payment lines keep a copy of the account they were paid to, …)
        var others = new List<string>();
        foreach (var participant in scope.ServiceProvider.GetServices<IKeyRotationParticipant>())
        {
            var count = await participant.ResealAsync(db, protector, newId, CancellationToken.None);
            db.ChangeTracker.Clear();
            others.Add($"{count} {participant.What}");
        }
        var sample = await db.Settings.FindAsync(KeyStore.KeySampleSetting);
        if (sample is not null) sample.Value = protector.KeyCheckSample();
        await db.SaveChangesAsync();
        await output.WriteLineAsync($"密钥已轮换：当前密钥编号 {newId}，重新加密 {total} 人的敏感字段、{organizations} 个组织的电话和账号{string.Concat(others.Select(o => "、" + o))}。旧密钥仍保留在 {path} 中，以便恢复旧备份。");
        return 0;
    }

    /// <summary>Re-seals the rows that need it, a thousand at a time; returns how many were re-sealed.</summary>
    private static async Task<int> ResealAllAsync<T>(AppDbContext db, IOrderedQueryable<T> rows, Func<T, bool> needsReseal, Action<T> reseal)
        where T : class
    {
        const int pageSize = 1000;
        var count = 0;
        for (var page = 0; ; page++)
        {
            // Re-sealing changes neither the order nor the set of rows, so offset paging is stable here.
            var batch = await rows.Skip(page * pageSize).Take(pageSize).ToListAsync();
            foreach (var row in batch.Where(needsReseal))
            {
                reseal(row);
                count++;
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            if (batch.Count < pageSize) return count;
        }
    }

    private static bool NeedsReseal(Registry.Person p, int keyId) =>
        (p.IdNumberCipher is { } a && IdentifierProtector.KeyIdOf(a) != keyId)
        || (p.PhoneCipher is { } b && IdentifierProtector.KeyIdOf(b) != keyId)
        || (p.BankAccountCipher is { } d && IdentifierProtector.KeyIdOf(d) != keyId)
        || (p.DisabilityCertificateCipher is { } c && IdentifierProtector.KeyIdOf(c) != keyId);
}

/// <summary>
/// A module's encrypted fields that key rotation must re-seal (registered by the module from its own folder). Rows already under
/// <c>keyId</c> are left alone, so an interrupted rotation is simply run again.
/// </summary>
public interface IKeyRotationParticipant
{
    /// <summary>What the count means, in Chinese ("条发放明细的账号").</summary>
    string What { get; }

    /// <summary>Re-seals in batches (saving each), returns how many values were re-sealed.</summary>
    Task<int> ResealAsync(AppDbContext db, IdentifierProtector protector, int keyId, CancellationToken ct);
}

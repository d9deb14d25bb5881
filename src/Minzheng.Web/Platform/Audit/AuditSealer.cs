using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Platform.Audit;

/// <summary>
/// Seals audit entries into a hash chain: each sealed entry gets the next chain index, the previous
/// entry's hash and its own hash = SM3(index, previous hash, entry). Entries are written unsealed in the
/// business transaction (so they commit or roll back with the change) and sealed here in commit order,
/// every few seconds and before every verification. A changed, inserted or removed sealed entry breaks
/// the chain at that point.
/// </summary>
public sealed class AuditSealer(IServiceScopeFactory scopes, PlatformOptions options, ILogger<AuditSealer> log) : BackgroundService
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";
    private const long PostgresLockKey = 4509_0000_0001;

    private readonly SemaphoreSlim _gate = new(1, 1);

    public sealed record VerifyResult(bool Ok, long Entries, Guid? FirstBrokenId, long Unsealed, string? HeadHash);

    public static string Compute(AuditEntry e, long index, string previousHash)
    {
        var canonical = string.Join('\u001f',
            index.ToString(CultureInfo.InvariantCulture), previousHash, e.Id.ToString("N"),
            e.At.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture), e.UserId?.ToString("N") ?? "", e.UserName, e.IpAddress ?? "",
            e.Action, e.EntityType, e.EntityId ?? "", e.DivisionCode ?? "", e.Changes ?? "");
        return Convert.ToHexStringLower(Sm.Sm3(Encoding.UTF8.GetBytes(canonical)));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2));
        do
        {
            try
            {
                await SealAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A busy database (e.g. a long import transaction on SQLite) just delays sealing.
                log.LogDebug(e, "Audit sealing postponed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> SealAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            using var scope = scopes.CreateScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAsSystem("audit-seal");
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (!await db.AuditEntries.AnyAsync(e => e.ChainIndex == null, ct)) return 0;

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (options.Provider == DatabaseProvider.Postgres)
            {
                // Several application instances may share one database: one sealer at a time.
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({PostgresLockKey})", ct);
            }
            var head = await db.AuditEntries.AsNoTracking().Where(e => e.ChainIndex != null)
                .OrderByDescending(e => e.ChainIndex).Select(e => new { e.ChainIndex, e.Hash }).FirstOrDefaultAsync(ct);
            var index = head?.ChainIndex ?? 0;
            var previous = head?.Hash ?? Genesis;
            var pending = await db.AuditEntries.AsNoTracking().Where(e => e.ChainIndex == null)
                .OrderBy(e => e.At).ThenBy(e => e.Id).Take(5000).ToListAsync(ct);
            foreach (var e in pending)
            {
                index++;
                var hash = Compute(e, index, previous);
                var i = index;
                var p = previous;
                await db.AuditEntries.Where(x => x.Id == e.Id && x.ChainIndex == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.ChainIndex, i).SetProperty(x => x.PreviousHash, p).SetProperty(x => x.Hash, hash), ct);
                previous = hash;
            }
            await tx.CommitAsync(ct);
            // The head in the application log is an anchor outside the database (detects a truncated tail).
            log.LogInformation("Audit chain sealed {Count} entries; head {Index} {Hash}", pending.Count, index, previous);
            return pending.Count;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<VerifyResult> VerifyAsync(CancellationToken ct = default)
    {
        await SealAsync(ct);
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAsSystem("audit-verify");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var expectedIndex = 0L;
        var previous = Genesis;
        Guid? broken = null;
        await foreach (var e in db.AuditEntries.AsNoTracking().Where(e => e.ChainIndex != null).OrderBy(e => e.ChainIndex).AsAsyncEnumerable().WithCancellation(ct))
        {
            expectedIndex++;
            if (e.ChainIndex != expectedIndex || e.PreviousHash != previous || e.Hash != Compute(e, e.ChainIndex!.Value, previous))
            {
                broken = e.Id;
                break;
            }
            previous = e.Hash!;
        }
        // Counted after the stream is closed: PostgreSQL runs one command at a time per connection.
        var count = await db.AuditEntries.LongCountAsync(x => x.ChainIndex != null, ct);
        var unsealed = await db.AuditEntries.LongCountAsync(x => x.ChainIndex == null, ct);
        if (broken is not null) return new VerifyResult(false, count, broken, unsealed, null);
        return new VerifyResult(true, count, null, unsealed, count == 0 ? null : previous);
    }
}

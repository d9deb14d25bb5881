using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Jobs;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Volunteers.TimeBank;

/// <summary>
/// 时长过期 (ADR 058): daily, as the system, on the kernel queue. Only where an expiry period (<see cref="TimeBankFigures.ExpiryMonths"/>)
/// is in force for the account's division on the run date. Debits are taken as consuming the oldest credits first (FIFO), so
/// what is left of a balance is what the account received most recently: the part still within the period is the smaller of
/// the balance and the credits received since the cut-off; the excess expires, as an EXPIRE transaction to the city's expiry
/// account through <see cref="TimeBankLedger.PostAsync"/>. Idempotent: after a run the balance equals that part, so a second
/// run on the same day finds no excess.
/// </summary>
public sealed class TimeBankExpiry(AppDbContext db, TimeBankLedger ledger, FigureBook figures, BusinessClock clock, AuditLog audit) : IJobHandler
{
    public const string Kind = "timebank.expiry";

    public static readonly TimeSpan Every = TimeSpan.FromHours(24);

    /// <summary>Lets start-up (migrations, demo data) finish first.</summary>
    public static readonly TimeSpan FirstAfter = TimeSpan.FromMinutes(3);

    public async Task RunAsync(JobRun job, CancellationToken ct)
    {
        var (accounts, minutes) = await RunOnAsync(clock.Today, ct);
        job.Report(1, 1, $"时间银行过期处理完成：{accounts} 个账户共 {Math.Round(minutes / 60m, 2)} 小时过期");
    }

    /// <summary>The minutes of a balance that have expired (pure): the excess of the balance over the credits since the cut-off.</summary>
    public static int Excess(int balance, long creditedSinceCutoff) => (int)Math.Max(0, balance - Math.Max(0, creditedSinceCutoff));

    /// <summary>Expires on <paramref name="runDate"/>; returns the accounts touched and the minutes expired.</summary>
    public async Task<(int Accounts, long Minutes)> RunOnAsync(DateOnly runDate, CancellationToken ct)
    {
        // every person and group account of the city with time on it (the job is the city's; the scope is left out on purpose)
        var all = db.Set<TimeAccount>().IgnoreQueryFilters([AppDbContext.ScopeFilter]);
        var candidates = await all.AsNoTracking().Where(a => a.Kind != TimeAccountKind.System && a.Balance > 0)
            .Select(a => new { a.Id, a.DivisionCode }).ToListAsync(ct);
        var touched = 0;
        long total = 0;
        foreach (var a in candidates)
        {
            if (figures.Find(TimeBankFigures.ExpiryMonths, a.DivisionCode, runDate)?.Row.Number is not { } months || months <= 0) continue;
            var cutoff = BusinessClock.FromChina(runDate.AddMonths(-(int)months).ToDateTime(TimeOnly.MinValue));
            var expired = await ExpireAsync(a.Id, cutoff, (int)months, ct);
            if (expired > 0)
            {
                touched++;
                total += expired;
            }
        }
        return (touched, total);
    }

    private async Task<int> ExpireAsync(Guid accountId, DateTime cutoff, int months, CancellationToken ct)
    {
        var expiredAccount = await ledger.SystemAsync(TimeSystemAccount.Expired, ct);
        var accounts = db.Set<TimeAccount>().IgnoreQueryFilters([AppDbContext.ScopeFilter]);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // the account's row lock first (a no-op update), so that a withdrawal at the same moment waits and the balance and the
        // credits read below are the ones the expiry is booked against
        await accounts.Where(x => x.Id == accountId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Balance, x => x.Balance), ct);
        var account = await accounts.AsNoTracking().Where(x => x.Id == accountId).Select(x => new { x.Balance, x.DivisionCode, x.Name }).FirstAsync(ct);
        var credited = await db.Set<TimeEntry>().Where(e => e.AccountId == accountId && e.Minutes > 0)
            .Join(db.Set<TimeTxn>(), e => e.TxnId, t => t.Id, (e, t) => new { e.Minutes, t.At })
            .Where(x => x.At >= cutoff).SumAsync(x => (long)x.Minutes, ct);
        var excess = Excess(account.Balance, credited);
        if (excess == 0) return 0;
        var txn = ledger.NewTxn(TimeTxnKind.Expire, $"存入超过{months}个月未使用的时长过期（先存先用）");
        await ledger.PostAsync(txn, [new(accountId, -excess), new(expiredAccount.Id, excess)], ct);
        audit.Add("volunteer.timebank.expire", nameof(TimeAccount), accountId.ToString(), new { minutes = excess, months, cutoff }, account.DivisionCode);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return excess;
    }
}

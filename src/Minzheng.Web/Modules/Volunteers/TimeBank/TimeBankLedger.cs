using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Volunteers.TimeBank;

/// <summary>One leg of a transaction: signed minutes on one account.</summary>
public sealed record TimeLeg(Guid AccountId, int Minutes);

/// <summary>
/// The ledger: the one writer of time-bank balances outside a verification (see <see cref="TimeBankDeposits"/>). Every
/// transaction is posted in one database transaction: each leg changes its account with a single conditional statement
/// (<c>UPDATE … SET balance = balance + m WHERE id = @id AND balance >= -m</c> for a debit: 0 rows = not enough, refused
/// before anything is saved), the balance right after is read back under the row's lock, and the transaction with its
/// entries (summing to zero) is appended. Legs are applied in account-id order so that two opposite transfers cannot deadlock.
/// </summary>
public sealed class TimeBankLedger(AppDbContext db, ICurrentUser user, BusinessClock clock)
{
    public const string City = VolunteersInitializer.City;

    /// <summary>A city system account (they are opened by the initializer; opened here too for a fresh database).</summary>
    public async Task<TimeAccount> SystemAsync(TimeSystemAccount role, CancellationToken ct)
    {
        // the city's own accounts: every service point of the city posts to them, whatever its own division (通存通兑)
        var found = await db.Set<TimeAccount>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).FirstOrDefaultAsync(a => a.SystemRole == role, ct);
        if (found is not null) return found;
        var account = new TimeAccount { Kind = TimeAccountKind.System, SystemRole = role, DivisionCode = City, Name = SystemName(role) };
        return await OpenAsync(account, "开立全市时间银行系统账户", a => a.SystemRole == role, ct);
    }

    public static string SystemName(TimeSystemAccount role) => role switch
    {
        TimeSystemAccount.Issuance => "时间银行发行（服务存入）",
        TimeSystemAccount.Pool => "时间银行捐赠池",
        _ => "时间银行过期时长",
    };

    /// <summary>
    /// The account of a registry person, opened on first use. The caller has read the person (or the record that names them)
    /// in its own scope or decided to reach past it (通存通兑, a verification by the organiser); the account takes the
    /// person's division.
    /// </summary>
    public async Task<TimeAccount> PersonAccountAsync(Guid personId, CancellationToken ct)
    {
        var found = await db.Set<TimeAccount>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).FirstOrDefaultAsync(a => a.PersonId == personId, ct);
        if (found is not null) return found;
        // the person's division and name decide the account's scope and label; read past the scope by the id the caller holds
        var person = await db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking()
            .Where(p => p.Id == personId).Select(p => new { p.DivisionCode, p.Name }).FirstOrDefaultAsync(ct) ?? throw AppProblem.NotFound("人员");
        var account = new TimeAccount { Kind = TimeAccountKind.Person, PersonId = personId, DivisionCode = person.DivisionCode, Name = person.Name };
        return await OpenAsync(account, "首次使用时开立本人时间银行账户", a => a.PersonId == personId, ct);
    }

    /// <summary>The group account of a volunteer team, opened on first use.</summary>
    public async Task<TimeAccount> TeamAccountAsync(Guid teamId, CancellationToken ct)
    {
        var found = await db.Set<TimeAccount>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).FirstOrDefaultAsync(a => a.TeamId == teamId, ct);
        if (found is not null) return found;
        // the caller read the team in its scope (an organisation account: its own team)
        var team = await db.Set<Records.VolunteerTeam>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking()
            .Where(t => t.Id == teamId).Select(t => new { t.DivisionCode, t.Name }).FirstOrDefaultAsync(ct) ?? throw AppProblem.NotFound("志愿服务组织");
        var account = new TimeAccount { Kind = TimeAccountKind.Group, TeamId = teamId, DivisionCode = team.DivisionCode, Name = team.Name };
        return await OpenAsync(account, "首次使用时开立志愿服务组织团体账户", a => a.TeamId == teamId, ct);
    }

    private async Task<TimeAccount> OpenAsync(TimeAccount account, string reason, System.Linq.Expressions.Expression<Func<TimeAccount, bool>> same, CancellationToken ct)
    {
        db.Add(account);
        db.PermitOutOfScopeWrite(account, reason);
        try
        {
            await db.SaveChangesAsync(ct);
            return account;
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && UniqueViolation.Is(e))
        {
            // opened at the same moment by another request: use that one
            db.Entry(account).State = EntityState.Detached;
            return await db.Set<TimeAccount>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).FirstAsync(same, ct);
        }
    }

    /// <summary>
    /// Posts a transaction. Debits never take an account below zero (the issuance account excepted): a debit that finds too
    /// little refuses with <c>timebank_insufficient_balance</c> and nothing of the transaction stays.
    /// </summary>
    public async Task<TimeTxn> PostAsync(TimeTxn txn, IReadOnlyList<TimeLeg> legs, CancellationToken ct)
    {
        if (legs.Sum(l => (long)l.Minutes) != 0) throw new InvalidOperationException("时间银行交易的分录合计必须为零");
        if (legs.Any(l => l.Minutes == 0)) throw new InvalidOperationException("时间银行分录不能为零");
        var issuance = (await SystemAsync(TimeSystemAccount.Issuance, ct)).Id;
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var accounts = db.Set<TimeAccount>().IgnoreQueryFilters([AppDbContext.ScopeFilter]);
            // the scope of each account was decided by the caller (who read it in scope, or reached past it with a stated
            // reason); these statements change the balance only, by id
            foreach (var leg in legs.OrderBy(l => l.AccountId))
            {
                var id = leg.AccountId;
                var m = leg.Minutes;
                var rows = m < 0 && id != issuance
                    ? await accounts.Where(a => a.Id == id && a.Balance >= -m)
                        .ExecuteUpdateAsync(s => s.SetProperty(a => a.Balance, a => a.Balance + m).SetProperty(a => a.Version, a => a.Version + 1), ct)
                    : await accounts.Where(a => a.Id == id)
                        .ExecuteUpdateAsync(s => s.SetProperty(a => a.Balance, a => a.Balance + m).SetProperty(a => a.Version, a => a.Version + 1), ct);
                if (rows == 0)
                {
                    var name = await accounts.Where(a => a.Id == id).Select(a => a.Name).FirstOrDefaultAsync(ct);
                    if (name is null) throw AppProblem.NotFound("时间银行账户");
                    throw AppProblem.Conflict("timebank_insufficient_balance", $"“{name}”账户余额不足 {-m} 分钟（{Hours(-m)} 小时），未办理");
                }
                var after = await accounts.Where(a => a.Id == id).Select(a => a.Balance).FirstAsync(ct);
                txn.Entries.Add(new TimeEntry { TxnId = txn.Id, AccountId = id, Minutes = m, BalanceAfter = after });
            }
            txn.At = clock.UtcNow;
            db.Add(txn);
            await db.SaveChangesAsync(ct);
            if (own is not null) await own.CommitAsync(ct);
        }
        catch
        {
            if (own is not null) await own.RollbackAsync(CancellationToken.None);
            // nothing of a refused transaction stays, not even in the tracker
            foreach (var e in txn.Entries) db.Entry(e).State = EntityState.Detached;
            db.Entry(txn).State = EntityState.Detached;
            throw;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
        // tracked copies of the accounts (if any) are stale after the statements: read them anew
        foreach (var e in db.ChangeTracker.Entries<TimeAccount>().ToList()) e.State = EntityState.Detached;
        return txn;
    }

    public TimeTxn NewTxn(TimeTxnKind kind, string description = "") =>
        new() { Kind = kind, Description = description, CreatedBy = user.UserName, BookedAtDivision = user.DivisionCode ?? "" };

    public static decimal Hours(int minutes) => Math.Round(minutes / 60m, 2);
}

using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Volunteers.Records;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Volunteers.TimeBank;

/// <summary>
/// 存入: a verified elderly-care service record deposits its time into the volunteer's person account, in the verification's own
/// transaction (the core's <see cref="IServiceHoursHandler"/>; tracked, the caller saves). The ledger is the truth of what a
/// record has deposited: the record should stand at its verified minutes (0 when rejected, or when the volunteer's age at the
/// service lies outside the deposit age range); the difference is deposited (above the personal cap into the donation pool)
/// or taken back — the account's part first, then the pool's. Taking back more than is still there is REFUSED with
/// <c>timebank_deposit_spent</c> (no debts: the correction waits until an officer has settled it, e.g. by reversing the
/// spending). The accounts carry a version: a concurrent change of the same account fails the save with 409, never a lost update.
/// </summary>
public sealed class TimeBankDeposits(AppDbContext db, FigureBook figures, BusinessClock clock, ICurrentUser user) : IServiceHoursHandler
{
    public async Task OnVerifiedMinutesChangedAsync(ServiceRecord record, int previousMinutes, CancellationToken ct)
    {
        if (record.Category != ServiceCategory.ElderlyCare) return;
        // the volunteer and their person may lie outside the verifying organisation's scope: read by the record's ids
        var personId = await db.Set<Volunteer>().IgnoreQueryFilters([AppDbContext.ScopeFilter])
            .Where(v => v.Id == record.VolunteerId).Select(v => v.PersonId).FirstAsync(ct);
        var person = await db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking()
            .Where(p => p.Id == personId).Select(p => new { p.DivisionCode, p.Name, p.BirthDate }).FirstAsync(ct);

        var served = BusinessClock.ToChina(record.CheckInAt ?? clock.UtcNow);
        var servedOn = DateOnly.FromDateTime(served);
        var age = TimeBankRules.AgeOn(person.BirthDate, servedOn);
        var min = figures.Find(TimeBankFigures.DepositAge, person.DivisionCode, servedOn, "min")?.Row.Number;
        var max = figures.Find(TimeBankFigures.DepositAge, person.DivisionCode, servedOn, "max")?.Row.Number;
        var inRange = (min is null || age >= min) && (max is null || age <= max);
        var target = record.Status == ServiceRecordStatus.Verified && inRange ? record.VerifiedMinutes : 0;

        var account = await TrackedAsync(a => a.PersonId == personId, () => new TimeAccount { Kind = TimeAccountKind.Person, PersonId = personId, DivisionCode = person.DivisionCode, Name = person.Name }, ct);
        var pool = await TrackedAsync(a => a.SystemRole == TimeSystemAccount.Pool, () => new TimeAccount { Kind = TimeAccountKind.System, SystemRole = TimeSystemAccount.Pool, DivisionCode = TimeBankLedger.City, Name = TimeBankLedger.SystemName(TimeSystemAccount.Pool) }, ct);
        var issuance = await TrackedAsync(a => a.SystemRole == TimeSystemAccount.Issuance, () => new TimeAccount { Kind = TimeAccountKind.System, SystemRole = TimeSystemAccount.Issuance, DivisionCode = TimeBankLedger.City, Name = TimeBankLedger.SystemName(TimeSystemAccount.Issuance) }, ct);

        var legs = await db.Set<TimeEntry>()
            .Where(e => db.Set<TimeTxn>().Any(t => t.Id == e.TxnId && t.ServiceRecordId == record.Id) && (e.AccountId == account.Id || e.AccountId == pool.Id))
            .GroupBy(e => e.AccountId).Select(g => new { g.Key, Sum = g.Sum(e => e.Minutes) }).ToListAsync(ct);
        var toAccountSoFar = legs.Where(l => l.Key == account.Id).Sum(l => l.Sum);
        var toPoolSoFar = legs.Where(l => l.Key == pool.Id).Sum(l => l.Sum);
        var delta = target - (toAccountSoFar + toPoolSoFar);
        if (delta == 0) return;

        TimeTxn txn;
        if (delta > 0)
        {
            var capHours = figures.Find(TimeBankFigures.PersonalCapHours, person.DivisionCode, clock.Today)?.Row.Number;
            var (toAccount, toPool) = TimeBankRules.SplitDeposit(account.Balance, delta, capHours * 60);
            txn = NewTxn(TimeTxnKind.Deposit, record, toPool > 0 ? $"助老志愿服务存入；超过个人存储上限的 {toPool} 分钟转入捐赠池" : "助老志愿服务存入");
            Leg(txn, issuance, -delta);
            if (toAccount > 0) Leg(txn, account, toAccount);
            if (toPool > 0) Leg(txn, pool, toPool);
        }
        else
        {
            var (fromAccount, fromPool) = TimeBankRules.SplitReversal(-delta, toAccountSoFar, toPoolSoFar);
            if (fromAccount > account.Balance || fromPool > pool.Balance)
            {
                throw AppProblem.Conflict("timebank_deposit_spent",
                    $"该服务记录存入时间银行的时长已被使用（账户余额 {account.Balance} 分钟，需冲回 {fromAccount} 分钟），不能更正；请先由民政部门冲正相关兑换或转赠");
            }
            if (fromAccount + fromPool == 0) return;
            txn = NewTxn(TimeTxnKind.Reversal, record, record.Status == ServiceRecordStatus.Rejected ? "服务记录不予认定，冲回存入时长" : "服务记录核实时长更正，冲回多存时长");
            if (fromAccount > 0) Leg(txn, account, -fromAccount);
            if (fromPool > 0) Leg(txn, pool, -fromPool);
            Leg(txn, issuance, fromAccount + fromPool);
        }
        db.Add(txn);
    }

    private TimeTxn NewTxn(TimeTxnKind kind, ServiceRecord record, string description) => new()
    {
        Kind = kind,
        At = clock.UtcNow,
        ServiceRecordId = record.Id,
        Description = description,
        CreatedBy = user.UserName,
        BookedAtDivision = record.DivisionCode,
    };

    private void Leg(TimeTxn txn, TimeAccount account, int minutes)
    {
        account.Balance += minutes;
        // the verifying organisation writes the volunteer's account and the city's: the balance follows the record it verified
        db.PermitOutOfScopeWrite(account, "核实助老服务记录后存入或冲回时间银行时长");
        txn.Entries.Add(new TimeEntry { TxnId = txn.Id, AccountId = account.Id, Minutes = minutes, BalanceAfter = account.Balance });
    }

    /// <summary>A tracked account, added (not saved) when it does not exist yet: the caller's one save opens it with the deposit.</summary>
    private async Task<TimeAccount> TrackedAsync(System.Linq.Expressions.Expression<Func<TimeAccount, bool>> which, Func<TimeAccount> open, CancellationToken ct)
    {
        var local = db.Set<TimeAccount>().Local.AsQueryable().FirstOrDefault(which);
        if (local is not null) return local;
        var found = await db.Set<TimeAccount>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).FirstOrDefaultAsync(which, ct);
        if (found is not null) return found;
        var account = open();
        db.Add(account);
        db.PermitOutOfScopeWrite(account, "首次存入时开立时间银行账户");
        return account;
    }
}

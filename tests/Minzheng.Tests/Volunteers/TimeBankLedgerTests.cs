using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.Volunteers.TimeBank;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Tests.Volunteers;

/// <summary>
/// The ledger property: thousands of random deposits, withdrawals, transfers and donations — sequential ones checked against
/// a model after every step, then rounds of concurrent ones (each on its own DbContext) hammering the same few accounts —
/// never leave a balance below zero, every refusal carries <c>timebank_insufficient_balance</c> and changes nothing, and at the
/// end the entries sum to zero and every balance equals the sum of its entries.
/// </summary>
public abstract class TimeBankLedgerTests(AppFixture app)
{
    private sealed record Op(int Kind, int From, int To, int Minutes);

    private async Task<string?> RunAsync(Op op, List<Guid> accounts, Guid issuance, Guid pool)
    {
        return await app.WithServicesAsync<string?>(async sp =>
        {
            var ledger = sp.GetRequiredService<TimeBankLedger>();
            var (kind, legs) = op.Kind switch
            {
                0 => (TimeTxnKind.Deposit, new TimeLeg[] { new(issuance, -op.Minutes), new(accounts[op.To], op.Minutes) }),
                1 => (TimeTxnKind.Withdraw, [new(accounts[op.From], -op.Minutes), new(issuance, op.Minutes)]),
                2 => (TimeTxnKind.TransferFamily, [new(accounts[op.From], -op.Minutes), new(accounts[op.To], op.Minutes)]),
                _ => (TimeTxnKind.Donate, [new(accounts[op.From], -op.Minutes), new(pool, op.Minutes)]),
            };
            try
            {
                await ledger.PostAsync(ledger.NewTxn(kind, "性质测试"), legs, CancellationToken.None);
                return null;
            }
            catch (AppProblem e)
            {
                return e.Code;
            }
        });
    }

    private Task<int> LowestBalanceAsync() => app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<TimeAccount>()
        .Where(a => a.SystemRole != TimeSystemAccount.Issuance).MinAsync(a => a.Balance));

    [Fact]
    public async Task Random_movements_never_take_a_balance_below_zero_and_the_ledger_always_balances()
    {
        app.SkipIfUnavailable();
        var (accounts, issuance, pool) = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var ledger = sp.GetRequiredService<TimeBankLedger>();
            var people = await db.Persons.OrderByDescending(p => p.Id).Select(p => p.Id).Take(6).ToListAsync();
            var list = new List<Guid>();
            foreach (var p in people) list.Add((await ledger.PersonAccountAsync(p, CancellationToken.None)).Id);
            return (list, (await ledger.SystemAsync(TimeSystemAccount.Issuance, CancellationToken.None)).Id, (await ledger.SystemAsync(TimeSystemAccount.Pool, CancellationToken.None)).Id);
        });
        var balances = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<TimeAccount>().Where(a => accounts.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Balance));
        var model = accounts.Select(a => balances[a]).ToArray();
        var rng = new Random(16_4);
        Op Next(int n) => new(rng.Next(4), rng.Next(n), rng.Next(n), rng.Next(1, 180));

        // sequential: each step checked against the model
        var refused = 0;
        for (var i = 0; i < 1200; i++)
        {
            var op = Next(accounts.Count);
            if (op.Kind == 2 && op.From == op.To) continue;
            var code = await RunAsync(op, accounts, issuance, pool);
            if (op.Kind == 0)
            {
                Assert.Null(code);
                model[op.To] += op.Minutes;
            }
            else if (model[op.From] >= op.Minutes)
            {
                Assert.Null(code);
                model[op.From] -= op.Minutes;
                if (op.Kind == 2) model[op.To] += op.Minutes;
            }
            else
            {
                Assert.Equal("timebank_insufficient_balance", code);
                refused++;
            }
            if (i % 10 == 0)
            {
                var stored = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<TimeAccount>().Where(a => accounts.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Balance));
                Assert.Equal(model, accounts.Select(a => stored[a]).ToArray());
            }
            Assert.True(await LowestBalanceAsync() >= 0);
        }
        Assert.True(refused > 50, $"the walk should hit the floor often, refused {refused}");

        // concurrent: several contexts at once on three accounts, mostly debits, so that they race for the same minutes
        var hot = accounts.Take(3).ToList();
        for (var round = 0; round < 40; round++)
        {
            var ops = Enumerable.Range(0, 12).Select(_ => new Op(rng.Next(10) == 0 ? 0 : 1 + rng.Next(3), rng.Next(3), rng.Next(3), rng.Next(30, 400)))
                .Where(o => !(o.Kind == 2 && o.From == o.To)).ToList();
            var codes = await Task.WhenAll(ops.Select(o => Task.Run(() => RunAsync(o, hot, issuance, pool))));
            Assert.All(codes, c => Assert.True(c is null or "timebank_insufficient_balance", c));
            Assert.True(await LowestBalanceAsync() >= 0);
        }

        var check = await app.WithServicesAsync(sp => sp.GetRequiredService<TimeBankService>().ReconcileAsync(CancellationToken.None));
        Assert.Equal(0, check.EntriesSum);
        Assert.True(check.AccountsMatch, string.Join("; ", check.Mismatches.Select(m => $"{m.Name} {m.Balance} ≠ {m.EntriesSum}")));
        // the balance after on every entry of an account, in order, runs the account's own sum
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            foreach (var id in accounts)
            {
                var entries = await db.Set<TimeEntry>().Where(e => e.AccountId == id).ToListAsync();
                Assert.All(entries, e => Assert.True(e.BalanceAfter >= 0));
                Assert.Equal(await db.Set<TimeAccount>().Where(a => a.Id == id).Select(a => a.Balance).SingleAsync(), entries.Sum(e => e.Minutes));
            }
            return 0;
        });
    }
}

public sealed class TimeBankLedgerTestsOnSqlite(SqliteApp app) : TimeBankLedgerTests(app), IClassFixture<SqliteApp>;

public sealed class TimeBankLedgerTestsOnPostgres(PostgresApp app) : TimeBankLedgerTests(app), IClassFixture<PostgresApp>;

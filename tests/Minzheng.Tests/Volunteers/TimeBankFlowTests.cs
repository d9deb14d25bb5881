using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.Volunteers;
using Minzheng.Web.Modules.Volunteers.Records;
using Minzheng.Web.Modules.Volunteers.TimeBank;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Tests.Volunteers;

/// <summary>
/// The time bank on the demo data: the centre verifies its waiting elderly-care record and the time lands in the volunteer's
/// account; the volunteer transfers to a registered relative only; a correction lowering the minutes reverses, and one that
/// would take back spent time is refused with nothing saved; withdrawal needs the age; a group account only donates; another
/// county's officer gets 404; the reconciliation balances.
/// </summary>
public abstract class TimeBankFlowTests(AppFixture app)
{
    private Task<TimeAccount> AccountAsync(Guid personId) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<TimeBankLedger>().PersonAccountAsync(personId, CancellationToken.None));

    [Fact]
    public async Task Verified_elderly_care_deposits_transfers_go_to_registered_relatives_and_a_correction_reverses()
    {
        app.SkipIfUnavailable();
        var waiting = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<ServiceRecord>().AsNoTracking().SingleAsync(r => r.Status == ServiceRecordStatus.Submitted));
        Assert.Equal(ServiceCategory.ElderlyCare, waiting.Category);
        var personId = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<Volunteer>().Where(v => v.Id == waiting.VolunteerId).Select(v => v.PersonId).SingleAsync());
        var before = (await AccountAsync(personId)).Balance;

        await app.AsUserAsync("yangguang.org", sp => sp.GetRequiredService<ServiceVerification>().VerifyAsync(waiting.Id, new(waiting.ClaimedMinutes, null, waiting.Version)));
        var account = await AccountAsync(personId);
        Assert.Equal(before + waiting.ClaimedMinutes, account.Balance);

        // transfer: only to a registered relative
        var relativeId = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Persons.Where(p => p.Id != personId).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var refused = await Assert.ThrowsAsync<AppProblem>(() => app.WithServicesAsync(sp => sp.GetRequiredService<TimeBankService>().TransferAsync(account, new(relativeId, 30), CancellationToken.None)));
        Assert.Equal("timebank_relative_not_registered", refused.Code);
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            db.Add(new TimeRelative { AccountId = account.Id, RelativePersonId = relativeId, Relation = RelativeRelation.Parent, DivisionCode = account.DivisionCode, Proof = "出生医学证明（测试）" });
            return await db.SaveChangesAsync();
        });
        var relativeBefore = (await AccountAsync(relativeId)).Balance;
        await app.WithServicesAsync(sp => sp.GetRequiredService<TimeBankService>().TransferAsync(account, new(relativeId, 30), CancellationToken.None));
        Assert.Equal(before + waiting.ClaimedMinutes - 30, (await AccountAsync(personId)).Balance);
        Assert.Equal(relativeBefore + 30, (await AccountAsync(relativeId)).Balance);
        var tooMuch = await Assert.ThrowsAsync<AppProblem>(() => app.WithServicesAsync(sp => sp.GetRequiredService<TimeBankService>().TransferAsync(account, new(relativeId, 1_000_000), CancellationToken.None)));
        Assert.Equal("timebank_insufficient_balance", tooMuch.Code);

        // a correction lowering the minutes by 20 reverses 20
        async Task CorrectAsync(int minutes) => await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var r = await db.Set<ServiceRecord>().SingleAsync(x => x.Id == waiting.Id);
            var previous = r.VerifiedMinutes;
            r.VerifiedMinutes = minutes;
            await sp.GetRequiredService<VolunteerHours>().ApplyAsync(r, previous, CancellationToken.None);
            return await db.SaveChangesAsync();
        });
        await CorrectAsync(waiting.ClaimedMinutes - 20);
        Assert.Equal(before + waiting.ClaimedMinutes - 50, (await AccountAsync(personId)).Balance);
        var reversal = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<TimeTxn>().Include(t => t.Entries)
            .Where(t => t.ServiceRecordId == waiting.Id && t.Kind == TimeTxnKind.Reversal).SingleAsync());
        Assert.Equal(-20, reversal.Entries.Single(e => e.AccountId == account.Id).Minutes);
        Assert.Equal(0, reversal.Entries.Sum(e => e.Minutes));

        // spend the rest, then a correction to zero would take back spent time: refused, nothing saved
        var rest = (await AccountAsync(personId)).Balance;
        await app.WithServicesAsync(sp => sp.GetRequiredService<TimeBankService>().DonateAsync(account, new(rest), CancellationToken.None));
        var spent = await Assert.ThrowsAsync<AppProblem>(() => CorrectAsync(0));
        Assert.Equal("timebank_deposit_spent", spent.Code);
        Assert.Equal(waiting.ClaimedMinutes - 20, await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<ServiceRecord>().Where(r => r.Id == waiting.Id).Select(r => r.VerifiedMinutes).SingleAsync()));
        Assert.Equal(0, (await AccountAsync(personId)).Balance);

        // withdrawal needs the age: a person of the county under 50 is refused for the age, one over 70 with an empty account
        // for the balance (the demo volunteers are 18 to 65, so the volunteer above may be either)
        var servedOn = new DateOnly(2026, 11, 29);
        var (young, old) = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var people = db.Persons.Where(p => p.DivisionCode.StartsWith("450921") && p.LifeStatus == LifeStatus.Alive && !db.Set<TimeAccount>().Any(a => a.PersonId == p.Id)).OrderBy(p => p.Id);
            return (await people.Where(p => p.BirthDate > servedOn.AddYears(-50)).Select(p => p.Id).FirstAsync(),
                await people.Where(p => p.BirthDate < servedOn.AddYears(-70)).Select(p => p.Id).FirstAsync());
        });
        Task<AppProblem> WithdrawAsync(Guid accountId) => Assert.ThrowsAsync<AppProblem>(() => app.AsUserAsync("rongxian.officer", sp => sp.GetRequiredService<TimeBankService>().WithdrawAsync(
            new(accountId, null, 10, "助浴服务", servedOn, "新南社区志愿服务队"), CancellationToken.None)));
        Assert.Equal("timebank_below_withdrawal_age", (await WithdrawAsync((await AccountAsync(young)).Id)).Code);
        Assert.Equal("timebank_insufficient_balance", (await WithdrawAsync((await AccountAsync(old)).Id)).Code);
        // a group account only donates
        var missing = await Assert.ThrowsAsync<AppProblem>(() => app.AsUserAsync("rongxian.officer", sp => sp.GetRequiredService<TimeBankService>().WithdrawAsync(
            new(account.Id, null, null, " ", null, null), CancellationToken.None)));
        Assert.Equal(400, missing.Status);
        Assert.Contains("minutes", missing.Errors.Keys);
        Assert.Contains("service", missing.Errors.Keys);
        var group = await app.WithServicesAsync(async sp =>
        {
            var team = await sp.GetRequiredService<AppDbContext>().Set<VolunteerTeam>().Where(t => t.Name == VolunteersInitializer.CentreName).Select(t => t.Id).SingleAsync();
            return await sp.GetRequiredService<TimeBankLedger>().TeamAccountAsync(team, CancellationToken.None);
        });
        var donateOnly = await Assert.ThrowsAsync<AppProblem>(() => app.WithServicesAsync(sp => sp.GetRequiredService<TimeBankService>().TransferAsync(group, new(relativeId, 10), CancellationToken.None)));
        Assert.Equal("timebank_group_donate_only", donateOnly.Code);

        // scope: the county sees the account, another county's officer gets 404 on the read and the reversal
        var deposit = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<TimeTxn>().Where(t => t.ServiceRecordId == waiting.Id && t.Kind == TimeTxnKind.Deposit).Select(t => t.Id).SingleAsync());
        using var rongxian = await app.ClientAsync("rongxian.officer");
        Assert.Equal(HttpStatusCode.OK, (await rongxian.GetAsync($"/api/v1/volunteers/timebank/accounts/{account.Id}")).StatusCode);
        using var beiliu = await app.ClientAsync("beiliu.officer");
        Assert.Equal(HttpStatusCode.NotFound, (await beiliu.GetAsync($"/api/v1/volunteers/timebank/accounts/{account.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await beiliu.PostAsJsonAsync($"/api/v1/volunteers/timebank/transactions/{deposit}/reversal", new { reason = "测试" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await rongxian.PostAsJsonAsync($"/api/v1/volunteers/timebank/transactions/{deposit}/reversal", new { reason = "" })).StatusCode);

        // the reconciliation balances
        using var city = await app.ClientAsync("city.officer");
        var rec = await city.GetFromJsonAsync<JsonElement>("/api/v1/volunteers/timebank/reconciliation");
        Assert.Equal(0, rec.GetProperty("entriesSum").GetInt64());
        Assert.True(rec.GetProperty("accountsMatch").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await beiliu.GetAsync("/api/v1/volunteers/timebank/reconciliation")).StatusCode);
    }
}

public sealed class TimeBankFlowTestsOnSqlite(SqliteApp app) : TimeBankFlowTests(app), IClassFixture<SqliteApp>;

public sealed class TimeBankFlowTestsOnPostgres(PostgresApp app) : TimeBankFlowTests(app), IClassFixture<PostgresApp>;

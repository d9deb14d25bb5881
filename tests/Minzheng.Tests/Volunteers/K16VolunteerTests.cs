using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.Volunteers;
using Minzheng.Web.Modules.Volunteers.Activities;
using Minzheng.Web.Modules.Volunteers.Certificates;
using Minzheng.Web.Modules.Volunteers.Records;
using Minzheng.Web.Modules.Volunteers.Registration;
using Minzheng.Web.Modules.Volunteers.TimeBank;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Tests.Volunteers;

/// <summary>The FIFO expiry rule (pure): the excess of the balance over what was credited since the cut-off.</summary>
public sealed class TimeBankExpiryRuleTests
{
    [Theory]
    [InlineData(820, 120, 700)]
    [InlineData(820, 0, 820)]
    [InlineData(120, 820, 0)]
    [InlineData(0, 0, 0)]
    [InlineData(100, -50, 100)]
    public void Only_the_excess_over_recent_credits_expires(int balance, long credited, int expected) =>
        Assert.Equal(expected, TimeBankExpiry.Excess(balance, credited));
}

/// <summary>
/// Issue 16 completion (ADR 058): time-bank expiry (FIFO, only where the figure is in force, idempotent, the ledger balanced),
/// the activity capacity under concurrent selections, a correction revoking the proofs that list the record (the public page
/// says 已作废), and a minor registered only with the guardian's recorded consent and from the local minimum age.
/// </summary>
public abstract class K16VolunteerTests(AppFixture app)
{
    private const string Committee = VolunteersInitializer.CommitteeUserName;

    private Task<T> Db<T>(Func<AppDbContext, Task<T>> read) => app.WithServicesAsync(sp => read(sp.GetRequiredService<AppDbContext>()));

    [Fact]
    public async Task Expiry_books_the_old_unused_minutes_once_and_only_where_the_figure_is_in_force()
    {
        app.SkipIfUnavailable();
        var today = DateOnly.FromDateTime(Web.Platform.Time.BusinessClock.ToChina(app.Clock.GetUtcNow().UtcDateTime));
        var person = await Db(db => db.Persons.AsNoTracking()
            .Where(p => p.DivisionCode.StartsWith("450921") && p.LifeStatus == LifeStatus.Alive && !db.Set<TimeAccount>().Any(a => a.PersonId == p.Id))
            .OrderByDescending(p => p.Id).Select(p => new { p.Id, p.DivisionCode }).FirstAsync());
        var accountId = await app.WithServicesAsync(async sp => (await sp.GetRequiredService<TimeBankLedger>().PersonAccountAsync(person.Id, default)).Id);

        async Task PostAsync(TimeTxnKind kind, int minutes, int monthsAgo)
        {
            var txnId = await app.WithServicesAsync(async sp =>
            {
                var ledger = sp.GetRequiredService<TimeBankLedger>();
                var issuance = (await ledger.SystemAsync(TimeSystemAccount.Issuance, default)).Id;
                TimeLeg[] legs = kind == TimeTxnKind.Deposit ? [new(issuance, -minutes), new(accountId, minutes)] : [new(accountId, -minutes), new(issuance, minutes)];
                return (await ledger.PostAsync(ledger.NewTxn(kind, "过期测试"), legs, default)).Id;
            });
            // backdated: the ledger stamps the clock's now
            var at = Web.Platform.Time.BusinessClock.FromChina(today.AddMonths(-monthsAgo).ToDateTime(new TimeOnly(10, 0)));
            await Db(db => db.Set<TimeTxn>().Where(t => t.Id == txnId).ExecuteUpdateAsync(s => s.SetProperty(t => t.At, at)));
        }
        await PostAsync(TimeTxnKind.Deposit, 600, 10);
        await PostAsync(TimeTxnKind.Deposit, 300, 8);
        await PostAsync(TimeTxnKind.Deposit, 120, 2);
        await PostAsync(TimeTxnKind.Withdraw, 200, 1);
        Task<int> BalanceAsync() => Db(db => db.Set<TimeAccount>().Where(a => a.Id == accountId).Select(a => a.Balance).SingleAsync());
        Assert.Equal(820, await BalanceAsync());

        await app.WithServicesAsync(sp => sp.GetRequiredService<FigureBook>().AddAsync(new FigureInput
        {
            Module = VolunteerFigures.Module,
            Kind = TimeBankFigures.ExpiryMonths.Code,
            DivisionCode = DivisionCodes.CountyPart(person.DivisionCode).PadRight(12, '0'),
            Number = 6,
            ValidFrom = today,
            Document = "测试：时间银行时长有效期6个月",
        }));
        Task<(int, long)> RunAsync(DateOnly on) => app.WithServicesAsync(sp => sp.GetRequiredService<TimeBankExpiry>().RunOnAsync(on, default));

        // the day before the figure: nothing expires
        await RunAsync(today.AddDays(-1));
        Assert.Equal(820, await BalanceAsync());

        // FIFO: the withdrawal used the oldest 200; 400 + 300 are older than 6 months and expire, the recent 120 stays
        await RunAsync(today);
        Assert.Equal(120, await BalanceAsync());
        var expiries = await Db(db => db.Set<TimeEntry>().Where(e => e.AccountId == accountId)
            .Join(db.Set<TimeTxn>(), e => e.TxnId, t => t.Id, (e, t) => new { t.Kind, e.Minutes }).Where(x => x.Kind == TimeTxnKind.Expire).ToListAsync());
        Assert.Equal(-700, Assert.Single(expiries).Minutes);
        Assert.Equal("过期", TimeBankLabels.Kind(TimeTxnKind.Expire));

        // idempotent
        await RunAsync(today);
        Assert.Equal(120, await BalanceAsync());
        Assert.Equal(1, await Db(db => db.Set<TimeEntry>().Where(e => e.AccountId == accountId).Join(db.Set<TimeTxn>(), e => e.TxnId, t => t.Id, (e, t) => t.Kind).CountAsync(k => k == TimeTxnKind.Expire)));
        Assert.Equal(0L, await Db(db => db.Set<TimeEntry>().SumAsync(e => (long)e.Minutes)));
        Assert.True(await Db(db => db.AuditEntries.AnyAsync(e => e.Action == "volunteer.timebank.expire" && e.EntityId == accountId.ToString())));
    }

    [Fact]
    public async Task Concurrent_selections_never_exceed_the_capacity()
    {
        app.SkipIfUnavailable();
        var day = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(30).ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc);
        var input = new ActivityInput(null, "并发录用测试活动", "测试", "elderlycare", "新南社区", day, day.AddHours(2), "注意安全", null, null, "", 3, null);
        var draft = await app.AsUserAsync(Committee, sp => sp.GetRequiredService<ActivityPlans>().SaveAsync(null, input, default));
        var activity = await app.AsUserAsync(Committee, sp => sp.GetRequiredService<ActivityPlans>().TransitionAsync(draft.Id, "publish", draft.Version, default));
        // ten applications already standing (written directly: the sign-up path itself caps them at the capacity)
        var signups = await Db(async db =>
        {
            var volunteers = await db.Set<Volunteer>().Select(v => v.Id).Take(10).ToListAsync();
            var rows = volunteers.Select(v => new VolunteerSignup { ActivityId = activity.Id, VolunteerId = v, OrganizationId = activity.OrganizationId, DivisionCode = activity.DivisionCode, RisksAcknowledgedAt = DateTime.UtcNow }).ToList();
            db.AddRange(rows);
            await db.SaveChangesAsync();
            return rows.Select(r => (r.Id, r.Version)).ToList();
        });
        Assert.Equal(10, signups.Count);

        var outcomes = await Task.WhenAll(signups.Select(s => Task.Run(async () =>
        {
            try
            {
                await app.AsUserAsync(Committee, sp => sp.GetRequiredService<SignUps>().DecideAsync(s.Id, true, null, s.Version, default));
                return "selected";
            }
            catch (AppProblem e)
            {
                return e.Code;
            }
        })));
        Assert.Equal(3, outcomes.Count(o => o == "selected"));
        Assert.All(outcomes.Where(o => o != "selected"), o => Assert.Equal("volunteer_signup_full", o));
        Assert.Equal(3, await Db(db => db.Set<VolunteerSignup>().CountAsync(s => s.ActivityId == activity.Id && s.Status == SignupStatus.Selected)));
    }

    [Fact]
    public async Task An_accepted_correction_revokes_the_proof_listing_the_record_and_a_new_one_can_be_issued()
    {
        app.SkipIfUnavailable();
        var teamId = await Db(db => db.Set<VolunteerTeam>().Where(t => t.Name == VolunteersInitializer.CommitteeName || t.Name.StartsWith("新南社区志愿服务队")).Select(t => t.Id).FirstAsync());
        var record = await Db(db => db.Set<ServiceRecord>().AsNoTracking()
            .Where(r => r.TeamId == teamId && r.Status == ServiceRecordStatus.Verified && r.VerifiedMinutes > 30
                && !db.Set<ServiceCorrection>().Any(c => c.RecordId == r.Id && c.Status == CorrectionStatus.Requested))
            .OrderBy(r => r.Id).FirstAsync());
        var committee = await app.ClientAsync(Committee);
        var issued = await (await committee.PostAsJsonAsync("/api/v1/volunteers/certificates", new { volunteerId = record.VolunteerId, purpose = "评优" }).EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        var certificateId = issued.GetProperty("certificate").GetProperty("id").GetGuid();
        var verifyPath = issued.GetProperty("certificate").GetProperty("verifyPath").GetString()!;

        // the volunteer's request (written directly), then the committee accepts it: the time falls by 30 minutes
        var correction = await Db(async db =>
        {
            var c = new ServiceCorrection { RecordId = record.Id, VolunteerId = record.VolunteerId, OrganizationId = record.OrganizationId, DivisionCode = record.DivisionCode, RequestedMinutes = record.VerifiedMinutes - 30, PreviousMinutes = record.VerifiedMinutes, Reason = "签退时间记错" };
            db.Add(c);
            await db.SaveChangesAsync();
            return c;
        });
        await app.AsUserAsync(Committee, sp => sp.GetRequiredService<Corrections>().DecideAsync(correction.Id, true, "核实属实", correction.Version, default));

        var after = await Db(db => db.Set<VolunteerCertificate>().AsNoTracking().SingleAsync(c => c.Id == certificateId));
        Assert.Equal(CertificateStatus.Revoked, after.Status);
        Assert.Contains("更正", after.Reason);
        Assert.True(await Db(db => db.AuditEntries.AnyAsync(e => e.Action == "volunteer.certificate.revoke-corrected" && e.EntityId == certificateId.ToString())));
        var page = await app.CreateClient().GetStringAsync(verifyPath);
        Assert.Contains("已作废", page);

        // a new proof with the corrected time
        var again = await (await committee.PostAsJsonAsync("/api/v1/volunteers/certificates", new { volunteerId = record.VolunteerId, purpose = "评优" }).EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        Assert.Equal("issued", again.GetProperty("certificate").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_minor_is_registered_only_with_the_guardians_recorded_consent_and_from_the_minimum_age()
    {
        app.SkipIfUnavailable();
        var today = DateOnly.FromDateTime(Web.Platform.Time.BusinessClock.ToChina(app.Clock.GetUtcNow().UtcDateTime));
        var admin = await app.ClientAsync("admin");
        async Task<(string IdNumber, string Name)> MinorAsync(int age, string name)
        {
            var idNumber = IdNumber.Compose("450102", today.AddYears(-age).AddDays(-40), Random.Shared.Next(0, 450) * 2);
            var created = await admin.PostAsJsonAsync("/api/v1/persons", new { idNumber, name, divisionCode = "450921100003" });
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
            return (idNumber, name);
        }
        var teen = await MinorAsync(15, "韦小" + (char)('甲' + Random.Shared.Next(0, 50)) + "未");
        Task<VolunteerView> Register(OrganizationRegistrationInput input) =>
            app.AsUserAsync(Committee, sp => sp.GetRequiredService<VolunteerRegistrations>().RegisterByOrganizationAsync(input));

        // without the guardian: refused, naming the fields, nothing saved
        var bare = new OrganizationRegistrationInput(teen.IdNumber, teen.Name, true, null, null);
        var refused = await Assert.ThrowsAsync<AppProblem>(() => Register(bare));
        Assert.Contains("guardianName", refused.Errors.Keys);
        Assert.Contains("guardianConsent", refused.Errors.Keys);
        var unconsented = await Assert.ThrowsAsync<AppProblem>(() => Register(bare with { GuardianName = "韦大海", GuardianRelationship = "父亲", GuardianConsent = false }));
        Assert.Equal(["guardianConsent"], unconsented.Errors.Keys.ToArray());
        var personId = await Db(db => db.Persons.Where(p => p.Name == teen.Name).Select(p => p.Id).SingleAsync());
        Assert.False(await Db(db => db.Set<Volunteer>().AnyAsync(v => v.PersonId == personId)));

        // with it: registered, the consent recorded
        var view = await Register(bare with { GuardianName = "韦大海", GuardianRelationship = "父亲", GuardianConsent = true });
        var saved = await Db(db => db.Set<Volunteer>().AsNoTracking().SingleAsync(v => v.Id == view.Id));
        Assert.Equal("韦大海", saved.GuardianName);
        Assert.Equal("父亲", saved.GuardianRelationship);
        Assert.Equal(today, saved.GuardianConsentOn);
        Assert.Equal(Committee, saved.GuardianConsentRecordedBy);

        // a local minimum age of 10: a child of 8 is refused even with the consent
        await app.WithServicesAsync(sp => sp.GetRequiredService<FigureBook>().AddAsync(new FigureInput
        {
            Module = VolunteerFigures.Module,
            Kind = VolunteerFigures.MinorMinAge.Code,
            DivisionCode = "450921000000",
            Number = 10,
            ValidFrom = today,
            Document = "测试：未成年志愿者注册最低年龄",
        }));
        var child = await MinorAsync(8, "韦小" + (char)('乙' + Random.Shared.Next(0, 50)) + "童");
        var young = await Assert.ThrowsAsync<AppProblem>(() => Register(new OrganizationRegistrationInput(child.IdNumber, child.Name, true, null, null, "韦大海", "父亲", true)));
        Assert.Equal("volunteer_minor_too_young", young.Code);
    }
}

public sealed class K16VolunteerTestsOnSqlite(SqliteApp app) : K16VolunteerTests(app), IClassFixture<SqliteApp>;

public sealed class K16VolunteerTestsOnPostgres(PostgresApp app) : K16VolunteerTests(app), IClassFixture<PostgresApp>;

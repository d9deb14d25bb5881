using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.Marriage.Divorce;
using Minzheng.Web.Modules.Marriage.Registry;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Tests.Marriage;

/// <summary>
/// 协议离婚 through the API on SQLite and PostgreSQL with the fixture's clock moving (each test sets the day it starts on):
/// one divorce withdrawn by one party in the cooling-off (the marriage stays in force); one running its full course and
/// registered (both divorced, the marriage's certificates superseded, two 离婚证), then 补领 of the divorce certificate and a
/// record proof for the lost marriage certificate; one deemed withdrawn by the daily sweep; another county 404; stale 409;
/// bad input 400 by field; before 2021 registered on the spot.
/// </summary>
public abstract class DivorceTests(AppFixture app)
{
    private const string Api = "/api/v1/marriage/divorces";
    private const string RongxianCounty = "450921000000";

    /// <summary>Sets the day (back or forth: each test starts on its own day); tokens are then fetched again on the new time.</summary>
    private void MoveClockTo(DateOnly chinaDate) =>
        app.Clock.AdjustTime(new DateTimeOffset(chinaDate.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero));

    private sealed record Couple(Guid Male, Guid Female, Guid MarriageId, Guid OfficeId);

    /// <summary>Two 容县 residents married in 2015 at the 容县 office: the registration, both statuses and two 结婚证, made directly.</summary>
    private async Task<Couple> MarriedCoupleAsync()
    {
        var admin = await app.ClientAsync("admin");
        async Task<Guid> PersonAsync(Sex sex, string name) => (await (await admin.PostAsJsonAsync("/api/v1/persons",
            new { idNumber = TestIds.Next(sex), name, divisionCode = "450921100003" }).EnsureStatus(HttpStatusCode.Created)).JsonAsync()).GetProperty("id").GetGuid();
        var male = await PersonAsync(Sex.Male, "梁志远");
        var female = await PersonAsync(Sex.Female, "覃秀兰");
        return await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var certificates = sp.GetRequiredService<MarriageCertificates>();
            var statuses = sp.GetRequiredService<MaritalStatuses>();
            var office = await db.Set<MarriageOffice>().FirstAsync(o => o.DivisionCode == RongxianCounty);
            var on = new DateOnly(2015, 5, 20);
            var marriage = new MarriageRegistration
            {
                Number = await certificates.NextRegistrationNumberAsync(office, RegistrationKind.Marriage, on, CancellationToken.None),
                Kind = RegistrationKind.Marriage,
                OfficeId = office.Id,
                DivisionCode = office.DivisionCode,
                RegisteredOn = on,
                MalePersonId = male,
                FemalePersonId = female,
                RegisteredBy = "test",
            };
            db.Add(marriage);
            foreach (var p in await db.Persons.Where(p => p.Id == male || p.Id == female).ToListAsync())
                statuses.Record(p, MaritalStatus.Married, on, "结婚登记", marriage.Number, marriage.Id);
            await certificates.IssueAsync(marriage, CertificateKind.MarriageCertificate, male, null, CancellationToken.None);
            await certificates.IssueAsync(marriage, CertificateKind.MarriageCertificate, female, null, CancellationToken.None);
            await db.SaveChangesAsync();
            return new Couple(male, female, marriage.Id, office.Id);
        });
    }

    private static object Application(Couple c, bool agreement = true, string? children = "婚生子随女方生活，男方每月支付抚养费1500元") => new
    {
        officeId = c.OfficeId,
        malePersonId = c.Male,
        femalePersonId = c.Female,
        marriageId = c.MarriageId,
        childrenArrangement = children,
        propertyArrangement = "容州镇住房归女方所有，男方分得存款十万元",
        debtArrangement = "双方无共同债务",
        bothInPerson = true,
        agreementSigned = agreement,
        bothFullCapacity = true,
        marriedInMainland = true,
    };

    private Task<T> Services<T>(Func<AppDbContext, Task<T>> read) => app.WithServicesAsync(sp => read(sp.GetRequiredService<AppDbContext>()));

    private static DateOnly Date(JsonElement e, string name) => DateOnly.Parse(e.GetProperty(name).GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Withdrawn_by_one_party_in_the_cooling_off_leaves_the_marriage_in_force()
    {
        app.SkipIfUnavailable();
        MoveClockTo(new DateOnly(2026, 11, 30));
        var couple = await MarriedCoupleAsync();
        var clerk = await app.ClientAsync("rongxian.marriage");
        var applied = await (await clerk.PostAsJsonAsync(Api, Application(couple)).EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        Assert.Equal("accepted", applied.GetProperty("status").GetString());
        // received Monday 2026-11-30: +30 = Wednesday 2026-12-30; +30 = Friday 2027-01-29 (both working days)
        Assert.Equal(new DateOnly(2026, 12, 30), Date(applied, "withdrawUntil"));
        Assert.Equal(new DateOnly(2026, 12, 31), Date(applied, "appearFrom"));
        Assert.Equal(new DateOnly(2027, 1, 29), Date(applied, "appearUntil"));
        var id = applied.GetProperty("id").GetString();
        var version = applied.GetProperty("version").GetInt32();

        // a second application for the same couple while this one runs: 409
        await clerk.PostAsJsonAsync(Api, Application(couple)).ExpectProblemAsync(409, "divorce_application_exists");
        // registering in the cooling-off: 409
        await clerk.PostAsJsonAsync($"{Api}/{id}/register", new { version, bothInPerson = true }).ExpectProblemAsync(409, "divorce_too_early");
        // a stale version: 409, nothing changed
        await clerk.PostAsJsonAsync($"{Api}/{id}/withdraw", new { version = version + 7, personId = couple.Male }).ExpectProblemAsync(409, "concurrency_conflict");
        // a person who is not a party: 400 naming the field
        var bad = await clerk.PostAsJsonAsync($"{Api}/{id}/withdraw", new { version, personId = Guid.NewGuid() }).ExpectProblemAsync(400, "validation_failed");
        Assert.True(bad.GetProperty("errors").TryGetProperty("personId", out _));

        MoveClockTo(new DateOnly(2026, 12, 30)); // the last day of the cooling-off
        clerk = await app.ClientAsync("rongxian.marriage");
        var withdrawn = await (await clerk.PostAsJsonAsync($"{Api}/{id}/withdraw", new { version, personId = couple.Male, statement = "本人不同意离婚，撤回申请" })
            .EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal("withdrawn", withdrawn.GetProperty("status").GetString());
        await clerk.PostAsJsonAsync($"{Api}/{id}/withdraw", new { version = withdrawn.GetProperty("version").GetInt32(), personId = couple.Female })
            .ExpectProblemAsync(409, "divorce_not_open");

        var (marriage, statuses) = await Services(async db => (
            await db.Set<MarriageRegistration>().IgnoreQueryFilters().SingleAsync(r => r.Id == couple.MarriageId),
            await db.Persons.IgnoreQueryFilters().Where(p => p.Id == couple.Male || p.Id == couple.Female).Select(p => p.MaritalStatus).ToListAsync()));
        Assert.Equal(RegistrationStatus.InForce, marriage.Status);
        Assert.All(statuses, s => Assert.Equal(MaritalStatus.Married, s));
        var caseState = await Services(db => db.WorkflowCases.IgnoreQueryFilters().Where(c => c.SubjectId == Guid.Parse(id!)).Select(c => c.State).SingleAsync());
        Assert.Equal(DivorceProcess.Withdrawn, caseState);
    }

    [Fact]
    public async Task Full_course_on_the_clock_registers_the_divorce_then_reissues_or_proves()
    {
        app.SkipIfUnavailable();
        MoveClockTo(new DateOnly(2026, 11, 30));
        var couple = await MarriedCoupleAsync();
        var clerk = await app.ClientAsync("rongxian.marriage");
        var applied = await (await clerk.PostAsJsonAsync(Api, Application(couple)).EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        var id = applied.GetProperty("id").GetString();
        var version = applied.GetProperty("version").GetInt32();

        // another county's officer: 404 on the read and on every write
        var beiliu = await app.ClientAsync("beiliu.officer");
        Assert.Equal(HttpStatusCode.NotFound, (await beiliu.GetAsync($"{Api}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await beiliu.PostAsJsonAsync($"{Api}/{id}/withdraw", new { version, personId = couple.Male })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await beiliu.PostAsJsonAsync($"{Api}/{id}/register", new { version, bothInPerson = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await beiliu.PostAsJsonAsync(Api, Application(couple))).StatusCode);
        Assert.DoesNotContain(id!, (await beiliu.GetJsonAsync(Api)).ToString(), StringComparison.Ordinal);

        MoveClockTo(Date(applied, "appearFrom"));
        clerk = await app.ClientAsync("rongxian.marriage");
        beiliu = await app.ClientAsync("beiliu.officer");
        await clerk.PostAsJsonAsync($"{Api}/{id}/withdraw", new { version, personId = couple.Female }).ExpectProblemAsync(409, "divorce_withdraw_period_over");
        var notBoth = await clerk.PostAsJsonAsync($"{Api}/{id}/register", new { version, bothInPerson = false }).ExpectProblemAsync(400, "validation_failed");
        Assert.True(notBoth.GetProperty("errors").TryGetProperty("bothInPerson", out _));
        var registered = await (await clerk.PostAsJsonAsync($"{Api}/{id}/register", new { version, bothInPerson = true, opinion = "双方亲自到场，确认离婚意愿" })
            .EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal("registered", registered.GetProperty("status").GetString());
        var divorceId = registered.GetProperty("registrationId").GetGuid();

        var facts = await Services(async db => new
        {
            Marriage = await db.Set<MarriageRegistration>().IgnoreQueryFilters().SingleAsync(r => r.Id == couple.MarriageId),
            Divorce = await db.Set<MarriageRegistration>().IgnoreQueryFilters().SingleAsync(r => r.Id == divorceId),
            Statuses = await db.Persons.IgnoreQueryFilters().Where(p => p.Id == couple.Male || p.Id == couple.Female).Select(p => p.MaritalStatus).ToListAsync(),
            Events = await db.Set<MaritalEvent>().IgnoreQueryFilters().CountAsync(e => e.SourceId == divorceId && e.Status == MaritalStatus.Divorced),
            Certificates = await db.Set<MarriageCertificate>().IgnoreQueryFilters().Where(c => c.RegistrationId == couple.MarriageId || c.RegistrationId == divorceId).ToListAsync(),
        });
        Assert.Equal(RegistrationStatus.Dissolved, facts.Marriage.Status);
        Assert.Equal(Date(applied, "appearFrom"), facts.Marriage.EndedOn);
        Assert.Equal(RegistrationKind.Divorce, facts.Divorce.Kind);
        Assert.StartsWith("L450921-", facts.Divorce.Number, StringComparison.Ordinal);
        Assert.All(facts.Statuses, s => Assert.Equal(MaritalStatus.Divorced, s));
        Assert.Equal(2, facts.Events);
        Assert.All(facts.Certificates.Where(c => c.RegistrationId == couple.MarriageId), c => Assert.Equal(CertificateStatus.Superseded, c.Status));
        var divorceCertificates = facts.Certificates.Where(c => c.RegistrationId == divorceId).ToList();
        Assert.Equal(2, divorceCertificates.Count);
        Assert.All(divorceCertificates, c => Assert.Equal((CertificateKind.DivorceCertificate, CertificateStatus.Valid), (c.Kind, c.Status)));

        // the man lost his 结婚证: the marriage is dissolved, so a 婚姻登记记录证明, not a reissue
        var proof = await (await clerk.PostAsJsonAsync("/api/v1/marriage/certificates/requests", new { registrationId = couple.MarriageId, holderPersonId = couple.Male, reason = "遗失" })
            .EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        Assert.False(proof.GetProperty("reissued").GetBoolean());
        Assert.Equal("record-proof", proof.GetProperty("certificate").GetProperty("kind").GetString());
        Assert.StartsWith("/verify/marriage/", proof.GetProperty("certificate").GetProperty("verifyPath").GetString(), StringComparison.Ordinal);
        // the woman lost her 离婚证: still divorced, so reissued and the old one replaced
        var reissued = await (await clerk.PostAsJsonAsync("/api/v1/marriage/certificates/requests", new { registrationId = divorceId, holderPersonId = couple.Female })
            .EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        Assert.True(reissued.GetProperty("reissued").GetBoolean());
        Assert.StartsWith("B", reissued.GetProperty("certificate").GetProperty("number").GetString(), StringComparison.Ordinal);
        var old = divorceCertificates.Single(c => c.HolderPersonId == couple.Female).Id;
        Assert.Equal(CertificateStatus.Replaced, await Services(db => db.Set<MarriageCertificate>().IgnoreQueryFilters().Where(c => c.Id == old).Select(c => c.Status).SingleAsync()));
        // not a party: 400 by field; another county: 404
        await clerk.PostAsJsonAsync("/api/v1/marriage/certificates/requests", new { registrationId = divorceId, holderPersonId = Guid.NewGuid() })
            .ExpectProblemAsync(400, "marriage_certificate_not_holder");
        Assert.Equal(HttpStatusCode.NotFound, (await beiliu.PostAsJsonAsync("/api/v1/marriage/certificates/requests", new { registrationId = divorceId, holderPersonId = couple.Female })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await beiliu.GetAsync($"/api/v1/marriage/certificates/{old}")).StatusCode);
    }

    [Fact]
    public async Task Deemed_withdrawn_by_the_daily_sweep_once_the_appearance_period_passed()
    {
        app.SkipIfUnavailable();
        MoveClockTo(new DateOnly(2026, 11, 30));
        var couple = await MarriedCoupleAsync();
        var clerk = await app.ClientAsync("rongxian.marriage");
        var applied = await (await clerk.PostAsJsonAsync(Api, Application(couple)).EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        var id = applied.GetProperty("id").GetString();
        var appearUntil = Date(applied, "appearUntil");

        Task<int> SweepAsync() => app.WithServicesAsync(sp => sp.GetRequiredService<DivorceApplications>().SweepDeemedWithdrawnAsync(sp.GetRequiredService<BusinessClock>().Today, CancellationToken.None));
        MoveClockTo(appearUntil); // the last day: still open
        clerk = await app.ClientAsync("rongxian.marriage");
        await SweepAsync();
        Assert.Equal("accepted", (await clerk.GetJsonAsync($"{Api}/{id}")).GetProperty("status").GetString());

        MoveClockTo(appearUntil.AddDays(1));
        clerk = await app.ClientAsync("rongxian.marriage");
        // the recurring job of the running application may sweep first on the moved clock: either way it is closed once
        await SweepAsync();
        Assert.Equal(0, await SweepAsync()); // idempotent
        var closed = await clerk.GetJsonAsync($"{Api}/{id}");
        Assert.Equal("deemed-withdrawn", closed.GetProperty("status").GetString());
        await clerk.PostAsJsonAsync($"{Api}/{id}/register", new { version = closed.GetProperty("version").GetInt32(), bothInPerson = true }).ExpectProblemAsync(409, "divorce_not_open");
        Assert.Equal(MaritalStatus.Married, await Services(db => db.Persons.IgnoreQueryFilters().Where(p => p.Id == couple.Male).Select(p => p.MaritalStatus).SingleAsync()));
        Assert.True(await Services(db => db.AuditEntries.IgnoreQueryFilters().AnyAsync(e => e.Action == "divorce-deemed-withdrawn" && e.EntityId == id)));
    }

    [Fact]
    public async Task Bad_input_is_refused_by_field_and_a_missing_agreement_is_not_accepted()
    {
        app.SkipIfUnavailable();
        MoveClockTo(new DateOnly(2026, 11, 30));
        var couple = await MarriedCoupleAsync();
        var clerk = await app.ClientAsync("rongxian.marriage");
        var bad = await clerk.PostAsJsonAsync(Api, Application(couple, children: "无")).ExpectProblemAsync(400, "validation_failed");
        Assert.True(bad.GetProperty("errors").TryGetProperty("childrenArrangement", out _));
        var tooLong = await clerk.PostAsJsonAsync(Api, Application(couple, children: new string('长', 2001))).ExpectProblemAsync(400, "validation_failed");
        Assert.True(tooLong.GetProperty("errors").TryGetProperty("childrenArrangement", out _));
        var empty = await clerk.PostAsJsonAsync(Api, new { bothInPerson = false }).ExpectProblemAsync(400, "validation_failed");
        foreach (var field in new[] { "officeId", "malePersonId", "femalePersonId", "bothInPerson", "marriageCertificateNumber", "marriedOn" })
            Assert.True(empty.GetProperty("errors").TryGetProperty(field, out _), field);
        Assert.Equal(0, await Services(db => db.Set<DivorceApplication>().IgnoreQueryFilters().CountAsync(a => a.MalePersonId == couple.Male)));

        var refused = await (await clerk.PostAsJsonAsync(Api, Application(couple, agreement: false)).EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        Assert.Equal("not-accepted", refused.GetProperty("status").GetString());
        Assert.Contains("离婚协议", refused.GetProperty("refusalGrounds")[0].GetString(), StringComparison.Ordinal);
        // the 告知书 prints
        var notice = await clerk.GetAsync($"/marriage/divorces/{refused.GetProperty("id").GetString()}/print");
        Assert.Equal(HttpStatusCode.OK, notice.StatusCode);
        Assert.Contains("不予受理", await notice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Before_2021_the_divorce_is_registered_on_the_spot()
    {
        app.SkipIfUnavailable();
        // The process definitions are stored valid from the day the application started (the fixture's 2026); a platform that
        // ran in 2020 had its definition then, so the test dates this one back before acting on a 2020 day.
        await Services(db => db.WorkflowProcesses.Where(p => p.Code == DivorceProcess.Code)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.ValidFrom, new DateOnly(2003, 1, 1))));
        MoveClockTo(new DateOnly(2020, 6, 1));
        var couple = await MarriedCoupleAsync();
        var clerk = await app.ClientAsync("rongxian.marriage");
        var applied = await (await clerk.PostAsJsonAsync(Api, Application(couple)).EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        Assert.Equal("registered", applied.GetProperty("status").GetString());
        Assert.Equal(0, applied.GetProperty("coolingOffDays").GetInt32());
        Assert.Equal(new DateOnly(2020, 6, 1), Date(applied, "appearUntil"));
        Assert.Equal(MaritalStatus.Divorced, await Services(db => db.Persons.IgnoreQueryFilters().Where(p => p.Id == couple.Female).Select(p => p.MaritalStatus).SingleAsync()));
        // the receipt page of a registered application prints too
        var page = await clerk.GetAsync($"/marriage/divorces/{applied.GetProperty("id").GetString()}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}

public sealed class DivorceTestsOnSqlite(SqliteApp app) : DivorceTests(app), IClassFixture<SqliteApp>;

public sealed class DivorceTestsOnPostgres(PostgresApp app) : DivorceTests(app), IClassFixture<PostgresApp>;

using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.Marriage.Registration;
using Minzheng.Web.Modules.Marriage.Registry;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Tests.Marriage;

/// <summary>
/// Issue 15 item 1, the marriage half, over HTTP: the counter of 容县 registers a marriage (status and history on both
/// registry persons, two 结婚证 whose QR tokens verify anonymously, a forged token refused and audited), refuses an under-age
/// couple in writing with nothing registered, revokes a coerced marriage only for an application dated before 2021, and
/// books appointments up to the office's daily capacity. 北流市's officer gets 404 on all of it. Clock: 2026-11-30.
/// </summary>
public abstract class MarriageRegistrationTests(AppFixture app)
{
    private const string Village = "450921100003";

    private async Task<(Guid Id, string IdNumber)> PersonAsync(string name, DateOnly birth, bool male)
    {
        var admin = await app.ClientAsync("admin");
        for (var attempt = 0; ; attempt++)
        {
            // the sequence's parity is the sex in an ID number (odd: male)
            var sequence = Random.Shared.Next(1, 450) * 2 + (male ? 1 : 0);
            var idNumber = IdNumber.Compose("450921", birth, sequence);
            var r = await admin.PostAsJsonAsync("/api/v1/persons", new { idNumber, name, divisionCode = Village });
            if (r.StatusCode == HttpStatusCode.Conflict && attempt < 5) continue;
            Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
            return ((await r.JsonAsync()).GetProperty("id").GetGuid(), idNumber);
        }
    }

    private Task<int> EventsOfAsync(Guid personId) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<MaritalEvent>().IgnoreQueryFilters().CountAsync(e => e.PersonId == personId));

    [Fact]
    public async Task A_marriage_is_registered_with_status_history_and_certificates_that_verify()
    {
        app.SkipIfUnavailable();
        var clerk = await app.ClientAsync("rongxian.marriage");
        var other = await app.ClientAsync("beiliu.officer");
        var (man, manId) = await PersonAsync("韦建国", new DateOnly(1995, 3, 3), male: true);
        var (woman, womanId) = await PersonAsync("莫秀兰", new DateOnly(1997, 8, 8), male: false);
        var office = Assert.Single((await clerk.GetJsonAsync("/api/v1/marriage/offices")).GetProperty("items").EnumerateArray());
        Assert.Equal("450921000000", office.GetProperty("divisionCode").GetString());

        // bad input: 400 naming the field
        var bad = await clerk.PostAsJsonAsync("/api/v1/marriage/registrations", new { femaleIdNumber = womanId, bothInPerson = true, declarationsSigned = true }).ExpectProblemAsync(400, "validation_failed");
        Assert.True(bad.GetProperty("errors").TryGetProperty("maleIdNumber", out _));
        // not in person and no declaration: 422 with each ground beside its field, nothing written
        var refused = await clerk.PostAsJsonAsync("/api/v1/marriage/registrations", new { maleIdNumber = manId, femaleIdNumber = womanId }).ExpectProblemAsync(422, "marriage_refused");
        Assert.True(refused.GetProperty("errors").TryGetProperty("bothInPerson", out _));
        Assert.True(refused.GetProperty("errors").TryGetProperty("declarationsSigned", out _));
        Assert.Equal(0, await EventsOfAsync(man));

        // another county's officer cannot register in 容县's office
        await other.PostAsJsonAsync("/api/v1/marriage/registrations", new { officeId = office.GetProperty("id").GetGuid(), maleIdNumber = manId, femaleIdNumber = womanId, bothInPerson = true, declarationsSigned = true })
            .ExpectProblemAsync(404, "not_found");

        var reg = await (await clerk.PostAsJsonAsync("/api/v1/marriage/registrations", new { maleIdNumber = manId, femaleIdNumber = womanId, bothInPerson = true, declarationsSigned = true })
            .EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        var id = reg.GetProperty("id").GetGuid();
        Assert.StartsWith("J450921-2026-", reg.GetProperty("number").GetString(), StringComparison.Ordinal);
        Assert.Equal("in-force", reg.GetProperty("status").GetString());
        Assert.Equal(("有配偶", "有配偶"), (reg.GetProperty("male").GetProperty("maritalStatus").GetString(), reg.GetProperty("female").GetProperty("maritalStatus").GetString()));
        var certificates = reg.GetProperty("certificates").EnumerateArray().ToList();
        Assert.Equal(2, certificates.Count);
        Assert.Equal(new[] { man, woman }.Order(), certificates.Select(c => c.GetProperty("holderPersonId").GetGuid()).Order());
        Assert.All(certificates, c => Assert.True(c.GetProperty("valid").GetBoolean()));
        Assert.Equal(1, await EventsOfAsync(man));
        Assert.Equal(1, await EventsOfAsync(woman));
        // the person page shows the status and its history
        var personPage = await (await clerk.GetAsync($"/registry/persons/{man}").EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Contains("结婚登记", personPage, StringComparison.Ordinal);
        Assert.Contains(reg.GetProperty("number").GetString()!, personPage, StringComparison.Ordinal);

        // the same man again: already married (422); a stale version of the woman: 409
        var (third, thirdId) = await PersonAsync("梁小燕", new DateOnly(1996, 1, 1), male: false);
        var again = await clerk.PostAsJsonAsync("/api/v1/marriage/registrations", new { maleIdNumber = manId, femaleIdNumber = thirdId, bothInPerson = true, declarationsSigned = true }).ExpectProblemAsync(422, "marriage_refused");
        Assert.True(again.GetProperty("errors").TryGetProperty("maleIdNumber", out _));
        var (fourth, fourthId) = await PersonAsync("黎志明", new DateOnly(1994, 1, 1), male: true);
        await clerk.PostAsJsonAsync("/api/v1/marriage/registrations", new { maleIdNumber = fourthId, femaleIdNumber = thirdId, femaleVersion = 99, bothInPerson = true, declarationsSigned = true })
            .ExpectProblemAsync(409, "concurrency_conflict");
        Assert.Equal(0, await EventsOfAsync(third));

        // the QR token verifies anonymously; a forged one is refused (404, "未查到该证书") and both scans are audited
        var anonymous = app.CreateClient();
        var verifyPath = certificates[0].GetProperty("verifyPath").GetString()!;
        var verified = await (await anonymous.GetAsync(verifyPath).EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Contains("证书真实有效", verified, StringComparison.Ordinal);
        Assert.Contains("韦*国", verified, StringComparison.Ordinal);
        Assert.DoesNotContain("韦建国", verified, StringComparison.Ordinal);
        var forged = await anonymous.GetAsync("/verify/marriage/" + MarriageCertificates.NewToken());
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Contains("未查到该证书", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var scans = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.Where(a => a.Action.StartsWith("marriage-certificate-scan")).Select(a => a.Action).ToListAsync());
        Assert.Contains("marriage-certificate-scan", scans);
        Assert.Contains("marriage-certificate-scan-unknown", scans);

        // the print page: the data page with a QR code of the absolute verification URL
        var certId = certificates[0].GetProperty("id").GetGuid();
        var print = await (await clerk.GetAsync($"/marriage/certificates/{certId}/print").EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Contains("<svg", print, StringComparison.Ordinal);
        Assert.Contains("http://localhost" + verifyPath, print, StringComparison.Ordinal);
        Assert.Contains("容县民政局", print, StringComparison.Ordinal);

        // another county: 404 on the registration, the certificate, the print page and the revocation
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/marriage/registrations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/marriage/certificates/{certId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/marriage/certificates/{certId}/print")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/marriage/registrations/{id}")).StatusCode);
        await other.PostAsJsonAsync($"/api/v1/marriage/registrations/{id}/revoke", new { version = reg.GetProperty("version").GetInt32(), appliedOn = new DateOnly(2026, 11, 30), grounds = "受胁迫" })
            .ExpectProblemAsync(404, "not_found");

        // revocation: an application of today goes to the court (422); one dated 2020 is the registry's to decide
        var officer = await app.ClientAsync("rongxian.officer");
        var court = await officer.PostAsJsonAsync($"/api/v1/marriage/registrations/{id}/revoke", new { version = reg.GetProperty("version").GetInt32(), appliedOn = new DateOnly(2026, 11, 30), grounds = "女方称受胁迫" })
            .ExpectProblemAsync(422, "marriage_revocation_court_only");
        Assert.Contains("人民法院", court.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<MarriageRegistration>().IgnoreQueryFilters().Where(r => r.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.RegisteredOn, new DateOnly(2019, 5, 20))));
        var revoked = await (await officer.PostAsJsonAsync($"/api/v1/marriage/registrations/{id}/revoke", new { version = reg.GetProperty("version").GetInt32(), appliedOn = new DateOnly(2020, 6, 1), grounds = "女方提交了受胁迫的证据" })
            .EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal("revoked", revoked.GetProperty("status").GetString());
        Assert.Equal(("未婚", "未婚"), (revoked.GetProperty("male").GetProperty("maritalStatus").GetString(), revoked.GetProperty("female").GetProperty("maritalStatus").GetString()));
        Assert.All(revoked.GetProperty("certificates").EnumerateArray(), c => Assert.False(c.GetProperty("valid").GetBoolean()));
        Assert.Contains("已失效", await (await anonymous.GetAsync(verifyPath).EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // a stale version of the registration: 409
        await officer.PostAsJsonAsync($"/api/v1/marriage/registrations/{id}/revoke", new { version = reg.GetProperty("version").GetInt32(), appliedOn = new DateOnly(2020, 6, 1), grounds = "再次" })
            .ExpectProblemAsync(409, "concurrency_conflict");
        Assert.Equal(2, await EventsOfAsync(man));
    }

    [Fact]
    public async Task An_under_age_couple_is_refused_in_writing_and_nothing_is_registered()
    {
        app.SkipIfUnavailable();
        var clerk = await app.ClientAsync("rongxian.marriage");
        // the woman turns 20 on 2026-12-01: one day short on 2026-11-30
        var (man, manId) = await PersonAsync("陆文斌", new DateOnly(2000, 2, 2), male: true);
        var (woman, womanId) = await PersonAsync("甘小琴", new DateOnly(2006, 12, 1), male: false);
        var p = await clerk.PostAsJsonAsync("/api/v1/marriage/registrations", new { maleIdNumber = manId, femaleIdNumber = womanId, bothInPerson = true, declarationsSigned = true })
            .ExpectProblemAsync(422, "marriage_refused");
        Assert.Contains("20", p.GetProperty("errors").GetProperty("femaleIdNumber")[0].GetString(), StringComparison.Ordinal);
        Assert.False(p.GetProperty("errors").TryGetProperty("maleIdNumber", out _));
        Assert.Equal(0, await EventsOfAsync(woman));
        Assert.Equal(0, await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<MarriageRegistration>().IgnoreQueryFilters().CountAsync(r => r.FemalePersonId == woman)));

        // the written refusal lists the ground; a refusal with no ground at all is refused
        var refusal = await (await clerk.PostAsJsonAsync("/api/v1/marriage/refusals", new { maleIdNumber = manId, femaleIdNumber = womanId, bothInPerson = true, declarationsSigned = true })
            .EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        Assert.StartsWith("JB450921-2026-", refusal.GetProperty("number").GetString(), StringComparison.Ordinal);
        Assert.Equal("under_age", Assert.Single(refusal.GetProperty("findings").EnumerateArray()).GetProperty("ground").GetString());
        var notice = await (await clerk.GetAsync($"/marriage/refusals/{refusal.GetProperty("id").GetGuid()}/print").EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Contains("不予办理结婚登记告知书", notice, StringComparison.Ordinal);
        Assert.Contains("未满20周岁", notice, StringComparison.Ordinal);
        var (grown, grownId) = await PersonAsync("甘小梅", new DateOnly(1999, 12, 1), male: false);
        await clerk.PostAsJsonAsync("/api/v1/marriage/refusals", new { maleIdNumber = manId, femaleIdNumber = grownId, bothInPerson = true, declarationsSigned = true })
            .ExpectProblemAsync(400, "marriage_refusal_without_grounds");
        Assert.Equal(0, await EventsOfAsync(grown));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientAsync("beiliu.officer")).GetAsync($"/api/v1/marriage/refusals/{refusal.GetProperty("id").GetGuid()}")).StatusCode);
        Assert.Equal(0, await EventsOfAsync(man));
    }

    [Fact]
    public async Task Appointments_are_taken_on_working_days_up_to_the_daily_capacity()
    {
        app.SkipIfUnavailable();
        var clerk = await app.ClientAsync("rongxian.marriage");
        var officeId = (await clerk.GetJsonAsync("/api/v1/marriage/offices")).GetProperty("items")[0].GetProperty("id").GetGuid();
        await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<MarriageOffice>().IgnoreQueryFilters().Where(o => o.Id == officeId)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.DailyCapacity, 2)));
        var day = new DateOnly(2026, 12, 3); // a Thursday
        object Book(DateOnly d, string male) => new { officeId, day = d, purpose = "marriage", maleName = male, femaleName = "某女" };

        await clerk.PostAsJsonAsync("/api/v1/marriage/appointments", Book(new DateOnly(2026, 12, 5), "甲")).ExpectProblemAsync(400, "marriage_appointment_not_working_day");
        var bad = await clerk.PostAsJsonAsync("/api/v1/marriage/appointments", new { officeId, day, purpose = "wedding", maleName = "", femaleName = "某女" }).ExpectProblemAsync(400, "validation_failed");
        Assert.True(bad.GetProperty("errors").TryGetProperty("purpose", out _));
        Assert.True(bad.GetProperty("errors").TryGetProperty("maleName", out _));
        var first = await (await clerk.PostAsJsonAsync("/api/v1/marriage/appointments", Book(day, "甲")).EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        await clerk.PostAsJsonAsync("/api/v1/marriage/appointments", Book(day, "乙")).EnsureStatus(HttpStatusCode.Created);
        await clerk.PostAsJsonAsync("/api/v1/marriage/appointments", Book(day, "丙")).ExpectProblemAsync(409, "marriage_appointment_day_full");

        var other = await app.ClientAsync("beiliu.officer");
        await other.PostAsJsonAsync($"/api/v1/marriage/appointments/{first.GetProperty("id").GetGuid()}/cancel", new { version = first.GetProperty("version").GetInt32(), reason = "改期" })
            .ExpectProblemAsync(404, "not_found");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/marriage/appointments?officeId={officeId}&day=2026-12-03")).StatusCode);
        await clerk.PostAsJsonAsync($"/api/v1/marriage/appointments/{first.GetProperty("id").GetGuid()}/cancel", new { version = first.GetProperty("version").GetInt32(), reason = "改期" })
            .EnsureStatus(HttpStatusCode.OK);
        await clerk.PostAsJsonAsync($"/api/v1/marriage/appointments/{first.GetProperty("id").GetGuid()}/cancel", new { version = first.GetProperty("version").GetInt32(), reason = "改期" })
            .ExpectProblemAsync(409, "concurrency_conflict");
        await clerk.PostAsJsonAsync("/api/v1/marriage/appointments", Book(day, "丙")).EnsureStatus(HttpStatusCode.Created);
        var list = await clerk.GetJsonAsync($"/api/v1/marriage/appointments?officeId={officeId}&day=2026-12-03");
        Assert.Equal(3, list.GetProperty("total").GetInt32());
        Assert.Equal(["cancelled", "booked", "booked"], list.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("status").GetString()).ToArray());
        var page = await (await clerk.GetAsync($"/marriage/appointments?officeId={officeId}&day=2026-12-03").EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Contains("丙", page, StringComparison.Ordinal);
        var index = await (await clerk.GetAsync("/marriage").EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Contains("容县婚姻登记处", index, StringComparison.Ordinal);
    }
}

public sealed class MarriageRegistrationTestsOnSqlite(SqliteApp app) : MarriageRegistrationTests(app), IClassFixture<SqliteApp>;

public sealed class MarriageRegistrationTestsOnPostgres(PostgresApp app) : MarriageRegistrationTests(app), IClassFixture<PostgresApp>;

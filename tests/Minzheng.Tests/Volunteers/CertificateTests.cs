using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.Volunteers;
using Minzheng.Web.Modules.Volunteers.Certificates;
using Minzheng.Web.Modules.Volunteers.Records;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;

namespace Minzheng.Tests.Volunteers;

/// <summary>
/// 志愿服务记录证明 on the demo data: the organiser issues from its own verified records only, the public page verifies the
/// masked proof and says 已作废 once revoked, a forged token is 404, every scan is audited; another organisation and another
/// county get 404; the volunteer's request goes 申请 → 受理 → 开具. And the star recompute after a new star figure.
/// </summary>
public abstract class CertificateTests(AppFixture app)
{
    private const string Api = "/api/v1/volunteers/certificates";

    private sealed record Demo(Guid CentreTeam, Guid CommitteeTeam, Guid Shared, Guid CentreOnly, long SharedCentreMinutes, long SharedCommitteeMinutes, string SharedName);

    private Task<Demo> DemoAsync() => app.WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var teams = await db.Set<VolunteerTeam>().AsNoTracking().ToListAsync();
        var centre = teams.Single(t => t.Name == VolunteersInitializer.CentreName).Id;
        var committee = teams.Single(t => t.Name == VolunteersInitializer.CommitteeName).Id;
        var verified = await db.Set<ServiceRecord>().AsNoTracking().Where(r => r.Status == ServiceRecordStatus.Verified).ToListAsync();
        var members = await db.Set<VolunteerMembership>().AsNoTracking().ToListAsync();
        bool Member(Guid v, Guid t) => members.Any(m => m.VolunteerId == v && m.TeamId == t);
        var withCentre = verified.Where(r => r.TeamId == centre).Select(r => r.VolunteerId).Distinct().ToList();
        var shared = withCentre.First(v => Member(v, committee) && verified.Any(r => r.VolunteerId == v && r.TeamId == committee));
        var centreOnly = withCentre.First(v => !Member(v, committee));
        var person = await db.Set<Volunteer>().AsNoTracking().Where(v => v.Id == shared).Select(v => v.PersonId).SingleAsync();
        var name = await db.Persons.AsNoTracking().Where(p => p.Id == person).Select(p => p.Name).SingleAsync();
        return new Demo(centre, committee, shared, centreOnly,
            verified.Where(r => r.VolunteerId == shared && r.TeamId == centre).Sum(r => (long)r.VerifiedMinutes),
            verified.Where(r => r.VolunteerId == shared && r.TeamId == committee).Sum(r => (long)r.VerifiedMinutes), name);
    });

    [Fact]
    public async Task The_organiser_issues_the_public_page_verifies_masked_and_revoked_shows_void()
    {
        app.SkipIfUnavailable();
        var demo = await DemoAsync();
        var centre = await app.ClientAsync("yangguang.org");

        var before = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<VolunteerCertificate>().CountAsync());
        // bad input: 400 naming the field, nothing saved
        var bad = await centre.PostAsJsonAsync(Api, new { volunteerId = demo.Shared, periodFrom = "2026-05-01", periodTo = "2026-04-01" }).ExpectProblemAsync(400, "validation_failed");
        Assert.True(bad.GetProperty("errors").TryGetProperty("periodTo", out _), bad.ToString());
        var none = await centre.PostAsJsonAsync(Api, new { }).ExpectProblemAsync(400, "validation_failed");
        Assert.True(none.GetProperty("errors").TryGetProperty("volunteerId", out _), none.ToString());
        var empty = await centre.PostAsJsonAsync(Api, new { volunteerId = demo.Shared, periodFrom = "2001-01-01", periodTo = "2001-12-31" }).ExpectProblemAsync(400, "volunteer_certificate_no_records");
        Assert.True(empty.GetProperty("errors").TryGetProperty("periodFrom", out _), empty.ToString());
        Assert.Equal(before, await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<VolunteerCertificate>().CountAsync()));

        var issued = await (await centre.PostAsJsonAsync(Api, new { volunteerId = demo.Shared, purpose = "评优" }).EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        var c = issued.GetProperty("certificate");
        Assert.Equal("issued", c.GetProperty("status").GetString());
        Assert.Equal(Math.Round(demo.SharedCentreMinutes / 60m, 2), c.GetProperty("totalHours").GetDecimal());
        Assert.StartsWith("ZM450921" + app.Clock.GetUtcNow().Year, c.GetProperty("number").GetString());
        Assert.Equal(VolunteersInitializer.CentreName, c.GetProperty("issuerName").GetString());
        Assert.Equal(demo.SharedCentreMinutes, issued.GetProperty("lines").EnumerateArray().Sum(l => l.GetProperty("minutes").GetInt32()));
        Assert.Equal("居民身份证", issued.GetProperty("idType").GetString());
        Assert.Contains("*", issued.GetProperty("idNumberMasked").GetString());
        var id = c.GetProperty("id").GetGuid();
        var path = c.GetProperty("verifyPath").GetString()!;
        var token = path[(path.LastIndexOf('/') + 1)..];
        Assert.Equal(32, token.Length); // 24 random bytes

        // the print page, with its QR code
        var print = await (await centre.GetAsync($"/volunteers/certificates/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("志愿服务记录证明", print);
        Assert.Contains("<svg", print);

        // the anonymous page and API: masked, valid
        var anonymous = app.CreateClient();
        var page = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains(Minzheng.Web.Platform.Registry.PersonNames.Mask(demo.SharedName), html);
        Assert.DoesNotContain(demo.SharedName, html);
        Assert.Contains("有效", html);
        var json = await anonymous.GetJsonAsync($"/api/v1/volunteers/public/certificates/{token}");
        Assert.True(json.GetProperty("valid").GetBoolean());
        Assert.Contains("*", json.GetProperty("volunteerNumber").GetString());

        // a forged token: 404 on the page and the API
        var forged = ServiceCertificates.NewToken();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/public/volunteers/certificates/{forged}")).StatusCode);
        await anonymous.GetAsync($"/api/v1/volunteers/public/certificates/{forged}").ExpectProblemAsync(404, "not_found");

        // every verification audited, the forged ones too
        var audited = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return (await db.AuditEntries.CountAsync(e => e.Action == "volunteer-certificate-scan" && e.EntityId == id.ToString()),
                await db.AuditEntries.CountAsync(e => e.Action == "volunteer-certificate-scan-unknown"));
        });
        Assert.Equal(2, audited.Item1);
        Assert.True(audited.Item2 >= 2);

        // another organisation and another county: 404 on read and revoke
        var committee = await app.ClientAsync(VolunteersInitializer.CommitteeUserName);
        Assert.Equal(HttpStatusCode.NotFound, (await committee.GetAsync($"{Api}/{id}")).StatusCode);
        await committee.PostAsJsonAsync($"{Api}/{id}/revoke", new { reason = "x", expectedVersion = c.GetProperty("version").GetInt32() }).ExpectProblemAsync(404, "not_found");
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientAsync("beiliu.officer")).GetAsync($"{Api}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientAsync("rongxian.officer")).GetAsync($"{Api}/{id}")).StatusCode);

        // revocation: the reason is required, a stale version is 409, then the page says 已作废
        var version = c.GetProperty("version").GetInt32();
        var noReason = await centre.PostAsJsonAsync($"{Api}/{id}/revoke", new { reason = " ", expectedVersion = version }).ExpectProblemAsync(400, "validation_failed");
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _));
        await centre.PostAsJsonAsync($"{Api}/{id}/revoke", new { reason = "更正", expectedVersion = version + 1 }).ExpectProblemAsync(409, "concurrency_conflict");
        var revoked = await (await centre.PostAsJsonAsync($"{Api}/{id}/revoke", new { reason = "服务记录更正后时长减少", expectedVersion = version }).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal("revoked", revoked.GetProperty("certificate").GetProperty("status").GetString());
        Assert.Contains("已作废", await (await anonymous.GetAsync(path)).Content.ReadAsStringAsync());
        Assert.False((await anonymous.GetJsonAsync($"/api/v1/volunteers/public/certificates/{token}")).GetProperty("valid").GetBoolean());
        await centre.PostAsJsonAsync($"{Api}/{id}/revoke", new { reason = "再次", expectedVersion = revoked.GetProperty("certificate").GetProperty("version").GetInt32() })
            .ExpectProblemAsync(409, "volunteer_certificate_wrong_status");
    }

    [Fact]
    public async Task Another_organisation_issues_only_from_its_own_records()
    {
        app.SkipIfUnavailable();
        var demo = await DemoAsync();
        var committee = await app.ClientAsync(VolunteersInitializer.CommitteeUserName);
        // a volunteer who served only with the centre is not the committee's to see
        await committee.PostAsJsonAsync(Api, new { volunteerId = demo.CentreOnly }).ExpectProblemAsync(404, "not_found");
        // a volunteer of both: the committee's proof holds the committee's records only, never the centre's
        var issued = await (await committee.PostAsJsonAsync(Api, new { volunteerId = demo.Shared }).EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        Assert.Equal(demo.SharedCommitteeMinutes, issued.GetProperty("lines").EnumerateArray().Sum(l => l.GetProperty("minutes").GetInt32()));
        Assert.Equal(VolunteersInitializer.CommitteeName, issued.GetProperty("certificate").GetProperty("issuerName").GetString());
        // a county officer reads but does not issue: only the organiser proves (403)
        await (await app.ClientAsync("rongxian.officer")).PostAsJsonAsync(Api, new { volunteerId = demo.Shared }).ExpectProblemAsync(403, "forbidden");
    }

    [Fact]
    public async Task The_volunteer_requests_the_organisation_accepts_and_issues()
    {
        app.SkipIfUnavailable();
        var demo = await DemoAsync();
        var citizen = await app.ClientAsync(VolunteersInitializer.CitizenUserName);
        // not an organisation the volunteer served with: 400 on the field
        var wrong = await citizen.PostAsJsonAsync($"{Api}/requests", new { teamId = demo.CentreTeam }).ExpectProblemAsync(400, "volunteer_certificate_no_records");
        Assert.True(wrong.GetProperty("errors").TryGetProperty("teamId", out _));
        var requested = await (await citizen.PostAsJsonAsync($"{Api}/requests", new { teamId = demo.CommitteeTeam, purpose = "升学" }).EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        Assert.Equal("requested", requested.GetProperty("status").GetString());
        await citizen.PostAsJsonAsync($"{Api}/requests", new { teamId = demo.CommitteeTeam }).ExpectProblemAsync(409, "volunteer_certificate_request_pending");
        var id = requested.GetProperty("id").GetGuid();

        // the centre cannot touch the committee's request
        await (await app.ClientAsync("yangguang.org")).PostAsJsonAsync($"{Api}/{id}/accept", new { expectedVersion = 0 }).ExpectProblemAsync(404, "not_found");
        var committee = await app.ClientAsync(VolunteersInitializer.CommitteeUserName);
        var waiting = await committee.GetItemsAsync($"{Api}?status=requested");
        var row = Assert.Single(waiting, w => w.GetProperty("id").GetGuid() == id);
        var accepted = await (await committee.PostAsJsonAsync($"{Api}/{id}/accept", new { expectedVersion = row.GetProperty("version").GetInt32() }).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal("accepted", accepted.GetProperty("certificate").GetProperty("status").GetString());
        var issued = await (await committee.PostAsJsonAsync($"{Api}/{id}/issue", new { handler = "张经办", expectedVersion = accepted.GetProperty("certificate").GetProperty("version").GetInt32() })
            .EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal("issued", issued.GetProperty("certificate").GetProperty("status").GetString());
        Assert.Equal("张经办", issued.GetProperty("certificate").GetProperty("handler").GetString());

        // the volunteer sees it issued and opens its page
        var mine = await citizen.GetItemsAsync($"{Api}/mine");
        Assert.Equal("issued", Assert.Single(mine, m => m.GetProperty("id").GetGuid() == id).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await citizen.GetAsync($"/volunteers/certificates/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await citizen.GetAsync("/volunteer/certificates")).StatusCode);
    }

    [Fact]
    public async Task The_star_recompute_applies_a_star_figure_added_for_a_later_date()
    {
        app.SkipIfUnavailable();
        var from = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(5);
        // 容县's own scale from a later date: ★1 at 1 hour (a county row wins over the city's)
        await app.WithServicesAsync(sp => sp.GetRequiredService<FigureBook>().AddAsync(new FigureInput
        {
            Module = VolunteerFigures.Module,
            Kind = VolunteerFigures.StarHours.Code,
            DivisionCode = "450921000000",
            Category = "1",
            Number = 1,
            ValidFrom = from,
            Document = "测试：容县一星志愿者时长",
        }));
        async Task<List<(int Minutes, int Star)>> RongxianAsync() => await app.WithServicesAsync(async sp =>
            (await sp.GetRequiredService<AppDbContext>().Set<Volunteer>().AsNoTracking().Where(v => v.DivisionCode.StartsWith("450921"))
                .Select(v => new { v.VerifiedMinutes, v.StarLevel }).ToListAsync()).Select(v => (v.VerifiedMinutes, v.StarLevel)).ToList());

        // before the date nothing changes
        Assert.Equal(0, await app.WithServicesAsync(sp => sp.GetRequiredService<StarRecompute>().RecomputeAllAsync(null, CancellationToken.None)));
        Assert.All(await RongxianAsync(), v => Assert.Equal(0, v.Star));

        app.Clock.Advance(TimeSpan.FromDays(6));
        // (the daily job may have run first on the test host's worker: the state is what counts, not who changed it)
        await app.WithServicesAsync(sp => sp.GetRequiredService<StarRecompute>().RecomputeAllAsync(null, CancellationToken.None));
        var after = await RongxianAsync();
        Assert.All(after, v => Assert.Equal(v.Minutes >= 60 ? 1 : 0, v.Star));
        Assert.Contains(after, v => v.Star == 1);

        // on demand: the city officer queues it (202), a county officer may not (403)
        Assert.Equal(HttpStatusCode.Accepted, (await (await app.ClientAsync("city.officer")).PostAsync("/api/v1/volunteers/stars/recompute", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync("rongxian.officer")).PostAsync("/api/v1/volunteers/stars/recompute", null)).StatusCode);
    }
}

public sealed class CertificateTestsOnSqlite(SqliteApp app) : CertificateTests(app), IClassFixture<SqliteApp>;

public sealed class CertificateTestsOnPostgres(PostgresApp app) : CertificateTests(app), IClassFixture<PostgresApp>;

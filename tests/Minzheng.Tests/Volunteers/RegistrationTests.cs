using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.Volunteers;

namespace Minzheng.Tests.Volunteers;

/// <summary>
/// Issue 16 item 1 and the volunteer GET of item 3: a citizen registers themself with recorded consent (refused without it,
/// nothing saved), gets a number, and sees hours and star; an organisation registers a person checked against the registry
/// (one answer for unknown and mismatched), and an existing volunteer only gains its membership; another organisation and
/// another county get 404; a stale edit 409; withdrawing ends every membership.
/// </summary>
public abstract partial class RegistrationTests(AppFixture app)
{
    private const string Xinnan = "450921100003";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>A new registry person of 新南社区 (adult); returns the ID number and name.</summary>
    private const string NameChars = "志明华建国平军红英兰丽文德海芳秀玉云春林";
    private static int _nameSequence = Random.Shared.Next(0, 400);

    private async Task<(string IdNumber, string Name)> PersonAsync()
    {
        var admin = await app.ClientAsync("admin");
        var idNumber = TestIds.Next();
        // unique within the run: a name shared with another test's volunteer in 新南 would show in the committee's list
        var n = Interlocked.Increment(ref _nameSequence);
        var name = "黄" + NameChars[n % NameChars.Length] + NameChars[n / NameChars.Length % NameChars.Length];
        var person = await admin.PostAsJsonAsync("/api/v1/persons", new { idNumber, name, divisionCode = Xinnan });
        Assert.True(person.IsSuccessStatusCode, await person.Content.ReadAsStringAsync());
        return (idNumber, name);
    }

    /// <summary>A new registry person with a verified citizen account, signed in by a bearer token.</summary>
    private async Task<HttpClient> CitizenAsync()
    {
        var (idNumber, name) = await PersonAsync();
        var phone = "137" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var registered = await app.CreateClient().PostAsJsonAsync("/api/v1/citizen/register", new { idNumber, name, phone, password = "Citizen#2026" });
        Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
        var token = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { userName = phone, password = "Citizen#2026" });
        Assert.True(token.IsSuccessStatusCode, await token.Content.ReadAsStringAsync());
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.JsonAsync()).GetProperty("accessToken").GetString());
        return client;
    }

    private static async Task<Guid> TeamIdAsync(HttpClient client, string name)
    {
        var directory = await client.GetJsonAsync("/api/v1/volunteers/teams/directory");
        return directory.EnumerateArray().Single(t => t.GetProperty("name").GetString() == name).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    [Fact]
    public async Task A_citizen_registers_with_consent_and_sees_number_hours_and_star()
    {
        app.SkipIfUnavailable();
        var citizen = await CitizenAsync();
        var committee = await TeamIdAsync(citizen, VolunteersInitializer.CommitteeName);

        // without consent: 400 naming the field, nothing saved
        var refused = await ProblemAsync(await citizen.PostAsJsonAsync("/api/v1/volunteers/me", new { consent = false, skills = "助老陪护", teamIds = new[] { committee } }), HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("consent", out _), refused.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync("/api/v1/volunteers/me")).StatusCode);
        // too long a field: 400 naming it
        var tooLong = await ProblemAsync(await citizen.PostAsJsonAsync("/api/v1/volunteers/me", new { consent = true, skills = new string('技', 201) }), HttpStatusCode.BadRequest);
        Assert.True(tooLong.GetProperty("errors").TryGetProperty("skills", out _), tooLong.ToString());

        var created = await citizen.PostAsJsonAsync("/api/v1/volunteers/me", new { consent = true, publishConsent = false, skills = "助老陪护，心理疏导", availability = "周末", teamIds = new[] { committee } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var me = await created.JsonAsync();
        Assert.StartsWith("ZY450921" + "2026", me.GetProperty("number").GetString());
        Assert.Equal(0m, me.GetProperty("verifiedHours").GetDecimal());
        Assert.Equal(0, me.GetProperty("starLevel").GetInt32());
        Assert.Equal(100m, me.GetProperty("hoursToNextStar").GetDecimal());
        Assert.Equal("助老陪护、心理疏导", me.GetProperty("skills").GetString());
        Assert.Equal([committee], me.GetProperty("teams").EnumerateArray().Select(t => t.GetProperty("id").GetGuid()));
        var id = me.GetProperty("id").GetGuid();

        // once only
        Assert.Equal(HttpStatusCode.Conflict, (await citizen.PostAsJsonAsync("/api/v1/volunteers/me", new { consent = true })).StatusCode);

        // the committee (a membership) sees the volunteer; another organisation and another county do not
        var seen = await (await app.ClientAsync(VolunteersInitializer.CommitteeUserName)).GetJsonAsync($"/api/v1/volunteers/{id}");
        Assert.Equal(me.GetProperty("number").GetString(), seen.GetProperty("number").GetString());
        Assert.Contains("*", seen.GetProperty("idNumberMasked").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientAsync("yangguang.org")).GetAsync($"/api/v1/volunteers/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientAsync("beiliu.officer")).GetAsync($"/api/v1/volunteers/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientAsync("rongxian.officer")).GetAsync($"/api/v1/volunteers/{id}")).StatusCode);

        // a stale edit: 409, a current one saved
        var version = me.GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.Conflict, (await citizen.PutAsJsonAsync("/api/v1/volunteers/me", new { skills = "应急救援", availability = "", publishConsent = true, version = version + 1 })).StatusCode);
        var edited = await citizen.PutAsJsonAsync("/api/v1/volunteers/me", new { skills = "应急救援", availability = "工作日晚上", publishConsent = true, version });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var after = await edited.JsonAsync();
        Assert.Equal("应急救援", after.GetProperty("skills").GetString());
        Assert.True(after.GetProperty("publishConsent").GetBoolean());

        // withdrawing ends the memberships: the committee no longer sees the volunteer; the registration stays, withdrawn
        var withdrawn = await citizen.PostAsJsonAsync("/api/v1/volunteers/me/withdraw", new { version = after.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var w = await withdrawn.JsonAsync();
        Assert.Equal(0, w.GetProperty("teams").GetArrayLength());
        Assert.False(w.GetProperty("publishConsent").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientAsync(VolunteersInitializer.CommitteeUserName)).GetAsync($"/api/v1/volunteers/{id}")).StatusCode);
    }

    [Fact]
    public async Task An_organisation_registers_a_verified_person_and_an_existing_volunteer_only_gains_the_membership()
    {
        app.SkipIfUnavailable();
        var (idNumber, name) = await PersonAsync();
        var centre = await app.ClientAsync("yangguang.org");
        var committee = await app.ClientAsync(VolunteersInitializer.CommitteeUserName);

        // unknown number and mismatched name: the same answer
        var unknown = await ProblemAsync(await centre.PostAsJsonAsync("/api/v1/volunteers", new { idNumber = TestIds.Next(), name, writtenConsent = true }), HttpStatusCode.BadRequest);
        var mismatched = await ProblemAsync(await centre.PostAsJsonAsync("/api/v1/volunteers", new { idNumber, name = name + "某", writtenConsent = true }), HttpStatusCode.BadRequest);
        Assert.Equal(unknown.GetProperty("code").GetString(), mismatched.GetProperty("code").GetString());
        Assert.Equal(unknown.GetProperty("detail").GetString(), mismatched.GetProperty("detail").GetString());
        Assert.Equal(unknown.GetProperty("errors").ToString(), mismatched.GetProperty("errors").ToString());
        // no written consent: 400 naming the field
        var noConsent = await ProblemAsync(await centre.PostAsJsonAsync("/api/v1/volunteers", new { idNumber, name, writtenConsent = false }), HttpStatusCode.BadRequest);
        Assert.True(noConsent.GetProperty("errors").TryGetProperty("writtenConsent", out _), noConsent.ToString());
        // a county officer is not an organisation
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync("rongxian.officer")).PostAsJsonAsync("/api/v1/volunteers", new { idNumber, name, writtenConsent = true })).StatusCode);

        var created = await centre.PostAsJsonAsync("/api/v1/volunteers", new { idNumber, name, writtenConsent = true, skills = "助残服务", availability = "周六上午" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var v = await created.JsonAsync();
        var id = v.GetProperty("id").GetGuid();
        Assert.Equal(name, v.GetProperty("name").GetString());
        Assert.Equal([VolunteersInitializer.CentreName], v.GetProperty("teams").EnumerateArray().Select(t => t.GetProperty("name").GetString()));

        // serving only with the centre: the committee and another county get 404 on reads and writes
        Assert.Equal(HttpStatusCode.NotFound, (await committee.GetAsync($"/api/v1/volunteers/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await committee.PutAsJsonAsync($"/api/v1/volunteers/{id}", new { skills = "x", availability = "", version = v.GetProperty("version").GetInt32() })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientAsync("beiliu.officer")).GetAsync($"/api/v1/volunteers/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await committee.DeleteAsync($"/api/v1/volunteers/{id}/memberships")).StatusCode);
        var committeeList = await committee.GetJsonAsync($"/api/v1/volunteers?name={Uri.EscapeDataString(name)}");
        Assert.Equal(0, committeeList.GetProperty("total").GetInt32());

        // again by the centre: 409; by the committee: the same volunteer, one more membership, the skills kept
        Assert.Equal(HttpStatusCode.Conflict, (await centre.PostAsJsonAsync("/api/v1/volunteers", new { idNumber, name, writtenConsent = true })).StatusCode);
        var joined = await committee.PostAsJsonAsync("/api/v1/volunteers", new { idNumber, name, writtenConsent = true, skills = "别的" });
        Assert.Equal(HttpStatusCode.Created, joined.StatusCode);
        var j = await joined.JsonAsync();
        Assert.Equal(id, j.GetProperty("id").GetGuid());
        Assert.Equal(v.GetProperty("number").GetString(), j.GetProperty("number").GetString());
        Assert.Equal("助残服务", j.GetProperty("skills").GetString());
        // each organisation sees its own membership only
        Assert.Equal([VolunteersInitializer.CommitteeName], j.GetProperty("teams").EnumerateArray().Select(t => t.GetProperty("name").GetString()));

        // the centre edits: stale 409, current 200
        var current = await centre.GetJsonAsync($"/api/v1/volunteers/{id}");
        var version = current.GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.Conflict, (await centre.PutAsJsonAsync($"/api/v1/volunteers/{id}", new { skills = "助残服务、助老陪护", availability = "周末", version = version + 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await centre.PutAsJsonAsync($"/api/v1/volunteers/{id}", new { skills = "助残服务、助老陪护", availability = "周末", version })).StatusCode);

        // the list: paged, filtered by name and skill, the organisation's own volunteers
        var list = await centre.GetJsonAsync("/api/v1/volunteers?pageSize=2");
        Assert.Equal(2, list.GetProperty("items").GetArrayLength());
        Assert.Equal(7, list.GetProperty("total").GetInt32());
        var byName = await centre.GetJsonAsync($"/api/v1/volunteers?name={Uri.EscapeDataString(name)}&skill={Uri.EscapeDataString("助老陪护")}");
        Assert.Equal([id], byName.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));

        // the centre ends its membership: it no longer sees the volunteer, the committee still does
        Assert.Equal(HttpStatusCode.NoContent, (await centre.DeleteAsync($"/api/v1/volunteers/{id}/memberships")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await centre.GetAsync($"/api/v1/volunteers/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await committee.GetAsync($"/api/v1/volunteers/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_phone_page_registers_with_consent_and_shows_the_profile()
    {
        app.SkipIfUnavailable();
        var citizen = await CitizenAsync();
        var form = await citizen.GetStringAsync("/volunteer/join");
        Assert.Contains("第二十条", form);
        var token = TokenPattern().Match(form).Groups[1].Value;

        // without consent: the page again, the error beside the field
        var refused = await citizen.PostAsync("/volunteer/join", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.SkillChoices"] = "助老陪护",
            ["Input.Availability"] = "周末",
        }));
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Contains("请阅读并同意", refusedHtml);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync("/api/v1/volunteers/me")).StatusCode);

        var ok = await citizen.PostAsync("/volunteer/join", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Consent"] = "true",
            ["Input.SkillChoices"] = "助老陪护",
            ["Input.OtherSkills"] = "摄影",
            ["Input.Availability"] = "周末",
        }));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var me = await citizen.GetJsonAsync("/api/v1/volunteers/me");
        Assert.Equal("助老陪护、摄影", me.GetProperty("skills").GetString());
        var profile = await citizen.GetStringAsync("/volunteer/join");
        Assert.Contains(me.GetProperty("number").GetString()!, profile);
        Assert.Contains("距下一星级还需 100 小时", profile);

        // the demo volunteer sees verified hours on the page
        var demo = await (await app.ClientAsync(VolunteersInitializer.CitizenUserName)).GetStringAsync("/volunteer/join");
        Assert.Contains("累计核实服务", demo);
        Assert.Contains(VolunteersInitializer.CommitteeName, demo);
        // the citizens' navigation leads to every volunteer page (declared by the module, shown with volunteers.self)
        foreach (var path in new[] { "/volunteer/join", "/volunteer/activities", "/volunteer/certificates", "/volunteer/timebank" })
        {
            Assert.Contains($"href=\"{path}\"", demo);
        }
    }

    [Fact]
    public async Task Teams_are_registered_from_the_organisation_registry_in_scope_and_the_people_page_registers_by_form()
    {
        app.SkipIfUnavailable();
        var code = await app.WithServicesAsync(sp => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            sp.GetRequiredService<Minzheng.Web.Platform.Data.AppDbContext>().Organizations, o => o.Name == "容县老年人协会"));
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var beiliu = await app.ClientAsync("beiliu.officer");

        // another county's organisation is "not found"; bad input by field, nothing saved
        var outside = await beiliu.PostAsJsonAsync("/api/v1/volunteers/teams", new { organizationNumber = code.CreditCode, kind = "socialOrganization" }).ExpectProblemAsync(400, "validation_failed");
        Assert.True(outside.GetProperty("errors").TryGetProperty("organizationNumber", out _), outside.ToString());
        var bad = await clerk.PostAsJsonAsync("/api/v1/volunteers/teams", new { organizationNumber = "", contactName = new string('张', 51) }).ExpectProblemAsync(400, "validation_failed");
        Assert.True(bad.GetProperty("errors").TryGetProperty("kind", out _));
        Assert.True(bad.GetProperty("errors").TryGetProperty("contactName", out _));

        var created = await (await clerk.PostAsJsonAsync("/api/v1/volunteers/teams", new { organizationNumber = code.CreditCode!.ToLowerInvariant(), kind = "socialOrganization", contactName = "覃寿" })
            .EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        await clerk.PostAsJsonAsync("/api/v1/volunteers/teams", new { organizationNumber = code.CreditCode, kind = "socialOrganization" }).ExpectProblemAsync(409, "volunteer_team_exists");
        var teams = await clerk.GetItemsAsync("/api/v1/volunteers/teams?pageSize=100");
        var row = teams.Single(t => t.GetProperty("id").GetString() == created.GetProperty("id").GetString());
        Assert.Equal(0, row.GetProperty("volunteers").GetInt32());
        Assert.DoesNotContain(await beiliu.GetItemsAsync("/api/v1/volunteers/teams?pageSize=100"), t => t.GetProperty("id").GetString() == created.GetProperty("id").GetString());
        // stopping with a stale version: 409; another county: 404
        var id = created.GetProperty("id").GetString();
        await clerk.PostAsJsonAsync($"/api/v1/volunteers/teams/{id}/active", new { active = false, version = 99 }).ExpectProblemAsync(409, "concurrency_conflict");
        await beiliu.PostAsJsonAsync($"/api/v1/volunteers/teams/{id}/active", new { active = false, version = 0 }).ExpectProblemAsync(404, "not_found");
        Assert.False((await (await clerk.PostAsJsonAsync($"/api/v1/volunteers/teams/{id}/active", new { active = false, version = 0 }).EnsureStatus(HttpStatusCode.OK)).JsonAsync()).GetProperty("active").GetBoolean());
        Assert.Contains("容县老年人协会", await clerk.GetStringAsync("/volunteers/teams"));

        // the organisation's people page: its volunteers, and a registration without consent shows the error beside the field
        var committee = await app.ClientAsync(VolunteersInitializer.CommitteeUserName);
        var page = await committee.GetStringAsync("/volunteers/people");
        Assert.Contains("代为注册志愿者", page);
        var (idNumber, name) = await PersonAsync();
        var token = TokenPattern().Match(page).Groups[1].Value;
        var refused = await (await committee.PostAsync("/volunteers/people", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.IdNumber"] = idNumber,
            ["Input.Name"] = name,
        }))).Content.ReadAsStringAsync();
        Assert.Contains("须已取得本人书面同意", refused);
        var ok = await committee.PostAsync("/volunteers/people", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.IdNumber"] = idNumber,
            ["Input.Name"] = name,
            ["Input.WrittenConsent"] = "true",
        }));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Contains(name, await committee.GetStringAsync("/volunteers/people"));
        Assert.DoesNotContain(name, await (await app.ClientAsync("yangguang.org")).GetStringAsync("/volunteers/people"));
    }
}

public sealed class RegistrationTestsOnSqlite(SqliteApp app) : RegistrationTests(app), IClassFixture<SqliteApp>;

public sealed class RegistrationTestsOnPostgres(PostgresApp app) : RegistrationTests(app), IClassFixture<PostgresApp>;

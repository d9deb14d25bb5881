using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.SocialOrganizations.Credit;
using Minzheng.Web.Modules.SocialOrganizations.Registration;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Tests.SocialOrganizations;

/// <summary>
/// Registration of social organisations (issue 14 item 1) on SQLite and PostgreSQL: a citizen applies online, the county
/// accepts, reviews and approves, and the organisation, its profile, certificate, credit code and account exist; the new account
/// sees its own organisation only; the level decides who may act; a change keeps the former name; a deregistration ends the
/// organisation and records the credit event; bad input is refused per field with nothing saved; a stale version answers 409.
/// </summary>
public abstract class RegistrationTests(AppFixture app)
{
    private const string Api = "/api/v1/social-organizations";
    private const string Apps = Api + "/registration/applications";
    private const string Password = "Citizen#2026";

    private static string[] Checklist(string application, string kind, bool supervised) =>
        [.. RegistrationMaterials.Required(application switch { "change" => ApplicationKind.Change, "deregister" => ApplicationKind.Deregister, _ => ApplicationKind.Establish },
            RegistrationApplications.ParseKind(kind)!.Value, supervised).Select(m => m.Code)];

    private async Task<HttpClient> CitizenAsync()
    {
        var admin = await app.ClientAsync("admin");
        var idNumber = TestIds.Next();
        var name = "莫" + (char)('甲' + Random.Shared.Next(0, 9)) + "发";
        var person = await (await admin.PostAsJsonAsync("/api/v1/persons", new { idNumber, name, divisionCode = "450921100003" })).JsonAsync();
        var household = await admin.PostAsJsonAsync("/api/v1/households", new { divisionCode = "450921100003", headPersonId = person.GetProperty("id").GetString(), address = "容州镇新南社区二巷" });
        Assert.True(household.IsSuccessStatusCode, await household.Content.ReadAsStringAsync());
        var phone = "138" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var registered = await app.CreateClient().PostAsJsonAsync("/api/v1/citizen/register", new { idNumber, name, phone, password = Password });
        Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
        return await SignedInAsync(phone, Password);
    }

    private async Task<HttpClient> SignedInAsync(string userName, string password)
    {
        var token = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        Assert.True(token.IsSuccessStatusCode, await token.Content.ReadAsStringAsync());
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.JsonAsync()).GetProperty("accessToken").GetString());
        return client;
    }

    private static object Establishment(string name, string kind = "social-service", string level = "county", bool cityWide = false, string? applicant = null) => new
    {
        kind,
        level,
        cityWide,
        divisionCode = "450921100000",
        name,
        legalRepresentative = "黎青禾",
        address = "容县容州镇东环路1号",
        category = "social-service",
        purpose = "为社区居民提供社会工作服务",
        businessScope = "社会工作服务、志愿服务组织、社区活动",
        registeredCapital = 30000.00m,
        applicantName = applicant,
        materials = Checklist("establish", kind, false),
    };

    private static async Task<JsonElement> StepAsync(HttpClient officer, string id, string step, string opinion)
    {
        var current = await officer.GetJsonAsync($"{Apps}/{id}");
        var r = await officer.PostAsJsonAsync($"{Apps}/{id}/{step}", new { version = current.GetProperty("version").GetInt32(), opinion });
        Assert.True(r.IsSuccessStatusCode, $"{step}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        return await r.JsonAsync();
    }

    private static async Task<JsonElement> ApproveAsync(HttpClient officer, string id)
    {
        await StepAsync(officer, id, "accept", "材料齐全，予以受理");
        await StepAsync(officer, id, "review", "符合登记条件");
        return await StepAsync(officer, id, "approve", "经审查，符合条例规定的登记条件，准予登记");
    }

    private Task<int> CountAsync() => app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<RegistrationApplication>().IgnoreQueryFilters().CountAsync());

    [Fact]
    public async Task A_citizen_applies_online_and_the_approved_organisation_gets_its_certificate_code_and_account()
    {
        app.SkipIfUnavailable();
        var citizen = await CitizenAsync();
        var name = $"容县青禾社会工作服务中心{TestIds.Next()[^4..]}";
        var submitted = await citizen.PostAsJsonAsync($"{Apps}/establish", Establishment(name)).EnsureStatus(HttpStatusCode.Created);
        var application = await submitted.JsonAsync();
        var id = application.GetProperty("id").GetString()!;
        Assert.Equal("online", application.GetProperty("channel").GetString());
        Assert.Equal("submitted", application.GetProperty("status").GetString());
        Assert.Equal("450921000000", application.GetProperty("authorityDivisionCode").GetString());
        var mine = await citizen.GetJsonAsync($"{Apps}/mine");
        Assert.Contains(mine.EnumerateArray(), a => a.GetProperty("id").GetString() == id);
        // the phone-friendly page lists it with its status
        var page = await citizen.GetStringAsync("/social-organizations/apply");
        Assert.Contains(name, page, StringComparison.Ordinal);
        Assert.Contains("已提交，待受理", page, StringComparison.Ordinal);

        var officer = await app.ClientAsync("rongxian.officer");
        var accepted = await StepAsync(officer, id, "accept", "材料齐全，予以受理");
        // 民办非企业单位登记管理暂行条例: 60 calendar days from acceptance (the fixture's clock is 30 November 2026)
        Assert.Equal("2027-01-29", accepted.GetProperty("dueOn").GetString());
        var items = await officer.GetJsonAsync("/api/v1/my/tasks?pageSize=200");
        Assert.Contains(items.GetProperty("items").EnumerateArray(), i => i.GetProperty("link").GetString() == $"/social-organizations/applications/{id}"
            && i.GetProperty("deadline").GetString() == "2027-01-29");
        await StepAsync(officer, id, "review", "符合登记条件");
        var decided = await StepAsync(officer, id, "approve", "经审查，符合条例规定的登记条件，准予登记");
        var orgId = decided.GetProperty("organizationId").GetString()!;
        var code = decided.GetProperty("creditCode").GetString()!;
        Assert.StartsWith("52450921", code, StringComparison.Ordinal);
        Assert.True(Minzheng.Web.Platform.Registry.Organizations.CreditCode.IsValid(code));
        Assert.Matches("^容社证字第2026\\d{3}号$", decided.GetProperty("certificateNumber").GetString()!);
        var password = decided.GetProperty("oneTimePassword").GetString()!;
        Assert.Equal(code, decided.GetProperty("accountUserName").GetString());
        Assert.Equal("approved", decided.GetProperty("application").GetProperty("status").GetString());
        // the password is never stored or shown again
        Assert.Equal(JsonValueKind.Undefined, (await officer.GetJsonAsync($"{Apps}/{id}")).TryGetProperty("oneTimePassword", out var p) ? p.ValueKind : JsonValueKind.Undefined);

        var detail = await officer.GetJsonAsync($"{Api}/{orgId}");
        Assert.Equal(name, detail.GetProperty("summary").GetProperty("name").GetString());
        Assert.Equal(30000m, detail.GetProperty("registeredCapital").GetDecimal());
        Assert.Contains((await citizen.GetJsonAsync($"{Apps}/mine")).EnumerateArray(), a => a.GetProperty("id").GetString() == id && a.GetProperty("status").GetString() == "approved");

        // the new account must change its password first, then sees its own organisation and nobody else's
        var account = await SignedInAsync(code, password);
        await account.GetAsync($"{Api}/{orgId}").ExpectProblemAsync(403, "password_change_required");
        await app.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var u = (await users.FindByNameAsync(code))!;
            Assert.True(u.MustChangePassword);
            Assert.True(await users.IsInRoleAsync(u, Roles.OrganizationStaff));
            Assert.Equal(Guid.Parse(orgId), u.OrganizationId);
            u.MustChangePassword = false;
            await users.UpdateAsync(u);
            return 0;
        });
        account = await SignedInAsync(code, password);
        Assert.Equal(name, (await account.GetJsonAsync($"{Api}/{orgId}")).GetProperty("summary").GetProperty("name").GetString());
        var list = await account.GetItemsAsync(Api);
        Assert.Equal([orgId], list.Select(o => o.GetProperty("id").GetString()));
        var yangguang = (await (await app.ClientAsync("yangguang.org")).GetItemsAsync(Api)).Single().GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.NotFound, (await account.GetAsync($"{Api}/{yangguang}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientAsync("yangguang.org")).GetAsync($"{Api}/{orgId}")).StatusCode);
    }

    [Fact]
    public async Task A_county_officer_may_not_act_on_a_city_registered_organisation_and_nothing_changes()
    {
        app.SkipIfUnavailable();
        var city = await app.ClientAsync("city.officer");
        var county = await app.ClientAsync("rongxian.officer");
        var name = $"玉林市青少年发展基金会{TestIds.Next()[^4..]}";
        // a foundation registers with the city: choosing the county is refused on the field
        Assert.Single((await city.PostAsJsonAsync($"{Apps}/establish", Establishment(name, "foundation", "county", applicant: "黎青禾")).ExpectProblemAsync(400, "validation_failed"))
            .GetProperty("errors").GetProperty("level").EnumerateArray());
        var created = await (await city.PostAsJsonAsync($"{Apps}/establish", Establishment(name, "foundation", "city", applicant: "黎青禾")).EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal("450900000000", created.GetProperty("authorityDivisionCode").GetString());
        var version = created.GetProperty("version").GetInt32();

        // seated in 容县, so the county officer sees it but may not accept it
        Assert.Equal(name, (await county.GetJsonAsync($"{Apps}/{id}")).GetProperty("name").GetString());
        await county.PostAsJsonAsync($"{Apps}/{id}/accept", new { version, opinion = "受理" }).ExpectProblemAsync(403, "socorg_not_authority");
        Assert.Equal("submitted", (await city.GetJsonAsync($"{Apps}/{id}")).GetProperty("status").GetString());

        var decided = await ApproveAsync(city, id);
        var orgId = decided.GetProperty("organizationId").GetString()!;
        Assert.StartsWith("53450900", decided.GetProperty("creditCode").GetString()!, StringComparison.Ordinal);
        var before = await CountAsync();
        await county.PostAsJsonAsync($"{Api}/{orgId}/registration/change", new { address = "容县另一处", applicantName = "某人", materials = Checklist("change", "foundation", false) })
            .ExpectProblemAsync(403, "socorg_not_authority");
        Assert.Equal(before, await CountAsync());
        Assert.False((await county.GetJsonAsync($"{Api}/{orgId}")).GetProperty("canAct").GetBoolean());
        // another county sees nothing of it
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientAsync("beiliu.officer")).GetAsync($"{Api}/{orgId}")).StatusCode);
    }

    [Fact]
    public async Task The_organisation_files_a_change_online_and_approval_keeps_the_former_name()
    {
        app.SkipIfUnavailable();
        var org = await app.ClientAsync("yangguang.org");
        var officer = await app.ClientAsync("rongxian.officer");
        var own = (await org.GetItemsAsync(Api)).Single();
        var orgId = own.GetProperty("id").GetString()!;
        var former = own.GetProperty("name").GetString()!;
        // the demo's pending change first: a second one waits until it is decided
        var pending = (await org.GetJsonAsync($"{Api}/{orgId}")).GetProperty("applications").EnumerateArray()
            .Where(a => a.GetProperty("status").GetString() is "submitted" or "accepted" or "reviewed").Select(a => a.GetProperty("id").GetString()!).ToList();
        if (pending.Count > 0)
        {
            await org.PostAsJsonAsync($"{Api}/{orgId}/registration/change", new { name = "不会成功的名称", materials = Checklist("change", "social-service", false) })
                .ExpectProblemAsync(409, "socorg_application_pending");
            foreach (var p in pending) await ApproveAsync(officer, p);
        }
        var newName = $"容县阳光社会工作服务中心（更名{TestIds.Next()[^3..]}）";
        var filed = await (await org.PostAsJsonAsync($"{Api}/{orgId}/registration/change",
            new { name = newName, materials = Checklist("change", "social-service", false) }).EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        Assert.Equal("online", filed.GetProperty("channel").GetString());
        var id = filed.GetProperty("id").GetString()!;
        // the organisation cannot accept its own application
        Assert.Equal(HttpStatusCode.Forbidden, (await org.PostAsJsonAsync($"{Apps}/{id}/accept", new { version = 0, opinion = "x" })).StatusCode);
        var accepted = await StepAsync(officer, id, "accept", "受理");
        // 行政许可法: 20 working days from the day after acceptance, counted on the kernel calendar
        Assert.Equal("2026-12-28", accepted.GetProperty("dueOn").GetString());
        await StepAsync(officer, id, "review", "同意变更");
        await StepAsync(officer, id, "approve", "准予变更登记");

        var detail = await org.GetJsonAsync($"{Api}/{orgId}");
        Assert.Equal(newName, detail.GetProperty("summary").GetProperty("name").GetString());
        Assert.Contains(detail.GetProperty("formerNames").EnumerateArray(), f => f.GetProperty("name").GetString() == former);
    }

    [Fact]
    public async Task Deregistration_ends_the_organisation_and_records_the_credit_event()
    {
        app.SkipIfUnavailable();
        var officer = await app.ClientAsync("beiliu.officer");
        var target = (await officer.GetItemsAsync($"{Api}?q=陶瓷")).Single();
        var orgId = target.GetProperty("id").GetString()!;
        var created = await (await officer.PostAsJsonAsync($"{Api}/{orgId}/registration/deregister",
            new { reason = "会员大会决议解散", applicantName = "钟瓷", materials = Checklist("deregister", "social-group", false) }).EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        Assert.Equal("counter", created.GetProperty("channel").GetString());
        await ApproveAsync(officer, created.GetProperty("id").GetString()!);

        var detail = await officer.GetJsonAsync($"{Api}/{orgId}");
        Assert.Equal("ended", detail.GetProperty("summary").GetProperty("status").GetString());
        Assert.Equal("2026-11-30", detail.GetProperty("endedOn").GetString());
        Assert.Empty(await officer.GetItemsAsync($"{Api}?q=陶瓷&status=active"));
        var events = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<CreditEventRecord>()
            .Where(e => e.OrganizationId == Guid.Parse(orgId)).ToListAsync());
        // the one event deregistration records (the demo may have listed the organisation before)
        var e = Assert.Single(events, x => x.Source != "officer" && x.Kind == CreditEventKind.Deregistered);
        Assert.Equal("deregistered", e.SourceKey);
        // an ended organisation takes no further applications
        await officer.PostAsJsonAsync($"{Api}/{orgId}/registration/deregister", new { reason = "再次", applicantName = "钟瓷", materials = Checklist("deregister", "social-group", false) })
            .ExpectProblemAsync(409, "socorg_not_active");
    }

    [Fact]
    public async Task Bad_input_is_refused_per_field_and_missing_materials_are_named_with_nothing_saved()
    {
        app.SkipIfUnavailable();
        var officer = await app.ClientAsync("rongxian.officer");
        var before = await CountAsync();
        var bad = await officer.PostAsJsonAsync($"{Apps}/establish", new { kind = "club", level = "town", divisionCode = "999999999999", registeredCapital = 1.005m, materials = Array.Empty<string>() })
            .ExpectProblemAsync(400, "validation_failed");
        var errors = bad.GetProperty("errors");
        foreach (var field in new[] { "kind", "level", "divisionCode", "name", "legalRepresentative", "address", "purpose", "businessScope", "registeredCapital", "applicantName" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error on {field}: {errors}");
        }
        var incomplete = await officer.PostAsJsonAsync($"{Apps}/establish", new
        {
            kind = "social-group",
            level = "county",
            cityWide = false,
            divisionCode = "450921100000",
            name = "容县缺材料协会",
            legalRepresentative = "韦某",
            address = "容州镇",
            purpose = "宗旨",
            businessScope = "范围",
            registeredCapital = 30000m,
            applicantName = "韦某",
            materials = new[] { "form", "charter" },
        }).ExpectProblemAsync(400, "socorg_materials_missing");
        var missing = incomplete.GetProperty("errors").GetProperty("materials").EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.Contains(missing, m => m.Contains("住所使用权证明", StringComparison.Ordinal));
        Assert.Contains(missing, m => m.Contains("会员名单", StringComparison.Ordinal));
        Assert.DoesNotContain(missing, m => m.Contains("章程草案", StringComparison.Ordinal));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_stale_version_answers_409_and_refusal_needs_written_grounds()
    {
        app.SkipIfUnavailable();
        var officer = await app.ClientAsync("rongxian.officer");
        var created = await (await officer.PostAsJsonAsync($"{Apps}/establish", Establishment($"容县版本测试中心{TestIds.Next()[^4..]}", applicant: "韦某")).EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        var id = created.GetProperty("id").GetString()!;
        var version = created.GetProperty("version").GetInt32();
        await StepAsync(officer, id, "accept", "受理");
        await officer.PostAsJsonAsync($"{Apps}/{id}/review", new { version, opinion = "旧版本" }).ExpectProblemAsync(409, "concurrency_conflict");
        Assert.Equal("accepted", (await officer.GetJsonAsync($"{Apps}/{id}")).GetProperty("status").GetString());
        await StepAsync(officer, id, "review", "不符合条件");
        var current = (await officer.GetJsonAsync($"{Apps}/{id}")).GetProperty("version").GetInt32();
        await officer.PostAsJsonAsync($"{Apps}/{id}/refuse", new { version = current, opinion = " " }).ExpectProblemAsync(400, "validation_failed");
        var refused = await StepAsync(officer, id, "refuse", "拟任负责人不符合条件，不准予登记");
        Assert.Equal("refused", refused.GetProperty("application").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, refused.GetProperty("organizationId").ValueKind);
    }
}

public sealed class RegistrationTestsOnSqlite(SqliteApp app) : RegistrationTests(app), IClassFixture<SqliteApp>;

public sealed class RegistrationTestsOnPostgres(PostgresApp app) : RegistrationTests(app), IClassFixture<PostgresApp>;

/// <summary>The registration pages as their users open them: the citizen's apply page, the list and its export, the organisation, its certificate and the organisation's own page.</summary>
public sealed class RegistrationPagesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private async Task<HttpClient> Staff(string user)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(user));
        return client;
    }

    [Fact]
    public async Task Officers_and_the_organisation_open_their_pages()
    {
        var officer = await Staff("rongxian.officer");
        var list = await officer.GetStringAsync("/social-organizations/list?q=yangguang");
        Assert.Contains("容县阳光社会工作服务中心", list, StringComparison.Ordinal);
        Assert.DoesNotContain("北流市陶瓷行业协会", await officer.GetStringAsync("/social-organizations/list"), StringComparison.Ordinal);
        var export = await officer.GetAsync("/social-organizations/list?handler=Export&level=county");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(await export.Content.ReadAsByteArrayAsync()), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(rows, r => (string)r["名称"] == "容县阳光社会工作服务中心");
        Assert.DoesNotContain(rows, r => ((string)r["名称"]).StartsWith("北流", StringComparison.Ordinal));

        var id = (await officer.GetItemsAsync("/api/v1/social-organizations?q=阳光")).Single().GetProperty("id").GetString();
        var page = await officer.GetStringAsync($"/social-organizations/org/{id}");
        Assert.Contains("窗口录入：变更登记", page, StringComparison.Ordinal);
        var certificate = await officer.GetStringAsync($"/social-organizations/org/{id}/certificate");
        Assert.Contains("民办非企业单位（法人）登记证书", certificate, StringComparison.Ordinal);
        Assert.Contains("data-print-footer", certificate, StringComparison.Ordinal);
        var applications = await officer.GetStringAsync("/social-organizations/applications");
        Assert.Contains("容县摄影家协会", applications, StringComparison.Ordinal);

        var org = await Staff("yangguang.org");
        var mine = await org.GetStringAsync("/social-organizations/mine");
        Assert.Contains("网上申请：变更登记", mine, StringComparison.Ordinal);
        var other = (await officer.GetItemsAsync("/api/v1/social-organizations?q=老年人协会")).Single().GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NotFound, (await org.GetAsync($"/social-organizations/org/{other}")).StatusCode);
        // a county officer elsewhere sees nothing of it
        Assert.Equal(HttpStatusCode.NotFound, (await (await Staff("beiliu.officer")).GetAsync($"/social-organizations/org/{id}")).StatusCode);
    }
}

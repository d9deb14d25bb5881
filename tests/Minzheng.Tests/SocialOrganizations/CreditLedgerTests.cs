using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.SocialOrganizations;
using Minzheng.Web.Modules.SocialOrganizations.Credit;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Tests.SocialOrganizations;

/// <summary>
/// Issue 14 item 3 on SQLite and PostgreSQL: the registration authority records entry decisions, fulfilment and removal
/// through the one ledger and sees the derived status; the organisation objects and an upheld objection strikes the event;
/// the publication records each change of list status once. The business date is 2026-11-30 (the fixture's clock).
/// </summary>
public abstract class CreditLedgerTests(AppFixture app)
{
    private const string Base = "/api/v1/social-organizations/credit";

    private Task<Guid> OrgIdAsync(string name) => app.WithServicesAsync(sp =>
        sp.GetRequiredService<AppDbContext>().Set<Organization>().IgnoreQueryFilters().Where(o => o.Name == name).Select(o => o.Id).SingleAsync());

    private Task<int> EventCountAsync(Guid id) => app.WithServicesAsync(sp =>
        sp.GetRequiredService<AppDbContext>().Set<CreditEventRecord>().IgnoreQueryFilters().CountAsync(e => e.OrganizationId == id));

    private Task<List<CreditPublication>> PublicationsAsync(Guid id) => app.WithServicesAsync(sp =>
        sp.GetRequiredService<AppDbContext>().Set<CreditPublication>().IgnoreQueryFilters().Where(p => p.OrganizationId == id).OrderBy(p => p.RecordedAt).ThenBy(p => p.EffectiveOn).ToListAsync());

    private Task<int> PublishAsync() => app.WithServicesAsync(sp => sp.GetRequiredService<CreditPublisher>().PublishAsync());

    private static async Task<JsonElement> StatusAsync(HttpClient client, Guid id)
    {
        var r = await client.GetAsync($"{Base}/organizations/{id}");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return await r.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task The_authority_records_an_entry_fulfilment_and_removal_and_sees_the_derived_status()
    {
        app.SkipIfUnavailable();
        var id = await OrgIdAsync("容县老年人协会");
        var officer = await app.ClientAsync("rongxian.officer");

        // removal before anything is listed: a conflict, not a new fact
        await officer.PostAsJsonAsync($"{Base}/organizations/{id}/events", new { kind = "removed", date = "2026-10-01", fact = "移出", documentNumber = "容民社移字〔2026〕1号" })
            .ExpectProblemAsync(409, "socorg_credit_not_removable");
        await officer.PostAsJsonAsync($"{Base}/organizations/{id}/events", new { kind = "fulfilled", date = "2026-10-01", fact = "已整改" })
            .ExpectProblemAsync(409, "socorg_credit_nothing_to_fulfil");

        var listed = await officer.PostAsJsonAsync($"{Base}/organizations/{id}/events", new
        {
            kind = "unreachable",
            date = "2026-10-20",
            fact = "两次挂号信（2026-08-20、2026-10-09）均未签收，通过登记的住所无法取得联系",
            documentNumber = "容民社异字〔2026〕5号",
        });
        Assert.Equal(HttpStatusCode.Created, listed.StatusCode);
        var s = await StatusAsync(officer, id);
        Assert.Equal("abnormal", s.GetProperty("status").GetProperty("list").GetString());
        Assert.Equal("2026-10-20", s.GetProperty("status").GetProperty("since").GetString());
        Assert.Equal("unreachable", s.GetProperty("status").GetProperty("grounds")[0].GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, s.GetProperty("status").GetProperty("removableFrom").ValueKind);
        var ev = s.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "unreachable");
        Assert.Equal("容民社异字〔2026〕5号", ev.GetProperty("documentNumber").GetString());

        // verified on Friday 27 November: removable from that day, taken off by the rule at the latest on the 5th working day (4 December)
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync($"{Base}/organizations/{id}/events", new { kind = "fulfilled", date = "2026-11-27", fact = "已变更住所并能取得联系", fulfils = "unreachable" })).StatusCode);
        s = await StatusAsync(officer, id);
        Assert.Equal("abnormal", s.GetProperty("status").GetProperty("list").GetString());
        Assert.Equal("2026-11-27", s.GetProperty("status").GetProperty("removableFrom").GetString());

        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync($"{Base}/organizations/{id}/events", new { kind = "removed", date = "2026-11-30", fact = "经核实已履行义务，移出活动异常名录", documentNumber = "容民社移字〔2026〕2号" })).StatusCode);
        s = await StatusAsync(officer, id);
        Assert.Equal("none", s.GetProperty("status").GetProperty("list").GetString());
        Assert.Equal(3, s.GetProperty("events").GetArrayLength());

        // the officers' list shows nothing for it any more; the auditor reads, but may not record
        var lists = await (await officer.GetAsync($"{Base}/lists")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.DoesNotContain(lists.GetProperty("items").EnumerateArray(), i => i.GetProperty("organizationId").GetGuid() == id);
        var auditor = await app.ClientAsync("auditor");
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"{Base}/organizations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync($"{Base}/organizations/{id}/events", new { kind = "unreachable", date = "2026-11-01", fact = "x", documentNumber = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync("rongzhou.clerk")).GetAsync($"{Base}/lists")).StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_refused_on_its_field_and_nothing_is_saved()
    {
        app.SkipIfUnavailable();
        var id = await OrgIdAsync("容县书法家协会");
        var officer = await app.ClientAsync("rongxian.officer");
        var before = await EventCountAsync(id);

        var bad = await officer.PostAsJsonAsync($"{Base}/organizations/{id}/events", new { kind = "corrected", date = "2026-13-01", fact = "" })
            .ExpectProblemAsync(400, "validation_failed");
        foreach (var field in new[] { "kind", "date", "fact" }) Assert.True(bad.GetProperty("errors").TryGetProperty(field, out _), field + " in " + bad);

        // a fine of 50,000 元 or more is not a small fine, and a large fine is at least 50,000 元 (民政部令第60号)
        var small = await officer.PostAsJsonAsync($"{Base}/organizations/{id}/events", new { kind = "warning-or-small-fine", date = "2026-11-02", fact = "罚款", documentNumber = "容民社罚字〔2026〕9号", fineYuan = 50000m })
            .ExpectProblemAsync(400, "validation_failed");
        Assert.True(small.GetProperty("errors").TryGetProperty("fineYuan", out _), small.ToString());
        var large = await officer.PostAsJsonAsync($"{Base}/organizations/{id}/events", new { kind = "large-fine", date = "2026-11-02", fact = "罚款", documentNumber = "容民社罚字〔2026〕9号", fineYuan = 49999.99m })
            .ExpectProblemAsync(400, "validation_failed");
        Assert.True(large.GetProperty("errors").TryGetProperty("fineYuan", out _), large.ToString());
        var future = await officer.PostAsJsonAsync($"{Base}/organizations/{id}/events", new { kind = "unreachable", date = "2026-12-01", fact = "x" })
            .ExpectProblemAsync(400, "validation_failed");
        Assert.True(future.GetProperty("errors").TryGetProperty("date", out _) && future.GetProperty("errors").TryGetProperty("documentNumber", out _), future.ToString());
        Assert.Equal(before, await EventCountAsync(id));

        // a large fine in range goes straight to the 严重违法失信名单
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync($"{Base}/organizations/{id}/events", new { kind = "large-fine", date = "2026-11-02", fact = "违规收费，罚款6万元", documentNumber = "容民社罚字〔2026〕9号", fineYuan = 60000m })).StatusCode);
        var s = await StatusAsync(officer, id);
        Assert.Equal("dishonest", s.GetProperty("status").GetProperty("list").GetString());
        Assert.Equal(60000m, s.GetProperty("events")[0].GetProperty("fineYuan").GetDecimal());
    }

    [Fact]
    public async Task A_county_officer_may_read_but_not_act_on_a_city_registered_organisation()
    {
        app.SkipIfUnavailable();
        // a city-registered organisation seated in 容县: the county officer sees it (scope) but is not its registration authority
        var id = await app.WithServicesAsync(async sp =>
        {
            var org = await sp.GetRequiredService<OrganizationRegistration>().CreateAsync(new OrganizationInput
            {
                CreditCode = CreditCode.Compose('5', '1', "450900", "50009901"),
                Name = "玉林市容县商会（测试）",
                Kind = OrganizationKind.SocialGroup,
                DivisionCode = "450921100000",
                Address = "容县容州镇",
                LegalRepresentativeName = "测试",
                RegisteredOn = new DateOnly(2015, 1, 5),
            });
            var db = sp.GetRequiredService<AppDbContext>();
            db.Add(new SocialOrganizationProfile { OrganizationId = org.Id, DivisionCode = "450921100000", Kind = OrganizationKind.SocialGroup, Level = RegistrationLevel.City, AuthorityDivisionCode = RegistrationAuthority.City });
            await db.SaveChangesAsync();
            return org.Id;
        });
        var county = await app.ClientAsync("rongxian.officer");
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync($"{Base}/organizations/{id}")).StatusCode);
        var input = new { kind = "report-overdue", date = "2026-06-01", fact = "未按时报送2025年度工作报告", documentNumber = "玉民社异字〔2026〕3号" };
        await county.PostAsJsonAsync($"{Base}/organizations/{id}/events", input).ExpectProblemAsync(403, "socorg_not_authority");
        Assert.Equal(0, await EventCountAsync(id));
        // another county's officer does not even see it
        await (await app.ClientAsync("beiliu.officer")).PostAsJsonAsync($"{Base}/organizations/{id}/events", input).ExpectProblemAsync(404, "not_found");
        Assert.Equal(HttpStatusCode.Created, (await (await app.ClientAsync("city.officer")).PostAsJsonAsync($"{Base}/organizations/{id}/events", input)).StatusCode);
    }

    [Fact]
    public async Task An_upheld_objection_strikes_the_event_and_the_publication_records_each_change_once()
    {
        app.SkipIfUnavailable();
        // an organisation of 容县 with a clean record and its own account (the demo's centre is listed by the report sweep)
        var body = Random.Shared.Next(0, 99_999_999).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        var userName = "objection" + body;
        var id = await app.WithServicesAsync(async sp =>
        {
            var org = await sp.GetRequiredService<OrganizationRegistration>().CreateAsync(new OrganizationInput
            {
                CreditCode = CreditCode.Compose('5', '2', "450921", body),
                Name = "容县异议测试服务中心" + body,
                Kind = OrganizationKind.SocialServiceAgency,
                DivisionCode = "450921100000",
                Address = "容县容州镇",
                LegalRepresentativeName = "测试",
                RegisteredOn = new DateOnly(2018, 3, 1),
            });
            var db = sp.GetRequiredService<AppDbContext>();
            db.Add(new SocialOrganizationProfile { OrganizationId = org.Id, DivisionCode = "450921100000", Kind = OrganizationKind.SocialServiceAgency, Level = RegistrationLevel.County, AuthorityDivisionCode = "450921000000" });
            await db.SaveChangesAsync();
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Minzheng.Web.Platform.Access.AppUser>>();
            var u = new Minzheng.Web.Platform.Access.AppUser { UserName = userName, DisplayName = "异议测试账号", DivisionCode = "450921100000", OrganizationId = org.Id };
            Assert.True((await users.CreateAsync(u, Minzheng.Web.Platform.Demo.DemoAccounts.Password)).Succeeded);
            await users.AddToRoleAsync(u, Minzheng.Web.Platform.Access.Roles.OrganizationStaff);
            return org.Id;
        });
        var officer = await app.ClientAsync("rongxian.officer");
        var created = await officer.PostAsJsonAsync($"{Base}/organizations/{id}/events", new { kind = "report-overdue", date = "2026-06-01", fact = "未按时报送2025年度工作报告", documentNumber = "容民社异字〔2026〕8号" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var eventId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // published once: the entry with its date and ground
        await PublishAsync();
        Assert.Equal(0, await PublishAsync());
        var published = Assert.Single(await PublicationsAsync(id));
        Assert.Equal(CreditPublicationAction.EnterAbnormal, published.Action);
        Assert.Equal(new DateOnly(2026, 6, 1), published.EffectiveOn);
        Assert.Contains("未按照规定时限报送年度工作报告", published.Grounds, StringComparison.Ordinal);

        // only the organisation's own account objects; another organisation's account does not see it at all
        var own = await app.ClientAsync(userName);
        var other = await app.ClientAsync("fushou.home");
        var objection = new { eventId, reason = "已于5月30日网上报送，系统回执可查", evidence = "报送回执" };
        await other.PostAsJsonAsync($"{Base}/organizations/{id}/objections", objection).ExpectProblemAsync(404, "not_found");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{Base}/organizations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync($"{Base}/organizations/{id}/objections", objection)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await own.PostAsJsonAsync($"{Base}/organizations/{id}/events", new { kind = "removed", date = "2026-11-30", fact = "x", documentNumber = "x" })).StatusCode);
        var missing = await own.PostAsJsonAsync($"{Base}/organizations/{id}/objections", new { reason = "" }).ExpectProblemAsync(400, "validation_failed");
        Assert.True(missing.GetProperty("errors").TryGetProperty("eventId", out _) && missing.GetProperty("errors").TryGetProperty("reason", out _), missing.ToString());

        var filed = await own.PostAsJsonAsync($"{Base}/organizations/{id}/objections", objection);
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var o = await filed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("pending", o.GetProperty("status").GetString());
        Assert.Equal("2026-12-21", o.GetProperty("dueOn").GetString()); // 15 working days (the demo row)
        await own.PostAsJsonAsync($"{Base}/organizations/{id}/objections", objection).ExpectProblemAsync(409, "socorg_credit_objection_pending");
        var mine = await StatusAsync(own, id);
        Assert.Equal("abnormal", mine.GetProperty("status").GetProperty("list").GetString());

        var oid = o.GetProperty("id").GetGuid();
        var version = o.GetProperty("version").GetInt32();
        var noReason = await officer.PostAsJsonAsync($"{Base}/objections/{oid}/decision", new { decision = "rejected", version }).ExpectProblemAsync(400, "validation_failed");
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _), noReason.ToString());
        await officer.PostAsJsonAsync($"{Base}/objections/{oid}/decision", new { decision = "upheld", version = version + 1 }).ExpectProblemAsync(409, "concurrency_conflict");
        var decided = await officer.PostAsJsonAsync($"{Base}/objections/{oid}/decision", new { decision = "upheld", reason = "经核实已按时报送", version });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        await officer.PostAsJsonAsync($"{Base}/objections/{oid}/decision", new { decision = "rejected", reason = "x", version = version + 1 }).ExpectProblemAsync(409, "socorg_credit_objection_decided");

        var s = await StatusAsync(officer, id);
        Assert.Equal("none", s.GetProperty("status").GetProperty("list").GetString());
        var events = s.GetProperty("events").EnumerateArray().ToList();
        Assert.True(events.Single(e => e.GetProperty("id").GetGuid() == eventId).GetProperty("struck").GetBoolean());
        Assert.Equal(eventId, events.Single(e => e.GetProperty("kind").GetString() == "corrected").GetProperty("correctsId").GetGuid());
        await own.PostAsJsonAsync($"{Base}/organizations/{id}/objections", objection).ExpectProblemAsync(409, "socorg_credit_event_struck");

        // the removal is published once, effective on the day of the correction
        Assert.True(await PublishAsync() >= 1);
        Assert.Equal(0, await PublishAsync());
        var log = await PublicationsAsync(id);
        Assert.Equal([CreditPublicationAction.EnterAbnormal, CreditPublicationAction.LeaveAbnormal], log.Select(p => p.Action));
        Assert.Equal(new DateOnly(2026, 11, 30), log[1].EffectiveOn);
    }

    [Fact]
    public async Task The_demo_warning_is_listed_and_published_at_start()
    {
        app.SkipIfUnavailable();
        var id = await OrgIdAsync(CreditInitializer.CeramicsName);
        var s = await StatusAsync(await app.ClientAsync("beiliu.officer"), id);
        Assert.Equal("abnormal", s.GetProperty("status").GetProperty("list").GetString());
        Assert.Equal("2027-01-15", s.GetProperty("status").GetProperty("removableFrom").GetString());
        var entry = Assert.Single(await PublicationsAsync(id));
        Assert.Equal(CreditInitializer.CeramicsWarnedOn, entry.EffectiveOn);

        var xlsx = await (await app.ClientAsync("city.officer")).GetAsync($"{Base}/lists.xlsx?list=abnormal");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.True((await xlsx.Content.ReadAsByteArrayAsync()).Length > 100);
        await (await app.ClientAsync("city.officer")).GetAsync($"{Base}/lists?list=grey").ExpectProblemAsync(400, "validation_failed");

        // the catering association's objection was upheld: its entry is struck and it is not listed
        var catering = await StatusAsync(await app.ClientAsync("city.officer"), await OrgIdAsync(CreditInitializer.CateringName));
        Assert.Equal("none", catering.GetProperty("status").GetProperty("list").GetString());
        Assert.Equal("upheld", catering.GetProperty("objections")[0].GetProperty("status").GetString());
    }
}

public sealed class CreditLedgerTestsOnSqlite(SqliteApp app) : CreditLedgerTests(app), IClassFixture<SqliteApp>;

public sealed class CreditLedgerTestsOnPostgres(PostgresApp app) : CreditLedgerTests(app), IClassFixture<PostgresApp>;

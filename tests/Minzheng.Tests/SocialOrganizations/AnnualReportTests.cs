using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.SocialOrganizations;
using Minzheng.Web.Modules.SocialOrganizations.Credit;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Modules.SocialOrganizations.Reports;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Tests.SocialOrganizations;

/// <summary>
/// Annual reports on SQLite and PostgreSQL (the app's clock stands on 30 November 2026, so the 2025 reports were due by
/// 31 May 2026): the demo's social-work centre, listed by the sweep for not filing, files through its own account — bad input
/// refused on its fields with nothing saved, a stale version 409 — and is then fulfilled and off the list after the 5 working
/// days; the county officer concludes; another organisation's account gets 404; a county officer on a city-registered
/// organisation 403 while the city concludes with sanctions that reach the credit ledger; the exemption.
/// </summary>
public abstract class AnnualReportTests(AppFixture app)
{
    private const string Url = "/api/v1/social-organizations/reports";

    private static object FullReport(int? version, string party = "none") => new
    {
        version,
        councilMeetings = 2,
        addressConfirmed = true,
        mainActivities = "为困难群众、留守儿童提供个案和小组社会工作服务",
        eventsHeld = 24,
        services = "个案 36 个，小组 12 个",
        incomeGovernment = 180000.50m,
        incomeDonations = 20000m,
        expenditure = 190000m,
        netAssets = 41000.25m,
        partyOrganization = party,
        fullTimeStaff = 5,
        partTimeStaff = 2,
        socialWorkers = 4,
    };

    private async Task<Guid> OrganizationIdAsync(string name) =>
        await app.WithServicesAsync(async sp => await sp.GetRequiredService<AppDbContext>().Set<Organization>().Where(o => o.Name == name).Select(o => o.Id).SingleAsync());

    private Task<List<CreditEventRecord>> EventsAsync(Guid organizationId) =>
        app.WithServicesAsync(async sp => await sp.GetRequiredService<AppDbContext>().Set<CreditEventRecord>().AsNoTracking()
            .Where(e => e.OrganizationId == organizationId).OrderBy(e => e.OccurredOn).ToListAsync());

    private Task<CreditStatus> StatusAsync(Guid organizationId, DateOnly asOf) =>
        app.WithServicesAsync(async sp =>
        {
            var o = await sp.GetRequiredService<RegistrationAuthority>().LoadAsync(organizationId);
            return await sp.GetRequiredService<CreditLedger>().StatusAsync(o, asOf);
        });

    private Task<int> SweepAsync() =>
        app.WithServicesAsync(sp => sp.GetRequiredService<AnnualReports>().SweepOverdueAsync(new DateOnly(2026, 11, 30), CancellationToken.None));

    /// <summary>A social organisation made for one test (registered 2019, so it owes its 2025 report), with its 2025 report if asked.</summary>
    private Task<Guid> NewOrganizationAsync(RegistrationLevel level, string seat, AnnualReportStatus? report = null) =>
        app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var authority = RegistrationAuthority.AuthorityFor(level, seat);
            var body = Random.Shared.Next(0, 99_999_999).ToString("D8", CultureInfo.InvariantCulture);
            var org = await sp.GetRequiredService<OrganizationRegistration>().CreateAsync(new OrganizationInput
            {
                CreditCode = CreditCode.Compose('5', '1', authority[..6], body),
                Name = "测试年报协会" + body,
                Kind = OrganizationKind.SocialGroup,
                DivisionCode = seat,
                Address = "容县（测试地址）",
                LegalRepresentativeName = "测试",
                RegisteredOn = new DateOnly(2019, 4, 1),
            });
            db.Add(new SocialOrganizationProfile { OrganizationId = org.Id, DivisionCode = seat, Kind = OrganizationKind.SocialGroup, Level = level, AuthorityDivisionCode = authority });
            if (report is { } status)
            {
                db.Add(new AnnualReport
                {
                    OrganizationId = org.Id,
                    DivisionCode = seat,
                    Year = 2025,
                    Status = status,
                    SubmittedOn = new DateOnly(2026, 5, 20),
                    Members = 40,
                    CouncilMeetings = 1,
                    AddressConfirmed = true,
                    MainActivities = "测试",
                    Expenditure = Money.FromYuan(1000m),
                    NetAssets = Money.FromYuan(500m),
                });
            }
            await db.SaveChangesAsync();
            return org.Id;
        });

    [Fact]
    public async Task A_late_organisation_is_listed_once_files_through_its_account_and_leaves_the_list_after_fulfilment()
    {
        app.SkipIfUnavailable();
        var id = await OrganizationIdAsync(SocialOrganizationsInitializer.DemoOrganizationName);

        // the demo start ran the sweep once; running it twice more records nothing new: one listing with its ground
        await SweepAsync();
        await SweepAsync();
        var overdue = (await EventsAsync(id)).Where(e => e.SourceKey == "report-overdue-2025").ToList();
        var listing = Assert.Single(overdue);
        Assert.Equal(CreditEventKind.ReportOverdue, listing.Kind);
        Assert.Equal(new DateOnly(2026, 6, 1), listing.OccurredOn);
        Assert.Equal("未按规定报送2025年度工作报告", listing.Ground);
        Assert.Equal(CreditList.Abnormal, (await StatusAsync(id, new DateOnly(2026, 11, 30))).List);

        var org = await app.ClientAsync("yangguang.org");
        // its own list shows only itself, with the year overdue
        var mine = await (await org.GetAsync($"{Url}?year=2025")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, mine.GetProperty("total").GetInt32());
        Assert.True(mine.GetProperty("items")[0].GetProperty("overdue").GetBoolean());

        // bad input: every bad field at once, nothing saved
        var bad = await org.PutAsJsonAsync($"{Url}/{id}/2025", new { expenditure = 1.234m, netAssets = -20_000_000_000m, socialWorkers = 3, fullTimeStaff = 1, partyOrganization = "some", councilMeetings = -1 })
            .ExpectProblemAsync(400, "validation_failed");
        foreach (var field in new[] { "expenditure", "netAssets", "socialWorkers", "partyOrganization", "councilMeetings" })
            Assert.True(bad.GetProperty("errors").TryGetProperty(field, out _), field + " in " + bad);
        var nothing = await (await org.GetAsync($"{Url}/{id}/2025")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, nothing.GetProperty("status").ValueKind);

        // an incomplete draft saves; submitting it names what is missing
        var draft = await (await org.PutAsJsonAsync($"{Url}/{id}/2025", new { mainActivities = "社工服务", fullTimeStaff = 5 })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("draft", draft.GetProperty("status").GetString());
        var v1 = draft.GetProperty("version").GetInt32();
        var incomplete = await org.PostAsJsonAsync($"{Url}/{id}/2025/submit", new { version = v1 }).ExpectProblemAsync(400, "validation_failed");
        foreach (var field in new[] { "addressConfirmed", "councilMeetings", "expenditure", "netAssets", "partyOrganization", "partTimeStaff" })
            Assert.True(incomplete.GetProperty("errors").TryGetProperty(field, out _), field + " in " + incomplete);

        // the full form at the current version; the old version is stale
        var saved = await (await org.PutAsJsonAsync($"{Url}/{id}/2025", FullReport(v1, "joint"))).Content.ReadFromJsonAsync<JsonElement>();
        var v2 = saved.GetProperty("version").GetInt32();
        Assert.True(v2 > v1);
        Assert.Equal(180000.50m, saved.GetProperty("form").GetProperty("incomeGovernment").GetDecimal());
        await org.PutAsJsonAsync($"{Url}/{id}/2025", FullReport(v1)).ExpectProblemAsync(409, "concurrency_conflict");
        await org.PostAsJsonAsync($"{Url}/{id}/2025/submit", new { version = v1 }).ExpectProblemAsync(409, "concurrency_conflict");

        var submitted = await (await org.PostAsJsonAsync($"{Url}/{id}/2025/submit", new { version = v2 })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("submitted", submitted.GetProperty("status").GetString());
        Assert.Equal("2026-11-30", submitted.GetProperty("submittedOn").GetString());
        await org.PutAsJsonAsync($"{Url}/{id}/2025", FullReport(submitted.GetProperty("version").GetInt32())).ExpectProblemAsync(409, "socorg_report_not_editable");

        // the late filing fulfils the listing: still listed that day, removable, off the list five working days later
        var fulfilled = Assert.Single(await EventsAsync(id), e => e.SourceKey == "report-fulfilled-2025");
        Assert.Equal(CreditEventKind.Fulfilled, fulfilled.Kind);
        Assert.Equal(CreditEventKind.ReportOverdue, fulfilled.FulfilsKind);
        Assert.Equal(new DateOnly(2026, 11, 30), fulfilled.OccurredOn);
        var now = await StatusAsync(id, new DateOnly(2026, 11, 30));
        Assert.Equal(CreditList.Abnormal, now.List);
        Assert.NotNull(now.RemovableFrom);
        Assert.Equal(CreditList.None, (await StatusAsync(id, new DateOnly(2026, 12, 8))).List);
        // a later sweep does not list it again
        Assert.Single(await EventsAsync(id), e => e.SourceKey == "report-overdue-2025");

        // the party organisation reported is kept on the profile
        var party = await app.WithServicesAsync(async sp => (await sp.GetRequiredService<RegistrationAuthority>().LoadAsync(id)).Profile.PartyOrganization);
        Assert.Equal(PartyOrganizationStatus.Joint, party);

        // the county officer (its registration authority) concludes; bad input on its fields first
        var officer = await app.ClientAsync("rongxian.officer");
        var version = submitted.GetProperty("version").GetInt32();
        var badConclusion = await officer.PostAsJsonAsync($"{Url}/{id}/2025/conclude", new { version, conclusion = "basically-qualified", sanctions = new[] { "flogging" } })
            .ExpectProblemAsync(400, "validation_failed");
        Assert.True(badConclusion.GetProperty("errors").TryGetProperty("reasons", out _), badConclusion.ToString());
        Assert.True(badConclusion.GetProperty("errors").TryGetProperty("sanctions", out _), badConclusion.ToString());
        await officer.PostAsJsonAsync($"{Url}/{id}/2025/conclude", new { version = version - 1, conclusion = "qualified" }).ExpectProblemAsync(409, "concurrency_conflict");
        var concluded = await (await officer.PostAsJsonAsync($"{Url}/{id}/2025/conclude", new { version, conclusion = "qualified" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("qualified", concluded.GetProperty("conclusion").GetString());
        Assert.Equal("2026-11-30", concluded.GetProperty("concludedOn").GetString());

        // published on the public query: the conclusion and its date, nothing of the report's figures
        var facts = await app.WithServicesAsync(async sp =>
        {
            var source = sp.GetServices<IPublicFactSource>().OfType<ReportPublicFacts>().Single();
            return await source.LoadAsync([id], CancellationToken.None);
        });
        var fact = Assert.Single(facts[id], f => f.Label == "2025年度");
        Assert.Equal(("年检结论", "2025年度", "合格", new DateOnly(2026, 11, 30)), (fact.Section, fact.Label, fact.Value, fact.Date));
    }

    [Fact]
    public async Task Another_organisations_account_gets_404_and_officers_cannot_file()
    {
        app.SkipIfUnavailable();
        var id = await OrganizationIdAsync(SocialOrganizationsInitializer.DemoOrganizationName);
        var other = await app.ClientAsync("fushou.home");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{Url}/{id}/2025")).StatusCode);
        Assert.Equal(0, (await (await other.GetAsync($"{Url}?year=2025")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32());
        await other.PutAsJsonAsync($"{Url}/{id}/2025", FullReport(null)).ExpectProblemAsync(404, "not_found");
        // an officer reads but does not fill in the organisation's report
        var officer = await app.ClientAsync("rongxian.officer");
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"{Url}/{id}/2025")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PutAsJsonAsync($"{Url}/{id}/2025", FullReport(null))).StatusCode);
        // township staff see nothing of this module
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync("rongzhou.clerk")).GetAsync($"{Url}?year=2025")).StatusCode);
    }

    [Fact]
    public async Task A_county_officer_cannot_act_on_a_city_registered_organisation_and_the_city_sanctions_through_the_ledger()
    {
        app.SkipIfUnavailable();
        var id = await NewOrganizationAsync(RegistrationLevel.City, "450921100000", AnnualReportStatus.Submitted);
        var version = (await (await (await app.ClientAsync("city.officer")).GetAsync($"{Url}/{id}/2025")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();

        var county = await app.ClientAsync("rongxian.officer");
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync($"{Url}/{id}/2025")).StatusCode);
        await county.PostAsJsonAsync($"{Url}/{id}/2025/conclude", new { version, conclusion = "qualified" }).ExpectProblemAsync(403, "socorg_not_authority");
        await county.PostAsJsonAsync($"{Url}/{id}/2025/return", new { version, reason = "补正" }).ExpectProblemAsync(403, "socorg_not_authority");

        var city = await app.ClientAsync("city.officer");
        await city.PostAsJsonAsync($"{Url}/{id}/2025/conclude", new { version, conclusion = "unqualified", reasons = "未按章程开展活动", sanctions = new[] { "warning", "suspend" } })
            .ExpectProblemAsync(400, "validation_failed");
        var done = await (await city.PostAsJsonAsync($"{Url}/{id}/2025/conclude", new
        {
            version,
            conclusion = "unqualified",
            reasons = "未按章程开展活动",
            sanctions = new[] { "warning", "suspend" },
            sanctionDocument = "玉民社罚〔2026〕3号",
        })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("unqualified", done.GetProperty("conclusion").GetString());
        var events = await EventsAsync(id);
        Assert.Contains(events, e => e.Kind == CreditEventKind.WarningOrSmallFine && e.DocumentNumber == "玉民社罚〔2026〕3号" && e.OccurredOn == new DateOnly(2026, 11, 30));
        Assert.Contains(events, e => e.Kind == CreditEventKind.Suspension && e.Source == "reports");
        Assert.Equal(CreditList.Dishonest, (await StatusAsync(id, new DateOnly(2026, 11, 30))).List);
        // concluded once
        await city.PostAsJsonAsync($"{Url}/{id}/2025/conclude", new { version = done.GetProperty("version").GetInt32(), conclusion = "qualified" })
            .ExpectProblemAsync(409, "socorg_report_wrong_status");
    }

    [Fact]
    public async Task The_sweep_lists_an_organisation_without_a_report_once_and_skips_the_exempt_and_the_filed()
    {
        app.SkipIfUnavailable();
        var late = await NewOrganizationAsync(RegistrationLevel.County, "450921100000");
        var filed = await NewOrganizationAsync(RegistrationLevel.County, "450921100000", AnnualReportStatus.Submitted);
        Assert.True(await SweepAsync() >= 1);
        Assert.Equal(0, await SweepAsync());
        var listing = Assert.Single(await EventsAsync(late));
        Assert.Equal((CreditEventKind.ReportOverdue, "未按规定报送2025年度工作报告", new DateOnly(2026, 6, 1)), (listing.Kind, listing.Ground, listing.OccurredOn));
        Assert.Empty(await EventsAsync(filed));

        // 容县书法家协会, registered 12 August 2026, owes neither 2025 nor 2026
        var exempt = await OrganizationIdAsync("容县书法家协会");
        Assert.Empty(await EventsAsync(exempt));
        var officer = await app.ClientAsync("rongxian.officer");
        var list = await (await officer.GetAsync($"{Url}?year=2025&status=exempt")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(list.GetProperty("items").EnumerateArray(), r => r.GetProperty("name").GetString() == "容县书法家协会");
        var overdue = await (await officer.GetAsync($"{Url}?year=2025&status=overdue")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(overdue.GetProperty("items").EnumerateArray(), r => r.GetProperty("organizationId").GetGuid() == late);
        Assert.DoesNotContain(overdue.GetProperty("items").EnumerateArray(), r => r.GetProperty("organizationId").GetGuid() == filed);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"{Url}/export?year=2025&status=overdue")).StatusCode);
        await officer.GetAsync($"{Url}?year=2025&status=sideways").ExpectProblemAsync(400, "validation_failed");
    }
}

public sealed class AnnualReportTestsOnSqlite(SqliteApp app) : AnnualReportTests(app), IClassFixture<SqliteApp>;

public sealed class AnnualReportTestsOnPostgres(PostgresApp app) : AnnualReportTests(app), IClassFixture<PostgresApp>;

using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.Geography.Naming;
using Minzheng.Web.Modules.Geography.PlaceNames;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;

namespace Minzheng.Tests.Geography;

/// <summary>The filing and announcement deadline rule (地名管理条例 2022 第十三条、第十四条): 15 calendar days from approval, none before 2022-05-01.</summary>
public sealed class NamingDeadlineRuleTests
{
    [Theory]
    [InlineData("2022-05-01", 15, "2022-05-16")]
    [InlineData("2026-11-20", 15, "2026-12-05")]
    [InlineData("2026-12-31", 15, "2027-01-15")]
    [InlineData("2022-04-30", null, null)]
    [InlineData("2020-06-01", null, null)]
    public void Due_is_the_approval_day_plus_the_period_in_force(string approved, int? days, string? due) =>
        Assert.Equal(due is null ? null : DateOnly.Parse(due), NamingDeadlines.Due(DateOnly.Parse(approved), days));

    [Theory]
    [InlineData("2022-05-16", null, "2022-05-16", false)] // the last day itself is in time
    [InlineData("2022-05-16", null, "2022-05-17", true)]
    [InlineData("2022-05-16", "2022-05-17", "2022-06-01", false)] // done (late) is no longer an alert
    [InlineData(null, null, "2026-11-30", false)] // no deadline before 2022-05-01
    public void Overdue_only_after_the_last_day_and_while_not_done(string? due, string? done, string today, bool overdue) =>
        Assert.Equal(overdue, NamingDeadlines.IsOverdue(due is null ? null : DateOnly.Parse(due), done is null ? null : DateOnly.Parse(done), DateOnly.Parse(today)));
}

/// <summary>
/// Naming applications through the API: a street named from proposal to announcement creating the standard name with its
/// approval and announcement; a conflicting proposal blocked at approval and sent back; stale version 409; another county 404;
/// the filing and announcement periods found in the figure book from 2022-05-01 only.
/// </summary>
public abstract class NamingTests(AppFixture app)
{
    private const string Rongzhou = "450921100000";
    private const string Xinnan = "450921100003";

    private static string Unique() => "澄" + "琨璟瑛珩琰瑾璞"[Random.Shared.Next(7)] + "路";

    [Fact]
    public async Task The_periods_are_figures_in_force_from_2022_05_01()
    {
        app.SkipIfUnavailable();
        var (before, after) = await app.WithServicesAsync(sp =>
        {
            var book = sp.GetRequiredService<FigureBook>();
            return Task.FromResult((book.Find(NamingFigures.FilingDays, Rongzhou, new DateOnly(2022, 4, 30)), book.Find(NamingFigures.AnnouncementDays, Rongzhou, new DateOnly(2022, 5, 1))));
        });
        Assert.Null(before);
        Assert.Equal(15, after?.Row.Number);
    }

    [Fact]
    public async Task A_street_is_named_from_proposal_to_announcement()
    {
        app.SkipIfUnavailable();
        var officer = await app.ClientAsync("rongxian.officer");
        var beiliu = await app.ClientAsync("beiliu.officer");
        var name = Unique();
        var created = await Send(officer.PostAsJsonAsync("/api/v1/place-names/applications", new
        {
            kind = "naming", proposedName = name, category = "street", divisionCode = Rongzhou, location = "容州镇城东，东起环城路，西至人民路", size = "长约800米",
            nature = "城市支路", plan = "新建道路命名", reasons = "新建道路尚无名称", applicant = "容县住房和城乡建设局",
        }), System.Net.HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString();
        Assert.Equal("submitted", created.GetProperty("state").GetString());
        Assert.False(created.GetProperty("blocked").GetBoolean());
        Assert.StartsWith("DM450921", created.GetProperty("number").GetString());

        // another county: 404, on read and on action
        await beiliu.GetAsync($"/api/v1/place-names/applications/{id}").ExpectProblemAsync(404, "not_found");
        await beiliu.PostAsJsonAsync($"/api/v1/place-names/applications/{id}/review", new { version = 0, opinion = "x" }).ExpectProblemAsync(404, "not_found");

        var a = await Step(officer, id, "review", new { version = created.GetProperty("version").GetInt32(), opinion = "专家论证：名称含义明确，同意", consultationFrom = "2026-10-01", consultationUntil = "2026-10-15" });
        Assert.Equal("consultation", a.GetProperty("state").GetString());
        // stale version
        await officer.PostAsJsonAsync($"/api/v1/place-names/applications/{id}/close-consultation", new { version = 0 }).ExpectProblemAsync(409, "concurrency_conflict");
        a = await Step(officer, id, "close-consultation", new { version = a.GetProperty("version").GetInt32(), opinion = "无异议" });
        a = await Step(officer, id, "approve", new { version = a.GetProperty("version").GetInt32(), approvingAuthority = "容县人民政府", approvalDocument = "容政函〔2026〕88号", approvedOn = "2026-11-20" });
        Assert.Equal("approved", a.GetProperty("state").GetString());
        Assert.Equal("2026-12-05", a.GetProperty("filingDue").GetString());
        Assert.Equal("2026-12-05", a.GetProperty("announcementDue").GetString());
        a = await Step(officer, id, "announce", new { version = a.GetProperty("version").GetInt32(), announcedOn = "2026-11-25" });
        Assert.Equal("announced", a.GetProperty("state").GetString());
        var placeId = a.GetProperty("placeNameId").GetString();
        var place = await officer.GetJsonAsync($"/api/v1/place-names/{placeId}");
        Assert.Equal(name, place.GetProperty("name").GetString());
        Assert.Equal("standard", place.GetProperty("status").GetString());
        Assert.Equal("2026-11-20", place.GetProperty("approvedOn").GetString());
        Assert.Equal("容政函〔2026〕88号", place.GetProperty("approvalDocument").GetString());
        Assert.Equal("2026-11-25", place.GetProperty("announcedOn").GetString());
        a = await Step(officer, id, "file", new { version = a.GetProperty("version").GetInt32(), filedOn = "2026-11-30", filedWith = "玉林市人民政府" });
        Assert.Equal("done", a.GetProperty("state").GetString());
        Assert.Empty(a.GetProperty("actions").EnumerateArray());
    }

    [Fact]
    public async Task A_conflicting_proposal_is_blocked_at_approval_and_sent_back()
    {
        app.SkipIfUnavailable();
        var officer = await app.ClientAsync("rongxian.officer");
        var seat = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<PlaceName>().IgnoreQueryFilters()
            .Where(n => n.NamedDivisionCode == Xinnan && n.Category == PlaceNameCategory.VillageSeat).Select(n => n.Name).FirstAsync());
        var created = await Send(officer.PostAsJsonAsync("/api/v1/place-names/applications", new
        {
            kind = "naming", proposedName = seat, category = "villageSeat", divisionCode = Rongzhou, location = "容州镇", plan = "新设社区驻地命名", reasons = "新设社区",
        }), System.Net.HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString();
        Assert.True(created.GetProperty("blocked").GetBoolean());
        Assert.Contains(created.GetProperty("conflicts").EnumerateArray(), c => c.GetProperty("name").GetString() == seat && c.GetProperty("kind").GetString() == "duplicate");

        var a = await Step(officer, id, "review", new { version = created.GetProperty("version").GetInt32(), opinion = "专家论证：与现有地名重名", consultationFrom = "2026-10-01", consultationUntil = "2026-10-15" });
        a = await Step(officer, id, "close-consultation", new { version = a.GetProperty("version").GetInt32() });
        await officer.PostAsJsonAsync($"/api/v1/place-names/applications/{id}/approve", new { version = a.GetProperty("version").GetInt32(), approvalDocument = "容政函〔2026〕89号", approvedOn = "2026-11-20" })
            .ExpectProblemAsync(409, "geo_naming_blocked");
        a = await Step(officer, id, "send-back", new { version = a.GetProperty("version").GetInt32(), opinion = "重名，请重新拟名" });
        Assert.Equal("returned", a.GetProperty("state").GetString());
        a = await Step(officer, id, "resubmit", new { version = a.GetProperty("version").GetInt32(), proposedName = "澄" + "琨璟瑛珩琰瑾璞"[Random.Shared.Next(7)] + "社区" });
        Assert.Equal("submitted", a.GetProperty("state").GetString());
        Assert.False(a.GetProperty("blocked").GetBoolean());
    }

    [Fact]
    public async Task Consultation_cannot_close_before_its_end()
    {
        app.SkipIfUnavailable();
        var officer = await app.ClientAsync("rongxian.officer");
        var created = await Send(officer.PostAsJsonAsync("/api/v1/place-names/applications", new
        {
            kind = "naming", proposedName = Unique(), category = "street", divisionCode = Rongzhou, location = "容州镇", plan = "命名", reasons = "新建道路",
        }), System.Net.HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString();
        var a = await Step(officer, id, "review", new { version = created.GetProperty("version").GetInt32(), opinion = "同意", consultationFrom = "2026-11-30", consultationUntil = "2026-12-30" });
        await officer.PostAsJsonAsync($"/api/v1/place-names/applications/{id}/close-consultation", new { version = a.GetProperty("version").GetInt32() })
            .ExpectProblemAsync(409, "geo_consultation_open");
        var list = await officer.GetJsonAsync("/api/v1/place-names/applications?state=consultation");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == id);
    }

    private static async Task<JsonElement> Step(HttpClient client, string? id, string action, object body) =>
        await Send(client.PostAsJsonAsync($"/api/v1/place-names/applications/{id}/{action}", body), System.Net.HttpStatusCode.OK);

    private static async Task<JsonElement> Send(Task<HttpResponseMessage> pending, System.Net.HttpStatusCode status) =>
        await (await pending.EnsureStatus(status)).JsonAsync();
}

public sealed class NamingTestsOnSqlite(SqliteApp app) : NamingTests(app), IClassFixture<SqliteApp>;

public sealed class NamingTestsOnPostgres(PostgresApp app) : NamingTests(app), IClassFixture<PostgresApp>;

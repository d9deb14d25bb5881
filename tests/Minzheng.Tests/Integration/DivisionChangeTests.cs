using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.Geography.PlaceNames;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Tests.Integration;

/// <summary>
/// 行政区划变更 (ADR 065) end to end: 杨梅镇 merged into 容州镇 moves its people, households and cases in one transaction;
/// 容州镇's clerk then sees them and 杨梅镇's clerk no longer does; the report for a date before the merge still counts them
/// under 杨梅镇, the one after under 容州镇; the merged town's villages keep their identity under new codes; a rename
/// keeps the old name for earlier dates; a change dated later waits; a township officer may not register one; bad input is
/// refused by field with nothing saved.
/// </summary>
public abstract partial class DivisionChangeTests(AppFixture app)
{
    [System.Text.RegularExpressions.GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex TokenPattern();

    private const string Rongxian = "450921000000";
    private const string Rongzhou = "450921100000";
    private const string Yangmei = "450921102000";

    private static int CountOf(JsonElement report, string code) =>
        report.GetProperty("children").EnumerateArray().Where(c => c.GetProperty("division").GetProperty("code").GetString() == code)
            .Select(c => c.GetProperty("persons").GetInt32()).SingleOrDefault(-1);

    private Task<bool> SeesPersonAsync(string user, Guid id) =>
        app.AsUserAsync(user, sp => sp.GetRequiredService<AppDbContext>().Persons.AnyAsync(p => p.Id == id));

    private Task<bool> SeesCaseAsync(string user, Guid id) =>
        app.AsUserAsync(user, sp => sp.GetRequiredService<AppDbContext>().WorkflowCases.AnyAsync(c => c.Id == id));

    [Fact]
    public async Task A_merge_moves_people_and_cases_and_scope_follows_while_earlier_reports_keep_the_old_tree()
    {
        app.SkipIfUnavailable();
        var admin = await app.ClientAsync("admin");
        var city = await app.ClientAsync("city.officer");
        var village = await app.WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<DivisionDirectory>().ChildrenOf(Yangmei)[0].Code));

        var r = await admin.PostAsJsonAsync("/api/v1/persons", new { idNumber = TestIds.Next(), name = "并镇测试", divisionCode = village });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var person = (await r.JsonAsync()).GetProperty("id").GetGuid();
        var caseId = await app.WithServicesAsync(async sp =>
        {
            var c = await sp.GetRequiredService<WorkflowEngine>().StartAsync(TestProcess.Model.Code, "test", Guid.NewGuid(), "并镇测试件", Yangmei);
            await sp.GetRequiredService<AppDbContext>().SaveChangesAsync();
            return c.Id;
        });

        Assert.True(await SeesPersonAsync("yangmei.clerk", person));
        Assert.False(await SeesPersonAsync("rongzhou.clerk", person));
        Assert.True(await SeesCaseAsync("yangmei.clerk", caseId));
        var before = await city.GetJsonAsync($"/api/v1/divisions/{Rongxian}/history?asOf=2026-11-29");
        var (yangmeiBefore, rongzhouBefore) = (CountOf(before, Yangmei), CountOf(before, Rongzhou));
        Assert.True(yangmeiBefore >= 1);

        // a township clerk may not register a change; bad input is refused by field
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var body = new
        {
            kind = "merge",
            effectiveOn = "2026-11-30",
            documentNumber = "桂政函〔2026〕99号（演示数据）",
            approvedBy = "广西壮族自治区人民政府",
            items = new[] { new { fromCode = Yangmei, toCode = Rongzhou, toName = (string?)null } },
        };
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsJsonAsync("/api/v1/divisions/changes", body)).StatusCode);
        var bad = await city.PostAsJsonAsync("/api/v1/divisions/changes", body with { items = [new { fromCode = Yangmei, toCode = "450922100000", toName = (string?)null }] });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.JsonAsync();
        Assert.Equal("division_change_invalid", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("items[0].toCode", out _), problem.ToString());

        var preview = await (await city.PostAsJsonAsync("/api/v1/divisions/changes/preview", body)).JsonAsync();
        var mapping = preview.GetProperty("mapping").EnumerateArray().ToDictionary(m => m.GetProperty("fromCode").GetString()!, m => m.GetProperty("toCode").GetString()!);
        Assert.Equal(Rongzhou, mapping[Yangmei]);
        var newVillage = mapping[village];
        Assert.StartsWith("450921100", newVillage, StringComparison.Ordinal);

        // both towns have a social-work station (one per township): the merge is refused whole, nothing moves or is saved
        var blocked = await city.PostAsJsonAsync("/api/v1/divisions/changes", body);
        Assert.Equal(HttpStatusCode.Conflict, blocked.StatusCode);
        var why = await blocked.JsonAsync();
        Assert.Equal("division_change_blocked", why.GetProperty("code").GetString());
        Assert.Contains("socialwork_station", why.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain((await city.GetJsonAsync("/api/v1/divisions/changes")).GetProperty("items").EnumerateArray(), c => c.GetProperty("documentNumber").GetString() == body.documentNumber);
        Assert.True(await SeesPersonAsync("yangmei.clerk", person));
        Assert.Contains((await city.GetJsonAsync($"/api/v1/divisions/{Rongxian}/children")).EnumerateArray(), c => c.GetProperty("code").GetString() == Yangmei);

        // the county settles it first (here: 杨梅镇's station re-registered at the village where it sits), then the merge goes through
        await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<Minzheng.Web.Modules.SocialWork.SocialWorkStation>()
            .Where(s => s.DivisionCode == Yangmei).ExecuteUpdateAsync(u => u.SetProperty(s => s.DivisionCode, village)));
        var created = await city.PostAsJsonAsync("/api/v1/divisions/changes", body);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var change = await created.JsonAsync();
        Assert.Equal("applied", change.GetProperty("status").GetString());
        Assert.Contains("registry_person", change.GetProperty("movedSummary").GetString(), StringComparison.Ordinal);

        // the records moved, and scope followed: 容州镇's clerk sees them, 杨梅镇's no longer does
        Assert.Equal(newVillage, await app.WithServicesAsync(async sp => (await sp.GetRequiredService<AppDbContext>().Persons.IgnoreQueryFilters().SingleAsync(p => p.Id == person)).DivisionCode));
        Assert.Equal(Rongzhou, await app.WithServicesAsync(async sp => (await sp.GetRequiredService<AppDbContext>().WorkflowCases.IgnoreQueryFilters().SingleAsync(c => c.Id == caseId)).DivisionCode));
        Assert.True(await SeesPersonAsync("rongzhou.clerk", person));
        Assert.True(await SeesCaseAsync("rongzhou.clerk", caseId));
        Assert.False(await SeesPersonAsync("yangmei.clerk", person));
        Assert.False(await SeesCaseAsync("yangmei.clerk", caseId));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientAsync("yangmei.clerk")).GetAsync($"/api/v1/persons/{person}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync($"/api/v1/persons/{person}")).StatusCode);

        // the tree of today has no 杨梅镇; the report for the day before still has it with the same people
        var children = await city.GetJsonAsync($"/api/v1/divisions/{Rongxian}/children");
        Assert.DoesNotContain(children.EnumerateArray(), c => c.GetProperty("code").GetString() == Yangmei);
        Assert.Equal(village, (await city.GetJsonAsync($"/api/v1/divisions/{village}")).GetProperty("code").GetString()); // still resolves for history
        var then = await city.GetJsonAsync($"/api/v1/divisions/{Rongxian}/history?asOf=2026-11-29");
        Assert.Equal(yangmeiBefore, CountOf(then, Yangmei));
        Assert.Equal(rongzhouBefore, CountOf(then, Rongzhou));
        var now = await city.GetJsonAsync($"/api/v1/divisions/{Rongxian}/history?asOf=2026-11-30");
        Assert.Equal(-1, CountOf(now, Yangmei));
        Assert.Equal(rongzhouBefore + yangmeiBefore, CountOf(now, Rongzhou));

        // 杨梅镇's standard name is retired with where it went, and names no division any more (容州镇 keeps its own)
        var yangmeiName = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<PlaceName>().IgnoreQueryFilters()
            .SingleAsync(n => n.Name == "杨梅镇" && n.Category == PlaceNameCategory.AdministrativeDivision));
        Assert.Equal((PlaceNameStatus.Retired, (string?)null), (yangmeiName.Status, yangmeiName.NamedDivisionCode));
        Assert.Contains("并入容州镇", yangmeiName.History, StringComparison.Ordinal);
        Assert.Equal("容州镇", await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<PlaceName>().IgnoreQueryFilters()
            .Where(n => n.NamedDivisionCode == Rongzhou).Select(n => n.Name).SingleAsync()));

        // the merged town's clerk account stays on the retired town (an administrator reassigns it); accounts on its villages would follow
        var clerkDivision = await app.WithServicesAsync(async sp =>
            (await sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Minzheng.Web.Platform.Access.AppUser>>().FindByNameAsync("yangmei.clerk"))!.DivisionCode);
        Assert.Equal(Yangmei, clerkDivision);

        // applied changes are listed; registering the same merge again is refused (杨梅镇 is retired)
        var list = await city.GetJsonAsync("/api/v1/divisions/changes");
        Assert.True(list.GetProperty("total").GetInt32() >= 1);
        Assert.Equal(HttpStatusCode.BadRequest, (await city.PostAsJsonAsync("/api/v1/divisions/changes", body)).StatusCode);
    }

    [Fact]
    public async Task A_rename_keeps_the_old_name_for_earlier_dates_and_a_later_change_waits_for_its_date()
    {
        app.SkipIfUnavailable();
        var city = await app.ClientAsync("city.officer");
        const string Lingshan = "450921103000";
        var later = await city.PostAsJsonAsync("/api/v1/divisions/changes", new
        {
            kind = "townToStreet",
            effectiveOn = "2027-01-01",
            documentNumber = "桂政函〔2026〕100号（演示数据）",
            approvedBy = "广西壮族自治区人民政府",
            items = new[] { new { fromCode = Lingshan, toCode = (string?)null, toName = "灵山街道" } },
        });
        Assert.True(later.StatusCode == HttpStatusCode.Created, await later.Content.ReadAsStringAsync());
        Assert.Equal("pending", (await later.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(0, await app.WithServicesAsync(sp => sp.GetRequiredService<DivisionChanges>().ApplyDueAsync()));
        Assert.Equal("灵山镇", (await city.GetJsonAsync($"/api/v1/divisions/{Lingshan}")).GetProperty("name").GetString());

        const string Liuwang = "450921104000";
        var rename = await city.PostAsJsonAsync("/api/v1/divisions/changes", new
        {
            kind = "rename",
            effectiveOn = "2026-11-30",
            documentNumber = "桂政函〔2026〕101号（演示数据）",
            approvedBy = "广西壮族自治区人民政府",
            items = new[] { new { fromCode = Liuwang, toCode = (string?)null, toName = "六王新镇" } },
        });
        Assert.True(rename.StatusCode == HttpStatusCode.Created, await rename.Content.ReadAsStringAsync());
        var current = await city.GetJsonAsync($"/api/v1/divisions/{Liuwang}");
        Assert.Equal("六王新镇", current.GetProperty("name").GetString());
        Assert.Equal("Liuwangxin Zhen", current.GetProperty("pinyin").GetString());
        var then = await city.GetJsonAsync($"/api/v1/divisions/{Rongxian}/history?asOf=2026-11-29");
        Assert.Contains(then.GetProperty("children").EnumerateArray(), c => c.GetProperty("division").GetProperty("name").GetString() == "六王镇");
        var now = await city.GetJsonAsync($"/api/v1/divisions/{Rongxian}/history?asOf=2026-11-30");
        Assert.Contains(now.GetProperty("children").EnumerateArray(), c => c.GetProperty("division").GetProperty("name").GetString() == "六王新镇");

        // the standard name follows: renamed in the registry, the old one kept as a former name, the change's document as approval
        var standard = Assert.Single(await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<PlaceName>().IgnoreQueryFilters()
            .Include(n => n.FormerNames).Where(n => n.NamedDivisionCode == Liuwang).ToListAsync()));
        Assert.Equal(("六王新镇", "六王新", "镇", "Liuwangxin Zhen"), (standard.Name, standard.SpecificName, standard.GenericName, standard.Pinyin));
        Assert.Equal((new DateOnly(2026, 11, 30), "桂政函〔2026〕101号（演示数据）"), (standard.ApprovedOn, standard.ApprovalDocument));
        var former = Assert.Single(standard.FormerNames);
        Assert.Equal(("六王镇", new DateOnly(2026, 11, 29)), (former.Name, former.UsedUntil));
        var found = await (await app.ClientAsync("rongxian.officer")).GetJsonAsync("/api/v1/place-names?q=六王");
        Assert.Contains(found.GetProperty("items").EnumerateArray(), n => n.GetProperty("name").GetString() == "六王新镇");
        Assert.DoesNotContain(found.GetProperty("items").EnumerateArray(), n => n.GetProperty("name").GetString() == "六王镇");

        // a bad date and an unknown kind are refused by field, never a 5xx
        var bad = await city.PostAsJsonAsync("/api/v1/divisions/changes", new { kind = "teleport", effectiveOn = "2026-11-30", items = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("kind", out _) && errors.TryGetProperty("documentNumber", out _) && errors.TryGetProperty("items", out _), errors.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, (await city.GetAsync($"/api/v1/divisions/{Rongxian}/history")).StatusCode);
    }

    [Fact]
    public async Task The_page_previews_and_registers_a_change_with_errors_beside_the_fields_and_the_tree_shows_a_past_date()
    {
        app.SkipIfUnavailable();
        var city = await app.ClientAsync("city.officer");
        var page = await city.GetStringAsync("/divisions/changes");
        var token = TokenPattern().Match(page).Groups[1].Value;
        const string Songshan = "450921109000";

        // browser validation off: no kind, a date typed wrong, an unknown code — each shown beside its field, the input kept
        var bad = await city.PostAsync("/divisions/changes", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Kind"] = "",
            ["Input.EffectiveOn"] = "明年",
            ["Input.DocumentNumber"] = "保留我填写的文号",
            ["Input.Items[0].FromCode"] = "450921199000",
            ["Input.Items[0].ToName"] = "某镇",
        }));
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("保留我填写的文号", html, StringComparison.Ordinal);
        Assert.Contains("明年", html, StringComparison.Ordinal);

        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Kind"] = "Rename",
            ["Input.EffectiveOn"] = "2026-11-30",
            ["Input.ApprovedBy"] = "广西壮族自治区人民政府",
            ["Input.Items[0].FromCode"] = Songshan,
            ["Input.Items[0].ToName"] = "松山新镇",
        };
        var missing = await (await city.PostAsync("/divisions/changes", new FormUrlEncodedContent(form))).Content.ReadAsStringAsync();
        Assert.Contains("请填写批准文号", missing, StringComparison.Ordinal);
        form["Input.DocumentNumber"] = "桂政函〔2026〕102号（演示数据）";
        var preview = await (await city.PostAsync("/divisions/changes?handler=Preview", new FormUrlEncodedContent(form))).Content.ReadAsStringAsync();
        Assert.Contains("变更预览", preview, StringComparison.Ordinal);
        Assert.Contains("松山新镇", preview, StringComparison.Ordinal);
        Assert.Equal("松山镇", (await city.GetJsonAsync($"/api/v1/divisions/{Songshan}")).GetProperty("name").GetString()); // a preview saves nothing

        var registered = await city.PostAsync("/divisions/changes", new FormUrlEncodedContent(form));
        Assert.True(registered.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, registered.StatusCode.ToString());
        Assert.Equal("松山新镇", (await city.GetJsonAsync($"/api/v1/divisions/{Songshan}")).GetProperty("name").GetString());
        var listed = await city.GetStringAsync("/divisions/changes");
        Assert.Contains("桂政函〔2026〕102号", listed, StringComparison.Ordinal);
        var past = await city.GetStringAsync($"/divisions/{Rongxian}?asOf=2026-11-29");
        Assert.Contains("松山镇", past, StringComparison.Ordinal);

        // a township clerk reads the list but has no form, and a post is refused
        var clerk = await app.ClientAsync("rongzhou.clerk");
        Assert.DoesNotContain("change-form", await clerk.GetStringAsync("/divisions/changes"), StringComparison.Ordinal);
    }
}

public sealed class DivisionChangeTestsOnSqlite(SqliteApp app) : DivisionChangeTests(app), IClassFixture<SqliteApp>;

public sealed class DivisionChangeTestsOnPostgres(PostgresApp app) : DivisionChangeTests(app), IClassFixture<PostgresApp>;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.ElderlyCare.Inspections;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Calendar;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Tests.ElderlyCare;

/// <summary>
/// 双随机、一公开 over the API on SQLite and PostgreSQL, with the demo accounts of 容县: the lists, a replayable draw, an
/// inspection recorded by a drawn inspector with a rectification on the working-day calendar, the publication read by an
/// anonymous client, the overdue alert, another township's clerk seeing nothing, and bad input refused with nothing saved.
/// </summary>
public abstract class InspectionTests(AppFixture app)
{
    private const string Rongzhou = "450921100003"; // 容州镇 新南社区

    private static Dictionary<string, string> AllPass() => InspectionChecklist.Items.ToDictionary(i => i.Code, _ => "pass");

    private Task<int> CountAsync<T>() where T : class => app.WithServicesAsync(sp =>
    {
        sp.GetRequiredService<CurrentUser>().RunAsSystem("test");
        return sp.GetRequiredService<AppDbContext>().Set<T>().CountAsync();
    });

    [Fact]
    public async Task A_drawn_inspector_records_with_a_rectification_the_result_is_published_and_replayable_and_scope_holds()
    {
        app.SkipIfUnavailable();
        var officer = await app.ClientAsync("rongxian.officer");

        // the lists: a matter needs its legal basis; nothing saved when refused
        var matters = await CountAsync<InspectionMatter>();
        var bad = await (await officer.PostAsJsonAsync("/api/v1/elderly/inspections/matters", new { name = "检查", method = "电话检查" })).ExpectProblemAsync(400, "validation_failed");
        Assert.True(bad.GetProperty("errors").TryGetProperty("basis", out _), bad.ToString());
        Assert.Equal(matters, await CountAsync<InspectionMatter>());
        var matter = await (await officer.PostAsJsonAsync("/api/v1/elderly/inspections/matters", new { name = "养老机构安全检查（测试）", basis = "民政部令第66号 第三十八条" })
            .EnsureStatus(HttpStatusCode.Created)).JsonAsync();

        var home = await (await officer.PostAsJsonAsync("/api/v1/organizations", new { name = $"测试颐养院{Random.Shared.Next(100000)}", kind = "socialServiceAgency", divisionCode = Rongzhou, legalRepresentativeName = "覃某" })
            .EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        var homeId = home.GetProperty("id").GetGuid();
        await officer.PostAsJsonAsync("/api/v1/elderly/inspections/targets", new { organizationId = homeId }).EnsureStatus(HttpStatusCode.Created);
        await (await officer.PostAsJsonAsync("/api/v1/elderly/inspections/targets", new { organizationId = homeId })).ExpectProblemAsync(409, "inspection_target_exists");
        Assert.Contains(await officer.GetItemsAsync("/api/v1/elderly/inspections/targets"), t => t.GetProperty("organizationId").GetGuid() == homeId);

        // inspectors: the township clerk of 容州镇 is one (bound to the account); the certificate number is unique
        var cert = $"T{Random.Shared.Next(10_000_000)}";
        await officer.PostAsJsonAsync("/api/v1/elderly/inspections/inspectors", new { name = "容州镇经办员", certificateNumber = cert, field = "养老服务", userName = "rongzhou.clerk" })
            .EnsureStatus(HttpStatusCode.Created);
        var dup = await (await officer.PostAsJsonAsync("/api/v1/elderly/inspections/inspectors", new { name = "另一人", certificateNumber = cert, field = "消防" })).ExpectProblemAsync(400, "validation_failed");
        Assert.True(dup.GetProperty("errors").TryGetProperty("certificateNumber", out _));

        // the draw: every home of the county list (100 %), two inspectors each, stored with its seed and population
        var draw = await (await officer.PostAsJsonAsync("/api/v1/elderly/inspections/draws", new { matterId = matter.GetProperty("id").GetGuid(), ratioPercent = 100, inspectorsPerHome = 2 })
            .EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        Assert.Matches("^[0-9a-f]{32}$", draw.GetProperty("seed").GetString()!);
        var picks = draw.GetProperty("picks").EnumerateArray().ToList();
        Assert.Contains(picks, p => p.GetProperty("homeId").GetGuid() == homeId);
        Assert.All(picks, p => Assert.Equal(2, p.GetProperty("inspectorIds").GetArrayLength()));
        var replay = await officer.GetJsonAsync($"/api/v1/elderly/inspections/draws/{draw.GetProperty("id").GetGuid()}/replay");
        Assert.True(replay.GetProperty("same").GetBoolean());

        var inspection = (await officer.GetItemsAsync("/api/v1/elderly/inspections?state=drawn"))
            .First(i => i.GetProperty("organizationId").GetGuid() == homeId && i.GetProperty("drawId").GetGuid() == draw.GetProperty("id").GetGuid());
        var id = inspection.GetProperty("id").GetGuid();

        // another township's clerk sees nothing of 容州镇's inspection
        var yangmei = await app.ClientAsync("yangmei.clerk");
        Assert.Equal(HttpStatusCode.NotFound, (await yangmei.GetAsync($"/api/v1/elderly/inspections/{id}")).StatusCode);
        Assert.DoesNotContain(await yangmei.GetItemsAsync("/api/v1/elderly/inspections"), i => i.GetProperty("id").GetGuid() == id);

        // bad records: unanswered items, an unknown answer, a 不符合 without rectification — each named, nothing saved
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().AddHours(8).DateTime);
        var partial = new Dictionary<string, string> { ["G4.1"] = "pass", ["R1"] = "maybe" };
        var p1 = await (await officer.PostAsJsonAsync($"/api/v1/elderly/inspections/{id}/record", new { inspectedOn = today, results = partial })).ExpectProblemAsync(400, "validation_failed");
        var e1 = p1.GetProperty("errors");
        Assert.True(e1.TryGetProperty("results.F5", out _), e1.ToString());
        Assert.True(e1.TryGetProperty("results.R1", out _), e1.ToString());
        var failing = AllPass();
        failing["F2"] = "fail";
        var p2 = await (await officer.PostAsJsonAsync($"/api/v1/elderly/inspections/{id}/record", new { inspectedOn = today.AddDays(1), results = failing, findings = "" })).ExpectProblemAsync(400, "validation_failed");
        var e2 = p2.GetProperty("errors");
        Assert.True(e2.TryGetProperty("results.F2", out _) && e2.TryGetProperty("findings", out _) && e2.TryGetProperty("inspectedOn", out _), e2.ToString());
        Assert.Equal("drawn", (await officer.GetJsonAsync($"/api/v1/elderly/inspections/{id}")).GetProperty("state").GetString(), ignoreCase: true);
        Assert.Equal(0, await app.WithServicesAsync(sp => { sp.GetRequiredService<CurrentUser>().RunAsSystem("test"); return sp.GetRequiredService<AppDbContext>().Set<Rectification>().CountAsync(r => r.InspectionId == id); }));

        // the drawn inspector (rongzhou.clerk) records it, if drawn; otherwise the county officer enters the paper record
        var names = inspection.GetProperty("inspectors").GetString()!;
        var recorder = names.Contains("容州镇经办员", StringComparison.Ordinal) ? await app.ClientAsync("rongzhou.clerk") : officer;
        if (!names.Contains("容州镇经办员", StringComparison.Ordinal))
        {
            // a clerk with the record permission who was not drawn may not record it
            var clerk = await app.ClientAsync("rongzhou.clerk");
            await (await clerk.PostAsJsonAsync($"/api/v1/elderly/inspections/{id}/record", new { inspectedOn = today, results = AllPass() })).ExpectProblemAsync(403, "forbidden");
        }
        var recorded = await (await recorder.PostAsJsonAsync($"/api/v1/elderly/inspections/{id}/record", new
        {
            inspectedOn = today,
            results = failing,
            findings = "二楼东侧疏散通道堆放杂物",
            rectifications = new[] { new { itemCode = "F2", requirement = "清理疏散通道杂物并落实每日巡查", workingDays = 5 } },
        }).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        var due = await app.WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<WorkingCalendar>().AddWorkingDays(today, 5)));
        var rect = recorded.GetProperty("rectifications")[0];
        Assert.Equal(due, DateOnly.Parse(rect.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("rectify", recorded.GetProperty("conclusion").GetString(), ignoreCase: true);
        var publishDue = await app.WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<WorkingCalendar>().AddWorkingDays(today, 20)));
        Assert.Equal(publishDue, DateOnly.Parse(recorded.GetProperty("publishDueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        await (await recorder.PostAsJsonAsync($"/api/v1/elderly/inspections/{id}/record", new { inspectedOn = today, results = AllPass() })).ExpectProblemAsync(409, "inspection_recorded");

        // not public before publication; public (anonymous) after, without inspector names
        var anonymous = app.CreateClient();
        var homeName = home.GetProperty("name").GetString()!;
        Assert.DoesNotContain(await anonymous.GetItemsAsync($"/api/v1/elderly/public/inspections?q={Uri.EscapeDataString(homeName)}"), _ => true);
        await officer.PostAsJsonAsync($"/api/v1/elderly/inspections/{id}/publish", new { }).EnsureStatus(HttpStatusCode.OK);
        var published = Assert.Single(await anonymous.GetItemsAsync($"/api/v1/elderly/public/inspections?q={Uri.EscapeDataString(homeName)}"));
        Assert.Equal("发现问题，责令整改", published.GetProperty("conclusion").GetString());
        Assert.Equal("整改中", published.GetProperty("problems")[0].GetProperty("status").GetString());
        Assert.DoesNotContain(names.Split('、')[0], published.ToString(), StringComparison.Ordinal);

        // past its deadline the rectification is in the overdue alert; completed it leaves it
        var rectId = rect.GetProperty("id").GetGuid();
        Assert.DoesNotContain(await officer.GetItemsAsync("/api/v1/elderly/inspections/rectifications?overdue=true"), r => r.GetProperty("id").GetGuid() == rectId);
        // the deadline passed (moved back in the database rather than the shared clock, which would expire the tokens)
        await app.WithServicesAsync(sp =>
        {
            sp.GetRequiredService<CurrentUser>().RunAsSystem("test");
            return sp.GetRequiredService<AppDbContext>().Set<Rectification>().Where(r => r.Id == rectId).ExecuteUpdateAsync(u => u.SetProperty(r => r.DueOn, today.AddDays(-1)));
        });
        Assert.Contains(await officer.GetItemsAsync("/api/v1/elderly/inspections/rectifications?overdue=true"), r => r.GetProperty("id").GetGuid() == rectId);
        var noNote = await (await officer.PostAsJsonAsync($"/api/v1/elderly/inspections/rectifications/{rectId}/complete", new { })).ExpectProblemAsync(400, "validation_failed");
        Assert.True(noNote.GetProperty("errors").TryGetProperty("note", out _));
        await officer.PostAsJsonAsync($"/api/v1/elderly/inspections/rectifications/{rectId}/complete", new { note = "已清理，巡查记录已补建" }).EnsureStatus(HttpStatusCode.OK);
        Assert.DoesNotContain(await officer.GetItemsAsync("/api/v1/elderly/inspections/rectifications?overdue=true"), r => r.GetProperty("id").GetGuid() == rectId);
        var after = Assert.Single(await anonymous.GetItemsAsync($"/api/v1/elderly/public/inspections?q={Uri.EscapeDataString(homeName)}"));
        Assert.StartsWith("已整改", after.GetProperty("problems")[0].GetProperty("status").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Star_rating_evaluation_answers_total_and_level_and_names_each_bad_field()
    {
        app.SkipIfUnavailable();
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var ok = await (await clerk.PostAsJsonAsync("/api/v1/elderly/star-rating/evaluate", new { environment = 108, facilities = 117, management = 135, service = 540 })
            .EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal(900m, ok.GetProperty("total").GetDecimal());
        Assert.Equal(5, ok.GetProperty("level").GetInt32());
        var low = await (await clerk.PostAsJsonAsync("/api/v1/elderly/star-rating/evaluate", new { environment = 47, facilities = 130, management = 150, service = 600 })
            .EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal(0, low.GetProperty("level").GetInt32());
        var bad = await (await clerk.PostAsJsonAsync("/api/v1/elderly/star-rating/evaluate", new { environment = 121, facilities = -1, service = 600.25 })).ExpectProblemAsync(400, "validation_failed");
        var errors = bad.GetProperty("errors");
        foreach (var field in new[] { "environment", "facilities", "management", "service" }) Assert.True(errors.TryGetProperty(field, out _), $"{field}: {errors}");
    }
}

public sealed class InspectionTestsOnSqlite(SqliteApp app) : InspectionTests(app), IClassFixture<SqliteApp>;

public sealed class InspectionTestsOnPostgres(PostgresApp app) : InspectionTests(app), IClassFixture<PostgresApp>;

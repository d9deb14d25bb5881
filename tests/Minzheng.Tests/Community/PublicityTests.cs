using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.Community.Committees;
using Minzheng.Web.Modules.Community.Publicity;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;

namespace Minzheng.Tests.Community;

/// <summary>
/// 村务公开 through the API and the pages (today is 2026-11-30; the demo figures allow 10 days after a period and 5 after a major
/// item): a committee registered in August owes its third-quarter items, the township clerk has the alert, records clear it one kind
/// at a time (a month's record counts for its quarter; one posted after 10 October is marked late); bad input 400 beside the fields,
/// a stale correction 409; 杨梅镇's clerk sees none of 容州镇's records (404, absent from lists); the feed masks names and becomes a
/// relief record once.
/// </summary>
public abstract partial class PublicityTests(AppFixture app)
{
    private const string Hongguang = "450921100202";
    private const string Xinnan = "450921100003";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>The committee of a village (created here if the committees' initializer has not), registered on the platform on <paramref name="registered"/>.</summary>
    internal static Task<Guid> CommitteeAsync(AppFixture app, string code, DateTime registered, string name = "测试村民委员会") => app.WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var c = await db.Set<Committee>().IgnoreQueryFilters().FirstOrDefaultAsync(x => x.DivisionCode == code);
        if (c is null)
        {
            c = new Committee { DivisionCode = code, Name = name, OrganizationId = Guid.CreateVersion7(), Kind = code[9] >= '2' ? CommitteeKind.Village : CommitteeKind.Residents };
            db.Add(c);
            await db.SaveChangesAsync();
        }
        await db.Set<Committee>().IgnoreQueryFilters().Where(x => x.Id == c.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.CreatedAt, registered).SetProperty(x => x.MonthlyFinance, false).SetProperty(x => x.ClosedOn, (DateOnly?)null));
        return c.Id;
    });

    private static async Task<JsonElement> Post(HttpClient client, string url, object body, HttpStatusCode status = HttpStatusCode.Created) =>
        await (await client.PostAsJsonAsync(url, body).EnsureStatus(status)).JsonAsync();

    private static async Task<List<string>> OverdueAsync(HttpClient client, string village) =>
        [.. (await client.GetItemsAsync($"/api/v1/community/publicity/committees?divisionCode={village}")).Single().GetProperty("overdue").EnumerateArray()
            .Select(o => $"{o.GetProperty("kind").GetString()} {o.GetProperty("period").GetString()}")];

    private static async Task<bool> HasTaskAsync(HttpClient client, Guid committee) =>
        (await client.GetItemsAsync("/api/v1/my/tasks?pageSize=200")).Any(t => t.GetProperty("key").GetString() == PublicityWorkItems.Prefix + committee.ToString("N"));

    [Fact]
    public async Task Overdue_periods_alert_the_township_until_records_cover_them()
    {
        app.SkipIfUnavailable();
        var id = await CommitteeAsync(app, Hongguang, new DateTime(2026, 8, 15, 0, 0, 0, DateTimeKind.Utc));
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var yangmei = await app.ClientAsync("yangmei.clerk");
        Assert.Equal(["decisions 2026Q3", "relief 2026Q3", "finance 2026Q3", "governmentAssistance 2026Q3"], await OverdueAsync(clerk, Hongguang));
        Assert.True(await HasTaskAsync(clerk, id));
        Assert.False(await HasTaskAsync(yangmei, id));
        var summary = await clerk.GetJsonAsync("/api/v1/community/publicity/overdue?divisionCode=450921100000");
        Assert.True(summary.GetProperty("overdue").GetInt32() >= 1);
        Assert.Equal("450921000000", summary.GetProperty("byCounty")[0].GetProperty("countyCode").GetString());

        // bad input: beside its fields, nothing saved
        var tooLong = await clerk.PostAsJsonAsync("/api/v1/community/publicity", new { committeeId = id, kind = "decisions", period = "2026Q3", postedOn = "2026-10-01", title = new string('题', 101), content = "x" })
            .ExpectProblemAsync(400, "validation_failed");
        Assert.True(tooLong.GetProperty("errors").TryGetProperty("title", out _));
        var bad = await clerk.PostAsJsonAsync("/api/v1/community/publicity", new { committeeId = id, kind = "major", period = "2026Q3", postedOn = "2026-12-01", title = "标题", content = "" })
            .ExpectProblemAsync(400, "validation_failed");
        var errors = bad.GetProperty("errors");
        foreach (var field in new[] { "period", "postedOn", "content" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"{field}: {errors}");
        }
        Assert.Equal(4, (await OverdueAsync(clerk, Hongguang)).Count);

        var decisions = await Post(clerk, "/api/v1/community/publicity", new { committeeId = id, kind = "decisions", period = "2026Q3", postedOn = "2026-10-08", title = "第三季度村务决策及实施情况", content = "一、村道硬化工程已完工……" });
        Assert.False(decisions.GetProperty("late").GetBoolean());
        Assert.Equal("2026-10-10", decisions.GetProperty("dueOn").GetString());
        await Post(clerk, "/api/v1/community/publicity", new { committeeId = id, kind = "relief", period = "2026-09", postedOn = "2026-10-09", title = "9月临时救助发放情况", content = "共3户" });
        await Post(clerk, "/api/v1/community/publicity", new { committeeId = id, kind = "finance", period = "2026Q3", postedOn = "2026-10-09", title = "第三季度财务收支", content = "收入…支出…" });
        Assert.Equal(["governmentAssistance 2026Q3"], await OverdueAsync(clerk, Hongguang));
        Assert.True(await HasTaskAsync(clerk, id));
        var late = await Post(clerk, "/api/v1/community/publicity", new { committeeId = id, kind = "governmentAssistance", period = "2026Q3", postedOn = "2026-10-20", title = "协助政府工作情况", content = "协助开展人口普查" });
        Assert.True(late.GetProperty("late").GetBoolean());
        Assert.Empty(await OverdueAsync(clerk, Hongguang));
        Assert.False(await HasTaskAsync(clerk, id));
        Assert.DoesNotContain(await clerk.GetItemsAsync("/api/v1/community/publicity/committees?overdue=true"), c => c.GetProperty("committeeId").GetGuid() == id);
        var calendar = await clerk.GetJsonAsync($"/api/v1/community/publicity/committees/{id}/calendar");
        var finance = calendar.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "finance").GetProperty("cells");
        Assert.Equal(["notTracked", "notTracked", "published", "open"], finance.EnumerateArray().Select(c => c.GetProperty("status").GetString()));

        // a major item five days after the event is in time, six days late
        var major = await Post(clerk, "/api/v1/community/publicity", new { committeeId = id, kind = "major", period = "2026-11-20", postedOn = "2026-11-26", title = "征地补偿方案", content = "……" });
        Assert.True(major.GetProperty("late").GetBoolean());

        // a correction with the version; the old version again is stale
        var recordId = late.GetProperty("id").GetString();
        var corrected = await (await clerk.PutAsJsonAsync($"/api/v1/community/publicity/{recordId}", new { version = late.GetProperty("version").GetInt32(), postedOn = "2026-10-10", title = "协助政府开展工作情况", content = "协助开展人口普查" })
            .EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.False(corrected.GetProperty("late").GetBoolean());
        await clerk.PutAsJsonAsync($"/api/v1/community/publicity/{recordId}", new { version = late.GetProperty("version").GetInt32(), postedOn = "2026-10-10", title = "x", content = "y" })
            .ExpectProblemAsync(409, "concurrency_conflict");

        // the photo of the board: an image only; shown to staff in scope
        using var png = new MultipartFormDataContent { { new ByteArrayContent([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } }, "photo", "公开栏.png" } };
        var withPhoto = await (await clerk.PostAsync($"/api/v1/community/publicity/{recordId}/photo", png).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        var photoUrl = withPhoto.GetProperty("photoUrl").GetString()!;
        Assert.Equal("image/png", (await clerk.GetAsync(photoUrl)).Content.Headers.ContentType?.MediaType);
        using var txt = new MultipartFormDataContent { { new ByteArrayContent("abc"u8.ToArray()), "photo", "公开栏.txt" } };
        await clerk.PostAsync($"/api/v1/community/publicity/{recordId}/photo", txt).ExpectProblemAsync(400, "validation_failed");

        // another township: 404 on each record and on the committee, absent from every list
        await yangmei.GetAsync($"/api/v1/community/publicity/{recordId}").ExpectProblemAsync(404, "not_found");
        await yangmei.GetAsync(photoUrl).ExpectProblemAsync(404, "not_found");
        await yangmei.GetAsync($"/api/v1/community/publicity/committees/{id}/calendar").ExpectProblemAsync(404, "not_found");
        await yangmei.PutAsJsonAsync($"/api/v1/community/publicity/{recordId}", new { version = 1, postedOn = "2026-10-10", title = "x", content = "y" }).ExpectProblemAsync(404, "not_found");
        Assert.DoesNotContain(await yangmei.GetItemsAsync("/api/v1/community/publicity"), r => r.GetProperty("committeeId").GetGuid() == id);
        Assert.DoesNotContain(await yangmei.GetItemsAsync("/api/v1/community/publicity/committees"), c => c.GetProperty("committeeId").GetGuid() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await yangmei.GetAsync($"/community/publicity/{id}")).StatusCode);
        Assert.Contains(await clerk.GetItemsAsync($"/api/v1/community/publicity?committeeId={id}"), r => r.GetProperty("id").GetString() == recordId);
    }

    [Fact]
    public async Task The_feed_masks_names_and_becomes_a_relief_record_once()
    {
        app.SkipIfUnavailable();
        var id = await CommitteeAsync(app, Xinnan, new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc), "新南社区居民委员会");
        var (names, program) = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var people = await db.Persons.IgnoreQueryFilters().Where(p => p.DivisionCode == Xinnan && p.Name.Length >= 2).OrderBy(p => p.Id).Take(2).ToListAsync();
            var program = sp.GetRequiredService<EntitlementPrograms>().All[0].Code;
            EntitlementPeriod Row(Guid person, bool oneOff, DateOnly from, long fen) => new()
            {
                Program = program,
                SourceId = Guid.CreateVersion7(),
                SourceNumber = "TEST-" + Guid.NewGuid().ToString("N")[..8],
                PayeePersonId = person,
                BeneficiaryPersonId = person,
                DivisionCode = Xinnan,
                PersonCount = 1,
                FromMonth = from,
                ToMonth = oneOff ? from : null,
                OneOff = oneOff,
                MonthlyAmount = new(fen),
                Explanation = "[]",
                Reason = "测试",
            };
            db.Add(Row(people[0].Id, false, new DateOnly(2026, 1, 1), 66_000));
            db.Add(Row(people[1].Id, true, new DateOnly(2026, 11, 1), 150_000));
            db.Add(Row(people[1].Id, true, new DateOnly(2026, 8, 1), 99_900)); // another month: not in November's list
            await db.SaveChangesAsync();
            return (people.Select(p => p.Name).ToList(), program);
        });
        var worker = await app.ClientAsync("xinnan.worker");
        var raw = await worker.GetStringAsync($"/api/v1/community/publicity/feed/{Xinnan}?period=2026-11");
        var feed = JsonDocument.Parse(raw).RootElement;
        var list = feed.GetProperty("lists").EnumerateArray().Single(l => l.GetProperty("program").GetString() == program);
        var entries = list.GetProperty("entries").EnumerateArray().ToList();
        Assert.Contains(entries, e => e.GetProperty("name").GetString() == Minzheng.Web.Platform.Registry.PersonNames.Mask(names[0]) && e.GetProperty("amount").GetDecimal() == 660m);
        Assert.Contains(entries, e => e.GetProperty("name").GetString() == Minzheng.Web.Platform.Registry.PersonNames.Mask(names[1]) && e.GetProperty("amount").GetDecimal() == 1500m);
        Assert.DoesNotContain(entries, e => e.GetProperty("amount").GetDecimal() == 999m);
        foreach (var n in names) Assert.DoesNotContain(n, raw);
        Assert.DoesNotMatch(@"\d{17}[\dXx]", raw);

        await (await app.ClientAsync("yangmei.clerk")).GetAsync($"/api/v1/community/publicity/feed/{Xinnan}").ExpectProblemAsync(404, "not_found");

        var record = await Post(worker, $"/api/v1/community/publicity/feed/{Xinnan}", new { program, period = "2026-11", postedOn = "2026-11-30" });
        Assert.Equal("relief", record.GetProperty("kind").GetString());
        Assert.Equal(id, record.GetProperty("committeeId").GetGuid());
        var content = record.GetProperty("content").GetString()!;
        Assert.Contains(Minzheng.Web.Platform.Registry.PersonNames.Mask(names[0]), content);
        foreach (var n in names) Assert.DoesNotContain(n, content);
        await worker.PostAsJsonAsync($"/api/v1/community/publicity/feed/{Xinnan}", new { program, period = "2026-11", postedOn = "2026-11-30" })
            .ExpectProblemAsync(409, "com_publicity_feed_published");

        // the committee's page: the feed shows masked names; the form answers beside its fields and keeps what was typed
        var page = await worker.GetStringAsync($"/community/publicity/{id}?feedPeriod=2026-11");
        Assert.Contains(Minzheng.Web.Platform.Registry.PersonNames.Mask(names[0]), page);
        Assert.Contains("已生成公开记录", page);
        var token = TokenPattern().Match(page).Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Finance"), "Input.Kind" },
            { new StringContent("2026Q9"), "Input.Period" },
            { new StringContent("2026-11-30"), "Input.PostedOn" },
            { new StringContent("保留的标题"), "Input.Title" },
            { new StringContent(""), "Input.Content" },
        };
        var posted = await worker.PostAsync($"/community/publicity/{id}", form);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var doc = new HtmlParser().ParseDocument(await posted.Content.ReadAsStringAsync());
        Assert.Contains("2026Q4", doc.QuerySelector("[data-valmsg-for='Input.Period']")!.TextContent);
        Assert.NotEqual("", doc.QuerySelector("[data-valmsg-for='Input.Content']")!.TextContent.Trim());
        Assert.Equal("保留的标题", doc.QuerySelector("#Title")!.GetAttribute("value"));

        using var good = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Decisions"), "Input.Kind" },
            { new StringContent("2026Q4"), "Input.Period" },
            { new StringContent("2026-11-30"), "Input.PostedOn" },
            { new StringContent("第四季度村务决策"), "Input.Title" },
            { new StringContent("居民会议决定……"), "Input.Content" },
        };
        var saved = await worker.PostAsync($"/community/publicity/{id}", good);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("第四季度村务决策", await worker.GetStringAsync($"/community/publicity/{id}"));
        Assert.Contains($"/community/publicity/{id}", await (await app.ClientAsync("rongzhou.clerk")).GetStringAsync("/community/publicity?divisionCode=450921100000"));
    }
}

public sealed class PublicityTestsOnSqlite(SqliteApp app) : PublicityTests(app), IClassFixture<SqliteApp>;

public sealed class PublicityTestsOnPostgres(PostgresApp app) : PublicityTests(app), IClassFixture<PostgresApp>;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.Disability;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Tests.Integration;

/// <summary>
/// Case numbers from the kernel's counters on SQLite and PostgreSQL: twenty applications at the same moment in one township
/// (dibao, disability subsidy, orphan allowance, and the households behind them) get twenty distinct numbers each and no 5xx;
/// a series numbered before its counter existed continues after its highest number; a unique violation answers 409.
/// </summary>
public abstract class CaseNumberTests(AppFixture app)
{
    private const string Xinnan = "450921100003"; // 容州镇 新南社区
    private const string Dongguang = "450921100013"; // 容州镇 东光社区
    private const int Concurrent = 20;
    private static int _child = Random.Shared.Next(0, 300);

    // Registry names take Chinese characters only.
    private static string Name(string stem, int i) => stem + "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉"[i % 20];

    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage r)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.Created, $"{r.RequestMessage?.RequestUri} → {(int)r.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<List<JsonElement>> AllAsync(IEnumerable<Task<HttpResponseMessage>> requests)
    {
        var responses = await Task.WhenAll(requests);
        // Every answer first: a 5xx anywhere is the failure this class exists for.
        Assert.DoesNotContain(responses, r => (int)r.StatusCode >= 500);
        var created = new List<JsonElement>();
        foreach (var r in responses) created.Add(await CreatedAsync(r));
        return created;
    }

    private static void AssertDistinctSeries(IReadOnlyList<JsonElement> created, string pattern)
    {
        var numbers = created.Select(c => c.GetProperty("number").GetString()!).ToList();
        Assert.Equal(Concurrent, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.Matches(pattern, n));
    }

    private async Task<Guid> PersonAsync(HttpClient admin, object body) =>
        (await CreatedAsync(await admin.PostAsJsonAsync("/api/v1/persons", body))).GetProperty("id").GetGuid();

    private Task<Guid> AdultAsync(HttpClient admin, int i, string division = Xinnan) =>
        PersonAsync(admin, new { idNumber = TestIds.Next(), name = Name("并发户主", i), divisionCode = division });

    private Task<Guid> DisabledAsync(HttpClient admin, int i, string division = Xinnan)
    {
        var id = TestIds.Next();
        return PersonAsync(admin, new
        {
            idNumber = id,
            name = Name("并发残疾人", i),
            divisionCode = division,
            disabilityCategory = "physical",
            disabilityGrade = 1,
            disabilityCertificate = $"{id}{(int)DisabilityCategory.Physical}1",
        });
    }

    private Task<Guid> ChildAsync(HttpClient admin, int i) => PersonAsync(admin, new
    {
        idNumber = IdNumber.Compose("450102", new DateOnly(2014, 1, 1).AddDays(Interlocked.Increment(ref _child)), 100 + i),
        name = Name("并发儿童", i),
        divisionCode = Xinnan,
        hukouType = "rural",
    });

    private static object Dead => new { situation = "dead", evidence = "死亡证明（测试）" };

    [Fact]
    public async Task Twenty_applications_at_once_in_one_township_get_twenty_distinct_numbers_per_kind_and_no_5xx()
    {
        app.SkipIfUnavailable();
        var admin = await app.ClientAsync("admin");
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var year = app.Clock.GetUtcNow().Year;
        var range = Enumerable.Range(0, Concurrent).ToList();
        var heads = await Task.WhenAll(range.Select(i => AdultAsync(admin, i)));
        var disabled = await Task.WhenAll(range.Select(i => DisabledAsync(admin, i)));
        var children = await Task.WhenAll(range.Select(i => ChildAsync(admin, i)));

        // the households themselves are numbered by the same counters (户编号 within the village)
        var households = await AllAsync(heads.Select(h => admin.PostAsJsonAsync("/api/v1/households",
            new { divisionCode = Xinnan, headPersonId = h, address = "容州镇新南社区", members = Array.Empty<object>() })));
        AssertDistinctSeries(households, $"^{Xinnan}\\d{{4}}$");

        // the three kinds together, all at once
        var dibao = households.Select(h => clerk.PostAsJsonAsync("/api/v1/assistance/cases",
            new { program = "dibao", householdId = h.GetProperty("id").GetString(), channel = "counter", reason = "窗口申请（并发测试）。", consentToCheck = true }));
        var subsidies = disabled.Select(p => clerk.PostAsJsonAsync("/api/v1/disability/subsidies", new { personId = p, subsidy = "care", channel = "counter" }));
        var allowances = children.Select(c => clerk.PostAsJsonAsync("/api/v1/children/cases", new
        {
            childPersonId = c,
            kind = "orphan",
            father = Dead,
            mother = Dead,
            placement = "kinship",
            guardianName = "李桂芳",
            guardianRelation = "祖母",
            inFullTimeEducation = false,
        }));
        var all = await AllAsync(dibao.Concat(subsidies).Concat(allowances));
        AssertDistinctSeries(all[..Concurrent], $"^DB450921100{year}\\d{{4}}$");
        AssertDistinctSeries(all[Concurrent..(2 * Concurrent)], $"^CH450921100{year}\\d{{4}}$");
        AssertDistinctSeries(all[(2 * Concurrent)..], $"^GE450921100{year}\\d{{4}}$");
    }

    [Fact]
    public async Task A_series_numbered_before_its_counter_existed_continues_after_its_highest_number()
    {
        app.SkipIfUnavailable();
        var admin = await app.ClientAsync("admin");
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var year = app.Clock.GetUtcNow().Year;

        // Households of 东光社区: a number written before counters existed (an upgraded database); no counter row yet.
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            Assert.False(await db.Set<NumberCounter>().AnyAsync(c => c.Scope == Dongguang));
            db.Households.Add(new Household { Number = Dongguang + "0457", DivisionCode = Dongguang, Address = "升级前登记的户" });
            await db.SaveChangesAsync();
            return 0;
        });
        var first = await CreatedAsync(await admin.PostAsJsonAsync("/api/v1/households", new { divisionCode = Dongguang, headPersonId = await AdultAsync(admin, 1, Dongguang), address = "东光社区", members = Array.Empty<object>() }));
        var second = await CreatedAsync(await admin.PostAsJsonAsync("/api/v1/households", new { divisionCode = Dongguang, headPersonId = await AdultAsync(admin, 2, Dongguang), address = "东光社区", members = Array.Empty<object>() }));
        Assert.Equal(Dongguang + "0458", first.GetProperty("number").GetString());
        Assert.Equal(Dongguang + "0459", second.GetProperty("number").GetString());

        // A case series: the highest disability number is raised past the counter and the counter is removed, as in a
        // database restored from before the counters: the next application continues after the highest number.
        var a = await CreatedAsync(await clerk.PostAsJsonAsync("/api/v1/disability/subsidies", new { personId = await DisabledAsync(admin, 1), subsidy = "living", channel = "counter" }));
        var lead = $"CS450921100{year}";
        Assert.StartsWith(lead, a.GetProperty("number").GetString(), StringComparison.Ordinal);
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var id = a.GetProperty("id").GetGuid();
            await db.Set<SubsidyApplication>().Where(x => x.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Number, lead + "0900"));
            Assert.Equal(1, await db.Set<NumberCounter>().Where(c => c.Scope == "CS450921100" && c.Year == year).ExecuteDeleteAsync());
            return 0;
        });
        var b = await CreatedAsync(await clerk.PostAsJsonAsync("/api/v1/disability/subsidies", new { personId = await DisabledAsync(admin, 2), subsidy = "living", channel = "counter" }));
        Assert.Equal(lead + "0901", b.GetProperty("number").GetString());
        var counter = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<NumberCounter>().SingleAsync(c => c.Scope == "CS450921100" && c.Year == year));
        Assert.Equal(901, counter.LastNumber);
    }

    [Fact]
    public async Task A_unique_violation_is_recognised_on_the_provider_and_answered_409_duplicate_not_500()
    {
        app.SkipIfUnavailable();
        var number = Xinnan + "9" + Random.Shared.Next(100, 999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var violation = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            db.Households.Add(new Household { Number = number, DivisionCode = Xinnan, Address = "甲" });
            await db.SaveChangesAsync();
            db.Households.Add(new Household { Number = number, DivisionCode = Xinnan, Address = "乙" });
            return await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        });
        Assert.True(UniqueViolation.Is(violation), violation.InnerException?.ToString());
        Assert.False(UniqueViolation.Is(new DbUpdateException("其他错误", new InvalidOperationException("not a constraint"))));

        // the application's own problem handler, for an API client and for a browser
        var (status, body) = await HandleAsync(violation, "/api/v1/households", "application/json");
        Assert.Equal(409, status);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal("duplicate", json.GetProperty("code").GetString());
        Assert.Contains("重复", json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var (pageStatus, page) = await HandleAsync(violation, "/registry/households/new", "text/html");
        Assert.Equal(409, pageStatus);
        Assert.Contains("重复", page, StringComparison.Ordinal);
        Assert.DoesNotContain("UNIQUE", page, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<(int Status, string Body)> HandleAsync(Exception exception, string path, string accept)
    {
        using var scope = app.Services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Path = path;
        context.Request.Headers.Accept = accept;
        context.Response.Body = new MemoryStream();
        var handler = new ProblemExceptionHandler(scope.ServiceProvider.GetRequiredService<IProblemDetailsService>(), scope.ServiceProvider.GetRequiredService<Minzheng.Web.Platform.Http.ErrorCatalogue>(), NullLogger<ProblemExceptionHandler>.Instance);
        Assert.True(await handler.TryHandleAsync(context, exception, CancellationToken.None));
        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, WebUtility.HtmlDecode(await new StreamReader(context.Response.Body).ReadToEndAsync()));
    }
}

public sealed class CaseNumberTestsOnSqlite(SqliteApp app) : CaseNumberTests(app), IClassFixture<SqliteApp>;

public sealed class CaseNumberTestsOnPostgres(PostgresApp app) : CaseNumberTests(app), IClassFixture<PostgresApp>;

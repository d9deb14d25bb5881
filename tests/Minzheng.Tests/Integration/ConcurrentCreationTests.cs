using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Tests.Integration;

/// <summary>
/// Issue 12 item 17, the rest of the numbered and unique things beside <see cref="CaseNumberTests"/> (dibao, disability,
/// child allowance, households): twenty of each created over the API at the same moment. Distinct inputs must all be
/// created with distinct numbers (no input lost); the same unique input twenty times must give one 201 and nineteen 409s
/// with a code. Any 5xx fails.
/// </summary>
public abstract class ConcurrentCreationTests(AppFixture app)
{
    private const string Rongxian = "450921000000";
    private const string Xinnan = "450921100003"; // 容州镇 新南社区
    private const int Concurrent = 20;
    private static int _child = Random.Shared.Next(0, 300);

    private static string Name(string stem, int i) => stem + "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉"[i % 20];

    private static async Task<(int Status, string Body)[]> AllAsync(IEnumerable<Task<HttpResponseMessage>> requests)
    {
        var responses = await Task.WhenAll(requests);
        var answers = new List<(int, string)>();
        foreach (var r in responses) answers.Add(((int)r.StatusCode, await r.Content.ReadAsStringAsync()));
        var failed = answers.Where(a => a.Item1 >= 500).ToList();
        Assert.True(failed.Count == 0, $"{failed.Count} × 5xx: {string.Join(" | ", failed.Select(f => f.Item2).Distinct())}");
        return [.. answers];
    }

    private static List<JsonElement> AllCreated((int Status, string Body)[] answers, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var wrong = answers.Where(a => a.Status != (int)expected).ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {answers.Length} not {(int)expected}: {string.Join(" | ", wrong.Select(w => $"{w.Status} {w.Body}").Distinct())}");
        return [.. answers.Select(a => JsonDocument.Parse(a.Body).RootElement)];
    }

    /// <summary>The same unique thing twenty times: exactly one created, the others a 409 with a code (never a 5xx).</summary>
    private static void OneCreatedRestConflict((int Status, string Body)[] answers, HttpStatusCode created = HttpStatusCode.Created)
    {
        Assert.Equal(1, answers.Count(a => a.Status == (int)created));
        foreach (var (status, body) in answers.Where(a => a.Status != (int)created))
        {
            Assert.True(status == 409, $"{status}: {body}");
            Assert.False(string.IsNullOrEmpty(JsonDocument.Parse(body).RootElement.GetProperty("code").GetString()), body);
        }
    }

    private static async Task<Guid> PersonAsync(HttpClient admin, object body)
    {
        var r = await admin.PostAsJsonAsync("/api/v1/persons", body);
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.JsonAsync()).GetProperty("id").GetGuid();
    }

    private static Task<Guid> ChildAsync(HttpClient admin, int i) => PersonAsync(admin, new
    {
        idNumber = IdNumber.Compose("450102", new DateOnly(2015, 1, 1).AddDays(Interlocked.Increment(ref _child)), 300 + i),
        name = Name("保护儿童", i),
        divisionCode = Xinnan,
    });

    [Fact]
    public async Task Twenty_protection_cases_at_once_get_twenty_distinct_numbers()
    {
        app.SkipIfUnavailable();
        var admin = await app.ClientAsync("admin");
        var county = await app.ClientAsync("rongxian.officer");
        var children = new List<Guid>();
        foreach (var i in Enumerable.Range(0, Concurrent)) children.Add(await ChildAsync(admin, i));
        var created = AllCreated(await AllAsync(children.Select(c => county.PostAsJsonAsync("/api/v1/children/protection",
            new { childPersonId = c, harm = "neglect", reportedOn = new DateOnly(2026, 11, 28), source = "村委会发现", description = "并发登记测试" }))));
        var numbers = created.Select(c => c.GetProperty("number").GetString()!).ToList();
        Assert.Equal(Concurrent, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.Matches("^BH450921\\d{8}$", n));
        var listed = await county.GetItemsAsync("/api/v1/children/protection");
        Assert.All(created, c => Assert.Contains(listed, l => l.GetProperty("id").GetString() == c.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Twenty_institutions_at_once_are_all_kept_and_one_name_twenty_times_is_one_institution_and_nineteen_409s()
    {
        app.SkipIfUnavailable();
        var county = await app.ClientAsync("rongxian.officer");
        var stem = "并发福利院" + Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture);
        var created = AllCreated(await AllAsync(Enumerable.Range(0, Concurrent).Select(i => county.PostAsJsonAsync("/api/v1/children/institutions",
            new { name = stem + Name("分院", i), kind = "welfare", divisionCode = Rongxian, beds = 10 }))));
        Assert.Equal(Concurrent, created.Select(c => c.GetProperty("id").GetString()).Distinct().Count());

        var same = await AllAsync(Enumerable.Range(0, Concurrent).Select(_ => county.PostAsJsonAsync("/api/v1/children/institutions",
            new { name = stem + "总院", kind = "welfare", divisionCode = Rongxian, beds = 10 })));
        OneCreatedRestConflict(same);
        var listed = await county.GetItemsAsync("/api/v1/children/institutions");
        Assert.Single(listed, l => l.GetProperty("name").GetString() == stem + "总院");
    }

    [Fact]
    public async Task A_comparison_rule_setting_saved_twenty_times_at_once_answers_200_or_409_never_5xx()
    {
        app.SkipIfUnavailable();
        var officer = await app.ClientAsync("rongxian.officer");
        var answers = await AllAsync(Enumerable.Range(0, Concurrent).Select(i => officer.PutAsJsonAsync($"/api/v1/comparison/rules/{Rongxian}/business",
            new { enabled = i % 2 == 0, version = 0 })));
        // every answer is 200 or a 409 with a code: the first creates the setting; a request that read it at version 0 may
        // still update it (version 0 is the created row's), one that leaves it as it is writes nothing; never a 5xx
        Assert.Contains(answers, a => a.Status == 200);
        foreach (var (status, body) in answers.Where(a => a.Status != 200))
        {
            Assert.True(status == 409, $"{status}: {body}");
            Assert.False(string.IsNullOrEmpty(JsonDocument.Parse(body).RootElement.GetProperty("code").GetString()), body);
        }
        var states = await officer.GetJsonAsync($"/api/v1/comparison/rules/{Rongxian}");
        var state = states.EnumerateArray().Single(s => s.GetProperty("rule").GetProperty("code").GetString() == "business");
        Assert.Contains(answers.Where(a => a.Status == 200), a => JsonDocument.Parse(a.Body).RootElement.GetProperty("enabled").GetBoolean() == state.GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task Twenty_organisations_without_a_credit_code_get_twenty_platform_numbers_and_one_code_twenty_times_is_one_organisation()
    {
        app.SkipIfUnavailable();
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var stem = "并发服务社" + Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture);
        var created = AllCreated(await AllAsync(Enumerable.Range(0, Concurrent).Select(i => clerk.PostAsJsonAsync("/api/v1/organizations",
            new { name = stem + Name("站", i), kind = "enterprise", divisionCode = Xinnan }))));
        var numbers = created.Select(c => c.GetProperty("platformNumber").GetString()).ToList();
        Assert.Equal(Concurrent, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.StartsWith("MZO", n, StringComparison.Ordinal));

        var code = CreditCode.Compose('5', '2', "450921", "MC" + Random.Shared.Next(0, 999999).ToString("D6", CultureInfo.InvariantCulture));
        OneCreatedRestConflict(await AllAsync(Enumerable.Range(0, Concurrent).Select(i => clerk.PostAsJsonAsync("/api/v1/organizations",
            new { creditCode = code, name = stem + "同码" + Name("社", i), kind = "enterprise", divisionCode = Xinnan }))));
    }

    [Fact]
    public async Task One_person_registered_twenty_times_at_once_is_one_person_and_nineteen_409s()
    {
        app.SkipIfUnavailable();
        var admin = await app.ClientAsync("admin");
        var id = TestIds.Next();
        OneCreatedRestConflict(await AllAsync(Enumerable.Range(0, Concurrent).Select(_ => admin.PostAsJsonAsync("/api/v1/persons",
            new { idNumber = id, name = "并发登记", divisionCode = Xinnan }))));
    }

    [Fact]
    public async Task Twenty_extreme_poverty_and_temporary_applications_at_once_get_distinct_numbers()
    {
        app.SkipIfUnavailable();
        var admin = await app.ClientAsync("admin");
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var households = new List<string>();
        foreach (var i in Enumerable.Range(0, 2 * Concurrent))
        {
            var head = await PersonAsync(admin, new { idNumber = TestIds.Next(), name = Name("并发申请人", i), divisionCode = Xinnan });
            var r = await admin.PostAsJsonAsync("/api/v1/households", new { divisionCode = Xinnan, headPersonId = head, address = "容州镇新南社区", members = Array.Empty<object>() });
            Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
            households.Add((await r.JsonAsync()).GetProperty("id").GetString()!);
        }
        var created = AllCreated(await AllAsync(households.Select((h, i) => clerk.PostAsJsonAsync("/api/v1/assistance/cases",
            i < Concurrent
                ? new { program = "extremePoverty", householdId = h, channel = "counter", reason = "窗口申请（并发测试）。", consentToCheck = true, temporaryType = (string?)null }
                : new { program = "temporary", householdId = h, channel = "counter", reason = "窗口申请（并发测试）。", consentToCheck = true, temporaryType = (string?)"urgent" }))));
        Assert.Equal(2 * Concurrent, created.Select(c => c.GetProperty("number").GetString()).Distinct().Count());
    }
}

public sealed class ConcurrentCreationTestsOnSqlite(SqliteApp app) : ConcurrentCreationTests(app), IClassFixture<SqliteApp>;

public sealed class ConcurrentCreationTestsOnPostgres(PostgresApp app) : ConcurrentCreationTests(app), IClassFixture<PostgresApp>;

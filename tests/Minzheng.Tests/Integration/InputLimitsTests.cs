using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.Assistance;
using Minzheng.Web.Modules.Assistance.Cases;
using Minzheng.Web.Modules.Assistance.Rules;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Tests.Integration;

/// <summary>
/// Issue 12 items 4, 19, 21, 22, 23, 24 (ADR 024): bad input answers 400 <c>validation_failed</c> naming the field, never a
/// 5xx, never a bare <c>bad_request</c>, never saved.
/// </summary>
public abstract class InputLimitsTests(AppFixture app)
{
    private const string Village = "450921100003";
    private const string County = "450921000000";

    private static async Task<JsonElement> ExpectFieldAsync(HttpResponseMessage response, string field)
    {
        var json = await response.ExpectProblemAsync(400, "validation_failed");
        Assert.True(json.GetProperty("errors").TryGetProperty(field, out var messages), $"no error for “{field}”: {json}");
        var message = messages[0].GetString()!;
        Assert.Contains(message, m => m > '\u4e00'); // a Chinese message
        return json;
    }

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Binding_failures_name_the_field_in_Chinese()
    {
        app.SkipIfUnavailable();
        var admin = await app.ClientAsync();
        await ExpectFieldAsync(await admin.PostAsync("/api/v1/persons", Body("""{"name":"张三","noIdNumber":true,"sex":"female","birthDate":"2020-02-30"}""")), "birthDate");
        await ExpectFieldAsync(await admin.PostAsync("/api/v1/persons", Body("""{"name":"张三","noIdNumber":"yes"}""")), "noIdNumber");
        await ExpectFieldAsync(await admin.PostAsync("/api/v1/persons", Body("""{"name":""")), "body");
        await ExpectFieldAsync(await admin.PostAsync("/api/v1/persons", Body("")), "body");
        await ExpectFieldAsync(await admin.PostAsync("/api/v1/households", Body("""{"members":[{"personId":"not-a-guid","relation":"spouse"}]}""")), "members[0].personId");
        await ExpectFieldAsync(await admin.GetAsync("/api/v1/persons?lifeStatus=zombie"), "lifeStatus");
    }

    [Fact]
    public async Task Enums_bind_from_their_names_only()
    {
        app.SkipIfUnavailable();
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var household = (await clerk.GetItemsAsync("/api/v1/households?pageSize=1"))[0].GetProperty("id").GetString();
        foreach (var program in new[] { "999", "0", "\"noSuchProgram\"" })
        {
            var json = await ExpectFieldAsync(await clerk.PostAsync("/api/v1/assistance/cases", Body($$"""{"program":{{program}},"householdId":"{{household}}","consentToCheck":true}""")), "program");
            if (program.StartsWith('"')) Assert.Contains("dibao", json.GetProperty("errors").GetProperty("program")[0].GetString(), StringComparison.Ordinal);
        }
        var admin = await app.ClientAsync();
        await ExpectFieldAsync(await admin.PostAsync("/api/v1/children/institutions", Body($$"""{"name":"测试福利院","kind":999,"divisionCode":"{{County}}","beds":10}""")), "kind");
    }

    [Fact]
    public async Task Deterministic_500s_answer_400_with_the_field()
    {
        app.SkipIfUnavailable();
        var admin = await app.ClientAsync();
        await ExpectFieldAsync(await admin.PostAsync("/api/v1/households", Body("""{"divisionCode":"450921100003","members":[null]}""")), "members");
        var nullMembers = await admin.PostAsync("/api/v1/households", Body("""{"divisionCode":"450921100003","members":null}"""));
        await nullMembers.ExpectProblemAsync(400, "validation_failed");
        var calculate = """{"divisionCode":"450921100003","area":"urban","householdMonthlyIncome":100,"members":[null]}""";
        await ExpectFieldAsync(await admin.PostAsync("/api/v1/assistance/dibao/calculate", Body(calculate)), "members");
        await ExpectFieldAsync(await admin.PostAsync("/api/v1/assistance/dibao/calculate",
            Body("""{"divisionCode":"450921100003","area":"urban","householdMonthlyIncome":0.001,"members":[{"birthDate":"1980-01-01","seriouslyIll":false}]}""")), "householdMonthlyIncome");
        await ExpectFieldAsync(await admin.PostAsync("/api/v1/children/standards",
            Body($$"""{"kind":"orphan-allowance","divisionCode":"{{County}}","category":"scattered","amount":0.001,"validFrom":"2027-01-01","document":"测试"}""")), "amount");
        await ExpectFieldAsync(await admin.PostAsync("/api/v1/disability/figures",
            Body($$"""{"kind":"care-subsidy","divisionCode":"{{County}}","amount":0.001,"validFrom":"2027-01-01","document":"测试"}""")), "amount");
        await ExpectFieldAsync(await admin.PostAsync("/api/v1/payments/bank-templates",
            Body("""{"name":"测试","format":"csv","encoding":"UTF-8","columns":[null]}""")), "columns");
        foreach (var year in new[] { -1, 99999 })
        {
            await ExpectFieldAsync(await admin.GetAsync($"/api/v1/calendar/days?year={year}"), "year");
        }
    }

    [Fact]
    public async Task A_rule_setting_without_enabled_is_refused_and_changes_nothing()
    {
        app.SkipIfUnavailable();
        var officer = await app.ClientAsync("rongxian.officer");
        await ExpectFieldAsync(await officer.PutAsync($"/api/v1/comparison/rules/{County}/vehicle", Body("{}")), "enabled");
        var rules = await officer.GetJsonAsync($"/api/v1/comparison/rules/{County}");
        var vehicle = (rules.ValueKind == JsonValueKind.Array ? rules : rules.GetProperty("items")).EnumerateArray()
            .First(r => r.GetProperty("rule").GetProperty("code").GetString() == "vehicle");
        Assert.True(vehicle.GetProperty("enabled").GetBoolean());
        // the same shape elsewhere: a decision without "agree" is not a refusal, a payroll action without version is not version 0
        await ExpectFieldAsync(await officer.PostAsync($"/api/v1/payments/payrolls/{Guid.NewGuid()}/review", Body("""{"opinion":"同意"}""")), "version");
    }

    [Fact]
    public async Task Lengths_and_ranges_are_checked_on_the_server()
    {
        app.SkipIfUnavailable();
        var admin = await app.ClientAsync();
        var huge = new string('长', 100_000);
        await ExpectFieldAsync(await admin.PostAsJsonAsync("/api/v1/persons", new { idNumber = TestIds.Next(), name = "李四", divisionCode = Village, address = huge }), "address");
        await ExpectFieldAsync(await admin.PostAsJsonAsync("/api/v1/persons", new { idNumber = TestIds.Next(), name = "李四", divisionCode = Village, phone = new string('1', 1000) }), "phone");
        await ExpectFieldAsync(await admin.PostAsJsonAsync("/api/v1/persons", new { idNumber = TestIds.Next(), name = "李四", divisionCode = Village, bankName = huge, bankAccount = "6222020200112233445" }), "bankName");
        await ExpectFieldAsync(await admin.PostAsJsonAsync("/api/v1/children/institutions", new { name = huge, kind = "welfare", divisionCode = County, beds = 10 }), "name");
        await ExpectFieldAsync(await admin.PostAsJsonAsync("/api/v1/children/institutions", new { name = "测试福利院", kind = "welfare", divisionCode = County, beds = int.MaxValue }), "beds");
        foreach (var month in new[] { "0001-01-01", "9999-12-01" })
        {
            await ExpectFieldAsync(await admin.PutAsJsonAsync("/api/v1/payments/price-indices", new { month, cpiYoY = 2.1m, foodYoY = 3.0m, source = "统计局" }), "month");
        }
        var calculate = new Dictionary<string, object?>
        {
            ["divisionCode"] = Village,
            ["area"] = "urban",
            ["householdMonthlyIncome"] = 100m,
            ["members"] = new[] { new { birthDate = "1980-01-01", seriouslyIll = false } },
        };
        foreach (var (field, value) in new (string, object)[] { ("vehicles", -1), ("houses", -3), ("deposits", -100m) })
        {
            await ExpectFieldAsync(await admin.PostAsJsonAsync("/api/v1/assistance/dibao/calculate", new Dictionary<string, object?>(calculate) { [field] = value }), field);
        }
    }

    [Fact]
    public async Task A_negative_amount_or_a_huge_reason_is_refused_by_the_use_case_the_page_calls()
    {
        app.SkipIfUnavailable();
        var household = (await (await app.ClientAsync("rongzhou.clerk")).GetItemsAsync("/api/v1/households?pageSize=1"))[0].GetProperty("id").GetGuid();
        foreach (var (input, field) in new[]
                 {
                     (new ApplyInput { Program = AssistanceProgram.Temporary, HouseholdId = household, ConsentToCheck = true, TemporaryType = TemporaryType.Urgent, RequestedAmount = -100m, Reason = "火灾" }, "requestedAmount"),
                     (new ApplyInput { Program = AssistanceProgram.Temporary, HouseholdId = household, ConsentToCheck = true, TemporaryType = TemporaryType.Urgent, RequestedAmount = 100m, Reason = new string('长', 100_000) }, "reason"),
                 })
        {
            var problem = await Assert.ThrowsAsync<AppProblem>(() => app.WithServicesAsync(sp => sp.GetRequiredService<ApplyForAssistance>().RunAsync(input)));
            Assert.Equal("validation_failed", problem.Code);
            Assert.True(problem.Errors.ContainsKey(field), string.Join(",", problem.Errors.Keys));
        }
    }

    [Fact]
    public async Task Names_in_characters_beyond_the_basic_plane_are_registrable()
    {
        app.SkipIfUnavailable();
        var admin = await app.ClientAsync();
        foreach (var name in new[] { "王𠀀", "𪚥", "李𫟦明" })
        {
            var response = await admin.PostAsJsonAsync("/api/v1/persons", new { idNumber = TestIds.Next(), name, divisionCode = Village });
            Assert.True(response.IsSuccessStatusCode, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Equal(name, (await response.JsonAsync()).GetProperty("name").GetString());
        }
    }

    [Theory]
    [InlineData("张三", true)]
    [InlineData("王𠀀", true)] // U+20000, extension B: two UTF-16 units, one character
    [InlineData("𪚥", true)] // U+2A6A5
    [InlineData("买买提·艾力", true)]
    [InlineData("John Smith", true)]
    [InlineData("", false)]
    [InlineData("张3", false)]
    [InlineData("<script>", false)]
    [InlineData("😀", false)] // beyond the basic plane, but not a Chinese character
    public void Person_names_count_characters_not_utf16_units(string name, bool valid) => Assert.Equal(valid, PersonNames.IsValid(name));

    [Fact]
    public void Fifty_characters_beyond_the_basic_plane_are_a_valid_name_and_fifty_one_are_not()
    {
        var fifty = string.Concat(Enumerable.Repeat("𠀀", 50));
        Assert.Equal(100, fifty.Length); // what the old check counted
        Assert.True(PersonNames.IsValid(fifty));
        Assert.False(PersonNames.IsValid(fifty + "𠀀"));
    }
}

public sealed class InputLimitsTestsOnSqlite(SqliteApp app) : InputLimitsTests(app), IClassFixture<SqliteApp>;

public sealed class InputLimitsTestsOnPostgres(PostgresApp app) : InputLimitsTests(app), IClassFixture<PostgresApp>;

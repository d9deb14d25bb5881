using System.Net;
using System.Net.Http.Json;
using Minzheng.Tests.Infrastructure;

namespace Minzheng.Tests.Integration;

/// <summary>Divisions and the person/household registry over the real HTTP API, on SQLite and PostgreSQL.</summary>
public abstract class RegistryApiTests(AppFixture app)
{
    private const string Xinnan = "450921100003"; // 新南社区居委会, 容州镇, 容县

    [Fact]
    public async Task City_children_are_the_seven_counties_with_pinyin()
    {
        app.SkipIfUnavailable();
        var client = await app.ClientAsync("city.officer");
        var children = await client.GetJsonAsync("/api/v1/divisions/450900000000/children");
        var got = children.EnumerateArray().Select(d => (d.GetProperty("code").GetString(), d.GetProperty("name").GetString(), d.GetProperty("pinyin").GetString(), d.GetProperty("level").GetString(), d.GetProperty("parentCode").GetString())).ToList();
        Assert.Equal(
        [
            ("450902000000", "玉州区", "Yuzhou Qu", "county", "450900000000"),
            ("450903000000", "福绵区", "Fumian Qu", "county", "450900000000"),
            ("450921000000", "容县", "Rong Xian", "county", "450900000000"),
            ("450922000000", "陆川县", "Luchuan Xian", "county", "450900000000"),
            ("450923000000", "博白县", "Bobai Xian", "county", "450900000000"),
            ("450924000000", "兴业县", "Xingye Xian", "county", "450900000000"),
            ("450981000000", "北流市", "Beiliu Shi", "county", "450900000000"),
        ], got);
        var town = await client.GetJsonAsync("/api/v1/divisions/450981106000");
        Assert.Equal("Xinxu Zhen", town.GetProperty("pinyin").GetString());
        await (await client.GetAsync("/api/v1/divisions/450999999999")).ExpectProblemAsync(404, "division_not_found");
    }

    [Fact]
    public async Task Creating_a_person_derives_birth_date_and_sex_from_the_id_number()
    {
        app.SkipIfUnavailable();
        var client = await app.ClientAsync("admin");
        var response = await client.PostAsJsonAsync("/api/v1/persons", new { idNumber = "11010519491231002X", name = "王秀英", divisionCode = Xinnan, phone = "13800138000" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var person = await response.JsonAsync();
        Assert.Equal("1949-12-31", person.GetProperty("birthDate").GetString());
        Assert.Equal("female", person.GetProperty("sex").GetString());
        Assert.Equal("110105********002X", person.GetProperty("idNumberMasked").GetString());
        Assert.Equal("138****8000", person.GetProperty("phoneMasked").GetString());
        Assert.Equal("urban", person.GetProperty("hukouType").GetString()); // a 社区 means urban hukou by default
        Assert.Equal("容县 容州镇 新南社区居委会", person.GetProperty("divisionName").GetString());

        var again = await client.PostAsJsonAsync("/api/v1/persons", new { idNumber = "11010519491231002x", name = "王秀英", divisionCode = Xinnan });
        await again.ExpectProblemAsync(409, "person_exists");
    }

    [Fact]
    public async Task An_invalid_id_number_is_a_400_with_a_stable_code()
    {
        app.SkipIfUnavailable();
        var client = await app.ClientAsync("admin");
        var response = await client.PostAsJsonAsync("/api/v1/persons", new { idNumber = "110105194912310021", name = "测试", divisionCode = Xinnan });
        var problem = await response.ExpectProblemAsync(400, "id_number_invalid");
        Assert.True(problem.GetProperty("errors").TryGetProperty("idNumber", out _));
        var search = await client.GetAsync("/api/v1/persons?idNumber=12345");
        await search.ExpectProblemAsync(400, "id_number_invalid");
    }

    [Fact]
    public async Task A_fifteen_digit_number_is_stored_upgraded()
    {
        app.SkipIfUnavailable();
        var client = await app.ClientAsync("admin");
        // 15-digit numbers were issued before 1999 to people born in the 1900s
        var eighteen = Web.Platform.Registry.IdNumber.Compose("450102", new DateOnly(1960 + Random.Shared.Next(0, 30), 1 + Random.Shared.Next(0, 12), 1 + Random.Shared.Next(0, 28)), Random.Shared.Next(0, 499) * 2 + 1);
        var fifteen = eighteen[..6] + eighteen[8..17]; // the pre-1999 form of the same number
        var response = await client.PostAsJsonAsync("/api/v1/persons", new { idNumber = fifteen, name = "李建国", divisionCode = Xinnan });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var found = await client.GetJsonAsync($"/api/v1/persons?idNumber={eighteen}");
        Assert.Equal(1, found.GetProperty("total").GetInt32());
        Assert.Equal(eighteen[..6] + "********" + eighteen[14..], found.GetProperty("items")[0].GetProperty("number").GetString());
        // and the 15-digit form finds the same person
        Assert.Equal(1, (await client.GetJsonAsync($"/api/v1/persons?idNumber={fifteen}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Validation_errors_name_each_field()
    {
        app.SkipIfUnavailable();
        var client = await app.ClientAsync("admin");
        var response = await client.PostAsJsonAsync("/api/v1/persons", new
        {
            idNumber = TestIds.Next(),
            name = "",
            divisionCode = "450921100000", // a town, not a village
            phone = "12345",
            ethnicity = "火星族",
            disabilityCategory = "physical",
            disabilityGrade = 7,
            lifeStatus = "deceased",
        });
        var problem = await response.ExpectProblemAsync(400, "validation_failed");
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "name", "divisionCode", "phone", "ethnicity", "disabilityGrade", "deathDate" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"missing error for {field}: {errors}");
        }
    }

    [Fact]
    public async Task Search_by_exact_id_name_prefix_pinyin_and_division_with_paging()
    {
        app.SkipIfUnavailable();
        var client = await app.ClientAsync("admin");
        var id = TestIds.Next();
        await (await client.PostAsJsonAsync("/api/v1/persons", new { idNumber = id, name = "欧阳丽娟", divisionCode = Xinnan })).Content.ReadAsStringAsync();

        var byId = await client.GetJsonAsync($"/api/v1/persons?idNumber={id}");
        Assert.Equal("欧阳丽娟", byId.GetProperty("items")[0].GetProperty("name").GetString());
        Assert.Contains("********", byId.GetProperty("items")[0].GetProperty("number").GetString()!, StringComparison.Ordinal);

        var byName = await client.GetJsonAsync("/api/v1/persons?name=欧阳丽");
        Assert.Contains(byName.GetProperty("items").EnumerateArray(), p => p.GetProperty("name").GetString() == "欧阳丽娟");
        var byPinyin = await client.GetJsonAsync("/api/v1/persons?name=ouyangli");
        Assert.Contains(byPinyin.GetProperty("items").EnumerateArray(), p => p.GetProperty("name").GetString() == "欧阳丽娟");
        var byInitials = await client.GetJsonAsync("/api/v1/persons?name=oylj");
        Assert.Contains(byInitials.GetProperty("items").EnumerateArray(), p => p.GetProperty("name").GetString() == "欧阳丽娟");

        var inCounty = await client.GetJsonAsync("/api/v1/persons?divisionCode=450921000000&pageSize=5");
        Assert.Equal(5, inCounty.GetProperty("items").GetArrayLength());
        Assert.All(inCounty.GetProperty("items").EnumerateArray(), p => Assert.StartsWith("450921", p.GetProperty("divisionCode").GetString(), StringComparison.Ordinal));
        var page2 = await client.GetJsonAsync("/api/v1/persons?divisionCode=450921000000&pageSize=5&page=2");
        Assert.Equal(inCounty.GetProperty("total").GetInt32(), page2.GetProperty("total").GetInt32());
        Assert.NotEqual(inCounty.GetProperty("items")[0].GetProperty("id").GetString(), page2.GetProperty("items")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_stale_edit_fails_with_409_and_changes_nothing()
    {
        app.SkipIfUnavailable();
        var client = await app.ClientAsync("admin");
        var id = TestIds.Next();
        var created = await (await client.PostAsJsonAsync("/api/v1/persons", new { idNumber = id, name = "张三", divisionCode = Xinnan })).JsonAsync();
        var personId = created.GetProperty("id").GetString();
        var version = created.GetProperty("version").GetInt32();

        var first = await client.PutAsJsonAsync($"/api/v1/persons/{personId}", new { idNumber = id, name = "张三丰", divisionCode = Xinnan, version });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await client.PutAsJsonAsync($"/api/v1/persons/{personId}", new { idNumber = id, name = "张四", divisionCode = Xinnan, version });
        await second.ExpectProblemAsync(409, "concurrency_conflict");
        var now = await client.GetJsonAsync($"/api/v1/persons/{personId}");
        Assert.Equal("张三丰", now.GetProperty("name").GetString());
        Assert.Equal(version + 1, now.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Households_keep_membership_history_and_one_household_per_person()
    {
        app.SkipIfUnavailable();
        var client = await app.ClientAsync("rongzhou.clerk");
        async Task<string> NewPerson(string name, string? idNumber = null)
        {
            var r = await client.PostAsJsonAsync("/api/v1/persons", new { idNumber = idNumber ?? TestIds.Next(), name, divisionCode = Xinnan });
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
            return (await r.JsonAsync()).GetProperty("id").GetString()!;
        }
        var head = await NewPerson("黄志强");
        var wife = await NewPerson("梁秀兰");
        var son = await NewPerson("黄浩");

        var created = await client.PostAsJsonAsync("/api/v1/households", new
        {
            divisionCode = Xinnan,
            address = "容县容州镇新南社区人民路8号",
            headPersonId = head,
            members = new[] { new { personId = wife, relation = "spouse" }, new { personId = son, relation = "son" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var household = await created.JsonAsync();
        var householdId = household.GetProperty("id").GetString();
        Assert.Equal(3, household.GetProperty("memberCount").GetInt32());
        Assert.StartsWith(Xinnan, household.GetProperty("number").GetString(), StringComparison.Ordinal);

        // the son cannot be in a second household at the same time
        var other = await client.PostAsJsonAsync("/api/v1/households", new { divisionCode = Xinnan, headPersonId = await NewPerson("黄志明"), members = new[] { new { personId = son, relation = "other" } } });
        await other.ExpectProblemAsync(409, "person_in_other_household");

        // the son leaves; history keeps him
        var left = await client.PostAsJsonAsync($"/api/v1/households/{householdId}/members/{son}/leave", new { leftOn = "2026-11-30", reason = "分户" });
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        var after = await left.JsonAsync();
        Assert.Equal(2, after.GetProperty("memberCount").GetInt32());
        Assert.Contains(after.GetProperty("formerMembers").EnumerateArray(), m => m.GetProperty("personId").GetString() == son && m.GetProperty("leftReason").GetString() == "分户");

        // the head cannot leave; the son can now head a new household
        await (await client.PostAsJsonAsync($"/api/v1/households/{householdId}/members/{head}/leave", new { reason = "迁出" })).ExpectProblemAsync(409, "head_cannot_leave");
        var own = await client.PostAsJsonAsync("/api/v1/households", new { divisionCode = Xinnan, headPersonId = son });
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);

        var person = await client.GetJsonAsync($"/api/v1/persons/{son}");
        Assert.Equal("head", person.GetProperty("household").GetProperty("relation").GetString());
    }

    [Fact]
    public async Task A_township_clerk_works_only_within_the_township()
    {
        app.SkipIfUnavailable();
        var admin = await app.ClientAsync("admin");
        var created = await (await admin.PostAsJsonAsync("/api/v1/persons", new { idNumber = TestIds.Next(), name = "容州人", divisionCode = Xinnan })).JsonAsync();
        var id = created.GetProperty("id").GetString();

        var yangmei = await app.ClientAsync("yangmei.clerk");
        await (await yangmei.GetAsync($"/api/v1/persons/{id}")).ExpectProblemAsync(404, "not_found");
        var list = await yangmei.GetJsonAsync("/api/v1/persons?pageSize=200");
        Assert.All(list.GetProperty("items").EnumerateArray(), p => Assert.StartsWith("450921102", p.GetProperty("divisionCode").GetString(), StringComparison.Ordinal));
        var creating = await yangmei.PostAsJsonAsync("/api/v1/persons", new { idNumber = TestIds.Next(), name = "越界", divisionCode = Xinnan });
        await creating.ExpectProblemAsync(400, "validation_failed");

        var county = await app.ClientAsync("rongxian.officer");
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync($"/api/v1/persons/{id}")).StatusCode);
        var beiliu = await app.ClientAsync("beiliu.officer");
        await (await beiliu.GetAsync($"/api/v1/persons/{id}")).ExpectProblemAsync(404, "not_found");
    }

    [Fact]
    public async Task Export_is_an_xlsx_of_the_users_scope()
    {
        app.SkipIfUnavailable();
        var client = await app.ClientAsync("yangmei.clerk");
        var response = await client.GetAsync("/registry/persons/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.StartsWith("450921102", r["区划代码"].ToString(), StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Contains("********", r["身份证号（脱敏）"].ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Anonymous_api_calls_get_401_problem_details()
    {
        app.SkipIfUnavailable();
        var client = app.CreateClient();
        await (await client.GetAsync("/api/v1/persons")).ExpectProblemAsync(401, "unauthenticated");
        await (await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = "wrong-Password1" })).ExpectProblemAsync(401, "invalid_credentials");
    }
}

public sealed class RegistryApiTestsOnSqlite(SqliteApp app) : RegistryApiTests(app), IClassFixture<SqliteApp>;

public sealed class RegistryApiTestsOnPostgres(PostgresApp app) : RegistryApiTests(app), IClassFixture<PostgresApp>;

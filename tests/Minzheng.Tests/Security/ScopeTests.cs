using System.Net;
using System.Net.Http.Json;
using Minzheng.Tests.Infrastructure;

namespace Minzheng.Tests.Security;

/// <summary>
/// Division scope on every path: 杨梅镇's clerk cannot read, list, search, export or change a person or
/// household of 容州镇 (404 or absent), 容县 sees both towns, 北流市 sees neither.
/// </summary>
public abstract class ScopeTests(AppFixture app)
{
    private const string Xinnan = "450921100003";   // 容州镇
    private const string Yangmei = "450921102203";  // a village of 杨梅镇

    private async Task<(string PersonId, string IdNumber, string HouseholdId, int HouseholdVersion)> RongzhouHouseholdAsync()
    {
        var admin = await app.ClientAsync("admin");
        var idNumber = TestIds.Next();
        var person = await (await admin.PostAsJsonAsync("/api/v1/persons", new { idNumber, name = "容州户主", divisionCode = Xinnan })).JsonAsync();
        var personId = person.GetProperty("id").GetString()!;
        var household = await (await admin.PostAsJsonAsync("/api/v1/households", new { divisionCode = Xinnan, headPersonId = personId, address = "容州镇" })).JsonAsync();
        return (personId, idNumber, household.GetProperty("id").GetString()!, household.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Another_townships_clerk_can_neither_see_nor_change_the_records()
    {
        app.SkipIfUnavailable();
        var (personId, idNumber, householdId, version) = await RongzhouHouseholdAsync();
        var clerk = await app.ClientAsync("yangmei.clerk");

        await (await clerk.GetAsync($"/api/v1/persons/{personId}")).ExpectProblemAsync(404, "not_found");
        await (await clerk.GetAsync($"/api/v1/households/{householdId}")).ExpectProblemAsync(404, "not_found");
        Assert.Equal(0, (await clerk.GetJsonAsync($"/api/v1/persons?idNumber={idNumber}")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await clerk.GetJsonAsync("/api/v1/persons?name=容州户主")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await clerk.GetJsonAsync($"/api/v1/persons?divisionCode={Xinnan}")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await clerk.GetJsonAsync($"/api/v1/households?divisionCode=450921100000")).GetProperty("total").GetInt32());
        var all = await clerk.GetJsonAsync("/api/v1/persons?pageSize=200");
        Assert.DoesNotContain(all.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetString() == personId);

        // export
        var export = await clerk.GetAsync("/registry/households/export");
        await using (var stream = await export.Content.ReadAsStreamAsync())
        {
            var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
            Assert.All(rows, r => Assert.StartsWith("450921102", r["区划代码"].ToString(), StringComparison.Ordinal));
        }

        // changes
        var put = await clerk.PutAsJsonAsync($"/api/v1/persons/{personId}", new { idNumber, name = "改名", divisionCode = Yangmei, version = 0 });
        await put.ExpectProblemAsync(404, "not_found");
        var putHousehold = await clerk.PutAsJsonAsync($"/api/v1/households/{householdId}", new { address = "改地址", version });
        await putHousehold.ExpectProblemAsync(404, "not_found");
        var newcomer = await (await clerk.PostAsJsonAsync("/api/v1/persons", new { idNumber = TestIds.Next(), name = "杨梅人", divisionCode = Yangmei })).JsonAsync();
        var join = await clerk.PostAsJsonAsync($"/api/v1/households/{householdId}/members", new { personId = newcomer.GetProperty("id").GetString(), relation = "other" });
        await join.ExpectProblemAsync(404, "not_found");
        var moveIn = await clerk.PostAsJsonAsync("/api/v1/households", new { divisionCode = Yangmei, headPersonId = personId });
        Assert.Equal(HttpStatusCode.BadRequest, moveIn.StatusCode); // the 容州镇 person is not found for 杨梅镇

        // nothing changed
        var admin = await app.ClientAsync("admin");
        Assert.Equal("容州户主", (await admin.GetJsonAsync($"/api/v1/persons/{personId}")).GetProperty("name").GetString());
        Assert.Equal("容州镇", (await admin.GetJsonAsync($"/api/v1/households/{householdId}")).GetProperty("address").GetString());
    }

    [Fact]
    public async Task The_county_sees_both_towns_and_another_county_sees_neither()
    {
        app.SkipIfUnavailable();
        var (personId, idNumber, householdId, _) = await RongzhouHouseholdAsync();
        var admin = await app.ClientAsync("admin");
        var yangmeiPerson = await (await admin.PostAsJsonAsync("/api/v1/persons", new { idNumber = TestIds.Next(), name = "杨梅村民", divisionCode = Yangmei })).JsonAsync();
        var yangmeiId = yangmeiPerson.GetProperty("id").GetString();

        var county = await app.ClientAsync("rongxian.officer");
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync($"/api/v1/persons/{personId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync($"/api/v1/persons/{yangmeiId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync($"/api/v1/households/{householdId}")).StatusCode);
        Assert.Equal(1, (await county.GetJsonAsync($"/api/v1/persons?idNumber={idNumber}")).GetProperty("total").GetInt32());

        var beiliu = await app.ClientAsync("beiliu.officer");
        await (await beiliu.GetAsync($"/api/v1/persons/{personId}")).ExpectProblemAsync(404, "not_found");
        await (await beiliu.GetAsync($"/api/v1/persons/{yangmeiId}")).ExpectProblemAsync(404, "not_found");
        await (await beiliu.GetAsync($"/api/v1/households/{householdId}")).ExpectProblemAsync(404, "not_found");
        Assert.Equal(0, (await beiliu.GetJsonAsync($"/api/v1/persons?idNumber={idNumber}")).GetProperty("total").GetInt32());
        var list = await beiliu.GetJsonAsync("/api/v1/persons?pageSize=200");
        Assert.All(list.GetProperty("items").EnumerateArray(), p => Assert.StartsWith("450981", p.GetProperty("divisionCode").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Home_page_counts_are_scoped()
    {
        app.SkipIfUnavailable();
        var city = await (await app.ClientAsync("city.officer")).GetStringAsync("/");
        var village = await (await app.ClientAsync("xinnan.worker")).GetStringAsync("/");
        static int Alive(string html)
        {
            var i = html.IndexOf("登记人口（健在）", StringComparison.Ordinal);
            var chunk = html[..i];
            var n = chunk[(chunk.LastIndexOf("class=\"n\">", StringComparison.Ordinal) + 10)..];
            return int.Parse(n[..n.IndexOf('<', StringComparison.Ordinal)], System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
        }
        Assert.True(Alive(village) > 0);
        Assert.True(Alive(village) < Alive(city));
    }
}

public sealed class ScopeTestsOnSqlite(SqliteApp app) : ScopeTests(app), IClassFixture<SqliteApp>;

public sealed class ScopeTestsOnPostgres(PostgresApp app) : ScopeTests(app), IClassFixture<PostgresApp>;

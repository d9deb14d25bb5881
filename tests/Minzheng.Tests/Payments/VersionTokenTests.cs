using System.Net;
using System.Net.Http.Json;
using Minzheng.Tests.Infrastructure;

namespace Minzheng.Tests.Payments;

/// <summary>
/// Issue 12, item 25: bank templates and price indices were written last-writer-wins. Each now carries the version token every
/// other mutable record has: a PUT must name the version it read, and a stale one answers 409 with nothing saved.
/// </summary>
public abstract class VersionTokenTests(AppFixture app)
{
    private static object Template(string name, int? version, string note) => new
    {
        name,
        format = "csv",
        encoding = "GBK",
        columns = new[] { new { header = "业务编号", field = "reference" }, new { header = "账号", field = "account" }, new { header = "金额", field = "amount" }, new { header = note, field = "note" } },
        returnReferenceHeader = "业务编号",
        returnResultHeader = "处理结果",
        returnSuccessValues = "成功",
        returnReasonHeader = "失败原因",
        version,
    };

    [Fact]
    public async Task A_bank_template_put_with_a_stale_version_is_refused()
    {
        app.SkipIfUnavailable();
        var fin = await app.ClientAsync("rongxian.finance");
        var created = await fin.PostAsJsonAsync("/api/v1/payments/bank-templates", Template("版本测试代发", null, "摘要"));
        Assert.True(created.StatusCode == HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        var body = await created.JsonAsync();
        var id = body.GetProperty("id").GetGuid();
        var version = body.GetProperty("version").GetInt32();

        // two editors read the same version: the first one's change is saved, the second one's is refused
        var first = await fin.PutAsJsonAsync($"/api/v1/payments/bank-templates/{id}", Template("版本测试代发", version, "摘要甲"));
        Assert.True(first.StatusCode == HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        Assert.Equal(version + 1, (await first.JsonAsync()).GetProperty("version").GetInt32());
        await fin.PutAsJsonAsync($"/api/v1/payments/bank-templates/{id}", Template("版本测试代发", version, "摘要乙")).ExpectProblemAsync(409, "concurrency_conflict");
        // a PUT that names no version cannot say what it read
        var missing = await fin.PutAsJsonAsync($"/api/v1/payments/bank-templates/{id}", Template("版本测试代发", null, "摘要丙")).ExpectProblemAsync(400, "validation_failed");
        Assert.True(missing.GetProperty("errors").TryGetProperty("version", out _), missing.ToString());

        var stored = (await fin.GetJsonAsync("/api/v1/payments/bank-templates")).EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == id);
        Assert.Contains("摘要甲", stored.GetProperty("columns").GetString(), StringComparison.Ordinal);
        Assert.Equal(version + 1, stored.GetProperty("version").GetInt32());

        // the edit form carries the version it was read at
        var page = await (await fin.GetAsync($"/payments/templates?edit={id}")).Content.ReadAsStringAsync();
        Assert.Contains($"name=\"Input.Version\" value=\"{version + 1}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_price_index_put_with_a_stale_version_is_refused()
    {
        app.SkipIfUnavailable();
        var prep = await app.ClientAsync("rongxian.officer");
        const string month = "2026-06-01";
        var created = await prep.PutAsJsonAsync("/api/v1/payments/price-indices", new { month, cpiYoY = 2.1m, foodYoY = 3.0m, source = "统计局月报" });
        Assert.True(created.StatusCode == HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        var version = (await created.JsonAsync()).GetProperty("version").GetInt32();

        var first = await prep.PutAsJsonAsync("/api/v1/payments/price-indices", new { month, cpiYoY = 3.5m, foodYoY = 3.0m, source = "统计局月报（更正）", version });
        Assert.True(first.StatusCode == HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        Assert.Equal(version + 1, (await first.JsonAsync()).GetProperty("version").GetInt32());
        await prep.PutAsJsonAsync("/api/v1/payments/price-indices", new { month, cpiYoY = 9.9m, foodYoY = 9.9m, source = "旧数据", version }).ExpectProblemAsync(409, "concurrency_conflict");
        // an existing month is changed only by someone who says which version was read
        var missing = await prep.PutAsJsonAsync("/api/v1/payments/price-indices", new { month, cpiYoY = 9.9m, foodYoY = 9.9m, source = "旧数据" }).ExpectProblemAsync(400, "validation_failed");
        Assert.True(missing.GetProperty("errors").TryGetProperty("version", out _), missing.ToString());

        var stored = (await prep.GetItemsAsync("/api/v1/payments/price-indices")).Single(i => i.GetProperty("month").GetString() == month);
        Assert.Equal(3.5m, stored.GetProperty("cpiYoY").GetDecimal());
        Assert.Equal(version + 1, stored.GetProperty("version").GetInt32());

        // the page's correction form carries the version of the month it corrects
        var page = await (await prep.GetAsync("/payments/price?edit=2026-06")).Content.ReadAsStringAsync();
        Assert.Contains($"name=\"Index.Version\" value=\"{version + 1}\"", page, StringComparison.Ordinal);
    }
}

public sealed class VersionTokenTestsOnSqlite(SqliteApp app) : VersionTokenTests(app), IClassFixture<SqliteApp>;

public sealed class VersionTokenTestsOnPostgres(PostgresApp app) : VersionTokenTests(app), IClassFixture<PostgresApp>;

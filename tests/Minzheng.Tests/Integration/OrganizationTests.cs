using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Access.Admin;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Tests.Integration;

/// <summary>
/// Organisations in the registry over HTTP, on SQLite and PostgreSQL: register, search (name, pinyin, credit code), change with
/// former names and 409 on a stale version; division scope (another township: 404); an account bound to an organisation sees
/// that organisation only; import with every bad row by line; and a care home paid through payroll, bank file and return file.
/// </summary>
public abstract partial class OrganizationTests(AppFixture app)
{
    static OrganizationTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string Xinnan = "450921100003";   // 容县 容州镇 新南社区
    private const string Rongzhou = "450921100000"; // 容县 容州镇
    private const string Yangmei = "450921102000";  // 容县 杨梅镇

    private static int _sequence;

    /// <summary>A fresh, valid credit code (both check characters computed) for a social service agency in 容县.</summary>
    private static string NextCode() =>
        CreditCode.Compose('5', '2', "450921", "MJ" + (Interlocked.Increment(ref _sequence) + Random.Shared.Next(0, 90000) * 10).ToString("D6", CultureInfo.InvariantCulture));

    private static async Task<JsonElement> CreateAsync(HttpClient client, object body)
    {
        var r = await client.PostAsJsonAsync("/api/v1/organizations", body);
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return await r.JsonAsync();
    }

    [Fact]
    public async Task An_organisation_is_registered_found_by_name_pinyin_and_code_and_changed_with_its_former_name()
    {
        app.SkipIfUnavailable();
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var code = NextCode();
        var created = await CreateAsync(clerk, new
        {
            creditCode = code.ToLowerInvariant(),
            name = "容州镇阳光敬老院",
            kind = "socialServiceAgency",
            legalRepresentativeName = "覃志强",
            divisionCode = Xinnan,
            address = "容州镇新南路8号",
            phone = "07755321234",
            bankName = "广西农村信用社",
            bankAccount = "4501 2345 6789 0123 45",
            registeredOn = "2015-03-02",
        });
        var id = created.GetProperty("id").GetString();
        Assert.Equal(code, created.GetProperty("creditCode").GetString());
        Assert.Equal("社会服务机构", created.GetProperty("kindName").GetString());
        Assert.Equal("4501**********2345", created.GetProperty("bankAccountMasked").GetString());
        Assert.Equal("077****1234", created.GetProperty("phoneMasked").GetString());

        // stored encrypted with a keyed hash, like a person's account
        var stored = await app.WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<AppDbContext>().Organizations.Single(o => o.CreditCode == code)));
        Assert.NotNull(stored.BankAccountHash);
        Assert.DoesNotContain("456789", Encoding.UTF8.GetString(stored.BankAccountCipher!), StringComparison.Ordinal);

        // search by name prefix, pinyin, initials and code
        foreach (var term in new[] { "容州镇阳光", "rongzhouzhenyang", "rzzygjly", code })
        {
            var found = await clerk.GetJsonAsync($"/api/v1/organizations?search={Uri.EscapeDataString(term)}");
            Assert.Contains(found.GetProperty("items").EnumerateArray(), o => o.GetProperty("id").GetString() == id);
        }

        // duplicates and bad codes
        await (await clerk.PostAsJsonAsync("/api/v1/organizations", new { creditCode = code, name = "另一家", kind = "enterprise", divisionCode = Xinnan })).ExpectProblemAsync(409, "organization_exists");
        var bad = code[..17] + (code[17] == '0' ? '1' : '0');
        var invalid = await (await clerk.PostAsJsonAsync("/api/v1/organizations", new { creditCode = bad, name = "错代码", kind = "enterprise", divisionCode = Xinnan })).ExpectProblemAsync(400, "credit_code_invalid");
        Assert.True(invalid.GetProperty("errors").TryGetProperty("creditCode", out _));

        // without a code: a platform number
        var noCode = await CreateAsync(clerk, new { name = "新南社区老年协会", kind = "socialGroup", divisionCode = Xinnan });
        Assert.StartsWith("MZO" + Xinnan, noCode.GetProperty("platformNumber").GetString(), StringComparison.Ordinal);

        // change of name: the former name is kept; a stale version is refused
        var version = created.GetProperty("version").GetInt32();
        var changed = await clerk.PutAsJsonAsync($"/api/v1/organizations/{id}", new
        {
            creditCode = code,
            name = "容县阳光颐养院",
            kind = "socialServiceAgency",
            legalRepresentativeName = "覃志强",
            divisionCode = Xinnan,
            bankName = "广西农村信用社",
            version,
        });
        Assert.True(changed.StatusCode == HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        var after = await changed.JsonAsync();
        Assert.Equal(["容州镇阳光敬老院"], after.GetProperty("formerNames").EnumerateArray().Select(n => n.GetString()).ToArray());
        Assert.Equal(created.GetProperty("bankAccountMasked").GetString(), after.GetProperty("bankAccountMasked").GetString()); // account kept when left out
        await (await clerk.PutAsJsonAsync($"/api/v1/organizations/{id}", new { creditCode = code, name = "又改名", kind = "socialServiceAgency", divisionCode = Xinnan, version }))
            .ExpectProblemAsync(409, "concurrency_conflict");

        // deregistration is history too
        var ended = await clerk.PostAsJsonAsync($"/api/v1/organizations/{id}/end", new { kind = "deregistered", on = "2026-11-30", note = "自行解散", version = after.GetProperty("version").GetInt32() });
        Assert.True(ended.StatusCode == HttpStatusCode.OK, await ended.Content.ReadAsStringAsync());
        var events = (await ended.JsonAsync()).GetProperty("events").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["registered", "changed", "deregistered"], events);

        // the pages render
        var list = await clerk.GetStringAsync("/registry/organizations?search=rxyg");
        Assert.Contains("容县阳光颐养院", list, StringComparison.Ordinal);
        var view = await clerk.GetStringAsync($"/registry/organizations/{id}");
        Assert.Contains("容州镇阳光敬老院", view, StringComparison.Ordinal); // former name
        Assert.Contains("注销登记", view, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync("/registry/organizations/new")).StatusCode);
        var export = await clerk.GetAsync("/registry/organizations/export?search=rxyg");
        await using var stream = await export.Content.ReadAsStreamAsync();
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(rows, r => r["统一社会信用代码"]?.ToString() == code);
    }

    [Fact]
    public async Task Another_township_cannot_see_or_change_the_organisation()
    {
        app.SkipIfUnavailable();
        var rongzhou = await app.ClientAsync("rongzhou.clerk");
        var code = NextCode();
        var created = await CreateAsync(rongzhou, new { creditCode = code, name = "容州镇居家养老服务中心", kind = "socialServiceAgency", divisionCode = Xinnan });
        var id = created.GetProperty("id").GetString();

        var yangmei = await app.ClientAsync("yangmei.clerk");
        await (await yangmei.GetAsync($"/api/v1/organizations/{id}")).ExpectProblemAsync(404, "not_found");
        Assert.Equal(0, (await yangmei.GetJsonAsync($"/api/v1/organizations?search={code}")).GetProperty("total").GetInt32());
        await (await yangmei.PutAsJsonAsync($"/api/v1/organizations/{id}", new { creditCode = code, name = "改名", kind = "enterprise", divisionCode = Xinnan, version = 0 }))
            .ExpectProblemAsync(404, "not_found");
        Assert.Equal(HttpStatusCode.NotFound, (await yangmei.GetAsync($"/registry/organizations/{id}")).StatusCode);
        // nor register one in 容州镇
        await (await yangmei.PostAsJsonAsync("/api/v1/organizations", new { name = "越界登记", kind = "other", divisionCode = Xinnan })).ExpectProblemAsync(400, "validation_failed");

        var county = await app.ClientAsync("rongxian.officer");
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync($"/api/v1/organizations/{id}")).StatusCode);
    }

    [Fact]
    public async Task An_account_bound_to_an_organisation_sees_that_organisation_only()
    {
        app.SkipIfUnavailable();
        var admin = await app.ClientAsync("admin");
        var home = await CreateAsync(admin, new { creditCode = NextCode(), name = "杨梅镇敬老院", kind = "publicInstitution", divisionCode = Yangmei });
        var other = await CreateAsync(admin, new { creditCode = NextCode(), name = "杨梅镇社工站", kind = "socialServiceAgency", divisionCode = Yangmei });
        var homeId = home.GetProperty("id").GetGuid();
        var userName = "jly" + Random.Shared.Next(10000, 99999).ToString(CultureInfo.InvariantCulture);
        await app.WithServicesAsync(async sp =>
        {
            var user = await sp.GetRequiredService<UserAdministration>().CreateAsync(new UserInput
            {
                UserName = userName,
                DisplayName = "敬老院院长",
                DivisionCode = Yangmei,
                OrganizationId = homeId,
                Roles = [Roles.TownshipClerk],
                Password = Web.Platform.Demo.DemoAccounts.Password,
            });
            user.MustChangePassword = false;
            await sp.GetRequiredService<UserManager<AppUser>>().UpdateAsync(user);
            return 0;
        });
        var bound = await app.ClientAsync(userName);

        // its own organisation, and nothing else: not the other organisation of the same township, not a single person
        Assert.Equal("杨梅镇敬老院", (await bound.GetJsonAsync($"/api/v1/organizations/{homeId}")).GetProperty("name").GetString());
        var list = await bound.GetJsonAsync("/api/v1/organizations?pageSize=200");
        Assert.Equal([homeId.ToString()], list.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetString()).ToArray());
        await (await bound.GetAsync($"/api/v1/organizations/{other.GetProperty("id").GetString()}")).ExpectProblemAsync(404, "not_found");
        Assert.Equal(0, (await bound.GetJsonAsync("/api/v1/persons?pageSize=5")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await bound.GetJsonAsync("/api/v1/households?pageSize=5")).GetProperty("total").GetInt32());
        // nor write a division's record
        await (await bound.PostAsJsonAsync("/api/v1/persons", new { idNumber = TestIds.Next(), name = "越权", divisionCode = "450921102203" })).ExpectProblemAsync(400, "validation_failed");

        // a township clerk of the same township still sees both
        var clerk = await app.ClientAsync("yangmei.clerk");
        Assert.True((await clerk.GetJsonAsync("/api/v1/organizations?search=杨梅镇")).GetProperty("total").GetInt32() >= 2);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static async Task PostFormAsync(HttpClient client, string url, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = TokenPattern().Match(await client.GetStringAsync(url)).Groups[1].Value;
        var response = await client.PostAsync($"{url}?handler={handler}", new FormUrlEncodedContent(fields));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement> WaitImportAsync(HttpClient client, string batchUrl)
    {
        for (var i = 0; i < 300; i++)
        {
            var status = await client.GetJsonAsync(batchUrl + "/status");
            if (status.GetProperty("done").GetBoolean()) return status;
            await Task.Delay(100);
        }
        throw new TimeoutException("import did not finish");
    }

    [Fact]
    public async Task An_import_reports_every_bad_row_by_line_and_imports_nothing_half_way()
    {
        app.SkipIfUnavailable();
        string good1 = NextCode(), good2 = NextCode(), dup = NextCode(), registered = NextCode();
        var clerk = await app.ClientAsync("rongzhou.clerk");
        await CreateAsync(clerk, new { creditCode = registered, name = "已登记的协会", kind = "socialGroup", divisionCode = Xinnan });
        var bad = good1[..17] + (good1[17] == '0' ? '1' : '0');
        var csv = $"""
            统一社会信用代码,组织名称,组织类别,法定代表人,区划代码,开户银行,银行账号
            {good1},新南社区老年大学,社会服务机构,李明,{Xinnan},广西农村信用社,450100000000001
            {good2},容州镇慈善会,社会团体,黄丽,{Rongzhou},,
            {bad},代码错误的机构,企业,,{Xinnan},,
            {dup},甲机构,企业,,{Xinnan},,
            {dup},乙机构,企业,,{Xinnan},,
            {NextCode()},无此地区,企业,,450921999999,,
            {registered},已登记的协会,社会团体,,{Xinnan},,
            ,无代码的村委会,村(居)民委员会,,{Xinnan},,
            {NextCode()},类别不明,合伙作坊,,{Xinnan},,
            """;

        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync("rongzhou.clerk"));
        var token = TokenPattern().Match(await client.GetStringAsync("/registry/organizations/import")).Groups[1].Value;
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "upload", "orgs.csv");
        var uploaded = await client.PostAsync("/registry/organizations/import", form);
        Assert.True(uploaded.StatusCode == HttpStatusCode.Redirect, await uploaded.Content.ReadAsStringAsync());
        var url = uploaded.Headers.Location!.OriginalString;

        await PostFormAsync(client, url, "Map", new Dictionary<string, string>
        {
            ["mapping[creditCode]"] = "统一社会信用代码",
            ["mapping[name]"] = "组织名称",
            ["mapping[kind]"] = "组织类别",
            ["mapping[legalRepresentative]"] = "法定代表人",
            ["mapping[divisionCode]"] = "区划代码",
            ["mapping[bankName]"] = "开户银行",
            ["mapping[bankAccount]"] = "银行账号",
        });
        Assert.Equal("Validated", (await WaitImportAsync(client, url)).GetProperty("status").GetString());

        var report = await client.GetAsync(url + "/errors.xlsx");
        await using (var stream = await report.Content.ReadAsStreamAsync())
        {
            var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
            string Problem(int line) => string.Join("；", rows.Where(r => r["行号"].ToString() == line.ToString(CultureInfo.InvariantCulture)).Select(r => r["问题"].ToString()));
            Assert.Equal([4, 6, 7, 8, 10], rows.Select(r => Convert.ToInt32(r["行号"], CultureInfo.InvariantCulture)).Distinct().Order());
            Assert.Contains("校验位", Problem(4), StringComparison.Ordinal);
            Assert.Contains("第 5 行", Problem(6), StringComparison.Ordinal);
            Assert.Contains("登记所在地", Problem(7), StringComparison.Ordinal);
            Assert.Contains("已在平台登记", Problem(8), StringComparison.Ordinal);
            Assert.Contains("合伙作坊", Problem(10), StringComparison.Ordinal);
        }

        // nothing is written while errors remain
        var refused = await client.PostAsync($"{url}?handler=Commit", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = TokenPattern().Match(await client.GetStringAsync(url)).Groups[1].Value }));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(0, (await clerk.GetJsonAsync($"/api/v1/organizations?search={good1}")).GetProperty("total").GetInt32());

        // explicitly only the good rows
        await PostFormAsync(client, url, "Commit", new Dictionary<string, string> { ["onlyValid"] = "true" });
        Assert.Equal("Committed", (await WaitImportAsync(client, url)).GetProperty("status").GetString());
        Assert.Equal(1, (await clerk.GetJsonAsync($"/api/v1/organizations?search={good1}")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await clerk.GetJsonAsync($"/api/v1/organizations?search={good2}")).GetProperty("total").GetInt32());
        // the first of two rows with the same code is imported, the second reported
        Assert.Equal("甲机构", (await clerk.GetJsonAsync($"/api/v1/organizations?search={dup}")).GetProperty("items")[0].GetProperty("name").GetString());
        Assert.Equal(0, (await clerk.GetJsonAsync($"/api/v1/organizations?search={Uri.EscapeDataString("类别不明")}")).GetProperty("total").GetInt32());
        var village = await clerk.GetJsonAsync($"/api/v1/organizations?search={Uri.EscapeDataString("无代码的村委会")}");
        Assert.Equal("村（居）民委员会", village.GetProperty("items")[0].GetProperty("kindName").GetString());
        Assert.StartsWith("MZO", village.GetProperty("items")[0].GetProperty("number").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_care_home_receives_a_payroll_line_and_appears_in_the_bank_file_with_its_account()
    {
        app.SkipIfUnavailable();
        const string county = "450924000000"; // 兴业县
        const string village = "450924100001";
        var month = await app.WithServicesAsync(sp => Task.FromResult(Entitlements.MonthOf(sp.GetRequiredService<BusinessClock>().Today)));
        await app.WithServicesAsync(async sp =>
        {
            var admin = sp.GetRequiredService<UserAdministration>();
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            foreach (var (name, role) in new[] { ("xingye.prep", Roles.CountyOfficer), ("xingye.fin", Roles.Finance) })
            {
                var user = await admin.CreateAsync(new UserInput { UserName = name, DisplayName = name, DivisionCode = county, Roles = [role], Password = Web.Platform.Demo.DemoAccounts.Password });
                user.MustChangePassword = false;
                await users.UpdateAsync(user);
            }
            return 0;
        });
        var prep = await app.ClientAsync("xingye.prep");
        var fin = await app.ClientAsync("xingye.fin");
        var code = CreditCode.Compose('1', '2', "450924", "MB" + Random.Shared.Next(100000, 999999).ToString(CultureInfo.InvariantCulture));
        var home = await CreateAsync(prep, new
        {
            creditCode = code,
            name = "兴业县城关敬老院",
            kind = "publicInstitution",
            divisionCode = village,
            bankName = "中国农业银行兴业支行",
            bankAccount = "20650101040012345",
        });
        var homeId = home.GetProperty("id").GetGuid();

        // 特困人员集中供养: the support is paid to the institution, published the way a module publishes it
        var source = Guid.CreateVersion7();
        await app.WithServicesAsync(async sp =>
        {
            var explanation = JsonSerializer.Serialize(new[] { new AmountLine("集中供养 12 人 × 1,150.00", 13800m, "测试标准") });
            await sp.GetRequiredService<Entitlements>().SetAsync(Entitlements.Payee.ForOrganization("extreme-poverty", source, "JZGY-XY-001", homeId, village, 12),
                month.AddMonths(-1), Money.FromYuan(13800m), explanation, "测试");
            return await sp.GetRequiredService<AppDbContext>().SaveChangesAsync();
        });

        var created = await prep.PostAsJsonAsync("/api/v1/payments/payrolls", new { divisionCode = county, program = "extreme-poverty", month, kind = "regular" });
        Assert.True(created.StatusCode == HttpStatusCode.Accepted, await created.Content.ReadAsStringAsync());
        var id = (await created.JsonAsync()).GetProperty("id").GetString();
        JsonElement payroll = default;
        for (var i = 0; i < 600; i++)
        {
            payroll = await prep.GetJsonAsync($"/api/v1/payments/payrolls/{id}");
            if (payroll.GetProperty("status").GetString() == "generated") break;
            await Task.Delay(100);
        }
        Assert.Equal("generated", payroll.GetProperty("status").GetString());

        var lines = (await prep.GetJsonAsync($"/api/v1/payments/payrolls/{id}/lines?pageSize=200")).GetProperty("items").EnumerateArray().ToList();
        var line = Assert.Single(lines);
        Assert.Equal(homeId, line.GetProperty("payeeOrganizationId").GetGuid());
        Assert.Equal(JsonValueKind.Null, line.GetProperty("payeePersonId").ValueKind);
        Assert.Equal("兴业县城关敬老院", line.GetProperty("payeeName").GetString());
        Assert.Equal(13800m, line.GetProperty("amount").GetDecimal());
        Assert.Equal("pending", line.GetProperty("status").GetString());
        Assert.Matches(@"^2065\*+2345$", line.GetProperty("bankAccount").GetString()!);

        async Task<JsonElement> Act(string action)
        {
            var r = await (action == "approve" ? fin : prep).PostAsJsonAsync($"/api/v1/payments/payrolls/{id}/{action}", new { version = payroll.GetProperty("version").GetInt32(), opinion = "同意" });
            Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, $"{action}: {await r.Content.ReadAsStringAsync()}");
            return await r.JsonAsync();
        }
        payroll = await Act("review");
        payroll = await Act("approve");

        var export = await fin.PostAsync($"/api/v1/payments/payrolls/{id}/export", null);
        Assert.True(export.StatusCode == HttpStatusCode.OK, await export.Content.ReadAsStringAsync());
        var text = Encoding.GetEncoding("GB18030").GetString(await export.Content.ReadAsByteArrayAsync());
        var fileLines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r').Split(',')).ToList();
        var row = fileLines[0].Zip(Assert.Single(fileLines.Skip(1))).ToDictionary(x => x.First, x => x.Second);
        Assert.Equal("兴业县城关敬老院", row["户名"]);
        Assert.Equal("20650101040012345", row["账号"]);
        Assert.Equal("13800.00", row["金额"]);

        var csv = new StringBuilder("业务编号,处理结果,失败原因\n").Append(CultureInfo.InvariantCulture, $"{row["业务编号"]},成功,\n");
        var returned = await fin.PostAsync($"/api/v1/payments/payrolls/{id}/bank-return?fileName=return.csv", new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString())));
        Assert.True(returned.StatusCode == HttpStatusCode.OK, await returned.Content.ReadAsStringAsync());
        var result = await returned.JsonAsync();
        Assert.Equal(1, result.GetProperty("paid").GetInt32());
        Assert.True(result.GetProperty("reconciled").GetBoolean());
        var paid = (await prep.GetJsonAsync($"/api/v1/payments/payrolls/{id}/lines?status=paid")).GetProperty("items");
        Assert.Equal(homeId, Assert.Single(paid.EnumerateArray()).GetProperty("payeeOrganizationId").GetGuid());

        // the one-organisation view shows the payments module's panel
        var view = await prep.GetStringAsync($"/registry/organizations/{homeId}");
        Assert.Contains("13,800.00", view, StringComparison.Ordinal);
        Assert.Contains("特困人员供养金", view, StringComparison.Ordinal);

        // the payee is exactly one of person or organisation
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithServicesAsync(async sp =>
        {
            await sp.GetRequiredService<Entitlements>().SetAsync(new Entitlements.Payee("extreme-poverty", Guid.CreateVersion7(), "X", null, null, village, 1), month, Money.FromYuan(1), "[]", "测试");
            return 0;
        }));
    }
}

public sealed class OrganizationTestsOnSqlite(SqliteApp app) : OrganizationTests(app), IClassFixture<SqliteApp>;

public sealed class OrganizationTestsOnPostgres(PostgresApp app) : OrganizationTests(app), IClassFixture<PostgresApp>;

using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Minzheng.Tests.Browser;
using Minzheng.Tests.Infrastructure;
using Minzheng.Tests.Payments;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Printing;

namespace Minzheng.Tests.Printing;

/// <summary>
/// Issue 12, item 13: statements and notices print with the issuing unit, the 制表 / 审核 / 负责人 lines (制表 = the printing user)
/// and room for the 公章 — one footer (Platform/Printing/_PrintFooter.cshtml) on every print page. (The 停发通知书 is checked in
/// BenefitActionsTests.)
/// </summary>
public abstract class PrintFooterTests(AppFixture app)
{
    private static void AssertFooter(string html, string unit, string? preparedBy)
    {
        Assert.Contains("data-print-footer", html, StringComparison.Ordinal);
        Assert.Contains($"<strong data-issuing-unit>{unit}</strong>", html, StringComparison.Ordinal);
        Assert.Contains("seal-box", html, StringComparison.Ordinal);
        Assert.Contains(preparedBy is null ? "制表：<span class=\"sign\"></span>" : $"制表：<span class=\"sign\">{preparedBy}</span>", html, StringComparison.Ordinal);
        Assert.Contains("审核：", html, StringComparison.Ordinal);
        Assert.Contains("负责人：", html, StringComparison.Ordinal);
    }

    private static async Task<string> PageAsync(HttpClient client, string url)
    {
        var r = await client.GetAsync(url);
        var html = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"GET {url} → {(int)r.StatusCode}");
        return html;
    }

    /// <summary>The issuing unit as the division's government or civil-affairs bureau, at the level that issues the document.</summary>
    [Theory]
    [InlineData("450921100003", null, "容州镇人民政府")] // a village's document is its township's
    [InlineData("450921100000", null, "容州镇人民政府")]
    [InlineData("450902001000", null, "玉城街道办事处")]
    [InlineData("450921100003", DivisionLevel.County, "容县民政局")] // a county decision on a village's benefit
    [InlineData("450921000000", null, "容县民政局")]
    [InlineData("450900000000", null, "玉林市民政局")]
    [InlineData("450900000000", DivisionLevel.County, "玉林市民政局")] // a city reader's statement: the city bureau
    public async Task The_issuing_unit_follows_the_division(string code, DivisionLevel? level, string unit)
    {
        app.SkipIfUnavailable();
        Assert.Equal(unit, await app.WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<PrintFooters>().IssuingUnit(code, level))));
    }

    [Fact]
    public async Task County_statements_print_with_the_county_bureau_and_the_printing_user()
    {
        app.SkipIfUnavailable();
        var finance = await app.ClientAsync("rongxian.finance");
        AssertFooter(await PageAsync(finance, "/payments/statements"), "容县民政局", "容县民政局财务");
        var v = await PayrollSteps.VillagesAsync(app, "450921000000", 1);
        var household = await PayrollSteps.HouseholdAsync(app, v[0], "蒙对账");
        AssertFooter(await PageAsync(finance, $"/payments/households/{household.HouseholdId}"), "容县民政局", "容县民政局财务");
    }

    [Fact]
    public async Task Township_prints_carry_the_township_government()
    {
        app.SkipIfUnavailable();
        var clerk = await app.ClientAsync("rongzhou.clerk");
        AssertFooter(await PageAsync(clerk, "/assistance/ledger"), "容州镇人民政府", "容州镇经办员");
        // the public notice posted in the village: the township issues it, the line for 制表 is left to be signed
        using var anonymous = app.CreateClient();
        AssertFooter(await PageAsync(anonymous, "/public/notice/450921100003"), "容州镇人民政府", null);
    }
}

public sealed class PrintFooterTestsOnSqlite(SqliteApp app) : PrintFooterTests(app), IClassFixture<SqliteApp>;

public sealed class PrintFooterTestsOnPostgres(PostgresApp app) : PrintFooterTests(app), IClassFixture<PostgresApp>;

/// <summary>On paper: the footer prints (unit, lines, seal box) while the page's buttons and filters do not.</summary>
public sealed class PrintFooterBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_monthly_statement_prints_its_footer_and_hides_its_controls()
    {
        app.SkipIfUnavailable();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserApp.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = app.BaseAddress.ToString(), Locale = "zh-CN" });
        page.SetDefaultTimeout(90_000);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#UserName", "rongxian.finance");
        await page.FillAsync("#Password", Web.Platform.Demo.DemoAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await page.GotoAsync("/payments/statements");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.True(await page.IsVisibleAsync("[data-print-footer]"));
        Assert.Equal("容县民政局", await page.InnerTextAsync("[data-issuing-unit]"));
        Assert.True(await page.IsVisibleAsync(".seal-box"));
        var box = await page.Locator(".seal-box").BoundingBoxAsync();
        Assert.True(box is { Width: > 100, Height: > 100 }, "room for the 公章");
        var signs = await page.InnerTextAsync(".print-footer-signs");
        foreach (var line in new[] { "制表：容县民政局财务", "审核：", "负责人：" }) Assert.Contains(line, signs, StringComparison.Ordinal);
        Assert.False(await page.IsVisibleAsync("form.filters"), "the month picker and buttons do not print");
    }
}

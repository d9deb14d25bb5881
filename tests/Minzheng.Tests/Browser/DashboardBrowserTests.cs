using Microsoft.Playwright;
using Minzheng.Tests.Infrastructure;

namespace Minzheng.Tests.Browser;

/// <summary>
/// Issue 13 item 10 in the browser: /elderly renders its sections and server-drawn charts for the city (with the comparison by
/// county) and for a township clerk (without one), with no script error and no error page; the period form changes the month.
/// </summary>
public sealed class DashboardBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData("city.officer", true)]
    [InlineData("rongzhou.clerk", false)]
    public async Task The_elderly_dashboard_renders_its_charts(string user, bool compared)
    {
        app.SkipIfUnavailable();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserApp.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString(), Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(90_000);
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await page.GotoAsync("/account/login");
        await page.FillAsync("#UserName", user);
        await page.FillAsync("#Password", Web.Platform.Demo.DemoAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(u => !u.Contains("/account/login", StringComparison.Ordinal));

        var response = await page.GotoAsync("/elderly");
        Assert.Equal(200, response!.Status);
        Assert.Equal("养老服务", await page.InnerTextAsync("h1"));
        foreach (var section in new[] { "#capacity", "#oversight", "#spending", "#assessments" }) Assert.True(await page.Locator(section).IsVisibleAsync(), section);
        // the charts: kinds, stars, inspections, the level of ability (and the contracts where the user sees any)
        Assert.True(await page.Locator(".hbar-chart").CountAsync() >= 4);
        Assert.True(await page.Locator("#capacity .hbar-row").CountAsync() >= 3);
        Assert.Equal(compared, await page.Locator("#areas").CountAsync() > 0);
        if (compared) Assert.Contains("容县", await page.InnerTextAsync("#areas"), StringComparison.Ordinal);
        // the demo's 容县福寿养老院 is in both scopes
        Assert.NotEqual("0", (await page.InnerTextAsync("#capacity [data-figure=homes] .n")).Trim());
        // the nav block of the module's businesses is kept
        Assert.True(await page.Locator("nav.actions a[href='/elderly/home-care']").IsVisibleAsync());

        // another period: the form keeps the choice and the page says which
        await page.SelectOptionAsync("#month", "10");
        await page.ClickAsync("form[aria-label='统计期'] button[type=submit]");
        await page.WaitForURLAsync(u => u.Contains("month=10", StringComparison.Ordinal));
        Assert.Contains("2026 年 10 月", await page.InnerTextAsync("form[aria-label='统计期']"), StringComparison.Ordinal);
        Assert.Equal("10", await page.InputValueAsync("#month"));
        Assert.Empty(errors);
    }
}

using Microsoft.Playwright;
using Minzheng.Tests.ElderlyCare;
using Minzheng.Tests.Infrastructure;

namespace Minzheng.Tests.Browser;

/// <summary>
/// Issue 13 item 4 on the page: the 容州镇 clerk runs the month's 高龄津贴 list, refuses one candidate — first with an empty
/// opinion (browser validation off: the error shows beside that row's field, nothing changes) — and confirms another.
/// </summary>
public sealed class AgeAllowanceBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_township_clerk_confirms_one_candidate_and_refuses_another_after_an_empty_opinion()
    {
        app.SkipIfUnavailable();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        await HomeCareScenario.PersonAsync(app, today.AddMonths(-4).AddYears(-82), "韦确认");
        await HomeCareScenario.PersonAsync(app, today.AddMonths(-4).AddYears(-83), "韦不予");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserApp.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(90_000); // the whole suite runs in parallel on two cores: a slow page is not a failure
        var consoleErrors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") consoleErrors.Add(m.Text + " @ " + m.Location); };

        await page.GotoAsync("/account/login");
        await page.FillAsync("#UserName", "rongzhou.clerk");
        await page.FillAsync("#Password", Web.Platform.Demo.DemoAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));

        await page.GotoAsync("/elderly/allowance");
        await page.ClickAsync("form:has(#month) button[type=submit]");
        await page.WaitForURLAsync("**/elderly/allowance");
        Assert.Contains("已生成名单", await page.InnerTextAsync("main"), StringComparison.Ordinal);

        var refuse = page.Locator("tr").Filter(new() { HasText = "韦不予" });
        await page.EvaluateAsync("() => document.querySelectorAll('form').forEach(f => f.noValidate = true)");
        await refuse.Locator("button", new() { HasText = "不予享受" }).ClickAsync();
        var error = page.Locator("tr").Filter(new() { HasText = "韦不予" }).Locator(".field-error");
        await Assertions.Expect(error).ToContainTextAsync("必须填写意见");
        Assert.Contains("待确认", await page.Locator("tr").Filter(new() { HasText = "韦不予" }).InnerTextAsync(), StringComparison.Ordinal);

        var row = page.Locator("tr").Filter(new() { HasText = "韦不予" });
        await row.Locator("input[name=opinion]").FillAsync("已享受同类津贴（外县户籍）");
        await row.Locator("button", new() { HasText = "不予享受" }).ClickAsync();
        await page.WaitForURLAsync("**/elderly/allowance");
        Assert.Contains("韦不予", await page.InnerTextAsync("[role=status]"), StringComparison.Ordinal);
        var refusedRow = await page.Locator("tr").Filter(new() { HasText = "韦不予" }).InnerTextAsync();
        Assert.True(refusedRow.Contains("不予享受", StringComparison.Ordinal) && refusedRow.Contains("：已享受同类津贴（外县户籍）", StringComparison.Ordinal), refusedRow);

        await page.Locator("tr").Filter(new() { HasText = "韦确认" }).Locator("button", new() { HasText = "确认" }).First.ClickAsync();
        await page.WaitForURLAsync("**/elderly/allowance");
        Assert.Contains("已确认 韦确认", await page.InnerTextAsync("[role=status]"), StringComparison.Ordinal);
        Assert.Contains("享受中", await page.Locator("tr").Filter(new() { HasText = "韦确认" }).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(consoleErrors);
    }
}

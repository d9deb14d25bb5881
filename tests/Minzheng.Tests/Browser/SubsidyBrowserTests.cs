using Microsoft.Playwright;

namespace Minzheng.Tests.Browser;

/// <summary>
/// Issue 13 item 3 as pages (desktop): the demo home's account (fushou.home) sees what the server will count and applies for a month's
/// operating subsidy; the county (rongxian.officer) finds it in the queue, sees the recomputed explanation, reviews, is stopped beside
/// the opinion when refusing without one, sees a stale approval as a message, and approves.
/// </summary>
public sealed class SubsidyBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static async Task<IPage> SignInAsync(IBrowser browser, BrowserApp app, string userName)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(90_000); // the whole suite runs in parallel on two cores: a slow page is not a failure
        await page.GotoAsync("/account/login");
        await page.FillAsync("#UserName", userName);
        await page.FillAsync("#Password", Web.Platform.Demo.DemoAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        return page;
    }

    [Fact]
    public async Task A_home_applies_and_the_county_reviews_and_approves_on_the_pages()
    {
        app.SkipIfUnavailable();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserApp.LaunchAsync(playwright);

        // the home: a construction subsidy without beds is refused beside the field (browser validation off)
        var home = await SignInAsync(browser, app, "fushou.home");
        await home.GotoAsync("/elderly/subsidies/apply");
        await home.EvaluateAsync("() => document.querySelectorAll('form').forEach(f => f.noValidate = true)");
        await home.CheckAsync("input[name='Input.Kind'][value='Construction']");
        await home.GetByRole(AriaRole.Button, new() { Name = "提交申请", Exact = true }).ClickAsync();
        await Assertions.Expect(home.Locator(".field-error").Filter(new() { HasText = "请填写新增床位数" })).ToBeVisibleAsync();

        // September's operating subsidy: the preview names the residents, their levels and the figures' documents before submitting
        await home.CheckAsync("input[name='Input.Kind'][value='Operating']");
        await home.FillAsync("#Month", "2026-09");
        await home.GetByRole(AriaRole.Button, new() { Name = "核算", Exact = true }).ClickAsync();
        var preview = home.Locator("#preview");
        await Assertions.Expect(preview).ToContainTextAsync("能力等级");
        await Assertions.Expect(preview).ToContainTextAsync("演示数据");
        await Assertions.Expect(preview).ToContainTextAsync("四舍五入");
        await home.GetByRole(AriaRole.Button, new() { Name = "提交申请", Exact = true }).ClickAsync();
        await home.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/elderly/subsidies/[0-9a-f-]{36}$"));
        await Assertions.Expect(home.Locator(".alert.ok")).ToContainTextAsync("待县级民政部门审核");
        var url = new Uri(home.Url).AbsolutePath;
        Assert.Equal(0, await home.Locator("#decide").CountAsync()); // the home cannot decide its own application

        // the county: the queue, the recomputed explanation, review
        var county = await SignInAsync(browser, app, "rongxian.officer");
        await county.GotoAsync("/elderly/subsidies?status=Submitted&kind=Operating");
        await county.Locator($"a[href='{url}']").ClickAsync();
        await county.WaitForURLAsync("**" + url);
        await Assertions.Expect(county.Locator("#explanation")).ToContainTextAsync("按今天的情况重新核算");
        await Assertions.Expect(county.Locator("#explanation")).ToContainTextAsync("能力等级");
        await county.GetByRole(AriaRole.Button, new() { Name = "县级审核", Exact = true }).ClickAsync();
        await Assertions.Expect(county.Locator(".alert.ok")).ToContainTextAsync("待县级审批");

        // refusing without an opinion: the error is beside the opinion, nothing changes
        await county.GetByRole(AriaRole.Button, new() { Name = "县级审批不同意", Exact = true }).ClickAsync();
        await Assertions.Expect(county.Locator(".field-error").Filter(new() { HasText = "必须填写意见" })).ToBeVisibleAsync();

        // a second tab still showing the reviewed version: its action after the approval is a stale-version message
        var stale = await county.Context.NewPageAsync();
        await stale.GotoAsync(url);
        await county.GotoAsync(url);
        await county.GetByRole(AriaRole.Button, new() { Name = "县级审批", Exact = true }).ClickAsync();
        await Assertions.Expect(county.Locator(".alert.ok")).ToContainTextAsync("已批准");
        await stale.FillAsync("#Opinion", "材料不全");
        await stale.GetByRole(AriaRole.Button, new() { Name = "县级审批不同意", Exact = true }).ClickAsync();
        await Assertions.Expect(stale.Locator("[role=alert]")).ToContainTextAsync("已被他人修改");

        // the home sees the approval and where it is paid
        await home.GotoAsync(url);
        await Assertions.Expect(home.Locator("h1")).ToContainTextAsync("已批准");
        await Assertions.Expect(home.Locator("main")).ToContainTextAsync("付至机构账户");
    }
}

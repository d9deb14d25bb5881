using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Minzheng.Web.Modules.SocialOrganizations.Credit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Tests.Browser;

/// <summary>Issue 14 item 4: on a phone (390×844), without signing in, someone types a demo organisation's credit code, finds it and opens it.</summary>
public sealed class PublicCreditBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Anyone_finds_an_organisation_by_credit_code_on_a_phone()
    {
        app.SkipIfUnavailable();
        var code = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<Organization>().IgnoreQueryFilters()
            .Where(o => o.Name == CreditInitializer.CeramicsName).Select(o => o.CreditCode!).SingleAsync());

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserApp.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(90_000); // the whole suite runs in parallel on two cores: a slow page is not a failure
        var consoleErrors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") consoleErrors.Add(m.Text + " @ " + m.Location); };

        await page.GotoAsync("/public/social-organizations");
        Assert.DoesNotContain("/account/login", page.Url, StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390);

        // a bad query with browser validation off is shown beside the box
        await page.EvaluateAsync("() => document.querySelectorAll('form').forEach(f => f.noValidate = true)");
        await page.FillAsync("#q", "x");
        await page.ClickAsync("#search");
        await Assertions.Expect(page.Locator(".field-error").Filter(new() { HasText = "名称至少输入 2 个字" })).ToBeVisibleAsync();

        await page.FillAsync("#q", code);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#result-count")).ToContainTextAsync("共找到 1 个社会组织");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390);
        await page.ClickAsync($"#results >> text={CreditInitializer.CeramicsName}");
        await page.WaitForURLAsync($"**/public/social-organizations/{code}");
        await Assertions.Expect(page.Locator("#org-status")).ToHaveTextAsync("存续");
        await Assertions.Expect(page.Locator("#org-list")).ToContainTextAsync("活动异常名录");
        Assert.Contains("2026-07-15", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390);
        Assert.Empty(consoleErrors);
    }
}

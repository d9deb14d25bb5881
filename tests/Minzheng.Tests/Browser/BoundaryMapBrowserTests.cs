using Microsoft.Playwright;
using Minzheng.Tests.Infrastructure;

namespace Minzheng.Tests.Browser;

/// <summary>
/// Issue 17 items 5 and 6 in the browser: the map (vendored Leaflet, no tile service configured: the vector view) shows the
/// demo markers of the county's lines and not another county's, clicking one opens its record, and there a clerk with
/// browser validation off is refused beside the field, keeps what was typed, and records the finding with its task.
/// </summary>
public sealed class BoundaryMapBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_map_shows_the_demo_markers_opens_one_and_a_clerk_records_a_finding()
    {
        app.SkipIfUnavailable();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserApp.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = app.BaseAddress.ToString(), Locale = "zh-CN" });
        page.SetDefaultTimeout(90_000);
        var consoleErrors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") consoleErrors.Add(m.Text + " @ " + m.Location); };
        await page.GotoAsync("/account/login");
        await page.FillAsync("#UserName", "rongxian.officer");
        await page.FillAsync("#Password", Web.Platform.Demo.DemoAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(u => !u.Contains("/account/login", StringComparison.Ordinal));

        await page.GotoAsync("/geography/map");
        await page.WaitForSelectorAsync("#map[data-loaded=true]");
        Assert.Contains("vector", await page.GetAttributeAsync("#map", "class") ?? "", StringComparison.Ordinal);
        Assert.Equal(5, await page.Locator("#map path.boundary-marker").CountAsync()); // 粤桂 101–103, 容北 01–02; not 玉贵 01
        Assert.True(await page.Locator("#map path.boundary-line").CountAsync() >= 2);
        var list = await page.InnerTextAsync("#map-markers");
        Assert.Contains("粤桂 101", list, StringComparison.Ordinal);
        Assert.DoesNotContain("玉贵 01", list, StringComparison.Ordinal);

        await page.ClickAsync("#map path.boundary-marker[data-number='容北 01']");
        await page.WaitForURLAsync("**/geography/boundaries/markers/*");
        Assert.Contains("容北 01", await page.InnerTextAsync("h1"), StringComparison.Ordinal);

        // browser validation off: no date and a damaged marker without its task, refused beside the fields, what was typed kept
        await page.EvalOnSelectorAsync("#finding-form", "f => f.noValidate = true");
        await page.FillAsync("#FoundOn", "");
        await page.SelectOptionAsync("#Condition", "Damaged");
        await page.FillAsync("#Description", "界桩倾斜，碑面破损");
        await page.ClickAsync("#finding-form button[type=submit]");
        await page.WaitForSelectorAsync(".field-error:has-text('请填写检查日期')");
        Assert.Contains("须填写维护任务", await page.InnerTextAsync("#finding-form"), StringComparison.Ordinal);
        Assert.Equal("界桩倾斜，碑面破损", await page.InputValueAsync("#Description"));

        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().AddHours(8).DateTime);
        await page.FillAsync("#FoundOn", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("#Task", "重新埋设");
        await page.FillAsync("#Deadline", today.AddMonths(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync("#finding-form button[type=submit]");
        await page.WaitForSelectorAsync("text=已记录检查发现");
        Assert.Equal("损坏", await page.InnerTextAsync("#marker-condition"));
        Assert.Contains("重新埋设", await page.InnerTextAsync("#findings"), StringComparison.Ordinal);
        Assert.Empty(consoleErrors); // no CSP violations or script errors
    }
}

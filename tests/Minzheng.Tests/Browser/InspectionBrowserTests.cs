using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Minzheng.Tests.Infrastructure;

namespace Minzheng.Tests.Browser;

/// <summary>
/// Issue 13 item 6 in the browser: a drawn inspector opens the inspection, is refused an empty record beside the fields (browser
/// validation off), records the checklist with one 不符合 and its rectification, publishes it, and an anonymous visitor
/// finds the result and the requirement on /public/elderly/inspections.
/// </summary>
public sealed class InspectionBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task An_inspector_records_an_inspection_with_a_rectification_and_the_public_page_shows_the_published_result()
    {
        app.SkipIfUnavailable();
        var officer = await app.ClientAsync("rongxian.officer");
        // the demo lists: 容县民政局干部 is bound to rongxian.officer; 王食安 must stay away from 福寿养老院, so of three
        // inspectors exactly 容县民政局干部 and 李消防 are drawn for it whatever the seed
        var matter = (await officer.GetItemsAsync("/api/v1/elderly/inspections/matters")).First();
        var draw = await (await officer.PostAsJsonAsync("/api/v1/elderly/inspections/draws", new { matterId = matter.GetProperty("id").GetGuid(), ratioPercent = 100, inspectorsPerHome = 2 })
            .EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        var inspection = (await officer.GetItemsAsync("/api/v1/elderly/inspections?state=drawn"))
            .Single(i => i.GetProperty("drawId").GetGuid() == draw.GetProperty("id").GetGuid() && i.GetProperty("homeName").GetString()!.StartsWith("容县福寿养老院", StringComparison.Ordinal));
        Assert.Contains("容县民政局干部", inspection.GetProperty("inspectors").GetString(), StringComparison.Ordinal);
        var url = $"/elderly/inspections/{inspection.GetProperty("id").GetGuid()}";

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserApp.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString(), Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(90_000);
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#UserName", "rongxian.officer");
        await page.FillAsync("#Password", Web.Platform.Demo.DemoAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(u => !u.Contains("/account/login", StringComparison.Ordinal));

        await page.GotoAsync("/elderly/inspections");
        Assert.Contains("容县福寿养老院", await page.Locator("#inspections").InnerTextAsync(), StringComparison.Ordinal);
        await page.GotoAsync(url);

        // an empty record with browser validation off: refused beside the items, nothing saved
        await page.EvalOnSelectorAsync("#record-form", "f => f.noValidate = true");
        await page.FillAsync("#InspectedOn", "");
        await page.ClickAsync("#save-record");
        await page.WaitForSelectorAsync(".alert[role=alert]");
        Assert.Contains("防噎食", await page.Locator(".alert[role=alert]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("请填写检查日期", await page.InnerTextAsync("body"), StringComparison.Ordinal);
        Assert.Equal("待检查", await page.InnerTextAsync("#state"));

        // every item 符合 but 疏散通道 不符合, with the finding and the rectification
        foreach (var code in Web.Modules.ElderlyCare.Inspections.InspectionChecklist.Items.Select(i => i.Code))
        {
            await page.CheckAsync($"input[name='result-{code}'][value='{(code == "F2" ? "fail" : "pass")}']");
        }
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().AddHours(8).DateTime);
        await page.FillAsync("#InspectedOn", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("#Findings", "三楼疏散通道堆放床垫");
        await page.SelectOptionAsync("#RectItem0", "F2");
        await page.FillAsync("#RectReq0", "移除通道内床垫，张贴疏散示意图");
        await page.FillAsync("#RectDays0", "10");
        await page.ClickAsync("#save-record");
        await page.WaitForSelectorAsync("text=检查结果已保存");
        Assert.Equal("发现问题，责令整改", await page.InnerTextAsync("#conclusion"));
        Assert.Contains("移除通道内床垫", await page.Locator("#rectifications").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("整改中", await page.Locator("#rectifications").InnerTextAsync(), StringComparison.Ordinal);

        await page.ClickAsync("#publish");
        await page.WaitForSelectorAsync("text=检查结果已公开");
        Assert.Equal("已公开", await page.InnerTextAsync("#state"));

        // anyone, not signed in
        var visitor = await (await browser.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString(), Locale = "zh-CN" })).NewPageAsync();
        var response = await visitor.GotoAsync("/public/elderly/inspections?q=" + Uri.EscapeDataString("福寿"));
        Assert.Equal(200, response!.Status);
        var results = await visitor.InnerTextAsync("#results");
        Assert.Contains("容县福寿养老院", results, StringComparison.Ordinal);
        Assert.Contains("移除通道内床垫，张贴疏散示意图", results, StringComparison.Ordinal);
        Assert.Contains("发现问题，责令整改", results, StringComparison.Ordinal);
        Assert.DoesNotContain("李消防", results, StringComparison.Ordinal);
    }
}

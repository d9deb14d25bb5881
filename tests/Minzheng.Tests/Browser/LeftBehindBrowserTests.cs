using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Minzheng.Tests.ElderlyCare;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Tests.Browser;

/// <summary>
/// Issue 13 item 9: the community worker (xinnan.worker) records a visit to a left-behind elder on a phone-width page (390×844);
/// a visit without findings (browser validation off) is refused beside the field, the saved one shows the next due date.
/// </summary>
public sealed class LeftBehindBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_village_worker_records_a_visit_on_a_phone_and_sees_the_next_due_date()
    {
        app.SkipIfUnavailable();
        var today = await app.WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<BusinessClock>().Today));
        var (_, idNumber) = await LeftBehindTests.RuralPersonAsync(app, today.AddYears(-75), "莫秀兰");
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var r = await clerk.PostAsJsonAsync("/api/v1/elderly/left-behind", LeftBehindTests.Registration(idNumber, today.AddDays(-20), risk: "medium"));
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var id = (await r.JsonAsync()).GetProperty("id").GetGuid();

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

        await page.GotoAsync("/account/login");
        await page.FillAsync("#UserName", "xinnan.worker");
        await page.FillAsync("#Password", Web.Platform.Demo.DemoAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));

        // from the register to the elder
        await page.GotoAsync("/elderly/left-behind");
        await page.ClickAsync("a:text('莫秀兰')");
        await page.WaitForURLAsync($"**/elderly/left-behind/{id}");

        // no findings, browser validation off: refused beside the field, nothing saved
        await page.EvaluateAsync("() => document.querySelectorAll('form').forEach(f => f.noValidate = true)");
        await page.SelectOptionAsync("#Mode", "Home");
        await page.ClickAsync("form.visit-card button[type=submit]");
        await Assertions.Expect(page.Locator(".field-error").Filter(new() { HasText = "请至少填写一项巡访发现" }).First).ToBeVisibleAsync();
        Assert.Contains("尚无巡访记录", await page.InnerTextAsync("main"), StringComparison.Ordinal);

        await page.SelectOptionAsync("#Mode", "Home");
        await page.FillAsync("#Health", "血压偏高，按时服药");
        await page.FillAsync("#Safety", "灶台旁堆放柴草，已提醒清理");
        await page.FillAsync("#Needs", "希望每周有人上门打扫");
        await page.CheckAsync("input[name='Input.Referrals'][value='home-care']");
        await page.ClickAsync("form.visit-card button[type=submit]");
        await page.WaitForURLAsync($"**/elderly/left-behind/{id}");
        var due = today.AddDays(30).ToString("yyyy-MM-dd"); // medium risk: every 30 days (demo figure)
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync($"下次应巡访日期：{due}");
        await Assertions.Expect(page.Locator("#next-due")).ToContainTextAsync(due);
        Assert.Contains("居家养老服务", await page.InnerTextAsync("main"), StringComparison.Ordinal);

        // the page fits the phone: nothing wider than the screen
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390, "wider than the phone");
        Assert.Empty(consoleErrors);

        var detail = await clerk.GetJsonAsync($"/api/v1/elderly/left-behind/{id}");
        var visit = Assert.Single(detail.GetProperty("visits").EnumerateArray());
        Assert.Equal("home", visit.GetProperty("mode").GetString());
        Assert.Equal(due, detail.GetProperty("elder").GetProperty("nextVisitDue").GetString());
    }
}

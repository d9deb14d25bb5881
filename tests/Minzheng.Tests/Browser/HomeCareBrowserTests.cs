using Microsoft.Playwright;
using Minzheng.Tests.ElderlyCare;
using Minzheng.Tests.Infrastructure;

namespace Minzheng.Tests.Browser;

/// <summary>Issue 13 item 5: a caregiver checks in and out on a phone-sized page (390×844), with the phone's position and the elder's code.</summary>
public sealed class HomeCareBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_caregiver_checks_in_and_out_on_a_phone()
    {
        app.SkipIfUnavailable();
        var s = await HomeCareScenario.CreateAsync(app, provider: "容州镇手机签到服务站");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserApp.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
            Geolocation = new Geolocation { Latitude = 22.6571f, Longitude = 110.5582f },
            Permissions = ["geolocation"],
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(90_000); // the whole suite runs in parallel on two cores: a slow page is not a failure
        var consoleErrors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") consoleErrors.Add(m.Text + " @ " + m.Location); };

        await page.GotoAsync("/account/login");
        await page.FillAsync("#UserName", s.CaregiverUserName);
        await page.FillAsync("#Password", Web.Platform.Demo.DemoAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));

        // the home-care entry leads a caregiver straight to the phone page
        await page.GotoAsync("/elderly/home-care");
        await page.WaitForURLAsync("**/elderly/home-care/visit");
        var card = page.Locator("form[data-elder='覃秀英']").Filter(new() { HasText = "签到" });
        await Assertions.Expect(card.Locator("[data-geo-status]")).ToContainTextAsync("已定位");
        await card.Locator("select[name='Input.Service']").SelectOptionAsync("clean");
        await card.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/elderly/home-care/visit");
        Assert.Contains("已签到：覃秀英 助洁", await page.InnerTextAsync("main"), StringComparison.Ordinal);

        // check out: a wrong code with browser validation off is refused beside the field, the visit stays open
        var open = page.Locator("form[data-elder='覃秀英']").Filter(new() { HasText = "签退" });
        await Assertions.Expect(open.Locator("[data-geo-status]")).ToContainTextAsync("已定位");
        var wrong = s.Code == "000000" ? "111111" : "000000";
        await page.EvaluateAsync("() => document.querySelectorAll('form').forEach(f => f.noValidate = true)");
        await open.Locator("input[name='Input.ConfirmationCode']").FillAsync(wrong);
        await open.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".field-error").Filter(new() { HasText = "确认码不正确" }).First).ToBeVisibleAsync();
        var reopened = page.Locator("form[data-elder='覃秀英']").Filter(new() { HasText = "签退" });
        await Assertions.Expect(reopened.Locator("[data-geo-status]")).ToContainTextAsync("已定位");
        await reopened.Locator("input[name='Input.ConfirmationCode']").FillAsync(s.Code);
        await reopened.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/elderly/home-care/visit");
        Assert.Contains("已签退：覃秀英", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Contains("老人已确认", await page.InnerTextAsync("main"), StringComparison.Ordinal);

        // the page fits the phone: nothing wider than the screen
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390);
        Assert.Empty(consoleErrors);

        // the record carries the position, both times and the confirmation
        var visit = (await (await app.ClientAsync("rongzhou.clerk")).GetItemsAsync($"/api/v1/elderly/home-care/visits?orderId={s.OrderId}")).Single();
        Assert.Equal(22.6571m, Math.Round(visit.GetProperty("checkInLatitude").GetDecimal(), 4)); // the browser gives a float
        Assert.Equal(110.5582m, Math.Round(visit.GetProperty("checkOutLongitude").GetDecimal(), 4));
        Assert.True(visit.GetProperty("confirmed").GetBoolean());
        Assert.Empty(visit.GetProperty("missing").EnumerateArray());
    }
}

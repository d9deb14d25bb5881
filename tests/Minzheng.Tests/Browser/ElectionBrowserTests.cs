using System.Globalization;
using Microsoft.Playwright;
using Minzheng.Tests.Community;
using Minzheng.Tests.Infrastructure;

namespace Minzheng.Tests.Browser;

/// <summary>
/// Issue 18 elections in the browser: the township clerk opens an election in the voting step (driven there through the API),
/// sees the current step named in the step bar, enters one ballot box in its form and sees the count with “当选”; a villager at
/// phone width (375 px) asks the public roll query and is told she is on the roll, with nothing wider than the screen.
/// </summary>
public sealed class ElectionBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Tonggu = "450921100205";

    [Fact]
    public async Task A_clerk_enters_a_ballot_box_and_sees_the_elected_and_a_voter_finds_herself_on_the_roll_by_phone()
    {
        app.SkipIfUnavailable();
        // all API driving first: it moves the fixture's clock, which would end a browser session signed in before
        var e = await ElectionPageScenario.DriveAsync(app, Tonggu, ElectionPageScenario.Voting);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserApp.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = app.BaseAddress.ToString(), Locale = "zh-CN" });
        page.SetDefaultTimeout(90_000);
        var consoleErrors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") consoleErrors.Add(m.Text + " @ " + m.Location); };
        await page.GotoAsync("/account/login");
        await page.FillAsync("#UserName", "rongzhou.clerk");
        await page.FillAsync("#Password", Web.Platform.Demo.DemoAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(u => !u.Contains("/account/login", StringComparison.Ordinal));

        await page.GotoAsync("/community/elections");
        await page.ClickAsync($"#elections a[href='/community/elections/{e.Id}']");
        await page.WaitForURLAsync($"**/community/elections/{e.Id}");
        var current = await page.InnerTextAsync("#step-bar li[aria-current=step]");
        Assert.Contains("当前环节", current, StringComparison.Ordinal);
        Assert.Contains("投票计票", current, StringComparison.Ordinal);

        var cast = e.Voters.ToString(CultureInfo.InvariantCulture);
        await page.FillAsync("#box-new-name", "中心会场");
        await page.FillAsync("#box-new-issued", cast);
        await page.FillAsync("#box-new-cast", cast);
        await page.FillAsync("#box-new-invalid", "0");
        // 主任: the first villager every ballot, the second none; 委员: the third and fourth every ballot, the fifth none
        var votes = new[] { cast, "0", cast, cast, "0" };
        for (var i = 0; i < 5; i++) await page.FillAsync($"#box-new tr:has-text('{e.Villagers[i].Name}') input[type=number]", votes[i]);
        await page.ClickAsync("#box-new button[type=submit]");
        await page.WaitForSelectorAsync("text=计票已更新");
        var director = await page.InnerTextAsync("#tally-1-director");
        Assert.Contains("当选", await page.InnerTextAsync($"#tally-1-director tr:has-text('{e.Villagers[0].Name}')"), StringComparison.Ordinal);
        Assert.Contains("未当选", await page.InnerTextAsync($"#tally-1-director tr:has-text('{e.Villagers[1].Name}')"), StringComparison.Ordinal);
        Assert.Contains("选举有效", await page.InnerTextAsync("#tally-round-1"), StringComparison.Ordinal);
        Assert.Contains(e.Villagers[0].Name, director, StringComparison.Ordinal);
        Assert.Empty(consoleErrors); // no CSP violations or script errors

        // the public query on a phone, signed out
        var phone = await browser.NewPageAsync(new BrowserNewPageOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 375, Height = 800 },
            IsMobile = true,
            HasTouch = true,
        });
        phone.SetDefaultTimeout(90_000);
        phone.Console += (_, m) => { if (m.Type == "error") consoleErrors.Add(m.Text + " @ " + m.Location); };
        await phone.GotoAsync("/public/community/roll");
        Assert.Equal("text", await phone.GetAttributeAsync("#roll-idnumber", "inputmode"));
        var voter = e.Villagers[3];
        await phone.FillAsync("#roll-idnumber", voter.IdNumber);
        await phone.FillAsync("#roll-name", voter.Name);
        await phone.ClickAsync("#roll-form button[type=submit]");
        await phone.WaitForSelectorAsync("#roll-result");
        var answer = await phone.InnerTextAsync("#roll-result");
        Assert.Contains("已登记", answer, StringComparison.Ordinal);
        Assert.Contains("同古村", answer, StringComparison.Ordinal);
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the roll page is wider than the phone");
        var box = await phone.Locator("#roll-idnumber").BoundingBoxAsync();
        Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= 375, $"the ID number box is off the screen: {box?.X} + {box?.Width}");
        Assert.Empty(consoleErrors);
    }
}

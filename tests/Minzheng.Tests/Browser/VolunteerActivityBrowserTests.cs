using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Minzheng.Web.Modules.Volunteers;
using Minzheng.Web.Modules.Volunteers.Activities;
using Minzheng.Web.Modules.Volunteers.Records;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Tests.Browser;

/// <summary>Issue 16 item 2: the volunteer checks in and out on a phone (390 px) by the rotating code (a forged one refused); the organiser verifies on the list with the keyboard.</summary>
public sealed class VolunteerActivityBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_volunteer_checks_in_and_out_on_a_phone_and_the_organiser_verifies()
    {
        app.SkipIfUnavailable();
        // an activity of 新南社区 under way now, the demo citizen's volunteer selected
        var (activityId, secret) = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            var citizen = await users.FindByNameAsync(VolunteersInitializer.CitizenUserName);
            var volunteer = await db.Set<Volunteer>().SingleAsync(v => v.PersonId == citizen!.PersonId);
            var team = await db.Set<VolunteerTeam>().SingleAsync(t => t.Name == VolunteersInitializer.CommitteeName);
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var a = new VolunteerActivity
            {
                Number = "HD450921" + now.Year + "90001",
                TeamId = team.Id,
                OrganizationId = team.OrganizationId,
                DivisionCode = team.DivisionCode,
                Title = "社区助老扫码测试活动",
                Description = "陪伴老人",
                Category = ServiceCategory.ElderlyCare,
                Place = "新南社区日间照料中心",
                StartsAt = now.AddMinutes(-10),
                EndsAt = now.AddHours(2),
                RiskDisclosure = "注意防跌倒",
                Capacity = 5,
                Status = ActivityStatus.Closed,
            };
            db.Add(a);
            db.Add(new VolunteerSignup { ActivityId = a.Id, VolunteerId = volunteer.Id, OrganizationId = a.OrganizationId, DivisionCode = a.DivisionCode, Status = SignupStatus.Selected, RisksAcknowledgedAt = now });
            await db.SaveChangesAsync();
            return (a.Id, a.CheckInSecret);
        });
        string Token() => CheckInTokens.Make(activityId, secret, app.Clock.GetUtcNow().UtcDateTime, ActivityFigures.DefaultQrSeconds);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserApp.LaunchAsync(playwright);
        await using var phone = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
        });
        var page = await phone.NewPageAsync();
        page.SetDefaultTimeout(90_000);
        var consoleErrors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") consoleErrors.Add(m.Text + " @ " + m.Location); };
        await LoginAsync(page, VolunteersInitializer.CitizenUserName);

        // a forged code: shown on the page, nothing recorded
        await page.GotoAsync("/volunteer/scan?t=" + Uri.EscapeDataString(activityId.ToString("N") + ".1.forged"));
        Assert.Contains("签到二维码无效", await page.InnerTextAsync("main"), StringComparison.Ordinal);

        await page.GotoAsync("/volunteer/scan?t=" + Uri.EscapeDataString(Token()));
        await page.GetByRole(AriaRole.Button, new() { Name = "签到" }).ClickAsync();
        await Assertions.Expect(page.Locator("#scan-message")).ToContainTextAsync("签到成功");

        // 40 minutes later the sign-in cookie has passed its 30-minute idle limit on the test clock: the phone signs in again
        app.Clock.Advance(TimeSpan.FromMinutes(40));
        await phone.CloseAsync();
        await using var phoneAgain = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
        });
        page = await phoneAgain.NewPageAsync();
        page.SetDefaultTimeout(90_000);
        page.Console += (_, m) => { if (m.Type == "error") consoleErrors.Add(m.Text + " @ " + m.Location); };
        await LoginAsync(page, VolunteersInitializer.CitizenUserName);
        await page.GotoAsync("/volunteer/scan?t=" + Uri.EscapeDataString(Token()));
        await page.FillAsync("#travelMinutes", "10");
        await page.GetByRole(AriaRole.Button, new() { Name = "签退" }).ClickAsync();
        await Assertions.Expect(page.Locator("#scan-message")).ToContainTextAsync("本次服务 30 分钟");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390);
        Assert.Empty(consoleErrors);

        // the organiser verifies it on the list, with the keyboard
        await using var desk = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), Locale = "zh-CN" });
        var org = await desk.NewPageAsync();
        org.SetDefaultTimeout(90_000);
        await LoginAsync(org, VolunteersInitializer.CommitteeUserName);
        await org.GotoAsync("/volunteers/records");
        var recordId = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<ServiceRecord>().Where(r => r.ActivityId == activityId).Select(r => r.Id).SingleAsync());
        await org.FocusAsync($"#pick-{recordId:N}");
        await org.Keyboard.PressAsync("Space");
        await org.FillAsync($"input[name='minutes_{recordId:N}']", "25");
        await org.GetByRole(AriaRole.Button, new() { Name = "核实所选记录" }).ClickAsync();
        await Assertions.Expect(org.Locator("p.alert.ok")).ToContainTextAsync("已核实 1 条");
        var record = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<ServiceRecord>().AsNoTracking().SingleAsync(r => r.Id == recordId));
        Assert.Equal((ServiceRecordStatus.Verified, 25, 30, 10), (record.Status, record.VerifiedMinutes, record.ClaimedMinutes, record.TravelMinutes));
    }

    private static async Task LoginAsync(IPage page, string userName)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#UserName", userName);
        await page.FillAsync("#Password", Web.Platform.Demo.DemoAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }
}

using System.Net.Http.Json;
using Microsoft.Playwright;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Tests.Browser;

/// <summary>A citizen applies online on a phone-sized screen, the clerk accepts and investigates, the approver confirms, the citizen sees the result.</summary>
public sealed class AssistanceBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Xinnan = "450921100003";

    private async Task<(string IdNumber, string Name)> HouseholdAsync()
    {
        var admin = await app.ClientAsync("admin");
        var year = DateTime.UtcNow.Year;
        async Task<string> Person(string name, DateOnly birth, Sex sex, string? id = null)
        {
            id ??= IdNumber.Compose("450102", birth, Random.Shared.Next(0, 499) * 2 + (sex == Sex.Male ? 1 : 0));
            var r = await (await admin.PostAsJsonAsync("/api/v1/persons", new { idNumber = id, name, divisionCode = Xinnan })).JsonAsync();
            return r.GetProperty("id").GetString()!;
        }
        var headId = IdNumber.Compose("450102", new DateOnly(year - 41, 5, 6), Random.Shared.Next(0, 499) * 2 + 1);
        var head = await Person("蒙大山", default, Sex.Male, headId);
        var wife = await Person("韦小燕", new DateOnly(year - 39, 7, 8), Sex.Female);
        var son = await Person("蒙小山", new DateOnly(year - 9, 2, 3), Sex.Male);
        var h = await admin.PostAsJsonAsync("/api/v1/households", new
        {
            divisionCode = Xinnan,
            headPersonId = head,
            address = "容州镇新南社区",
            members = new[] { new { personId = wife, relation = "spouse" }, new { personId = son, relation = "son" } },
        });
        h.EnsureSuccessStatusCode();
        return (headId, "蒙大山");
    }

    private async Task SignInAsync(IPage page, string user, string password)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#UserName", user);
        await page.FillAsync("#Password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }

    private static Task Click(IPage page, string button) => page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();

    [Fact]
    public async Task A_citizen_applies_online_the_clerk_accepts_the_approver_confirms_and_the_citizen_sees_it()
    {
        app.SkipIfUnavailable();
        var (idNumber, name) = await HouseholdAsync();
        const string phone = "13977100001";
        const string password = "Citizen#2026";
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserApp.LaunchAsync(playwright);
        var errors = new List<string>();

        // the citizen, on a phone
        var phoneContext = await browser.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString(), ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true });
        var citizen = await phoneContext.NewPageAsync();
        citizen.SetDefaultTimeout(90_000); // the whole suite runs in parallel on two cores: a slow page is not a failure
        citizen.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await citizen.GotoAsync("/account/login");
        await citizen.ClickAsync("text=群众网上申请救助：注册账号");
        await citizen.FillAsync("#Input_IdNumber", idNumber);
        await citizen.FillAsync("#Input_Name", name);
        await citizen.FillAsync("#Input_Phone", phone);
        await citizen.FillAsync("#Input_Password", password);
        await Click(citizen, "注册");
        await citizen.WaitForURLAsync("**/citizen");
        // the disability subsidies' online page: nobody in this household holds a certificate, so it says where to register
        await citizen.ClickAsync("text=残疾人两项补贴");
        Assert.Contains("没有残疾人证信息", await citizen.InnerTextAsync("main"), StringComparison.Ordinal);
        await citizen.GotoAsync("/citizen");
        await citizen.ClickAsync("text=我要申请");
        await citizen.SelectOptionAsync("#Program", "Dibao");
        await citizen.FillAsync("#Reason", "丈夫务工收入低，孩子上学，生活困难。");
        await citizen.CheckAsync("input[name=ConsentToCheck]");
        await Click(citizen, "提交申请");
        await citizen.WaitForURLAsync("**/citizen/cases/*");
        Assert.Contains("已申请", await citizen.InnerTextAsync("main"), StringComparison.Ordinal);
        var caseId = citizen.Url.Split('/').Last();

        // the township clerk accepts and records the investigation
        var desk = await browser.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString() });
        var clerk = await desk.NewPageAsync();
        clerk.SetDefaultTimeout(90_000); // the whole suite runs in parallel on two cores: a slow page is not a failure
        clerk.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await SignInAsync(clerk, "rongzhou.clerk", Web.Platform.Demo.DemoAccounts.Password);
        await clerk.GotoAsync("/assistance/cases?State=submitted");
        await clerk.ClickAsync($"a[href='/assistance/cases/{caseId}']");
        Assert.Contains("网上自助申请", await clerk.InnerTextAsync("main"), StringComparison.Ordinal);
        await Click(clerk, "受理");
        await clerk.WaitForSelectorAsync("text=登记入户调查和核对结果");
        await clerk.FillAsync("#inv-who", "黄志明、陈丽娟");
        await clerk.FillAsync("#inv-visit", "入户查看，家中无大件电器，住房为自建砖房。");
        await clerk.SelectOptionAsync("#inv-check", "Passed");
        await clerk.SelectOptionAsync("select[name='Investigation.Income[0].Category']", "wage");
        await clerk.FillAsync("input[name='Investigation.Income[0].MonthlyAmount']", "600");
        await Click(clerk, "保存草稿");
        await clerk.WaitForSelectorAsync("text=调查结果已保存（草稿，尚未提交审核）");
        await Click(clerk, "保存并提交审核"); // issue 12, item 10: saved and submitted from the one form
        await clerk.WaitForSelectorAsync("text=乡镇审核");
        await desk.CloseAsync();

        // the township approver reviews, waits out the 7-day notice, confirms and files
        var desk2 = await browser.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString() });
        var approver = await desk2.NewPageAsync();
        approver.SetDefaultTimeout(90_000); // the whole suite runs in parallel on two cores: a slow page is not a failure
        await SignInAsync(approver, "rongzhou.approver", Web.Platform.Demo.DemoAccounts.Password);
        await approver.GotoAsync($"/assistance/cases/{caseId}");
        Assert.Contains("符合条件", await approver.InnerTextAsync("main"), StringComparison.Ordinal);
        await Click(approver, "审核同意，进入公示");
        await approver.WaitForSelectorAsync("text=公示中");
        await desk2.CloseAsync();

        app.Clock.Advance(TimeSpan.FromDays(8));
        var desk3 = await browser.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString() });
        approver = await desk3.NewPageAsync();
        approver.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await SignInAsync(approver, "rongzhou.approver", Web.Platform.Demo.DemoAccounts.Password);
        await approver.GotoAsync($"/assistance/cases/{caseId}");
        await Click(approver, "公示期满无异议");
        await approver.WaitForSelectorAsync("text=审批确认");
        await Click(approver, "乡镇审批确认");
        await approver.WaitForSelectorAsync("text=报县备案");
        Assert.Contains("1,880.00 元", await approver.InnerTextAsync("main"), StringComparison.Ordinal);
        await approver.ClickAsync("text=确认通知书");
        Assert.Contains("核定金额", await approver.InnerTextAsync("main"), StringComparison.Ordinal);
        await approver.GoBackAsync();
        await Click(approver, "已报县备案");
        await approver.WaitForSelectorAsync("text=在保");

        // the citizen signs in again and sees the decision
        await SignInAsync(citizen, phone, password);
        await citizen.GotoAsync("/citizen");
        var mine = await citizen.InnerTextAsync("main");
        Assert.Contains("在保", mine, StringComparison.Ordinal);
        Assert.Contains("每月 1,880.00 元", mine, StringComparison.Ordinal);
        await citizen.ClickAsync($"a[href='/citizen/cases/{caseId}']");
        Assert.Contains("确认通知书", await citizen.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Empty(errors);
    }
}

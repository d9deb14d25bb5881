using Microsoft.Playwright;
using Minzheng.Tests.Infrastructure;

namespace Minzheng.Tests.Browser;

/// <summary>
/// Issue 14 item 2 in the browser, at phone width: the social-work centre's own account (bound to its organisation) signs in,
/// sees its 2025 report overdue, submits the empty form with browser validation off (refused beside the fields), fills the
/// report and submits it, and sees it submitted.
/// </summary>
public sealed class AnnualReportBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_organisations_user_fills_and_submits_the_annual_report_on_a_phone()
    {
        app.SkipIfUnavailable();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserApp.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        });
        page.SetDefaultTimeout(90_000);
        var consoleErrors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") consoleErrors.Add(m.Text); };
        await page.GotoAsync("/account/login");
        await page.FillAsync("#UserName", "yangguang.org");
        await page.FillAsync("#Password", Web.Platform.Demo.DemoAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(u => !u.Contains("/account/login", StringComparison.Ordinal));

        await page.GotoAsync("/social-organizations/reports");
        var years = await page.InnerTextAsync("#own-years");
        Assert.Contains("2025 年度", years, StringComparison.Ordinal);
        Assert.Contains("已逾期", years, StringComparison.Ordinal);
        await page.ClickAsync("#own-years tr:has-text('2025 年度') a:has-text('填报')");
        await page.WaitForURLAsync("**/social-organizations/reports/**/2025");

        // the empty form submitted with browser validation off: refused beside the fields
        await page.EvalOnSelectorAsync("#report-form", "f => f.noValidate = true");
        await page.ClickAsync("#submit");
        await page.WaitForSelectorAsync(".alert[role=alert]");
        // refused in one piece: the report is not even saved as a draft
        Assert.Equal("未填报", (await page.InnerTextAsync("#report-status")).Trim());
        Assert.Contains("请确认住所地址", await page.InnerTextAsync("[data-valmsg-for='Input.AddressConfirmed']"), StringComparison.Ordinal);
        Assert.Contains("请填写本年度主要业务活动", await page.InnerTextAsync("[data-valmsg-for='Input.MainActivities']"), StringComparison.Ordinal);
        Assert.Contains("请填写年末净资产", await page.InnerTextAsync("[data-valmsg-for='Input.NetAssets']"), StringComparison.Ordinal);

        // a wrong amount is refused too, with what was typed kept
        await page.EvalOnSelectorAsync("#report-form", "f => f.noValidate = true");
        await page.FillAsync("#Input_MainActivities", "为留守儿童和困难老人提供社会工作服务");
        await page.FillAsync("#Input_Expenditure", "-5");
        await page.ClickAsync("#save");
        await page.WaitForSelectorAsync("[data-valmsg-for='Input.Expenditure']:has-text('不能为负数')");
        Assert.Equal("为留守儿童和困难老人提供社会工作服务", await page.InputValueAsync("#Input_MainActivities"));

        await page.CheckAsync("#Input_AddressConfirmed");
        await page.FillAsync("#Input_CouncilMeetings", "2");
        await page.FillAsync("#Input_EventsHeld", "18");
        await page.FillAsync("#Input_IncomeGovernment", "150000");
        await page.FillAsync("#Input_IncomeDonations", "12000.5");
        await page.FillAsync("#Input_Expenditure", "158000");
        await page.FillAsync("#Input_NetAssets", "36000");
        await page.SelectOptionAsync("#Input_PartyOrganization", "instructor");
        await page.FillAsync("#Input_FullTimeStaff", "4");
        await page.FillAsync("#Input_PartTimeStaff", "2");
        await page.FillAsync("#Input_SocialWorkers", "3");
        await page.ClickAsync("#submit");
        await page.WaitForSelectorAsync("#submitted-notice");
        Assert.Equal("已报送，待审查", (await page.InnerTextAsync("#report-status")).Trim());
        // submitted: the form is read-only, its figures kept
        Assert.True(await page.IsDisabledAsync("#Input_Expenditure"));
        Assert.Equal("12000.5", await page.InputValueAsync("#Input_IncomeDonations"));
        // nothing wider than the phone
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"));

        await page.GotoAsync("/social-organizations/reports");
        Assert.Contains("已报送，待审查", await page.InnerTextAsync("#own-years"), StringComparison.Ordinal);
        Assert.Empty(consoleErrors);
    }
}

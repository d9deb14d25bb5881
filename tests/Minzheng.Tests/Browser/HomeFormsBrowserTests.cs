using System.Globalization;
using Microsoft.Playwright;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Tests.Browser;

/// <summary>
/// Issue 13 items 1–2 in the browser: the county officer (the role that registers homes) registers a care home — the licence
/// field appears only for a 2013–2018 opening date, an empty form (browser validation off) is refused beside the fields — files
/// it with its materials and opens the printable 备案回执.
/// </summary>
public sealed class HomeFormsBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_county_officer_registers_a_home_files_it_and_opens_the_receipt()
    {
        app.SkipIfUnavailable();
        var code = CreditCode.Compose('5', '2', "450921", "HB" + Random.Shared.Next(0, 999999).ToString("D6", CultureInfo.InvariantCulture));
        var name = "容县新南颐乐园" + code[^4..];

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserApp.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = app.BaseAddress.ToString(), Locale = "zh-CN" });
        page.SetDefaultTimeout(90_000);
        var consoleErrors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") consoleErrors.Add(m.Text); };
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#UserName", "rongxian.officer");
        await page.FillAsync("#Password", Web.Platform.Demo.DemoAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(u => !u.Contains("/account/login", StringComparison.Ordinal));

        // reached from the survey page
        await page.GotoAsync("/elderly/homes/survey");
        await page.ClickAsync("text=登记养老机构（敬老院）");
        await page.WaitForURLAsync("**/elderly/homes/new");

        // the licence number is asked only of a home opened while licences existed
        Assert.False(await page.IsVisibleAsync("#Input_Home_LicenceNumber"));
        await page.FillAsync("#Input_Home_OpenedOn", "2015-03-02");
        Assert.True(await page.IsVisibleAsync("#Input_Home_LicenceNumber"));
        await page.FillAsync("#Input_Home_OpenedOn", "2019-05-06");
        Assert.False(await page.IsVisibleAsync("#Input_Home_LicenceNumber"));
        // 法人登记 only for a 敬老院
        Assert.False(await page.IsVisibleAsync("#LegalPersonRegistered"));
        await page.SelectOptionAsync("#Input_Home_Kind", "special_care_facility");
        Assert.True(await page.IsVisibleAsync("#LegalPersonRegistered"));
        await page.SelectOptionAsync("#Input_Home_Kind", "care_home");

        // an empty form with browser validation off: refused beside the fields, nothing saved
        await page.EvalOnSelectorAsync("#home-form", "f => f.noValidate = true");
        await page.FillAsync("#Input_Home_OpenedOn", "");
        await page.ClickAsync("#register");
        await page.WaitForSelectorAsync(".alert[role=alert]");
        Assert.Contains("请填写组织名称", await page.InnerTextAsync("[data-valmsg-for='Input.Organization.Name']"), StringComparison.Ordinal);
        Assert.Contains("请填写开办", await page.InnerTextAsync("[data-valmsg-for='Input.Home.OpenedOn']"), StringComparison.Ordinal);
        Assert.Contains("请填写床位数", await page.InnerTextAsync("[data-valmsg-for='Input.Home.Beds']"), StringComparison.Ordinal);

        await page.FillAsync("#Input_Organization_Name", name);
        await page.FillAsync("#Input_Organization_CreditCode", code);
        await page.SelectOptionAsync("#Input_Organization_Kind", "SocialServiceAgency");
        await page.SelectOptionAsync("#Input_Organization_DivisionCode", "450921100003");
        await page.FillAsync("#Input_Home_OpenedOn", "2019-05-06");
        await page.FillAsync("#Input_Home_Beds", "30");
        await page.FillAsync("#Input_Home_NursingBeds", "10");
        await page.ClickAsync("#register");
        await page.WaitForSelectorAsync("text=已登记养老机构");
        Assert.Equal(name, (await page.InnerTextAsync("h1")).Trim());
        Assert.Contains("登记后备案", await page.InnerTextAsync("body"), StringComparison.Ordinal);

        // 备案 with the three materials: the receipt opens, printable
        await page.ClickAsync("text=备案（材料齐全出具备案回执）");
        await page.CheckAsync("#material-application");
        await page.CheckAsync("#material-registration");
        await page.CheckAsync("#material-commitment");
        await page.ClickAsync("#file");
        await page.WaitForURLAsync("**/elderly/filings/**");
        var receipt = await page.InnerTextAsync("article");
        Assert.Contains("养老机构备案回执", receipt, StringComparison.Ordinal);
        Assert.Contains(name, receipt, StringComparison.Ordinal);
        Assert.Contains(code, receipt, StringComparison.Ordinal);
        Assert.Matches("回执编号：YLBA\\d{10}", receipt);
        Assert.True(await page.IsVisibleAsync("button[data-print]"));
        Assert.Empty(consoleErrors);
    }
}

using System.Net.Http.Json;
using Microsoft.Playwright;
using Minzheng.Tests.Assistance;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.DataComparison;

namespace Minzheng.Tests.Browser;

/// <summary>
/// Issue 12, item 1 in the pages (ADR 022): the 死亡 finding on the head of a dibao household offers the clerk only 登记死亡 (not
/// 暂停发放 / 终止 / 停发并追缴), says what will happen to the household, and records the death; the case page then shows the
/// household's recalculation as a proposal — amount, members counted, explanation — which the clerk cannot decide and the
/// approver finds in the review queue and approves, after which the case is still 在保 at the new amount with its 保障金额变更通知书.
/// </summary>
public sealed class HouseholdDeathBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private async Task SignInAsync(IPage page, string user)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#UserName", user);
        await page.FillAsync("#Password", Web.Platform.Demo.DemoAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_death_finding_offers_only_to_record_the_death_and_the_case_page_shows_the_recalculation_the_approver_approves()
    {
        app.SkipIfUnavailable();
        var admin = await app.ClientAsync("admin");
        var (head, headId) = await HouseholdScenario.PersonAsync(app, "莫振华", new DateOnly(1983, 1, 1));
        var (wife, _) = await HouseholdScenario.PersonAsync(app, "李春兰", new DateOnly(1985, 2, 2));
        var (son, _) = await HouseholdScenario.PersonAsync(app, "莫小龙", new DateOnly(2019, 3, 3), account: false);
        var h = await admin.PostAsJsonAsync("/api/v1/households", new
        {
            divisionCode = HouseholdScenario.Village,
            headPersonId = head,
            address = "容州镇新南社区",
            members = new[] { new { personId = wife, relation = "spouse" }, new { personId = son, relation = "son" } },
        });
        var household = (await h.EnsureSuccessStatusCode().JsonAsync()).GetProperty("id").GetGuid();
        var c = await HouseholdScenario.ActiveDibaoAsync(app, household, 300m);
        await HouseholdScenario.DatasetAsync(app, DatasetKind.Deaths, headId, r => r.EventDate = new DateOnly(2026, 10, 20));
        var officer = await app.ClientAsync("rongxian.officer");
        await HouseholdScenario.RunComparisonAsync(officer);
        var finding = (await officer.GetItemsAsync("/api/v1/comparison/findings?rule=deceased&status=Open")).Single(f => f.GetProperty("personId").GetGuid() == head);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserApp.LaunchAsync(playwright);
        var errors = new List<string>();
        async Task<IPage> PageAsync(string user)
        {
            var context = await browser.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString() });
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(90_000); // the whole suite runs in parallel on two cores
            page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
            page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
            await SignInAsync(page, user);
            return page;
        }

        // the clerk: one action, the death; the page says the household is recalculated, not ended
        var clerk = await PageAsync("rongzhou.clerk");
        await clerk.GotoAsync($"/comparison/findings/{finding.GetProperty("id").GetInt64()}");
        var options = await clerk.Locator("#Action option").AllInnerTextsAsync();
        Assert.Equal(["登记死亡（本人待遇停发并追缴，家庭保障重新核定）"], options);
        Assert.Contains("低保家庭不因一人死亡而终止", await clerk.InnerTextAsync("#death-hint"), StringComparison.Ordinal);
        await clerk.FillAsync("#Note", "公安户籍注销信息与村委会核实属实");
        await clerk.ClickAsync("button:has-text('确认并处置')");
        await clerk.WaitForSelectorAsync("text=已确认并处置");
        var result = await clerk.InnerTextAsync("main");
        Assert.Contains("人员登记为死亡（2026-10-20）", result, StringComparison.Ordinal);
        Assert.Contains("重新核定", result, StringComparison.Ordinal);

        // the case page shows the proposal to the clerk, without a way to decide it
        await clerk.GotoAsync($"/assistance/cases/{c.Id}");
        var card = clerk.Locator("[id^=change-]");
        Assert.Contains("变更核定：调整保障金额", await card.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("待审核人员审批", await card.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await card.Locator("button").CountAsync());

        // the approver sees the recalculation for two with its explanation and approves it
        var approver = await PageAsync("rongzhou.approver");
        await approver.GotoAsync("/assistance/reviews"); // the approver's queue lists what waits for decision
        Assert.Contains("调整保障金额", await approver.InnerTextAsync("#proposals"), StringComparison.Ordinal);
        await approver.ClickAsync($"#proposals a:has-text('{c.Number}')");
        await approver.WaitForURLAsync(url => url.Contains($"/assistance/cases/{c.Id}", StringComparison.Ordinal));
        var proposal = approver.Locator("[id^=change-]");
        var text = await proposal.InnerTextAsync();
        Assert.Contains("待审批", text, StringComparison.Ordinal);
        Assert.Contains("（2 人，原每月", text, StringComparison.Ordinal);
        Assert.Contains("× 2 人", text, StringComparison.Ordinal);
        Assert.Contains("领取人", text, StringComparison.Ordinal);
        Assert.Contains("李春兰", text, StringComparison.Ordinal);
        await proposal.Locator("button:has-text('同意变更')").ClickAsync();
        await approver.WaitForSelectorAsync("text=已同意变更，通知书已出具");
        var page = await approver.InnerTextAsync("main");
        Assert.Contains("在保", page, StringComparison.Ordinal);
        Assert.DoesNotContain("已终止", page, StringComparison.Ordinal);
        Assert.Contains("保障金额变更通知书", page, StringComparison.Ordinal);
        Assert.Contains("已同意", await approver.Locator("[id^=change-]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(errors);
    }
}

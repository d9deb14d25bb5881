using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Minzheng.Tests.Assistance;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.Assistance.Cases;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Tests.Browser;

/// <summary>
/// Issue 12, items 10 and 11 in the pages: a clerk looks a household up (the focus moves on to the form), starts a dibao
/// application from the household page, files it at the counter accepted in one step, adds and removes income rows, saves and
/// submits the investigation in one place; the approver's 审核不同意 asks for confirmation, and dismissing it changes nothing.
/// </summary>
public sealed class CounterBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static async Task SignInAsync(IPage page, string user)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#UserName", user);
        await page.FillAsync("#Password", Web.Platform.Demo.DemoAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }

    private static Task Click(IPage page, string button) => page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();

    private static Task<string> FocusedAsync(IPage page) => page.EvaluateAsync<string>("() => document.activeElement && (document.activeElement.id || document.activeElement.name)");

    private Task<AssistanceCase> CaseAsync(Guid id) => app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<AssistanceCase>().AsNoTracking()
        .Include(c => c.IncomeItems).SingleAsync(c => c.Id == id));

    [Fact]
    public async Task A_clerk_starts_a_dibao_application_from_the_household_page_files_it_at_the_counter_and_submits_the_investigation()
    {
        app.SkipIfUnavailable();
        var (head, _) = await HouseholdScenario.PersonAsync(app, "韦德福", new DateOnly(1978, 3, 3));
        var (wife, _) = await HouseholdScenario.PersonAsync(app, "李桂香", new DateOnly(1980, 8, 8));
        var admin = await app.ClientAsync("admin");
        var created = await (await admin.PostAsJsonAsync("/api/v1/households", new
        {
            divisionCode = HouseholdScenario.Village,
            headPersonId = head,
            address = "容州镇新南社区",
            members = new[] { new { personId = wife, relation = "spouse" } },
        })).EnsureSuccessStatusCode().JsonAsync();
        var household = created.GetProperty("id").GetGuid();
        var number = created.GetProperty("number").GetString()!;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserApp.LaunchAsync(playwright);
        var errors = new List<string>();
        var dialogs = new List<string>();
        async Task<IPage> PageAsync(string user)
        {
            var context = await browser.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString() });
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(90_000); // the whole suite runs in parallel on two cores
            page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
            page.Dialog += async (_, dialog) =>
            {
                dialogs.Add(dialog.Message);
                await dialog.DismissAsync(); // the user thinks better of it
            };
            await SignInAsync(page, user);
            return page;
        }

        var clerk = await PageAsync("rongzhou.clerk");
        // the lookup by 户编号: after it, the focus is on the application's first field, not back in the lookup box
        await clerk.GotoAsync("/assistance/cases/new");
        Assert.Equal("HouseholdNumber", await FocusedAsync(clerk));
        await clerk.FillAsync("#HouseholdNumber", number);
        await clerk.PressAsync("#HouseholdNumber", "Enter");
        await clerk.WaitForSelectorAsync("#application");
        Assert.Equal("Channel", await FocusedAsync(clerk));

        // from the household page: 办理低保 opens the application with the household chosen
        await clerk.GotoAsync($"/registry/households/{household}");
        await clerk.ClickAsync("#start-actions a:has-text('办理低保')");
        await clerk.WaitForSelectorAsync("#application");
        Assert.Contains(number, await clerk.InnerTextAsync("#application h2"), StringComparison.Ordinal);
        Assert.Equal(0, await clerk.Locator("#application [name=TemporaryType]").CountAsync()); // dibao's fields only
        await clerk.FillAsync("#Reason", "户主腰椎病不能重体力劳动，妻子务农，生活困难。");
        await clerk.CheckAsync("input[name=ConsentToCheck]");
        await Click(clerk, "提交申请（窗口申请当场受理）");
        await clerk.WaitForSelectorAsync("text=申请已提交并当场受理");
        var id = Guid.Parse(clerk.Url.Split('/').Last().Split('?')[0]);
        Assert.Equal(AssistanceProcesses.Investigating, (await CaseAsync(id)).State);
        Assert.Contains("试算（按目前录入的数据，非认定结论）", await clerk.InnerTextAsync("main"), StringComparison.Ordinal);

        // income rows: one to start with, added and removed in place, the names renumbered
        var rows = clerk.Locator("#income-rows tbody tr");
        Assert.Equal(1, await rows.CountAsync());
        await clerk.SelectOptionAsync("select[name='Investigation.Income[0].PersonId']", head.ToString()); // whose income
        await clerk.SelectOptionAsync("select[name='Investigation.Income[0].Category']", "wage");
        await clerk.FillAsync("input[name='Investigation.Income[0].MonthlyAmount']", "300");
        await Click(clerk, "添加一行");
        await Click(clerk, "添加一行");
        Assert.Equal(3, await rows.CountAsync());
        Assert.Equal("Investigation.Income[2].PersonId", await FocusedAsync(clerk)); // the new row's first field
        await clerk.SelectOptionAsync("select[name='Investigation.Income[1].Category']", "business");
        await clerk.FillAsync("input[name='Investigation.Income[1].MonthlyAmount']", "999");
        await clerk.SelectOptionAsync("select[name='Investigation.Income[2].Category']", "transfer");
        await clerk.FillAsync("input[name='Investigation.Income[2].MonthlyAmount']", "100");
        await rows.Nth(1).GetByRole(AriaRole.Button, new() { Name = "删除" }).ClickAsync(); // the 999 was a mistake
        Assert.Equal(2, await rows.CountAsync());
        Assert.Equal("100", await clerk.InputValueAsync("input[name='Investigation.Income[1].MonthlyAmount']"));
        Assert.Equal(0, await clerk.Locator("input[name='Investigation.Income[2].MonthlyAmount']").CountAsync());

        // the rest of the investigation, then 保存并提交审核 in one place
        await clerk.FillAsync("#inv-who", "黄志明、陈丽娟");
        await clerk.FillAsync("#inv-visit", "入户查看，住房为自建砖房，无大件电器。");
        await clerk.SelectOptionAsync("#inv-check", "Passed");
        Assert.Equal(0, await clerk.GetByRole(AriaRole.Button, new() { Name = "提交调查结果", Exact = true }).CountAsync());
        await Click(clerk, "保存并提交审核");
        await clerk.WaitForSelectorAsync("text=调查结果已保存并提交审核");
        var reviewing = await CaseAsync(id);
        Assert.Equal(AssistanceProcesses.Reviewing, reviewing.State);
        Assert.Equal([("transfer", 100m, (Guid?)null), ("wage", 300m, head)], reviewing.IncomeItems.Select(i => (i.Category, i.MonthlyAmount.Yuan, i.PersonId)).OrderBy(i => i.Category).ToList());

        // the approver: 审核不同意 asks first; dismissing it changes nothing
        var approver = await PageAsync("rongzhou.approver");
        await approver.GotoAsync($"/assistance/cases/{id}");
        var refuse = approver.Locator("form:has(input[name=action][value=propose-refuse])");
        await refuse.Locator("input[name=opinion]").FillAsync("收入核实有误");
        await refuse.GetByRole(AriaRole.Button).ClickAsync();
        Assert.Contains(dialogs, d => d.Contains("审核不同意", StringComparison.Ordinal));
        await approver.WaitForTimeoutAsync(500); // a submit, had there been one, would have navigated by now
        Assert.EndsWith($"/assistance/cases/{id}", approver.Url, StringComparison.Ordinal);
        var unchanged = await CaseAsync(id);
        Assert.Equal((AssistanceProcesses.Reviewing, reviewing.Version), (unchanged.State, unchanged.Version));
        Assert.Empty(errors);
    }
}

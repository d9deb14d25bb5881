using System.Text;
using Microsoft.Playwright;
using Minzheng.Tests.Infrastructure;
using Minzheng.Tests.Payments;

namespace Minzheng.Tests.Browser;

/// <summary>
/// Issue 12 item 3 in the browser: the payroll page lists and counts the review's flags, refuses the review and then the
/// approval while a flag has no decision, records the hold, and the held payee is not in the bank file downloaded.
/// </summary>
public sealed class PayrollReviewBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string County = "450921000000"; // 容县

    private async Task<IPage> SignInAsync(IBrowser browser, string user, List<string> errors)
    {
        var context = await browser.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString(), Locale = "zh-CN", AcceptDownloads = true });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(90_000); // the whole suite runs in parallel on two cores: a slow page is not a failure
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await page.GotoAsync("/account/login");
        await page.FillAsync("#UserName", user);
        await page.FillAsync("#Password", Web.Platform.Demo.DemoAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        return page;
    }

    private static Task Click(IPage page, string button) => page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();

    [Fact]
    public async Task The_review_page_shows_the_flags_refuses_review_and_approval_until_each_is_decided_and_the_held_line_is_not_in_the_bank_file()
    {
        app.SkipIfUnavailable();
        var month = PayrollSteps.ThisMonth(app);
        var officer = await app.ClientAsync("rongxian.officer");
        var finance = await app.ClientAsync("rongxian.finance");
        var v = await PayrollSteps.VillagesAsync(app, "450921100000", 2);
        var a = await PayrollSteps.HouseholdAsync(app, v[0], "卢已故");
        var b = await PayrollSteps.HouseholdAsync(app, v[1], "孔健在");
        var sourceA = await PayrollSteps.EntitleAsync(app, a.PersonId, a.HouseholdId, v[0], month, 520);
        var sourceB = await PayrollSteps.EntitleAsync(app, b.PersonId, b.HouseholdId, v[1], month, 480);
        await PayrollSteps.ApproveAsync(officer, finance, await PayrollSteps.CreatePayrollAsync(officer, County, month));
        // after last month's payroll: a comparison run finds 卢已故 in the death data (an open 应退 finding)
        await PayrollSteps.OpenFindingAsync(app, a.PersonId, a.HouseholdId, sourceA, v[0]);
        var payroll = await PayrollSteps.CreatePayrollAsync(officer, County, month.AddMonths(1));
        var url = $"/payments/payrolls/{PayrollSteps.Id(payroll)}";

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserApp.LaunchAsync(playwright);
        var errors = new List<string>();

        // the county officer sees the flag, counted, before review
        var page = await SignInAsync(browser, "rongxian.officer", errors);
        await page.GotoAsync(url);
        var flags = page.Locator("#review-flags");
        Assert.Contains("待处理 1 条", await flags.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("1", await page.Locator("[data-flag-count=OpenFinding] strong").InnerTextAsync());
        var row = page.Locator($"tr[data-flag^='OpenFinding:']");
        Assert.Contains("卢已故", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("死亡", await row.InnerTextAsync(), StringComparison.Ordinal);

        // submitting the review is refused while the flag is open
        await Click(page, "审核通过，提交审批");
        await page.WaitForSelectorAsync("text=风险提示未处理");
        Assert.Contains("已生成（草稿）", await page.InnerTextAsync("h1"), StringComparison.Ordinal);

        // held, with the reason; then the review goes through
        await page.FillAsync("#flagReason", "待乡镇入户核实是否死亡");
        await Click(page, "勾选的暂缓发放");
        await page.WaitForSelectorAsync("text=已全部处理");
        Assert.Contains("暂缓发放", await page.Locator("tr[data-flag^='OpenFinding:']").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("rongxian.officer", await page.Locator("tr[data-flag^='OpenFinding:']").InnerTextAsync(), StringComparison.Ordinal);
        await Click(page, "审核通过，提交审批");
        await page.WaitForSelectorAsync("text=已审核，等待审批");

        // a finding raised after the review: finance's approval is refused until it is decided too
        await PayrollSteps.OpenFindingAsync(app, b.PersonId, b.HouseholdId, sourceB, v[1]);
        var fin = await SignInAsync(browser, "rongxian.finance", errors);
        await fin.GotoAsync(url);
        Assert.Contains("待处理 1 条", await fin.Locator("#review-flags").InnerTextAsync(), StringComparison.Ordinal);
        await Click(fin, "审批同意");
        await fin.WaitForSelectorAsync("text=风险提示未处理");
        Assert.Contains("已审核，待审批", await fin.InnerTextAsync("h1"), StringComparison.Ordinal);
        await fin.FillAsync("#flagReason", "已电话核实，本人健在");
        await Click(fin, "勾选的确认发放");
        await fin.WaitForSelectorAsync("text=已全部处理");
        await Click(fin, "审批同意");
        await fin.WaitForSelectorAsync("text=已审批，可以导出银行文件");

        // the bank file leaves the held payee out; the held line stays on the payroll, named as such
        var download = await fin.RunAndWaitForDownloadAsync(() => Click(fin, "导出银行文件"));
        var path = await download.PathAsync();
        var text = Encoding.GetEncoding("GB18030").GetString(await File.ReadAllBytesAsync(path));
        Assert.Contains("孔健在", text, StringComparison.Ordinal);
        Assert.DoesNotContain("卢已故", text, StringComparison.Ordinal);
        await fin.GotoAsync(url + "?status=Held");
        var held = await fin.InnerTextAsync("main");
        Assert.Contains("卢已故", held, StringComparison.Ordinal);
        Assert.Contains("未发送：审核暂缓", held, StringComparison.Ordinal);
        Assert.Empty(errors);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Tasks;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Tests.Browser;

/// <summary>
/// Issue 12 item 9 in the browser: a township clerk signs in and finds the application waiting for acceptance on 工作台 with its
/// deadline, and follows its link; the township approver assigns an approval to the county officer (a bad, empty choice is refused
/// beside the field) and escalates it; the county officer then sees it on 工作台 marked 指派 and 上报.
/// </summary>
public sealed class MyTasksBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Xinnan = "450921100003";

    private async Task<IPage> SignInAsync(IBrowser browser, string user, List<string> errors)
    {
        var context = await browser.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString(), Locale = "zh-CN" });
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

    private Task<(Guid Id, DateOnly Due)> StartAsync(string title, bool accepted) =>
        app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var engine = sp.GetRequiredService<WorkflowEngine>();
            var c = await engine.StartAsync(TestProcess.Model.Code, "test", Guid.NewGuid(), title, Xinnan);
            await db.SaveChangesAsync();
            if (accepted)
            {
                await engine.PerformAsync(c, new TransitionRequest("accept", null), _ => Task.CompletedTask);
                await db.SaveChangesAsync();
            }
            return (c.Id, c.StepDueDate!.Value);
        });

    [Fact]
    public async Task A_clerk_sees_the_task_with_its_deadline_and_follows_it_and_an_approver_assigns_and_escalates_one()
    {
        app.SkipIfUnavailable();
        var (acceptId, acceptDue) = await StartAsync("测试申请 柜台受理件", accepted: false);
        var (approveId, _) = await StartAsync("测试申请 待审批件", accepted: true);
        var acceptKey = WorkflowWorkItems.Prefix + acceptId.ToString("N");
        var approveKey = WorkflowWorkItems.Prefix + approveId.ToString("N");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserApp.LaunchAsync(playwright);
        var errors = new List<string>();

        // the clerk: the accept task, with its deadline, on 工作台; its link opens the case
        var clerk = await SignInAsync(browser, "rongzhou.clerk", errors);
        await clerk.GotoAsync("/");
        var row = clerk.Locator($"tr[data-task='{acceptKey}']");
        Assert.Contains(acceptDue.ToString("yyyy-MM-dd"), await row.Locator("[data-deadline]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("柜台受理件", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await clerk.Locator($"tr[data-task='{approveKey}']").CountAsync()); // the approval is not the clerk's
        await row.GetByRole(AriaRole.Link, new() { Name = "办理" }).ClickAsync();
        await clerk.WaitForURLAsync(url => url.Contains($"/workflow/cases/{acceptId}", StringComparison.Ordinal));
        Assert.Contains("柜台受理件", await clerk.InnerTextAsync("h1"), StringComparison.Ordinal);

        // the approver: opens the approval's 指派/上报, tries to assign nobody (browser validation off), then assigns the county officer
        var approver = await SignInAsync(browser, "rongzhou.approver", errors);
        await approver.GotoAsync("/");
        await approver.Locator($"tr[data-task='{approveKey}']").GetByRole(AriaRole.Link, new() { Name = "指派/上报" }).ClickAsync();
        await approver.WaitForURLAsync(url => url.Contains($"/my/tasks/{approveKey}", StringComparison.Ordinal));
        await approver.EvalOnSelectorAllAsync("form", "fs => fs.forEach(f => f.noValidate = true)");
        await approver.GetByRole(AriaRole.Button, new() { Name = "指派", Exact = true }).ClickAsync();
        await approver.WaitForSelectorAsync("text=请选择要指派的同事");
        Assert.Equal("—", (await approver.InnerTextAsync("[data-assigned]")).Trim());
        await approver.SelectOptionAsync("#assigneeId", new SelectOptionValue { Label = (await approver.Locator("#assigneeId option", new() { HasTextString = "容县民政局干部" }).InnerTextAsync()).Trim() });
        await approver.FillAsync("#assign-note", "请县里协助审批");
        await approver.GetByRole(AriaRole.Button, new() { Name = "指派", Exact = true }).ClickAsync();
        await approver.WaitForSelectorAsync("[data-done]");
        Assert.Contains("容县民政局干部", await approver.InnerTextAsync("[data-assigned]"), StringComparison.Ordinal);
        await approver.FillAsync("#escalate-note", "材料存疑，请县里把关");
        await approver.GetByRole(AriaRole.Button, new() { Name = "上报", Exact = true }).ClickAsync();
        await approver.WaitForSelectorAsync("text=已上报容县");

        // the county officer sees it on 工作台, marked 指派 and 上报
        var officer = await SignInAsync(browser, "rongxian.officer", errors);
        await officer.GotoAsync("/");
        var officerRow = officer.Locator($"tr[data-task='{approveKey}']");
        Assert.Equal(1, await officerRow.Locator("[data-mark=assigned]").CountAsync());
        Assert.Equal(1, await officerRow.Locator("[data-mark=escalated]").CountAsync());
        Assert.Empty(errors);

        var mark = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<WorkItemMark>().SingleAsync(m => m.Key == approveKey));
        Assert.Equal("450921000000", mark.EscalatedToDivision);
        Assert.NotNull(mark.AssignedAt);
    }
}

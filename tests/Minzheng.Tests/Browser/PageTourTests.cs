using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Minzheng.Tests.Infrastructure;

namespace Minzheng.Tests.Browser;

/// <summary>
/// Whole jobs in Chromium across pages (administration and audit, a payroll's review and approval, a finding confirmed, a
/// child's visit). Opening every page for console errors and accessibility is the discovered tour's job
/// (Accessibility/AccessibilityTourTests, which replaced the hand-kept list that was here).
/// </summary>
public sealed class PageTourTests(BrowserAppWithCases app) : IClassFixture<BrowserAppWithCases>
{
    [Fact]
    public async Task Administration_and_audit_pages_render_without_browser_errors()
    {
        app.SkipIfUnavailable();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserApp.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = app.BaseAddress.ToString() });
        page.SetDefaultTimeout(90_000); // the whole suite runs in parallel on two cores: a slow page is not a failure
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add($"{page.Url}: {m.Text}"); };
        await page.GotoAsync("/account/login");
        await page.FillAsync("#UserName", "admin");
        await page.FillAsync("#Password", Web.Platform.Demo.DemoAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await page.GotoAsync("/admin/users");
        var userUrl = await page.Locator("table tbody tr td a").First.GetAttributeAsync("href");
        foreach (var path in new[] { "/admin/users", "/admin/roles", "/admin/jobs", "/audit", userUrl! })
        {
            var response = await page.GotoAsync(path);
            Assert.True(response?.Ok, $"{path}: {response?.Status}");
            Assert.Equal(0, await page.Locator(".alert[role=alert]").CountAsync());
        }
        // verifying the chain from the auditor's page
        await page.GotoAsync("/audit");
        await page.ClickAsync("text=校验哈希链");
        Assert.Contains("校验通过", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    /// <summary>The demo's draft payroll: the officer reviews it, finance approves and downloads the bank file, a bad return file is reported by line.</summary>
    [Fact]
    public async Task A_payroll_is_reviewed_approved_by_finance_and_exported_in_the_browser()
    {
        app.SkipIfUnavailable();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserApp.LaunchAsync(playwright);
        var errors = new List<string>();
        async Task<IPage> SignInAsync(string user)
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), AcceptDownloads = true });
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(90_000); // the whole suite runs in parallel on two cores: a slow page is not a failure
            page.Console += (_, m) => { if (m.Type == "error") errors.Add($"{page.Url}: {m.Text}"); };
            await page.GotoAsync("/account/login");
            await page.FillAsync("#UserName", user);
            await page.FillAsync("#Password", Web.Platform.Demo.DemoAccounts.Password);
            await page.ClickAsync("button[type=submit]");
            await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
            return page;
        }

        var officer = await SignInAsync("rongxian.officer");
        await officer.GotoAsync("/payments");
        var draft = officer.Locator("table tbody tr", new() { HasText = "已生成（草稿）" }).First;
        var url = await draft.Locator("a").First.GetAttributeAsync("href");
        await officer.GotoAsync(url!);
        // the review lists the known risks first (ADR 023): the retry to last month's frozen account among them; each is confirmed
        Assert.Contains("账户已冻结", await officer.Locator("tr[data-flag^='PermanentFailure:']").First.InnerTextAsync(), StringComparison.Ordinal);
        await officer.FillAsync("#flagReason", "逐户核实无误");
        await officer.GetByRole(AriaRole.Button, new() { Name = "勾选的确认发放" }).ClickAsync();
        await officer.WaitForSelectorAsync("text=已全部处理");
        await officer.GetByRole(AriaRole.Button, new() { Name = "审核通过，提交审批" }).ClickAsync();
        Assert.Contains("已审核", await officer.Locator(".alert.ok").InnerTextAsync(), StringComparison.Ordinal);
        // the officer has no approval right: no approve button for them
        Assert.Equal(0, await officer.GetByRole(AriaRole.Button, new() { Name = "审批同意" }).CountAsync());

        var finance = await SignInAsync("rongxian.finance");
        await finance.GotoAsync(url!);
        await finance.GetByRole(AriaRole.Button, new() { Name = "审批同意" }).ClickAsync();
        Assert.Contains("已审批", await finance.Locator(".alert.ok").InnerTextAsync(), StringComparison.Ordinal);
        var download = await finance.RunAndWaitForDownloadAsync(() => finance.GetByRole(AriaRole.Button, new() { Name = "导出银行文件" }).ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var text = System.Text.Encoding.GetEncoding("GB18030").GetString(await File.ReadAllBytesAsync(path!));
        Assert.StartsWith("业务编号,账号,户名,金额", text, StringComparison.Ordinal);

        // a return file naming a line the bank never got is refused, with the line shown
        await finance.GotoAsync(url!);
        var bad = Path.Combine(Path.GetTempPath(), $"return-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(bad, "业务编号,处理结果,失败原因\n99999999,成功,\n");
        await finance.SetInputFilesAsync("#upload", bad);
        await finance.GetByRole(AriaRole.Button, new() { Name = "导入回盘" }).ClickAsync();
        Assert.Contains("第2行", await finance.Locator("table", new() { HasText = "问题" }).First.InnerTextAsync(), StringComparison.Ordinal);
        File.Delete(bad);
        Assert.Empty(errors);
    }

    /// <summary>
    /// Data comparison end to end: a vehicle dataset names the payee of one of 容州镇's running dibao cases; the county runs the
    /// rules; 容州镇's clerk (who may not suspend a case herself) opens the finding, confirms it with 暂停发放, and the case is
    /// suspended with nothing due from next month; the finding's form keeps what was typed when the note is missing.
    /// </summary>
    [Fact]
    public async Task A_township_clerk_opens_a_finding_confirms_it_and_the_benefit_is_suspended()
    {
        app.SkipIfUnavailable();
        var (caseId, payee) = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<Web.Platform.Data.AppDbContext>();
            var c = await db.Set<Web.Modules.Assistance.Cases.AssistanceCase>().AsNoTracking()
                .Where(x => x.DivisionCode.StartsWith("450921100") && x.State == "active" && x.Program == Web.Modules.Assistance.Cases.AssistanceProgram.Dibao)
                .OrderBy(x => x.Number).FirstAsync();
            var period = await db.Set<Web.Platform.Entitlements.EntitlementPeriod>().AsNoTracking().FirstAsync(e => e.SourceId == c.Id && e.ToMonth == null);
            return (c.Id, period.PayeePersonId);
        });
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<Web.Platform.Data.AppDbContext>();
            var person = await db.Persons.AsNoTracking().FirstAsync(p => p.Id == payee);
            var previous = await db.Set<Web.Modules.DataComparison.ComparisonDataset>().Where(d => d.Kind == Web.Modules.DataComparison.DatasetKind.Vehicles && d.DivisionCode == "450921000000").ToListAsync();
            foreach (var p in previous) p.Status = Web.Modules.DataComparison.DatasetStatus.Superseded;
            var d = new Web.Modules.DataComparison.ComparisonDataset
            {
                Kind = Web.Modules.DataComparison.DatasetKind.Vehicles,
                Source = "容县公安局交警大队",
                AsOf = new DateOnly(2026, 11, 29),
                Version = previous.Count + 1,
                DivisionCode = "450921000000",
                RowCount = 1,
                FileName = "vehicles.xlsx",
                ImportedBy = "rongxian.officer",
                ImportedAt = DateTime.UtcNow,
            };
            db.Add(d);
            db.Add(new Web.Modules.DataComparison.ComparisonRecord { DatasetId = d.Id, Line = 2, IdNumberHash = person.IdNumberHash!, IdNumberMasked = person.IdNumberMasked!, Name = person.Name, Reference = "桂K66666", Category = "小型轿车", Status = "正常" });
            return await db.SaveChangesAsync();
        });
        var officer = await app.ClientAsync("rongxian.officer");
        var start = await officer.PostAsync("/api/v1/comparison/runs", null);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, start.StatusCode);
        for (var i = 0; i < 600 && !(await officer.GetJsonAsync(start.Headers.Location!.OriginalString)).GetProperty("done").GetBoolean(); i++) await Task.Delay(100);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserApp.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = app.BaseAddress.ToString() });
        page.SetDefaultTimeout(90_000); // the whole suite runs in parallel on two cores: a slow page is not a failure
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add($"{page.Url}: {m.Text}"); };
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#UserName", "rongzhou.clerk");
        await page.FillAsync("#Password", Web.Platform.Demo.DemoAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));

        await page.GotoAsync("/comparison");
        await page.ClickAsync("text=待核实线索");
        await page.SelectOptionAsync("select[name=rule]", "vehicle");
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        var row = page.Locator("table tbody tr", new() { HasText = "桂K66666" });
        await row.Locator("a").First.ClickAsync();
        Assert.Contains("拥有非豁免机动车", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        Assert.Contains("容县公安局交警大队", await page.InnerTextAsync("main"), StringComparison.Ordinal);

        // without a note: the error beside the field, the chosen action kept
        await page.SelectOptionAsync("#Action", "Suspend");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认并处置" }).ClickAsync();
        Assert.Contains("请填写核实情况", await page.Locator(".field-error").AllInnerTextsAsync() is var e ? string.Join(" ", e) : "", StringComparison.Ordinal);
        Assert.Equal("Suspend", await page.InputValueAsync("#Action"));
        await page.FillAsync("#Note", "入户核实：户主名下小型轿车一辆，正常使用，家庭财产超过规定。");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认并处置" }).ClickAsync();
        Assert.Contains("已确认并处置", await page.Locator(".alert.ok").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("暂停", await page.InnerTextAsync("main"), StringComparison.Ordinal);

        var (state, toMonth) = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<Web.Platform.Data.AppDbContext>();
            var c = await db.Set<Web.Modules.Assistance.Cases.AssistanceCase>().AsNoTracking().FirstAsync(x => x.Id == caseId);
            var last = await db.Set<Web.Platform.Entitlements.EntitlementPeriod>().AsNoTracking().Where(x => x.SourceId == caseId).OrderByDescending(x => x.FromMonth).FirstAsync();
            return (c.State, last.ToMonth);
        });
        Assert.Equal("suspended", state);
        Assert.Equal(new DateOnly(2026, 11, 1), toMonth); // paid through this month, nothing due from December
        Assert.Empty(errors);
    }

    /// <summary>The children's director of 新南社区 records a visit with a risk item; the township sees the alert on its dashboard.</summary>
    [Fact]
    public async Task A_childrens_director_records_a_visit_with_a_risk_item_and_the_township_sees_the_alert()
    {
        app.SkipIfUnavailable();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserApp.LaunchAsync(playwright);
        var errors = new List<string>();
        async Task<IPage> SignInAsync(string user)
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString() });
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(90_000); // the whole suite runs in parallel on two cores: a slow page is not a failure
            page.Console += (_, m) => { if (m.Type == "error") errors.Add($"{page.Url}: {m.Text}"); };
            await page.GotoAsync("/account/login");
            await page.FillAsync("#UserName", user);
            await page.FillAsync("#Password", Web.Platform.Demo.DemoAccounts.Password);
            await page.ClickAsync("button[type=submit]");
            await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
            return page;
        }

        var director = await SignInAsync("xinnan.worker");
        await director.GotoAsync("/children/watch");
        // a child of 新南社区 without an open risk yet
        var row = director.Locator("table tbody tr", new() { HasNotText = "未解除风险" }).First;
        var name = (await row.Locator("td a").First.InnerTextAsync()).Trim();
        await row.Locator("td a").First.ClickAsync();
        // a risk item without a follow-up is refused beside the field, and nothing is lost
        await director.FillAsync("#Findings", "祖母住院，孩子由邻居临时照看");
        await director.FillAsync("#RiskItem", "临时无人照料");
        await director.GetByRole(AriaRole.Button, new() { Name = "保存走访记录" }).ClickAsync();
        Assert.Contains("发现风险须填写跟进措施", await director.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal("临时无人照料", await director.InputValueAsync("#RiskItem"));
        await director.FillAsync("#FollowUp", "联系姑母接回照料，报乡镇儿童督导员");
        await director.SelectOptionAsync("#RiskAfter", "High");
        await director.GetByRole(AriaRole.Button, new() { Name = "保存走访记录" }).ClickAsync();
        Assert.Contains("走访记录已保存", await director.Locator(".alert.ok").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("临时无人照料", await director.InnerTextAsync("main"), StringComparison.Ordinal);

        var township = await SignInAsync("rongzhou.approver");
        await township.GotoAsync("/children");
        var alert = township.Locator("table tbody tr", new() { HasText = name }).Filter(new() { HasText = "风险事项" });
        Assert.True(await alert.CountAsync() > 0, await township.InnerTextAsync("main"));
        Assert.Contains("临时无人照料", await alert.First.InnerTextAsync(), StringComparison.Ordinal);
        // 杨梅镇 does not see it
        var other = await SignInAsync("yangmei.clerk");
        await other.GotoAsync("/children");
        Assert.DoesNotContain(name, await other.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Empty(errors);
    }
}

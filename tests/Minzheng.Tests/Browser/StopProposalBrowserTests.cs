using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.Disability;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Tests.Browser;

/// <summary>
/// Issue 12, item 2 as the county officer meets it: a township clerk's 停发 of a disability subsidy on a confirmed finding waits
/// on the subsidy's page; the officer approves it in the 停发提请 queue and prints the 停发通知书 with its footer (ADR 028).
/// </summary>
public sealed class StopProposalBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_county_officer_approves_a_clerks_stop_and_prints_the_notice()
    {
        app.SkipIfUnavailable();
        var admin = await app.ClientAsync("admin");
        var idNumber = IdNumber.Compose("450102", new DateOnly(1968, 3, 3), Random.Shared.Next(1, 999));
        var created = await admin.PostAsJsonAsync("/api/v1/persons", new
        {
            idNumber,
            name = "庞立新",
            divisionCode = "450921100003",
            disabilityCategory = "physical",
            disabilityGrade = 1,
            disabilityCertificate = $"{idNumber}{(int)DisabilityCategory.Physical}1",
            bankName = "广西农村信用社",
            bankAccount = "6230" + Random.Shared.NextInt64(100_000_000_000_000, 999_999_999_999_999),
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var person = (await created.JsonAsync()).GetProperty("id").GetGuid();
        var a = await (await (await app.ClientAsync("rongzhou.clerk")).PostAsJsonAsync("/api/v1/disability/subsidies", new { personId = person, subsidy = "care", channel = "counter" })
            .EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        string[] chain = ["rongzhou.clerk", "rongzhou.approver", "rongxian.dpf", "rongxian.officer"];
        foreach (var (userName, i) in chain.Select((u, i) => (u, i)))
        {
            a = await (await (await app.ClientAsync(userName)).PostAsJsonAsync($"/api/v1/disability/subsidies/{a.GetProperty("id").GetString()}/step",
                new { agree = true, opinion = "属实", version = a.GetProperty("version").GetInt32(), certificateGeneration = i == 2 ? 3 : (int?)null, certificateValidUntil = new DateOnly(2030, 1, 1) })
                .EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        }
        var id = a.GetProperty("id").GetGuid();

        // the township clerk confirms a 迁出 finding with 停发 (as data comparison calls the module): a proposal, nothing stops
        var done = await app.WithServicesAsync(async sp =>
        {
            var userId = await sp.GetRequiredService<AppDbContext>().Users.Where(u => u.UserName == "rongzhou.clerk").Select(u => u.Id).SingleAsync();
            var permissions = sp.GetRequiredService<Web.Platform.Composition.PermissionCatalog>().DefaultsOf(Roles.TownshipClerk).ToHashSet();
            sp.GetRequiredService<CurrentUser>().RunAs(new ActingIdentity(userId, "rongzhou.clerk", "450921100000", permissions));
            var module = sp.GetServices<IBenefitActions>().Single(m => m.Supported.ContainsKey("disability-care"));
            var result = await module.ApplyAsync(new BenefitActionRequest("disability-care", id, BenefitAction.Terminate, new DateOnly(2026, 11, 1), "户籍已于2026年11月迁出本县",
                "数据比对核实结论 #77（容州镇 经办员 2026-11-30）"), CancellationToken.None);
            await sp.GetRequiredService<AppDbContext>().SaveChangesAsync();
            return result;
        });
        Assert.StartsWith("已提请停发", done, StringComparison.Ordinal);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserApp.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = app.BaseAddress.ToString(), Locale = "zh-CN" });
        page.SetDefaultTimeout(90_000);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#UserName", "rongxian.officer");
        await page.FillAsync("#Password", Web.Platform.Demo.DemoAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));

        await page.GotoAsync($"/disability/{id}");
        Assert.Contains("户籍已于2026年11月迁出本县", await page.InnerTextAsync("#stop-proposals"), StringComparison.Ordinal);
        Assert.Contains("发放中", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        await page.ClickAsync("#stop-proposals a:has-text('审批')");
        await page.WaitForURLAsync(url => url.Contains("/benefit-proposals", StringComparison.Ordinal));
        var row = page.Locator("tr", new() { HasText = "庞立新" });
        await row.Locator("input[name=opinion]").FillAsync("核实属实，同意停发");
        await row.Locator("button[value=approve]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/notice", StringComparison.Ordinal));
        Assert.Contains("重度残疾人护理补贴停发通知书", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        Assert.Contains("发放至 2026年11月", await page.InnerTextAsync("article"), StringComparison.Ordinal);

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.False(await page.IsVisibleAsync("button[data-print]"));
        Assert.Equal("容县民政局", await page.InnerTextAsync("[data-issuing-unit]"));
        var signs = await page.InnerTextAsync(".print-footer-signs");
        Assert.Contains("审核：容县民政局干部", signs, StringComparison.Ordinal);
        Assert.True(await page.IsVisibleAsync(".seal-box"));

        var subsidy = await (await app.ClientAsync("rongxian.officer")).GetJsonAsync($"/api/v1/disability/subsidies/{id}");
        Assert.Equal(("terminated", "2026-11-01"), (subsidy.GetProperty("status").GetString(), subsidy.GetProperty("lastMonth").GetString()));
    }
}

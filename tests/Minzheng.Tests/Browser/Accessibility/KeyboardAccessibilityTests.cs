using System.Net.Http.Json;
using Microsoft.Playwright;
using Minzheng.Tests.Assistance;
using Minzheng.Tests.Infrastructure;

namespace Minzheng.Tests.Browser.Accessibility;

/// <summary>
/// Issue 21's acceptance by keyboard alone: the skip link, the error summary after a refused submit and each error tied to its
/// field; and the proof that the axe check can fail (a planted contrast failure is reported with its rule and element).
/// </summary>
public sealed class KeyboardAccessibilityTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private async Task<(IBrowserContext Context, IPage Page)> SignInAsync(IBrowser browser, string user)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), Locale = "zh-CN" });
        await AxeAudit.RouteAsync(context);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(90_000); // the whole suite runs in parallel on two cores: a slow page is not a failure
        await page.GotoAsync("/account/login");
        await page.FillAsync("#UserName", user);
        await page.FillAsync("#Password", Web.Platform.Demo.DemoAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        return (context, page);
    }

    private static Task<string> FocusedAsync(IPage page) =>
        page.EvaluateAsync<string>("() => { const e = document.activeElement; return e ? (e.id || e.getAttribute('name') || e.className || e.tagName) : ''; }");

    [Fact]
    public async Task The_skip_link_leads_to_the_first_control_of_the_persons_list_in_one_Tab()
    {
        app.SkipIfUnavailable();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserApp.LaunchAsync(playwright);
        var (_, page) = await SignInAsync(browser, "rongzhou.clerk");
        await page.GotoAsync("/registry/persons");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip-link", await FocusedAsync(page));
        Assert.True((await page.Locator(".skip-link").BoundingBoxAsync())!.Y >= 0); // shown while it has the focus
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await FocusedAsync(page));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("IdNumber", await FocusedAsync(page)); // the ID-number search box: one Tab after the skip link
        // the box takes an X from a phone's keyboard, not a numeric keypad
        Assert.Equal("text", await page.GetAttributeAsync("#IdNumber", "inputmode"));
        // the current page is told, not only coloured
        Assert.Equal("/registry/persons", await page.GetAttributeAsync("nav[aria-label='主导航'] a[aria-current=page]", "href"));
        // the lines of business not built yet are one control, not one Tab stop each
        Assert.Equal(0, await page.Locator("nav[aria-label='主导航'] > a:has(.soon:text-is('未上线'))").CountAsync());
    }

    [Fact]
    public async Task A_refused_dibao_application_moves_the_focus_to_the_error_summary_and_ties_each_error_to_its_field()
    {
        app.SkipIfUnavailable();
        var (head, _) = await HouseholdScenario.PersonAsync(app, "覃德明", new DateOnly(1975, 4, 12));
        var admin = await app.ClientAsync("admin");
        var created = await (await admin.PostAsJsonAsync("/api/v1/households", new
        {
            divisionCode = HouseholdScenario.Village,
            headPersonId = head,
            address = "容州镇新南社区",
        })).EnsureSuccessStatusCode().JsonAsync();
        var number = created.GetProperty("number").GetString()!;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserApp.LaunchAsync(playwright);
        var (_, page) = await SignInAsync(browser, "rongzhou.clerk");
        var consoleErrors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") consoleErrors.Add(m.Text); };
        await page.GotoAsync($"/assistance/cases/new?HouseholdNumber={number}&Program=Dibao");
        // the required reason is marked beside its label, visibly and to assistive technology
        Assert.Equal("", await page.GetAttributeAsync("#Reason", "required"));
        Assert.Contains("*", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('label[for=Reason]'), '::after').content"), StringComparison.Ordinal);

        // browser validation off: the server's answer is what is tested; then the whole form by keyboard, Enter on the button
        await page.EvaluateAsync("() => document.getElementById('application').noValidate = true");
        await page.FocusAsync("#Channel");
        for (var i = 0; i < 40 && await page.EvaluateAsync<string>("() => document.activeElement.type") != "submit"; i++) await page.Keyboard.PressAsync("Tab");
        Assert.Equal("submit", await page.EvaluateAsync<string>("() => document.activeElement.type"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("[data-error-summary]");

        // the focus is on the summary, which says how many things to mend and links each to its field
        Assert.Equal("true", await page.EvaluateAsync<string>("() => String(document.activeElement.hasAttribute('data-error-summary'))"));
        var links = page.Locator("[data-error-summary] a[data-field]");
        var count = await links.CountAsync();
        Assert.True(count >= 2, await page.InnerTextAsync("[data-error-summary]")); // the reason and the consent at least
        for (var i = 0; i < count; i++)
        {
            var link = links.Nth(i);
            var message = (await link.InnerTextAsync()).Trim();
            var anchor = (await link.GetAttributeAsync("href"))!.TrimStart('#');
            var field = page.Locator($"[aria-describedby~='{anchor}']");
            Assert.Equal(1, await field.CountAsync());
            Assert.Equal("true", await field.GetAttributeAsync("aria-invalid"));
            Assert.Equal(message, (await page.InnerTextAsync("#" + anchor)).Trim()); // the message beside the field is the one the field announces
        }
        // Tab to the first line of the summary, Enter: the focus is on its field
        await page.Keyboard.PressAsync("Tab");
        var firstField = await links.First.GetAttributeAsync("data-field");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal(firstField, await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('name')"));
        // nothing typed is lost, and the form after the refusal has no violation either
        Assert.Empty(await AxeAudit.RunAsync(page));
        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task A_planted_contrast_failure_fails_the_check_with_its_rule_and_element()
    {
        app.SkipIfUnavailable();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserApp.LaunchAsync(playwright);
        var (_, page) = await SignInAsync(browser, "rongzhou.clerk");
        await page.GotoAsync("/registry/persons");
        Assert.Empty(await AxeAudit.RunAsync(page));
        // light grey on white, 1.6:1 (the CSSOM, not a style attribute: the page's CSP stays as it is)
        await page.EvaluateAsync("() => { const p = document.createElement('p'); p.id = 'planted'; p.textContent = '浅灰色文字'; p.style.color = '#c8c8c8'; p.style.background = '#ffffff'; document.querySelector('main').prepend(p); }");
        var violations = await AxeAudit.RunAsync(page);
        var planted = Assert.Single(violations);
        Assert.Equal("color-contrast", planted.Rule);
        Assert.Equal("#planted", planted.Target);
        Assert.Contains("浅灰色文字", planted.Html, StringComparison.Ordinal);
    }
}

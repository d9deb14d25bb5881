using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Tests.Browser;

/// <summary>The application on a real socket (Kestrel), for a headless Chromium.</summary>
public class BrowserApp : AppFixture
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public BrowserApp()
    {
        ConnectionString = $"Data Source={Path.Combine(DataDirectory, "minzheng.db")}";
        if (!File.Exists(ChromiumPath)) SkipReason = $"浏览器测试需要 {ChromiumPath}（apt-get install -y chromium；.ci/run 会安装）";
    }

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public Uri BaseAddress { get; private set; } = null!;

    protected override void StartHost()
    {
        UseKestrel(0);
        StartServer();
        BaseAddress = ClientOptions.BaseAddress;
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = ChromiumPath,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
}

/// <summary>The browser application with demo assistance cases (for page tours).</summary>
public sealed class BrowserAppWithCases : BrowserApp
{
    public override bool DemoCases => true;
}

public sealed class BrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_clerk_signs_in_finds_a_person_by_id_number_and_opens_the_record()
    {
        app.SkipIfUnavailable();
        // A real person of 容州镇 from the demo population, with the full ID number a clerk would type.
        var (name, idNumber, masked) = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var p = await db.Persons.Where(p => p.DivisionCode.StartsWith("450921100") && p.IdNumberCipher != null).OrderBy(p => p.Name).FirstAsync();
            return (p.Name, sp.GetRequiredService<IdentifierProtector>().Decrypt(p.IdNumberCipher!, ProtectedKind.IdNumber), p.IdNumberMasked!);
        });

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserApp.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = app.BaseAddress.ToString(), Locale = "zh-CN" });
        page.SetDefaultTimeout(90_000); // the whole suite runs in parallel on two cores: a slow page is not a failure
        var consoleErrors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") consoleErrors.Add(m.Text + " @ " + m.Location); };

        await page.GotoAsync("/");
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
        await page.FillAsync("#UserName", "rongzhou.clerk");
        await page.FillAsync("#Password", Web.Platform.Demo.DemoAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        Assert.Contains("工作台", await page.InnerTextAsync("h1"), StringComparison.Ordinal);

        await page.ClickAsync("nav >> text=人员登记");
        await page.WaitForURLAsync("**/registry/persons");
        await page.Keyboard.PressAsync("/"); // the shortcut focuses the ID-number box
        await page.Keyboard.TypeAsync(idNumber);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/registry/persons?**");
        var rows = page.Locator("table tbody tr");
        Assert.Equal(1, await rows.CountAsync());
        Assert.Contains(masked, await rows.First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(idNumber, await page.ContentAsync(), StringComparison.Ordinal); // the list shows the masked number only

        await page.ClickAsync($"table tbody >> text={name}");
        await page.WaitForURLAsync("**/registry/persons/*");
        Assert.Contains(name, await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        Assert.Contains("家庭", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Empty(consoleErrors); // no CSP violations or script errors
    }

    /// <summary>Issue 12, item 11: a skip link, Enter does not send a form of several sections, focus goes to the first error.</summary>
    [Fact]
    public async Task A_keyboard_user_skips_the_navigation_is_not_submitted_by_enter_and_lands_on_the_first_error()
    {
        app.SkipIfUnavailable();
        // a child of 容州镇 the clerk can file for
        var childId = Web.Platform.Registry.IdNumber.Compose("450921", new DateOnly(2017, 3, 9), Random.Shared.Next(1, 999));
        var admin = await app.ClientAsync("admin");
        (await admin.PostAsJsonAsync("/api/v1/persons", new { idNumber = childId, name = "黄小燕", divisionCode = "450921100003", hukouType = "rural" })).EnsureSuccessStatusCode();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserApp.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = app.BaseAddress.ToString(), Locale = "zh-CN" });
        page.SetDefaultTimeout(90_000);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#UserName", "rongzhou.clerk");
        await page.FillAsync("#Password", Web.Platform.Demo.DemoAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));

        // the first Tab reaches the skip link, which then shows and leads to the main content
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip-link", await page.EvaluateAsync<string>("document.activeElement.className"));
        Assert.True((await page.Locator(".skip-link").BoundingBoxAsync())!.Y >= 0);
        Assert.Equal("#main", await page.Locator(".skip-link").GetAttributeAsync("href"));

        // Enter in the child's ID number moves on to the next field; nothing is sent
        await page.GotoAsync("/children/cases/new");
        await page.FillAsync("#ChildIdNumber", childId);
        await page.FocusAsync("#ChildIdNumber");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForTimeoutAsync(300);
        Assert.EndsWith("/children/cases/new", page.Url, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator(".alert[role=alert]").CountAsync());
        Assert.Equal("Kind", await page.EvaluateAsync<string>("document.activeElement.id"));

        // a refused submit puts the focus on the error summary (issue 21); its line for the father's term leads to that field,
        // whose message is beside it
        await page.SelectOptionAsync("#Kind", "Unsupported");
        await page.SelectOptionAsync("#FatherSituation", "Imprisoned");
        await page.FillAsync("#FatherEvidence", "（2025）桂0921刑初88号");
        await page.FillAsync("#MotherEvidence", "死亡证明 A123");
        await page.FillAsync("#GuardianName", "黄桂芳");
        await page.FillAsync("#GuardianRelation", "祖母");
        await page.ClickAsync("form:has(#ChildIdNumber) button[type=submit]");
        await page.WaitForSelectorAsync("[data-valmsg-for='Input.Father.TermMonths']:has-text('刑期')");
        Assert.True(await page.EvaluateAsync<bool>("document.activeElement.hasAttribute('data-error-summary')"));
        // the summary's link and the message's id agree (FieldErrors.AnchorOf on the server, anchorOf in site.js), and the
        // field names that message for screen readers
        Assert.Equal("#err-Input_Father_TermMonths", await page.GetAttributeAsync("[data-error-summary] a[data-field='Input.Father.TermMonths']", "href"));
        Assert.Equal("err-Input_Father_TermMonths", await page.GetAttributeAsync("#FatherTermMonths", "aria-describedby"));
        await page.ClickAsync("[data-error-summary] a[data-field='Input.Father.TermMonths']");
        Assert.Equal("FatherTermMonths", await page.EvaluateAsync<string>("document.activeElement.id"));
    }

    /// <summary>Issue 12, item 13: the one-person file prints without the module cards that hold nothing.</summary>
    [Fact]
    public async Task The_one_person_file_prints_without_empty_module_cards()
    {
        app.SkipIfUnavailable();
        var admin = await app.ClientAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/v1/persons", new
        {
            idNumber = Web.Platform.Registry.IdNumber.Compose("450921", new DateOnly(1961, 8, 2), Random.Shared.Next(1, 999)),
            name = "莫少华",
            divisionCode = "450921100003",
            hukouType = "rural",
        });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserApp.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = app.BaseAddress.ToString(), Locale = "zh-CN" });
        page.SetDefaultTimeout(90_000);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#UserName", "rongzhou.clerk");
        await page.FillAsync("#Password", Web.Platform.Demo.DemoAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await page.GotoAsync($"/registry/persons/{id}");
        const string visible = "[...document.querySelectorAll('.person-panel')].filter(e => getComputedStyle(e).display !== 'none').length";
        Assert.True(await page.EvaluateAsync<int>(visible) > 0, "on screen every module's card shows, empty or not");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.Equal(0, await page.EvaluateAsync<int>(visible));
        Assert.Contains("莫少华", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
    }
}

using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Minzheng.Web.Platform.Demo;

namespace Minzheng.Tests.Browser.Accessibility;

/// <summary>
/// The accessibility tour (GB/T 37668-2019, which follows WCAG 2.0/2.1 A and AA): every page of the application is opened in
/// Chromium and checked by axe-core, at desktop width and at phone width, and the tour fails on any violation, naming the
/// width, the role, the page, the rule and the element.
/// <para>
/// "Every page" is found, not listed, so a new module inherits the check: every Razor page whose route has no parameter (read
/// from the application's endpoints), opened by the first role that may open it — anonymous first, then each demo account in
/// turn, broadest first — and every page with an id in its path that those pages link to, two links deep, each route once
/// (a route's id and query do not make it another page). Every role's own home page (工作台, 我的申请, …) is checked as that
/// role. Console errors (a CSP violation, a missing file) and 5xx answers fail it too. With MINZHENG_SCREENSHOTS=folder it
/// saves a full-page screenshot of each page checked, for review.
/// </para>
/// </summary>
public abstract partial class AccessibilityTour(BrowserAppWithCases app)
{
    protected abstract int Width { get; }
    protected abstract int Height { get; }
    protected abstract string WidthName { get; }

    /// <summary>Broadest first: the county officer reaches most pages with demo data in them; the rest add what only they may open.</summary>
    private static IEnumerable<string> Roles() =>
        new[] { "rongxian.officer", "admin", "city.officer" }.Concat(DemoAccounts.All.Select(a => a.UserName)).Distinct();

    /// <summary>Pages a GET must not open during a tour: signing out ends the tour's session.</summary>
    private static readonly string[] Never = ["/account/logout", "/scalar"];

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{32}")]
    private static partial Regex IdSegment();

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();

    /// <summary>A page's route as the tour counts it: ids and numbers in the path are one route, the query is ignored.</summary>
    internal static string RouteOf(string path) => Digits().Replace(IdSegment().Replace(path, "{id}"), "{n}");

    private static bool IsFile(string path) =>
        path.StartsWith("/api/", StringComparison.Ordinal) || path.StartsWith("/files/", StringComparison.Ordinal) ||
        Regex.IsMatch(path, @"(\.(xlsx|csv|pdf|png|jpe?g|svg|json|zip)$)|/(export|download)(/|$)", RegexOptions.IgnoreCase);

    private IReadOnlyList<string> ParameterlessPages() => app.WithServicesAsync(sp => Task.FromResult(
        sp.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null && e.RoutePattern.Parameters.Count == 0)
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").Trim('/'))
            .Where(p => !Never.Any(n => p.StartsWith(n, StringComparison.OrdinalIgnoreCase)) && !IsFile(p))
            .Distinct().Order(StringComparer.Ordinal).ToList() as IReadOnlyList<string>)).GetAwaiter().GetResult();

    [Fact]
    public async Task Every_page_has_no_WCAG_A_or_AA_violation_as_each_role_opens_it()
    {
        app.SkipIfUnavailable();
        var pages = ParameterlessPages();
        Assert.True(pages.Count > 100, $"only {pages.Count} pages found"); // the discovery itself works
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserApp.LaunchAsync(playwright);
        var failures = new List<string>();
        var done = new HashSet<string>(StringComparer.OrdinalIgnoreCase); // routes checked (by any role)
        var checkedCount = 0;
        var shots = Environment.GetEnvironmentVariable("MINZHENG_SCREENSHOTS"); // a folder: every page checked, for a person to look at
        foreach (var role in Roles().Prepend(null))
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), ViewportSize = new() { Width = Width, Height = Height }, Locale = "zh-CN" });
            await AxeAudit.RouteAsync(context);
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(90_000); // the whole suite runs in parallel on two cores: a slow page is not a failure
            var who = role ?? "（未登录）";
            page.Console += (_, m) => { if (m.Type == "error") failures.Add($"[{WidthName}] {who} {page.Url}: 控制台错误 {m.Text}"); };
            if (role is not null)
            {
                await page.GotoAsync("/account/login");
                await page.FillAsync("#UserName", role);
                await page.FillAsync("#Password", DemoAccounts.Password);
                await page.ClickAsync("button[type=submit]");
                await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
            }

            async Task<bool> CheckAsync(string path)
            {
                IResponse? response;
                try { response = await page.GotoAsync(path); }
                catch (PlaywrightException e) when (e.Message.Contains("Download is starting", StringComparison.Ordinal)) { return false; }
                if (response is null) return false;
                if (response.Status >= 500) { failures.Add($"[{WidthName}] {who} {path}: HTTP {response.Status}"); return false; }
                var landed = new Uri(page.Url).AbsolutePath;
                if (!response.Ok || landed.StartsWith("/account/login", StringComparison.Ordinal) && !path.StartsWith("/account/login", StringComparison.Ordinal)) return false;
                if (!(await response.HeaderValueAsync("content-type") ?? "").StartsWith("text/html", StringComparison.Ordinal)) return false;
                foreach (var v in await AxeAudit.RunAsync(page)) failures.Add($"[{WidthName}] {who} {path}: {v}");
                checkedCount++;
                if (shots is not null)
                {
                    Directory.CreateDirectory(shots);
                    var name = RouteOf(landed).Trim('/').Replace('/', '_').Replace('{', '(').Replace('}', ')');
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, $"{(name.Length == 0 ? "home" : name)}-{who}-{Width}.png"), FullPage = true });
                }
                return true;
            }

            var queue = new Queue<(string Path, int Depth)>();
            async Task VisitAsync(string path, int depth)
            {
                if (!await CheckAsync(path)) return;
                if (depth >= 2) return;
                foreach (var href in await page.Locator("main a[href]").EvaluateAllAsync<string[]>("as => as.map(a => a.href)"))
                {
                    if (!Uri.TryCreate(href, UriKind.Absolute, out var u) || u.Authority != app.BaseAddress.Authority || IsFile(u.AbsolutePath)) continue;
                    var route = RouteOf(u.AbsolutePath);
                    if (route == u.AbsolutePath || done.Contains(route) || Never.Any(n => u.AbsolutePath.StartsWith(n, StringComparison.OrdinalIgnoreCase))) continue;
                    done.Add(route);
                    queue.Enqueue((u.PathAndQuery, depth + 1));
                }
            }

            // the role's own home (工作台, 我的申请 …) as that role
            if (role is not null)
            {
                var home = new Uri(page.Url).PathAndQuery;
                await VisitAsync(home, 0);
                done.Add(RouteOf(new Uri(page.Url).AbsolutePath));
            }
            foreach (var path in pages.Where(p => !done.Contains(p)))
            {
                if (role is not null && path.StartsWith("/account/login", StringComparison.Ordinal)) continue;
                var before = checkedCount;
                await VisitAsync(path, 0);
                if (checkedCount > before) done.Add(path);
                while (queue.TryDequeue(out var next)) await VisitAsync(next.Path, next.Depth);
            }
            await context.CloseAsync();
        }
        Assert.True(checkedCount > 150, $"only {checkedCount} pages checked");
        Assert.True(failures.Count == 0, $"{failures.Count} 处无障碍问题（{checkedCount} 个页面）：\n" + string.Join("\n", failures.Distinct().Take(200)));
    }
}

public sealed class AccessibilityTourDesktopTests(BrowserAppWithCases app) : AccessibilityTour(app), IClassFixture<BrowserAppWithCases>
{
    protected override int Width => 1400;
    protected override int Height => 900;
    protected override string WidthName => "桌面";
}

public sealed class AccessibilityTourPhoneTests(BrowserAppWithCases app) : AccessibilityTour(app), IClassFixture<BrowserAppWithCases>
{
    protected override int Width => 390;
    protected override int Height => 844;
    protected override string WidthName => "手机";
}

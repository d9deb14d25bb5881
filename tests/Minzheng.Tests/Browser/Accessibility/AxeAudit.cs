using System.Text.Json;
using Microsoft.Playwright;

namespace Minzheng.Tests.Browser.Accessibility;

/// <summary>
/// axe-core (vendored: README.md here) run in the page, on the rules of WCAG 2.0 and 2.1 at levels A and AA — the level
/// GB/T 37668-2019 requires of government web content. The script reaches the page as <c>/_test/axe.min.js</c> on the
/// application's own origin, answered by a Playwright route (the application never serves it), so the page's CSP
/// (<c>script-src 'self'</c>) stays exactly as users get it.
/// </summary>
public static class AxeAudit
{
    public const string ScriptPath = "/_test/axe.min.js";

    /// <summary>The tags axe files the WCAG 2.0/2.1 A and AA success criteria under.</summary>
    public static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private static readonly Lazy<byte[]> Script = new(() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Browser", "Accessibility", "axe.min.js")));

    public sealed record Violation(string Rule, string Impact, string Help, string Target, string Html, string Summary)
    {
        public override string ToString() => $"{Rule}（{Impact}）{Target} — {Summary} — {Html}";
    }

    /// <summary>Answers the script's path in every page of the context (call once per context, before the first page opens).</summary>
    public static Task RouteAsync(IBrowserContext context) =>
        context.RouteAsync("**" + ScriptPath, route => route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "application/javascript; charset=utf-8", BodyBytes = Script.Value }));

    /// <summary>The violations in the page as it stands now (every node, each with its selector and markup).</summary>
    public static async Task<IReadOnlyList<Violation>> RunAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Url = ScriptPath });
        var result = await page.EvaluateAsync<JsonElement>(
            """
            async tags => {
              const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
              return r.violations.flatMap(v => v.nodes.map(n => ({
                rule: v.id, impact: v.impact || '', help: v.help,
                target: n.target.map(t => Array.isArray(t) ? t.join(' >>> ') : t).join(' '),
                html: (n.html || '').slice(0, 200), summary: (n.failureSummary || '').replace(/\s+/g, ' ').trim().slice(0, 300) })));
            }
            """, Tags);
        return result.EnumerateArray().Select(v => new Violation(
            v.GetProperty("rule").GetString()!, v.GetProperty("impact").GetString()!, v.GetProperty("help").GetString()!,
            v.GetProperty("target").GetString()!, v.GetProperty("html").GetString()!, v.GetProperty("summary").GetString()!)).ToList();
    }
}

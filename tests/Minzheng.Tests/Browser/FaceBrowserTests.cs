using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Minzheng.Tests.Faces;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Platform.Faces;

namespace Minzheng.Tests.Browser;

/// <summary>
/// Issue 20 item 3 in headless Chromium with every request outside the app refused: the station's clerk picks a re-admitted
/// person's photo, the vendored model computes its descriptor in the page (agreeing with the recorded one), the save lists the
/// earlier intake first; a cat is refused beside the field by the page and, submitted anyway, by the server; an oversized photo
/// is refused before anything is sent.
/// </summary>
public sealed class FaceBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    // the model's first run compiles its shaders on a software GL, on two busy cores
    private static readonly LocatorAssertionsToContainTextOptions Slow = new() { Timeout = 240_000 };

    private static async Task<string> IntakeAsync(HttpClient staff, string station, int birthYear)
    {
        var r = await staff.PostAsJsonAsync("/api/v1/rescue/stays", new Dictionary<string, object?>
        {
            ["stationId"] = station,
            ["noIdNumber"] = true,
            ["sex"] = "female",
            ["birthYear"] = birthYear,
            ["source"] = "patrol",
            ["unableToGiveFacts"] = true,
            ["noFoodOrLodging"] = true,
            ["noRelativesToTurnTo"] = true,
            ["noBasicAllowance"] = true,
            ["vagrantInCity"] = true,
        });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.JsonAsync()).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task The_descriptor_is_computed_in_the_page_from_the_vendored_model_and_finds_the_earlier_intake()
    {
        app.SkipIfUnavailable();
        var staff = await app.ClientAsync("yulin.rescue");
        var station = (await staff.GetJsonAsync("/api/v1/rescue/stations")).GetProperty("items").EnumerateArray()
            .First(s => s.GetProperty("divisionCode").GetString() == "450902000000").GetProperty("id").GetString()!;
        var earlier = await IntakeAsync(staff, station, 1958);
        var again = await IntakeAsync(staff, station, 1959);
        using (var form = new MultipartFormDataContent())
        {
            var d = FaceMatchingTests.Descriptor("collins-2019.jpg");
            var file = new ByteArrayContent(FaceMatchingTests.Photo("collins-2019.jpg"));
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "photo", "collins-2019.jpg");
            form.Add(new StringContent(d.GetProperty("descriptor").GetRawText()), "descriptor");
            form.Add(new StringContent("0.97"), "score");
            form.Add(new StringContent(FaceRules.CurrentModel), "modelVersion");
            await staff.PostAsync($"/api/v1/faces/rescue-stay/{earlier}/samples", form).EnsureStatus(HttpStatusCode.Created);
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserApp.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), Locale = "zh-CN" });
        // the network is the app and nothing else: a CDN or an outside service would fail here
        var outside = new List<string>();
        await context.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith(app.BaseAddress.ToString().TrimEnd('/'), StringComparison.Ordinal)) await route.ContinueAsync();
            else { outside.Add(route.Request.Url); await route.AbortAsync(); }
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(240_000); // the model's first run compiles its shaders on a software GL, on two busy cores
        var consoleErrors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") consoleErrors.Add(m.Text + " @ " + m.Location); };

        await page.GotoAsync("/account/login");
        await page.FillAsync("#UserName", "yulin.rescue");
        await page.FillAsync("#Password", Web.Platform.Demo.DemoAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));

        await page.GotoAsync($"/rescue/stays/{again}");
        await page.ClickAsync("#faces-link");
        await page.WaitForURLAsync($"**/faces/rescue-stay/{again}");
        await page.WaitForSelectorAsync("form[data-face-ready]", new() { State = WaitForSelectorState.Attached });

        // an oversized photo is refused beside the field at once
        await page.SetInputFilesAsync("#photo", new FilePayload { Name = "big.jpg", MimeType = "image/jpeg", Buffer = new byte[6 * 1024 * 1024] });
        await Assertions.Expect(page.Locator("#photo-error")).ToContainTextAsync("超过 5 MB");

        // a cat: no face, said beside the field; submitted anyway, the server says so too and keeps nothing
        await page.SetInputFilesAsync("#photo", new FilePayload { Name = "cat.jpg", MimeType = "image/jpeg", Buffer = FaceMatchingTests.Photo("cat.jpg") });
        await Assertions.Expect(page.Locator("#photo-error")).ToContainTextAsync("未检测到人脸", Slow);
        Assert.Equal("", await page.InputValueAsync("#descriptor"));
        await page.ClickAsync("#face-submit");
        // the server's own wording (the page's says nothing of scripts): the refusal came back from the server
        await Assertions.Expect(page.Locator("#photo-error")).ToContainTextAsync("须启用脚本");
        await page.WaitForSelectorAsync("form[data-face-ready]", new() { State = WaitForSelectorState.Attached });
        Assert.Empty((await staff.GetJsonAsync($"/api/v1/faces/rescue-stay/{again}/samples")).GetProperty("items").EnumerateArray());

        // the re-admission photo: the descriptor computed here agrees with the recorded one
        await page.SetInputFilesAsync("#photo", new FilePayload { Name = "collins-2026.jpg", MimeType = "image/jpeg", Buffer = FaceMatchingTests.Photo("collins-2026.jpg") });
        await Assertions.Expect(page.Locator("#photo-status")).ToContainTextAsync("已识别人脸", Slow);
        var live = JsonSerializer.Deserialize<float[]>(await page.InputValueAsync("#descriptor"))!;
        var recorded = JsonSerializer.Deserialize<float[]>(FaceMatchingTests.Descriptor("collins-2026.jpg").GetProperty("descriptor").GetRawText())!;
        Assert.InRange(FaceRules.CosineDistance(live, recorded), 0, 0.001);
        await page.ClickAsync("#face-submit");
        await Assertions.Expect(page.Locator(".alert.ok")).ToContainTextAsync("照片已保存");
        var first = page.Locator("#face-candidates tbody tr").First;
        await Assertions.Expect(first).ToContainTextAsync("救助站受助人员");
        var samples = (await staff.GetJsonAsync($"/api/v1/faces/rescue-stay/{earlier}/samples")).GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();
        Assert.Contains(await first.GetAttributeAsync("data-candidate"), samples);

        // the clerk confirms with the grounds
        await first.Locator("input[name=note]").FillAsync("本人辨认");
        await first.Locator("button[value=same]").ClickAsync();
        await Assertions.Expect(page.Locator(".alert.ok")).ToContainTextAsync("同一人");

        Assert.Empty(outside);
        Assert.Empty(consoleErrors);
    }
}

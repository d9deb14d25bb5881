using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Tests.Browser;

/// <summary>
/// Issue 15's browser acceptance for the marriage half: 容县's 婚姻登记员 registers a marriage on the counter page and opens
/// the 结婚证 print page; the verification page of its QR token opens on a phone (390 px) without signing in.
/// </summary>
public sealed class MarriageBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_registry_clerk_registers_a_marriage_prints_the_certificate_and_the_qr_page_opens_on_a_phone()
    {
        app.SkipIfUnavailable();
        var admin = await app.ClientAsync("admin");
        async Task<string> PersonAsync(string name, DateOnly birth, bool male)
        {
            for (var attempt = 0; ; attempt++)
            {
                var idNumber = IdNumber.Compose("450921", birth, Random.Shared.Next(1, 450) * 2 + (male ? 1 : 0));
                var r = await admin.PostAsJsonAsync("/api/v1/persons", new { idNumber, name, divisionCode = "450921100003" });
                if (r.StatusCode == HttpStatusCode.Conflict && attempt < 5) continue;
                Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
                return idNumber;
            }
        }
        var man = await PersonAsync("钟永福", new DateOnly(1993, 4, 4), male: true);
        var woman = await PersonAsync("潘月华", new DateOnly(1995, 9, 9), male: false);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserApp.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = app.BaseAddress.ToString(), Locale = "zh-CN" });
        page.SetDefaultTimeout(90_000);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#UserName", "rongxian.marriage");
        await page.FillAsync("#Password", Web.Platform.Demo.DemoAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));

        await page.GotoAsync("/marriage");
        await page.ClickAsync("#marriage-links a:has-text('办理结婚登记')");
        await page.WaitForURLAsync(url => url.Contains("/marriage/register", StringComparison.Ordinal));
        await page.FillAsync("#Input_MaleIdNumber", man);
        await page.FillAsync("#Input_FemaleIdNumber", woman);
        // forgetting the declaration: the ground is shown beside its field, nothing registered
        await page.CheckAsync("#Input_BothInPerson");
        await page.ClickAsync("#register-button");
        Assert.Contains("声明", await page.InnerTextAsync("[data-valmsg-for='Input.DeclarationsSigned']"), StringComparison.Ordinal);
        await page.CheckAsync("#Input_DeclarationsSigned");
        await page.ClickAsync("#register-button");
        await page.WaitForURLAsync(url => url.Contains("/marriage/registrations/", StringComparison.Ordinal));
        Assert.Contains("有效", await page.InnerTextAsync("#registration-status"), StringComparison.Ordinal);

        await page.ClickAsync("#certificate-list a[data-print-certificate] >> nth=0");
        await page.WaitForURLAsync(url => url.Contains("/print", StringComparison.Ordinal));
        Assert.Equal("结婚证", (await page.InnerTextAsync("#certificate h1")).Trim());
        Assert.Equal("容县民政局", (await page.InnerTextAsync("#authority")).Trim());
        Assert.True(await page.IsVisibleAsync("#certificate-qr svg"));
        var verifyUrl = await page.GetAttributeAsync("#certificate-qr", "data-verify-url");
        Assert.NotNull(verifyUrl);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.False(await page.IsVisibleAsync("button[data-print]"));

        // a phone, not signed in, opens the URL the QR code holds
        var phone = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "zh-CN" });
        phone.SetDefaultTimeout(90_000);
        await phone.GotoAsync(verifyUrl!);
        Assert.Contains("证书真实有效", await phone.InnerTextAsync("#verify-result"), StringComparison.Ordinal);
        Assert.Contains("钟*福", await phone.InnerTextAsync("body"), StringComparison.Ordinal);
        var overflow = await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the verification page scrolls sideways at 390 px");
    }
}

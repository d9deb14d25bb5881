using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Minzheng.Tests.Infrastructure;

namespace Minzheng.Tests.Security;

/// <summary>Rate limits, upload checks, antiforgery and error responses that reveal nothing internal.</summary>
public sealed partial class HardeningTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [Fact]
    public async Task A_file_whose_content_does_not_match_its_extension_is_refused()
    {
        var client = await UploadClientAsync();
        var token = TokenPattern().Match(await client.GetStringAsync("/imports")).Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent("MZ\u0090\u0000 this is not a spreadsheet"u8.ToArray()) { Headers = { ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") } }, "upload", "名单.xlsx" },
        };
        var response = await client.PostAsync("/imports", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("文件内容与扩展名", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var exe = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent([0x4D, 0x5A]), "upload", "tool.exe" },
        };
        Assert.Contains(".xlsx 或 .csv", await (await client.PostAsync("/imports", exe)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forms_without_the_antiforgery_token_are_rejected()
    {
        var client = await UploadClientAsync();
        using var form = new MultipartFormDataContent { { new ByteArrayContent("a,b\n1,2\n"u8.ToArray()), "upload", "x.csv" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/imports", form)).StatusCode);
    }

    [Fact]
    public async Task Errors_reveal_no_internals()
    {
        var client = await app.ClientAsync("admin");
        var response = await client.PostAsync("/api/v1/persons", new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("SELECT", body, StringComparison.Ordinal);
    }

    private async Task<HttpClient> UploadClientAsync()
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync("rongzhou.clerk"));
        return client;
    }
}

/// <summary>In a fixture of its own: it exhausts the sign-in limit of its application for a minute.</summary>
public sealed class SignInRateLimitTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Sign_in_attempts_are_rate_limited_per_address()
    {
        var client = app.CreateClient();
        var allowed = 0;
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 100 && limited is null; i++)
        {
            var r = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "nobody" + i, password = "x" });
            if (r.StatusCode == HttpStatusCode.TooManyRequests) limited = r;
            else allowed++;
        }
        Assert.NotNull(limited);
        Assert.InRange(allowed, 50, 60); // the limit is 60 a minute per address
        await limited.ExpectProblemAsync(429, "rate_limited");
    }
}

using System.Net;
using System.Net.Http.Json;
using Minzheng.Tests.Infrastructure;

namespace Minzheng.Tests.Security;

/// <summary>
/// Issue 12 item 25 (sign-in): a second failure in a row makes the account wait (429 <c>sign_in_throttled</c> with
/// <c>Retry-After</c>, not counted towards the lockout), the administrator sees the account's failed sign-ins on
/// <c>/admin/users</c>; showing the sign-in page does not use the sign-in budget, and the budget's 429 says when to retry.
/// </summary>
public abstract class SignInThrottleTests(AppFixture app)
{
    private static Task<HttpResponseMessage> SignIn(HttpClient c, string user, string password) =>
        c.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password });

    [Fact]
    public async Task Failed_sign_ins_make_the_account_wait_without_locking_it_sooner_and_the_administrator_sees_them()
    {
        app.SkipIfUnavailable();
        var c = app.CreateClient();
        const string user = "rongzhou.approver";
        await (await SignIn(c, user, "Wrong#Pass1")).ExpectProblemAsync(401, "invalid_credentials"); // a typo costs nothing
        await (await SignIn(c, user, "Wrong#Pass2")).ExpectProblemAsync(401, "invalid_credentials");
        // now the account waits: even the right password is not checked, and the refusals do not count towards the lockout
        for (var i = 0; i < 10; i++)
        {
            var r = await SignIn(c, user, "Wrong#Pass" + i);
            Assert.True(r.Headers.RetryAfter?.Delta is { } delay && delay >= TimeSpan.FromSeconds(1), r.Headers.RetryAfter?.ToString());
            await r.ExpectProblemAsync(429, "sign_in_throttled");
        }
        await (await SignIn(c, user, Web.Platform.Demo.DemoAccounts.Password)).ExpectProblemAsync(429, "sign_in_throttled");
        app.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.OK, (await SignIn(c, user, Web.Platform.Demo.DemoAccounts.Password)).StatusCode);

        var admin = await app.ClientAsync("admin");
        var html = await admin.GetStringAsync("/admin/users");
        Assert.Contains("data-sign-in-alerts", html, StringComparison.Ordinal);
        var alerts = html[html.IndexOf("data-sign-in-alerts", StringComparison.Ordinal)..];
        Assert.Matches($"{user}</a></td>\\s*<td class=\"num\">2</td>", alerts);
    }
}

public sealed class SignInThrottleTestsOnSqlite(SqliteApp app) : SignInThrottleTests(app), IClassFixture<SqliteApp>;

public sealed class SignInThrottleTestsOnPostgres(PostgresApp app) : SignInThrottleTests(app), IClassFixture<PostgresApp>;

/// <summary>In a fixture of its own: it exhausts the sign-in limit of its application for a minute.</summary>
public sealed class SignInBudgetTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Showing_the_sign_in_page_is_not_an_attempt_and_the_429_says_when_to_retry()
    {
        var client = app.CreateClient();
        for (var i = 0; i < 80; i++)
        {
            var page = await client.GetAsync("/account/login");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 100 && limited is null; i++)
        {
            var r = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "nobody" + i, password = "x" });
            if (r.StatusCode == HttpStatusCode.TooManyRequests) limited = r;
        }
        Assert.NotNull(limited);
        Assert.True(limited.Headers.RetryAfter?.Delta is { } wait && wait > TimeSpan.Zero && wait <= TimeSpan.FromMinutes(1), limited.Headers.RetryAfter?.ToString());
        await limited.ExpectProblemAsync(429, "rate_limited");
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Access.Admin;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Tests.Security;

/// <summary>Sign-in rules: lockout after five failures (on the fake clock), password complexity, forced change after a reset.</summary>
public abstract class AccountTests(AppFixture app)
{
    private static Task<HttpResponseMessage> SignIn(HttpClient c, string user, string password) =>
        c.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password });

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_until_the_lockout_ends()
    {
        app.SkipIfUnavailable();
        var c = app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignIn(c, "yangmei.clerk", "Wrong#Pass" + i)).StatusCode);
            app.Clock.Advance(TimeSpan.FromSeconds(10)); // past the account's delay after a failure (SignInThrottle; at most 8 s here)
        }
        await (await SignIn(c, "yangmei.clerk", Web.Platform.Demo.DemoAccounts.Password)).ExpectProblemAsync(401, "account_locked");

        app.Clock.Advance(TimeSpan.FromMinutes(14) - TimeSpan.FromSeconds(10));
        await (await SignIn(c, "yangmei.clerk", Web.Platform.Demo.DemoAccounts.Password)).ExpectProblemAsync(401, "account_locked");

        app.Clock.Advance(TimeSpan.FromMinutes(2)); // 16 minutes after the fifth failure
        Assert.Equal(HttpStatusCode.OK, (await SignIn(c, "yangmei.clerk", Web.Platform.Demo.DemoAccounts.Password)).StatusCode);
    }

    [Fact]
    public async Task Weak_passwords_are_refused_and_a_reset_password_must_be_changed_first()
    {
        app.SkipIfUnavailable();
        var userId = await app.WithServicesAsync(async sp =>
        {
            sp.GetRequiredService<CurrentUser>().RunAs(new ActingIdentity(null, "admin", "450900000000", new HashSet<string> { Permissions.AdminUsers }));
            var admin = sp.GetRequiredService<UserAdministration>();
            foreach (var weak in new[] { "short1A", "alllowercase1", "ALLUPPER-NODIGIT" })
            {
                var e = await Assert.ThrowsAsync<AppProblem>(() => admin.CreateAsync(new UserInput { UserName = "weak" + weak.Length, DisplayName = "弱", DivisionCode = "450921102000", Roles = [Roles.TownshipClerk], Password = weak }));
                Assert.True(e.Errors.ContainsKey("password"), weak);
            }
            var user = await admin.CreateAsync(new UserInput { UserName = "new.clerk", DisplayName = "新经办员", DivisionCode = "450921102000", Roles = [Roles.TownshipClerk], Password = "Temp#Pass2026" });
            var outside = await Assert.ThrowsAsync<AppProblem>(() => admin.CreateAsync(new UserInput { UserName = "x", DisplayName = "x", DivisionCode = "999999999999", Roles = [Roles.TownshipClerk], Password = "Temp#Pass2026" }));
            Assert.True(outside.Errors.ContainsKey("divisionCode"));
            return user.Id;
        });

        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = (await (await SignIn(client, "new.clerk", "Temp#Pass2026")).JsonAsync()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await (await client.GetAsync("/api/v1/persons")).ExpectProblemAsync(403, "password_change_required");
        var page = await client.GetAsync("/registry/persons");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/account/password", page.Headers.Location?.OriginalString);
        Assert.NotEqual(Guid.Empty, userId);
    }
}

public sealed class AccountTestsOnSqlite(SqliteApp app) : AccountTests(app), IClassFixture<SqliteApp>;

public sealed class AccountTestsOnPostgres(PostgresApp app) : AccountTests(app), IClassFixture<PostgresApp>;

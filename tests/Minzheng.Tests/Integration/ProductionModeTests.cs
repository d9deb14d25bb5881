using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Platform.Commands;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Tests.Integration;

/// <summary>A production database: reference data, no people, no demo accounts; the first administrator comes from the command line.</summary>
public abstract class ProductionModeTests(AppFixture app)
{
    [Fact]
    public async Task Production_start_has_reference_data_but_no_people_or_accounts_until_an_admin_is_created()
    {
        app.SkipIfUnavailable();
        var (divisions, days, people, users) = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return (await db.Divisions.CountAsync(), await db.CalendarDays.CountAsync(), await db.Persons.CountAsync(), await db.Users.CountAsync());
        });
        Assert.Equal(1626, divisions);
        Assert.True(days > 250);
        Assert.Equal(0, people);
        Assert.Equal(0, users);

        var anonymous = app.CreateClient();
        var demo = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = "Demo@2020" });
        Assert.Equal(HttpStatusCode.Unauthorized, demo.StatusCode);

        // what `dotnet run --project src/Minzheng.Web -- admin create --user … --password …` does
        Assert.Equal(1, await AdminCommands.CreateAdminAsync(app.Services, "root", "short", "450900000000")); // too weak: refused
        Assert.Equal(0, await AdminCommands.CreateAdminAsync(app.Services, "root", "Strong#Pass2026", "450900000000"));
        Assert.Equal(1, await AdminCommands.CreateAdminAsync(app.Services, "root", "Strong#Pass2026", "450900000000")); // exists
        var token = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = "root", password = "Strong#Pass2026" });
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        var me = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me")
        {
            Headers = { Authorization = new("Bearer", (await token.JsonAsync()).GetProperty("accessToken").GetString()) },
        });
        var body = await me.JsonAsync();
        Assert.Contains("admin.users", body.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
    }
}

public sealed class ProductionModeTestsOnSqlite(SqliteProductionApp app) : ProductionModeTests(app), IClassFixture<SqliteProductionApp>;

public sealed class ProductionModeTestsOnPostgres(PostgresProductionApp app) : ProductionModeTests(app), IClassFixture<PostgresProductionApp>;

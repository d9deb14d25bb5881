using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.Volunteers.Dashboard;
using Minzheng.Web.Modules.Volunteers.Records;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Tests.Volunteers;

/// <summary>
/// The volunteering dashboard against counts computed directly from the tables: the city by county, a county by its
/// townships and only its own, an organisation its own; and the pages (/volunteers, /volunteers/dashboard) render.
/// </summary>
public abstract class DashboardTests(AppFixture app)
{
    private const string Url = "/api/v1/volunteers/dashboard";

    [Fact]
    public async Task The_city_sees_every_county_with_counts_equal_to_the_tables()
    {
        app.SkipIfUnavailable();
        var direct = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var volunteers = await db.Set<Volunteer>().AsNoTracking().Where(v => v.Status != VolunteerStatus.Withdrawn).Select(v => new { v.DivisionCode, v.StarLevel }).ToListAsync();
            var records = await db.Set<ServiceRecord>().AsNoTracking().Select(r => new { r.DivisionCode, r.Status, r.VerifiedMinutes, r.TeamId }).ToListAsync();
            return (volunteers.GroupBy(v => v.DivisionCode[..6]).ToDictionary(g => g.Key + "000000", g => g.Count()),
                records.Where(r => r.Status == ServiceRecordStatus.Verified).GroupBy(r => r.DivisionCode[..6]).ToDictionary(g => g.Key + "000000", g => VolunteerDashboard.Hours(g.Sum(r => (long)r.VerifiedMinutes))),
                records.Count(r => r.Status == ServiceRecordStatus.Submitted),
                records.Where(r => r.Status == ServiceRecordStatus.Verified).Select(r => r.TeamId).Distinct().Count(),
                volunteers.GroupBy(v => v.StarLevel).ToDictionary(g => g.Key, g => g.Count()),
                volunteers.Count);
        });
        var (byCounty, hoursByCounty, waiting, activeTeams, stars, total) = direct;

        var json = await (await app.ClientAsync("city.officer")).GetJsonAsync(Url);
        Assert.Equal(total, json.GetProperty("volunteers").GetInt32());
        Assert.Equal(waiting, json.GetProperty("waitingForVerification").GetInt32());
        Assert.Equal(activeTeams, json.GetProperty("activeOrganizations").GetInt32()); // the demo's activities are all within the last 12 months
        var areas = json.GetProperty("byArea").EnumerateArray().ToDictionary(a => a.GetProperty("code").GetString()!, a => a);
        Assert.Equal(byCounty.Keys.Union(hoursByCounty.Keys).Order(), areas.Keys.Order());
        foreach (var (code, n) in byCounty) Assert.Equal(n, areas[code].GetProperty("volunteers").GetInt32());
        foreach (var (code, h) in hoursByCounty) Assert.Equal(h, areas[code].GetProperty("verifiedHours").GetDecimal());
        Assert.Equal("县（市、区）", json.GetProperty("areaLevelName").GetString());
        var starRows = json.GetProperty("stars").EnumerateArray().ToList();
        Assert.Equal(6, starRows.Count);
        foreach (var s in starRows) Assert.Equal(stars.GetValueOrDefault(s.GetProperty("star").GetInt32()), s.GetProperty("volunteers").GetInt32());
        var months = json.GetProperty("byMonth").EnumerateArray().ToList();
        Assert.Equal(12, months.Count);
        // hours rounded per month and per county: the totals agree to the rounding
        Assert.InRange(Math.Abs(hoursByCounty.Values.Sum() - months.Sum(m => m.GetProperty("verifiedHours").GetDecimal())), 0m, 0.01m * months.Count + 0.01m * hoursByCounty.Count);
    }

    [Fact]
    public async Task A_county_sees_its_townships_and_an_organisation_its_own()
    {
        app.SkipIfUnavailable();
        var beiliu = await (await app.ClientAsync("beiliu.officer")).GetJsonAsync(Url);
        Assert.Equal("乡镇（街道）", beiliu.GetProperty("areaLevelName").GetString());
        Assert.All(beiliu.GetProperty("byArea").EnumerateArray(), a => Assert.StartsWith("450981", a.GetProperty("code").GetString()));
        var beiliuVolunteers = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<Volunteer>().CountAsync(v => v.DivisionCode.StartsWith("450981")));
        Assert.Equal(beiliuVolunteers, beiliu.GetProperty("volunteers").GetInt32());
        Assert.Equal(0, beiliu.GetProperty("waitingForVerification").GetInt32()); // the waiting record is the centre's, in 容县

        var centre = await (await app.ClientAsync("yangguang.org")).GetJsonAsync(Url);
        Assert.Equal(6, centre.GetProperty("volunteers").GetInt32());
        Assert.Equal(1, centre.GetProperty("waitingForVerification").GetInt32());
        Assert.Equal(1, centre.GetProperty("activeOrganizations").GetInt32());

        // the pages render for the reader; the recompute button only for the city officer
        var county = await app.ClientAsync("rongxian.officer");
        var page = await (await county.GetAsync("/volunteers/dashboard")).Content.ReadAsStringAsync();
        Assert.Contains("hbar-chart", page);
        Assert.DoesNotContain("recompute-stars", page);
        Assert.Contains("recompute-stars", await (await (await app.ClientAsync("city.officer")).GetAsync("/volunteers/dashboard")).Content.ReadAsStringAsync());
        var index = await county.GetAsync("/volunteers");
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Contains("/volunteers/certificates", await index.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync("/volunteers/certificates")).StatusCode);
    }
}

public sealed class DashboardTestsOnSqlite(SqliteApp app) : DashboardTests(app), IClassFixture<SqliteApp>;

public sealed class DashboardTestsOnPostgres(PostgresApp app) : DashboardTests(app), IClassFixture<PostgresApp>;

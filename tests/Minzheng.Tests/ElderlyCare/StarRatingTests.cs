using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.ElderlyCare.StarRating;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Tests.ElderlyCare;

/// <summary>
/// 星级评定 over the API on SQLite and PostgreSQL: applied with the self-assessment, scored by experts per section, the level
/// computed (never typed) with its validity from the figure, on the anonymous public list; bad scores named, nothing saved;
/// another township's clerk sees nothing.
/// </summary>
public abstract class StarRatingTests(AppFixture app)
{
    private const string Rongzhou = "450921100003";

    private Task<int> CountAsync() => app.WithServicesAsync(sp =>
    {
        sp.GetRequiredService<CurrentUser>().RunAsSystem("test");
        return sp.GetRequiredService<AppDbContext>().Set<StarRatingRecord>().CountAsync();
    });

    [Fact]
    public async Task A_home_applies_experts_score_the_level_is_computed_and_published_with_its_validity()
    {
        app.SkipIfUnavailable();
        var officer = await app.ClientAsync("rongxian.officer");
        var name = $"测试星级养老院{Random.Shared.Next(100000)}";
        var home = await (await officer.PostAsJsonAsync("/api/v1/organizations", new { name, kind = "socialServiceAgency", divisionCode = Rongzhou, legalRepresentativeName = "黄某" })
            .EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        var homeId = home.GetProperty("id").GetGuid();

        var before = await CountAsync();
        var bad = await (await officer.PostAsJsonAsync("/api/v1/elderly/star-ratings", new { organizationId = homeId, appliedLevel = 6, selfAssessment = new { environment = 130, facilities = 100, management = 100.25, service = 500 } }))
            .ExpectProblemAsync(400, "validation_failed");
        var errors = bad.GetProperty("errors");
        foreach (var f in new[] { "appliedLevel", "selfAssessment.environment", "selfAssessment.management" }) Assert.True(errors.TryGetProperty(f, out _), $"{f}: {errors}");
        Assert.Equal(before, await CountAsync());

        var applied = await (await officer.PostAsJsonAsync("/api/v1/elderly/star-ratings", new { organizationId = homeId, appliedLevel = 3, selfAssessment = new { environment = 80, facilities = 90, management = 100, service = 400 } })
            .EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        Assert.Equal(3, applied.GetProperty("selfLevel").GetInt32());
        await (await officer.PostAsJsonAsync("/api/v1/elderly/star-ratings", new { organizationId = homeId, appliedLevel = 3, selfAssessment = new { environment = 80, facilities = 90, management = 100, service = 400 } }))
            .ExpectProblemAsync(409, "star_rating_open");

        var id = applied.GetProperty("id").GetGuid();
        var yangmei = await app.ClientAsync("yangmei.clerk");
        Assert.DoesNotContain(await yangmei.GetItemsAsync("/api/v1/elderly/star-ratings"), r => r.GetProperty("id").GetGuid() == id);
        var rongzhou = await app.ClientAsync("rongzhou.clerk");
        Assert.Contains(await rongzhou.GetItemsAsync("/api/v1/elderly/star-ratings"), r => r.GetProperty("id").GetGuid() == id);
        // a township clerk may read but not rate
        Assert.Equal(HttpStatusCode.Forbidden, (await rongzhou.PostAsJsonAsync($"/api/v1/elderly/star-ratings/{id}/score", new { experts = "甲", scores = new { environment = 1, facilities = 1, management = 1, service = 1 } })).StatusCode);

        var noScores = await (await officer.PostAsJsonAsync($"/api/v1/elderly/star-ratings/{id}/score", new { experts = "", scores = new { environment = 100 } })).ExpectProblemAsync(400, "validation_failed");
        var e2 = noScores.GetProperty("errors");
        foreach (var f in new[] { "experts", "scores.facilities", "scores.management", "scores.service" }) Assert.True(e2.TryGetProperty(f, out _), $"{f}: {e2}");

        // the total (800) would reach 四级, but 运营管理 118 is under 80 % of 150: 三级
        var version = applied.GetProperty("version").GetInt32();
        var rated = await (await officer.PostAsJsonAsync($"/api/v1/elderly/star-ratings/{id}/score", new { experts = "专家甲、专家乙", scores = new { environment = 110, facilities = 112, management = 118, service = 460 }, version })
            .EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal(800m, rated.GetProperty("total").GetDecimal());
        Assert.Equal(3, rated.GetProperty("level").GetInt32());
        Assert.Equal("scored", rated.GetProperty("state").GetString());
        Assert.Contains("运营管理 118 低于 120", rated.GetProperty("basis").GetString(), StringComparison.Ordinal);
        await (await officer.PostAsJsonAsync($"/api/v1/elderly/star-ratings/{id}/score", new { experts = "专家", scores = new { environment = 120, facilities = 130, management = 150, service = 600 }, version = rated.GetProperty("version").GetInt32() }))
            .ExpectProblemAsync(409, "star_rating_rated");
        // scored is not published yet: not on the public list; returning it for new scores needs an opinion (400 on the field, nothing changes)
        var anonymous = app.CreateClient();
        Assert.DoesNotContain(await anonymous.GetItemsAsync("/api/v1/elderly/public/star-ratings"), r => r.GetProperty("home").GetString() == name);
        var noOpinion = await (await officer.PostAsJsonAsync($"/api/v1/elderly/star-ratings/{id}/actions/return", new { opinion = " ", version = rated.GetProperty("version").GetInt32() }))
            .ExpectProblemAsync(400, "validation_failed");
        Assert.True(noOpinion.GetProperty("errors").TryGetProperty("opinion", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await rongzhou.PostAsJsonAsync($"/api/v1/elderly/star-ratings/{id}/actions/publish", new { version = rated.GetProperty("version").GetInt32() })).StatusCode);

        // the decision publishes it with its validity: the demo figure (3 years, 演示数据) from the decision day
        var published = await (await officer.PostAsJsonAsync($"/api/v1/elderly/star-ratings/{id}/actions/publish", new { version = rated.GetProperty("version").GetInt32() })
            .EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal("published", published.GetProperty("state").GetString());
        var ratedOn = DateOnly.Parse(published.GetProperty("ratedOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(ratedOn.AddYears(3).AddDays(-1), DateOnly.Parse(published.GetProperty("validUntil").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        var listed = (await anonymous.GetItemsAsync("/api/v1/elderly/public/star-ratings")).Single(r => r.GetProperty("home").GetString() == name);
        Assert.Equal("三级", listed.GetProperty("levelName").GetString());
        var timeline = await app.WithServicesAsync(async sp => (await sp.GetRequiredService<StarRatings>().TimelineAsync(id)).Select(e => e.Action).ToList());
        Assert.Equal(["start", "score", "publish"], timeline);

        // expired: dropped from the public list without a step
        await app.WithServicesAsync(async sp =>
            await sp.GetRequiredService<AppDbContext>().Set<StarRatingRecord>().IgnoreQueryFilters().Where(r => r.Id == id)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.ValidUntil, ratedOn.AddDays(-1))));
        Assert.DoesNotContain(await anonymous.GetItemsAsync("/api/v1/elderly/public/star-ratings"), r => r.GetProperty("home").GetString() == name);

        // a new application of the same home may be refused, with an opinion
        var again = await (await officer.PostAsJsonAsync("/api/v1/elderly/star-ratings", new { organizationId = homeId, appliedLevel = 4, selfAssessment = new { environment = 100, facilities = 110, management = 120, service = 500 } })
            .EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        var refused = await (await officer.PostAsJsonAsync($"/api/v1/elderly/star-ratings/{again.GetProperty("id").GetGuid()}/actions/refuse", new { opinion = "申请材料不全", version = again.GetProperty("version").GetInt32() })
            .EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal("refused", refused.GetProperty("state").GetString());
    }
}

public sealed class StarRatingTestsOnSqlite(SqliteApp app) : StarRatingTests(app), IClassFixture<SqliteApp>;

public sealed class StarRatingTestsOnPostgres(PostgresApp app) : StarRatingTests(app), IClassFixture<PostgresApp>;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.SocialOrganizations.Evaluation;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Modules.SocialOrganizations.Reports;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Tests.SocialOrganizations;

/// <summary>
/// Evaluation on SQLite and PostgreSQL: an ineligible organisation is told every reason; an eligible one is self-assessed,
/// scored by two experts (a conflicted expert refused), graded by the figure book's cut-offs, published and confirmed, and its
/// profile carries the grade and validity; the organisation's own account sees only its own evaluation; 400 per field, 403, 404, 409.
/// </summary>
public abstract class EvaluationApiTests(AppFixture app)
{
    private const string Url = "/api/v1/social-organizations/evaluations";

    private Task<Guid> OrgAsync(string name) => app.WithServicesAsync(async sp =>
        await sp.GetRequiredService<AppDbContext>().Set<Organization>().Where(o => o.Name == name).Select(o => o.Id).SingleAsync());

    private static async Task<JsonElement> Json(HttpResponseMessage r, HttpStatusCode expected)
    {
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == expected, $"expected {expected}, got {(int)r.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<Dictionary<string, decimal?>> SheetAsync(HttpClient client, Guid id, decimal total)
    {
        var detail = await Json(await client.GetAsync($"{Url}/{id}"), HttpStatusCode.OK);
        var indicators = detail.GetProperty("indicators").EnumerateArray()
            .Select((i, n) => new EvaluationIndicator { SetName = "", Section = i.GetProperty("section").GetString()!, Code = i.GetProperty("code").GetString()!, Name = "", MaxPoints = i.GetProperty("maxPoints").GetInt32(), Order = n })
            .ToList();
        return EvaluationInitializer.Sheet(indicators, total);
    }

    [Fact]
    public async Task An_ineligible_organisation_is_told_every_reason_and_nothing_is_saved()
    {
        app.SkipIfUnavailable();
        var officer = await app.ClientAsync("rongxian.officer");
        var young = await OrgAsync("容县书法家协会"); // registered August 2026, no report for 2025
        var check = await Json(await officer.GetAsync($"{Url}/eligibility/{young}"), HttpStatusCode.OK);
        Assert.False(check.GetProperty("eligible").GetBoolean());
        var problem = await officer.PostAsJsonAsync(Url, new { organizationId = young }).ExpectProblemAsync(409, "socorg_evaluation_ineligible");
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(EvaluationEligibility.TooYoung, out _), errors.ToString());
        Assert.True(errors.TryGetProperty(EvaluationEligibility.LastReportMissing, out _), errors.ToString());
        Assert.Contains("成立登记未满2年", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<OrganizationEvaluation>().CountAsync(e => e.OrganizationId == young)));

        // the charity holds a 4A from June 2024, valid to 2029: its privileges are shown, and 2 years on it may apply again for a higher grade
        var city = await app.ClientAsync("city.officer");
        var charity = await Json(await city.GetAsync($"{Url}/eligibility/{await OrgAsync("玉林市慈善总会")}"), HttpStatusCode.OK);
        Assert.Equal("4A", charity.GetProperty("gradeName").GetString());
        Assert.Equal("2029-06-19", charity.GetProperty("gradeValidUntil").GetString());
        Assert.True(charity.GetProperty("privileges").GetProperty("simplifiedInspection").GetBoolean());
        Assert.DoesNotContain(charity.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == EvaluationEligibility.EvaluatedRecently);
    }

    [Fact]
    public async Task An_eligible_organisation_is_scored_graded_published_and_its_profile_carries_the_grade()
    {
        app.SkipIfUnavailable();
        var elders = await OrgAsync("容县老年人协会");
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var seat = await db.Set<SocialOrganizationProfile>().Where(p => p.OrganizationId == elders).Select(p => p.DivisionCode).SingleAsync();
            if (!await db.Set<AnnualReport>().AnyAsync(r => r.OrganizationId == elders && r.Year == 2025))
            {
                db.Add(new AnnualReport { OrganizationId = elders, DivisionCode = seat, Year = 2025, Status = AnnualReportStatus.Concluded, SubmittedOn = new(2026, 5, 20), Conclusion = InspectionConclusion.Qualified, ConcludedOn = new(2026, 6, 30) });
                await db.SaveChangesAsync();
            }
            return 0;
        });
        var officer = await app.ClientAsync("rongxian.officer");

        // 400 on the field when no organisation is named; nothing saved
        var missing = await officer.PostAsJsonAsync(Url, new { }).ExpectProblemAsync(400, "validation_failed");
        Assert.True(missing.GetProperty("errors").TryGetProperty("organizationId", out _));

        var e = await Json(await officer.PostAsJsonAsync(Url, new { organizationId = elders }), HttpStatusCode.Created);
        var id = e.GetProperty("id").GetGuid();
        Assert.Equal(EvaluationProcess.SelfAssessment, e.GetProperty("state").GetString());
        await officer.PostAsJsonAsync(Url, new { organizationId = elders }).ExpectProblemAsync(409, "socorg_evaluation_open");

        // submitting before the self-assessment is complete is refused by the effect's own guard
        var version = e.GetProperty("version").GetInt32();
        await officer.PostAsJsonAsync($"{Url}/{id}/actions", new { action = EvaluationProcess.SubmitSelf, version }).ExpectProblemAsync(409, "socorg_evaluation_self_missing");

        // self-assessment: every bad indicator named; then saved; a stale version refused
        var sheet = await SheetAsync(officer, id, 910m);
        var bad = new Dictionary<string, decimal?>(sheet) { ["1.1"] = 999m };
        bad.Remove("2.1");
        var badProblem = await officer.PutAsJsonAsync($"{Url}/{id}/self-assessment", new { version, scores = bad }).ExpectProblemAsync(400, "validation_failed");
        Assert.True(badProblem.GetProperty("errors").TryGetProperty("scores[1.1]", out _));
        Assert.True(badProblem.GetProperty("errors").TryGetProperty("scores[2.1]", out _));
        var saved = await Json(await officer.PutAsJsonAsync($"{Url}/{id}/self-assessment", new { version, scores = sheet }), HttpStatusCode.OK);
        await officer.PutAsJsonAsync($"{Url}/{id}/self-assessment", new { version, scores = sheet }).ExpectProblemAsync(409, "concurrency_conflict");
        version = saved.GetProperty("version").GetInt32();
        version = (await Json(await officer.PostAsJsonAsync($"{Url}/{id}/actions", new { action = EvaluationProcess.SubmitSelf, version }), HttpStatusCode.OK)).GetProperty("version").GetInt32();

        // experts: a conflicted one is refused; one expert is not enough
        async Task<Guid> ExpertAsync(string name, params Guid[] conflicts) =>
            (await Json(await officer.PostAsJsonAsync($"{Url}/experts", new { name, field = "测试", conflicts }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var a = await ExpertAsync("甲专家");
        var b = await ExpertAsync("乙专家");
        var conflicted = await ExpertAsync("丙专家", elders);
        var badExpert = await officer.PostAsJsonAsync($"{Url}/experts", new { name = "", field = "", conflicts = new[] { Guid.NewGuid() } }).ExpectProblemAsync(400, "validation_failed");
        foreach (var f in new[] { "name", "field", "conflicts" }) Assert.True(badExpert.GetProperty("errors").TryGetProperty(f, out _), f);
        await officer.PutAsJsonAsync($"{Url}/{id}/experts/{conflicted}/scores", new { version, scores = await SheetAsync(officer, id, 990m) }).ExpectProblemAsync(409, "socorg_expert_conflict");
        version = (await Json(await officer.PutAsJsonAsync($"{Url}/{id}/experts/{a}/scores", new { version, scores = await SheetAsync(officer, id, 860m) }), HttpStatusCode.OK)).GetProperty("version").GetInt32();
        await officer.PostAsJsonAsync($"{Url}/{id}/actions", new { action = EvaluationProcess.FinishScoring, version }).ExpectProblemAsync(409, "socorg_evaluation_experts_missing");
        version = (await Json(await officer.PutAsJsonAsync($"{Url}/{id}/experts/{b}/scores", new { version, scores = await SheetAsync(officer, id, 839.9m) }), HttpStatusCode.OK)).GetProperty("version").GetInt32();

        // the organisation's own account may not decide; the authority finishes scoring: mean 849.95 → 850.0 → 4A (demo cut-offs)
        var own = await app.ClientAsync("yangguang.org");
        await own.PostAsJsonAsync($"{Url}/{id}/actions", new { action = EvaluationProcess.FinishScoring, version }).ExpectProblemAsync(404, "not_found");
        var scored = await Json(await officer.PostAsJsonAsync($"{Url}/{id}/actions", new { action = EvaluationProcess.FinishScoring, version }), HttpStatusCode.OK);
        Assert.Equal(850.0m, scored.GetProperty("score").GetDecimal());
        Assert.Equal(4, scored.GetProperty("grade").GetInt32());
        await officer.PostAsJsonAsync($"{Url}/{id}/actions", new { action = EvaluationProcess.Reject, version = scored.GetProperty("version").GetInt32() }).ExpectProblemAsync(400, "validation_failed");
        var published = await Json(await officer.PostAsJsonAsync($"{Url}/{id}/actions", new { action = EvaluationProcess.Approve, version = scored.GetProperty("version").GetInt32() }), HttpStatusCode.OK);
        Assert.Equal(EvaluationProcess.Publicity, published.GetProperty("state").GetString());
        version = published.GetProperty("version").GetInt32();
        await officer.PostAsJsonAsync($"{Url}/{id}/actions", new { action = EvaluationProcess.Confirm, version }).ExpectProblemAsync(409, "socorg_evaluation_publicity_running");

        // after the publicity period the grade is confirmed and the profile carries it for 5 years
        app.Clock.Advance(TimeSpan.FromDays(14));
        officer = await app.ClientAsync("rongxian.officer");
        var graded = await Json(await officer.PostAsJsonAsync($"{Url}/{id}/actions", new { action = EvaluationProcess.Confirm, version }), HttpStatusCode.OK);
        Assert.Equal(EvaluationProcess.Graded, graded.GetProperty("state").GetString());
        var gradedOn = DateOnly.Parse(graded.GetProperty("gradedOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var profile = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<SocialOrganizationProfile>().AsNoTracking().SingleAsync(p => p.OrganizationId == elders));
        Assert.Equal(4, profile.Grade);
        Assert.Equal(gradedOn.AddYears(5).AddDays(-1), profile.GradeValidUntil);
        var after = await Json(await officer.GetAsync($"{Url}/eligibility/{elders}"), HttpStatusCode.OK);
        Assert.True(after.GetProperty("privileges").GetProperty("purchaseOfServices").GetBoolean());
        Assert.Contains(after.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == EvaluationEligibility.EvaluatedRecently);
    }

    [Fact]
    public async Task The_organisation_sees_its_own_evaluation_only_and_others_get_404_or_403()
    {
        app.SkipIfUnavailable();
        var own = await app.ClientAsync("yangguang.org");
        var list = await Json(await own.GetAsync(Url), HttpStatusCode.OK);
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Equal("容县阳光社会工作服务中心", i.GetProperty("organizationName").GetString()));
        var elders = await OrgAsync("容县老年人协会");
        await own.GetAsync($"{Url}/eligibility/{elders}").ExpectProblemAsync(404, "not_found");
        await own.PostAsJsonAsync(Url, new { organizationId = elders }).ExpectProblemAsync(404, "not_found");
        var mine = items[0].GetProperty("id").GetGuid();

        // the demo application is in expert scoring: the organisation may not enter expert scores (permission) nor decide (authority)
        var r = await own.PutAsJsonAsync($"{Url}/{mine}/experts/{Guid.NewGuid()}/scores", new { version = 0, scores = new { } });
        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        var version = items[0].GetProperty("version").GetInt32();
        await own.PostAsJsonAsync($"{Url}/{mine}/actions", new { action = EvaluationProcess.FinishScoring, version }).ExpectProblemAsync(403, "socorg_not_authority");

        // another county's officer does not see it; a township clerk has no business here
        var beiliu = await app.ClientAsync("beiliu.officer");
        await beiliu.GetAsync($"{Url}/{mine}").ExpectProblemAsync(404, "not_found");
        var clerk = await app.ClientAsync("rongzhou.clerk");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync(Url)).StatusCode);
    }
}

public sealed class EvaluationApiTestsOnSqlite(SqliteApp app) : EvaluationApiTests(app), IClassFixture<SqliteApp>;

public sealed class EvaluationApiTestsOnPostgres(PostgresApp app) : EvaluationApiTests(app), IClassFixture<PostgresApp>;

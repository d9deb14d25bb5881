using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.SocialWork;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Tests.SocialWork;

/// <summary>
/// 考前培训: a county's training, its participants (social workers in scope only), attendance, and the results of the exam
/// year read from the exam record (sat, passed by ExamRules, pass rate), per county on the dashboard; another county 404; the
/// pages' forms with errors beside the field.
/// </summary>
public abstract partial class TrainingTests(AppFixture app)
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    internal static string TokenFrom(string html) => TokenPattern().Match(html).Groups[1].Value;

    internal static async Task<string> TokenAsync(HttpClient client, string url) =>
        TokenPattern().Match(await (await client.GetAsync(url).EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync()).Groups[1].Value;

    internal static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, string token, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = token;
        return client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    /// <summary>The message shown beside a field (the validation span for it) in a page.</summary>
    internal static string FieldError(string html, string field)
    {
        var m = Regex.Match(html, $"data-valmsg-for=\"{Regex.Escape(field)}\"[^>]*>([^<]*)<");
        return m.Success ? m.Groups[1].Value : "";
    }

    [Fact]
    public async Task Training_participants_attendance_and_results_from_the_exam_record()
    {
        app.SkipIfUnavailable();
        var rongxian = await app.ClientAsync("rongxian.officer");
        var beiliu = await app.ClientAsync("beiliu.officer");

        // three new workers at a 容县 station (three fresh persons), and one of 北流
        var (stationId, people, beiliuWorker) = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var station = await db.Set<SocialWorkStation>().Where(s => s.DivisionCode.StartsWith("450921") && s.Status != StationStatus.Closed).OrderBy(s => s.Id).FirstAsync();
            var taken = await db.Set<SocialWorker>().Select(w => w.PersonId).ToListAsync();
            var ps = await db.Persons.Where(p => p.DivisionCode.StartsWith("450921") && p.LifeStatus == LifeStatus.Alive && !taken.Contains(p.Id))
                .OrderByDescending(p => p.Id).Take(3).Select(p => p.Id).ToListAsync();
            var other = await db.Set<SocialWorker>().Where(w => w.DivisionCode.StartsWith("450981")).Select(w => (Guid?)w.Id).FirstOrDefaultAsync();
            return (station.Id, ps, other);
        });
        var workers = new List<string>();
        foreach (var p in people)
        {
            var w = await (await rongxian.PostAsJsonAsync("/api/v1/socialwork/workers", new { stationId, personId = p, post = "worker", joinedOn = "2025-01-01" })
                .EnsureStatus(HttpStatusCode.Created)).JsonAsync();
            workers.Add(w.GetProperty("id").GetString()!);
        }
        async Task ExamAsync(string worker, int year, string subject, decimal score) =>
            await rongxian.PostAsJsonAsync($"/api/v1/socialwork/workers/{worker}/exams", new { year, subject, score }).EnsureStatus(HttpStatusCode.OK);
        // worker 0 passes 助理 in 2026; worker 1 sits one subject and fails; worker 2 does not sit
        await ExamAsync(workers[0], 2026, "assistant-comprehensive", 72);
        await ExamAsync(workers[0], 2026, "assistant-practice", 61);
        await ExamAsync(workers[1], 2026, "assistant-practice", 48);

        var countyBefore = (await rongxian.GetItemsAsync("/api/v1/socialwork/trainings/by-county?year=2026")).FirstOrDefault(r => r.GetProperty("divisionCode").GetString() == "450921000000");
        int Before(string p) => countyBefore.ValueKind == JsonValueKind.Object ? countyBefore.GetProperty(p).GetInt32() : 0;

        // bad input: 400 by field, nothing saved; no permission for a township clerk
        var bad = await rongxian.PostAsJsonAsync("/api/v1/socialwork/trainings", new { level = "senior", startsOn = "2026-05-02", endsOn = "2026-05-01", hours = 0 })
            .ExpectProblemAsync(400, "validation_failed");
        foreach (var f in new[] { "topic", "level", "organiser", "endsOn", "hours" }) Assert.True(bad.GetProperty("errors").TryGetProperty(f, out _), f);
        await rongxian.PostAsJsonAsync("/api/v1/socialwork/trainings", new { topic = new string('长', 201), level = "assistant", organiser = "x", startsOn = "2026-03-01", hours = 8 })
            .ExpectProblemAsync(400, "validation_failed");

        var training = await (await rongxian.PostAsJsonAsync("/api/v1/socialwork/trainings",
            new { topic = "2026年助理社会工作师考前培训", level = "assistant", organiser = "容县民政局", place = "县社会福利中心", startsOn = "2026-03-01", endsOn = "2026-03-03", hours = 24 })
            .EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        var id = training.GetProperty("id").GetString();
        Assert.Equal("450921000000", training.GetProperty("divisionCode").GetString());
        Assert.Equal(2026, training.GetProperty("examYear").GetInt32());
        Assert.Contains(await rongxian.GetItemsAsync("/api/v1/socialwork/trainings?year=2026&pageSize=200"), t => t.GetProperty("id").GetString() == id);
        // another county: 404 reading and writing, and its list does not hold it
        await beiliu.GetAsync($"/api/v1/socialwork/trainings/{id}").ExpectProblemAsync(404, "not_found");
        await beiliu.PostAsJsonAsync($"/api/v1/socialwork/trainings/{id}/participants", new { workerId = workers[0] }).ExpectProblemAsync(404, "not_found");
        Assert.DoesNotContain(await beiliu.GetItemsAsync("/api/v1/socialwork/trainings?year=2026&pageSize=200"), t => t.GetProperty("id").GetString() == id);

        // participants: 容县 workers only, once each
        foreach (var w in workers)
            await rongxian.PostAsJsonAsync($"/api/v1/socialwork/trainings/{id}/participants", new { workerId = w }).EnsureStatus(HttpStatusCode.Created);
        await rongxian.PostAsJsonAsync($"/api/v1/socialwork/trainings/{id}/participants", new { workerId = workers[0] }).ExpectProblemAsync(409, "socialwork_training_participant_exists");
        if (beiliuWorker is { } bw)
        {
            var outside = await rongxian.PostAsJsonAsync($"/api/v1/socialwork/trainings/{id}/participants", new { workerId = bw }).ExpectProblemAsync(400, "validation_failed");
            Assert.True(outside.GetProperty("errors").TryGetProperty("workerId", out _));
        }
        await rongxian.PostAsJsonAsync($"/api/v1/socialwork/trainings/{id}/participants", new { }).ExpectProblemAsync(400, "validation_failed");

        var detail = await rongxian.GetJsonAsync($"/api/v1/socialwork/trainings/{id}");
        var rows = detail.GetProperty("participants").EnumerateArray().ToList();
        JsonElement Row(JsonElement d, string worker) => d.GetProperty("participants").EnumerateArray().First(r => r.GetProperty("workerId").GetString() == worker);
        Assert.Equal(3, rows.Count);
        Assert.True(Row(detail, workers[0]).GetProperty("passed").GetBoolean());
        Assert.True(Row(detail, workers[1]).GetProperty("sat").GetBoolean());
        Assert.False(Row(detail, workers[1]).GetProperty("passed").GetBoolean());
        Assert.False(Row(detail, workers[2]).GetProperty("sat").GetBoolean());
        Assert.Equal(2, detail.GetProperty("sat").GetInt32());
        Assert.Equal(1, detail.GetProperty("passed").GetInt32());
        Assert.Equal(50m, detail.GetProperty("passRate").GetDecimal());

        // attendance; the dashboard counts attended participants only
        foreach (var w in workers.Take(2))
        {
            var pid = Row(detail, w).GetProperty("id").GetString();
            var after = await (await rongxian.PostAsJsonAsync($"/api/v1/socialwork/trainings/{id}/participants/{pid}/attendance", new { attended = true }).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
            Assert.True(Row(after, w).GetProperty("attended").GetBoolean());
        }
        await rongxian.PostAsJsonAsync($"/api/v1/socialwork/trainings/{id}/participants/{Row(detail, workers[2]).GetProperty("id").GetString()}/attendance", new { })
            .ExpectProblemAsync(400, "validation_failed");
        var county = (await rongxian.GetItemsAsync("/api/v1/socialwork/trainings/by-county?year=2026")).First(r => r.GetProperty("divisionCode").GetString() == "450921000000");
        Assert.Equal(Before("trained") + 2, county.GetProperty("trained").GetInt32());
        Assert.Equal(Before("sat") + 2, county.GetProperty("sat").GetInt32());
        Assert.Equal(Before("passed") + 1, county.GetProperty("passed").GetInt32());
        Assert.DoesNotContain(await beiliu.GetItemsAsync("/api/v1/socialwork/trainings/by-county?year=2026"), r => r.GetProperty("divisionCode").GetString() == "450921000000");

        // remove one; a participant of another training is 404 under this one
        var third = Row(detail, workers[2]).GetProperty("id").GetString();
        (await rongxian.DeleteAsync($"/api/v1/socialwork/trainings/{id}/participants/{third}")).EnsureSuccessStatusCode();
        await rongxian.DeleteAsync($"/api/v1/socialwork/trainings/{id}/participants/{third}").ExpectProblemAsync(404, "not_found");
        Assert.Equal(2, (await rongxian.GetJsonAsync($"/api/v1/socialwork/trainings/{id}")).GetProperty("total").GetInt32());

        // the pages: the detail with its pass rate; the picker lists the removed worker again; a post without a worker shows the error beside the field
        var page = await (await rongxian.GetAsync($"/socialwork/trainings/{id}").EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Contains("50%", page, StringComparison.Ordinal);
        Assert.Contains($"value=\"{workers[2]}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"<option value=\"{workers[0]}\"", page, StringComparison.Ordinal);
        var token = TokenPattern().Match(page).Groups[1].Value;
        var refused = await (await PostFormAsync(rongxian, $"/socialwork/trainings/{id}?handler=Add", token, new() { ["Participant.WorkerId"] = "" })
            .EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Contains("请选择社工", FieldError(refused, "Participant.WorkerId"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(rongxian, $"/socialwork/trainings/{id}?handler=Add", token, new() { ["Participant.WorkerId"] = workers[2] })).StatusCode);
        Assert.Equal(3, (await rongxian.GetJsonAsync($"/api/v1/socialwork/trainings/{id}")).GetProperty("total").GetInt32());

        // the list page's form: bad input beside the fields, then a good one redirects to the new training
        var listToken = await TokenAsync(rongxian, "/socialwork/trainings");
        var badPage = await (await PostFormAsync(rongxian, "/socialwork/trainings", listToken, new() { ["Input.Topic"] = "", ["Input.Level"] = "assistant", ["Input.Organiser"] = "容县民政局", ["Input.StartsOn"] = "2026-04-01", ["Input.Hours"] = "0" })
            .EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.NotEqual("", FieldError(badPage, "Input.Topic"));
        Assert.NotEqual("", FieldError(badPage, "Input.Hours"));
        Assert.Contains("value=\"容县民政局\"", badPage, StringComparison.Ordinal);
        var created = await PostFormAsync(rongxian, "/socialwork/trainings", listToken, new() { ["Input.Topic"] = "页面登记的培训", ["Input.Level"] = "intermediate", ["Input.Organiser"] = "容县民政局", ["Input.StartsOn"] = "2026-04-01", ["Input.Hours"] = "16" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.StartsWith("/socialwork/trainings/", created.Headers.Location?.ToString());
        var dashboard = await (await rongxian.GetAsync("/socialwork").EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Contains("training-by-county", dashboard, StringComparison.Ordinal);
        await beiliu.GetAsync($"/socialwork/trainings/{id}").EnsureStatus(HttpStatusCode.NotFound);
    }
}

public sealed class TrainingTestsOnSqlite(SqliteApp app) : TrainingTests(app), IClassFixture<SqliteApp>;

public sealed class TrainingTestsOnPostgres(PostgresApp app) : TrainingTests(app), IClassFixture<PostgresApp>;

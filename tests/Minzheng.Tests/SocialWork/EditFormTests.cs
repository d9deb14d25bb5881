using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.SocialWork;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Tests.SocialWork;

/// <summary>
/// The edit pages of station, worker and service (the row's version hidden; a stale post shows the 409 and keeps what was
/// typed), and the person picker of the station page (search by name, the match offered in a select; errors beside the field).
/// </summary>
public abstract class EditFormTests(AppFixture app)
{
    private const string Stale = "该记录已被他人修改";

    [Fact]
    public async Task Edit_pages_keep_what_was_typed_on_a_stale_version_and_the_person_picker_finds_by_name()
    {
        app.SkipIfUnavailable();
        var rongxian = await app.ClientAsync("rongxian.officer");
        var (stationId, personId, personName) = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var station = await db.Set<SocialWorkStation>().Where(s => s.DivisionCode.StartsWith("450921") && s.Status == StationStatus.Operating).OrderByDescending(s => s.Id).FirstAsync();
            var taken = await db.Set<SocialWorker>().Where(w => w.StationId == station.Id).Select(w => w.PersonId).ToListAsync();
            // a name no one else has and no longer name starts with, so the search's first 20 hold the person
            var names = await db.Persons.Where(p => p.DivisionCode.StartsWith("450921")).GroupBy(p => p.Name).Where(g => g.Count() == 1).Select(g => g.Key).Take(200).ToListAsync();
            var all = await db.Persons.Where(p => p.DivisionCode.StartsWith("450921")).Select(p => p.Name).ToListAsync();
            var unique = names.First(n => n.Length >= 2 && all.Count(a => a.StartsWith(n, StringComparison.Ordinal)) == 1);
            var person = await db.Persons.Where(p => p.Name == unique && !taken.Contains(p.Id)).FirstAsync();
            return (station.Id, person.Id, person.Name);
        });

        // station: the API changes it first, so the page's version is stale
        var pageHtml = await (await rongxian.GetAsync($"/socialwork/stations/{stationId}/edit").EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        var token = TrainingTests.TokenFrom(pageHtml);
        var station = await rongxian.GetJsonAsync($"/api/v1/socialwork/stations/{stationId}");
        var version = station.GetProperty("version").GetInt32();
        Assert.Contains($"name=\"Input.Version\" value=\"{version}\"", pageHtml, StringComparison.Ordinal);
        Dictionary<string, string> StationForm(string note, int v) => new()
        {
            ["Input.Name"] = station.GetProperty("name").GetString()!,
            ["Input.OrganizationId"] = station.GetProperty("organizationId").GetString()!,
            ["Input.OperatorOrganizationId"] = station.GetProperty("operatorOrganizationId").GetString() ?? "",
            ["Input.Address"] = station.GetProperty("address").GetString()!,
            ["Input.OpenedOn"] = station.GetProperty("openedOn").GetString() ?? "",
            ["Input.ContractFrom"] = station.GetProperty("contractFrom").GetString() ?? "",
            ["Input.ContractTo"] = station.GetProperty("contractTo").GetString() ?? "",
            ["Input.FundingYuan"] = station.GetProperty("fundingYuan").ValueKind == System.Text.Json.JsonValueKind.Number ? station.GetProperty("fundingYuan").GetDecimal().ToString(System.Globalization.CultureInfo.InvariantCulture) : "",
            ["Input.Status"] = station.GetProperty("status").GetString()!,
            ["Input.Note"] = note,
            ["Input.Version"] = v.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var putBody = new
        {
            name = station.GetProperty("name").GetString(),
            organizationId = station.GetProperty("organizationId").GetString(),
            operatorOrganizationId = station.GetProperty("operatorOrganizationId").GetString(),
            address = station.GetProperty("address").GetString(),
            openedOn = station.GetProperty("openedOn").GetString(),
            contractFrom = station.GetProperty("contractFrom").GetString(),
            contractTo = station.GetProperty("contractTo").GetString(),
            fundingYuan = station.GetProperty("fundingYuan").ValueKind == System.Text.Json.JsonValueKind.Number ? station.GetProperty("fundingYuan").GetDecimal() : (decimal?)null,
            status = station.GetProperty("status").GetString(),
            note = "接口改过",
            version,
        };
        await rongxian.PutAsJsonAsync($"/api/v1/socialwork/stations/{stationId}", putBody).EnsureStatus(HttpStatusCode.OK);
        var stale = await (await TrainingTests.PostFormAsync(rongxian, $"/socialwork/stations/{stationId}/edit", token, StationForm("页面输入的备注", version))
            .EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Contains(Stale, stale, StringComparison.Ordinal);
        Assert.Contains("value=\"页面输入的备注\"", stale, StringComparison.Ordinal);
        Assert.Equal("接口改过", (await rongxian.GetJsonAsync($"/api/v1/socialwork/stations/{stationId}")).GetProperty("note").GetString());
        var saved = await TrainingTests.PostFormAsync(rongxian, $"/socialwork/stations/{stationId}/edit", token, StationForm("页面输入的备注", version + 1));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("页面输入的备注", (await rongxian.GetJsonAsync($"/api/v1/socialwork/stations/{stationId}")).GetProperty("note").GetString());

        // the station page: the person picker finds by name and offers the match; a worker post without a person errs beside the field
        var search = await (await rongxian.GetAsync($"/socialwork/stations/{stationId}?person={Uri.EscapeDataString(personName)}").EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Contains($"<option value=\"{personId}\"", search, StringComparison.Ordinal);
        var badId = await (await rongxian.GetAsync($"/socialwork/stations/{stationId}?person=450921199001011230").EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Contains("身份证号码格式不正确", badId, StringComparison.Ordinal);
        var stationToken = TrainingTests.TokenFrom(search);
        var noPerson = await (await TrainingTests.PostFormAsync(rongxian, $"/socialwork/stations/{stationId}?handler=Worker", stationToken,
            new() { ["Worker.PersonId"] = "", ["Worker.Post"] = "worker", ["Worker.CertificateLevel"] = "none", ["Worker.JoinedOn"] = "2026-01-05" })
            .EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.NotEqual("", TrainingTests.FieldError(noPerson, "Worker.PersonId"));
        var added = await TrainingTests.PostFormAsync(rongxian, $"/socialwork/stations/{stationId}?handler=Worker", stationToken,
            new() { ["Worker.PersonId"] = personId.ToString(), ["Worker.Post"] = "worker", ["Worker.CertificateLevel"] = "none", ["Worker.JoinedOn"] = "2026-01-05" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var workerId = added.Headers.Location!.ToString().Split('/').Last();

        // worker: stale post keeps the typed certificate number; the current version saves
        var worker = (await rongxian.GetJsonAsync($"/api/v1/socialwork/workers/{workerId}")).GetProperty("worker");
        var wv = worker.GetProperty("version").GetInt32();
        var workerToken = TrainingTests.TokenFrom(await (await rongxian.GetAsync($"/socialwork/workers/{workerId}/edit").EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync());
        await rongxian.PutAsJsonAsync($"/api/v1/socialwork/workers/{workerId}", new { post = "head", certificateLevel = "none", joinedOn = "2026-01-05", version = wv }).EnsureStatus(HttpStatusCode.OK);
        Dictionary<string, string> WorkerForm(int v) => new()
        {
            ["Input.Post"] = "worker",
            ["Input.CertificateLevel"] = "assistant",
            ["Input.CertificateNumber"] = "ZS-2026-0099",
            ["Input.JoinedOn"] = "2026-01-05",
            ["Input.Version"] = v.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var staleWorker = await (await TrainingTests.PostFormAsync(rongxian, $"/socialwork/workers/{workerId}/edit", workerToken, WorkerForm(wv)).EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Contains(Stale, staleWorker, StringComparison.Ordinal);
        Assert.Contains("value=\"ZS-2026-0099\"", staleWorker, StringComparison.Ordinal);
        var badWorker = await (await TrainingTests.PostFormAsync(rongxian, $"/socialwork/workers/{workerId}/edit", workerToken,
            new() { ["Input.Post"] = "boss", ["Input.CertificateLevel"] = "none", ["Input.JoinedOn"] = "", ["Input.Version"] = (wv + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) })
            .EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.NotEqual("", TrainingTests.FieldError(badWorker, "Input.Post"));
        Assert.NotEqual("", TrainingTests.FieldError(badWorker, "Input.JoinedOn"));
        Assert.Equal(HttpStatusCode.Redirect, (await TrainingTests.PostFormAsync(rongxian, $"/socialwork/workers/{workerId}/edit", workerToken, WorkerForm(wv + 1))).StatusCode);
        Assert.Equal("assistant", (await rongxian.GetJsonAsync($"/api/v1/socialwork/workers/{workerId}")).GetProperty("worker").GetProperty("qualification").GetString());

        // service: the 查找 button offers the person and keeps the typed title; a stale save keeps it too
        var service = await (await rongxian.PostAsJsonAsync("/api/v1/socialwork/services", new { stationId, kind = "case", title = "个案一", startedOn = "2026-11-02", needs = "独居", participants = 1 })
            .EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        var serviceId = service.GetProperty("id").GetString();
        var sv = service.GetProperty("version").GetInt32();
        var serviceToken = TrainingTests.TokenFrom(await (await rongxian.GetAsync($"/socialwork/services/{serviceId}/edit").EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync());
        Dictionary<string, string> ServiceForm(int v, string person) => new()
        {
            ["Input.Kind"] = "case",
            ["Input.Title"] = "个案一（页面改）",
            ["Input.StartedOn"] = "2026-11-02",
            ["Input.Needs"] = "独居",
            ["Input.PersonQuery"] = personName,
            ["Input.BeneficiaryPersonId"] = person,
            ["Input.Version"] = v.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var found = await (await TrainingTests.PostFormAsync(rongxian, $"/socialwork/services/{serviceId}/edit?handler=Find", serviceToken, ServiceForm(sv, ""))
            .EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Contains($"<option value=\"{personId}\"", found, StringComparison.Ordinal);
        Assert.Contains("value=\"个案一（页面改）\"", found, StringComparison.Ordinal);
        await rongxian.PutAsJsonAsync($"/api/v1/socialwork/services/{serviceId}", new { kind = "case", title = "接口改", startedOn = "2026-11-02", needs = "独居", version = sv }).EnsureStatus(HttpStatusCode.OK);
        var staleService = await (await TrainingTests.PostFormAsync(rongxian, $"/socialwork/services/{serviceId}/edit", serviceToken, ServiceForm(sv, personId.ToString()))
            .EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Contains(Stale, staleService, StringComparison.Ordinal);
        Assert.Contains("value=\"个案一（页面改）\"", staleService, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await TrainingTests.PostFormAsync(rongxian, $"/socialwork/services/{serviceId}/edit", serviceToken, ServiceForm(sv + 1, personId.ToString()))).StatusCode);
        var after = await rongxian.GetJsonAsync($"/api/v1/socialwork/services/{serviceId}");
        Assert.Equal("个案一（页面改）", after.GetProperty("title").GetString());
        Assert.Equal(personId.ToString(), after.GetProperty("beneficiaryPersonId").GetString());

        // another county: the edit pages are 404
        var beiliu = await app.ClientAsync("beiliu.officer");
        await beiliu.GetAsync($"/socialwork/stations/{stationId}/edit").EnsureStatus(HttpStatusCode.NotFound);
        await beiliu.GetAsync($"/socialwork/workers/{workerId}/edit").EnsureStatus(HttpStatusCode.NotFound);
        await beiliu.GetAsync($"/socialwork/services/{serviceId}/edit").EnsureStatus(HttpStatusCode.NotFound);
    }
}

public sealed class EditFormTestsOnSqlite(SqliteApp app) : EditFormTests(app), IClassFixture<SqliteApp>;

public sealed class EditFormTestsOnPostgres(PostgresApp app) : EditFormTests(app), IClassFixture<PostgresApp>;

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Faces;
using Minzheng.Web.Platform.Files;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Text;

namespace Minzheng.Tests.Faces;

/// <summary>
/// Issue 20 item 3 on SQLite and PostgreSQL, with the demo photos' descriptors as the vendored model computed them in Chromium
/// (Reference/demo-faces/descriptors.json; the browser test recomputes them live): a re-admitted person's new photo ranks his
/// earlier intake first, an unrelated face is not offered, a child in a protection case is compared only for users who may see
/// protection cases, the photo is sealed at rest and every view audited, the clerk's decision is recorded once, bad input is
/// refused on the photo field, and another county's officer gets 404.
/// </summary>
public abstract class FaceMatchingTests(AppFixture app)
{
    private const string Yuzhou = "450902000000";

    internal static JsonElement Descriptor(string photo) =>
        JsonDocument.Parse(ReferenceData.Open("demo-faces/descriptors.json")).RootElement.GetProperty("photos").GetProperty(photo);

    internal static byte[] Photo(string photo)
    {
        using var s = ReferenceData.Open("demo-faces/" + photo);
        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }

    private static MultipartFormDataContent Form(byte[] content, string fileName, string? descriptor, string? score = "0.97", string? model = FaceRules.CurrentModel)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : "image/jpeg");
        form.Add(file, "photo", fileName);
        if (descriptor is not null) form.Add(new StringContent(descriptor), "descriptor");
        if (score is not null) form.Add(new StringContent(score), "score");
        if (model is not null) form.Add(new StringContent(model), "modelVersion");
        return form;
    }

    private static MultipartFormDataContent Demo(string photo) =>
        Form(Photo(photo), photo, Descriptor(photo).GetProperty("descriptor").GetRawText(), Descriptor(photo).GetProperty("score").GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static async Task<string> StationAsync(HttpClient staff) =>
        (await staff.GetJsonAsync("/api/v1/rescue/stations")).GetProperty("items").EnumerateArray().First(s => s.GetProperty("divisionCode").GetString() == Yuzhou).GetProperty("id").GetString()!;

    private static async Task<string> IntakeAsync(HttpClient staff, string station, int birthYear)
    {
        var r = await staff.PostAsJsonAsync("/api/v1/rescue/stays", new Dictionary<string, object?>
        {
            ["stationId"] = station,
            ["noIdNumber"] = true,
            ["sex"] = "female",
            ["birthYear"] = birthYear,
            ["source"] = "patrol",
            ["unableToGiveFacts"] = true,
            ["noFoodOrLodging"] = true,
            ["noRelativesToTurnTo"] = true,
            ["noBasicAllowance"] = true,
            ["vagrantInCity"] = true,
        });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.JsonAsync()).GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> UploadAsync(HttpClient client, string source, string subject, MultipartFormDataContent form)
    {
        var r = await client.PostAsync($"/api/v1/faces/{source}/{subject}/samples", form);
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return await r.JsonAsync();
    }

    [Fact]
    public async Task A_readmitted_person_is_proposed_by_face_and_a_clerk_decides()
    {
        app.SkipIfUnavailable();
        var staff = await app.ClientAsync("yulin.rescue");
        var station = await StationAsync(staff);
        var first = await IntakeAsync(staff, station, 1960);
        var again = await IntakeAsync(staff, station, 1961);
        var other = await IntakeAsync(staff, station, 1940);

        var earlier = (await UploadAsync(staff, "rescue-stay", first, Demo("collins-2019.jpg"))).GetProperty("id").GetString()!;
        var probe = (await UploadAsync(staff, "rescue-stay", again, Demo("collins-2026.jpg"))).GetProperty("id").GetString()!;
        var unrelated = (await UploadAsync(staff, "rescue-stay", other, Demo("hopper.jpg"))).GetProperty("id").GetString()!;

        // the re-admitted person's new photo ranks the earlier intake first, within the demo threshold (7%)
        var found = await staff.GetJsonAsync($"/api/v1/faces/samples/{probe}/candidates");
        Assert.Equal(0.07m, found.GetProperty("threshold").GetDecimal());
        Assert.Contains("演示数据", found.GetProperty("thresholdBasis").GetString(), StringComparison.Ordinal);
        var items = found.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.Equal(earlier, items[0].GetProperty("sampleId").GetString());
        Assert.Equal(first, items[0].GetProperty("subject").GetProperty("id").GetString());
        Assert.InRange(items[0].GetProperty("distance").GetDouble(), 0, 0.07);
        // an unrelated face is not offered, either way round
        Assert.DoesNotContain(items, i => i.GetProperty("sampleId").GetString() == unrelated);
        var fromOther = await staff.GetJsonAsync($"/api/v1/faces/samples/{unrelated}/candidates");
        Assert.DoesNotContain(fromOther.GetProperty("items").EnumerateArray(), i => i.GetProperty("subject").GetProperty("id").GetString() is { } id && (id == first || id == again));
        Assert.True(fromOther.GetProperty("compared").GetInt32() >= 2);

        // the photo is sealed on disk and comes back whole; each view is audited
        var sealedPath = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var s = await db.Set<FaceSample>().IgnoreQueryFilters().SingleAsync(x => x.Id == Guid.Parse(earlier));
            var f = await db.Files.SingleAsync(x => x.Id == s.PhotoFileId);
            Assert.Equal(Web.Platform.Crypto.ProtectedKind.FacePhoto, f.SealedAs);
            return sp.GetRequiredService<FileStore>().PathOf(f);
        });
        var onDisk = await File.ReadAllBytesAsync(sealedPath);
        var original = Photo("collins-2019.jpg");
        Assert.False(onDisk.AsSpan().StartsWith(original.AsSpan(0, 16)));
        Assert.DoesNotContain("JFIF", System.Text.Encoding.Latin1.GetString(onDisk), StringComparison.Ordinal);
        var served = await (await staff.GetAsync($"/api/v1/faces/samples/{earlier}/photo").EnsureStatus(HttpStatusCode.OK)).Content.ReadAsByteArrayAsync();
        Assert.Equal(SHA256.HashData(original), SHA256.HashData(served));
        var audited = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<AuditEntry>()
            .CountAsync(a => a.EntityType == nameof(FaceSample) && a.EntityId == earlier && a.Action == "view-photo"));
        Assert.True(audited >= 1);

        // the clerk decides: "same" needs the grounds; a pair is decided once
        var decide = $"/api/v1/faces/samples/{probe}/candidates/{earlier}/decision";
        await staff.PostAsJsonAsync(decide, new { decision = "same" }).ExpectProblemAsync(400, "validation_failed");
        await staff.PostAsJsonAsync(decide, new { decision = "maybe", note = "x" }).ExpectProblemAsync(400, "validation_failed");
        await staff.PostAsJsonAsync(decide, new { decision = "same", note = new string('x', 501) }).ExpectProblemAsync(400, "validation_failed");
        await staff.PostAsJsonAsync(decide, new { decision = "same", note = "本人辨认 2019 年入站照片" }).EnsureStatus(HttpStatusCode.OK);
        await staff.PostAsJsonAsync(decide, new { decision = "different", note = "x" }).ExpectProblemAsync(409, "face_match_decided");
        var decided = (await staff.GetJsonAsync($"/api/v1/faces/samples/{probe}/candidates")).GetProperty("items").EnumerateArray().First();
        Assert.Equal("same", decided.GetProperty("decision").GetString());
        // a candidate that was never offered cannot be decided
        await staff.PostAsJsonAsync($"/api/v1/faces/samples/{probe}/candidates/{unrelated}/decision", new { decision = "different" }).EnsureStatus(HttpStatusCode.NotFound);

        // the page shows the candidate with its distance and the decision
        var page = await (await staff.GetAsync($"/faces/rescue-stay/{again}").EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Contains("同一人", page, StringComparison.Ordinal);
        Assert.Contains(items[0].GetProperty("distance").GetDouble().ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture), page, StringComparison.Ordinal);

        // another county's officer: 404 on everything
        var beiliu = await app.ClientAsync("beiliu.officer");
        await beiliu.GetAsync($"/api/v1/faces/rescue-stay/{again}/samples").EnsureStatus(HttpStatusCode.NotFound);
        await beiliu.GetAsync($"/api/v1/faces/samples/{probe}/candidates").EnsureStatus(HttpStatusCode.NotFound);
        await beiliu.GetAsync($"/api/v1/faces/samples/{earlier}/photo").EnsureStatus(HttpStatusCode.NotFound);
        await beiliu.PostAsJsonAsync(decide, new { decision = "different" }).EnsureStatus(HttpStatusCode.NotFound);
        await beiliu.PostAsync($"/api/v1/faces/rescue-stay/{again}/samples", Demo("collins-2026.jpg")).EnsureStatus(HttpStatusCode.NotFound);
        await beiliu.GetAsync($"/faces/rescue-stay/{again}").EnsureStatus(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_child_in_a_protection_case_is_compared_only_for_those_who_may_see_protection_cases()
    {
        app.SkipIfUnavailable();
        var staff = await app.ClientAsync("yulin.rescue");
        var station = await StationAsync(staff);
        var stay = await IntakeAsync(staff, station, 2012);
        var child = await app.WithServicesAsync(async sp =>
        {
            sp.GetRequiredService<CurrentUser>().RunAsSystem("test");
            var p = await sp.GetRequiredService<PersonRegistration>().CreateAsync(new PersonInput
            {
                NoIdNumber = true,
                Name = "人脸测试儿童",
                Sex = Sex.Male,
                BirthDate = new DateOnly(2014, 3, 3),
                DivisionCode = "450902001001",
            });
            return p.Id;
        });
        var opened = await staff.PostAsJsonAsync("/api/v1/children/protection", new { childPersonId = child, harm = "abandonment", reportedOn = new DateOnly(2026, 11, 20), source = "公安转介", description = "走失儿童，不能说出家庭住址" });
        Assert.True(opened.StatusCode == HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
        var caseId = (await opened.JsonAsync()).GetProperty("id").GetString()!;

        var stayPhoto = (await UploadAsync(staff, "rescue-stay", stay, Demo("varshney.jpg"))).GetProperty("id").GetString()!;
        var childPhoto = (await UploadAsync(staff, "child-protection", caseId, Demo("varshney.jpg"))).GetProperty("id").GetString()!;

        // a protection-case holder sees the station's intake among the child's candidates, and the child among the intake's
        var fromChild = (await staff.GetJsonAsync($"/api/v1/faces/samples/{childPhoto}/candidates")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(stayPhoto, fromChild[0].GetProperty("sampleId").GetString());
        Assert.Equal("rescue-stay", fromChild[0].GetProperty("source").GetString());
        var fromStay = (await staff.GetJsonAsync($"/api/v1/faces/samples/{stayPhoto}/candidates")).GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(fromStay, i => i.GetProperty("sampleId").GetString() == childPhoto && i.GetProperty("source").GetString() == "child-protection");

        // the city's auditor reads rescue but not protection cases: the child is neither offered nor reachable
        var auditor = await app.ClientAsync("auditor");
        var audited = (await auditor.GetJsonAsync($"/api/v1/faces/samples/{stayPhoto}/candidates")).GetProperty("items").EnumerateArray().ToList();
        Assert.DoesNotContain(audited, i => i.GetProperty("source").GetString() == "child-protection");
        await auditor.GetAsync($"/api/v1/faces/samples/{childPhoto}/photo").EnsureStatus(HttpStatusCode.NotFound);
        await auditor.GetAsync($"/api/v1/faces/child-protection/{caseId}/samples").EnsureStatus(HttpStatusCode.NotFound);
        // and reading is not writing: the auditor cannot add a photo to the intake
        await auditor.PostAsync($"/api/v1/faces/rescue-stay/{stay}/samples", Demo("varshney.jpg")).EnsureStatus(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_photo_without_a_face_an_oversized_one_and_a_foreign_descriptor_are_refused_on_the_field()
    {
        app.SkipIfUnavailable();
        var staff = await app.ClientAsync("yulin.rescue");
        var station = await StationAsync(staff);
        var stay = await IntakeAsync(staff, station, 1970);
        var url = $"/api/v1/faces/rescue-stay/{stay}/samples";
        var collins = Descriptor("collins-2019.jpg").GetProperty("descriptor").GetRawText();
        var before = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Files.CountAsync());

        async Task Refused(MultipartFormDataContent form, string code, string words)
        {
            var p = await (await staff.PostAsync(url, form)).ExpectProblemAsync(400, code);
            var errors = p.GetProperty("errors").GetProperty("photo").EnumerateArray().Select(e => e.GetString()).ToList();
            Assert.Contains(errors, e => e!.Contains(words, StringComparison.Ordinal));
        }

        // the cat: the browser found no face, so no descriptor came with it
        await Refused(Form(Photo("cat.jpg"), "cat.jpg", null), "face_not_detected", "未检测到人脸");
        // 6 MB: refused beside the field before anything is stored
        var big = new byte[6 * 1024 * 1024];
        Photo("collins-2019.jpg").CopyTo(big, 0);
        await Refused(Form(big, "big.jpg", collins), "face_photo_too_large", "超过 5 MB");
        await Refused(Form(Photo("collins-2019.jpg"), "a.jpg", collins, model: "another-model 2.0"), "face_model_mismatch", "其他版本的模型");
        await Refused(Form(Photo("collins-2019.jpg"), "a.jpg", "[0.1,0.2]"), "face_descriptor_invalid", "128");
        await Refused(Form(Photo("collins-2019.jpg"), "a.jpg", "[" + string.Join(",", Enumerable.Repeat("NaN", 128)) + "]"), "face_descriptor_invalid", "无效");
        await Refused(Form(Photo("collins-2019.jpg"), "a.jpg", "not json"), "face_descriptor_invalid", "无效");
        await Refused(Form(Photo("collins-2019.jpg"), "a.jpg", collins, score: "7"), "face_descriptor_invalid", "置信度");
        await Refused(Form(Photo("collins-2019.jpg"), "a.gif", collins), "file_type_not_allowed", "照片");
        // a PNG's bytes named .jpg
        await Refused(Form([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], "fake.jpg", collins), "file_content_mismatch", "不符");
        Assert.Equal(before, await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Files.CountAsync()));
        Assert.Empty((await staff.GetJsonAsync($"/api/v1/faces/rescue-stay/{stay}/samples")).GetProperty("items").EnumerateArray());
        // an unknown source is a 404, not a 500
        await staff.GetAsync($"/api/v1/faces/no-such-source/{stay}/samples").EnsureStatus(HttpStatusCode.NotFound);
    }
}

public sealed class FaceMatchingTestsOnSqlite(SqliteApp app) : FaceMatchingTests(app), IClassFixture<SqliteApp>;

public sealed class FaceMatchingTestsOnPostgres(PostgresApp app) : FaceMatchingTests(app), IClassFixture<PostgresApp>;

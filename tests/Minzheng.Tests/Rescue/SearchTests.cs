using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.Rescue.Search;
using Minzheng.Web.Modules.Rescue.Stays;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Tests.Rescue;

/// <summary>
/// Family search end to end: a notice published in time appears on the anonymous page with no ID number, a late one is flagged
/// (and becomes a work item after the sweep), a family inquiry is matched both ways and confirmed, which takes the notice down;
/// another county's officer gets 404, bad input 400 by field, a stale version 409, a non-image photo is refused.
/// </summary>
public abstract partial class SearchTests(AppFixture app)
{
    private const string Station = "450902000000";

    [GeneratedRegex(@"\d{17}[\dXx]")]
    private static partial Regex IdShaped();

    /// <summary>A registry person without an ID number (platform number) and a stay in 玉林市救助管理站 admitted <paramref name="hoursAgo"/> ago.</summary>
    private Task<(Guid StayId, string StayNumber, string PlatformNumber)> StayAsync(string name, int hoursAgo) => app.WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var clock = sp.GetRequiredService<BusinessClock>();
        var person = await sp.GetRequiredService<PersonRegistration>().CreateAsync(new PersonInput
        {
            NoIdNumber = true,
            Name = name,
            Sex = Sex.Male,
            BirthDate = new DateOnly(1971, 1, 1),
            DivisionCode = SearchInitializer.DemoVillage,
        });
        var station = await db.Set<RescueStation>().FirstAsync(s => s.DivisionCode == Station);
        var at = clock.UtcNow.AddHours(-hoursAgo);
        var stay = new RescueStay
        {
            Number = "JZT" + Guid.NewGuid().ToString("N")[..10],
            StationId = station.Id,
            DivisionCode = Station,
            PersonId = person.Id,
            Source = StaySource.Police,
            AdmittedAt = at,
            AdmittedOn = DateOnly.FromDateTime(BusinessClock.ToChina(at)),
            RecordedBy = "test",
        };
        db.Add(stay);
        await db.SaveChangesAsync();
        return (stay.Id, stay.Number, person.PlatformNumber!);
    });

    private static object Notice(int version, string? sex = "male") => new
    {
        name = "无名氏",
        sex,
        age = 55,
        ageEstimated = true,
        heightCm = 168,
        health = "体弱",
        mentalState = "言语不清",
        features = "头发花白，左眉上方有疤痕，偏瘦",
        clothing = "深蓝色夹克",
        foundPlace = "玉林火车站广场",
        version,
    };

    [Fact]
    public async Task A_notice_in_time_is_public_without_ID_numbers_a_late_one_is_flagged_and_an_identification_takes_it_down()
    {
        app.SkipIfUnavailable();
        var staff = await app.ClientAsync("yulin.rescue");
        var other = await app.ClientAsync("beiliu.officer");
        var anonymous = app.CreateClient();
        var (a, aNumber, aPlatform) = await StayAsync("无名氏", 2);
        var (b, _, _) = await StayAsync("无名氏", 30);

        // the search opens with a draft due 24 hours after admission
        var f = await (await staff.PostAsync($"/api/v1/rescue/search/stays/{a}/open", null).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal(("draft", "pending"), (f.GetProperty("notice").GetProperty("status").GetString(), f.GetProperty("notice").GetProperty("deadline").GetString()));
        var version = f.GetProperty("notice").GetProperty("version").GetInt32();

        // another county's officer sees nothing of it
        await other.GetAsync($"/api/v1/rescue/search/stays/{a}").ExpectProblemAsync(404, "not_found");
        await other.PutAsJsonAsync($"/api/v1/rescue/search/stays/{a}/notice", Notice(version)).ExpectProblemAsync(404, "not_found");
        await other.PostAsync($"/api/v1/rescue/search/stays/{a}/open", null).ExpectProblemAsync(404, "not_found");

        // bad input is refused by field, nothing saved; a stale version is 409
        var bad = await staff.PutAsJsonAsync($"/api/v1/rescue/search/stays/{a}/notice", Notice(version, sex: "x")).ExpectProblemAsync(400, "validation_failed");
        Assert.True(bad.GetProperty("errors").TryGetProperty("sex", out _));
        var tooTall = await staff.PutAsJsonAsync($"/api/v1/rescue/search/stays/{a}/notice", new { heightCm = 400, version }).ExpectProblemAsync(400, "validation_failed");
        Assert.True(tooTall.GetProperty("errors").TryGetProperty("heightCm", out _));
        await staff.PostAsJsonAsync($"/api/v1/rescue/search/stays/{a}/notice/publish", new { version }).ExpectProblemAsync(400, "validation_failed");
        f = await (await staff.PutAsJsonAsync($"/api/v1/rescue/search/stays/{a}/notice", Notice(version)).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        await staff.PutAsJsonAsync($"/api/v1/rescue/search/stays/{a}/notice", Notice(version)).ExpectProblemAsync(409, "concurrency_conflict");
        version = f.GetProperty("notice").GetProperty("version").GetInt32();

        // the photo: a text file named .jpg and a .gif are refused on the photo field; a PNG is taken
        var renamed = await staff.PostAsync($"/api/v1/rescue/search/stays/{a}/notice/photo", Upload("photo.jpg", "not an image"u8.ToArray())).ExpectProblemAsync(400, "file_content_mismatch");
        Assert.True(renamed.GetProperty("errors").TryGetProperty("photo", out _));
        var gif = await staff.PostAsync($"/api/v1/rescue/search/stays/{a}/notice/photo", Upload("photo.gif", [0x47, 0x49, 0x46, 0x38])).ExpectProblemAsync(400, "file_type_not_allowed");
        Assert.True(gif.GetProperty("errors").TryGetProperty("photo", out _));
        f = await (await staff.PostAsync($"/api/v1/rescue/search/stays/{a}/notice/photo", Upload("photo.png", Png)).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.True(f.GetProperty("notice").GetProperty("hasPhoto").GetBoolean());
        version = f.GetProperty("notice").GetProperty("version").GetInt32();

        // published within the 24 hours: on time, and on the anonymous page without any ID or platform number
        f = await (await staff.PostAsJsonAsync($"/api/v1/rescue/search/stays/{a}/notice/publish", new { version }).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal(("published", "on_time"), (f.GetProperty("notice").GetProperty("status").GetString(), f.GetProperty("notice").GetProperty("deadline").GetString()));
        var noticeId = f.GetProperty("notice").GetProperty("id").GetString();
        var list = await (await anonymous.GetAsync("/public/rescue/notices").EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        var detail = await (await anonymous.GetAsync($"/public/rescue/notices/{noticeId}").EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        var json = await (await anonymous.GetAsync($"/api/v1/public/rescue/notices/{noticeId}").EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Contains("左眉上方有疤痕", detail, StringComparison.Ordinal);
        Assert.Contains($"/public/rescue/notices/{noticeId}", list, StringComparison.Ordinal);
        foreach (var text in new[] { list, detail, json })
        {
            Assert.DoesNotMatch(IdShaped(), text);
            Assert.DoesNotContain(aPlatform, text, StringComparison.Ordinal);
            Assert.DoesNotContain(aNumber, text, StringComparison.Ordinal);
        }
        var photo = await anonymous.GetAsync($"/public/rescue/notices/{noticeId}/photo").EnsureStatus(HttpStatusCode.OK);
        Assert.Equal("image/png", photo.Content.Headers.ContentType?.MediaType);

        // the other stay's notice is past its 24 hours: the sweep flags it and it becomes the station's task
        await staff.PostAsync($"/api/v1/rescue/search/stays/{b}/open", null).EnsureStatus(HttpStatusCode.OK);
        var sweep = await app.WithServicesAsync(sp => sp.GetRequiredService<SearchSweep>().SweepAsync(CancellationToken.None));
        Assert.True(sweep.NoticesOverdue >= 1);
        var fb = await staff.GetJsonAsync($"/api/v1/rescue/search/stays/{b}");
        Assert.Equal("overdue", fb.GetProperty("notice").GetProperty("deadline").GetString());
        Assert.NotEqual(JsonValueKind.Null, fb.GetProperty("notice").GetProperty("overdueSince").ValueKind);
        var tasks = await staff.GetItemsAsync("/api/v1/my/tasks?pageSize=200");
        Assert.Contains(tasks, t => t.GetProperty("key").GetString() == $"rescue-notice-{b}");
        Assert.DoesNotContain(await other.GetItemsAsync("/api/v1/my/tasks?pageSize=200"), t => t.GetProperty("key").GetString() == $"rescue-notice-{b}");
        // published late: stays marked late, and the work item is gone
        fb = await (await staff.PutAsJsonAsync($"/api/v1/rescue/search/stays/{b}/notice", Notice(fb.GetProperty("notice").GetProperty("version").GetInt32())).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        fb = await (await staff.PostAsJsonAsync($"/api/v1/rescue/search/stays/{b}/notice/publish", new { version = fb.GetProperty("notice").GetProperty("version").GetInt32() }).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal("late", fb.GetProperty("notice").GetProperty("deadline").GetString());
        Assert.Contains(await staff.GetItemsAsync("/api/v1/rescue/search/notices?status=all&pageSize=200"), n => n.GetProperty("stayId").GetGuid() == b && n.GetProperty("noticeDeadline").GetString() == "late");
        Assert.DoesNotContain(await staff.GetItemsAsync("/api/v1/my/tasks?pageSize=200"), t => t.GetProperty("key").GetString() == $"rescue-notice-{b}");

        // the DNA request: dates checked against each other, the result recorded
        var dna = fb.GetProperty("dna");
        var dnaBad = await staff.PutAsJsonAsync($"/api/v1/rescue/search/stays/{b}/dna", new { requestedOn = "2026-11-29", result = "maybe", version = dna.GetProperty("version").GetInt32() })
            .ExpectProblemAsync(400, "validation_failed");
        Assert.True(dnaBad.GetProperty("errors").TryGetProperty("policeUnit", out _));
        Assert.True(dnaBad.GetProperty("errors").TryGetProperty("result", out _));
        fb = await (await staff.PutAsJsonAsync($"/api/v1/rescue/search/stays/{b}/dna", new { requestedOn = "2026-11-29", policeUnit = "玉林市公安局玉州分局", sampleTakenOn = "2026-11-29", version = dna.GetProperty("version").GetInt32() })
            .EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal("on_time", fb.GetProperty("dna").GetProperty("deadline").GetString());

        // a family looks for 李大明: bad input by field, then recorded
        var inquiryBad = await staff.PostAsJsonAsync("/api/v1/rescue/search/inquiries", new { name = "李大明", sex = "male", contactName = "李小红" }).ExpectProblemAsync(400, "validation_failed");
        Assert.True(inquiryBad.GetProperty("errors").TryGetProperty("contactPhone", out _));
        var inquiry = await (await staff.PostAsJsonAsync("/api/v1/rescue/search/inquiries", new
        {
            name = "李大明",
            sex = "male",
            age = 54,
            features = "头发花白，左眉上方有疤痕",
            missingSince = "2026-11-20",
            missingPlace = "玉林火车站",
            contactName = "李小红",
            contactPhone = "13800138000",
        }).EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        Assert.Equal("138****8000", inquiry.GetProperty("contactPhone").GetString());
        var inquiryId = inquiry.GetProperty("id").GetString();
        await other.GetAsync($"/api/v1/rescue/search/inquiries/{inquiryId}").ExpectProblemAsync(404, "not_found");

        // matched both ways
        var forInquiry = (await staff.GetJsonAsync($"/api/v1/rescue/search/inquiries/{inquiryId}/candidates")).GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(forInquiry, c => c.GetProperty("stayId").GetGuid() == a);
        var forStay = (await staff.GetJsonAsync($"/api/v1/rescue/search/stays/{a}/candidates")).GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(forStay, c => c.GetProperty("inquiryId").GetString() == inquiryId);

        // confirmed: the stay's identity is known, the notice is down and gone from the public page
        await other.PostAsJsonAsync($"/api/v1/rescue/search/inquiries/{inquiryId}/confirm", new { stayId = a, version = inquiry.GetProperty("version").GetInt32() }).ExpectProblemAsync(404, "not_found");
        await staff.PostAsJsonAsync($"/api/v1/rescue/search/inquiries/{inquiryId}/confirm", new { version = inquiry.GetProperty("version").GetInt32() }).ExpectProblemAsync(400, "validation_failed");
        var confirmed = await (await staff.PostAsJsonAsync($"/api/v1/rescue/search/inquiries/{inquiryId}/confirm", new { stayId = a, version = inquiry.GetProperty("version").GetInt32() })
            .EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal(("confirmed", "yulin.rescue"), (confirmed.GetProperty("status").GetString(), confirmed.GetProperty("confirmedBy").GetString()));
        var fa = await staff.GetJsonAsync($"/api/v1/rescue/search/stays/{a}");
        Assert.False(fa.GetProperty("open").GetBoolean());
        Assert.Equal("withdrawn", fa.GetProperty("notice").GetProperty("status").GetString());
        Assert.True(await app.WithServicesAsync(async sp => (await sp.GetRequiredService<AppDbContext>().Set<RescueStay>().FirstAsync(s => s.Id == a)).IdentityKnown));
        await anonymous.GetAsync($"/public/rescue/notices/{noticeId}").EnsureStatus(HttpStatusCode.NotFound);
        await anonymous.GetAsync($"/public/rescue/notices/{noticeId}/photo").EnsureStatus(HttpStatusCode.NotFound);
        Assert.DoesNotContain(noticeId!, await (await anonymous.GetAsync("/public/rescue/notices")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await staff.PostAsJsonAsync($"/api/v1/rescue/search/inquiries/{inquiryId}/confirm", new { stayId = a, version = confirmed.GetProperty("version").GetInt32() })
            .ExpectProblemAsync(409, "rescue_inquiry_closed");
    }

    // the smallest valid PNG: signature, IHDR 1×1, IDAT, IEND
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static MultipartFormDataContent Upload(string fileName, byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { content, "photo", fileName } };
    }
}

public sealed class SearchTestsOnSqlite(SqliteApp app) : SearchTests(app), IClassFixture<SqliteApp>;

public sealed class SearchTestsOnPostgres(PostgresApp app) : SearchTests(app), IClassFixture<PostgresApp>;

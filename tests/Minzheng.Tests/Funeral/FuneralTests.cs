using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Tests.Funeral;

/// <summary>
/// Funeral management end to end: an eco-burial award reaches the family through the payroll (once per deceased); a plot is
/// sold only against a certificate and within the size figure; the 惠民殡葬 month of a funeral home is paid to the home;
/// a rectification past its deadline shows as overdue. Another county's officer gets 404 on all of it.
/// </summary>
public abstract class FuneralTests(AppFixture app)
{
    private const string Village = "450921100003";
    private const string County = "450921000000";
    private const string Api = "/api/v1/funeral";

    private static string Unique() => Random.Shared.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<Guid> PersonAsync(HttpClient admin, string name, DateOnly birth, bool bank = false)
    {
        var id = IdNumber.Compose("450102", birth, Random.Shared.Next(1, 900));
        var r = await admin.PostAsJsonAsync("/api/v1/persons", new
        {
            idNumber = id,
            name,
            divisionCode = Village,
            bankName = bank ? "广西农村信用社" : null,
            bankAccount = bank ? "6230" + Random.Shared.NextInt64(100_000_000_000_000, 999_999_999_999_999) : null,
        });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.JsonAsync()).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> FacilityAsync(HttpClient officer, string kind, string name) =>
        await (await officer.PostAsJsonAsync($"{Api}/facilities", new
        {
            name = name + Unique(),
            kind,
            divisionCode = "450921100000",
            approvalAuthority = "容县人民政府",
            approvalDocument = "容政函〔2010〕" + Unique() + "号",
            approvedOn = "2010-05-01",
            capacity = 100,
            bankName = "广西农村信用社",
            bankAccount = "4501" + Random.Shared.NextInt64(10_000_000_000_000, 99_999_999_999_999),
        }).EnsureStatus(HttpStatusCode.Created)).JsonAsync();

    private static async Task<List<JsonElement>> PayrollLinesAsync(HttpClient officer, string program, string month)
    {
        var created = await officer.PostAsJsonAsync("/api/v1/payments/payrolls", new { divisionCode = County, program, month, kind = "regular" });
        Assert.True(created.StatusCode == HttpStatusCode.Accepted, await created.Content.ReadAsStringAsync());
        var id = (await created.JsonAsync()).GetProperty("id").GetString();
        JsonElement payroll = default;
        for (var i = 0; i < 600; i++)
        {
            payroll = await officer.GetJsonAsync($"/api/v1/payments/payrolls/{id}");
            if (payroll.GetProperty("status").GetString() == "generated") break;
            await Task.Delay(100);
        }
        Assert.Equal("generated", payroll.GetProperty("status").GetString());
        return await officer.GetItemsAsync($"/api/v1/payments/payrolls/{id}/lines?pageSize=200");
    }

    [Fact]
    public async Task An_eco_burial_award_is_paid_to_the_family_in_the_payroll_once_per_deceased()
    {
        app.SkipIfUnavailable();
        var admin = await app.ClientAsync("admin");
        var officer = await app.ClientAsync("rongxian.officer");
        var other = await app.ClientAsync("beiliu.officer");
        var deceased = await PersonAsync(admin, "黄老伯", new DateOnly(1940, 2, 2));
        var family = await PersonAsync(admin, "黄小华", new DateOnly(1970, 3, 3), bank: true);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

        // no award without a recorded death
        var refused = await officer.PostAsJsonAsync($"{Api}/awards", new { deceasedPersonId = deceased, applicantPersonId = family, kind = "flower-bed", buriedOn = today, place = "公益性公墓花坛" }).ExpectProblemAsync(400, "validation_failed");
        Assert.True(refused.GetProperty("errors").TryGetProperty("deceasedPersonId", out _));

        // the cremation records the death first (it was not recorded)
        var home = await FacilityAsync(officer, "funeralHome", "容县殡仪馆");
        await officer.PostAsJsonAsync($"{Api}/cremations", new { personId = deceased, facilityId = home.GetProperty("id").GetGuid(), crematedOn = today.AddDays(-1), certificateNumber = "HH" + Unique() })
            .ExpectProblemAsync(400, "validation_failed");
        await officer.PostAsJsonAsync($"{Api}/cremations", new { personId = deceased, facilityId = home.GetProperty("id").GetGuid(), crematedOn = today.AddDays(-1), certificateNumber = "HH" + Unique(), deathDate = today.AddDays(-3), deathPlace = "家中" })
            .EnsureStatus(HttpStatusCode.Created);
        Assert.Equal("deceased", (await officer.GetJsonAsync($"/api/v1/persons/{deceased}")).GetProperty("lifeStatus").GetString());

        var bad = await officer.PostAsJsonAsync($"{Api}/awards", new { deceasedPersonId = deceased, applicantPersonId = family, kind = "gold", buriedOn = today, place = "" }).ExpectProblemAsync(400, "validation_failed");
        Assert.True(bad.GetProperty("errors").TryGetProperty("kind", out _));
        Assert.True(bad.GetProperty("errors").TryGetProperty("place", out _));
        var award = await (await officer.PostAsJsonAsync($"{Api}/awards", new { deceasedPersonId = deceased, applicantPersonId = family, kind = "flower-bed", buriedOn = today, place = "容县城市公益性公墓花坛葬区" })
            .EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        Assert.Equal(500m, award.GetProperty("amount").GetDecimal());
        Assert.Contains("CONFIRMED-S", award.GetProperty("basis").GetString(), StringComparison.Ordinal);
        await officer.PostAsJsonAsync($"{Api}/awards", new { deceasedPersonId = deceased, applicantPersonId = family, kind = "tree", buriedOn = today, place = "x" }).ExpectProblemAsync(409, "funeral_award_exists");

        var id = award.GetProperty("id").GetString();
        await other.GetAsync($"{Api}/awards/{id}").ContinueWith(t => Assert.Equal(HttpStatusCode.NotFound, t.Result.StatusCode));
        await other.PostAsJsonAsync($"{Api}/awards/{id}/decide", new { agree = true, opinion = "同意", version = award.GetProperty("version").GetInt32() }).ExpectProblemAsync(404, "not_found");
        Assert.DoesNotContain(await other.GetItemsAsync($"{Api}/awards"), a => a.GetProperty("id").GetString() == id);
        await officer.PostAsJsonAsync($"{Api}/awards/{id}/decide", new { agree = true, opinion = "同意", version = award.GetProperty("version").GetInt32() + 1 }).ExpectProblemAsync(409, "concurrency_conflict");
        var approved = await (await officer.PostAsJsonAsync($"{Api}/awards/{id}/decide", new { agree = true, opinion = "材料齐全，同意", version = award.GetProperty("version").GetInt32() })
            .EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal("approved", approved.GetProperty("status").GetString());

        // the award appears in 容县's payroll of the program, paid to the family member
        var lines = await PayrollLinesAsync(officer, "funeral-eco-award", approved.GetProperty("payMonth").GetString()!);
        var line = Assert.Single(lines, l => l.GetProperty("payeePersonId").ValueKind == JsonValueKind.String && l.GetProperty("payeePersonId").GetGuid() == family);
        Assert.Equal(500m, line.GetProperty("amount").GetDecimal());
        Assert.Contains(line.GetProperty("explanation").EnumerateArray(), l => l.GetProperty("label").GetString()!.Contains("花坛葬", StringComparison.Ordinal));

        // the one-person view shows the cremation and the award
        var page = await (await officer.GetAsync($"/registry/persons/{deceased}").EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Contains("火化证明", page, StringComparison.Ordinal);
        Assert.Contains("节地生态安葬奖补", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plot_is_sold_only_against_a_certificate_and_within_the_size_figure()
    {
        app.SkipIfUnavailable();
        var admin = await app.ClientAsync("admin");
        var officer = await app.ClientAsync("rongxian.officer");
        var other = await app.ClientAsync("beiliu.officer");

        var badFacility = await officer.PostAsJsonAsync($"{Api}/facilities", new { name = "无批文公墓", kind = "commercialCemetery", divisionCode = "450921100000", approvedOn = "2010-01-01" }).ExpectProblemAsync(400, "validation_failed");
        Assert.True(badFacility.GetProperty("errors").TryGetProperty("approvalDocument", out _));
        await other.PostAsJsonAsync($"{Api}/facilities", new { name = "越界公墓" + Unique(), kind = "urbanPublicCemetery", divisionCode = "450921100000", approvalAuthority = "x", approvalDocument = "x", approvedOn = "2010-01-01" })
            .ExpectProblemAsync(400, "validation_failed");

        var cemetery = await FacilityAsync(officer, "urbanPublicCemetery", "容县公益性公墓");
        Assert.True(cemetery.GetProperty("publicWelfare").GetBoolean());
        var cid = cemetery.GetProperty("id").GetString();
        var oversize = await officer.PostAsJsonAsync($"{Api}/facilities/{cid}/plots", new { section = "A", rowNo = "1", number = "1", area = 1.5m, kind = "ashes", termYears = 20, price = 3000m })
            .ExpectProblemAsync(400, "funeral_plot_oversize");
        Assert.Contains("超过上限 1 平方米", oversize.GetProperty("errors").GetProperty("area")[0].GetString(), StringComparison.Ordinal);
        var missing = await officer.PostAsJsonAsync($"{Api}/facilities/{cid}/plots", new { rowNo = "1", number = "1", area = 0.8m, kind = "ashes", termYears = 20 }).ExpectProblemAsync(400, "validation_failed");
        Assert.True(missing.GetProperty("errors").TryGetProperty("section", out _));
        Assert.True(missing.GetProperty("errors").TryGetProperty("price", out _));
        var plot = await (await officer.PostAsJsonAsync($"{Api}/facilities/{cid}/plots", new { section = "A", rowNo = "1", number = "1", area = 0.8m, kind = "ashes", termYears = 20, price = 3000m })
            .EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        await officer.PostAsJsonAsync($"{Api}/facilities/{cid}/plots", new { section = "A", rowNo = "1", number = "1", area = 0.8m, kind = "ashes", termYears = 20, price = 3000m }).ExpectProblemAsync(409, "funeral_plot_exists");
        var pid = plot.GetProperty("id").GetString();
        var version = plot.GetProperty("version").GetInt32();

        var holder = await PersonAsync(admin, "李大姐", new DateOnly(1968, 1, 1));
        var living = await PersonAsync(admin, "李老汉", new DateOnly(1945, 1, 1));
        // no certificate: refused, nothing saved
        var noCertificate = await officer.PostAsJsonAsync($"/api/v1/funeral/plots/{pid}/sell", new { holderPersonId = holder, deceasedPersonId = living, version }).ExpectProblemAsync(400, "funeral_certificate_required");
        Assert.True(noCertificate.GetProperty("errors").TryGetProperty("certificateKind", out _));
        // a living person: no plot (活人墓)
        await officer.PostAsJsonAsync($"{Api}/plots/{pid}/sell", new { holderPersonId = holder, deceasedPersonId = living, certificateKind = "death", certificateNumber = "SW1", version }).ExpectProblemAsync(400, "funeral_certificate_required");
        Assert.Equal("available", (await officer.GetJsonAsync($"{Api}/plots/{pid}")).GetProperty("status").GetString());

        await officer.PostAsJsonAsync($"{Api}/deaths", new { personId = living, deathDate = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(-2), place = "家中", reporter = "容县人民医院" }).EnsureStatus(HttpStatusCode.Created);
        await other.GetAsync($"{Api}/plots/{pid}").ContinueWith(t => Assert.Equal(HttpStatusCode.NotFound, t.Result.StatusCode));
        await other.PostAsJsonAsync($"{Api}/plots/{pid}/sell", new { holderPersonId = holder, deceasedPersonId = living, certificateKind = "death", certificateNumber = "SW1", version }).ExpectProblemAsync(404, "not_found");
        var sold = await (await officer.PostAsJsonAsync($"{Api}/plots/{pid}/sell", new { holderPersonId = holder, deceasedPersonId = living, certificateKind = "death", certificateNumber = "SW1", version })
            .EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal("sold", sold.GetProperty("status").GetString());
        await officer.PostAsJsonAsync($"{Api}/plots/{pid}/sell", new { holderPersonId = holder, deceasedPersonId = living, certificateKind = "death", certificateNumber = "SW1", version }).ExpectProblemAsync(409, "concurrency_conflict");
    }

    [Fact]
    public async Task The_waiver_month_of_a_funeral_home_is_paid_to_the_home()
    {
        app.SkipIfUnavailable();
        var admin = await app.ClientAsync("admin");
        var officer = await app.ClientAsync("rongxian.officer");
        var other = await app.ClientAsync("beiliu.officer");
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var home = await FacilityAsync(officer, "funeralHome", "容县第二殡仪馆");
        var hid = home.GetProperty("id").GetGuid();
        var deceased = await PersonAsync(admin, "覃阿婆", new DateOnly(1939, 9, 9));
        await officer.PostAsJsonAsync($"{Api}/deaths", new { personId = deceased, deathDate = today.AddDays(-4), place = "家中", reporter = "容县第二殡仪馆" }).EnsureStatus(HttpStatusCode.Created);

        var notEligible = await officer.PostAsJsonAsync($"{Api}/waivers", new { facilityId = hid, deceasedPersonId = deceased, group = "key-entitled", groupEvidence = "优抚证", item = "cremation", charged = 500m, servedOn = today })
            .ExpectProblemAsync(400, "funeral_waiver_not_eligible");
        Assert.True(notEligible.GetProperty("errors").TryGetProperty("group", out _));
        var badInput = await officer.PostAsJsonAsync($"{Api}/waivers", new { facilityId = hid, deceasedPersonId = deceased, group = "dibao", item = "cremation", servedOn = today }).ExpectProblemAsync(400, "validation_failed");
        Assert.True(badInput.GetProperty("errors").TryGetProperty("groupEvidence", out _));
        var storage = await (await officer.PostAsJsonAsync($"{Api}/waivers", new { facilityId = hid, deceasedPersonId = deceased, group = "dibao", groupEvidence = "低保证 R2026001", item = "storage", units = 5, charged = 250m, servedOn = today })
            .EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        Assert.Equal(150m, storage.GetProperty("free").GetDecimal());
        var cremation = await (await officer.PostAsJsonAsync($"{Api}/waivers", new { facilityId = hid, deceasedPersonId = deceased, group = "dibao", groupEvidence = "低保证 R2026001", item = "cremation", charged = 500m, servedOn = today })
            .EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        Assert.Equal(400m, cremation.GetProperty("free").GetDecimal());
        await officer.PostAsJsonAsync($"{Api}/waivers", new { facilityId = hid, deceasedPersonId = deceased, group = "dibao", groupEvidence = "x", item = "cremation", charged = 500m, servedOn = today }).ExpectProblemAsync(409, "funeral_waiver_recorded");

        var month = new DateOnly(today.Year, today.Month, 1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await other.PostAsJsonAsync($"{Api}/waivers/settlements", new { facilityId = hid, month }).ExpectProblemAsync(404, "not_found");
        var settlement = await (await officer.PostAsJsonAsync($"{Api}/waivers/settlements", new { facilityId = hid, month }).EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        Assert.Equal(550m, settlement.GetProperty("amount").GetDecimal());
        await officer.PostAsJsonAsync($"{Api}/waivers/settlements", new { facilityId = hid, month }).ExpectProblemAsync(409, "funeral_waiver_settled");

        var lines = await PayrollLinesAsync(officer, "funeral-waiver", settlement.GetProperty("payMonth").GetString()!);
        var organization = home.GetProperty("organizationId").GetGuid();
        var line = Assert.Single(lines, l => l.GetProperty("payeeOrganizationId").ValueKind == JsonValueKind.String && l.GetProperty("payeeOrganizationId").GetGuid() == organization);
        Assert.Equal(550m, line.GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task A_rectification_past_its_deadline_is_overdue_and_the_ledger_exports()
    {
        app.SkipIfUnavailable();
        var officer = await app.ClientAsync("rongxian.officer");
        var other = await app.ClientAsync("beiliu.officer");
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

        var bad = await officer.PostAsJsonAsync($"{Api}/graves", new { location = "", divisionCode = Village, foundOn = today.AddDays(3) }).ExpectProblemAsync(400, "validation_failed");
        foreach (var field in new[] { "type", "location", "foundOn" }) Assert.True(bad.GetProperty("errors").TryGetProperty(field, out _), field);
        var outside = await other.PostAsJsonAsync($"{Api}/graves", new { type = "luxuryTomb", location = "越界", divisionCode = Village, foundOn = today }).ExpectProblemAsync(400, "validation_failed");
        Assert.True(outside.GetProperty("errors").TryGetProperty("divisionCode", out _));
        var c = await (await officer.PostAsJsonAsync($"{Api}/graves", new { type = "luxuryTomb", location = "容州镇某山坡 " + Unique(), divisionCode = Village, area = 40m, foundOn = today.AddDays(-10) })
            .EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        var id = c.GetProperty("id").GetString();
        await other.GetAsync($"{Api}/graves/{id}").ContinueWith(t => Assert.Equal(HttpStatusCode.NotFound, t.Result.StatusCode));
        await other.PostAsJsonAsync($"{Api}/graves/{id}/order", new { measure = "demolish", deadline = today, version = c.GetProperty("version").GetInt32() }).ExpectProblemAsync(404, "not_found");
        var noMeasure = await officer.PostAsJsonAsync($"{Api}/graves/{id}/order", new { deadline = today, version = c.GetProperty("version").GetInt32() }).ExpectProblemAsync(400, "validation_failed");
        Assert.True(noMeasure.GetProperty("errors").TryGetProperty("measure", out _));
        var ordered = await (await officer.PostAsJsonAsync($"{Api}/graves/{id}/order", new { measure = "unharden", deadline = today, version = c.GetProperty("version").GetInt32() }).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.False(ordered.GetProperty("overdue").GetBoolean());
        await officer.PostAsJsonAsync($"{Api}/graves/{id}/order", new { measure = "demolish", deadline = today, version = c.GetProperty("version").GetInt32() }).ExpectProblemAsync(409, "concurrency_conflict");

        // the deadline passes: the ledger flags it on read
        app.Clock.Advance(TimeSpan.FromDays(1));
        officer = await app.ClientAsync("rongxian.officer");
        var overdue = await officer.GetItemsAsync($"{Api}/graves?overdue=true&pageSize=200");
        var row = Assert.Single(overdue, g => g.GetProperty("id").GetString() == id);
        Assert.Equal("逾期未整改", row.GetProperty("statusName").GetString());
        Assert.DoesNotContain(await (await app.ClientAsync("beiliu.officer")).GetItemsAsync($"{Api}/graves?pageSize=200"), g => g.GetProperty("id").GetString() == id);

        // photos before and after go to the platform's file store; another county cannot add one
        static MultipartFormDataContent Photo(string stage, string name)
        {
            var form = new MultipartFormDataContent { { new StringContent(stage), "stage" } };
            form.Add(new ByteArrayContent([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]), "file", name);
            return form;
        }
        await officer.PostAsync($"{Api}/graves/{id}/photos", Photo("before", "before.png")).EnsureStatus(HttpStatusCode.Created);
        await officer.PostAsync($"{Api}/graves/{id}/photos", Photo("during", "x.png")).ExpectProblemAsync(400, "validation_failed");
        await officer.PostAsync($"{Api}/graves/{id}/photos", Photo("after", "x.exe")).ExpectProblemAsync(400, "file_type_not_allowed");
        await (await app.ClientAsync("beiliu.officer")).PostAsync($"{Api}/graves/{id}/photos", Photo("after", "after.png")).ExpectProblemAsync(404, "not_found");
        await officer.PostAsync($"{Api}/graves/{id}/photos", Photo("after", "after.png")).EnsureStatus(HttpStatusCode.Created);
        var photos = (await officer.GetJsonAsync($"{Api}/graves/{id}/photos")).EnumerateArray().Select(p => (p.GetProperty("fileName").GetString(), p.GetProperty("after").GetBoolean())).ToList();
        Assert.Equal(new List<(string?, bool)> { ("before.png", false), ("after.png", true) }, photos);

        var done = await (await officer.PostAsJsonAsync($"{Api}/graves/{id}/rectified", new { rectifiedOn = today.AddDays(1), note = "已去除硬化、复绿", version = ordered.GetProperty("version").GetInt32() }).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.Equal(("rectified", false), (done.GetProperty("status").GetString(), done.GetProperty("overdue").GetBoolean()));

        var export = await officer.GetAsync($"{Api}/graves/export").EnsureStatus(HttpStatusCode.OK);
        Assert.Equal(RegistryApi.XlsxContentType, export.Content.Headers.ContentType?.MediaType);
        var dashboard = await (await officer.GetAsync("/funeral").EnsureStatus(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Contains("火化率", dashboard, StringComparison.Ordinal);
    }
}

public sealed class FuneralTestsOnSqlite(SqliteApp app) : FuneralTests(app), IClassFixture<SqliteApp>;

public sealed class FuneralTestsOnPostgres(PostgresApp app) : FuneralTests(app), IClassFixture<PostgresApp>;

using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Rescue.Stays;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Calendar;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Files;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Rescue.Search;

public sealed record NoticeInput
{
    [Text(50)] public string? Name { get; init; }
    [Text(10)] public string? Sex { get; init; }
    [Within(0, 120)] public int? Age { get; init; }
    public bool AgeEstimated { get; init; }
    [Within(40, 250)] public int? HeightCm { get; init; }
    [Text(200)] public string? Health { get; init; }
    [Text(200)] public string? MentalState { get; init; }
    [Text(500)] public string? Features { get; init; }
    [Text(200)] public string? Clothing { get; init; }
    public DateOnly? FoundOn { get; init; }
    [Text(200)] public string? FoundPlace { get; init; }
    [Text(200)] public string? Contact { get; init; }
    public int? Version { get; init; }
}

public sealed record DnaInput
{
    public DateOnly? RequestedOn { get; init; }
    [Text(100)] public string? PoliceUnit { get; init; }
    public DateOnly? SampleTakenOn { get; init; }
    [Text(10)] public string? Result { get; init; }
    public DateOnly? ResultOn { get; init; }
    public int? Version { get; init; }
}

public sealed record VersionInput(int? Version, string? Reason = null);

/// <summary>One stay's family search as the pages and the API show it: the stay, its notice and DNA request with their deadline states.</summary>
public sealed record SearchFile(RescueStay Stay, string StationName, string PersonName, SearchNotice Notice, DnaRequest Dna,
    DeadlineState NoticeState, DeadlineState DnaState)
{
    /// <summary>Whether the search is still running (identity unknown, person still in the station's care).</summary>
    public bool Open => !Stay.IdentityKnown && Stay.Status is StayStatus.InStation or StayStatus.Placed;
}

/// <summary>
/// Family search for a stay whose identity is unknown (issue 15 item 4): the 寻亲公告 drafted from the stay, edited, given a
/// photo and published (due within the notice hours of admission), the DNA request to the police (due within the configured
/// working days on the kernel calendar), and the withdrawal of the notice once the person is identified or leaves.
/// </summary>
public sealed class FamilySearch(AppDbContext db, FigureBook book, WorkingCalendar calendar, BusinessClock clock, ICurrentUser user, FileStore files)
{
    /// <summary>The photo of a notice: JPEG or PNG only (the content is checked against the extension by <see cref="FileStore"/>).</summary>
    public static readonly UploadKind Photo = new("照片", [".jpg", ".jpeg", ".png"]);

    /// <summary>A notice photo larger than this is refused (a phone photo is 2–4 MB; the public page serves it to phones).</summary>
    public const long MaxPhotoBytes = 5 * 1024 * 1024;

    /// <summary>
    /// The two search deadlines of a stay, from the figures of its admission day. Only these two figures are read (not the whole
    /// <see cref="RescueDeadlines.FiguresOn"/>), so the search works where the unconfirmed demo-only figures are absent.
    /// </summary>
    public SearchDue DueOf(RescueStay stay) =>
        SearchDeadlines.Due(book.Require(RescueFigures.SearchNoticeHours, stay.DivisionCode, stay.AdmittedOn).Row.Number ?? 0,
            book.Require(RescueFigures.DnaRequestWorkingDays, stay.DivisionCode, stay.AdmittedOn).Row.Number ?? 0, stay.AdmittedAt, stay.AdmittedOn, calendar.AddWorkingDays);

    /// <summary>
    /// The stay's family search, drafting the notice (from the registry person and the station) and the DNA request when they do not
    /// exist yet. Only for a stay whose identity is unknown: a known person needs none (409).
    /// </summary>
    public async Task<SearchFile> OpenAsync(Guid stayId, CancellationToken ct = default)
    {
        var stay = await db.Set<RescueStay>().FirstOrDefaultAsync(s => s.Id == stayId, ct) ?? throw AppProblem.NotFound("救助记录");
        var (notice, dna) = await EnsureAsync(stay, ct);
        if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(ct);
        return await FileOfAsync(stay, notice, dna, ct);
    }

    /// <summary>The search of a stay that has one (no drafting): 404 when none was opened.</summary>
    public async Task<SearchFile> LoadAsync(Guid stayId, CancellationToken ct = default)
    {
        var stay = await db.Set<RescueStay>().FirstOrDefaultAsync(s => s.Id == stayId, ct) ?? throw AppProblem.NotFound("救助记录");
        var notice = await db.Set<SearchNotice>().FirstOrDefaultAsync(n => n.StayId == stayId, ct) ?? throw AppProblem.NotFound("寻亲公告");
        var dna = await db.Set<DnaRequest>().FirstAsync(d => d.StayId == stayId, ct);
        return await FileOfAsync(stay, notice, dna, ct);
    }

    internal async Task<(SearchNotice Notice, DnaRequest Dna)> EnsureAsync(RescueStay stay, CancellationToken ct)
    {
        var notice = await db.Set<SearchNotice>().FirstOrDefaultAsync(n => n.StayId == stay.Id, ct);
        var dna = await db.Set<DnaRequest>().FirstOrDefaultAsync(d => d.StayId == stay.Id, ct);
        if (notice is not null && dna is not null) return (notice, dna);
        if (stay.IdentityKnown) throw AppProblem.Conflict("rescue_identity_known", "该受助人员身份已查明，无需发布寻亲公告");
        var due = DueOf(stay);
        if (notice is null)
        {
            var person = await db.Persons.FirstAsync(p => p.Id == stay.PersonId, ct);
            var station = await db.Set<RescueStation>().FirstAsync(s => s.Id == stay.StationId, ct);
            var today = clock.Today;
            notice = new SearchNotice
            {
                StayId = stay.Id,
                StationId = stay.StationId,
                DivisionCode = stay.DivisionCode,
                // a person registered without an ID number may have given a name; one who could not carries 无名氏
                Name = string.IsNullOrWhiteSpace(person.Name) ? SearchText.Unnamed : person.Name,
                Sex = person.Sex == 0 ? null : person.Sex,
                Age = person.BirthDate == default ? null : today.Year - person.BirthDate.Year - (today.DayOfYear < person.BirthDate.DayOfYear ? 1 : 0),
                AgeEstimated = person.IdNumberCipher is null,
                FoundOn = stay.AdmittedOn,
                Contact = $"{station.Name}，电话 {station.Phone}，地址 {station.Address}",
                DueAt = due.NoticeDueAt,
                RecordedBy = user.UserName,
            };
            db.Add(notice);
        }
        if (dna is null)
        {
            dna = new DnaRequest { StayId = stay.Id, DivisionCode = stay.DivisionCode, DueOn = due.DnaRequestDue, RecordedBy = user.UserName };
            db.Add(dna);
        }
        return (notice, dna);
    }

    private async Task<SearchFile> FileOfAsync(RescueStay stay, SearchNotice notice, DnaRequest dna, CancellationToken ct)
    {
        var station = await db.Set<RescueStation>().Where(s => s.Id == stay.StationId).Select(s => s.Name).FirstAsync(ct);
        var person = await db.Persons.Where(p => p.Id == stay.PersonId).Select(p => p.Name).FirstAsync(ct);
        return new(stay, station, person, notice, dna, SearchDeadlines.Notice(notice.DueAt, notice.PublishedAt, clock.UtcNow),
            SearchDeadlines.Dna(dna.DueOn, dna.RequestedOn, clock.Today));
    }

    public async Task<SearchFile> SaveNoticeAsync(Guid stayId, NoticeInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var file = await LoadAsync(stayId, ct);
        var n = file.Notice;
        var errors = new ValidationErrors();
        if (input.Version is null) errors.Add("version", "缺少版本号");
        var sex = ParseSex(input.Sex, errors);
        if (input.FoundOn is { } found && (found > clock.Today || found < file.Stay.AdmittedOn.AddYears(-1))) errors.Add("foundOn", "发现日期不能晚于今天，也不能早于入站一年以上");
        if (string.IsNullOrWhiteSpace(input.Contact) && string.IsNullOrWhiteSpace(n.Contact)) errors.Add("contact", "请填写救助管理站联系方式");
        errors.ThrowIfAny();
        if (n.Status == NoticeStatus.Withdrawn) throw AppProblem.Conflict("rescue_notice_withdrawn", "寻亲公告已撤下，不能再修改");
        db.ExpectVersion(n, input.Version!.Value);
        n.Name = string.IsNullOrWhiteSpace(input.Name) ? SearchText.Unnamed : input.Name.Trim();
        n.Sex = sex;
        n.Age = input.Age;
        n.AgeEstimated = input.AgeEstimated;
        n.HeightCm = input.HeightCm;
        n.Health = input.Health?.Trim() ?? "";
        n.MentalState = input.MentalState?.Trim() ?? "";
        n.Features = input.Features?.Trim() ?? "";
        n.Clothing = input.Clothing?.Trim() ?? "";
        if (input.FoundOn is { } f) n.FoundOn = f;
        n.FoundPlace = input.FoundPlace?.Trim() ?? "";
        if (!string.IsNullOrWhiteSpace(input.Contact)) n.Contact = input.Contact.Trim();
        await db.SaveChangesAsync(ct);
        return await LoadAsync(stayId, ct);
    }

    /// <summary>Sets the notice's photo: JPEG/PNG up to <see cref="MaxPhotoBytes"/>, refused on the field <c>photo</c> otherwise.</summary>
    public async Task<SearchFile> SetPhotoAsync(Guid stayId, string fileName, long length, Stream content, CancellationToken ct = default)
    {
        var file = await LoadAsync(stayId, ct);
        Photo.EnsureAllowed("photo", fileName);
        if (length > MaxPhotoBytes) throw AppProblem.Field("photo", $"照片不能超过 {MaxPhotoBytes / 1024 / 1024} MB，请压缩后再上传", "rescue_photo_too_large");
        if (file.Notice.Status == NoticeStatus.Withdrawn) throw AppProblem.Conflict("rescue_notice_withdrawn", "寻亲公告已撤下，不能再修改");
        StoredFile stored;
        try
        {
            stored = await files.SaveAsync(fileName, content, ct);
        }
        catch (AppProblem p) when (p.Status is 400 or 413)
        {
            // a renamed non-image is refused beside the photo field, like a wrong extension
            var detail = p.Detail ?? "照片须为 JPEG 或 PNG 图片";
            throw p.Code switch
            {
                "file_too_large" => AppProblem.Field("photo", detail, "rescue_photo_too_large"),
                "file_content_mismatch" => AppProblem.Field("photo", detail, "file_content_mismatch"),
                "file_type_not_allowed" => AppProblem.Field("photo", detail, "file_type_not_allowed"),
                _ => AppProblem.Field("photo", detail),
            };
        }
        if (stored.Size > MaxPhotoBytes)
        {
            files.Delete(stored);
            db.Files.Remove(stored);
            throw AppProblem.Field("photo", $"照片不能超过 {MaxPhotoBytes / 1024 / 1024} MB，请压缩后再上传", "rescue_photo_too_large");
        }
        file.Notice.PhotoFileId = stored.Id;
        await db.SaveChangesAsync(ct);
        return await LoadAsync(stayId, ct);
    }

    /// <summary>Publishes the notice: it then appears on /public/rescue/notices. A late publication stays marked late.</summary>
    public async Task<SearchFile> PublishAsync(Guid stayId, int? version, CancellationToken ct = default)
    {
        if (version is null) throw AppProblem.Field("version", "缺少版本号");
        var file = await LoadAsync(stayId, ct);
        var n = file.Notice;
        if (!file.Open) throw AppProblem.Conflict("rescue_search_closed", "该受助人员身份已查明或已离站，寻亲已结束");
        if (n.Status != NoticeStatus.Draft) throw AppProblem.Conflict("rescue_notice_published", "寻亲公告已发布");
        var errors = new ValidationErrors();
        if (n.Sex is null) errors.Add("sex", "发布前请填写性别");
        if (n.Age is null) errors.Add("age", "发布前请填写年龄或估计年龄");
        if (string.IsNullOrWhiteSpace(n.Features)) errors.Add("features", "发布前请填写体貌特征");
        if (string.IsNullOrWhiteSpace(n.FoundPlace)) errors.Add("foundPlace", "发布前请填写发现地点");
        errors.ThrowIfAny();
        db.ExpectVersion(n, version.Value);
        n.Status = NoticeStatus.Published;
        n.PublishedAt = clock.UtcNow;
        n.PublishedBy = user.UserName;
        await db.SaveChangesAsync(ct);
        return await LoadAsync(stayId, ct);
    }

    /// <summary>Takes the notice down by hand (the sweep and a confirmed identification do it on their own).</summary>
    public async Task<SearchFile> WithdrawAsync(Guid stayId, int? version, string? reason, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        if (version is null) errors.Add("version", "缺少版本号");
        if (string.IsNullOrWhiteSpace(reason)) errors.Add("reason", "请填写撤下原因");
        else if (reason.Length > 200) errors.Add("reason", "不能超过 200 个字");
        errors.ThrowIfAny();
        var file = await LoadAsync(stayId, ct);
        if (file.Notice.Status == NoticeStatus.Withdrawn) throw AppProblem.Conflict("rescue_notice_withdrawn", "寻亲公告已撤下");
        db.ExpectVersion(file.Notice, version!.Value);
        Withdraw(file.Notice, reason!.Trim());
        await db.SaveChangesAsync(ct);
        return await LoadAsync(stayId, ct);
    }

    internal void Withdraw(SearchNotice notice, string reason)
    {
        notice.Status = NoticeStatus.Withdrawn;
        notice.WithdrawnAt = clock.UtcNow;
        notice.WithdrawnReason = reason;
    }

    /// <summary>Records the DNA request, the sample and the result (each date checked against the others and today).</summary>
    public async Task<SearchFile> SaveDnaAsync(Guid stayId, DnaInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var file = await LoadAsync(stayId, ct);
        var today = clock.Today;
        var errors = new ValidationErrors();
        if (input.Version is null) errors.Add("version", "缺少版本号");
        if (input.RequestedOn is { } r)
        {
            if (r > today) errors.Add("requestedOn", "送检日期不能晚于今天");
            if (r < file.Stay.AdmittedOn) errors.Add("requestedOn", "送检日期不能早于入站日期");
            if (string.IsNullOrWhiteSpace(input.PoliceUnit)) errors.Add("policeUnit", "请填写受理的公安机关");
        }
        if (input.SampleTakenOn is { } s)
        {
            if (input.RequestedOn is not { } req) errors.Add("requestedOn", "请先填写送检日期");
            else if (s < req) errors.Add("sampleTakenOn", "采血日期不能早于送检日期");
            if (s > today) errors.Add("sampleTakenOn", "采血日期不能晚于今天");
        }
        DnaResult? result = input.Result?.Trim() switch
        {
            null or "" => null,
            "match" => DnaResult.Match,
            "no_match" => DnaResult.NoMatch,
            _ => Bad(errors, "result", "比对结果只能是 match（比对成功）或 no_match（比对未成功）"),
        };
        if (result is not null)
        {
            if (input.SampleTakenOn is null) errors.Add("sampleTakenOn", "有比对结果时请填写采血日期");
            if (input.ResultOn is not { } ro) errors.Add("resultOn", "请填写结果日期");
            else if (ro > today || (input.SampleTakenOn is { } st && ro < st)) errors.Add("resultOn", "结果日期应在采血日期和今天之间");
        }
        else if (input.ResultOn is not null) errors.Add("result", "填写结果日期时请选择比对结果");
        errors.ThrowIfAny();
        db.ExpectVersion(file.Dna, input.Version!.Value);
        var d = file.Dna;
        d.RequestedOn = input.RequestedOn;
        d.PoliceUnit = input.PoliceUnit?.Trim() ?? "";
        d.SampleTakenOn = input.SampleTakenOn;
        d.Result = result;
        d.ResultOn = result is null ? null : input.ResultOn;
        await db.SaveChangesAsync(ct);
        return await LoadAsync(stayId, ct);
    }

    /// <summary>The photo of a notice for staff (any status), scoped like the notice.</summary>
    public async Task<StoredFile?> PhotoAsync(Guid stayId, CancellationToken ct = default)
    {
        var id = await db.Set<SearchNotice>().Where(n => n.StayId == stayId).Select(n => n.PhotoFileId).FirstOrDefaultAsync(ct);
        return id is null ? null : await db.Files.FirstOrDefaultAsync(f => f.Id == id, ct);
    }

    internal static Sex? ParseSex(string? value, ValidationErrors errors, string field = "sex") => value?.Trim() switch
    {
        null or "" => null,
        "male" or "男" => Sex.Male,
        "female" or "女" => Sex.Female,
        _ => BadSex(errors, field),
    };

    private static Sex? BadSex(ValidationErrors errors, string field)
    {
        errors.Add(field, "性别只能是 male（男）或 female（女）");
        return null;
    }

    private static DnaResult? Bad(ValidationErrors errors, string field, string message)
    {
        errors.Add(field, message);
        return null;
    }
}

using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Rescue.Stays;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Rescue.Search;

public sealed record InquiryInput
{
    [Text(50)] public string? Name { get; init; }
    [Text(10)] public string? Sex { get; init; }
    [Within(0, 120)] public int? Age { get; init; }
    [Text(500)] public string? Features { get; init; }
    public DateOnly? MissingSince { get; init; }
    [Text(200)] public string? MissingPlace { get; init; }
    [Text(50)] public string? ContactName { get; init; }
    [Text(20)] public string? ContactPhone { get; init; }

    /// <summary>The county the family came to (defaults to the clerk's own division when it is a county).</summary>
    [Text(12)] public string? DivisionCode { get; init; }
    [Text(500)] public string? Note { get; init; }
    public int? Version { get; init; }
}

public sealed record ConfirmInput(Guid? StayId, int? Version, int? StayVersion);

/// <summary>A proposed pair for a clerk to confirm: one open stay (with its notice) and one open inquiry.</summary>
public sealed record MatchCandidate(Guid InquiryId, string InquiryName, Guid StayId, string StayNumber, string StationName, string NoticeName, MatchScore Score);

/// <summary>
/// Family inquiries (寻人登记) and the matching both ways (issue 15 item 4): an inquiry against the unidentified people in
/// station, a stay against the open inquiries. Candidates are computed when asked, from the current facts on both sides, so a
/// change on either side re-runs the match by itself; only a clerk's confirmation is stored. Both sides are read in the
/// user's division scope: a county clerk matches within the county, a city officer across the city.
/// </summary>
public sealed class FamilyInquiries(AppDbContext db, IdentifierProtector protector, DivisionDirectory divisions, BusinessClock clock, ICurrentUser user, FamilySearch search)
{
    /// <summary>At most this many candidates are shown per side, best first.</summary>
    public const int MaxCandidates = 10;

    public async Task<FamilyInquiry> CreateAsync(InquiryInput input, CancellationToken ct = default)
    {
        var (sex, division) = Validate(input, isNew: true);
        var inquiry = new FamilyInquiry { DivisionCode = division!, Name = input.Name!.Trim(), RecordedOn = clock.Today, RecordedBy = user.UserName };
        Apply(inquiry, input, sex);
        db.Add(inquiry);
        await db.SaveChangesAsync(ct);
        return inquiry;
    }

    public async Task<FamilyInquiry> UpdateAsync(Guid id, InquiryInput input, CancellationToken ct = default)
    {
        var inquiry = await GetAsync(id, ct);
        var (sex, _) = Validate(input, isNew: false);
        if (inquiry.Status != InquiryStatus.Open) throw AppProblem.Conflict("rescue_inquiry_closed", "该寻人登记已确认或已结束，不能再修改");
        db.ExpectVersion(inquiry, input.Version!.Value);
        inquiry.Name = input.Name!.Trim();
        Apply(inquiry, input, sex);
        await db.SaveChangesAsync(ct);
        return inquiry;
    }

    public async Task<FamilyInquiry> GetAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<FamilyInquiry>().FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw AppProblem.NotFound("寻人登记");

    public Task<Paged<FamilyInquiry>> ListAsync(string? status, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<FamilyInquiry>().AsNoTracking();
        q = status switch
        {
            "open" => q.Where(i => i.Status == InquiryStatus.Open),
            "confirmed" => q.Where(i => i.Status == InquiryStatus.Confirmed),
            "closed" => q.Where(i => i.Status == InquiryStatus.Closed),
            _ => q,
        };
        return q.OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id).ToPagedAsync(page, ct);
    }

    private (Sex? Sex, string? Division) Validate(InquiryInput input, bool isNew)
    {
        InputRules.ThrowIfInvalid(input);
        var errors = new ValidationErrors();
        if (!isNew && input.Version is null) errors.Add("version", "缺少版本号");
        if (string.IsNullOrWhiteSpace(input.Name)) errors.Add("name", "请填写被寻找人姓名");
        var sex = FamilySearch.ParseSex(input.Sex, errors);
        if (input.MissingSince is { } m && m > clock.Today) errors.Add("missingSince", "走失日期不能晚于今天");
        if (string.IsNullOrWhiteSpace(input.ContactName)) errors.Add("contactName", "请填写寻亲人姓名");
        var phone = input.ContactPhone?.Trim();
        if (string.IsNullOrEmpty(phone)) errors.Add("contactPhone", "请填写寻亲人联系电话");
        else if (phone.Length < 7 || !phone.All(c => char.IsAsciiDigit(c) || c == '-')) errors.Add("contactPhone", "联系电话只能是数字（可含“-”），至少 7 位");
        string? division = null;
        if (isNew)
        {
            division = string.IsNullOrWhiteSpace(input.DivisionCode) ? user.DivisionCode : input.DivisionCode.Trim();
            if (division is null || !DivisionCodes.IsWellFormed(division) || divisions.Find(division) is null) errors.Add("divisionCode", "请选择登记的县（市、区）");
            else if (!user.Scope.Contains(division)) errors.Add("divisionCode", "只能登记在本人管辖的区划");
        }
        errors.ThrowIfAny();
        return (sex, division);
    }

    private void Apply(FamilyInquiry inquiry, InquiryInput input, Sex? sex)
    {
        inquiry.Sex = sex;
        inquiry.Age = input.Age;
        inquiry.Features = input.Features?.Trim() ?? "";
        inquiry.MissingSince = input.MissingSince;
        inquiry.MissingPlace = input.MissingPlace?.Trim() ?? "";
        inquiry.ContactName = input.ContactName!.Trim();
        var phone = input.ContactPhone!.Trim();
        inquiry.ContactPhoneCipher = protector.Encrypt(phone, ProtectedKind.Phone);
        inquiry.ContactPhoneMasked = Person.MaskPhone(phone);
        inquiry.Note = input.Note?.Trim();
    }

    public static MatchFacts FactsOf(FamilyInquiry i) => new(i.Name, i.Sex, i.Age, i.RecordedOn, i.Features, i.MissingSince, i.MissingPlace);

    public static MatchFacts FactsOf(SearchNotice n) =>
        new(n.Name, n.Sex, n.Age, n.FoundOn, string.Join(" ", n.Features, n.Clothing, n.Health), n.FoundOn, n.FoundPlace);

    /// <summary>The open stays (identity unknown, still in care) whose notice matches <paramref name="inquiryId"/>, best first.</summary>
    public async Task<IReadOnlyList<MatchCandidate>> CandidatesForInquiryAsync(Guid inquiryId, CancellationToken ct = default)
    {
        var inquiry = await GetAsync(inquiryId, ct);
        if (inquiry.Status != InquiryStatus.Open) return [];
        var open = await OpenNoticesAsync(null, ct);
        return [.. open.Select(o => new MatchCandidate(inquiry.Id, inquiry.Name, o.Stay.Id, o.Stay.Number, o.Station, o.Notice.Name, FamilyMatcher.Score(FactsOf(inquiry), FactsOf(o.Notice))))
            .Where(c => c.Score.IsCandidate).OrderByDescending(c => c.Score.Score).ThenBy(c => c.StayNumber, StringComparer.Ordinal).Take(MaxCandidates)];
    }

    /// <summary>The open inquiries that match the stay's notice, best first (the other direction of the same score).</summary>
    public async Task<IReadOnlyList<MatchCandidate>> CandidatesForStayAsync(Guid stayId, CancellationToken ct = default)
    {
        var open = await OpenNoticesAsync(stayId, ct);
        if (open.Count == 0) return [];
        var o = open[0];
        var inquiries = await db.Set<FamilyInquiry>().AsNoTracking().Where(i => i.Status == InquiryStatus.Open).OrderBy(i => i.CreatedAt).Take(2000).ToListAsync(ct);
        return [.. inquiries.Select(i => new MatchCandidate(i.Id, i.Name, o.Stay.Id, o.Stay.Number, o.Station, o.Notice.Name, FamilyMatcher.Score(FactsOf(i), FactsOf(o.Notice))))
            .Where(c => c.Score.IsCandidate).OrderByDescending(c => c.Score.Score).ThenBy(c => c.InquiryId).Take(MaxCandidates)];
    }

    private sealed record OpenNotice(RescueStay Stay, SearchNotice Notice, string Station);

    private async Task<List<OpenNotice>> OpenNoticesAsync(Guid? stayId, CancellationToken ct)
    {
        var q = db.Set<RescueStay>().AsNoTracking().Where(s => !s.IdentityKnown && (s.Status == StayStatus.InStation || s.Status == StayStatus.Placed));
        if (stayId is { } id) q = q.Where(s => s.Id == id);
        var rows = await q.Join(db.Set<SearchNotice>().AsNoTracking(), s => s.Id, n => n.StayId, (s, n) => new { s, n })
            .Join(db.Set<RescueStation>().AsNoTracking(), x => x.s.StationId, st => st.Id, (x, st) => new { x.s, x.n, st.Name })
            .OrderBy(x => x.s.AdmittedAt).Take(2000).ToListAsync(ct);
        return [.. rows.Select(x => new OpenNotice(x.s, x.n, x.Name))];
    }

    /// <summary>
    /// A clerk confirms that the inquiry is about the stay's person: the inquiry is linked (who confirmed, when), the stay's identity
    /// becomes known (with the family's contact noted as the identification), and the notice is taken down. Both must be open.
    /// </summary>
    public async Task<FamilyInquiry> ConfirmAsync(Guid inquiryId, ConfirmInput input, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        if (input.StayId is null) errors.Add("stayId", "请选择确认的受助人员");
        if (input.Version is null) errors.Add("version", "缺少版本号");
        errors.ThrowIfAny();
        var inquiry = await GetAsync(inquiryId, ct);
        var stay = await db.Set<RescueStay>().FirstOrDefaultAsync(s => s.Id == input.StayId, ct) ?? throw AppProblem.NotFound("救助记录");
        if (inquiry.Status != InquiryStatus.Open) throw AppProblem.Conflict("rescue_inquiry_closed", "该寻人登记已确认或已结束");
        if (stay.IdentityKnown || stay.Status is not (StayStatus.InStation or StayStatus.Placed))
            throw AppProblem.Conflict("rescue_search_closed", "该受助人员身份已查明或已离站，寻亲已结束");
        db.ExpectVersion(inquiry, input.Version!.Value);
        if (input.StayVersion is { } sv) db.ExpectVersion(stay, sv);
        var now = clock.UtcNow;
        inquiry.Status = InquiryStatus.Confirmed;
        inquiry.MatchedStayId = stay.Id;
        inquiry.ConfirmedBy = user.UserName;
        inquiry.ConfirmedAt = now;
        stay.IdentityKnown = true;
        var (notice, _) = await search.EnsureAsync(stay, ct);
        if (notice.Status != NoticeStatus.Withdrawn) search.Withdraw(notice, $"已查明身份（寻人登记确认，{user.UserName}）");
        await db.SaveChangesAsync(ct);
        return inquiry;
    }

    /// <summary>Ends an open inquiry without a match (the family found the person elsewhere, or withdrew it).</summary>
    public async Task<FamilyInquiry> CloseAsync(Guid inquiryId, VersionInput input, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        if (input.Version is null) errors.Add("version", "缺少版本号");
        if (string.IsNullOrWhiteSpace(input.Reason)) errors.Add("reason", "请填写结束原因");
        else if (input.Reason.Length > 500) errors.Add("reason", "不能超过 500 个字");
        errors.ThrowIfAny();
        var inquiry = await GetAsync(inquiryId, ct);
        if (inquiry.Status != InquiryStatus.Open) throw AppProblem.Conflict("rescue_inquiry_closed", "该寻人登记已确认或已结束");
        db.ExpectVersion(inquiry, input.Version!.Value);
        inquiry.Status = InquiryStatus.Closed;
        inquiry.Note = input.Reason!.Trim();
        await db.SaveChangesAsync(ct);
        return inquiry;
    }
}

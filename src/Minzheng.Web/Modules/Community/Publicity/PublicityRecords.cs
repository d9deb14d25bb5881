using System.Text;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Community.Committees;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Files;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Community.Publicity;

public sealed record PublicityInput
{
    /// <summary>The committee; omitted by a village worker, whose own committee it is.</summary>
    public Guid? CommitteeId { get; init; }
    public PublicityKind? Kind { get; init; }

    /// <summary>"2026Q4", "2026-11", or for a major item its event day "2026-11-20".</summary>
    [Text(10)] public string? Period { get; init; }
    public DateOnly? PostedOn { get; init; }
    [Text(PublicityLimits.Title)] public string? Title { get; init; }
    [Text(PublicityLimits.Content)] public string? Content { get; init; }
}

/// <summary>A correction of a record already entered (a typo, the real posting day), with the version edited.</summary>
public sealed record PublicityCorrectionInput
{
    public int? Version { get; init; }
    public DateOnly? PostedOn { get; init; }
    [Text(PublicityLimits.Title)] public string? Title { get; init; }
    [Text(PublicityLimits.Content)] public string? Content { get; init; }
}

/// <summary>Turns a platform list into a record: which program, for which month or quarter, posted when.</summary>
public sealed record PublicityFromFeedInput
{
    [Text(32)] public string? Program { get; init; }
    [Text(10)] public string? Period { get; init; }
    public DateOnly? PostedOn { get; init; }
}

public sealed record PublicityFilter(Guid? CommitteeId = null, string? DivisionCode = null, PublicityKind? Kind = null, bool? Late = null);

public sealed record PublicityRecordDto(Guid Id, Guid CommitteeId, string CommitteeName, string DivisionCode, PublicityKind Kind, string KindName, string Period,
    string PeriodLabel, DateOnly PostedOn, DateOnly DueOn, bool Late, string Title, string Content, string? PhotoUrl, string PhotoFileName, string Source,
    string EnteredBy, int Version);

public sealed record OverduePeriod(PublicityKind Kind, string KindName, string Period, string PeriodLabel, DateOnly DueOn);

/// <summary>A committee's publicity state: the periods overdue now, the last posting, the records posted late (近一年).</summary>
public sealed record CommitteePublicity(Guid CommitteeId, string Name, string DivisionCode, string TownshipCode, string TownshipName, CommitteeKind Kind,
    bool MonthlyFinance, IReadOnlyList<OverduePeriod> Overdue, DateOnly? LastPostedOn, int Records, int LateRecords)
{
    public bool IsOverdue => Overdue.Count > 0;
}

public sealed record PublicityKindCount(PublicityKind Kind, string KindName, int OverduePeriods);

/// <summary>Per county: committees on time (nothing overdue) and overdue, for the /community dashboard.</summary>
public sealed record PublicityCountyCount(string CountyCode, string CountyName, int Committees, int OnTime, int Overdue, int OverduePeriods, int LateRecords);

public sealed record PublicitySummary(DateOnly Today, int Committees, int OnTime, int Overdue, int OverduePeriods, int LateRecords,
    IReadOnlyList<PublicityKindCount> ByKind, IReadOnlyList<PublicityCountyCount> ByCounty, string Basis);

public sealed record CalendarCell(string Period, string Label, DateOnly DueOn, PeriodStatus Status, int Records);

public sealed record CalendarRow(PublicityKind Kind, string KindName, PublicityFrequency Frequency, string FrequencyName, IReadOnlyList<CalendarCell> Cells);

public sealed record PublicityCalendar(CommitteePublicity Committee, int Year, DateOnly TrackedFrom, IReadOnlyList<CalendarRow> Rows, string Basis);

public sealed record FeedEntry(string Name, int PersonCount, decimal Amount, string AmountText, bool OneOff, DateOnly FromMonth, DateOnly? ToMonth);

public sealed record FeedList(string Program, string ProgramName, int Count, decimal Total, bool Published, IReadOnlyList<FeedEntry> Entries);

public sealed record PublicityFeed(string VillageCode, string VillageName, string Period, string PeriodLabel, IReadOnlyList<FeedList> Lists);

/// <summary>
/// 村务（居务）公开 (issue 18 item 3): the records a committee posts, checked against 第三十条's calendar — ordinary items at least each
/// quarter, finances each month where the committee's finances are many, major items at once — with the days allowed for posting
/// taken from the figure book. A period is owed from the one in which the committee was registered on the platform, a year back at
/// most (the township checks a year; older gaps are a matter for the audit). The benefit programs' published lists feed the relief
/// publicity with names masked as on the public notice.
/// </summary>
public sealed class PublicityRecords(AppDbContext db, CommitteeRegistry committees, ICurrentUser user, DivisionDirectory divisions, FigureBook figures, EntitlementPrograms programs,
    FileStore files, BusinessClock clock, AuditLog audit)
{
    /// <summary>A photo of the notice board: a picture, never a document.</summary>
    public static readonly UploadKind PhotoKind = new("图片", [".jpg", ".jpeg", ".png"]);

    public const string Basis = "《村民委员会组织法》第三十条：一般事项至少每季度公布一次；集体财务往来较多的，财务收支情况应当每月公布一次；涉及村民利益的重大事项应当随时公布";

    private const int LookbackMonths = 12;

    // ---------------------------------------------------------------- records

    public IQueryable<PublicityRecord> Query(PublicityFilter f)
    {
        var q = db.Set<PublicityRecord>().AsNoTracking();
        if (f.CommitteeId is { } cid) q = q.Where(r => r.CommitteeId == cid);
        q = q.Within(f.DivisionCode);
        if (f.Kind is { } kind) q = q.Where(r => r.Kind == kind);
        if (f.Late is { } late) q = q.Where(r => r.Late == late);
        return q.OrderByDescending(r => r.PostedOn).ThenByDescending(r => r.Id);
    }

    public async Task<Paged<PublicityRecordDto>> ListAsync(PublicityFilter f, PageRequest page, CancellationToken ct = default)
    {
        var rows = await Query(f).ToPagedAsync(page, ct);
        var names = await CommitteeNamesAsync(rows.Items.Select(r => r.CommitteeId), ct);
        return rows.Select(r => ToDto(r, names.GetValueOrDefault(r.CommitteeId, "")));
    }

    public async Task<PublicityRecord> LoadAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<PublicityRecord>().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw AppProblem.NotFound("村务公开记录");

    public async Task<PublicityRecordDto> DtoAsync(Guid id, CancellationToken ct = default)
    {
        var r = await LoadAsync(id, ct);
        var names = await CommitteeNamesAsync([r.CommitteeId], ct);
        return ToDto(r, names.GetValueOrDefault(r.CommitteeId, ""));
    }

    /// <summary>Enters a record, with the photo of the notice board when there is one (both saved together, or neither).</summary>
    public async Task<PublicityRecord> CreateAsync(PublicityInput input, string? photoName = null, Stream? photo = null, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        EnsurePublisher();
        var errors = new ValidationErrors();
        var committee = await committees.ResolveAsync(input.CommitteeId, errors, "登记公开记录", ct);
        var today = clock.Today;
        PublicityPeriod? period = null;
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add("kind", "请选择公开事项类别");
            kind = default;
        }
        else if (committee is not null)
        {
            var required = PublicityRules.FrequencyOf(kind, committee.MonthlyFinance);
            period = PublicityPeriod.Parse(input.Period);
            if (period is null || !PublicityRules.Accepts(required, period.Value))
            {
                errors.Add("period", required switch
                {
                    PublicityFrequency.Immediate => "重大事项请填写事项发生（决定）的日期，如 2026-11-20",
                    PublicityFrequency.Monthly => "该村（居）财务收支按月公开，请填写月份，如 2026-11",
                    _ => "请填写公开所属季度或月份，如 2026Q4 或 2026-11",
                });
                period = null;
            }
            else if (period.Value.Start > today) errors.Add("period", "公开所属期间尚未开始");
        }
        CheckPosted(input.PostedOn, period, today, errors);
        if (string.IsNullOrWhiteSpace(input.Title)) errors.Add("title", "请填写公开标题");
        if (string.IsNullOrWhiteSpace(input.Content)) errors.Add("content", "请填写公开内容");
        CheckPhoto(photoName, photo, errors);
        errors.ThrowIfAny();

        var r = Add(committee!, kind, period!.Value, input.PostedOn!.Value, input.Title!.Trim(), input.Content!.Trim(), "");
        if (photo is not null) await StorePhotoAsync(r, photoName!, photo, ct);
        audit.Add("publicity-create", "com_publicity_record", r.Id.ToString(), new { r.Kind, r.Period, r.PostedOn, r.Late, r.Title, photo = r.PhotoFileName }, r.DivisionCode);
        await db.SaveChangesAsync(ct);
        return r;
    }

    /// <summary>Corrects the posting day, title or content of a record (the kind and period stay: a wrong one is a new record).</summary>
    public async Task<PublicityRecord> CorrectAsync(Guid id, PublicityCorrectionInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        EnsurePublisher();
        var r = await LoadAsync(id, ct);
        if (input.Version is not { } version) throw AppProblem.Field("version", "缺少版本号");
        var errors = new ValidationErrors();
        var period = PublicityPeriod.Parse(r.Period)!.Value;
        CheckPosted(input.PostedOn, period, clock.Today, errors);
        if (string.IsNullOrWhiteSpace(input.Title)) errors.Add("title", "请填写公开标题");
        if (string.IsNullOrWhiteSpace(input.Content)) errors.Add("content", "请填写公开内容");
        errors.ThrowIfAny();
        db.ExpectVersion(r, version);
        var before = new { r.PostedOn, r.Title };
        r.PostedOn = input.PostedOn!.Value;
        r.Late = r.PostedOn > r.DueOn;
        r.Title = input.Title!.Trim();
        r.Content = input.Content!.Trim();
        audit.Add("publicity-correct", "com_publicity_record", r.Id.ToString(), new { before, r.PostedOn, r.Title, r.Late }, r.DivisionCode);
        await db.SaveChangesAsync(ct);
        return r;
    }

    /// <summary>Adds or replaces the photo of the notice board.</summary>
    public async Task<PublicityRecord> AttachPhotoAsync(Guid id, string? fileName, Stream? content, CancellationToken ct = default)
    {
        EnsurePublisher();
        var r = await LoadAsync(id, ct);
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(fileName) || content is null) errors.Add("photo", $"请选择公开栏照片：{PhotoKind.Hint}");
        CheckPhoto(fileName, content, errors);
        errors.ThrowIfAny();
        await StorePhotoAsync(r, fileName!, content!, ct);
        audit.Add("publicity-photo", "com_publicity_record", r.Id.ToString(), new { r.PhotoFileName }, r.DivisionCode);
        await db.SaveChangesAsync(ct);
        return r;
    }

    /// <summary>The photo of a record in scope (staff only: the board may show names the public list masks).</summary>
    public async Task<(StoredFile File, Stream Content)> OpenPhotoAsync(Guid id, CancellationToken ct = default)
    {
        var r = await LoadAsync(id, ct);
        if (r.PhotoFileId is not { } fileId) throw AppProblem.NotFound("公开栏照片");
        var stored = await db.Files.AsNoTracking().FirstAsync(f => f.Id == fileId, ct);
        return (stored, files.OpenRead(stored));
    }

    // ---------------------------------------------------------------- calendar and overdue

    /// <summary>The committees in scope (optionally under one division) with what each has overdue, ordered by township then code.</summary>
    public async Task<IReadOnlyList<CommitteePublicity>> StatusesAsync(string? under = null, bool overdueOnly = false, CancellationToken ct = default)
    {
        var today = clock.Today;
        var committees = db.Set<Committee>().AsNoTracking().Where(c => c.ClosedOn == null);
        if (!string.IsNullOrWhiteSpace(under))
        {
            if (!DivisionCodes.IsWellFormed(under)) throw AppProblem.Field("divisionCode", "区划代码应为12位数字");
            var prefix = DivisionCodes.ScopePrefix(under);
            committees = committees.Where(c => c.DivisionCode.StartsWith(prefix));
        }
        var list = await committees.OrderBy(c => c.DivisionCode)
            .Select(c => new CommitteeRow(c.Id, c.Name, c.DivisionCode, c.Kind, c.MonthlyFinance, c.CreatedAt)).ToListAsync(ct);
        var horizon = PublicityPeriod.Quarter(today.AddMonths(-LookbackMonths - 3)).Start;
        var records = (await RecordRowsAsync(under, horizon, ct)).ToLookup(r => r.CommitteeId);
        var result = new List<CommitteePublicity>(list.Count);
        foreach (var c in list)
        {
            var s = Status(c, records[c.Id].ToList(), today);
            if (!overdueOnly || s.IsOverdue) result.Add(s);
        }
        return result;
    }

    /// <summary>One committee's state (404 outside the scope).</summary>
    public async Task<CommitteePublicity> StatusAsync(Guid committeeId, CancellationToken ct = default)
    {
        var c = await db.Set<Committee>().AsNoTracking().Where(x => x.Id == committeeId)
            .Select(x => new CommitteeRow(x.Id, x.Name, x.DivisionCode, x.Kind, x.MonthlyFinance, x.CreatedAt)).FirstOrDefaultAsync(ct)
            ?? throw AppProblem.NotFound("村（居）民委员会");
        var rows = await db.Set<PublicityRecord>().AsNoTracking().Where(r => r.CommitteeId == committeeId)
            .Select(r => new RecordRow(r.CommitteeId, r.Kind, r.PeriodStart, r.PeriodEnd, r.PostedOn, r.Late)).ToListAsync(ct);
        return Status(c, rows, clock.Today);
    }

    /// <summary>A committee's calendar for a year: each periodic kind's months or quarters, published, open or overdue.</summary>
    public async Task<PublicityCalendar> CalendarAsync(Guid committeeId, int? year = null, CancellationToken ct = default)
    {
        var today = clock.Today;
        var y = year is >= 2000 and <= 2100 ? year.Value : today.Year;
        var status = await StatusAsync(committeeId, ct);
        var c = await db.Set<Committee>().AsNoTracking().FirstAsync(x => x.Id == committeeId, ct);
        var tracked = TrackedFrom(c.CreatedAt, today);
        var rows = await db.Set<PublicityRecord>().AsNoTracking().Where(r => r.CommitteeId == committeeId && r.PeriodEnd >= new DateOnly(y, 1, 1) && r.PeriodStart <= new DateOnly(y, 12, 31))
            .Select(r => new { r.Kind, r.PeriodStart, r.PeriodEnd }).ToListAsync(ct);
        var grace = GraceDays(c.DivisionCode, today);
        var calendar = new List<CalendarRow>();
        foreach (var kind in PublicityRules.PeriodicKinds)
        {
            var f = PublicityRules.FrequencyOf(kind, c.MonthlyFinance);
            var cells = new List<CalendarCell>();
            for (var p = PublicityPeriod.Of(f, new DateOnly(y, 1, 1)); p.Start.Year == y; p = p.Next())
            {
                var count = rows.Count(r => r.Kind == kind && PublicityRules.Covers(p, r.PeriodStart, r.PeriodEnd));
                var due = PublicityRules.DueOn(p, grace, 0);
                var st = count > 0 ? PeriodStatus.Published : p.End < tracked ? PeriodStatus.NotTracked : due < today ? PeriodStatus.Overdue : PeriodStatus.Open;
                cells.Add(new CalendarCell(p.Code, p.Label, due, st, count));
            }
            calendar.Add(new CalendarRow(kind, PublicityRules.KindName(kind), f, PublicityRules.FrequencyName(f), cells));
        }
        return new PublicityCalendar(status, y, tracked, calendar, Basis + "。" + FigureNote(c.DivisionCode, today));
    }

    /// <summary>Counts for the township, county and city: committees on time and overdue, by county and by kind.</summary>
    public async Task<PublicitySummary> SummaryAsync(string? under = null, CancellationToken ct = default)
    {
        var all = await StatusesAsync(under, false, ct);
        var byCounty = all.GroupBy(s => DivisionCodes.CountyPart(s.DivisionCode)).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var code = g.Key.PadRight(DivisionCodes.Length, '0');
                return new PublicityCountyCount(code, divisions.NameOf(code), g.Count(), g.Count(s => !s.IsOverdue), g.Count(s => s.IsOverdue),
                    g.Sum(s => s.Overdue.Count), g.Sum(s => s.LateRecords));
            }).ToList();
        var byKind = PublicityRules.PeriodicKinds.Select(k => new PublicityKindCount(k, PublicityRules.KindName(k), all.Sum(s => s.Overdue.Count(o => o.Kind == k)))).ToList();
        return new PublicitySummary(clock.Today, all.Count, all.Count(s => !s.IsOverdue), all.Count(s => s.IsOverdue), all.Sum(s => s.Overdue.Count),
            all.Sum(s => s.LateRecords), byKind, byCounty, Basis);
    }

    // ---------------------------------------------------------------- platform feed

    /// <summary>
    /// The lists the benefit programs published for a village (the kernel's entitlement table): the people receiving in the period
    /// — a running benefit active in it, a one-off due in it — with names masked (张*, 欧阳**明) and never an ID number.
    /// </summary>
    public async Task<PublicityFeed> FeedAsync(string villageCode, string? period = null, CancellationToken ct = default)
    {
        var (village, p) = FeedScope(villageCode, period);
        var rows = await db.Set<EntitlementPeriod>().AsNoTracking()
            .Where(e => e.DivisionCode == village.Code && (e.BeneficiaryPersonId != null || e.PayeePersonId != null))
            .Where(e => e.OneOff ? e.FromMonth >= p.Start && e.FromMonth <= p.End : e.FromMonth <= p.End && (e.ToMonth == null || e.ToMonth >= p.Start))
            .Select(e => new { e.Program, Person = e.BeneficiaryPersonId ?? e.PayeePersonId, e.PersonCount, e.MonthlyAmount, e.OneOff, e.FromMonth, e.ToMonth })
            .ToListAsync(ct);
        var names = await db.PersonNamesAsync(rows.Select(r => r.Person), ct);
        var published = await db.Set<PublicityRecord>().AsNoTracking().Where(r => r.DivisionCode == village.Code && r.Source.StartsWith("platform:"))
            .Select(r => r.Source).ToListAsync(ct);
        var lists = rows.GroupBy(r => r.Program).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            // one line per person: the latest running period (an amount changed within the period), the one-offs added up
            var entries = g.GroupBy(r => r.Person).Select(pg =>
            {
                var running = pg.Where(r => !r.OneOff).OrderByDescending(r => r.FromMonth).FirstOrDefault();
                var oneOff = pg.Where(r => r.OneOff).Sum(r => r.MonthlyAmount.Yuan);
                var first = running ?? pg.First();
                var amount = running is not null ? running.MonthlyAmount.Yuan : oneOff;
                var text = running is not null ? $"{running.MonthlyAmount} 元/月" + (oneOff > 0 ? $"，另一次性 {oneOff:#,##0.00} 元" : "") : $"{oneOff:#,##0.00} 元（一次性）";
                return new FeedEntry(PersonNames.Mask(names.GetValueOrDefault(pg.Key ?? Guid.Empty, "")), Math.Max(1, first.PersonCount), amount, text, running is null,
                    first.FromMonth, first.ToMonth);
            }).OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
            return new FeedList(g.Key, programs.NameOf(g.Key), entries.Count, entries.Sum(e => e.Amount), published.Contains(FeedSource(g.Key, p)), entries);
        }).ToList();
        return new PublicityFeed(village.Code, divisions.FullName(village.Code), p.Code, p.Label, lists);
    }

    /// <summary>Turns one program's list of the feed into a relief publicity record (content generated from the list, names masked).</summary>
    public async Task<PublicityRecord> FromFeedAsync(string villageCode, PublicityFromFeedInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        EnsurePublisher();
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(input.Program)) errors.Add("program", "请选择名单");
        if (PublicityPeriod.Parse(input.Period) is not { Frequency: PublicityFrequency.Monthly or PublicityFrequency.Quarterly }) errors.Add("period", "请填写名单所属月份或季度，如 2026-11 或 2026Q4");
        errors.ThrowIfAny();
        var feed = await FeedAsync(villageCode, input.Period, ct);
        var list = feed.Lists.FirstOrDefault(l => l.Program == input.Program) ?? throw AppProblem.Field("program", "该村（社区）本期没有这个项目的名单");
        if (list.Published) throw AppProblem.Conflict("com_publicity_feed_published", $"{list.ProgramName}（{feed.PeriodLabel}）名单已生成公开记录，不重复生成");
        var committee = await db.Set<Committee>().FirstOrDefaultAsync(c => c.DivisionCode == feed.VillageCode, ct) ?? throw AppProblem.NotFound("村（居）民委员会");
        var period = PublicityPeriod.Parse(feed.Period)!.Value;
        var today = clock.Today;
        CheckPosted(input.PostedOn ?? today, period, today, errors);
        errors.ThrowIfAny();
        var r = Add(committee, PublicityKind.Relief, period, input.PostedOn ?? today, Clip($"{list.ProgramName}名单公开（{feed.PeriodLabel}）", PublicityLimits.Title),
            FeedContent(feed, list), FeedSource(list.Program, period));
        audit.Add("publicity-from-feed", "com_publicity_record", r.Id.ToString(), new { r.Period, program = list.Program, list.Count, list.Total }, r.DivisionCode);
        await db.SaveChangesAsync(ct);
        return r;
    }

    public static string FeedSource(string program, PublicityPeriod p) => Clip($"platform:{program}:{p.Code}", PublicityLimits.Source);

    private static string FeedContent(PublicityFeed feed, FeedList list)
    {
        var sb = new StringBuilder();
        sb.Append($"根据{list.ProgramName}审批结果，{feed.PeriodLabel}本村（社区）享受对象共 {list.Count} 人（户），金额合计 {list.Total:#,##0.00} 元。名单如下（姓名部分隐去）：\n");
        var i = 0;
        foreach (var e in list.Entries)
        {
            var line = $"{++i}. {e.Name}　{(e.PersonCount > 1 ? $"{e.PersonCount} 人　" : "")}{e.AmountText}\n";
            if (sb.Length + line.Length > PublicityLimits.Content - 60)
            {
                sb.Append($"……（其余 {list.Count - i + 1} 人见村务公开栏张贴名单）\n");
                break;
            }
            sb.Append(line);
        }
        sb.Append("对名单有异议的，可向村（居）民委员会或乡镇人民政府（街道办事处）反映。");
        return Clip(sb.ToString(), PublicityLimits.Content);
    }

    private (Division Village, PublicityPeriod Period) FeedScope(string villageCode, string? period)
    {
        if (divisions.Find(villageCode) is not { Level: DivisionLevel.Village } village || !user.Scope.Contains(villageCode)) throw AppProblem.NotFound("村（社区）");
        var p = string.IsNullOrWhiteSpace(period) ? PublicityPeriod.Month(clock.Today) : PublicityPeriod.Parse(period);
        if (p is not { Frequency: PublicityFrequency.Monthly or PublicityFrequency.Quarterly }) throw AppProblem.Field("period", "请填写名单所属月份或季度，如 2026-11 或 2026Q4");
        return (village, p.Value);
    }

    // ---------------------------------------------------------------- helpers

    private sealed record CommitteeRow(Guid Id, string Name, string DivisionCode, CommitteeKind Kind, bool MonthlyFinance, DateTime CreatedAt);

    private sealed record RecordRow(Guid CommitteeId, PublicityKind Kind, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly PostedOn, bool Late);

    private async Task<List<RecordRow>> RecordRowsAsync(string? under, DateOnly horizon, CancellationToken ct)
    {
        var q = db.Set<PublicityRecord>().AsNoTracking().Where(r => r.PeriodEnd >= horizon);
        if (!string.IsNullOrWhiteSpace(under))
        {
            var prefix = DivisionCodes.ScopePrefix(under);
            q = q.Where(r => r.DivisionCode.StartsWith(prefix));
        }
        return await q.Select(r => new RecordRow(r.CommitteeId, r.Kind, r.PeriodStart, r.PeriodEnd, r.PostedOn, r.Late)).ToListAsync(ct);
    }

    /// <summary>Periods are owed from the one in which the committee was registered on the platform, a year back at most.</summary>
    private static DateOnly TrackedFrom(DateTime createdAt, DateOnly today)
    {
        var registered = DateOnly.FromDateTime(BusinessClock.ToChina(createdAt));
        var yearBack = today.AddMonths(-LookbackMonths);
        return registered > yearBack ? registered : yearBack;
    }

    private CommitteePublicity Status(CommitteeRow c, List<RecordRow> records, DateOnly today)
    {
        var tracked = TrackedFrom(c.CreatedAt, today);
        var grace = GraceDays(c.DivisionCode, today);
        var overdue = new List<OverduePeriod>();
        foreach (var kind in PublicityRules.PeriodicKinds)
        {
            var f = PublicityRules.FrequencyOf(kind, c.MonthlyFinance);
            foreach (var p in PublicityRules.Missing(f, tracked, today, grace, records.Where(r => r.Kind == kind).Select(r => (r.PeriodStart, r.PeriodEnd))))
            {
                overdue.Add(new OverduePeriod(kind, PublicityRules.KindName(kind), p.Code, p.Label, PublicityRules.DueOn(p, grace, 0)));
            }
        }
        var town = divisions.Find(c.DivisionCode)?.ParentCode ?? "";
        var yearBack = today.AddMonths(-LookbackMonths);
        var recent = records.Where(r => r.PostedOn >= yearBack).ToList();
        return new CommitteePublicity(c.Id, c.Name, c.DivisionCode, town, divisions.NameOf(town), c.Kind, c.MonthlyFinance,
            [.. overdue.OrderBy(o => o.DueOn).ThenBy(o => o.Kind)], records.Count == 0 ? null : records.Max(r => r.PostedOn), recent.Count, recent.Count(r => r.Late));
    }

    private int GraceDays(string divisionCode, DateOnly on) => figures.Find(PublicityFigures.GraceDays, divisionCode, on)?.Row.Number ?? 0;

    private int MajorDays(string divisionCode, DateOnly on) => figures.Find(PublicityFigures.MajorDays, divisionCode, on)?.Row.Number ?? 0;

    /// <summary>The figures in force, said on the calendar so the clerk knows where the due days come from.</summary>
    public string FigureNote(string divisionCode, DateOnly on)
    {
        var grace = figures.Find(PublicityFigures.GraceDays, divisionCode, on);
        var major = figures.Find(PublicityFigures.MajorDays, divisionCode, on);
        return $"定期公开：{(grace is null ? "未设公布期限，期满当日应公布" : grace.Basis)}；重大事项：{(major is null ? "未设期限，应于事项发生当日公布" : major.Basis)}";
    }

    private PublicityRecord Add(Committee committee, PublicityKind kind, PublicityPeriod period, DateOnly postedOn, string title, string content,
        string source)
    {
        var on = period.Frequency == PublicityFrequency.Immediate ? period.Start : period.End;
        var due = PublicityRules.DueOn(period, GraceDays(committee.DivisionCode, on), MajorDays(committee.DivisionCode, on));
        var r = new PublicityRecord
        {
            CommitteeId = committee.Id,
            DivisionCode = committee.DivisionCode,
            Kind = kind,
            Period = period.Code,
            PeriodStart = period.Start,
            PeriodEnd = period.End,
            PostedOn = postedOn,
            DueOn = due,
            Late = postedOn > due,
            Title = title,
            Content = content,
            Source = source,
            EnteredBy = Clip(user.DisplayName ?? user.UserName, 100),
        };
        db.Add(r);
        return r;
    }

    private async Task StorePhotoAsync(PublicityRecord r, string fileName, Stream content, CancellationToken ct)
    {
        var stored = await files.SaveAsync(fileName, content, ct);
        r.PhotoFileId = stored.Id;
        r.PhotoFileName = Clip(stored.FileName, 255);
    }

    private static void CheckPhoto(string? fileName, Stream? content, ValidationErrors errors)
    {
        if (content is null || string.IsNullOrWhiteSpace(fileName)) return;
        if (PhotoKind.Refusal(fileName) is { } refusal) errors.Add("photo", refusal);
    }

    private static void CheckPosted(DateOnly? postedOn, PublicityPeriod? period, DateOnly today, ValidationErrors errors)
    {
        if (postedOn is not { } posted) errors.Add("postedOn", "请填写张贴（公布）日期");
        else if (posted > today) errors.Add("postedOn", "公布日期不能晚于今天");
        else if (period is { } p && posted < p.Start) errors.Add("postedOn", p.Frequency == PublicityFrequency.Immediate ? "公布日期不能早于事项发生日期" : "公布日期不能早于所属期间开始");
    }


    private void EnsurePublisher()
    {
        if (!user.HasPermission(CommunityPermissions.Publish)) throw AppProblem.Forbidden("您没有登记村务公开记录的权限");
    }

    private async Task<Dictionary<Guid, string>> CommitteeNamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Set<Committee>().AsNoTracking().Where(c => list.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
    }

    public PublicityRecordDto ToDto(PublicityRecord r, string committeeName) =>
        new(r.Id, r.CommitteeId, committeeName, r.DivisionCode, r.Kind, PublicityRules.KindName(r.Kind), r.Period, PublicityPeriod.Parse(r.Period)?.Label ?? r.Period,
            r.PostedOn, r.DueOn, r.Late, r.Title, r.Content, r.PhotoFileId is null ? null : $"/api/v1/community/publicity/{r.Id}/photo", r.PhotoFileName, r.Source,
            r.EnteredBy, r.Version);

    private static string Clip(string s, int max) => s.Length > max ? s[..max] : s;
}

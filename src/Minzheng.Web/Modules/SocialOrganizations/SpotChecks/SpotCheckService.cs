using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.SocialOrganizations.Credit;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Calendar;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Sampling;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.SocialOrganizations.SpotChecks;

public sealed record InspectorInput(string? Name, string? CertificateNumber, List<Guid>? Conflicts);

public sealed record DrawInput(int? Year);

public sealed record FindingsInput(int? Version, string? InspectedOn, string? Findings, bool? Rectify, string? Requirement, string? RectifyDueOn);

public sealed record RectifiedInput(int? Version, string? CompletedOn, string? Note);

public sealed record VersionInput(int? Version);

/// <summary>What a replay found: the stored picks and the picks the function gives again over the stored seed and snapshot.</summary>
public sealed record ReplayResult(bool Same, string Seed, IReadOnlyList<SamplePick> Stored, IReadOnlyList<SamplePick> Replayed);

/// <summary>
/// 社会组织抽查 (issue 14 item 6; 民发〔2017〕45号): the authority's inspector pool, the yearly draw at the level's ratio over the
/// active organisations it registered, the findings, the rectification with its deadline, publication, and the daily sweep
/// that records an unfinished rectification in the credit ledger (60号令: 未按要求完成整改 → 活动异常名录) once.
/// </summary>
public sealed class SpotCheckService(AppDbContext db, RegistrationAuthority authority, CreditLedger ledger, FigureBook figures, CaseNumbers numbers,
    WorkingCalendar calendar, BusinessClock clock, ICurrentUser user)
{
    public const string Source = "spot-checks";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The registration authority the current officer speaks for: the city's or a county's division (12 digits).</summary>
    public (string Division, RegistrationLevel Level) OwnAuthority()
    {
        if (user.OrganizationId is null && user.DivisionCode is { Length: 12 } d)
        {
            if (d[4..].All(ch => ch == '0')) return (d, RegistrationLevel.City);
            if (d[6..].All(ch => ch == '0')) return (d, RegistrationLevel.County);
        }
        throw new AppProblem(403, "socorg_not_authority", "只有县级、市级登记管理机关可以组织社会组织抽查");
    }

    public async Task<SpotCheckInspector> AddInspectorAsync(InspectorInput input, CancellationToken ct = default)
    {
        var (division, _) = OwnAuthority();
        var errors = new ValidationErrors();
        var name = input.Name?.Trim();
        var number = input.CertificateNumber?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 50) errors.Add("name", "请填写检查人员姓名（50字以内）");
        if (string.IsNullOrEmpty(number) || number.Length > 40) errors.Add("certificateNumber", "请填写执法证号（40字以内）");
        else if (await db.Set<SpotCheckInspector>().IgnoreQueryFilters().AnyAsync(i => i.CertificateNumber == number, ct)) errors.Add("certificateNumber", "该执法证号已登记"); // unique across divisions
        var conflicts = input.Conflicts?.Distinct().ToList() ?? [];
        if (conflicts.Count > 100) errors.Add("conflicts", "回避的社会组织最多100个");
        else if (conflicts.Count > 0 && await db.Set<SocialOrganizationProfile>().CountAsync(p => conflicts.Contains(p.OrganizationId!.Value), ct) != conflicts.Count)
            errors.Add("conflicts", "回避的社会组织不存在或不在您的管辖范围内");
        errors.ThrowIfAny();
        var i = new SpotCheckInspector { DivisionCode = division, Name = name!, CertificateNumber = number!, Conflicts = string.Join(',', conflicts) };
        db.Add(i);
        await db.SaveChangesAsync(ct);
        return i;
    }

    /// <summary>The year's draw of the current officer's authority: ratio from the figure book, population and inspectors as they stand now.</summary>
    public async Task<SpotCheckDraw> DrawAsync(DrawInput input, CancellationToken ct = default)
    {
        var (division, level) = OwnAuthority();
        return await DrawForAsync(division, level, input, ct);
    }

    /// <summary>The draw for an authority named by the caller (the demo data, acting as the system).</summary>
    public async Task<SpotCheckDraw> DrawForAsync(string division, RegistrationLevel level, DrawInput input, CancellationToken ct = default)
    {
        var today = clock.Today;
        var year = input.Year ?? today.Year;
        if (year < 2000 || year > today.Year) throw AppProblem.Field("year", $"抽查年度须在2000年至{today.Year}年之间");
        if (await db.Set<SpotCheckDraw>().AnyAsync(d => d.DivisionCode == division && d.Year == year, ct))
            throw new AppProblem(409, "socorg_spot_check_drawn", $"{year}年度的定期抽查已经抽取，可按种子复核，不能重抽");
        var category = level == RegistrationLevel.City ? "city" : "county";
        var ratio = figures.Require(SpotCheckFigures.Ratio, division, today, category).Row.Percent ?? 0m;
        var per = figures.Require(SpotCheckFigures.InspectorsPerOrganization, division, today).Row.Number ?? 0;
        var population = await (from p in db.Set<SocialOrganizationProfile>()
                                join o in db.Set<Organization>() on p.OrganizationId equals o.Id
                                where p.AuthorityDivisionCode == division && o.Status == OrganizationStatus.Active
                                select new SampleOrganization(o.Id, o.Name)).ToListAsync(ct);
        var inspectors = (await db.Set<SpotCheckInspector>().AsNoTracking().Where(i => i.DivisionCode == division && i.Active).ToListAsync(ct))
            .Select(i => new SampleInspector(i.Id, i.Name, i.ConflictIds)).ToList();
        var sample = new SampleInput(SeededDraw.NewSeed(), ratio, per, population, inspectors);
        var result = SpotCheckSampler.Draw(sample);
        if (!result.Ok) throw new AppProblem(409, "socorg_spot_check_impossible", "无法完成抽取：" + string.Join("；", result.Problems));
        var draw = new SpotCheckDraw
        {
            Number = await numbers.NextAsync(new NumberSeries("CC" + division[..6], year, 3), db.Set<SpotCheckDraw>().IgnoreQueryFilters().Select(d => (string?)d.Number), ct),
            Year = year,
            DivisionCode = division,
            Level = level,
            RatioPercent = ratio,
            InspectorsPerOrganization = per,
            Seed = sample.Seed,
            Population = population.Count,
            PopulationJson = JsonSerializer.Serialize(new { sample.Organizations, sample.Inspectors }, Json),
            PicksJson = JsonSerializer.Serialize(result.Picks, Json),
            DrawnOn = today,
            DrawnBy = user.UserName,
        };
        db.Add(draw);
        var names = inspectors.ToDictionary(i => i.Id, i => i.Name);
        var orgs = population.ToDictionary(o => o.Id);
        var seats = await db.Set<SocialOrganizationProfile>().Where(p => p.AuthorityDivisionCode == division).ToDictionaryAsync(p => p.OrganizationId!.Value, p => p.DivisionCode, ct);
        foreach (var pick in result.Picks)
        {
            db.Add(new SpotCheck
            {
                DrawId = draw.Id,
                Year = year,
                OrganizationId = pick.OrganizationId,
                OrganizationName = orgs[pick.OrganizationId].Name,
                DivisionCode = seats[pick.OrganizationId],
                AuthorityDivisionCode = division,
                InspectorIds = string.Join(',', pick.InspectorIds),
                InspectorNames = string.Join("、", pick.InspectorIds.Select(i => names[i])),
            });
        }
        await db.SaveChangesAsync(ct);
        return draw;
    }

    private sealed record Snapshot(List<SampleOrganization> Organizations, List<SampleInspector> Inspectors);

    /// <summary>Runs the pure draw again over the stored seed and snapshot (not today's tables) and compares the picks.</summary>
    public async Task<ReplayResult> ReplayAsync(Guid drawId, CancellationToken ct = default)
    {
        var d = await db.Set<SpotCheckDraw>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == drawId, ct) ?? throw AppProblem.NotFound("抽取记录");
        return Replay(d);
    }

    public static ReplayResult Replay(SpotCheckDraw d)
    {
        var snapshot = JsonSerializer.Deserialize<Snapshot>(d.PopulationJson, Json)!;
        var stored = JsonSerializer.Deserialize<List<SamplePick>>(d.PicksJson, Json)!;
        var again = SpotCheckSampler.Draw(new SampleInput(d.Seed, d.RatioPercent, d.InspectorsPerOrganization, snapshot.Organizations, snapshot.Inspectors)).Picks;
        var same = stored.Count == again.Count && stored.Zip(again).All(p => p.First.OrganizationId == p.Second.OrganizationId && p.First.InspectorIds.SequenceEqual(p.Second.InspectorIds));
        return new(same, d.Seed, stored, again);
    }

    public async Task<SpotCheck> LoadAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<SpotCheck>().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw AppProblem.NotFound("抽查记录");

    private async Task<(SpotCheck Check, SocialOrganization Organization)> LoadForActionAsync(Guid id, int? version, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        var o = await authority.LoadForActionAsync(c.OrganizationId!.Value, ct);
        if (version is not { } v) throw AppProblem.Field("version", "缺少版本号，无法判断记录是否已被他人修改");
        db.ExpectVersion(c, v);
        return (c, o);
    }

    private static void RequireState(SpotCheck c, string detail, params SpotCheckState[] states)
    {
        if (!states.Contains(c.State)) throw new AppProblem(409, "socorg_spot_check_state", $"{detail}（当前：{StateName(c.State)}）");
    }

    public async Task<SpotCheck> RecordFindingsAsync(Guid id, FindingsInput input, CancellationToken ct = default)
    {
        var (c, _) = await LoadForActionAsync(id, input.Version, ct);
        RequireState(c, "检查结果已经记录", SpotCheckState.Drawn);
        var today = clock.Today;
        var errors = new ValidationErrors();
        var on = Date(input.InspectedOn, "inspectedOn", "检查日期", errors);
        if (on is { } d0 && (d0 > today || d0.Year < c.Year)) errors.Add("inspectedOn", $"检查日期须在{c.Year}年1月1日至今天之间");
        var findings = input.Findings?.Trim();
        if (string.IsNullOrEmpty(findings) || findings.Length > 2000) errors.Add("findings", "请填写检查发现的情况（2000字以内；无问题的写明“未发现问题”）");
        if (input.Rectify is null) errors.Add("rectify", "请选择是否责令整改");
        var requirement = input.Requirement?.Trim();
        DateOnly? due = null;
        if (input.Rectify == true)
        {
            if (string.IsNullOrEmpty(requirement) || requirement.Length > 1000) errors.Add("requirement", "请填写整改要求（1000字以内）");
            if (!string.IsNullOrWhiteSpace(input.RectifyDueOn))
            {
                due = Date(input.RectifyDueOn, "rectifyDueOn", "整改期限", errors);
                if (due is { } d1 && on is { } d2 && d1 <= d2) errors.Add("rectifyDueOn", "整改期限须晚于检查日期");
            }
        }
        errors.ThrowIfAny();
        c.InspectedOn = on;
        c.Findings = findings;
        if (input.Rectify == true)
        {
            c.Requirement = requirement;
            c.RectifyDueOn = due ?? calendar.AddWorkingDays(on!.Value, figures.Require(SpotCheckFigures.RectifyWorkingDays, c.AuthorityDivisionCode, today).Row.Number ?? 0);
            c.State = SpotCheckState.Rectifying;
        }
        else c.State = SpotCheckState.Inspected;
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task<SpotCheck> CompleteRectificationAsync(Guid id, RectifiedInput input, CancellationToken ct = default)
    {
        var (c, o) = await LoadForActionAsync(id, input.Version, ct);
        RequireState(c, "没有待完成的整改", SpotCheckState.Rectifying);
        var errors = new ValidationErrors();
        var on = Date(input.CompletedOn, "completedOn", "整改完成日期", errors);
        if (on is { } d && (d > clock.Today || d < c.InspectedOn)) errors.Add("completedOn", "整改完成日期须在检查日期至今天之间");
        var note = input.Note?.Trim();
        if (string.IsNullOrEmpty(note) || note.Length > 1000) errors.Add("note", "请填写整改情况及核实意见（1000字以内）");
        errors.ThrowIfAny();
        c.RectifiedOn = on;
        c.RectificationNote = note;
        c.State = SpotCheckState.Rectified;
        // listed for the unfinished rectification: the fulfilment verified now removes that ground (60号令, within 5 working days)
        if (c.CreditRecordedOn is not null)
        {
            await ledger.RecordAsync(o, new CreditEntry(o.Id, clock.Today, CreditEventKind.Fulfilled, $"{c.Year}年度抽查整改已完成，经核实", Source,
                SourceKey: $"spot-check:{c.Id}:fulfilled", FulfilsKind: CreditEventKind.RectificationUnfinished), ct);
        }
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task<SpotCheck> PublishAsync(Guid id, VersionInput input, CancellationToken ct = default)
    {
        var (c, _) = await LoadForActionAsync(id, input.Version, ct);
        RequireState(c, "检查结果记录后方可公开", SpotCheckState.Inspected, SpotCheckState.Rectifying, SpotCheckState.Rectified);
        if (c.PublishedOn is not null) throw new AppProblem(409, "socorg_spot_check_state", "抽查结果已经公开");
        c.PublishedOn = clock.Today;
        await db.SaveChangesAsync(ct);
        return c;
    }

    /// <summary>
    /// The daily sweep: every rectification past its deadline and not finished is recorded once in the credit ledger as
    /// <see cref="CreditEventKind.RectificationUnfinished"/> on the day after the deadline (idempotent by the check's source key).
    /// </summary>
    public async Task<int> RecordUnfinishedAsync(CancellationToken ct = default)
    {
        var today = clock.Today;
        var due = await db.Set<SpotCheck>().Where(c => c.State == SpotCheckState.Rectifying && c.RectifyDueOn < today && c.CreditRecordedOn == null)
            .OrderBy(c => c.RectifyDueOn).Take(500).ToListAsync(ct);
        var n = 0;
        foreach (var c in due)
        {
            var o = await authority.LoadAsync(c.OrganizationId!.Value, ct);
            var dueOn = c.RectifyDueOn!.Value;
            var recorded = await ledger.RecordAsync(o, new CreditEntry(o.Id, dueOn.AddDays(1), CreditEventKind.RectificationUnfinished,
                $"{c.Year}年度抽查责令整改，至{dueOn:yyyy年M月d日}未完成整改", Source, SourceKey: $"spot-check:{c.Id}"), ct);
            c.CreditRecordedOn = today;
            if (recorded is not null) n++;
        }
        await db.SaveChangesAsync(ct);
        return n;
    }

    public static string StateName(SpotCheckState s) => s switch
    {
        SpotCheckState.Drawn => "待检查",
        SpotCheckState.Inspected => "已检查，无需整改",
        SpotCheckState.Rectifying => "整改中",
        SpotCheckState.Rectified => "整改完成",
        _ => s.ToString(),
    };

    private static DateOnly? Date(string? s, string field, string name, ValidationErrors errors)
    {
        if (DateOnly.TryParseExact(s?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        errors.Add(field, $"{name}须为 YYYY-MM-DD 格式的日期");
        return null;
    }
}

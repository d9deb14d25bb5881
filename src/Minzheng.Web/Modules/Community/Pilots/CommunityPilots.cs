using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Community.Committees;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Community.Pilots;

public sealed record PilotDesignateInput
{
    [Text(12)] public string? DivisionCode { get; init; }
    [Within(PilotLimits.FirstYear, PilotLimits.LastYear)] public int? Year { get; init; }
    [Text(PilotLimits.Theme)] public string? Theme { get; init; }
    [Text(PilotLimits.Measures)] public string? Measures { get; init; }
}

public sealed record PilotAcceptInput
{
    public int? Version { get; init; }
    public DateOnly? AcceptedOn { get; init; }
    [Text(PilotLimits.Note)] public string? Note { get; init; }
}

public sealed record PilotFilter(string? County = null, int? Year = null, PilotStatus? Status = null, string? Q = null);

/// <summary>A village committee of a county with the pilots designated there (newest first).</summary>
public sealed record PilotVillage(Guid CommitteeId, string DivisionCode, string Name, string TownCode, string TownName, IReadOnlyList<CommunityPilot> Pilots);

public sealed record PilotDto(Guid Id, string DivisionCode, string VillageName, string TownName, string CountyCode, string CountyName, int Year, string Theme,
    string Measures, PilotStatus Status, string StatusName, DateOnly? AcceptedOn, string AcceptanceNote, int Version);

/// <summary>
/// 农村社区试点 (issue 18 item 5): the county designates a 村委会 as a pilot for a year with its theme and measures, and accepts
/// it when built. Only open village committees (not 居委会, not closed ones); once per village and year (409
/// <c>com_pilot_exists</c>); acceptance with the pilot's version (stale → 409). Another county's pilots are out of scope (404).
/// </summary>
public sealed class CommunityPilots(AppDbContext db, DivisionDirectory divisions, BusinessClock clock, AuditLog audit)
{
    public const string EntityType = "com_pilot";

    public IQueryable<CommunityPilot> Query(PilotFilter f)
    {
        var q = db.Set<CommunityPilot>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.County))
        {
            if (divisions.Find(f.County.Trim()) is not { } d || d.Level is not (DivisionLevel.County or DivisionLevel.Town or DivisionLevel.Village))
                throw AppProblem.Field("county", "请选择县（市、区）、乡镇或村");
            var prefix = DivisionCodes.ScopePrefix(d.Code);
            q = q.Where(p => p.DivisionCode.StartsWith(prefix));
        }
        if (f.Year is { } year) q = q.Where(p => p.Year == year);
        if (f.Status is { } status) q = q.Where(p => p.Status == status);
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var text = f.Q.Trim();
            // the village's name lives in the division tree: match it there, the theme in the table
            var codes = divisions.All.Where(d => d.Level == DivisionLevel.Village && d.Name.Contains(text, StringComparison.Ordinal)).Select(d => d.Code).Take(500).ToList();
            q = q.Where(p => p.Theme.Contains(text) || codes.Contains(p.DivisionCode));
        }
        return q.OrderByDescending(p => p.Year).ThenBy(p => p.DivisionCode).ThenBy(p => p.Id);
    }

    public async Task<Paged<PilotDto>> ListAsync(PilotFilter f, PageRequest page, CancellationToken ct = default) =>
        (await Query(f).ToPagedAsync(page, ct)).Select(ToDto);

    public async Task<CommunityPilot> LoadAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<CommunityPilot>().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw AppProblem.NotFound("农村社区试点");

    public async Task<PilotDto> DtoAsync(Guid id, CancellationToken ct = default) => ToDto(await LoadAsync(id, ct));

    /// <summary>
    /// The open 村委会 of a county (or one of its townships) visible to the user, with their pilots: the county page's table and
    /// the designate form's choices. A county a few hundred villages large, read in two queries.
    /// </summary>
    public async Task<IReadOnlyList<PilotVillage>> VillagesAsync(string countyCode, string? townCode, CancellationToken ct = default)
    {
        var prefix = townCode is { Length: DivisionCodes.Length } t && t.StartsWith(DivisionCodes.CountyPart(countyCode), StringComparison.Ordinal)
            ? DivisionCodes.ScopePrefix(t) : DivisionCodes.CountyPart(countyCode);
        var committees = await db.Set<Committee>().AsNoTracking()
            .Where(c => c.Kind == CommitteeKind.Village && c.ClosedOn == null && c.DivisionCode.StartsWith(prefix))
            .OrderBy(c => c.DivisionCode).Select(c => new { c.Id, c.DivisionCode, c.Name }).ToListAsync(ct);
        var pilots = await db.Set<CommunityPilot>().AsNoTracking().Where(p => p.DivisionCode.StartsWith(prefix))
            .OrderByDescending(p => p.Year).ToListAsync(ct);
        return [.. committees.Select(c =>
        {
            var town = divisions.Find(divisions.Find(c.DivisionCode)?.ParentCode);
            return new PilotVillage(c.Id, c.DivisionCode, divisions.Find(c.DivisionCode)?.Name ?? c.Name, town?.Code ?? "", town?.Name ?? "",
                [.. pilots.Where(p => p.DivisionCode == c.DivisionCode)]);
        })];
    }

    public async Task<CommunityPilot> DesignateAsync(PilotDesignateInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var errors = new ValidationErrors();
        var code = input.DivisionCode?.Trim() ?? "";
        Committee? committee = null;
        if (code.Length == 0) errors.Add("divisionCode", "请选择试点村");
        else
        {
            committee = await db.Set<Committee>().AsNoTracking().FirstOrDefaultAsync(c => c.DivisionCode == code, ct);
            if (committee is null) errors.Add("divisionCode", "没有这个村委会，或不在您的管辖范围内");
            else if (committee.Kind != CommitteeKind.Village) errors.Add("divisionCode", "农村社区试点只在村民委员会（村委会）开展，居民委员会不在其列");
            else if (committee.ClosedOn is not null) errors.Add("divisionCode", $"该村委会已于{committee.ClosedOn:yyyy年M月d日}撤销（区划调整），不能确定为试点");
        }
        var today = clock.Today;
        if (input.Year is not { } year) errors.Add("year", "请填写试点年度");
        else if (year > today.Year + 1) errors.Add("year", $"试点年度不能晚于{today.Year + 1}年");
        var theme = input.Theme?.Trim() ?? "";
        if (theme.Length == 0) errors.Add("theme", "请填写试点主题");
        errors.ThrowIfAny();

        if (await db.Set<CommunityPilot>().AnyAsync(p => p.DivisionCode == code && p.Year == input.Year, ct)) throw Exists(code, input.Year!.Value);
        var pilot = new CommunityPilot
        {
            CommitteeId = committee!.Id,
            DivisionCode = code,
            Year = input.Year!.Value,
            Theme = theme,
            Measures = input.Measures?.Trim() ?? "",
        };
        db.Add(pilot);
        audit.Add("pilot-designate", EntityType, pilot.Id.ToString(), new { pilot.DivisionCode, pilot.Year, pilot.Theme }, pilot.DivisionCode);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && UniqueViolation.Is(e))
        {
            // another officer designated the same village for the year in the meantime
            throw Exists(code, pilot.Year);
        }
        return pilot;
    }

    public async Task<CommunityPilot> AcceptAsync(Guid id, PilotAcceptInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var pilot = await LoadAsync(id, ct);
        if (input.Version is not { } version) throw AppProblem.Field("version", "缺少版本号，请刷新页面后重新办理");
        db.ExpectVersion(pilot, version);
        if (pilot.Status == PilotStatus.Accepted)
            throw AppProblem.Conflict("com_pilot_accepted", $"该试点已于{pilot.AcceptedOn:yyyy年M月d日}验收");
        var errors = new ValidationErrors();
        var today = clock.Today;
        if (input.AcceptedOn is not { } on) errors.Add("acceptedOn", "请填写验收日期");
        else if (on > today) errors.Add("acceptedOn", "验收日期不能晚于今天");
        else if (on.Year < pilot.Year) errors.Add("acceptedOn", $"验收日期不能早于试点年度（{pilot.Year}年）");
        var note = input.Note?.Trim() ?? "";
        if (note.Length == 0) errors.Add("note", "请填写验收意见");
        errors.ThrowIfAny();
        pilot.Status = PilotStatus.Accepted;
        pilot.AcceptedOn = input.AcceptedOn;
        pilot.AcceptanceNote = note;
        audit.Add("pilot-accept", EntityType, pilot.Id.ToString(), new { pilot.DivisionCode, pilot.Year, pilot.AcceptedOn, note }, pilot.DivisionCode);
        await db.SaveChangesAsync(ct);
        return pilot;
    }

    private AppProblem Exists(string code, int year) =>
        AppProblem.Conflict("com_pilot_exists", $"{divisions.FullName(code)}已确定为{year}年农村社区试点，同一村每年只能确定一次");

    public static string StatusName(PilotStatus s) => s == PilotStatus.Accepted ? "已验收" : "建设中";

    public PilotDto ToDto(CommunityPilot p)
    {
        var path = divisions.PathOf(p.DivisionCode);
        var county = path.FirstOrDefault(d => d.Level == DivisionLevel.County);
        var town = path.FirstOrDefault(d => d.Level == DivisionLevel.Town);
        return new(p.Id, p.DivisionCode, divisions.NameOf(p.DivisionCode), town?.Name ?? "", county?.Code ?? "", county?.Name ?? "", p.Year, p.Theme, p.Measures,
            p.Status, StatusName(p.Status), p.AcceptedOn, p.AcceptanceNote, p.Version);
    }
}

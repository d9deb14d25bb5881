using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.SocialWork;

public sealed record ServiceInput
{
    public Guid? StationId { get; init; }
    [Text(20)] public string? Kind { get; init; }
    [Text(200)] public string? Title { get; init; }
    public DateOnly? StartedOn { get; init; }
    public Guid? BeneficiaryPersonId { get; init; }
    [Text(1000)] public string? Needs { get; init; }
    [Text(1000)] public string? Plan { get; init; }
    [Within(0, 1000)] public int? Sessions { get; init; }
    [Within(0, 100000)] public int? Participants { get; init; }
    public DateOnly? ClosedOn { get; init; }
    [Text(500)] public string? ClosingNote { get; init; }
    public int? Version { get; init; }
}

/// <summary>One station's counts in one month (by the services' start): cases, groups, community activities, sessions, participants.</summary>
public sealed record ServiceMonth(Guid StationId, string Month, int Cases, int Groups, int Activities, int Sessions, int Participants);

/// <summary>
/// The services a station delivers (issue 16 item 5.3): individual cases, groups and community activities, recorded by the
/// station's own organisation account or by the township and county; counted per station and month.
/// </summary>
public sealed class Services(AppDbContext db, BusinessClock clock, ICurrentUser user)
{
    public static string KindCode(ServiceKind k) => k switch { ServiceKind.Case => "case", ServiceKind.Group => "group", _ => "community" };

    public static string KindName(ServiceKind k) => k switch { ServiceKind.Case => "个案", ServiceKind.Group => "小组", _ => "社区活动" };

    private static ServiceKind? ParseKind(string? s) => s?.Trim() switch { "case" => ServiceKind.Case, "group" => ServiceKind.Group, "community" => ServiceKind.Community, _ => null };

    public async Task<SocialWorkService> GetAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<SocialWorkService>().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw AppProblem.NotFound("社工服务记录");

    public async Task<SocialWorkService> CreateAsync(ServiceInput input, CancellationToken ct = default)
    {
        var (station, kind) = await ValidateAsync(input, null, ct);
        var service = new SocialWorkService
        {
            StationId = station.Id,
            DivisionCode = station.DivisionCode,
            OrganizationId = station.OrganizationId,
            Title = "",
            RecordedBy = user.UserName,
        };
        Apply(service, input, kind);
        db.Add(service);
        await db.SaveChangesAsync(ct);
        return service;
    }

    public async Task<SocialWorkService> UpdateAsync(Guid id, ServiceInput input, CancellationToken ct = default)
    {
        var service = await GetAsync(id, ct);
        var (_, kind) = await ValidateAsync(input, service, ct);
        db.ExpectVersion(service, input.Version!.Value);
        Apply(service, input, kind);
        await db.SaveChangesAsync(ct);
        return service;
    }

    private async Task<(SocialWorkStation Station, ServiceKind Kind)> ValidateAsync(ServiceInput input, SocialWorkService? existing, CancellationToken ct)
    {
        InputRules.ThrowIfInvalid(input);
        var errors = new ValidationErrors();
        if (existing is not null && input.Version is null) errors.Add("version", "缺少版本号");
        SocialWorkStation? station = null;
        var stationId = existing?.StationId ?? input.StationId;
        if (stationId is not { } sid) errors.Add("stationId", "请选择社工站");
        else if ((station = await db.Set<SocialWorkStation>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == sid, ct)) is null)
            errors.Add("stationId", "社工站不存在或不在您的管辖范围内");
        var kind = ParseKind(input.Kind);
        if (kind is null) errors.Add("kind", "服务类型只能是 case（个案）、group（小组）或 community（社区活动）");
        if (string.IsNullOrWhiteSpace(input.Title)) errors.Add("title", "请填写服务名称");
        if (input.StartedOn is not { } started) errors.Add("startedOn", "请填写开始日期");
        else if (started > clock.Today) errors.Add("startedOn", "开始日期不能晚于今天");
        if (input.ClosedOn is { } closed && input.StartedOn is { } s2 && closed < s2) errors.Add("closedOn", "结案（结束）日期不能早于开始日期");
        if (input.ClosedOn is { } c2 && c2 > clock.Today) errors.Add("closedOn", "结案（结束）日期不能晚于今天");
        // a beneficiary is a registry person the user sees: an organisation account (which sees no registry) names the person in the needs
        if (input.BeneficiaryPersonId is { } pid)
        {
            if (kind != ServiceKind.Case) errors.Add("beneficiaryPersonId", "只有个案登记服务对象");
            else if (pid != existing?.BeneficiaryPersonId && !await db.Persons.AnyAsync(p => p.Id == pid, ct)) errors.Add("beneficiaryPersonId", "人口库中没有该人员，或不在您的管辖范围内");
        }
        if (kind == ServiceKind.Case && string.IsNullOrWhiteSpace(input.Needs)) errors.Add("needs", "个案请填写需求评估");
        if (kind == ServiceKind.Group && (input.Sessions ?? 0) < 1) errors.Add("sessions", "小组请填写活动节数");
        if (kind is ServiceKind.Group or ServiceKind.Community && (input.Participants ?? 0) < 1) errors.Add("participants", "请填写参与人数");
        errors.ThrowIfAny();
        if (station!.Status == StationStatus.Closed) throw AppProblem.Conflict("socialwork_station_closed", "社工站已撤销，不能再登记服务");
        return (station, kind!.Value);
    }

    private static void Apply(SocialWorkService s, ServiceInput input, ServiceKind kind)
    {
        s.Kind = kind;
        s.Title = input.Title!.Trim();
        s.StartedOn = input.StartedOn!.Value;
        s.BeneficiaryPersonId = kind == ServiceKind.Case ? input.BeneficiaryPersonId : null;
        s.Needs = input.Needs?.Trim() ?? "";
        s.Plan = input.Plan?.Trim() ?? "";
        s.Sessions = input.Sessions ?? 0;
        // a case serves one person
        s.Participants = kind == ServiceKind.Case ? 1 : input.Participants ?? 0;
        s.ClosedOn = input.ClosedOn;
        s.ClosingNote = input.ClosingNote?.Trim() ?? "";
    }

    public Task<Paged<SocialWorkService>> ListAsync(Guid? stationId, string? kind, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<SocialWorkService>().AsNoTracking();
        if (stationId is { } s) q = q.Where(x => x.StationId == s);
        if (ParseKind(kind) is { } k) q = q.Where(x => x.Kind == k);
        return q.OrderByDescending(x => x.StartedOn).ThenByDescending(x => x.Id).ToPagedAsync(page, ct);
    }

    /// <summary>
    /// Counts per station and month of <paramref name="year"/> over the services the user sees. Read as narrow rows and grouped
    /// here so the month grouping is the same on both providers (a year of a city's stations: thousands of rows at most).
    /// </summary>
    public async Task<IReadOnlyList<ServiceMonth>> MonthlyAsync(int year, Guid? stationId, CancellationToken ct = default)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var q = db.Set<SocialWorkService>().AsNoTracking().Where(s => s.StartedOn >= from && s.StartedOn <= to);
        if (stationId is { } sid) q = q.Where(s => s.StationId == sid);
        var rows = await q.Select(s => new { s.StationId, s.StartedOn, s.Kind, s.Sessions, s.Participants }).ToListAsync(ct);
        return [.. rows.GroupBy(r => (r.StationId, Month: $"{r.StartedOn.Year:D4}-{r.StartedOn.Month:D2}"))
            .OrderBy(g => g.Key.Month, StringComparer.Ordinal).ThenBy(g => g.Key.StationId)
            .Select(g => new ServiceMonth(g.Key.StationId, g.Key.Month, g.Count(r => r.Kind == ServiceKind.Case), g.Count(r => r.Kind == ServiceKind.Group),
                g.Count(r => r.Kind == ServiceKind.Community), g.Sum(r => r.Sessions), g.Sum(r => r.Participants)))];
    }
}

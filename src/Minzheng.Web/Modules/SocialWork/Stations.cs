using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.SocialWork;

public sealed record StationInput
{
    [Text(100)] public string? Name { get; init; }
    [Text(12)] public string? DivisionCode { get; init; }
    public Guid? OrganizationId { get; init; }
    public Guid? OperatorOrganizationId { get; init; }
    [Text(200)] public string? Address { get; init; }
    public DateOnly? OpenedOn { get; init; }
    public DateOnly? ContractFrom { get; init; }
    public DateOnly? ContractTo { get; init; }
    [Within(0, 100_000_000)] public decimal? FundingYuan { get; init; }
    [Text(20)] public string? Status { get; init; }
    [Text(500)] public string? Note { get; init; }
    public int? Version { get; init; }
}

/// <summary>Coverage of one county: its townships, those with an operating station, and the stations in each status.</summary>
public sealed record CoverageRow(string DivisionCode, string DivisionName, int Townships, int Covered, int Operating, int Preparing, int Stations);

/// <summary>The plan's target of new stations in a year, where configured, against the stations opened that year.</summary>
public sealed record PlanProgress(int Year, int? Target, string? Issuer, string? Document, int Opened);

/// <summary>
/// 乡镇（街道）社工站 (issue 16 item 5.1): register and change stations, list them, coverage of townships per county and city, and
/// the plan's yearly target of new stations against the stations opened in that year.
/// </summary>
public sealed class Stations(AppDbContext db, DivisionDirectory divisions, BusinessClock clock, FigureBook figures, ICurrentUser user)
{
    public static string StatusCode(StationStatus s) => s switch
    {
        StationStatus.Preparing => "preparing",
        StationStatus.Operating => "operating",
        StationStatus.Suspended => "suspended",
        _ => "closed",
    };

    public static string StatusName(StationStatus s) => s switch
    {
        StationStatus.Preparing => "筹建中",
        StationStatus.Operating => "运营中",
        StationStatus.Suspended => "暂停运营",
        _ => "已撤销",
    };

    private static StationStatus? ParseStatus(string? s) => s?.Trim() switch
    {
        null or "" or "operating" => StationStatus.Operating,
        "preparing" => StationStatus.Preparing,
        "suspended" => StationStatus.Suspended,
        "closed" => StationStatus.Closed,
        _ => null,
    };

    public async Task<SocialWorkStation> GetAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<SocialWorkStation>().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw AppProblem.NotFound("社工站");

    public async Task<SocialWorkStation> CreateAsync(StationInput input, CancellationToken ct = default)
    {
        var (division, status) = await ValidateAsync(input, isNew: true, ct);
        if (await db.Set<SocialWorkStation>().IgnoreQueryFilters().AnyAsync(s => s.DivisionCode == division, ct))
            throw AppProblem.Conflict("socialwork_station_exists", $"{divisions.FullName(division)}已有社工站");
        var station = new SocialWorkStation { Name = "", DivisionCode = division! };
        Apply(station, input, status);
        db.Add(station);
        await db.SaveChangesAsync(ct);
        return station;
    }

    public async Task<SocialWorkStation> UpdateAsync(Guid id, StationInput input, CancellationToken ct = default)
    {
        var station = await GetAsync(id, ct);
        var (_, status) = await ValidateAsync(input, isNew: false, ct);
        db.ExpectVersion(station, input.Version!.Value);
        Apply(station, input, status);
        await db.SaveChangesAsync(ct);
        return station;
    }

    private async Task<(string? Division, StationStatus Status)> ValidateAsync(StationInput input, bool isNew, CancellationToken ct)
    {
        InputRules.ThrowIfInvalid(input);
        var errors = new ValidationErrors();
        if (!isNew && input.Version is null) errors.Add("version", "缺少版本号");
        string? division = null;
        if (isNew)
        {
            division = input.DivisionCode?.Trim();
            if (division is null || !DivisionCodes.IsWellFormed(division) || DivisionCodes.LevelOf(division) != DivisionLevel.Town || divisions.Find(division) is null)
                errors.Add("divisionCode", "请选择社工站所在的乡镇（街道）");
            else if (!user.Scope.Contains(division)) errors.Add("divisionCode", "只能登记本人管辖的乡镇（街道）的社工站");
        }
        if (string.IsNullOrWhiteSpace(input.Name)) errors.Add("name", "请填写社工站名称");
        // the station and its operator are kernel organisations the user can see (registered in the user's divisions)
        if (input.OrganizationId is not { } org) errors.Add("organizationId", "请选择社工站对应的组织（先在组织库登记）");
        else if (!await db.Organizations.AnyAsync(o => o.Id == org, ct)) errors.Add("organizationId", "组织库中没有该组织，或不在您的管辖范围内");
        if (input.OperatorOrganizationId is { } op && !await db.Organizations.AnyAsync(o => o.Id == op, ct))
            errors.Add("operatorOrganizationId", "组织库中没有该运营机构，或不在您的管辖范围内");
        if (input.OpenedOn is { } opened && opened > clock.Today.AddYears(1)) errors.Add("openedOn", "建站日期不能晚于明年今日");
        if (input.ContractFrom is { } cf && input.ContractTo is { } ctTo && ctTo < cf) errors.Add("contractTo", "合同结束日期不能早于开始日期");
        if ((input.ContractFrom is not null || input.ContractTo is not null || input.FundingYuan is not null) && input.OperatorOrganizationId is null)
            errors.Add("operatorOrganizationId", "填写了购买服务合同的，请选择承接运营的社会工作服务机构");
        var status = ParseStatus(input.Status);
        if (status is null) errors.Add("status", "状态只能是 preparing（筹建中）、operating（运营中）、suspended（暂停运营）或 closed（已撤销）");
        else if (status == StationStatus.Operating && input.OpenedOn is null) errors.Add("openedOn", "运营中的社工站请填写建站（挂牌）日期");
        errors.ThrowIfAny();
        return (division, status!.Value);
    }

    private static void Apply(SocialWorkStation s, StationInput input, StationStatus status)
    {
        s.Name = input.Name!.Trim();
        s.StationOrganizationId = input.OrganizationId!.Value;
        s.OperatorOrganizationId = input.OperatorOrganizationId;
        s.OrganizationId = SocialWorkStation.Runner(s.StationOrganizationId, s.OperatorOrganizationId);
        s.Address = input.Address?.Trim() ?? "";
        s.OpenedOn = input.OpenedOn;
        s.ContractFrom = input.ContractFrom;
        s.ContractTo = input.ContractTo;
        s.Funding = input.FundingYuan is { } y ? Platform.Money.Money.FromYuan(y, "fundingYuan") : null;
        s.Status = status;
        s.Note = input.Note?.Trim() ?? "";
    }

    public IQueryable<SocialWorkStation> Query(string? county, string? status)
    {
        var q = db.Set<SocialWorkStation>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(county) && DivisionCodes.IsWellFormed(county.Trim()))
        {
            var scope = DivisionScope.Of(county.Trim());
            q = q.Where(s => string.Compare(s.DivisionCode, scope.Low) >= 0 && string.Compare(s.DivisionCode, scope.High) <= 0);
        }
        if (ParseStatus(status) is { } st && !string.IsNullOrWhiteSpace(status)) q = q.Where(s => s.Status == st);
        return q.OrderBy(s => s.DivisionCode).ThenBy(s => s.Id);
    }

    public Task<Paged<SocialWorkStation>> ListAsync(string? county, string? status, PageRequest page, CancellationToken ct = default) =>
        Query(county, status).ToPagedAsync(page, ct);

    /// <summary>The names of the organisations of these stations (station and operator), read in scope.</summary>
    public async Task<Dictionary<Guid, string>> OrganizationNamesAsync(IEnumerable<SocialWorkStation> stations, CancellationToken ct = default)
    {
        var ids = stations.SelectMany(s => new[] { (Guid?)s.StationOrganizationId, s.OperatorOrganizationId }).Distinct().ToList();
        // ids taken from stations read in scope: an organisation account sees its station's organisations' names only
        return await db.OrganizationNamesAsync(ids, ct);
    }

    /// <summary>
    /// Coverage per county in the user's scope: townships (from the division tree), townships with an operating station, and the
    /// stations by status. A city or province user gets one row per county and a total row with the city's code.
    /// </summary>
    public async Task<IReadOnlyList<CoverageRow>> CoverageAsync(CancellationToken ct = default)
    {
        var stations = await db.Set<SocialWorkStation>().AsNoTracking().Select(s => new { s.DivisionCode, s.Status }).ToListAsync(ct);
        var counties = divisions.InScope(user.Scope, DivisionLevel.County).OrderBy(d => d.Code, StringComparer.Ordinal).ToList();
        // a township user's scope holds no county: its own county's row, limited to what it sees
        if (counties.Count == 0 && user.DivisionCode is { } home && DivisionCodes.IsWellFormed(home) && DivisionCodes.LevelOf(home) >= DivisionLevel.Town)
            counties = divisions.Find(DivisionCodes.CountyPart(home).PadRight(DivisionCodes.Length, '0')) is { } c ? [c] : [];
        var rows = new List<CoverageRow>();
        foreach (var county in counties)
        {
            var prefix = DivisionCodes.CountyPart(county.Code);
            var townships = divisions.Descendants(county.Code, DivisionLevel.Town).Count(t => user.Scope.Contains(t.Code));
            var own = stations.Where(s => s.DivisionCode.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            rows.Add(new CoverageRow(county.Code, county.Name, townships,
                own.Where(s => s.Status == StationStatus.Operating).Select(s => s.DivisionCode).Distinct().Count(),
                own.Count(s => s.Status == StationStatus.Operating), own.Count(s => s.Status == StationStatus.Preparing), own.Count));
        }
        return rows;
    }

    /// <summary>
    /// The plan's target of new stations for <paramref name="year"/> (the figure in force on 31 December of that year for the
    /// user's division, found at the county or the city), and the stations opened in that year that the user sees.
    /// </summary>
    public async Task<PlanProgress> PlanAsync(int year, CancellationToken ct = default)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var opened = await db.Set<SocialWorkStation>().CountAsync(s => s.OpenedOn >= from && s.OpenedOn <= to && s.Status != StationStatus.Closed, ct);
        var division = user.DivisionCode is { } d && DivisionCodes.IsWellFormed(d) && DivisionCodes.LevelOf(d) >= DivisionLevel.City ? d : null;
        // a missing target is "not configured", not an error: the plan sets one only for its year
        var target = division is null ? null : figures.Find(SocialWorkFigures.NewStationsTarget, division, to);
        return new PlanProgress(year, target?.Row.Number, target?.IssuerName, target?.Row.Document, opened);
    }
}

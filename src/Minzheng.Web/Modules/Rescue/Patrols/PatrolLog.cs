using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Rescue.Patrols;

public sealed record PatrolInput
{
    [Text(12)] public string? DivisionCode { get; init; }
    public DateOnly? PatrolOn { get; init; }
    [Text(200)] public string? Area { get; init; }
    [Text(200)] public string? Staff { get; init; }
    [Within(0, 10000)] public int? Found { get; init; }
    [Within(0, 10000)] public int? Persuaded { get; init; }
    [Within(0, 10000)] public int? BroughtIn { get; init; }
    [Within(0, 10000)] public int? Refused { get; init; }
    [Within(0, 100000)] public int? Water { get; init; }
    [Within(0, 100000)] public int? Medicine { get; init; }
    [Within(0, 100000)] public int? Clothing { get; init; }
    [Within(0, 100000)] public int? Quilts { get; init; }
    public bool ExtremeWeather { get; init; }
    [Text(500)] public string? Note { get; init; }
    public int? Version { get; init; }
}

public sealed record CampaignInput
{
    [Text(10)] public string? Kind { get; init; }
    [Text(12)] public string? DivisionCode { get; init; }
    [Text(100)] public string? Name { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    [Text(500)] public string? Note { get; init; }
}

/// <summary>One row of a campaign's counts: a county in a month (the patrols' sums; "流浪乞讨救助人次" reads 护送入站 from here).</summary>
public sealed record PatrolCount(string DivisionCode, string DivisionName, string Month, int Patrols, int Found, int Persuaded, int BroughtIn, int Refused,
    int Water, int Medicine, int Clothing, int Quilts, int ExtremeWeatherPatrols);

/// <summary>
/// Street patrols and the 夏季送清凉 / 冬季送温暖 campaigns (issue 15 item 4): patrols recorded by the county, campaigns set by the
/// county or the city, and the counts per county and month of the patrols that fall into a campaign by date and county.
/// </summary>
public sealed class PatrolLog(AppDbContext db, DivisionDirectory divisions, BusinessClock clock, ICurrentUser user)
{
    public async Task<RescuePatrol> CreateAsync(PatrolInput input, CancellationToken ct = default)
    {
        var division = Validate(input, isNew: true);
        var patrol = new RescuePatrol { DivisionCode = division!, Area = "", Staff = "", RecordedBy = user.UserName };
        Apply(patrol, input);
        db.Add(patrol);
        await db.SaveChangesAsync(ct);
        return patrol;
    }

    public async Task<RescuePatrol> UpdateAsync(Guid id, PatrolInput input, CancellationToken ct = default)
    {
        var patrol = await GetAsync(id, ct);
        Validate(input, isNew: false);
        db.ExpectVersion(patrol, input.Version!.Value);
        Apply(patrol, input);
        await db.SaveChangesAsync(ct);
        return patrol;
    }

    public async Task<RescuePatrol> GetAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<RescuePatrol>().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw AppProblem.NotFound("巡查记录");

    public async Task<Paged<RescuePatrol>> ListAsync(Guid? campaignId, DateOnly? from, DateOnly? to, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<RescuePatrol>().AsNoTracking();
        if (campaignId is { } cid)
        {
            var c = await CampaignAsync(cid, ct);
            var scope = DivisionScope.Of(c.DivisionCode);
            q = q.Where(p => p.PatrolOn >= c.From && p.PatrolOn <= c.To && string.Compare(p.DivisionCode, scope.Low) >= 0 && string.Compare(p.DivisionCode, scope.High) <= 0);
        }
        if (from is { } f) q = q.Where(p => p.PatrolOn >= f);
        if (to is { } t) q = q.Where(p => p.PatrolOn <= t);
        return await q.OrderByDescending(p => p.PatrolOn).ThenByDescending(p => p.CreatedAt).ThenBy(p => p.Id).ToPagedAsync(page, ct);
    }

    private string? Validate(PatrolInput input, bool isNew)
    {
        InputRules.ThrowIfInvalid(input);
        var errors = new ValidationErrors();
        if (!isNew && input.Version is null) errors.Add("version", "缺少版本号");
        string? division = null;
        if (isNew)
        {
            division = string.IsNullOrWhiteSpace(input.DivisionCode) ? user.DivisionCode : input.DivisionCode.Trim();
            if (division is null || !DivisionCodes.IsWellFormed(division) || DivisionCodes.LevelOf(division) != DivisionLevel.County || divisions.Find(division) is null)
                errors.Add("divisionCode", "请选择巡查所在的县（市、区）");
            else if (!user.Scope.Contains(division)) errors.Add("divisionCode", "只能登记本人管辖的县（市、区）的巡查");
        }
        if (input.PatrolOn is not { } on) errors.Add("patrolOn", "请填写巡查日期");
        else if (on > clock.Today) errors.Add("patrolOn", "巡查日期不能晚于今天");
        if (string.IsNullOrWhiteSpace(input.Area)) errors.Add("area", "请填写巡查区域");
        if (string.IsNullOrWhiteSpace(input.Staff)) errors.Add("staff", "请填写巡查人员");
        var found = input.Found ?? 0;
        if ((input.Persuaded ?? 0) + (input.BroughtIn ?? 0) + (input.Refused ?? 0) > found)
            errors.Add("found", "劝导、护送入站、拒绝救助的人数之和不能超过发现人数");
        errors.ThrowIfAny();
        return division;
    }

    private static void Apply(RescuePatrol p, PatrolInput input)
    {
        p.PatrolOn = input.PatrolOn!.Value;
        p.Area = input.Area!.Trim();
        p.Staff = input.Staff!.Trim();
        p.Found = input.Found ?? 0;
        p.Persuaded = input.Persuaded ?? 0;
        p.BroughtIn = input.BroughtIn ?? 0;
        p.Refused = input.Refused ?? 0;
        p.Water = input.Water ?? 0;
        p.Medicine = input.Medicine ?? 0;
        p.Clothing = input.Clothing ?? 0;
        p.Quilts = input.Quilts ?? 0;
        p.ExtremeWeather = input.ExtremeWeather;
        p.Note = input.Note?.Trim() ?? "";
    }

    /// <summary>
    /// The campaigns a user sees: those covering the user's division (a city-wide one for a county officer) and those within the
    /// user's scope (the counties' for a city officer). Read past no filter: campaigns carry none (see <see cref="RescueCampaign"/>).
    /// </summary>
    public IQueryable<RescueCampaign> VisibleCampaigns()
    {
        var scope = user.Scope;
        var covering = CoveringCodes(user.DivisionCode);
        return db.Set<RescueCampaign>().AsNoTracking()
            .Where(c => covering.Contains(c.DivisionCode) || (string.Compare(c.DivisionCode, scope.Low) >= 0 && string.Compare(c.DivisionCode, scope.High) <= 0));
    }

    // the user's own division and its ancestors (a county officer of 450921 sees the city's 450900000000 campaigns)
    private List<string> CoveringCodes(string? code)
    {
        var list = new List<string>();
        for (var d = divisions.Find(code); d is not null; d = divisions.Find(d.ParentCode)) list.Add(d.Code);
        return list;
    }

    public async Task<RescueCampaign> CampaignAsync(Guid id, CancellationToken ct = default) =>
        await VisibleCampaigns().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw AppProblem.NotFound("专项救助行动");

    public async Task<IReadOnlyList<RescueCampaign>> CampaignsAsync(CancellationToken ct = default) =>
        await VisibleCampaigns().OrderByDescending(c => c.From).ThenBy(c => c.DivisionCode).Take(200).ToListAsync(ct);

    public async Task<RescueCampaign> CreateCampaignAsync(CampaignInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var errors = new ValidationErrors();
        CampaignKind? kind = input.Kind?.Trim() switch
        {
            "summer" => CampaignKind.Summer,
            "winter" => CampaignKind.Winter,
            _ => null,
        };
        if (kind is null) errors.Add("kind", "行动类型只能是 summer（夏季送清凉）或 winter（冬季送温暖）");
        var division = string.IsNullOrWhiteSpace(input.DivisionCode) ? user.DivisionCode : input.DivisionCode.Trim();
        if (division is null || !DivisionCodes.IsWellFormed(division) || DivisionCodes.LevelOf(division) is not (DivisionLevel.City or DivisionLevel.County) || divisions.Find(division) is null)
            errors.Add("divisionCode", "请选择行动的县（市、区）或全市");
        else if (!user.Scope.Contains(division)) errors.Add("divisionCode", "只能设定本人管辖区划的专项行动");
        if (input.From is not { } from) errors.Add("from", "请填写开始日期");
        if (input.To is not { } to) errors.Add("to", "请填写结束日期");
        else if (input.From is { } f && to < f) errors.Add("to", "结束日期不能早于开始日期");
        else if (input.From is { } f2 && to.DayNumber - f2.DayNumber > 200) errors.Add("to", "一次专项行动不超过 200 天");
        errors.ThrowIfAny();
        var overlap = await db.Set<RescueCampaign>().AnyAsync(c => c.DivisionCode == division && c.Kind == kind && c.From <= input.To && c.To >= input.From, ct);
        if (overlap) throw AppProblem.Conflict("rescue_campaign_overlap", "同一区划同类专项行动的日期不能重叠");
        var campaign = new RescueCampaign
        {
            Kind = kind!.Value,
            DivisionCode = division!,
            Name = string.IsNullOrWhiteSpace(input.Name) ? $"{input.From!.Value.Year}年{CampaignText.Name(kind.Value)}专项救助行动" : input.Name.Trim(),
            From = input.From!.Value,
            To = input.To!.Value,
            Note = input.Note?.Trim() ?? "",
            RecordedBy = user.UserName,
        };
        db.Add(campaign);
        await db.SaveChangesAsync(ct);
        return campaign;
    }

    /// <summary>
    /// A campaign's counts per county and month, from the patrols the user may see that fall into it. Read whole (a campaign is
    /// a season of one city's patrols: hundreds of rows) and summed here so the month grouping is the same on both providers.
    /// </summary>
    public async Task<IReadOnlyList<PatrolCount>> CountsAsync(Guid campaignId, CancellationToken ct = default)
    {
        var c = await CampaignAsync(campaignId, ct);
        var scope = DivisionScope.Of(c.DivisionCode);
        var rows = await db.Set<RescuePatrol>().AsNoTracking()
            .Where(p => p.PatrolOn >= c.From && p.PatrolOn <= c.To && string.Compare(p.DivisionCode, scope.Low) >= 0 && string.Compare(p.DivisionCode, scope.High) <= 0)
            .Select(p => new { p.DivisionCode, p.PatrolOn, p.Found, p.Persuaded, p.BroughtIn, p.Refused, p.Water, p.Medicine, p.Clothing, p.Quilts, p.ExtremeWeather })
            .ToListAsync(ct);
        return [.. rows.GroupBy(p => (p.DivisionCode, Month: $"{p.PatrolOn.Year:D4}-{p.PatrolOn.Month:D2}"))
            .OrderBy(g => g.Key.DivisionCode, StringComparer.Ordinal).ThenBy(g => g.Key.Month, StringComparer.Ordinal)
            .Select(g => new PatrolCount(g.Key.DivisionCode, divisions.NameOf(g.Key.DivisionCode), g.Key.Month, g.Count(), g.Sum(p => p.Found), g.Sum(p => p.Persuaded),
                g.Sum(p => p.BroughtIn), g.Sum(p => p.Refused), g.Sum(p => p.Water), g.Sum(p => p.Medicine), g.Sum(p => p.Clothing), g.Sum(p => p.Quilts),
                g.Count(p => p.ExtremeWeather)))];
    }
}

using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Community.Admission;

public sealed record AdmissionItemInput
{
    public WorkItemList? List { get; init; }
    [Text(AdmissionLimits.Title)] public string? Title { get; init; }
    [Text(AdmissionLimits.Basis)] public string? LegalBasis { get; init; }
    [Text(AdmissionLimits.Keywords)] public string? Keywords { get; init; }

    /// <summary>The area it applies to; the officer's own division when omitted.</summary>
    [Text(12)] public string? ScopeCode { get; init; }
    public DateOnly? ValidFrom { get; init; }
}

public sealed record EndItemInput
{
    public int? Version { get; init; }
    public DateOnly? EndedOn { get; init; }
}

public sealed record AdmissionRequestInput
{
    [Text(AdmissionLimits.Department)] public string? Department { get; init; }
    [Text(AdmissionLimits.Title)] public string? Task { get; init; }
    [Text(AdmissionLimits.Text)] public string? Description { get; init; }
    [Text(AdmissionLimits.Basis)] public string? LegalBasis { get; init; }
    [Text(AdmissionLimits.Department)] public string? FundingSource { get; init; }
    [Amount(0, AdmissionLimits.MaxFunding)] public decimal? FundingAmount { get; init; }

    /// <summary>The county, township or village whose committees would carry the task.</summary>
    [Text(12)] public string? DivisionCode { get; init; }
}

/// <summary>The approval or refusal, with the version decided on; the approver may complete the funding the department named.</summary>
public sealed record AdmissionDecisionInput
{
    public int? Version { get; init; }
    [Text(AdmissionLimits.Text)] public string? Opinion { get; init; }
    [Text(AdmissionLimits.Department)] public string? FundingSource { get; init; }
    [Amount(0, AdmissionLimits.MaxFunding)] public decimal? FundingAmount { get; init; }
}

public sealed record AdmissionItemDto(Guid Id, WorkItemList List, string ListName, string Title, string LegalBasis, string Keywords, string ScopeCode, string ScopeName,
    Guid? RequestId, string Department, string FundingSource, decimal FundingAmount, DateOnly ValidFrom, DateOnly? EndedOn, bool InForce, bool IsDemo, int Version);

public sealed record ForbiddenMatchDto(Guid ItemId, string Title, string LegalBasis);

public sealed record AdmissionRequestDto(Guid Id, string Number, string Department, string Task, string Description, string LegalBasis, string FundingSource,
    decimal FundingAmount, bool Funded, string DivisionCode, string DivisionName, AdmissionRequestStatus Status, string StatusName, string Opinion, string DecidedBy,
    DateOnly? DecidedOn, Guid? ItemId, ForbiddenMatchDto? Forbidden, DateTime CreatedAt, int Version);

/// <summary>
/// The 准入 lists and the departments' requests (issue 18 item 4 (1)–(2)). The lists are read by every committee (those applying to
/// its village); the county and city (community.oversee) keep them and decide the requests for their area: approval only with the
/// funding named and never for a task on the 负面清单; an approved request becomes an ASSIST entry for the villages it names, and
/// only such entries show as the village's tasks.
/// </summary>
public sealed class AdmissionLists(AppDbContext db, ICurrentUser user, DivisionDirectory divisions, CaseNumbers numbers, BusinessClock clock, AuditLog audit)
{
    public const string City = "450900000000";

    // ---------------------------------------------------------------- lists

    public async Task<Paged<AdmissionItemDto>> ListItemsAsync(WorkItemList? list, bool includeEnded, PageRequest page, CancellationToken ct = default)
    {
        var today = clock.Today;
        var q = db.Set<AdmissionItem>().AsNoTracking();
        if (list is { } l) q = q.Where(i => i.List == l);
        if (!includeEnded) q = q.Where(i => i.EndedOn == null || i.EndedOn >= today);
        return (await q.OrderBy(i => i.List).ThenBy(i => i.RequestId != null).ThenBy(i => i.CreatedAt).ThenBy(i => i.Id).ToPagedAsync(page, ct)).Select(ToDto);
    }

    /// <summary>What the committee of a village carries: its duties and the assistance tasks in force for it (the law's and the approved ones).</summary>
    public async Task<IReadOnlyList<AdmissionItemDto>> VillageTasksAsync(string villageCode, CancellationToken ct = default)
    {
        if (divisions.Find(villageCode) is not { Level: DivisionLevel.Village } || !user.Scope.Contains(villageCode)) throw AppProblem.NotFound("村（社区）");
        var today = clock.Today;
        var rows = await db.Set<AdmissionItem>().AsNoTracking()
            .Where(i => i.List != WorkItemList.Forbidden && i.ValidFrom <= today && (i.EndedOn == null || i.EndedOn >= today))
            .OrderBy(i => i.List).ThenBy(i => i.CreatedAt).ThenBy(i => i.Id).ToListAsync(ct);
        return [.. rows.Where(i => AdmissionRules.Applies(i.ScopeCode, villageCode)).Select(ToDto)];
    }

    public async Task<AdmissionItem> AddItemAsync(AdmissionItemInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        EnsureOverseer();
        var errors = new ValidationErrors();
        if (input.List is not { } list || !Enum.IsDefined(list)) errors.Add("list", "请选择清单");
        if (string.IsNullOrWhiteSpace(input.Title)) errors.Add("title", "请填写事项名称");
        if (string.IsNullOrWhiteSpace(input.LegalBasis)) errors.Add("legalBasis", "请填写依据（法律法规条款或文件）");
        var scope = string.IsNullOrWhiteSpace(input.ScopeCode) ? user.DivisionCode ?? City : input.ScopeCode.Trim();
        CheckArea(scope, "scopeCode", errors);
        errors.ThrowIfAny();
        var item = new AdmissionItem
        {
            List = input.List!.Value,
            Title = input.Title!.Trim(),
            LegalBasis = input.LegalBasis!.Trim(),
            Keywords = input.Keywords?.Trim() ?? "",
            ScopeCode = scope,
            ValidFrom = input.ValidFrom ?? clock.Today,
        };
        db.Add(item);
        audit.Add("admission-item-add", "com_admission_item", item.Id.ToString(), new { item.List, item.Title, item.LegalBasis, item.ScopeCode }, item.ScopeCode);
        await db.SaveChangesAsync(ct);
        return item;
    }

    /// <summary>Ends a list entry (a task withdrawn, a duty changed by law); it stays on record with its end.</summary>
    public async Task<AdmissionItem> EndItemAsync(Guid id, EndItemInput input, CancellationToken ct = default)
    {
        EnsureOverseer();
        var item = await db.Set<AdmissionItem>().FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw AppProblem.NotFound("清单事项");
        if (!user.Scope.Contains(item.ScopeCode)) throw AppProblem.NotFound("清单事项");
        if (input.Version is not { } version) throw AppProblem.Field("version", "缺少版本号");
        var on = input.EndedOn ?? clock.Today;
        if (on < item.ValidFrom) throw AppProblem.Field("endedOn", "停止日期不能早于施行日期");
        db.ExpectVersion(item, version);
        item.EndedOn = on;
        audit.Add("admission-item-end", "com_admission_item", item.Id.ToString(), new { item.Title, item.EndedOn }, item.ScopeCode);
        await db.SaveChangesAsync(ct);
        return item;
    }

    // ---------------------------------------------------------------- requests

    public async Task<Paged<AdmissionRequestDto>> ListRequestsAsync(AdmissionRequestStatus? status, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<AdmissionRequest>().AsNoTracking();
        if (status is { } s) q = q.Where(r => r.Status == s);
        var rows = await q.OrderBy(r => r.Status).ThenByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).ToPagedAsync(page, ct);
        var forbidden = await ForbiddenAsync(ct);
        return rows.Select(r => ToDto(r, forbidden));
    }

    public async Task<AdmissionRequest> LoadRequestAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<AdmissionRequest>().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw AppProblem.NotFound("部门进村事项申请");

    public async Task<AdmissionRequestDto> RequestDtoAsync(Guid id, CancellationToken ct = default) => ToDto(await LoadRequestAsync(id, ct), await ForbiddenAsync(ct));

    /// <summary>Records a department's request (entered by the county or city 民政 for the department that asks).</summary>
    public async Task<AdmissionRequest> SubmitAsync(AdmissionRequestInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        EnsureOverseer();
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(input.Department)) errors.Add("department", "请填写提出申请的部门");
        if (string.IsNullOrWhiteSpace(input.Task)) errors.Add("task", "请填写拟交由村（居）委会承担的事项");
        if (string.IsNullOrWhiteSpace(input.LegalBasis)) errors.Add("legalBasis", "请填写事项的法律法规依据");
        CheckArea(input.DivisionCode, "divisionCode", errors);
        errors.ThrowIfAny();
        var today = clock.Today;
        var r = new AdmissionRequest
        {
            Number = await numbers.NextAsync(new NumberSeries("ZR" + input.DivisionCode![..6], today.Year, 4),
                db.Set<AdmissionRequest>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Select(x => (string?)x.Number), ct),
            Department = input.Department!.Trim(),
            Task = input.Task!.Trim(),
            Description = input.Description?.Trim() ?? "",
            LegalBasis = input.LegalBasis!.Trim(),
            FundingSource = input.FundingSource?.Trim() ?? "",
            FundingAmount = Money.FromYuan(input.FundingAmount ?? 0, "fundingAmount"),
            DivisionCode = input.DivisionCode!,
        };
        db.Add(r);
        audit.Add("admission-request", "com_admission_request", r.Id.ToString(), new { r.Number, r.Department, r.Task, r.FundingSource, fundingFen = r.FundingAmount.Fen }, r.DivisionCode);
        await db.SaveChangesAsync(ct);
        return r;
    }

    /// <summary>Approves: never a task on the 负面清单, only with the paying department and amount named; the task joins the ASSIST list for the area.</summary>
    public async Task<AdmissionRequest> ApproveAsync(Guid id, AdmissionDecisionInput input, CancellationToken ct = default)
    {
        var r = await DecidableAsync(id, input, ct);
        if (AdmissionRules.ForbiddenMatch(r.Task, await ForbiddenAsync(ct), f => f.Title, f => f.Keywords) is { } hit)
        {
            throw AppProblem.Conflict("com_admission_forbidden",
                $"“{r.Task}”属于负面清单事项“{hit.Title}”（依据：{hit.LegalBasis}），不得交由村（居）民委员会承担，请作不予准入处理，由{r.Department}依法自行办理");
        }
        var source = string.IsNullOrWhiteSpace(input.FundingSource) ? r.FundingSource : input.FundingSource.Trim();
        var amount = input.FundingAmount is { } yuan ? Money.FromYuan(yuan, "fundingAmount") : r.FundingAmount;
        if (!AdmissionRules.IsFunded(source, amount.Fen))
        {
            throw AppProblem.Conflict("com_admission_unfunded", $"{AdmissionRules.FundingBasis}。请写明{r.Department}承担的经费来源和金额后再批准");
        }
        var today = clock.Today;
        db.ExpectVersion(r, input.Version!.Value);
        var item = new AdmissionItem
        {
            List = WorkItemList.Assist,
            Title = r.Task,
            LegalBasis = r.LegalBasis,
            ScopeCode = r.DivisionCode,
            RequestId = r.Id,
            Department = r.Department,
            FundingSource = source,
            FundingAmount = amount,
            ValidFrom = today,
        };
        db.Add(item);
        r.FundingSource = source;
        r.FundingAmount = amount;
        r.Status = AdmissionRequestStatus.Approved;
        r.Opinion = input.Opinion?.Trim() ?? "";
        r.DecidedBy = Decider();
        r.DecidedOn = today;
        r.ItemId = item.Id;
        audit.Add("admission-approve", "com_admission_request", r.Id.ToString(), new { r.Number, r.Task, r.FundingSource, fundingFen = r.FundingAmount.Fen, item = item.Id }, r.DivisionCode);
        await db.SaveChangesAsync(ct);
        return r;
    }

    /// <summary>Refuses, with the reason; a task on the 负面清单 is refused with the list's entry and basis written into the opinion.</summary>
    public async Task<AdmissionRequest> RefuseAsync(Guid id, AdmissionDecisionInput input, CancellationToken ct = default)
    {
        var r = await DecidableAsync(id, input, ct);
        var hit = AdmissionRules.ForbiddenMatch(r.Task, await ForbiddenAsync(ct), f => f.Title, f => f.Keywords);
        var opinion = input.Opinion?.Trim() ?? "";
        if (hit is not null)
        {
            var basis = $"属于负面清单事项“{hit.Title}”（依据：{hit.LegalBasis}）";
            opinion = opinion.Length == 0 ? basis : $"{opinion}（{basis}）";
        }
        if (opinion.Length == 0) throw AppProblem.Field("opinion", "请填写不予准入的理由");
        db.ExpectVersion(r, input.Version!.Value);
        r.Status = AdmissionRequestStatus.Refused;
        r.Opinion = opinion.Length > AdmissionLimits.Text ? opinion[..AdmissionLimits.Text] : opinion;
        r.DecidedBy = Decider();
        r.DecidedOn = clock.Today;
        audit.Add("admission-refuse", "com_admission_request", r.Id.ToString(), new { r.Number, r.Task, r.Opinion }, r.DivisionCode);
        await db.SaveChangesAsync(ct);
        return r;
    }

    /// <summary>Open requests in scope (for the county's and city's dashboard and task counts).</summary>
    public Task<int> OpenRequestsAsync(CancellationToken ct = default) => db.Set<AdmissionRequest>().CountAsync(r => r.Status == AdmissionRequestStatus.Submitted, ct);

    // ---------------------------------------------------------------- helpers

    private async Task<AdmissionRequest> DecidableAsync(Guid id, AdmissionDecisionInput input, CancellationToken ct)
    {
        InputRules.ThrowIfInvalid(input);
        EnsureOverseer();
        var r = await LoadRequestAsync(id, ct);
        if (input.Version is null) throw AppProblem.Field("version", "缺少版本号");
        if (r.Status != AdmissionRequestStatus.Submitted)
        {
            throw AppProblem.Conflict("com_admission_decided", $"申请 {r.Number} 已于{r.DecidedOn:yyyy-MM-dd}{AdmissionRules.StatusName(r.Status)}，不能再次审批");
        }
        return r;
    }

    private async Task<List<AdmissionItem>> ForbiddenAsync(CancellationToken ct)
    {
        var today = clock.Today;
        return await db.Set<AdmissionItem>().AsNoTracking()
            .Where(i => i.List == WorkItemList.Forbidden && i.ValidFrom <= today && (i.EndedOn == null || i.EndedOn >= today))
            .OrderBy(i => i.CreatedAt).ThenBy(i => i.Id).ToListAsync(ct);
    }

    /// <summary>An area the officer decides for: the city, a county, township or village within the user's scope.</summary>
    private void CheckArea(string? code, string field, ValidationErrors errors)
    {
        if (divisions.Find(code) is not { } d || d.Level < DivisionLevel.City) errors.Add(field, "请选择适用的区划（市、县、乡镇或村）");
        else if (!user.Scope.Contains(code)) errors.Add(field, "该地区不在您的管辖范围内");
    }

    private void EnsureOverseer()
    {
        if (!user.HasPermission(CommunityPermissions.Oversee)) throw AppProblem.Forbidden("准入事项由县级以上民政部门审批和维护");
    }

    private string Decider() => (user.DisplayName ?? user.UserName) is { Length: > 100 } s ? s[..100] : user.DisplayName ?? user.UserName;

    public AdmissionItemDto ToDto(AdmissionItem i)
    {
        var today = clock.Today;
        return new(i.Id, i.List, AdmissionRules.ListName(i.List), i.Title, i.LegalBasis, i.Keywords, i.ScopeCode, divisions.FullName(i.ScopeCode), i.RequestId, i.Department,
            i.FundingSource, i.FundingAmount.Yuan, i.ValidFrom, i.EndedOn, i.ValidFrom <= today && (i.EndedOn is null || i.EndedOn >= today), i.IsDemo, i.Version);
    }

    private AdmissionRequestDto ToDto(AdmissionRequest r, List<AdmissionItem> forbidden)
    {
        var hit = AdmissionRules.ForbiddenMatch(r.Task, forbidden, f => f.Title, f => f.Keywords);
        return new(r.Id, r.Number, r.Department, r.Task, r.Description, r.LegalBasis, r.FundingSource, r.FundingAmount.Yuan,
            AdmissionRules.IsFunded(r.FundingSource, r.FundingAmount.Fen), r.DivisionCode, divisions.FullName(r.DivisionCode), r.Status, AdmissionRules.StatusName(r.Status),
            r.Opinion, r.DecidedBy, r.DecidedOn, r.ItemId, hit is null ? null : new ForbiddenMatchDto(hit.Id, hit.Title, hit.LegalBasis), r.CreatedAt, r.Version);
    }
}

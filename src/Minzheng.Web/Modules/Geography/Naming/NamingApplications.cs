using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Geography.PlaceNames;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Modules.Geography.Naming;

public sealed record NamingApplyInput
{
    public NamingKind? Kind { get; init; }
    public Guid? PlaceNameId { get; init; }
    [Text(PlaceNameLimits.Name)] public string? ProposedName { get; init; }
    public PlaceNameCategory? Category { get; init; }
    [Text(12)] public string? DivisionCode { get; init; }
    [Text(500)] public string? Location { get; init; }
    [Text(200)] public string? Size { get; init; }
    [Text(200)] public string? Nature { get; init; }
    [Text(2000)] public string? Plan { get; init; }
    [Text(2000)] public string? Reasons { get; init; }
    [Text(100)] public string? Applicant { get; init; }
}

/// <summary>One step's action: the opinion, the subject's version, and what the step records.</summary>
public sealed record NamingStepInput
{
    public int? Version { get; init; }
    [Text(2000)] public string? Opinion { get; init; }
    [Text(PlaceNameLimits.Name)] public string? ProposedName { get; init; }
    public DateOnly? ConsultationFrom { get; init; }
    public DateOnly? ConsultationUntil { get; init; }
    [Text(100)] public string? ApprovingAuthority { get; init; }
    [Text(100)] public string? ApprovalDocument { get; init; }
    public DateOnly? ApprovedOn { get; init; }
    public DateOnly? FiledOn { get; init; }
    [Text(100)] public string? FiledWith { get; init; }
    public DateOnly? AnnouncedOn { get; init; }
}

public sealed record NamingFilter(string? State, bool? Overdue, string? Q);

public sealed record NamingConflictView(string Kind, string KindName, string Name, string Scope);

public sealed record NamingDto(Guid Id, string Number, NamingKind Kind, string KindName, Guid? PlaceNameId, string FormerName, string ProposedName, string Pinyin,
    PlaceNameCategory Category, string CategoryName, string DivisionCode, string DivisionName, string Location, string Size, string Nature, string Plan, string Reasons,
    string Applicant, IReadOnlyList<NamingConflictView> Conflicts, IReadOnlyList<string> Warnings, bool Blocked, string State, string StateName,
    string ExpertOpinion, DateOnly? ConsultationFrom, DateOnly? ConsultationUntil, string ApprovingAuthority, string SuggestedAuthority, string ApprovalDocument,
    DateOnly? ApprovedOn, DateOnly? FilingDue, DateOnly? FiledOn, string FiledWith, bool FilingOverdue, DateOnly? AnnouncementDue, DateOnly? AnnouncedOn,
    bool AnnouncementOverdue, string? DeadlineNote, string ReturnReason, IReadOnlyList<string> Actions, int Version, Guid? WorkflowCaseId);

public sealed record NamingAlerts(int FilingOverdue, int AnnouncementOverdue, int Total);

/// <summary>
/// The naming and renaming applications' use cases (issue 17 item 2). Each step goes through the workflow engine with the
/// application's version (stale → 409); the art. 9 check runs on submission, resubmission and again at approval, and a
/// binding conflict (art. 9(7)/(8)) blocks the approval; the announcement publishes the standard name in the registry.
/// </summary>
public sealed class NamingApplications(AppDbContext db, ICurrentUser user, DivisionDirectory divisions, NameChecks checks, WorkflowEngine workflow,
    FigureBook figures, CaseNumbers numbers, BusinessClock clock, AuditLog audit)
{
    public IQueryable<NamingApplication> Query(NamingFilter f)
    {
        var today = clock.Today;
        var q = db.Set<NamingApplication>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.State))
        {
            if (NamingProcess.Model.States.All(s => s.Code != f.State)) throw AppProblem.Field("state", "没有这个办理环节");
            q = q.Where(a => a.State == f.State);
        }
        if (f.Overdue == true)
        {
            q = q.Where(a => (a.FilingDue != null && a.FiledOn == null && a.FilingDue < today) || (a.AnnouncementDue != null && a.AnnouncedOn == null && a.AnnouncementDue < today));
        }
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var text = f.Q.Trim();
            q = q.Where(a => a.ProposedName.Contains(text) || a.FormerName.Contains(text) || a.Number.Contains(text));
        }
        return q.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id);
    }

    public async Task<Paged<NamingDto>> ListAsync(NamingFilter f, PageRequest page, CancellationToken ct = default) =>
        (await Query(f).ToPagedAsync(page, ct)).Select(a => ToDto(a, []));

    public async Task<NamingAlerts> AlertsAsync(CancellationToken ct = default)
    {
        var today = clock.Today;
        var q = db.Set<NamingApplication>().AsNoTracking();
        var filing = await q.CountAsync(a => a.FilingDue != null && a.FiledOn == null && a.FilingDue < today, ct);
        var announcement = await q.CountAsync(a => a.AnnouncementDue != null && a.AnnouncedOn == null && a.AnnouncementDue < today, ct);
        var total = await Query(new(null, true, null)).CountAsync(ct);
        return new(filing, announcement, total);
    }

    public async Task<NamingApplication> LoadAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<NamingApplication>().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw AppProblem.NotFound("地名命名、更名申请");

    public async Task<NamingDto> DtoAsync(Guid id, CancellationToken ct = default)
    {
        var a = await LoadAsync(id, ct);
        var c = await CaseAsync(a, ct);
        var actions = workflow.AvailableActions(c, await workflow.ModelOfAsync(c, ct)).Select(t => t.Action).Distinct().ToList();
        return ToDto(a, actions);
    }

    public async Task<NamingApplication> ApplyAsync(NamingApplyInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var errors = new ValidationErrors();
        if (input.Kind is not { } kind || !Enum.IsDefined(kind)) errors.Add("kind", "请选择命名或更名");
        if (input.Category is not { } category || !Enum.IsDefined(category)) errors.Add("category", "请选择地名类别");
        if (divisions.Find(input.DivisionCode) is null) errors.Add("divisionCode", "请选择地名所在的行政区划");
        else if (!user.Scope.Contains(input.DivisionCode)) errors.Add("divisionCode", "该地区不在您的管辖范围内");
        var name = input.ProposedName?.Trim() ?? "";
        if (!IsChineseName(name)) errors.Add("proposedName", "请填写拟用地名（至少两个字，使用汉字）");
        if (string.IsNullOrWhiteSpace(input.Plan)) errors.Add("plan", "请填写命名、更名方案");
        if (string.IsNullOrWhiteSpace(input.Reasons)) errors.Add("reasons", "请填写命名、更名理由");
        if (string.IsNullOrWhiteSpace(input.Location)) errors.Add("location", "请填写地理实体的位置");
        PlaceName? renamed = null;
        if (input.Kind == NamingKind.Renaming)
        {
            if (input.PlaceNameId is not { } pid) errors.Add("placeNameId", "更名须选择被更名的地名");
            else if ((renamed = await db.Set<PlaceName>().AsNoTracking().FirstOrDefaultAsync(n => n.Id == pid, ct)) is null) errors.Add("placeNameId", "被更名的地名不存在或不在您的管辖范围内");
            else if (renamed.Status == PlaceNameStatus.Retired) errors.Add("placeNameId", "已废止的地名不能更名");
            else if (renamed.Name == name) errors.Add("proposedName", "拟用地名与现名相同");
        }
        errors.ThrowIfAny();
        var today = clock.Today;
        var a = new NamingApplication
        {
            Number = await numbers.NextAsync(new NumberSeries("DM" + input.DivisionCode![..6], today.Year, 4),
                db.Set<NamingApplication>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Select(x => (string?)x.Number), ct),
            Kind = input.Kind!.Value,
            PlaceNameId = renamed?.Id,
            FormerName = renamed?.Name ?? "",
            ProposedName = name,
            Category = input.Category!.Value,
            DivisionCode = input.DivisionCode!,
            Location = input.Location!.Trim(),
            Size = input.Size?.Trim() ?? "",
            Nature = input.Nature?.Trim() ?? "",
            Plan = input.Plan!.Trim(),
            Reasons = input.Reasons!.Trim(),
            Applicant = input.Applicant?.Trim() ?? "",
        };
        await CheckAsync(a, renamed, ct);
        db.Add(a);
        var c = await workflow.StartAsync(NamingProcess.Code, NamingProcess.SubjectType, a.Id, $"{KindName(a.Kind)}“{a.ProposedName}” {a.Number}", a.DivisionCode,
            CheckSummary(a), ct);
        a.WorkflowCaseId = c.Id;
        audit.Add("naming-apply", "geo_naming_application", a.Id.ToString(), new { a.Number, a.Kind, a.ProposedName, a.Category, conflicts = a.CheckConflicts }, a.DivisionCode);
        await db.SaveChangesAsync(ct);
        return a;
    }

    /// <summary>Performs one step; <paramref name="action"/> is one of <see cref="NamingProcess.Actions"/>.</summary>
    public async Task<NamingApplication> StepAsync(Guid id, string action, NamingStepInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        if (!NamingProcess.Actions.Contains(action)) throw AppProblem.NotFound("办理动作");
        var a = await LoadAsync(id, ct);
        if (input.Version is not { } version) throw AppProblem.Field("version", "缺少版本号");
        var c = await CaseAsync(a, ct);
        var today = clock.Today;
        var opinion = string.IsNullOrWhiteSpace(input.Opinion) ? null : input.Opinion.Trim();
        async Task EffectAsync()
        {
            switch (action)
            {
                case NamingProcess.Review:
                    {
                        var from = input.ConsultationFrom ?? today;
                        var days = figures.Find(NamingFigures.ConsultationDays, a.DivisionCode, from)?.Row.Number;
                        var until = days is { } d ? from.AddDays(d - 1) : input.ConsultationUntil;
                        if (until is null) throw AppProblem.Field("consultationUntil", "没有生效的征求意见期限，请填写征求意见截止日期");
                        if (input.ConsultationUntil is { } later && later > until) until = later;
                        if (until < from) throw AppProblem.Field("consultationUntil", "征求意见截止日期不能早于开始日期");
                        a.ExpertOpinion = opinion!;
                        a.ConsultationFrom = from;
                        a.ConsultationUntil = until;
                        break;
                    }
                case NamingProcess.CloseConsultation:
                    {
                        if (a.ConsultationUntil is { } until && today <= until)
                            throw AppProblem.Conflict("geo_consultation_open", $"征求意见期至{until:yyyy年M月d日}，期满前不能结束征求意见");
                        a.ConsultationSummary = opinion ?? "";
                        break;
                    }
                case NamingProcess.Approve:
                    {
                        var errors = new ValidationErrors();
                        if (string.IsNullOrWhiteSpace(input.ApprovalDocument)) errors.Add("approvalDocument", "请填写批准文号");
                        if (input.ApprovedOn is not { } on) errors.Add("approvedOn", "请填写批准日期");
                        else if (on > today) errors.Add("approvedOn", "批准日期不能晚于今天");
                        else if (a.ConsultationUntil is { } until && on <= until) errors.Add("approvedOn", "批准日期须在征求意见期满之后");
                        errors.ThrowIfAny();
                        var renamed = a.PlaceNameId is { } pid ? await db.Set<PlaceName>().AsNoTracking().FirstOrDefaultAsync(n => n.Id == pid, ct) : null;
                        await CheckAsync(a, renamed, ct);
                        if (a.HasBindingConflict)
                        {
                            throw AppProblem.Conflict("geo_naming_blocked",
                                $"拟用地名“{a.ProposedName}”与规定范围内的地名重名或同音（《地名管理条例》第九条），不能批准；请退回申请人重新拟名");
                        }
                        a.ApprovingAuthority = string.IsNullOrWhiteSpace(input.ApprovingAuthority) ? NamingAuthority.For(a.Category) : input.ApprovingAuthority.Trim();
                        a.ApprovalDocument = input.ApprovalDocument!.Trim();
                        a.ApprovedOn = input.ApprovedOn;
                        a.FilingDue = NamingDeadlines.Due(a.ApprovedOn!.Value, figures.Find(NamingFigures.FilingDays, a.DivisionCode, a.ApprovedOn.Value)?.Row.Number);
                        a.AnnouncementDue = NamingDeadlines.Due(a.ApprovedOn.Value, figures.Find(NamingFigures.AnnouncementDays, a.DivisionCode, a.ApprovedOn.Value)?.Row.Number);
                        break;
                    }
                case NamingProcess.SendBack:
                    {
                        a.ReturnReason = opinion!;
                        break;
                    }
                case NamingProcess.Resubmit:
                    {
                        var name = input.ProposedName?.Trim() ?? "";
                        if (!IsChineseName(name)) throw AppProblem.Field("proposedName", "请填写新的拟用地名（至少两个字，使用汉字）");
                        a.ProposedName = name;
                        a.ReturnReason = "";
                        var renamed = a.PlaceNameId is { } pid ? await db.Set<PlaceName>().AsNoTracking().FirstOrDefaultAsync(n => n.Id == pid, ct) : null;
                        await CheckAsync(a, renamed, ct);
                        break;
                    }
                case NamingProcess.File:
                    {
                        if (input.FiledOn is not { } on) throw AppProblem.Field("filedOn", "请填写备案日期");
                        if (on > today || on < a.ApprovedOn) throw AppProblem.Field("filedOn", "备案日期须在批准日期和今天之间");
                        a.FiledOn = on;
                        a.FiledWith = input.FiledWith?.Trim() ?? "";
                        break;
                    }
                default:
                    {
                        if (input.AnnouncedOn is not { } on) throw AppProblem.Field("announcedOn", "请填写公告日期");
                        if (on > today || on < a.ApprovedOn) throw AppProblem.Field("announcedOn", "公告日期须在批准日期和今天之间");
                        a.AnnouncedOn = on;
                        await PublishAsync(a, ct);
                        break;
                    }
            }
        }
        var ev = await workflow.PerformAsync(c, new TransitionRequest(action, opinion) { Subject = a, Version = version }, _ => EffectAsync(), ct);
        a.State = c.State;
        audit.Add("naming-" + action, "geo_naming_application", a.Id.ToString(), new { a.Number, a.State, a.ProposedName, opinion }, a.DivisionCode);
        await db.SaveChangesAsync(ct);
        return a;
    }

    /// <summary>The standard name published (art. 15): created for a naming; for a renaming the old name kept as a former name.</summary>
    private async Task PublishAsync(NamingApplication a, CancellationToken ct)
    {
        var p = checks.Propose(a.ProposedName, a.Category, a.DivisionCode, a.PlaceNameId);
        if (a.Kind == NamingKind.Renaming && a.PlaceNameId is { } pid)
        {
            var n = await db.Set<PlaceName>().FirstOrDefaultAsync(x => x.Id == pid, ct) ?? throw AppProblem.NotFound("被更名的地名");
            db.Add(new FormerPlaceName { PlaceNameId = n.Id, Name = n.Name, DivisionCode = n.DivisionCode, UsedFrom = n.ApprovedOn, UsedUntil = a.ApprovedOn, Note = $"更名前的名称（{a.ApprovalDocument}）" });
            n.Name = p.Name;
            n.SpecificName = p.Specific;
            n.GenericName = p.Generic;
            n.Pinyin = p.Pinyin;
            n.PinyinOverridden = false;
            n.PinyinKey = p.PinyinKey;
            n.SpecificKey = p.SpecificKey;
            Stamp(n, a);
            return;
        }
        var created = new PlaceName
        {
            Name = p.Name,
            SpecificName = p.Specific,
            GenericName = p.Generic,
            Category = a.Category,
            DivisionCode = a.DivisionCode,
            Pinyin = p.Pinyin,
            PinyinKey = p.PinyinKey,
            SpecificKey = p.SpecificKey,
            Meaning = a.Reasons.Length > 1000 ? a.Reasons[..1000] : a.Reasons,
            Source = $"命名申请 {a.Number}",
        };
        Stamp(created, a);
        db.Add(created);
        a.PlaceNameId = created.Id;
    }

    private static void Stamp(PlaceName n, NamingApplication a)
    {
        n.Status = PlaceNameStatus.Standard;
        n.ApprovedOn = a.ApprovedOn;
        n.ApprovalDocument = a.ApprovalDocument;
        n.AnnouncedOn = a.AnnouncedOn;
    }

    private async Task CheckAsync(NamingApplication a, PlaceName? renamed, CancellationToken ct)
    {
        var p = checks.Propose(a.ProposedName, a.Category, a.DivisionCode, renamed?.Id, renamed?.NamedDivisionCode);
        var result = await checks.CheckAsync(p, ct);
        a.Pinyin = p.Pinyin;
        a.CheckConflicts = Clip(string.Join('\n', result.Conflicts.Select(c => $"{c.Kind}|{c.Name}|{c.Scope}")));
        a.CheckWarnings = Clip(string.Join('\n', result.Warnings));
        a.CheckedAt = clock.UtcNow;
    }

    private static string Clip(string s) => s.Length > 4000 ? s[..4000] : s;

    private static string CheckSummary(NamingApplication a) =>
        a.HasBindingConflict ? $"第九条检查：{Conflicts(a).Count} 处重名或同音，不能批准" : $"第九条检查：无重名、同音{(a.CheckWarnings.Length > 0 ? "；有提示待审查" : "")}";

    private static bool IsChineseName(string name) => name.Length >= 2 && name.EnumerateRunes().Any(r => r.Value is >= 0x3400 and <= 0x9FFF or >= 0x20000);

    private async Task<WorkflowCase> CaseAsync(NamingApplication a, CancellationToken ct) =>
        await db.WorkflowCases.FirstOrDefaultAsync(c => c.Id == a.WorkflowCaseId, ct) ?? throw new InvalidOperationException($"地名申请 {a.Number} 没有流程案件");

    public static IReadOnlyList<NamingConflictView> Conflicts(NamingApplication a) =>
        [.. a.CheckConflicts.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('|', 3)).Where(p => p.Length == 3)
            .Select(p => new NamingConflictView(p[0], p[0] == NameCheckRules.Duplicate ? "重名" : "同音", p[1], p[2]))];

    public static string KindName(NamingKind k) => k == NamingKind.Renaming ? "更名" : "命名";

    public NamingDto ToDto(NamingApplication a, IReadOnlyList<string> actions)
    {
        var today = clock.Today;
        return new(a.Id, a.Number, a.Kind, KindName(a.Kind), a.PlaceNameId, a.FormerName, a.ProposedName, a.Pinyin, a.Category, PlaceNameLabels.Category(a.Category),
            a.DivisionCode, divisions.FullName(a.DivisionCode), a.Location, a.Size, a.Nature, a.Plan, a.Reasons, a.Applicant, Conflicts(a),
            [.. a.CheckWarnings.Split('\n', StringSplitOptions.RemoveEmptyEntries)], a.HasBindingConflict, a.State, NamingProcess.StateName(a.State), a.ExpertOpinion,
            a.ConsultationFrom, a.ConsultationUntil, a.ApprovingAuthority, NamingAuthority.For(a.Category), a.ApprovalDocument, a.ApprovedOn, a.FilingDue, a.FiledOn,
            a.FiledWith, NamingDeadlines.IsOverdue(a.FilingDue, a.FiledOn, today), a.AnnouncementDue, a.AnnouncedOn,
            NamingDeadlines.IsOverdue(a.AnnouncementDue, a.AnnouncedOn, today), a.ApprovedOn is not null && a.FilingDue is null ? NamingDeadlines.NoDeadline : null,
            a.ReturnReason, actions, a.Version, a.WorkflowCaseId);
    }
}

/// <summary>The approving authority art. 12 names for a category (the approving step itself is recorded by the county or city officer).</summary>
public static class NamingAuthority
{
    public static string For(PlaceNameCategory c) => c switch
    {
        PlaceNameCategory.Street => "县（市、区）人民政府或设区的市人民政府",
        PlaceNameCategory.Residential => "市、县住房和城乡建设部门（征求地名主管部门意见后）",
        PlaceNameCategory.VillageSeat => "按自治区规定的机关",
        PlaceNameCategory.AdministrativeDivision => "按《行政区划管理条例》规定的机关",
        _ => "按有关规定的机关",
    };
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Calendar;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.ElderlyCare.Inspections;

public sealed record MatterInput([RequiredInput, Text(200)] string? Name, [RequiredInput, Text(500)] string? Basis, [Text(20)] string? Method);

public sealed record TargetInput([RequiredInput] Guid? OrganizationId);

public sealed record InspectorInput([RequiredInput, Text(50)] string? Name, [RequiredInput, Text(40)] string? CertificateNumber, [RequiredInput, Text(50)] string? Field,
    [Text(100)] string? UserName, [NoNullItems] List<Guid>? Conflicts);

public sealed record DrawRequest([RequiredInput] Guid? MatterId, [Within(0.001, 100)] decimal? RatioPercent, [Within(2, 10)] int? InspectorsPerHome);

public sealed record RectificationInput([RequiredInput, Text(20)] string? ItemCode, [RequiredInput, Text(500)] string? Requirement, [Within(1, 250)] int? WorkingDays);

public sealed record RecordInput(DateOnly? InspectedOn, [NoNullItems] Dictionary<string, string>? Results, [Text(InputRules.LongText)] string? Findings,
    [NoNullItems] List<RectificationInput>? Rectifications, int? Version);

public sealed record CompleteInput([RequiredInput, Text(500)] string? Note, DateOnly? CompletedOn, int? Version);

public sealed record VersionInput(int? Version);

/// <summary>
/// 双随机、一公开 for care homes (rules-2 §1.5): the matter list and the two directories, the replayable draw, on-site records
/// against GB 38600-2019 and fire safety, rectification with working-day deadlines, and publication within the configured
/// working days. One use case per method; pages and API call the same ones.
/// </summary>
public sealed class InspectionService(AppDbContext db, ICurrentUser user, BusinessClock clock, FigureBook figures, WorkingCalendar calendar,
    CaseNumbers numbers, DivisionDirectory divisions)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string UserDivision => user.DivisionCode ?? throw AppProblem.Forbidden("未绑定行政区划的账户不能办理双随机抽查");

    public async Task<InspectionMatter> AddMatterAsync(MatterInput input, CancellationToken ct)
    {
        InputRules.ThrowIfInvalid(input);
        var method = input.Method?.Trim() is { Length: > 0 } m ? m : "现场检查";
        if (method is not ("现场检查" or "书面检查")) throw AppProblem.Field("method", "检查方式应为“现场检查”或“书面检查”");
        var matter = new InspectionMatter { DivisionCode = UserDivision, Name = input.Name!.Trim(), Basis = input.Basis!.Trim(), Method = method };
        db.Add(matter);
        await db.SaveChangesAsync(ct);
        return matter;
    }

    public async Task<InspectionTarget> AddTargetAsync(TargetInput input, CancellationToken ct)
    {
        InputRules.ThrowIfInvalid(input);
        var org = await db.Set<Organization>().FirstOrDefaultAsync(o => o.Id == input.OrganizationId, ct)
            ?? throw AppProblem.Field("organizationId", "组织不存在或不在您的管辖范围内");
        if (org.Status != OrganizationStatus.Active) throw AppProblem.Field("organizationId", "该组织已注销或被撤销登记，不能列入检查对象名录库");
        if (await db.Set<InspectionTarget>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AnyAsync(t => t.OrganizationId == org.Id, ct))
        {
            throw AppProblem.Conflict("inspection_target_exists", "该机构已在检查对象名录库中");
        }
        var target = new InspectionTarget { OrganizationId = org.Id, DivisionCode = org.DivisionCode, AddedBy = user.UserName };
        db.Add(target);
        await db.SaveChangesAsync(ct);
        return target;
    }

    public async Task<Inspector> AddInspectorAsync(InspectorInput input, CancellationToken ct)
    {
        InputRules.ThrowIfInvalid(input);
        var conflicts = (input.Conflicts ?? []).Distinct().ToList();
        var known = await db.Set<Organization>().Where(o => conflicts.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct);
        if (known.Count != conflicts.Count) throw AppProblem.Field("conflicts", "回避的机构不存在或不在您的管辖范围内");
        var certificate = input.CertificateNumber!.Trim();
        if (await db.Set<Inspector>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AnyAsync(i => i.CertificateNumber == certificate, ct))
        {
            throw AppProblem.Field("certificateNumber", "该执法证号已登记");
        }
        var inspector = new Inspector
        {
            DivisionCode = UserDivision,
            Name = input.Name!.Trim(),
            CertificateNumber = certificate,
            Field = input.Field!.Trim(),
            UserName = string.IsNullOrWhiteSpace(input.UserName) ? null : input.UserName.Trim(),
            Conflicts = string.Join(',', conflicts),
        };
        db.Add(inspector);
        await db.SaveChangesAsync(ct);
        return inspector;
    }

    /// <summary>The homes on the list in this user's scope, with the directory's fields from the registry.</summary>
    public IQueryable<TargetRow> Targets(bool registeredOnly = false) =>
        from t in db.Set<InspectionTarget>().AsNoTracking()
        join o in db.Set<Organization>().AsNoTracking() on t.OrganizationId equals o.Id
        where t.Active && (!registeredOnly || o.Status == OrganizationStatus.Active)
        orderby o.Name
        select new TargetRow(t.Id, o.Id, o.Name, o.CreditCode ?? o.PlatformNumber ?? "", o.LegalRepresentativeName, o.Address, o.PhoneMasked, o.DivisionCode, o.Status == OrganizationStatus.Active);

    public sealed record TargetRow(Guid Id, Guid OrganizationId, string Name, string Code, string LegalRepresentative, string Address, string? Phone, string DivisionCode, bool Registered);

    /// <summary>
    /// Draws homes and inspectors for a matter from the lists in the user's scope, stores the seed and the population, and
    /// opens one inspection per drawn home. A population that cannot give two conflict-free inspectors per home is refused whole.
    /// </summary>
    public async Task<InspectionDrawRecord> DrawAsync(DrawRequest input, CancellationToken ct)
    {
        InputRules.ThrowIfInvalid(input);
        var division = UserDivision;
        var matter = await db.Set<InspectionMatter>().FirstOrDefaultAsync(m => m.Id == input.MatterId && m.Active, ct)
            ?? throw AppProblem.Field("matterId", "抽查事项不存在或已停用");
        var today = clock.Today;
        var ratio = input.RatioPercent ?? figures.Require(OversightFigures.DrawRatio, division.Length == 12 ? division : division.PadRight(12, '0'), today).Row.Percent
            ?? throw AppProblem.Field("ratioPercent", "请填写抽查比例");
        var homes = (await Targets(registeredOnly: true).ToListAsync(ct)).Select(t => new DrawHome(t.OrganizationId, t.Name)).ToList();
        var inspectors = (await db.Set<Inspector>().AsNoTracking().Where(i => i.Active).ToListAsync(ct))
            .Select(i => new DrawInspector(i.Id, i.Name, i.ConflictIds)).ToList();
        var drawInput = new DrawInput(InspectionDraw.NewSeed(), ratio, input.InspectorsPerHome ?? InspectionDraw.MinimumInspectors, homes, inspectors);
        var result = InspectionDraw.Draw(drawInput);
        if (!result.Ok) throw new AppProblem(409, "draw_impossible", "无法抽取：" + string.Join("；", result.Problems));

        var number = await numbers.NextAsync(new NumberSeries("SJ" + division[..6], today.Year, 3),
            db.Set<InspectionDrawRecord>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Select(d => (string?)d.Number), ct);
        var draw = new InspectionDrawRecord
        {
            Number = number,
            DivisionCode = division,
            MatterId = matter.Id,
            MatterName = matter.Name,
            RatioPercent = ratio,
            InspectorsPerHome = drawInput.InspectorsPerHome,
            Seed = drawInput.Seed,
            Population = JsonSerializer.Serialize(new { drawInput.Homes, drawInput.Inspectors }, Json),
            Picks = JsonSerializer.Serialize(result.Picks, Json),
            DrawnOn = today,
            DrawnBy = user.UserName,
        };
        db.Add(draw);
        var names = inspectors.ToDictionary(i => i.Id, i => i.Name);
        var homeDivisions = await db.Set<Organization>().Where(o => result.Picks.Select(p => p.HomeId).Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.DivisionCode, ct);
        var seq = 0;
        foreach (var pick in result.Picks)
        {
            db.Add(new Inspection
            {
                Number = $"{number}-{++seq:D3}",
                DrawId = draw.Id,
                MatterId = matter.Id,
                MatterName = matter.Name,
                OrganizationId = pick.HomeId,
                HomeName = homes.First(h => h.Id == pick.HomeId).Name,
                DivisionCode = homeDivisions[pick.HomeId],
                InspectorIds = string.Join(',', pick.InspectorIds),
                InspectorNames = string.Join("、", pick.InspectorIds.Select(i => names[i])),
            });
        }
        await db.SaveChangesAsync(ct);
        return draw;
    }

    /// <summary>Runs the stored draw again from its seed and population: anyone can check the picks were not chosen by hand.</summary>
    public async Task<(bool Same, DrawResult Replayed)> ReplayAsync(Guid drawId, CancellationToken ct)
    {
        var draw = await db.Set<InspectionDrawRecord>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == drawId, ct) ?? throw AppProblem.NotFound("抽取记录");
        var population = JsonSerializer.Deserialize<PopulationJson>(draw.Population, Json)!;
        var replayed = InspectionDraw.Draw(new DrawInput(draw.Seed, draw.RatioPercent, draw.InspectorsPerHome, population.Homes, population.Inspectors));
        return (JsonSerializer.Serialize(replayed.Picks, Json) == draw.Picks, replayed);
    }

    private sealed record PopulationJson(List<DrawHome> Homes, List<DrawInspector> Inspectors);

    public async Task<Inspection> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Set<Inspection>().Include(i => i.Rectifications).FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw AppProblem.NotFound("检查记录");

    /// <summary>Whether this user may record the inspection: one of its drawn inspectors (by account), or a holder of the manage permission entering a paper record.</summary>
    public async Task<bool> MayRecordAsync(Inspection inspection, CancellationToken ct)
    {
        if (user.HasPermission(InspectionPermissions.Manage)) return true;
        if (!user.HasPermission(InspectionPermissions.Record)) return false;
        var ids = inspection.InspectorIds.Split(',').Select(Guid.Parse).ToList();
        // the directory is the county's (a township clerk does not see it); only whether this account is one of the drawn ids is read
        return await db.Set<Inspector>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AnyAsync(i => ids.Contains(i.Id) && i.UserName == user.UserName, ct);
    }

    /// <summary>
    /// Records the on-site check: every checklist item answered, each 不符合 with a rectification (deadline in working days on
    /// the kernel calendar, the configured default when none is given), and the last day to publish. All or nothing.
    /// </summary>
    public async Task<Inspection> RecordAsync(Guid id, RecordInput input, CancellationToken ct)
    {
        InputRules.ThrowIfInvalid(input);
        var inspection = await LoadAsync(id, ct);
        if (!await MayRecordAsync(inspection, ct)) throw AppProblem.Forbidden("只有抽中的检查人员可以录入检查结果");
        if (inspection.State != InspectionState.Drawn) throw AppProblem.Conflict("inspection_recorded", "该检查已录入结果");
        if (input.Version is { } v) db.ExpectVersion(inspection, v);
        var today = clock.Today;
        var errors = new ValidationErrors();
        // the draw is the county's record (a township inspector does not see it); only its date is read, for the inspection in scope
        var draw = await db.Set<InspectionDrawRecord>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking().FirstAsync(d => d.Id == inspection.DrawId, ct);
        if (input.InspectedOn is not { } on) errors.Add("inspectedOn", "请填写检查日期");
        else if (on > today) errors.Add("inspectedOn", "检查日期不能晚于今天");
        else if (on < draw.DrawnOn) errors.Add("inspectedOn", $"检查日期不能早于抽取日期 {draw.DrawnOn:yyyy-MM-dd}");
        var results = input.Results ?? [];
        foreach (var item in InspectionChecklist.Items.Where(i => !results.ContainsKey(i.Code))) errors.Add($"results.{item.Code}", $"“{item.Name}”未填写检查结论");
        foreach (var (code, answer) in results)
        {
            if (InspectionChecklist.Find(code) is null) errors.Add($"results.{code}", "没有这个检查项目");
            else if (!InspectionChecklist.Answers.Contains(answer)) errors.Add($"results.{code}", "结论应为 pass（符合）、fail（不符合）或 na（不适用）");
        }
        var rectifications = input.Rectifications ?? [];
        for (var i = 0; i < rectifications.Count; i++)
        {
            var r = rectifications[i];
            if (r.ItemCode is { } code && InspectionChecklist.Find(code) is null) errors.Add($"rectifications[{i}].itemCode", "没有这个检查项目");
            else if (r.ItemCode is { } c && results.GetValueOrDefault(c) != InspectionChecklist.Fail) errors.Add($"rectifications[{i}].itemCode", "只有“不符合”的项目需要整改");
        }
        foreach (var failed in results.Where(r => r.Value == InspectionChecklist.Fail).Select(r => r.Key))
        {
            if (!rectifications.Any(r => r.ItemCode == failed)) errors.Add($"results.{failed}", "不符合的项目须提出整改要求");
        }
        if (results.ContainsValue(InspectionChecklist.Fail) && string.IsNullOrWhiteSpace(input.Findings)) errors.Add("findings", "发现问题的，请写明检查发现");
        errors.ThrowIfAny();

        var inspectedOn = input.InspectedOn!.Value;
        var county = inspection.DivisionCode[..6].PadRight(12, '0');
        var publishDays = figures.Require(OversightFigures.PublishWorkingDays, county, inspectedOn).Number;
        int? defaultDays = rectifications.Any(r => r.WorkingDays is null) ? figures.Require(OversightFigures.RectifyWorkingDays, county, inspectedOn).Number : null;
        inspection.InspectedOn = inspectedOn;
        inspection.Results = JsonSerializer.Serialize(results.OrderBy(r => r.Key, StringComparer.Ordinal).ToDictionary(), Json);
        inspection.Findings = string.IsNullOrWhiteSpace(input.Findings) ? null : input.Findings.Trim();
        inspection.Conclusion = rectifications.Count > 0 ? InspectionConclusion.Rectify : InspectionConclusion.Passed;
        inspection.RecordedBy = user.UserName;
        inspection.State = InspectionState.Inspected;
        inspection.PublishDueOn = calendar.AddWorkingDays(inspectedOn, publishDays);
        foreach (var r in rectifications)
        {
            // added explicitly: a new child with its key already set would otherwise be taken for an existing row
            db.Add(new Rectification
            {
                InspectionId = inspection.Id,
                DivisionCode = inspection.DivisionCode,
                ItemCode = r.ItemCode!,
                Requirement = r.Requirement!.Trim(),
                DueOn = calendar.AddWorkingDays(inspectedOn, r.WorkingDays ?? defaultDays!.Value),
            });
        }
        await db.SaveChangesAsync(ct);
        return inspection;
    }

    public async Task<Rectification> CompleteAsync(Guid rectificationId, CompleteInput input, CancellationToken ct)
    {
        InputRules.ThrowIfInvalid(input);
        var r = await db.Set<Rectification>().FirstOrDefaultAsync(x => x.Id == rectificationId, ct) ?? throw AppProblem.NotFound("整改事项");
        if (r.CompletedOn is not null) throw AppProblem.Conflict("rectification_done", "该整改事项已销号");
        if (input.Version is { } v) db.ExpectVersion(r, v);
        var on = input.CompletedOn ?? clock.Today;
        if (on > clock.Today) throw AppProblem.Field("completedOn", "完成日期不能晚于今天");
        r.CompletedOn = on;
        r.CompletionNote = input.Note!.Trim();
        await db.SaveChangesAsync(ct);
        return r;
    }

    /// <summary>Makes the result public (一公开): the home, the matter, the date, the conclusion and the problems with their deadlines.</summary>
    public async Task<Inspection> PublishAsync(Guid id, int? version, CancellationToken ct)
    {
        var inspection = await LoadAsync(id, ct);
        if (inspection.State == InspectionState.Drawn) throw AppProblem.Conflict("inspection_not_recorded", "尚未录入检查结果，不能公开");
        if (inspection.State == InspectionState.Published) throw AppProblem.Conflict("inspection_published", "检查结果已公开");
        if (version is { } v) db.ExpectVersion(inspection, v);
        inspection.State = InspectionState.Published;
        inspection.PublishedOn = clock.Today;
        await db.SaveChangesAsync(ct);
        return inspection;
    }

    public sealed record PublicEntry(string Number, string Home, string County, string Matter, DateOnly InspectedOn, string Conclusion, DateOnly PublishedOn,
        IReadOnlyList<PublicProblem> Problems);

    public sealed record PublicProblem(string Item, string Requirement, DateOnly DueOn, string Status);

    /// <summary>
    /// The published results for anyone (一公开): read across scopes on purpose, and only what the publication shows — no
    /// inspector names, no findings text beyond the checklist item and the requirement.
    /// </summary>
    public async Task<Paged<PublicEntry>> PublishedAsync(string? q, PageRequest page, CancellationToken ct)
    {
        var rows = db.Set<Inspection>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking().Where(i => i.State == InspectionState.Published);
        if (!string.IsNullOrWhiteSpace(q)) rows = rows.Where(i => i.HomeName.Contains(q.Trim()));
        var paged = await rows.OrderByDescending(i => i.PublishedOn).ThenBy(i => i.Number).Include(i => i.Rectifications).ToPagedAsync(page, ct);
        var today = clock.Today;
        return new Paged<PublicEntry>([.. paged.Items.Select(i => new PublicEntry(i.Number, i.HomeName, divisions.NameOf(i.DivisionCode[..6].PadRight(12, '0')), i.MatterName,
            i.InspectedOn!.Value, ConclusionName(i.Conclusion), i.PublishedOn!.Value,
            [.. i.Rectifications.OrderBy(r => r.ItemCode, StringComparer.Ordinal).Select(r => new PublicProblem(InspectionChecklist.Find(r.ItemCode)?.Name ?? r.ItemCode, r.Requirement, r.DueOn, RectificationStatus(r, today)))]))],
            paged.Total, paged.Page, paged.PageSize);
    }

    public static string ConclusionName(InspectionConclusion? c) => c switch
    {
        InspectionConclusion.Passed => "未发现问题",
        InspectionConclusion.Rectify => "发现问题，责令整改",
        _ => "尚未检查",
    };

    public static string StateName(InspectionState s) => s switch
    {
        InspectionState.Drawn => "待检查",
        InspectionState.Inspected => "待公开",
        _ => "已公开",
    };

    public static string RectificationStatus(Rectification r, DateOnly today) =>
        r.CompletedOn is { } done ? $"已整改（{done:yyyy-MM-dd}）" : r.DueOn < today ? "逾期未整改" : "整改中";

    /// <summary>Open rectifications past their deadline, in scope (the overdue alert).</summary>
    public IQueryable<Rectification> Overdue() { var today = clock.Today; return db.Set<Rectification>().AsNoTracking().Where(r => r.CompletedOn == null && r.DueOn < today); }

    /// <summary>Recorded results not yet public after the configured working days.</summary>
    public IQueryable<Inspection> PublicationOverdue() { var today = clock.Today; return db.Set<Inspection>().AsNoTracking().Where(i => i.State == InspectionState.Inspected && i.PublishDueOn < today); }
}

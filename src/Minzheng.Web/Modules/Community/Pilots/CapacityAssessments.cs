using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Community.Pilots;

public sealed record CapacityScoreInput
{
    [Text(PilotLimits.IndicatorCode)] public string? Code { get; init; }
    [Within(0, PilotLimits.MaxIndicatorScore)] public decimal? Score { get; init; }
    [Text(PilotLimits.ScoreNote)] public string? Note { get; init; }
}

/// <summary>An assessment as entered: the township and year (fixed once created), the day, the assessors, one score per indicator, the findings.</summary>
public sealed record CapacityAssessInput
{
    [Text(12)] public string? DivisionCode { get; init; }
    [Within(PilotLimits.FirstYear, PilotLimits.LastYear)] public int? Year { get; init; }
    public DateOnly? AssessedOn { get; init; }
    [Text(PilotLimits.Assessors)] public string? Assessors { get; init; }
    [Text(PilotLimits.Findings)] public string? Findings { get; init; }
    [NoNullItems] public IReadOnlyList<CapacityScoreInput>? Scores { get; init; }

    /// <summary>The version edited (a change of an existing assessment only).</summary>
    public int? Version { get; init; }
}

public sealed record FollowUpInput
{
    [Text(PilotLimits.Action)] public string? Action { get; init; }
    [Text(PilotLimits.Responsible)] public string? Responsible { get; init; }
    public DateOnly? DueOn { get; init; }
}

public sealed record FollowUpDoneInput
{
    public int? Version { get; init; }
    public DateOnly? DoneOn { get; init; }
    [Text(PilotLimits.Note)] public string? Note { get; init; }
}

public sealed record IndicatorInput
{
    [Text(PilotLimits.IndicatorCode)] public string? Code { get; init; }
    [Text(PilotLimits.IndicatorName)] public string? Name { get; init; }
    [Text(PilotLimits.IndicatorGroup)] public string? Group { get; init; }
    [Within(1, PilotLimits.MaxIndicatorScore)] public int? MaxScore { get; init; }
    [Within(0, 999)] public int? SortOrder { get; init; }
    [Text(PilotLimits.Description)] public string? Description { get; init; }
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
}

public sealed record IndicatorEndInput
{
    public int? Version { get; init; }
    public DateOnly? ValidTo { get; init; }
}

public sealed record CapacityFilter(string? County = null, int? Year = null, CapacityGrade? Grade = null);

public sealed record IndicatorDto(Guid Id, string Code, string Name, string Group, int MaxScore, int SortOrder, string Description, DateOnly ValidFrom, DateOnly? ValidTo,
    bool IsDemo, int Version);

public sealed record CapacityScoreDto(string Code, string Name, string Group, int MaxScore, decimal Score, string Note);

public sealed record FollowUpDto(Guid Id, string Action, string Responsible, DateOnly DueOn, DateOnly? DoneOn, string DoneNote, bool Overdue, int Version);

public sealed record CapacityListRow(Guid Id, string DivisionCode, string TownName, string CountyCode, string CountyName, int Year, DateOnly AssessedOn, decimal Total,
    decimal MaxTotal, decimal Score100, CapacityGrade? Grade, string GradeName, int OpenFollowUps, int OverdueFollowUps);

public sealed record CapacityDto(Guid Id, string DivisionCode, string TownName, string CountyCode, string CountyName, int Year, DateOnly AssessedOn, string Assessors,
    decimal Total, decimal MaxTotal, decimal Score100, CapacityGrade? Grade, string GradeName, string? GradeBasis, string Findings,
    IReadOnlyList<CapacityScoreDto> Scores, IReadOnlyList<FollowUpDto> FollowUps, int Version);

/// <summary>
/// 乡镇（街道）服务能力评估 (issue 18 item 5): the county scores each of its townships once a year against the indicator catalogue
/// in force on the assessment day (each score within 0..the indicator's maximum), the total graded by the thresholds in the
/// figure book (community/capacity-grade-min), with findings and follow-up actions due by a date, which are the county's tasks
/// until done. The catalogue is the city's (written by those whose scope is the whole city). Stale versions → 409.
/// </summary>
public sealed partial class CapacityAssessments(AppDbContext db, ICurrentUser user, DivisionDirectory divisions, FigureBook figures, BusinessClock clock, AuditLog audit)
{
    public const string EntityType = "com_capacity_assessment";
    public const string City = "450900000000";

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex CodePattern();

    // ---- the indicator catalogue

    public async Task<IReadOnlyList<CapacityIndicator>> IndicatorsAsync(DateOnly? on, CancellationToken ct = default)
    {
        var q = db.Set<CapacityIndicator>().AsNoTracking();
        if (on is { } d) q = q.Where(i => i.ValidFrom <= d && (i.ValidTo == null || i.ValidTo >= d));
        return await q.OrderBy(i => i.SortOrder).ThenBy(i => i.Code).ThenByDescending(i => i.ValidFrom).ToListAsync(ct);
    }

    /// <summary>The catalogue is the city's: only an account whose scope is the whole city changes it.</summary>
    public bool CanEditCatalogue => user.IsSystem || (user.HasPermission(CommunityPermissions.Oversee) && user.Scope.Contains(City));

    public async Task<CapacityIndicator> AddIndicatorAsync(IndicatorInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        if (!CanEditCatalogue) throw AppProblem.Forbidden("服务能力评估指标由市民政局统一制定");
        var errors = new ValidationErrors();
        var code = input.Code?.Trim() ?? "";
        if (!CodePattern().IsMatch(code)) errors.Add("code", "指标代码用小写字母开头，只含小写字母、数字和连字符");
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0) errors.Add("name", "请填写指标名称");
        if (input.MaxScore is null) errors.Add("maxScore", "请填写满分");
        if (input.ValidFrom is not { } from) errors.Add("validFrom", "请填写执行日期");
        else if (input.ValidTo is { } to && to < from) errors.Add("validTo", "截止日期不能早于执行日期");
        errors.ThrowIfAny();
        var start = input.ValidFrom!.Value;
        var overlap = await db.Set<CapacityIndicator>().AsNoTracking()
            .Where(i => i.Code == code && (i.ValidTo == null || i.ValidTo >= start) && (input.ValidTo == null || i.ValidFrom <= input.ValidTo))
            .OrderBy(i => i.ValidFrom).FirstOrDefaultAsync(ct);
        if (overlap is not null)
        {
            throw AppProblem.Conflict("com_indicator_overlap",
                $"指标“{overlap.Name}”（{code}）已有 {overlap.ValidFrom:yyyy-MM-dd} 至 {overlap.ValidTo?.ToString("yyyy-MM-dd") ?? "今"} 执行的版本，期间重叠：请先给原指标设置截止日期");
        }
        var row = new CapacityIndicator
        {
            Code = code,
            Name = name,
            Group = input.Group?.Trim() ?? "",
            MaxScore = input.MaxScore!.Value,
            SortOrder = input.SortOrder ?? 0,
            Description = input.Description?.Trim() ?? "",
            ValidFrom = start,
            ValidTo = input.ValidTo,
        };
        db.Add(row);
        audit.Add("capacity-indicator-add", "com_capacity_indicator", row.Id.ToString(), new { row.Code, row.Name, row.MaxScore, row.ValidFrom, row.ValidTo }, City);
        await db.SaveChangesAsync(ct);
        return row;
    }

    public async Task<CapacityIndicator> EndIndicatorAsync(Guid id, IndicatorEndInput input, CancellationToken ct = default)
    {
        if (!CanEditCatalogue) throw AppProblem.Forbidden("服务能力评估指标由市民政局统一制定");
        var row = await db.Set<CapacityIndicator>().FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw AppProblem.NotFound("服务能力评估指标");
        if (input.Version is not { } version) throw AppProblem.Field("version", "缺少版本号，请刷新页面后重新办理");
        db.ExpectVersion(row, version);
        if (input.ValidTo is not { } to) throw AppProblem.Field("validTo", "请填写截止日期");
        if (to < row.ValidFrom) throw AppProblem.Field("validTo", "截止日期不能早于执行日期");
        row.ValidTo = to;
        audit.Add("capacity-indicator-end", "com_capacity_indicator", row.Id.ToString(), new { row.Code, row.ValidTo }, City);
        await db.SaveChangesAsync(ct);
        return row;
    }

    public static IndicatorDto ToDto(CapacityIndicator i) =>
        new(i.Id, i.Code, i.Name, i.Group, i.MaxScore, i.SortOrder, i.Description, i.ValidFrom, i.ValidTo, i.IsDemo, i.Version);

    // ---- the grade thresholds

    /// <summary>The thresholds in force for a township on a day; null where any of the three is missing or they do not descend.</summary>
    public GradeThresholds? Thresholds(string divisionCode, DateOnly on, out string? basis)
    {
        var values = CapacityRules.GradeCategories.Select(c => figures.Find(PilotFigures.GradeMinimum, divisionCode, on, c.Code)).ToList();
        basis = null;
        if (values.Any(v => v?.Row.Number is null)) return null;
        var t = new GradeThresholds(values[0]!.Number, values[1]!.Number, values[2]!.Number);
        if (!t.IsOrdered) return null;
        basis = string.Join("；", values.Select(v => v!.Basis));
        return t;
    }

    // ---- assessments

    public IQueryable<CapacityAssessment> Query(CapacityFilter f)
    {
        var q = db.Set<CapacityAssessment>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.County))
        {
            if (divisions.Find(f.County.Trim()) is not { } d || d.Level is not (DivisionLevel.City or DivisionLevel.County or DivisionLevel.Town))
                throw AppProblem.Field("county", "请选择市、县（市、区）或乡镇");
            var prefix = DivisionCodes.ScopePrefix(d.Code);
            q = q.Where(a => a.DivisionCode.StartsWith(prefix));
        }
        if (f.Year is { } year) q = q.Where(a => a.Year == year);
        if (f.Grade is { } grade) q = q.Where(a => a.Grade == grade);
        return q.OrderByDescending(a => a.Year).ThenBy(a => a.DivisionCode).ThenBy(a => a.Id);
    }

    public async Task<Paged<CapacityListRow>> ListAsync(CapacityFilter f, PageRequest page, CancellationToken ct = default)
    {
        var rows = await Query(f).ToPagedAsync(page, ct);
        var ids = rows.Items.Select(a => a.Id).ToList();
        var open = await db.Set<CapacityFollowUp>().AsNoTracking().Where(x => ids.Contains(x.AssessmentId) && x.DoneOn == null)
            .Select(x => new { x.AssessmentId, x.DueOn }).ToListAsync(ct);
        var today = clock.Today;
        return rows.Select(a =>
        {
            var (town, county) = Places(a.DivisionCode);
            var mine = open.Where(o => o.AssessmentId == a.Id).ToList();
            return new CapacityListRow(a.Id, a.DivisionCode, town, county?.Code ?? "", county?.Name ?? "", a.Year, a.AssessedOn, a.Total, a.MaxTotal, a.Score100,
                a.Grade, CapacityRules.GradeName(a.Grade), mine.Count, mine.Count(o => CapacityRules.IsOverdue(o.DueOn, null, today)));
        });
    }

    public async Task<CapacityAssessment> LoadAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<CapacityAssessment>().Include(a => a.Scores).Include(a => a.FollowUps).AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, ct)
        ?? throw AppProblem.NotFound("乡镇（街道）服务能力评估");

    public async Task<CapacityDto> DtoAsync(Guid id, CancellationToken ct = default) => ToDto(await LoadAsync(id, ct));

    public async Task<CapacityAssessment> CreateAsync(CapacityAssessInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var errors = new ValidationErrors();
        var code = input.DivisionCode?.Trim() ?? "";
        if (divisions.Find(code) is not { Level: DivisionLevel.Town } || !user.Scope.Contains(code)) errors.Add("divisionCode", "请选择您管辖范围内的乡镇（街道）");
        var today = clock.Today;
        if (input.Year is not { } year) errors.Add("year", "请填写评估年度");
        else if (year > today.Year) errors.Add("year", "评估年度不能晚于今年");
        CheckDay(input.AssessedOn, input.Year, errors);
        errors.ThrowIfAny();

        var on = input.AssessedOn!.Value;
        var indicators = await IndicatorsAsync(on, ct);
        if (indicators.Count == 0)
            throw AppProblem.Conflict("com_no_indicators", $"{on:yyyy年M月d日}没有执行中的服务能力评估指标，请市民政局先在指标目录中录入");
        if (await db.Set<CapacityAssessment>().AnyAsync(a => a.DivisionCode == code && a.Year == input.Year, ct)) throw Exists(code, input.Year!.Value);

        var a = new CapacityAssessment { DivisionCode = code, Year = input.Year!.Value, AssessedOn = on };
        a.Scores = [.. indicators.Select(i => new CapacityScore
        {
            AssessmentId = a.Id,
            DivisionCode = code,
            IndicatorId = i.Id,
            Code = i.Code,
            Name = i.Name,
            Group = i.Group,
            MaxScore = i.MaxScore,
            SortOrder = i.SortOrder,
        })];
        Apply(a, input);
        db.Add(a);
        audit.Add("capacity-assess", EntityType, a.Id.ToString(), new { a.DivisionCode, a.Year, a.Total, a.Score100, a.Grade }, a.DivisionCode);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && UniqueViolation.Is(e))
        {
            throw Exists(code, a.Year);
        }
        return a;
    }

    /// <summary>Changes the day, the assessors, the scores and the findings of an assessment (the indicators it was scored on stay).</summary>
    public async Task<CapacityAssessment> UpdateAsync(Guid id, CapacityAssessInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var a = await LoadAsync(id, ct);
        if (input.Version is not { } version) throw AppProblem.Field("version", "缺少版本号，请刷新页面后重新编辑");
        db.ExpectVersion(a, version);
        var errors = new ValidationErrors();
        CheckDay(input.AssessedOn, a.Year, errors);
        errors.ThrowIfAny();
        a.AssessedOn = input.AssessedOn!.Value;
        Apply(a, input);
        // the parent row changes with its scores, so that a second editor's version goes stale
        db.Entry(a).Property(x => x.UpdatedAt).IsModified = true;
        audit.Add("capacity-update", EntityType, a.Id.ToString(), new { a.DivisionCode, a.Year, a.Total, a.Score100, a.Grade }, a.DivisionCode);
        await db.SaveChangesAsync(ct);
        return a;
    }

    private void CheckDay(DateOnly? assessedOn, int? year, ValidationErrors errors)
    {
        var today = clock.Today;
        if (assessedOn is not { } on) errors.Add("assessedOn", "请填写评估日期");
        else if (on > today) errors.Add("assessedOn", "评估日期不能晚于今天");
        else if (year is { } y && (on.Year < y || on.Year > y + 1)) errors.Add("assessedOn", $"评估日期应在评估年度（{y}年）内或次年");
    }

    /// <summary>Scores (each within its indicator's maximum), total, grade and the texts; throws every field error at once.</summary>
    private void Apply(CapacityAssessment a, CapacityAssessInput input)
    {
        var errors = new ValidationErrors();
        var scores = input.Scores ?? [];
        for (var i = 0; i < scores.Count; i++)
        {
            var s = scores[i];
            var row = a.Scores.FirstOrDefault(x => x.Code == s.Code?.Trim());
            if (row is null)
            {
                errors.Add($"scores[{i}].code", "没有这个指标（或评估日不在其执行期内）");
                continue;
            }
            if (CapacityRules.ScoreError(s.Score, row.MaxScore) is { } message) errors.Add($"scores[{i}].score", $"{row.Name}：{message}");
        }
        var missing = a.Scores.Where(r => scores.All(s => s.Code?.Trim() != r.Code)).Select(r => r.Name).ToList();
        if (missing.Count > 0) errors.Add("scores", $"请为每项指标评分，缺少：{string.Join("、", missing)}");
        errors.ThrowIfAny();
        foreach (var s in scores)
        {
            var row = a.Scores.First(x => x.Code == s.Code!.Trim());
            row.Score = s.Score!.Value;
            row.Note = s.Note?.Trim() ?? "";
        }
        a.Assessors = input.Assessors?.Trim() ?? "";
        a.Findings = input.Findings?.Trim() ?? "";
        a.Total = a.Scores.Sum(s => s.Score);
        a.MaxTotal = a.Scores.Sum(s => s.MaxScore);
        a.Score100 = CapacityRules.Normalised(a.Total, a.MaxTotal);
        a.Grade = CapacityRules.Grade(a.Score100, Thresholds(a.DivisionCode, a.AssessedOn, out _));
    }

    public async Task<CapacityFollowUp> AddFollowUpAsync(Guid id, FollowUpInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var a = await LoadAsync(id, ct);
        var errors = new ValidationErrors();
        var action = input.Action?.Trim() ?? "";
        if (action.Length == 0) errors.Add("action", "请填写整改事项");
        if (input.DueOn is not { } due) errors.Add("dueOn", "请填写整改期限");
        else if (due < a.AssessedOn) errors.Add("dueOn", "整改期限不能早于评估日期");
        errors.ThrowIfAny();
        var f = new CapacityFollowUp
        {
            AssessmentId = a.Id,
            DivisionCode = a.DivisionCode,
            Action = action,
            Responsible = input.Responsible?.Trim() ?? "",
            DueOn = input.DueOn!.Value,
        };
        db.Add(f);
        audit.Add("capacity-follow-up", EntityType, a.Id.ToString(), new { followUp = f.Id, f.Action, f.DueOn }, a.DivisionCode);
        await db.SaveChangesAsync(ct);
        return f;
    }

    public async Task<CapacityFollowUp> CompleteFollowUpAsync(Guid followUpId, FollowUpDoneInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var f = await db.Set<CapacityFollowUp>().FirstOrDefaultAsync(x => x.Id == followUpId, ct) ?? throw AppProblem.NotFound("整改事项");
        if (input.Version is not { } version) throw AppProblem.Field("version", "缺少版本号，请刷新页面后重新办理");
        db.ExpectVersion(f, version);
        if (f.DoneOn is { } done) throw AppProblem.Conflict("com_follow_up_done", $"该整改事项已于{done:yyyy年M月d日}完成");
        var assessedOn = await db.Set<CapacityAssessment>().Where(a => a.Id == f.AssessmentId).Select(a => a.AssessedOn).FirstAsync(ct);
        var errors = new ValidationErrors();
        if (input.DoneOn is not { } on) errors.Add("doneOn", "请填写完成日期");
        else if (on > clock.Today) errors.Add("doneOn", "完成日期不能晚于今天");
        else if (on < assessedOn) errors.Add("doneOn", "完成日期不能早于评估日期");
        errors.ThrowIfAny();
        f.DoneOn = input.DoneOn;
        f.DoneNote = input.Note?.Trim() ?? "";
        audit.Add("capacity-follow-up-done", EntityType, f.AssessmentId.ToString(), new { followUp = f.Id, f.DoneOn, f.DoneNote }, f.DivisionCode);
        await db.SaveChangesAsync(ct);
        return f;
    }

    private AppProblem Exists(string code, int year) =>
        AppProblem.Conflict("com_assessment_exists", $"{divisions.FullName(code)}已有{year}年度服务能力评估，每个乡镇（街道）每年评估一次；请修改已有的评估");

    private (string Town, Division? County) Places(string code)
    {
        var path = divisions.PathOf(code);
        return (divisions.NameOf(code), path.FirstOrDefault(d => d.Level == DivisionLevel.County));
    }

    public CapacityDto ToDto(CapacityAssessment a)
    {
        var today = clock.Today;
        var (town, county) = Places(a.DivisionCode);
        Thresholds(a.DivisionCode, a.AssessedOn, out var basis);
        return new(a.Id, a.DivisionCode, town, county?.Code ?? "", county?.Name ?? "", a.Year, a.AssessedOn, a.Assessors, a.Total, a.MaxTotal, a.Score100,
            a.Grade, CapacityRules.GradeName(a.Grade), basis, a.Findings,
            [.. a.Scores.OrderBy(s => s.SortOrder).ThenBy(s => s.Code).Select(s => new CapacityScoreDto(s.Code, s.Name, s.Group, s.MaxScore, s.Score, s.Note))],
            [.. a.FollowUps.OrderBy(f => f.DueOn).ThenBy(f => f.Id)
                .Select(f => new FollowUpDto(f.Id, f.Action, f.Responsible, f.DueOn, f.DoneOn, f.DoneNote, CapacityRules.IsOverdue(f.DueOn, f.DoneOn, today), f.Version))],
            a.Version);
    }
}

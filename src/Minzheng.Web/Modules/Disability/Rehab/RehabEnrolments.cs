using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Disability.Rehab;

public sealed record RehabEnrolInput(Guid? ContractId, Guid? PersonId, DateOnly? EnrolledOn, string? Diagnosis, string? Goals, int? SessionsPerMonth, int? EntryScore, string? Assessor);

public sealed record RehabPlanInput(string? Diagnosis, string? Goals, int? SessionsPerMonth, int? Version);

public sealed record RehabExitInput(DateOnly? ExitedOn, string? Reason, string? Note, int? Version);

public sealed record RehabSessionInput(DateOnly? HeldOn, string? Type, int? Minutes, string? Staff);

public sealed record RehabScoreInput(DateOnly? ScoredOn, int? Score, string? Assessor);

public sealed record RehabEnrolmentFilter(Guid? ContractId = null, bool? Active = null);

/// <summary>A score as shown: on which scale, and where it sits on it.</summary>
public sealed record RehabScoreView(Guid Id, DateOnly ScoredOn, bool IsEntry, int Score, string Scale, string ScaleName, int ScaleMin, int ScaleMax, string Assessor);

/// <summary>
/// An enrolment as a user with the roll sees it. <see cref="Diagnosis"/> and <see cref="DiagnosisName"/> are null — and then absent
/// from the JSON, not masked — for a user without the diagnosis permission.
/// </summary>
public sealed record RehabEnrolmentView(Guid Id, string Number, Guid ContractId, string ContractNumber, string ProviderName, Guid PersonId, string PersonName, string PersonNumber,
    string DivisionCode, DateOnly EnrolledOn,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Diagnosis,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DiagnosisName,
    string Goals, int SessionsPerMonth, DateOnly? ExitedOn, string? ExitReason, string? ExitReasonName, string? ExitNote,
    RehabScoreView? EntryScore, RehabScoreView? LatestReview, int? ScoreChange, string? ChangeNote, int Sessions, bool IsDemo, int Version);

/// <summary>
/// The restricted side of community mental-health rehabilitation: enrolling a registry person with a contract (plan, diagnosis
/// category, entry score), sessions, review scores, exit. Without <see cref="RehabPermissions.Enrolments"/> every read and write
/// answers 404 and every list is empty, so that not even an enrolment's existence leaks; the diagnosis is read and written only
/// with <see cref="RehabPermissions.Diagnosis"/>. Reads are audited (who looked at whose restricted record), as writes are.
/// </summary>
public sealed class RehabEnrolments(AppDbContext db, ICurrentUser user, CaseNumbers numbers, FigureBook figures, AuditLog audit, BusinessClock clock)
{
    public const string EntityType = "disability_rehab_enrolment";

    public bool CanSee => user.HasPermission(RehabPermissions.Enrolments);
    public bool CanSeeDiagnosis => CanSee && user.HasPermission(RehabPermissions.Diagnosis);

    /// <summary>The enrolments the user may see: none at all without the permission.</summary>
    public IQueryable<RehabEnrolment> Visible(RehabEnrolmentFilter? filter = null)
    {
        var q = db.Set<RehabEnrolment>().AsNoTracking();
        if (!CanSee) return q.Where(e => false);
        if (filter?.ContractId is { } c) q = q.Where(e => e.ContractId == c);
        if (filter?.Active is { } active) q = active ? q.Where(e => e.ExitedOn == null) : q.Where(e => e.ExitedOn != null);
        return q;
    }

    private static AppProblem Missing() => AppProblem.NotFound("康复服务对象");

    /// <summary>404 without the permission, exactly as for a record that does not exist.</summary>
    public async Task<RehabEnrolment> LoadAsync(Guid id, CancellationToken ct = default)
    {
        if (!CanSee) throw Missing();
        return await db.Set<RehabEnrolment>().FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw Missing();
    }

    /// <summary>One enrolment for reading: the view, and an audit entry that this user looked at it.</summary>
    public async Task<RehabEnrolmentView> ReadAsync(Guid id, CancellationToken ct = default)
    {
        var e = await LoadAsync(id, ct);
        await audit.RecordAsync("view", EntityType, e.Id.ToString(), new { e.Number, diagnosis = CanSeeDiagnosis }, e.DivisionCode, ct: ct);
        return (await ViewsAsync([e], ct))[0];
    }

    public async Task<RehabEnrolment> EnrolAsync(RehabEnrolInput input, bool isDemo = false, CancellationToken ct = default)
    {
        if (!CanSee) throw Missing();
        var errors = new ValidationErrors();
        RehabContract? contract = null;
        if (input.ContractId is not { } cid) errors.Add("contractId", "请选择购买合同（服务机构）");
        else if ((contract = await db.Set<RehabContract>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == cid, ct)) is null) errors.Add("contractId", "购买合同不存在或不在您的管辖范围内");
        Person? person = null;
        if (input.PersonId is not { } pid) errors.Add("personId", "请选择服务对象（人口信息库中的人员）");
        else if ((person = await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pid, ct)) is null) errors.Add("personId", "人员不存在或不在您的管辖范围内");
        else if (person.LifeStatus != LifeStatus.Alive) errors.Add("personId", "该人员已登记死亡");
        else if (contract is not null && !person.DivisionCode.StartsWith(Platform.Divisions.DivisionCodes.ScopePrefix(contract.DivisionCode), StringComparison.Ordinal))
        {
            errors.Add("personId", "服务对象不在购买方辖区内");
        }
        if (input.EnrolledOn is not { } on) errors.Add("enrolledOn", "请填写纳入日期");
        else if (on > clock.Today) errors.Add("enrolledOn", "纳入日期不能晚于今天");
        else if (contract is not null && (on < contract.ValidFrom || on > contract.ValidTo)) errors.Add("enrolledOn", $"纳入日期须在合同服务期内（{contract.ValidFrom:yyyy-MM-dd} 至 {contract.ValidTo:yyyy-MM-dd}）");
        var diagnosis = ReadDiagnosis(input.Diagnosis, required: CanSeeDiagnosis, errors);
        ReadPlan(input.Goals, input.SessionsPerMonth, errors);
        var assessor = ReadText(input.Assessor, "assessor", "评估人", 50, errors);
        var scale = input.EnrolledOn is { } d && contract is not null && person is not null ? ScaleOn(person.DivisionCode, d) : null;
        if (input.EntryScore is not { } score) errors.Add("entryScore", "请填写入组时的功能评估分");
        else if (scale is not null && (score < scale.Min || score > scale.Max)) errors.Add("entryScore", $"分值须在{scale.Name}的 {scale.Min} 至 {scale.Max} 分之间");
        errors.ThrowIfAny();
        if (await db.Set<RehabEnrolment>().AnyAsync(e => e.PersonId == person!.Id && e.ExitedOn == null, ct))
        {
            throw AppProblem.Conflict("disability_rehab_already_enrolled", $"{person!.Name} 已在康复服务中（须先办理退出）");
        }
        var enrolment = new RehabEnrolment
        {
            Number = await numbers.NextAsync(new NumberSeries("JKDX", input.EnrolledOn!.Value.Year, 5), db.Set<RehabEnrolment>().IgnoreQueryFilters().Select(e => (string?)e.Number), ct),
            ContractId = contract!.Id,
            PersonId = person!.Id,
            DivisionCode = person.DivisionCode,
            EnrolledOn = input.EnrolledOn!.Value,
            Diagnosis = diagnosis ?? "",
            Goals = input.Goals!.Trim(),
            SessionsPerMonth = input.SessionsPerMonth!.Value,
            IsDemo = isDemo,
        };
        db.Add(enrolment);
        db.Add(NewScore(enrolment, enrolment.EnrolledOn, input.EntryScore!.Value, scale!, assessor!, isEntry: true));
        // the audit keeps that someone was enrolled and with which contract, never the diagnosis
        audit.Add("enrol", EntityType, enrolment.Id.ToString(), new { enrolment.Number, contract = contract.Number }, enrolment.DivisionCode);
        await db.SaveChangesAsync(ct);
        return enrolment;
    }

    /// <summary>Changes the plan (and the diagnosis, with its permission); 409 on a stale version.</summary>
    public async Task<RehabEnrolment> UpdatePlanAsync(Guid id, RehabPlanInput input, CancellationToken ct = default)
    {
        var e = await LoadAsync(id, ct);
        var errors = new ValidationErrors();
        if (input.Version is null) errors.Add("version", "缺少版本号");
        var diagnosis = ReadDiagnosis(input.Diagnosis, required: false, errors);
        ReadPlan(input.Goals, input.SessionsPerMonth, errors);
        errors.ThrowIfAny();
        db.ExpectVersion(e, input.Version!.Value);
        if (e.ExitedOn is not null) throw AppProblem.Conflict("disability_rehab_exited", $"{e.Number} 已于 {e.ExitedOn:yyyy-MM-dd} 退出康复服务");
        if (diagnosis is not null) e.Diagnosis = diagnosis;
        e.Goals = input.Goals!.Trim();
        e.SessionsPerMonth = input.SessionsPerMonth!.Value;
        audit.Add("plan", EntityType, e.Id.ToString(), new { e.Number, e.SessionsPerMonth, diagnosisChanged = diagnosis is not null }, e.DivisionCode);
        await db.SaveChangesAsync(ct);
        return e;
    }

    public async Task<RehabEnrolment> ExitAsync(Guid id, RehabExitInput input, CancellationToken ct = default)
    {
        var e = await LoadAsync(id, ct);
        var errors = new ValidationErrors();
        if (input.Version is null) errors.Add("version", "缺少版本号");
        if (input.ExitedOn is not { } on) errors.Add("exitedOn", "请填写退出日期");
        else if (on < e.EnrolledOn) errors.Add("exitedOn", $"退出日期不能早于纳入日期 {e.EnrolledOn:yyyy-MM-dd}");
        else if (on > clock.Today) errors.Add("exitedOn", "退出日期不能晚于今天");
        var reason = RehabCodes.Read(RehabCodes.ExitReasons, input.Reason);
        if (reason is null) errors.Add("reason", $"请选择退出原因（{string.Join("、", RehabCodes.ExitReasons.Select(r => r.Name))}）");
        var note = string.IsNullOrWhiteSpace(input.Note) ? null : ReadText(input.Note, "note", "说明", 200, errors);
        errors.ThrowIfAny();
        db.ExpectVersion(e, input.Version!.Value);
        if (e.ExitedOn is not null) throw AppProblem.Conflict("disability_rehab_exited", $"{e.Number} 已于 {e.ExitedOn:yyyy-MM-dd} 退出康复服务");
        if (await db.Set<RehabSession>().AnyAsync(s => s.EnrolmentId == e.Id && s.HeldOn > input.ExitedOn!.Value, ct))
        {
            throw AppProblem.Field("exitedOn", "退出日期之后还有服务记录");
        }
        e.ExitedOn = input.ExitedOn!.Value;
        e.ExitReason = reason;
        e.ExitNote = note;
        audit.Add("exit", EntityType, e.Id.ToString(), new { e.Number, e.ExitedOn, e.ExitReason }, e.DivisionCode);
        await db.SaveChangesAsync(ct);
        return e;
    }

    public async Task<RehabSession> RecordSessionAsync(Guid enrolmentId, RehabSessionInput input, CancellationToken ct = default)
    {
        var e = await LoadAsync(enrolmentId, ct);
        var contract = await db.Set<RehabContract>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == e.ContractId, ct) ?? throw Missing();
        var errors = new ValidationErrors();
        if (input.HeldOn is not { } on) errors.Add("heldOn", "请填写服务日期");
        else if (on < e.EnrolledOn) errors.Add("heldOn", $"服务日期不能早于纳入日期 {e.EnrolledOn:yyyy-MM-dd}");
        else if (e.ExitedOn is { } exit && on > exit) errors.Add("heldOn", $"服务日期不能晚于退出日期 {exit:yyyy-MM-dd}");
        else if (on < contract.ValidFrom || on > contract.ValidTo) errors.Add("heldOn", $"服务日期须在合同服务期内（{contract.ValidFrom:yyyy-MM-dd} 至 {contract.ValidTo:yyyy-MM-dd}）");
        else if (on > clock.Today) errors.Add("heldOn", "服务日期不能晚于今天");
        var type = RehabCodes.Read(RehabCodes.SessionTypes, input.Type);
        if (type is null) errors.Add("type", $"请选择服务类型（{string.Join("、", RehabCodes.SessionTypes.Select(t => t.Name))}）");
        if (input.Minutes is not (>= 10 and <= 480)) errors.Add("minutes", "时长应为 10 至 480 分钟");
        var staff = ReadText(input.Staff, "staff", "服务人员", 50, errors);
        errors.ThrowIfAny();
        var month = Entitlements.MonthOf(input.HeldOn!.Value);
        if (await db.Set<RehabSettlement>().AnyAsync(s => s.ContractId == e.ContractId && s.Month == month, ct))
        {
            throw AppProblem.Conflict("disability_rehab_month_settled", $"合同 {contract.Number} {month:yyyy年M月} 已结算，不能再登记该月的康复服务记录");
        }
        var session = new RehabSession
        {
            EnrolmentId = e.Id,
            ContractId = e.ContractId,
            DivisionCode = e.DivisionCode,
            HeldOn = input.HeldOn!.Value,
            Type = type!,
            Minutes = input.Minutes!.Value,
            Staff = staff!,
            CreatedBy = user.UserName,
            CreatedAt = clock.UtcNow,
        };
        db.Add(session);
        audit.Add("session", EntityType, e.Id.ToString(), new { e.Number, session.HeldOn, session.Type, session.Minutes }, e.DivisionCode);
        await db.SaveChangesAsync(ct);
        return session;
    }

    /// <summary>A review score, validated against the scale in force on its date for the person's county.</summary>
    public async Task<RehabScore> ReviewAsync(Guid enrolmentId, RehabScoreInput input, CancellationToken ct = default)
    {
        var e = await LoadAsync(enrolmentId, ct);
        var errors = new ValidationErrors();
        RehabScale? scale = null;
        if (input.ScoredOn is not { } on) errors.Add("scoredOn", "请填写评估日期");
        else if (on <= e.EnrolledOn) errors.Add("scoredOn", $"复评日期须晚于纳入日期 {e.EnrolledOn:yyyy-MM-dd}");
        else if (e.ExitedOn is { } exit && on > exit) errors.Add("scoredOn", $"评估日期不能晚于退出日期 {exit:yyyy-MM-dd}");
        else if (on > clock.Today) errors.Add("scoredOn", "评估日期不能晚于今天");
        else scale = ScaleOn(e.DivisionCode, on);
        if (input.Score is not { } score) errors.Add("score", "请填写功能评估分");
        else if (scale is not null && (score < scale.Min || score > scale.Max)) errors.Add("score", $"分值须在{scale.Name}的 {scale.Min} 至 {scale.Max} 分之间（{input.ScoredOn:yyyy-MM-dd} 执行的量表）");
        var assessor = ReadText(input.Assessor, "assessor", "评估人", 50, errors);
        errors.ThrowIfAny();
        var row = NewScore(e, input.ScoredOn!.Value, input.Score!.Value, scale!, assessor!, isEntry: false);
        db.Add(row);
        audit.Add("score", EntityType, e.Id.ToString(), new { e.Number, row.ScoredOn, row.Score, row.Scale }, e.DivisionCode);
        await db.SaveChangesAsync(ct);
        return row;
    }

    /// <summary>The scale in force for a division on a date (the county's figures first, then the city's); 409 standard_missing when none is.</summary>
    public RehabScale ScaleOn(string divisionCode, DateOnly date)
    {
        var scale = figures.Require(RehabFigures.Scale, divisionCode, date);
        var min = figures.Require(RehabFigures.ScaleMin, divisionCode, date);
        var max = figures.Require(RehabFigures.ScaleMax, divisionCode, date);
        var code = scale.Row.Choice ?? "";
        return new RehabScale(code, RehabFigures.ScaleName(code), min.Number, max.Number);
    }

    public sealed record RehabScale(string Code, string Name, int Min, int Max);

    private RehabScore NewScore(RehabEnrolment e, DateOnly on, int score, RehabScale scale, string assessor, bool isEntry) => new()
    {
        EnrolmentId = e.Id,
        DivisionCode = e.DivisionCode,
        ScoredOn = on,
        IsEntry = isEntry,
        Score = score,
        Scale = scale.Code,
        ScaleMin = scale.Min,
        ScaleMax = scale.Max,
        Assessor = assessor,
        CreatedBy = user.UserName,
        CreatedAt = clock.UtcNow,
    };

    /// <summary>The diagnosis code; given without the permission it is refused beside the field (one cannot write what one may not read).</summary>
    private string? ReadDiagnosis(string? input, bool required, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            if (required) errors.Add("diagnosis", $"请选择诊断类别（{string.Join("、", RehabCodes.Diagnoses.Select(d => d.Name))}）");
            return null;
        }
        if (!CanSeeDiagnosis)
        {
            errors.Add("diagnosis", "您没有登记诊断类别的权限");
            return null;
        }
        var code = RehabCodes.Read(RehabCodes.Diagnoses, input);
        if (code is null) errors.Add("diagnosis", $"未知的诊断类别，请选择：{string.Join("、", RehabCodes.Diagnoses.Select(d => d.Name))}");
        return code;
    }

    private static void ReadPlan(string? goals, int? sessionsPerMonth, ValidationErrors errors)
    {
        ReadText(goals, "goals", "康复目标", 500, errors);
        if (sessionsPerMonth is not (>= 1 and <= 31)) errors.Add("sessionsPerMonth", "服务频次应为每月 1 至 31 次");
    }

    private static string? ReadText(string? input, string field, string label, int max, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            errors.Add(field, $"请填写{label}");
            return null;
        }
        var t = input.Trim();
        if (t.Length > max)
        {
            errors.Add(field, $"{label}不能超过 {max} 个字");
            return null;
        }
        return t;
    }

    /// <summary>The views of a page of enrolments in four queries whatever its length (people, contracts, scores, session counts).</summary>
    public async Task<List<RehabEnrolmentView>> ViewsAsync(IReadOnlyList<RehabEnrolment> rows, CancellationToken ct = default)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var personIds = rows.Select(r => r.PersonId).Distinct().ToList();
        var contractIds = rows.Select(r => r.ContractId).Distinct().ToList();
        // IgnoreQueryFilters: a person who moved out of the user's scope after enrolment still has a name on the roll
        var people = await db.Persons.IgnoreQueryFilters().AsNoTracking().Where(p => personIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, p.IdNumberMasked, p.PlatformNumber }).ToDictionaryAsync(p => p.Id, ct);
        var contracts = await db.Set<RehabContract>().IgnoreQueryFilters().AsNoTracking().Where(c => contractIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Number, c.ProviderName }).ToDictionaryAsync(c => c.Id, ct);
        var scores = (await db.Set<RehabScore>().AsNoTracking().Where(s => ids.Contains(s.EnrolmentId)).ToListAsync(ct)).ToLookup(s => s.EnrolmentId);
        var sessions = await db.Set<RehabSession>().Where(s => ids.Contains(s.EnrolmentId)).GroupBy(s => s.EnrolmentId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var diagnosis = CanSeeDiagnosis;
        return rows.Select(e =>
        {
            var p = people.GetValueOrDefault(e.PersonId);
            var c = contracts.GetValueOrDefault(e.ContractId);
            var entry = scores[e.Id].FirstOrDefault(s => s.IsEntry);
            var latest = scores[e.Id].Where(s => !s.IsEntry).OrderByDescending(s => s.ScoredOn).ThenByDescending(s => s.CreatedAt).FirstOrDefault();
            var (change, note) = Change(entry, latest);
            return new RehabEnrolmentView(e.Id, e.Number, e.ContractId, c?.Number ?? "", c?.ProviderName ?? "", e.PersonId, p?.Name ?? "", p?.IdNumberMasked ?? p?.PlatformNumber ?? "",
                e.DivisionCode, e.EnrolledOn,
                diagnosis ? e.Diagnosis : null, diagnosis ? (e.Diagnosis.Length == 0 ? "未登记" : RehabCodes.NameOf(RehabCodes.Diagnoses, e.Diagnosis)) : null,
                e.Goals, e.SessionsPerMonth, e.ExitedOn, e.ExitReason, e.ExitReason is null ? null : RehabCodes.NameOf(RehabCodes.ExitReasons, e.ExitReason), e.ExitNote,
                entry is null ? null : ToView(entry), latest is null ? null : ToView(latest), change, note, sessions.GetValueOrDefault(e.Id), e.IsDemo, e.Version);
        }).ToList();
    }

    /// <summary>The change from entry to the latest review, on the same scale only (two scales' numbers do not compare).</summary>
    public static (int? Change, string? Note) Change(RehabScore? entry, RehabScore? latest)
    {
        if (entry is null || latest is null) return (null, null);
        if (entry.Scale != latest.Scale || entry.ScaleMin != latest.ScaleMin || entry.ScaleMax != latest.ScaleMax)
        {
            return (null, "入组与复评所用量表不同，不计算变化");
        }
        var change = latest.Score - entry.Score;
        var better = RehabFigures.HigherIsBetter(latest.Scale) ? change > 0 : change < 0;
        return (change, change == 0 ? "无变化" : better ? "功能改善" : "功能下降");
    }

    public static RehabScoreView ToView(RehabScore s) => new(s.Id, s.ScoredOn, s.IsEntry, s.Score, s.Scale, RehabFigures.ScaleName(s.Scale), s.ScaleMin, s.ScaleMax, s.Assessor);

    public static object ToDto(RehabSession s) => new
    {
        s.Id,
        s.EnrolmentId,
        s.HeldOn,
        s.Type,
        typeName = RehabCodes.NameOf(RehabCodes.SessionTypes, s.Type),
        s.Minutes,
        s.Staff,
        settled = s.SettlementId is not null,
    };
}

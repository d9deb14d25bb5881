using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.SocialOrganizations.Credit;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Modules.SocialOrganizations.Reports;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Calendar;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Modules.SocialOrganizations.Evaluation;

public sealed record ApplyInput(Guid? OrganizationId);

/// <summary>A score sheet: points per indicator code (every indicator of the evaluation's set, 0 to its maximum, one decimal at most).</summary>
public sealed record ScoreSheetInput(int? Version, Dictionary<string, decimal?>? Scores);

public sealed record ActionInput(string? Action, int? Version, string? Opinion);

public sealed record ExpertInput(string? Name, string? Field, List<Guid>? Conflicts);

/// <summary>Eligibility of one organisation on a day: the reasons it fails (codes and Chinese names) and the grade in force.</summary>
public sealed record EligibilityView(Guid OrganizationId, string OrganizationName, bool Eligible, IReadOnlyList<(string Code, string Name)> Reasons, int? Grade, DateOnly? GradeValidUntil, GradePrivileges Privileges);

/// <summary>
/// The use cases of evaluation (issue 14 item 5, rules.md §6.3), each guarded before its effect: who may act comes from
/// <see cref="RegistrationAuthority"/> (the organisation's own account for its application and self-assessment), every move of
/// the case goes through the workflow kernel, eligibility from the registry, the annual reports, the credit ledger and the
/// evaluation history, the grade from the figure book's cut-offs.
/// </summary>
public sealed class EvaluationService(AppDbContext db, RegistrationAuthority authority, CreditLedger ledger, FigureBook figures, WorkflowEngine engine,
    CaseNumbers numbers, WorkingCalendar calendar, BusinessClock clock, ICurrentUser user)
{
    /// <summary>Penalty events that make an organisation ineligible in the year after (60号令's penalty grounds).</summary>
    public static readonly CreditEventKind[] PenaltyKinds = [CreditEventKind.WarningOrSmallFine, CreditEventKind.LargeFine, CreditEventKind.Suspension];

    public async Task<EligibilityView> EligibilityAsync(Guid organizationId, CancellationToken ct = default)
    {
        var o = await authority.LoadAsync(organizationId, ct);
        return await EligibilityAsync(o, ct);
    }

    private async Task<EligibilityView> EligibilityAsync(SocialOrganization o, CancellationToken ct)
    {
        var today = clock.Today;
        var seat = o.Profile.AuthorityDivisionCode;
        var reports = await db.Set<AnnualReport>().AsNoTracking().Where(r => r.OrganizationId == o.Id && r.Year >= today.Year - 3)
            .Select(r => new { r.Year, r.Status, r.Conclusion }).ToListAsync(ct);
        // filed = with the registration authority (submitted or concluded); a draft, a returned or a preliminary-reviewed report is not filed yet
        var records = reports.Select(r => new AnnualReportRecord(r.Year, r.Status is AnnualReportStatus.Submitted or AnnualReportStatus.Concluded, r.Conclusion)).ToList();
        var status = await ledger.StatusAsync(o, today, ct);
        var events = await db.Set<CreditEventRecord>().AsNoTracking().Where(e => e.OrganizationId == o.Id).Select(e => new { e.Id, e.Kind, e.OccurredOn, e.CorrectsId }).ToListAsync(ct);
        var struck = events.Where(e => e.CorrectsId != null).Select(e => e.CorrectsId!.Value).ToHashSet();
        var penalised = events.Any(e => PenaltyKinds.Contains(e.Kind) && e.OccurredOn.Year == today.Year - 1 && !struck.Contains(e.Id));
        var last = await db.Set<OrganizationEvaluation>().AsNoTracking().Where(e => e.OrganizationId == o.Id && e.GradedOn != null)
            .OrderByDescending(e => e.GradedOn).FirstOrDefaultAsync(ct);
        // a grade recorded on the profile without an evaluation here (entered before the platform) dates from its validity
        var gradedOn = last?.GradedOn ?? (o.Profile.GradeValidUntil is { } until
            ? until.AddDays(1).AddYears(-EvaluationFigures.Number(figures, EvaluationFigures.ValidityYears, seat, today)) : null);
        var candidate = new EvaluationCandidate(o.Organization.RegisteredOn ?? today, status.List, records, penalised, LastGradedOn: gradedOn, GradeValidUntil: o.Profile.GradeValidUntil);
        var reasons = EvaluationEligibility.Check(candidate, today,
            EvaluationFigures.Number(figures, EvaluationFigures.EligibleAfterYears, seat, today),
            EvaluationFigures.Number(figures, EvaluationFigures.ReevaluateAfterYears, seat, today));
        return new(o.Id, o.Organization.Name, reasons.Count == 0, [.. reasons.Select(r => (r, EvaluationEligibility.Names[r]))],
            o.Profile.Grade, o.Profile.GradeValidUntil, EvaluationRules.Privileges(o.Profile.Grade, o.Profile.GradeValidUntil, today));
    }

    /// <summary>The organisation for a write by the organisation itself (its own account) or by its registration authority.</summary>
    private async Task<SocialOrganization> LoadForApplicantAsync(Guid organizationId, CancellationToken ct)
    {
        var o = await authority.LoadAsync(organizationId, ct);
        if (user.OrganizationId is { } own && own == o.Id) return o;
        authority.RequireAct(o.Profile);
        return o;
    }

    public async Task<OrganizationEvaluation> ApplyAsync(ApplyInput input, CancellationToken ct = default)
    {
        var organizationId = input.OrganizationId ?? user.OrganizationId ?? throw AppProblem.Field("organizationId", "请选择申请评估的社会组织");
        var o = await LoadForApplicantAsync(organizationId, ct);
        if (await db.Set<OrganizationEvaluation>().AnyAsync(e => e.OrganizationId == o.Id && (e.State == EvaluationProcess.SelfAssessment || e.State == EvaluationProcess.Scoring
                || e.State == EvaluationProcess.Review || e.State == EvaluationProcess.Publicity), ct))
        {
            throw new AppProblem(409, "socorg_evaluation_open", "该社会组织已有正在办理的评估申请");
        }
        var eligibility = await EligibilityAsync(o, ct);
        if (!eligibility.Eligible)
        {
            throw new AppProblem(409, "socorg_evaluation_ineligible", "不符合申请评估的条件：" + string.Join("；", eligibility.Reasons.Select(r => r.Name)),
                eligibility.Reasons.ToDictionary(r => r.Code, r => new[] { r.Name }));
        }
        var today = clock.Today;
        var version = await db.Set<EvaluationIndicator>().Where(i => i.Kind == o.Profile.Kind && i.ValidFrom <= today).MaxAsync(i => (int?)i.SetVersion, ct)
            ?? throw new AppProblem(409, "socorg_evaluation_no_indicators", "没有适用于该类社会组织的评估指标");
        var number = await numbers.NextAsync(new NumberSeries("PG" + o.Profile.AuthorityDivisionCode[..6], today.Year, 4),
            db.Set<OrganizationEvaluation>().IgnoreQueryFilters().Select(e => (string?)e.Number), ct);
        var e = new OrganizationEvaluation
        {
            Number = number,
            OrganizationId = o.Id,
            OrganizationName = o.Organization.Name,
            DivisionCode = o.Profile.DivisionCode,
            AuthorityDivisionCode = o.Profile.AuthorityDivisionCode,
            Kind = o.Profile.Kind,
            Level = o.Profile.Level,
            State = EvaluationProcess.SelfAssessment,
            AppliedOn = today,
            AppliedBy = user.UserName,
            IndicatorVersion = version,
        };
        var c = await engine.StartAsync(EvaluationProcess.Code, EvaluationProcess.SubjectType, e.Id, $"{o.Organization.Name} 申请评估", o.Profile.DivisionCode,
            user.OrganizationId is null ? "窗口代为申请" : "网上申请", ct);
        e.CaseId = c.Id;
        db.Add(e);
        await db.SaveChangesAsync(ct);
        return e;
    }

    public async Task<OrganizationEvaluation> LoadAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<OrganizationEvaluation>().FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw AppProblem.NotFound("评估申请");

    public async Task<List<EvaluationIndicator>> IndicatorsAsync(int version, OrganizationKind kind, CancellationToken ct = default) =>
        await db.Set<EvaluationIndicator>().AsNoTracking().Where(i => i.SetVersion == version && i.Kind == kind).OrderBy(i => i.Order).ToListAsync(ct);

    public async Task<OrganizationEvaluation> SaveSelfAssessmentAsync(Guid id, ScoreSheetInput input, CancellationToken ct = default)
    {
        var e = await LoadAsync(id, ct);
        await LoadForApplicantAsync(e.OrganizationId!.Value, ct);
        RequireState(e, EvaluationProcess.SelfAssessment, "自评只能在提交前填写");
        await ReplaceSheetAsync(e, input, null, "自评", ct);
        return e;
    }

    public async Task<OrganizationEvaluation> SaveExpertScoresAsync(Guid id, Guid expertId, ScoreSheetInput input, CancellationToken ct = default)
    {
        var e = await LoadAsync(id, ct);
        var o = await authority.LoadForActionAsync(e.OrganizationId!.Value, ct);
        RequireState(e, EvaluationProcess.Scoring, "专家评分只能在专家评估阶段录入");
        var expert = await db.Set<EvaluationExpert>().FirstOrDefaultAsync(x => x.Id == expertId && x.Active, ct) ?? throw AppProblem.NotFound("评估专家");
        if (expert.ConflictIds.Contains(o.Id))
        {
            throw new AppProblem(409, "socorg_expert_conflict", $"评估专家{expert.Name}已申报与{o.Organization.Name}存在利害关系，应当回避");
        }
        await ReplaceSheetAsync(e, input, expert.Id, expert.Name, ct);
        return e;
    }

    private static void RequireState(OrganizationEvaluation e, string state, string detail)
    {
        if (e.State != state) throw new AppProblem(409, "socorg_evaluation_state", $"{detail}（当前：{EvaluationProcess.StateName(e.State)}）");
    }

    private async Task ReplaceSheetAsync(OrganizationEvaluation e, ScoreSheetInput input, Guid? expertId, string scorer, CancellationToken ct)
    {
        if (input.Version is not { } v) throw AppProblem.Field("version", "缺少版本号，无法判断记录是否已被他人修改");
        db.ExpectVersion(e, v);
        var indicators = await IndicatorsAsync(e.IndicatorVersion, e.Kind, ct);
        var points = ValidateSheet(indicators, input.Scores);
        var old = await db.Set<EvaluationScore>().Where(s => s.EvaluationId == e.Id && s.ExpertId == expertId).ToListAsync(ct);
        db.RemoveRange(old);
        var now = clock.UtcNow;
        foreach (var i in indicators)
        {
            db.Add(new EvaluationScore
            {
                EvaluationId = e.Id,
                OrganizationId = e.OrganizationId,
                DivisionCode = e.DivisionCode,
                ExpertId = expertId,
                ScorerName = scorer,
                IndicatorCode = i.Code,
                Points = points[i.Code],
                RecordedBy = user.UserName,
                RecordedAt = now,
            });
        }
        // the sheet changes the evaluation: its version moves, so a stale form elsewhere gets 409 (marked modified explicitly:
        // the stamp alone may not change within one clock tick)
        db.Entry(e).Property(x => x.UpdatedAt).IsModified = true;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Every indicator scored, within 0 and its maximum, one decimal at most; unknown codes refused. All bad fields at once.</summary>
    public static Dictionary<string, decimal> ValidateSheet(IReadOnlyList<EvaluationIndicator> indicators, IReadOnlyDictionary<string, decimal?>? scores)
    {
        var errors = new ValidationErrors();
        var result = new Dictionary<string, decimal>();
        if (scores is null)
        {
            errors.Add("scores", "请填写各项指标得分");
            errors.ThrowIfAny();
        }
        foreach (var code in scores!.Keys.Where(k => indicators.All(i => i.Code != k))) errors.Add($"scores[{code}]", "没有这项评估指标");
        foreach (var i in indicators)
        {
            var field = $"scores[{i.Code}]";
            if (!scores.TryGetValue(i.Code, out var p) || p is null) errors.Add(field, $"请填写“{i.Name}”的得分");
            else if (p < 0 || p > i.MaxPoints) errors.Add(field, $"“{i.Name}”的得分须在0到{i.MaxPoints}分之间");
            else if (decimal.Round(p.Value, 1) != p.Value) errors.Add(field, $"“{i.Name}”的得分最多保留一位小数");
            else result[i.Code] = p.Value;
        }
        errors.ThrowIfAny();
        return result;
    }

    /// <summary>One scorer's total per sheet (null key = self-assessment), complete sheets only.</summary>
    public async Task<List<(Guid? ExpertId, string Scorer, decimal Total)>> SheetsAsync(OrganizationEvaluation e, CancellationToken ct = default)
    {
        var count = await db.Set<EvaluationIndicator>().CountAsync(i => i.SetVersion == e.IndicatorVersion && i.Kind == e.Kind, ct);
        var rows = await db.Set<EvaluationScore>().AsNoTracking().Where(s => s.EvaluationId == e.Id).Select(s => new { s.ExpertId, s.ScorerName, s.Points }).ToListAsync(ct);
        return [.. rows.GroupBy(r => r.ExpertId).Where(g => g.Count() == count).Select(g => (g.Key, g.First().ScorerName, g.Sum(r => r.Points)))];
    }

    public async Task<OrganizationEvaluation> ActAsync(Guid id, ActionInput input, CancellationToken ct = default)
    {
        var action = input.Action?.Trim();
        if (string.IsNullOrEmpty(action) || EvaluationProcess.Model.Transitions.All(t => t.Action != action)) throw AppProblem.Field("action", "未知的办理动作");
        var e = await LoadAsync(id, ct);
        var o = action is EvaluationProcess.SubmitSelf or EvaluationProcess.Withdraw
            ? await LoadForApplicantAsync(e.OrganizationId!.Value, ct)
            : await authority.LoadForActionAsync(e.OrganizationId!.Value, ct);
        var c = await db.WorkflowCases.Include(x => x.Events).FirstOrDefaultAsync(x => x.Id == e.CaseId, ct) ?? throw AppProblem.NotFound("评估案件");
        var today = clock.Today;
        await engine.PerformAsync(c, new TransitionRequest(action, input.Opinion) { Subject = e, Version = input.Version }, async t =>
        {
            switch (t.Action)
            {
                case EvaluationProcess.SubmitSelf:
                    if (!(await SheetsAsync(e, ct)).Any(s => s.ExpertId is null))
                        throw new AppProblem(409, "socorg_evaluation_self_missing", "请先填写并保存全部指标的自评得分");
                    break;
                case EvaluationProcess.FinishScoring:
                    var experts = (await SheetsAsync(e, ct)).Where(s => s.ExpertId is not null).ToList();
                    if (experts.Count < EvaluationRules.MinimumExperts)
                        throw new AppProblem(409, "socorg_evaluation_experts_missing", $"至少需要{EvaluationRules.MinimumExperts}名评估专家完成评分（现有{experts.Count}名）");
                    e.Score = EvaluationRules.Mean([.. experts.Select(x => x.Total)]);
                    e.Grade = EvaluationRules.Grade(e.Score.Value, EvaluationFigures.Cutoffs(figures, e.AuthorityDivisionCode, today));
                    e.ScoredOn = today;
                    break;
                case EvaluationProcess.Approve:
                    e.ApprovedOn = today;
                    e.PublicityUntil = calendar.AddWorkingDays(today, EvaluationFigures.Number(figures, EvaluationFigures.PublicityWorkingDays, e.AuthorityDivisionCode, today));
                    break;
                case EvaluationProcess.Confirm:
                    if (e.PublicityUntil is { } until && today <= until)
                        throw new AppProblem(409, "socorg_evaluation_publicity_running", $"公示期至{until:yyyy-MM-dd}，期满后方可确认等级");
                    e.GradedOn = today;
                    e.ValidUntil = EvaluationRules.ValidUntil(today, EvaluationFigures.Number(figures, EvaluationFigures.ValidityYears, e.AuthorityDivisionCode, today));
                    o.Profile.Grade = e.Grade;
                    o.Profile.GradeValidUntil = e.ValidUntil;
                    break;
            }
            e.State = t.To;
        }, ct);
        await db.SaveChangesAsync(ct);
        return e;
    }

    public async Task<EvaluationExpert> AddExpertAsync(ExpertInput input, CancellationToken ct = default)
    {
        if (user.OrganizationId is not null || user.DivisionCode is not { Length: 12 } division) throw AppProblem.Forbidden("只有登记管理机关可以登记评估专家");
        var errors = new ValidationErrors();
        var name = input.Name?.Trim();
        var field = input.Field?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 50) errors.Add("name", "请填写专家姓名（50字以内）");
        if (string.IsNullOrEmpty(field) || field.Length > 100) errors.Add("field", "请填写专业领域或工作单位（100字以内）");
        var conflicts = input.Conflicts?.Distinct().ToList() ?? [];
        if (conflicts.Count > 100) errors.Add("conflicts", "回避的社会组织最多100个");
        else if (conflicts.Count > 0 && await db.Set<SocialOrganizationProfile>().CountAsync(p => conflicts.Contains(p.OrganizationId!.Value), ct) != conflicts.Count)
            errors.Add("conflicts", "回避的社会组织不存在或不在您的管辖范围内");
        errors.ThrowIfAny();
        var x = new EvaluationExpert { DivisionCode = division, Name = name!, Field = field!, Conflicts = string.Join(',', conflicts) };
        db.Add(x);
        await db.SaveChangesAsync(ct);
        return x;
    }

    public static string Points(decimal p) => p.ToString("0.#", CultureInfo.InvariantCulture);
}

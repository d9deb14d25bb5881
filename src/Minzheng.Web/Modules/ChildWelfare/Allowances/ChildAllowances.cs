using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Assistance.Contracts;
using Minzheng.Web.Modules.ChildWelfare.Contracts;
using Minzheng.Web.Modules.ChildWelfare.Rules;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Modules.ChildWelfare.Allowances;

public sealed record ParentInput([property: JsonRequired] ParentSituation Situation, DateOnly? Since, [Within(0, 1200)] int? TermMonths, [Text(500)] string? Evidence);

/// <summary>The one transition shape's body: the opinion, the version read, and 停发's reason and last month.</summary>
public sealed record ChildActionInput([Text(500)] string? Opinion, int? Version, ChildEndReason? Reason = null, DateOnly? LastMonth = null);

public sealed record ChildApplyInput(
    Guid ChildPersonId, [property: JsonRequired] ChildAllowanceKind Kind, [RequiredInput] ParentInput Father, [RequiredInput] ParentInput Mother,
    [property: JsonRequired] CarePlacement Placement, [Text(100)] string? InstitutionName,
    [Text(50)] string? GuardianName, [Text(20)] string? GuardianRelation, Guid? GuardianPersonId, bool InFullTimeEducation);

/// <summary>
/// 孤儿、事实无人抚养儿童: application (village/township) → township review → county confirmation, which publishes the
/// allowance to payments from the next month to the last month due by age; ending on adoption, death or a parent's
/// situation ending. The rule is re-run at every decision and its findings kept on the case.
/// </summary>
public sealed class ChildAllowances(AppDbContext db, ICurrentUser user, BusinessClock clock, ChildStandards standards, Entitlements entitlements, AuditLog audit, CaseNumbers numbers, WorkflowEngine workflow)
{
    /// <summary>
    /// This module's effects follow the engine's call in each use case, once the transition was allowed and recorded (guard
    /// before effect, ADR 020); they are not yet passed to the engine as its effect delegate.
    /// </summary>
    private static readonly Func<AuthorizedTransition, Task> NoModuleEffect = _ => Task.CompletedTask;

    public static string ProgramCode(ChildAllowanceKind kind) => kind == ChildAllowanceKind.Orphan ? ChildPrograms.Orphan : ChildPrograms.Unsupported;

    public static string KindName(ChildAllowanceKind kind) => kind == ChildAllowanceKind.Orphan ? "孤儿" : "事实无人抚养儿童";

    public async Task<ChildAllowanceCase> LoadAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<ChildAllowanceCase>().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw AppProblem.NotFound("儿童保障业务");

    public async Task<ChildAllowanceCase> ApplyAsync(ChildApplyInput input, CancellationToken ct = default)
    {
        Require(ChildPermissions.Apply, "您没有登记儿童保障申请的权限");
        var child = await db.Persons.FirstOrDefaultAsync(p => p.Id == input.ChildPersonId, ct)
            ?? throw AppProblem.Field("childPersonId", "儿童不存在或不在您的管辖范围内；请先在人员登记中登记", "person_not_found");
        if (child.LifeStatus == LifeStatus.Deceased) throw AppProblem.Field("childPersonId", "该儿童已登记死亡");
        if (!Enum.IsDefined(input.Kind)) throw AppProblem.Field("kind", "请选择孤儿或事实无人抚养儿童");
        if (!Enum.IsDefined(input.Placement)) throw AppProblem.Field("placement", "请选择安置方式");
        if (input.Placement == CarePlacement.Institution && string.IsNullOrWhiteSpace(input.InstitutionName)) throw AppProblem.Field("institutionName", "机构集中养育须填写养育机构");
        if (string.IsNullOrWhiteSpace(input.GuardianName)) throw AppProblem.Field("guardianName", "请填写监护人（或机构负责人）姓名");
        if (string.IsNullOrWhiteSpace(input.GuardianRelation)) throw AppProblem.Field("guardianRelation", "请填写监护人与儿童的关系");
        if (input.GuardianPersonId is { } g && !await db.Persons.AnyAsync(p => p.Id == g, ct)) throw AppProblem.Field("guardianPersonId", "监护人不在人员登记中或不在您的管辖范围内");
        CheckParent("father", input.Father);
        CheckParent("mother", input.Mother);
        var open = await db.Set<ChildAllowanceCase>().IgnoreQueryFilters([AppDbContext.ScopeFilter])
            .AnyAsync(c => c.ChildPersonId == child.Id && c.Status != ChildCaseStatus.Refused && c.Status != ChildCaseStatus.Ended, ct);
        if (open) throw AppProblem.Conflict("case_exists", "该儿童已有正在办理或正在保障的孤儿或事实无人抚养儿童业务");

        var today = clock.Today;
        var c = new ChildAllowanceCase
        {
            Number = await NextNumberAsync(input.Kind, child.DivisionCode, today.Year, ct),
            Kind = input.Kind,
            ChildPersonId = child.Id,
            HouseholdId = await db.HouseholdMembers.Where(m => m.PersonId == child.Id && m.LeftOn == null).Select(m => (Guid?)m.HouseholdId).FirstOrDefaultAsync(ct),
            DivisionCode = child.DivisionCode,
            FatherSituation = input.Father.Situation,
            FatherSince = input.Father.Since,
            FatherTermMonths = input.Father.TermMonths,
            FatherEvidence = input.Father.Evidence?.Trim(),
            MotherSituation = input.Mother.Situation,
            MotherSince = input.Mother.Since,
            MotherTermMonths = input.Mother.TermMonths,
            MotherEvidence = input.Mother.Evidence?.Trim(),
            Placement = input.Placement,
            InstitutionName = input.InstitutionName?.Trim(),
            GuardianName = input.GuardianName.Trim(),
            GuardianRelation = input.GuardianRelation.Trim(),
            GuardianPersonId = input.GuardianPersonId,
            InFullTimeEducation = input.InFullTimeEducation,
            AppliedOn = today,
            AppliedBy = user.UserName,
        };
        c.Findings = Json(Assess(c, child.BirthDate, today).Reasons);
        db.Add(c);
        await workflow.StartAsync(ChildProcess.Code, ChildProcess.SubjectType, c.Id, $"{KindName(c.Kind)} {c.Number}", c.DivisionCode, null, ct);
        audit.Add("apply", nameof(ChildAllowanceCase), c.Id.ToString(), new { c.Number, c.Kind, c.Placement }, c.DivisionCode);
        await db.SaveChangesAsync(ct);
        return c;
    }

    /// <summary>The case's workflow case (its subject is the allowance case), tracked.</summary>
    public async Task<WorkflowCase> CaseOfAsync(ChildAllowanceCase c, CancellationToken ct = default) =>
        await db.WorkflowCases.IgnoreQueryFilters([AppDbContext.ScopeFilter]) // the allowance case itself was loaded through the scope filter
            .FirstOrDefaultAsync(w => w.SubjectType == ChildProcess.SubjectType && w.SubjectId == c.Id, ct)
        ?? throw new InvalidOperationException($"儿童保障业务 {c.Number} 没有业务流程");

    /// <summary>The case's timeline, oldest first.</summary>
    public async Task<List<WorkflowCaseEvent>> TimelineAsync(Guid id, CancellationToken ct = default) =>
        (await db.WorkflowCases.AsNoTracking().Where(w => w.SubjectType == ChildProcess.SubjectType && w.SubjectId == id).SelectMany(w => w.Events).ToListAsync(ct))
        .OrderBy(e => e.At).ThenBy(e => e.Id).ToList();

    /// <summary>The actions a user may not take through the transition shape: they follow from a death recorded in the registry.</summary>
    private static readonly HashSet<string> NotByUsers = [ChildProcess.CloseOnDeath];

    /// <summary>
    /// One action of the process (<see cref="ChildProcess"/>). The workflow engine decides first whether the action is allowed in
    /// the current state and to this user, and records it on the timeline; only then do the module's effects run (the rule
    /// re-run, publishing or ending the allowance), in one transaction: a refused effect (409 not_eligible, double_benefit)
    /// leaves neither the state nor the timeline changed.
    /// </summary>
    public async Task<ChildAllowanceCase> PerformAsync(Guid id, string action, ChildActionInput input, CancellationToken ct = default)
    {
        var c = await LoadAsync(id, ct);
        Expect(c, input.Version);
        if (NotByUsers.Contains(action)) throw new AppProblem(409, "workflow_action_not_allowed", $"“{action}”由死亡登记触发，不能直接办理");
        var wf = await CaseOfAsync(c, ct);
        var e = await workflow.PerformAsync(wf, new(action, input.Opinion), NoModuleEffect, ct);
        c.Status = ChildProcess.StatusOf(wf.State);
        var opinion = input.Opinion?.Trim();
        var today = clock.Today;
        switch (action)
        {
            case ChildProcess.Review or ChildProcess.RefuseReview:
                {
                    var child = await db.Persons.FirstAsync(p => p.Id == c.ChildPersonId, ct);
                    var outcome = Assess(c, child.BirthDate, today);
                    if (action == ChildProcess.Review && !outcome.Eligible) throw new AppProblem(409, "not_eligible", "不符合认定条件：" + string.Join("；", outcome.Reasons));
                    c.Findings = Json(outcome.Reasons);
                    if (action == ChildProcess.RefuseReview) c.RefusalReason = opinion;
                    audit.Add(action == ChildProcess.Review ? "township-review" : "township-refuse", nameof(ChildAllowanceCase), c.Id.ToString(), new { c.Number, opinion }, c.DivisionCode);
                    break;
                }
            case ChildProcess.RefuseConfirm:
                {
                    c.RefusalReason = opinion;
                    audit.Add("county-refuse", nameof(ChildAllowanceCase), c.Id.ToString(), new { c.Number, reason = opinion }, c.DivisionCode);
                    break;
                }
            case ChildProcess.Confirm:
                {
                    e.Opinion = await ConfirmEffectsAsync(c, e.Opinion, ct);
                    break;
                }
            case ChildProcess.End:
                {
                    if (input.Reason is not { } reason || !Enum.IsDefined(reason)) throw AppProblem.Field("reason", "请选择停发原因");
                    var last = Entitlements.MonthOf(input.LastMonth ?? today);
                    if (c.FromMonth is { } from && last < from.AddMonths(-1)) throw AppProblem.Field("lastMonth", "最后发放月份不能早于开始发放月份的前一个月");
                    await EndEffectsAsync(c, reason, last, opinion!, null, ct);
                    e.Opinion = $"{e.Opinion}，发放至 {c.EndedMonth:yyyy年M月}";
                    break;
                }
        }
        await db.SaveChangesAsync(ct);
        return c;
    }

    /// <summary>乡镇审核 (the old "/review", kept one release as an alias with the same answers): agree (to the county) or refuse with written reasons.</summary>
    public async Task<ChildAllowanceCase> ReviewAsync(Guid id, bool agree, string? opinion, int? version, CancellationToken ct = default)
    {
        Require(ChildPermissions.Review, "乡镇审核须由审核人员办理");
        var c = await LoadAsync(id, ct);
        Expect(c, version);
        if (c.Status != ChildCaseStatus.Applied) throw AppProblem.Conflict("case_not_applied", "只有待审核的申请可以审核");
        if (string.IsNullOrWhiteSpace(opinion)) throw AppProblem.Field("opinion", agree ? "请填写审核意见" : "不同意须写明理由");
        return await PerformAsync(id, agree ? ChildProcess.Review : ChildProcess.RefuseReview, new ChildActionInput(opinion, version), ct);
    }

    /// <summary>县级认定 (the old "/confirm", kept one release as an alias with the same answers): confirm (published from next month) or refuse with written reasons.</summary>
    public async Task<ChildAllowanceCase> ConfirmAsync(Guid id, bool confirm, string? reason, int? version, CancellationToken ct = default)
    {
        Require(ChildPermissions.Confirm, "认定由县级民政部门办理");
        var c = await LoadAsync(id, ct);
        Expect(c, version);
        if (c.Status != ChildCaseStatus.TownshipReviewed) throw AppProblem.Conflict("case_not_reviewed", "只有乡镇审核同意的申请可以认定");
        if (!confirm && string.IsNullOrWhiteSpace(reason)) throw AppProblem.Field("reason", "不予认定须写明理由");
        return await PerformAsync(id, confirm ? ChildProcess.Confirm : ChildProcess.RefuseConfirm, new ChildActionInput(reason, version), ct);
    }

    /// <summary>县级认定's effects once the engine accepted it: the rule re-run, the amount by standard, published from next month to the last month due by age.</summary>
    private async Task<string?> ConfirmEffectsAsync(ChildAllowanceCase c, string? opinion, CancellationToken ct)
    {
        var today = clock.Today;
        var child = await db.Persons.FirstAsync(p => p.Id == c.ChildPersonId, ct);
        var outcome = Assess(c, child.BirthDate, today);
        if (!outcome.Eligible) throw new AppProblem(409, "not_eligible", "不符合认定条件：" + string.Join("；", outcome.Reasons));
        var from = Entitlements.MonthOf(today).AddMonths(1);
        var category = ChildStandardKinds.AllowanceCategory(c.Kind, c.Placement);
        var standard = standards.Require(ChildStandardKinds.Allowance, c.DivisionCode, from, category);
        var adultAge = standards.Require(ChildStandardKinds.AdultAge, c.DivisionCode, from);
        var through = standards.Require(ChildStandardKinds.ThroughBirthdayMonth, c.DivisionCode, from);
        var continuation = standards.Require(ChildStandardKinds.EducationContinuation, c.DivisionCode, from);
        var ageLimit = continuation.Yes && c.InFullTimeEducation ? standards.Require(ChildStandardKinds.EducationAgeLimit, c.DivisionCode, from) : null;
        var last = ChildRules.LastMonthByAge(child.BirthDate, adultAge.Number, c.InFullTimeEducation && continuation.Yes, ageLimit?.Number, through.Yes);
        if (last < from) throw new AppProblem(409, "not_eligible", $"按{adultAge.Basis}，该儿童 {last:yyyy年M月} 后不再发放，已无可发放月份");

        var doubleRule = standards.Require(ChildStandardKinds.DoubleBenefit, c.DivisionCode, from);
        var dibao = c.HouseholdId is { } hid
            ? await db.Set<EntitlementPeriod>().Where(e => e.Program == AssistancePrograms.Dibao && e.HouseholdId == hid && !e.OneOff && (e.ToMonth == null || e.ToMonth >= from))
                .Select(e => e.SourceNumber).FirstOrDefaultAsync(ct)
            : null;
        if (dibao is not null && doubleRule.Row.Choice == "exclusive")
        {
            throw new AppProblem(409, "double_benefit", $"该儿童所在家庭正在享受低保（{dibao}），按{doubleRule.Basis}，须先在低保业务中将该儿童核减后再认定");
        }

        var lines = new List<AmountLine>
        {
            new($"{KindName(c.Kind)}基本生活费（{PlacementName(c.Placement)}）", standard.Amount.Yuan, standard.Basis),
        };
        var notes = new List<AmountLine>
        {
            new("认定依据：" + string.Join("；", outcome.Reasons), 0m, c.Kind == ChildAllowanceKind.Orphan ? ChildRules.OrphanBasis : ChildRules.UnsupportedBasis),
            new($"发放至 {last:yyyy年M月}（{(ageLimit is not null ? "全日制在校延续发放，" + ageLimit.Basis : adultAge.Basis)}；{through.Basis}）", 0m, adultAge.Basis),
        };
        if (dibao is not null) notes.Add(new AmountLine($"所在家庭同时享受低保（{dibao}）", 0m, doubleRule.Basis));
        c.MonthlyAmount = standard.Amount;
        c.Explanation = JsonSerializer.Serialize(lines.Concat(notes), AuditRecorder.Json);
        c.FromMonth = from;
        c.LastMonthByAge = last;
        c.Findings = Json(outcome.Reasons);
        var payee = PayeeOf(c);
        await entitlements.SetAsync(payee, from, standard.Amount, c.Explanation, "县级认定", ct);
        await entitlements.EndAsync(payee.Program, c.Id, last, ct);
        audit.Add("county-confirm", nameof(ChildAllowanceCase), c.Id.ToString(), new { c.Number, amount = standard.Amount.ToString(), from, last }, c.DivisionCode);
        var summary = $"每月 {standard.Amount} 元，{from:yyyy年M月}起发放至 {last:yyyy年M月}";
        return string.IsNullOrWhiteSpace(opinion) ? summary : $"{opinion}（{summary}）";
    }

    /// <summary>停发 (the old "/end", kept one release as an alias with the same answers): adoption, death, a parent's situation ending, or another reason.</summary>
    public async Task<ChildAllowanceCase> EndAsync(Guid id, ChildEndReason reason, DateOnly? lastMonth, string? note, int? version, CancellationToken ct = default)
    {
        Require(ChildPermissions.Confirm, "停发由县级民政部门办理");
        var c = await LoadAsync(id, ct);
        Expect(c, version);
        if (c.Status != ChildCaseStatus.Confirmed) throw AppProblem.Conflict("case_not_running", "只有正在保障的儿童可以停发");
        if (!Enum.IsDefined(reason)) throw AppProblem.Field("reason", "请选择停发原因");
        if (string.IsNullOrWhiteSpace(note)) throw AppProblem.Field("note", "请写明停发情况（如收养登记日期、死亡日期、父母情形变化）");
        return await PerformAsync(id, ChildProcess.End, new ChildActionInput(note, version, reason, lastMonth), ct);
    }

    /// <summary>
    /// Ends a running allowance on an outside authority (a finding confirmed by data comparison, a death, the age sweep): the
    /// engine moves the case first, then nothing is due after <paramref name="lastMonth"/>, which may be in the past (the next
    /// payroll then recovers what was paid since) or before its first month (then nothing was due at all). Tracked, not saved.
    /// </summary>
    internal async Task EndAtAsync(ChildAllowanceCase c, ChildEndReason reason, DateOnly lastMonth, string note, string authority, CancellationToken ct)
    {
        var wf = await CaseOfAsync(c, ct);
        var e = await workflow.PerformAuthorizedAsync(wf, new(ChildProcess.End, note), authority, NoModuleEffect, ct);
        c.Status = ChildProcess.StatusOf(wf.State);
        await EndEffectsAsync(c, reason, lastMonth, note, authority, ct);
        e.Opinion = $"{e.Opinion}，发放至 {c.EndedMonth:yyyy年M月}";
    }

    private async Task EndEffectsAsync(ChildAllowanceCase c, ChildEndReason reason, DateOnly lastMonth, string note, string? authority, CancellationToken ct)
    {
        var last = Entitlements.MonthOf(lastMonth);
        // it would have ended by age anyway: the earlier end stands
        if (c.LastMonthByAge is { } byAge && byAge < last) last = byAge;
        await entitlements.EndAsync(ProgramCode(c.Kind), c.Id, last, ct);
        c.Status = ChildCaseStatus.Ended;
        c.EndedMonth = last;
        c.EndReason = reason;
        c.EndNote = note;
        audit.Add("end", nameof(ChildAllowanceCase), c.Id.ToString(), new { c.Number, reason, last, authority }, c.DivisionCode);
    }

    /// <summary>An open application closed by the child's death (the registry's death use case). Tracked, not saved.</summary>
    internal async Task CloseOnDeathAsync(ChildAllowanceCase c, string reason, string authority, CancellationToken ct)
    {
        var wf = await CaseOfAsync(c, ct);
        await workflow.PerformAuthorizedAsync(wf, new(ChildProcess.CloseOnDeath, reason), authority, NoModuleEffect, ct);
        c.Status = ChildProcess.StatusOf(wf.State);
        c.RefusalReason = reason;
    }

    /// <summary>A death recorded in error is reversed: the allowance runs again until the month its age ends it. Tracked, not saved.</summary>
    internal async Task RestoreAfterDeathReversalAsync(ChildAllowanceCase c, DateOnly deathDate, CancellationToken ct)
    {
        var endedMonth = c.EndedMonth ?? Entitlements.MonthOf(deathDate);
        var wf = await CaseOfAsync(c, ct);
        await workflow.ReopenAuthorizedAsync(wf, ChildProcess.Confirmed, "撤销死亡登记，恢复发放", $"{endedMonth.AddMonths(1):yyyy年M月}起补发", $"撤销 {deathDate:yyyy-MM-dd} 的死亡登记", ct);
        await entitlements.ReopenAsync(ProgramCode(c.Kind), c.Id, endedMonth, c.LastMonthByAge, ct);
        c.Status = ChildCaseStatus.Confirmed;
        c.EndedMonth = null;
        c.EndReason = null;
        c.EndNote = null;
        audit.Add("restore-after-death-reversal", nameof(ChildAllowanceCase), c.Id.ToString(), new { c.Number, deathDate, from = endedMonth.AddMonths(1) }, c.DivisionCode);
    }

    /// <summary>Ends running allowances of children recorded as deceased in the registry: nothing is due after the month of death.</summary>
    public async Task<int> EndDeceasedAsync(CancellationToken ct = default)
    {
        var due = await db.Set<ChildAllowanceCase>().Where(c => c.Status == ChildCaseStatus.Confirmed)
            .Join(db.Persons.Where(p => p.LifeStatus == LifeStatus.Deceased && p.DeathDate != null), c => c.ChildPersonId, p => p.Id, (c, p) => new { c, p.DeathDate })
            .ToListAsync(ct);
        foreach (var x in due)
        {
            await EndAtAsync(x.c, ChildEndReason.Death, x.DeathDate!.Value, $"人员登记记载 {x.DeathDate:yyyy-MM-dd} 死亡，自动停发", "人员登记死亡记载", ct);
        }
        await db.SaveChangesAsync(ct);
        return due.Count;
    }

    /// <summary>Closes the cases whose last month by age has passed (their entitlement ended by itself); run daily.</summary>
    public async Task<int> CloseAgedOutAsync(CancellationToken ct = default)
    {
        var month = Entitlements.MonthOf(clock.Today);
        var due = await db.Set<ChildAllowanceCase>().Where(c => c.Status == ChildCaseStatus.Confirmed && c.LastMonthByAge < month).ToListAsync(ct);
        foreach (var c in due)
        {
            // its entitlement already ends there: only the case and its timeline close
            var wf = await CaseOfAsync(c, ct);
            await workflow.PerformAuthorizedAsync(wf, new(ChildProcess.End, $"到龄自动停发，发放至 {c.LastMonthByAge:yyyy年M月}"), "到龄（认定时确定的最后发放月份）", NoModuleEffect, ct);
            c.Status = ChildProcess.StatusOf(wf.State);
            c.EndedMonth = c.LastMonthByAge;
            c.EndReason = ChildEndReason.Age;
            c.EndNote = "到龄自动停发";
            audit.Add("end-by-age", nameof(ChildAllowanceCase), c.Id.ToString(), new { c.Number, last = c.LastMonthByAge }, c.DivisionCode);
        }
        await db.SaveChangesAsync(ct);
        return due.Count;
    }

    public RuleOutcome Assess(ChildAllowanceCase c, DateOnly birthDate, DateOnly asOf)
    {
        var figures = standards.RuleFigures(c.DivisionCode, asOf);
        return c.Kind == ChildAllowanceKind.Orphan
            ? ChildRules.Orphan(birthDate, asOf, c.Father, c.Mother, figures)
            : ChildRules.Unsupported(birthDate, asOf, c.Father, c.Mother, figures);
    }

    public static string PlacementName(CarePlacement p) => p switch
    {
        CarePlacement.Institution => "机构集中养育",
        CarePlacement.Kinship => "亲属抚养（散居）",
        _ => "家庭寄养（散居）",
    };

    public static Entitlements.Payee PayeeOf(ChildAllowanceCase c) =>
        new(ProgramCode(c.Kind), c.Id, c.Number, c.GuardianPersonId ?? c.ChildPersonId, c.HouseholdId, c.DivisionCode, 1, c.ChildPersonId);

    private static void CheckParent(string field, ParentInput p)
    {
        if (!Enum.IsDefined(p.Situation)) throw AppProblem.Field(field, "请选择父母情形");
        if (p.Situation is ParentSituation.Imprisoned or ParentSituation.CompulsoryDrugRehabilitation or ParentSituation.OtherRestrictionOfLiberty && p.TermMonths is not > 0)
        {
            throw AppProblem.Field(field + ".termMonths", "请填写刑期或措施期限（月）");
        }
        if (p.Situation == ParentSituation.LostContact && p.Since is null) throw AppProblem.Field(field + ".since", "请填写公安机关受理报案日期");
        if (p.Situation != ParentSituation.None && string.IsNullOrWhiteSpace(p.Evidence)) throw AppProblem.Field(field + ".evidence", "请填写证明材料（如死亡证明、判决书、残疾证号、报案回执）");
    }

    private void Require(string permission, string message)
    {
        if (!user.HasPermission(permission)) throw AppProblem.Forbidden(message);
    }

    private void Expect(ChildAllowanceCase c, int? version)
    {
        if (version is not { } v) throw AppProblem.Field("version", "缺少版本号，无法判断记录是否已被他人修改");
        db.ExpectVersion(c, v);
    }

    private static string Json(IReadOnlyList<string> reasons) => JsonSerializer.Serialize(reasons, AuditRecorder.Json);

    private Task<string> NextNumberAsync(ChildAllowanceKind kind, string divisionCode, int year, CancellationToken ct) =>
        numbers.NextAsync(new NumberSeries((kind == ChildAllowanceKind.Orphan ? "GE" : "SW") + divisionCode[..9], year, 4),
            db.Set<ChildAllowanceCase>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Select(c => (string?)c.Number), ct);
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Modules.Assistance.Contracts;
using Minzheng.Web.Modules.ChildWelfare.Contracts;
using Minzheng.Web.Modules.Disability.Contracts;
using Minzheng.Web.Modules.Disability.Rules;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Modules.Disability;

public enum SubsidyChannel
{
    Online = 1,
    Village = 2,
    Counter = 3,
}

/// <summary>申请 → 村级核实 → 乡镇审核 → 县残联审核（残疾人证）→ 县民政审批 → 发放; refused at any step with written reasons; terminated later.</summary>
public enum SubsidyStatus
{
    Applied = 1,
    VillageChecked = 2,
    TownshipReviewed = 3,
    Verified = 4,
    Approved = 5,
    Refused = 6,
    Terminated = 7,

    /// <summary>暂停发放 on a confirmed finding (data comparison): nothing due after <see cref="SubsidyApplication.LastMonth"/> until the county resumes or terminates it.</summary>
    Suspended = 8,
}

public enum TerminationReason
{
    Death = 1,
    HukouMovedOut = 2,
    LeftDibao = 3,
    CertificateChanged = 4,
    ExtremePoverty = 5,
    WorkInjuryCare = 6,
    Other = 7,
}

/// <summary>One application for one of the two subsidies (a person applying for both has two).</summary>
public sealed class SubsidyApplication : IDivisionScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Number { get; set; }
    public Subsidy Subsidy { get; set; }
    public SubsidyChannel Channel { get; set; }
    public SubsidyStatus Status { get; set; } = SubsidyStatus.Applied;
    public Guid PersonId { get; set; }
    public Guid? HouseholdId { get; set; }
    public required string DivisionCode { get; set; }
    public bool LowIncome { get; set; }
    public bool WorkInjuryCareAllowance { get; set; }
    public decimal OtherLivingAllowance { get; set; }
    public decimal OtherCareAllowance { get; set; }
    public int? CertificateGeneration { get; set; }
    public DateOnly? CertificateValidUntil { get; set; }
    public DateOnly AppliedOn { get; set; }
    public required string AppliedBy { get; set; }

    public string? RefusalReason { get; set; }
    public string? Findings { get; set; }
    public Money MonthlyAmount { get; set; }
    public string? Explanation { get; set; }
    public DateOnly? FromMonth { get; set; }
    public DateOnly? LastMonth { get; set; }
    public TerminationReason? EndReason { get; set; }
    public string? EndNote { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class SubsidyApplicationConfiguration : IEntityTypeConfiguration<SubsidyApplication>
{
    public void Configure(EntityTypeBuilder<SubsidyApplication> b)
    {
        b.ToTable("disability_subsidy");
        b.HasKey(a => a.Id);
        b.Property(a => a.Number).HasMaxLength(40);
        b.HasIndex(a => a.Number).IsUnique();
        b.Property(a => a.Subsidy).HasConversion<int>();
        b.Property(a => a.Channel).HasConversion<int>();
        b.Property(a => a.Status).HasConversion<int>();
        b.Property(a => a.EndReason).HasConversion<int?>();
        b.Property(a => a.DivisionCode).HasMaxLength(12);
        b.Property(a => a.OtherLivingAllowance).HasPrecision(10, 2);
        b.Property(a => a.OtherCareAllowance).HasPrecision(10, 2);
        b.Property(a => a.AppliedBy).HasMaxLength(100);
        b.Property(a => a.RefusalReason).HasMaxLength(500);
        b.Property(a => a.EndNote).HasMaxLength(500);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasIndex(a => new { a.DivisionCode, a.Status });
        // one open or running application per person and subsidy
        b.HasIndex(a => new { a.PersonId, a.Subsidy }, "ux_disability_subsidy_open").IsUnique().HasFilter("status IN (1, 2, 3, 4, 5, 8)"); // 8 = suspended: still open
    }
}

public sealed record SubsidyApplyInput(Guid PersonId, [property: JsonRequired] Subsidy Subsidy, [property: JsonRequired] SubsidyChannel Channel, bool LowIncome, bool WorkInjuryCareAllowance, [Amount] decimal? OtherLivingAllowance, [Amount] decimal? OtherCareAllowance);

/// <summary>The one transition shape's body: the opinion, the version read, and what some actions need (残联's certificate check, 停发's reason and date).</summary>
public sealed record SubsidyActionInput([Text(500)] string? Opinion, int? Version, [Within(0, 10)] int? CertificateGeneration = null, DateOnly? CertificateValidUntil = null, TerminationReason? Reason = null, DateOnly? EventDate = null);

public sealed record SubsidyStepInput([property: JsonRequired] bool Agree, [Text(500)] string? Opinion, int? Version, [Within(0, 10)] int? CertificateGeneration = null, DateOnly? CertificateValidUntil = null);

/// <summary>
/// 残疾人两项补贴: application (online, village-assisted, counter) → village check → township review → county 残联 verification of
/// the certificate → county civil-affairs approval, which re-runs the rule with the facts of the day (dibao, orphan allowance,
/// extreme-poverty support from the shared entitlements) and publishes the monthly subsidy from the next month; termination
/// stops it after the month of the event.
/// </summary>
public sealed class SubsidyApplications(AppDbContext db, ICurrentUser user, BusinessClock clock, FigureBook figures, Entitlements entitlements, DivisionDirectory divisions, AuditLog audit, CaseNumbers numbers, WorkflowEngine workflow)
{
    /// <summary>
    /// This module's effects follow the engine's call in each use case, once the transition was allowed and recorded (guard
    /// before effect, ADR 020); they are not yet passed to the engine as its effect delegate.
    /// </summary>
    private static readonly Func<AuthorizedTransition, Task> NoModuleEffect = _ => Task.CompletedTask;

    public static string ProgramCode(Subsidy s) => s == Subsidy.Living ? DisabilityPrograms.Living : DisabilityPrograms.Care;

    public async Task<SubsidyApplication> LoadAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<SubsidyApplication>().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw AppProblem.NotFound("两项补贴申请");

    public async Task<SubsidyApplication> ApplyAsync(SubsidyApplyInput input, CancellationToken ct = default)
    {
        var online = input.Channel == SubsidyChannel.Online && !user.HasPermission(DisabilityPermissions.Apply);
        if (online)
        {
            // 网上申请: the citizen for himself or herself, or as guardian for a member of his or her own household.
            if (!user.HasPermission(Permissions.CitizenApply)) throw AppProblem.Forbidden("您没有受理两项补贴申请的权限");
            if (!(await OwnHouseholdAsync(ct)).Contains(input.PersonId)) throw AppProblem.Field("personId", "只能为本人或同户家庭成员申请", "person_not_found");
        }
        else if (!user.HasPermission(DisabilityPermissions.Apply)) throw AppProblem.Forbidden("您没有受理两项补贴申请的权限");
        var person = await db.Persons.FirstOrDefaultAsync(p => p.Id == input.PersonId, ct)
            ?? throw AppProblem.Field("personId", "残疾人不在人员登记中或不在您的管辖范围内", "person_not_found");
        if (!Enum.IsDefined(input.Subsidy)) throw AppProblem.Field("subsidy", "请选择补贴");
        if (!Enum.IsDefined(input.Channel)) throw AppProblem.Field("channel", "请选择申请渠道");
        if (person.DisabilityGrade is null) throw AppProblem.Field("personId", "人员登记中没有残疾人证信息（类别、等级、证号），请先登记");
        if (input.OtherLivingAllowance < 0 || input.OtherCareAllowance < 0) throw AppProblem.Field("otherCareAllowance", "金额不能为负");
        if (await db.Set<SubsidyApplication>().IgnoreQueryFilters([AppDbContext.ScopeFilter])
            .AnyAsync(a => a.PersonId == person.Id && a.Subsidy == input.Subsidy && a.Status != SubsidyStatus.Refused && a.Status != SubsidyStatus.Terminated, ct))
        {
            throw AppProblem.Conflict("application_exists", $"该残疾人已有正在办理或正在享受的{SubsidyRules.Name(input.Subsidy)}");
        }
        var today = clock.Today;
        var number = await numbers.NextAsync(new NumberSeries((input.Subsidy == Subsidy.Living ? "CS" : "CH") + person.DivisionCode[..9], today.Year, 4),
            db.Set<SubsidyApplication>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Select(a => (string?)a.Number), ct);
        var a = new SubsidyApplication
        {
            Number = number,
            Subsidy = input.Subsidy,
            Channel = input.Channel,
            PersonId = person.Id,
            HouseholdId = await db.HouseholdMembers.Where(m => m.PersonId == person.Id && m.LeftOn == null).Select(m => (Guid?)m.HouseholdId).FirstOrDefaultAsync(ct),
            DivisionCode = person.DivisionCode,
            LowIncome = input.LowIncome,
            WorkInjuryCareAllowance = input.WorkInjuryCareAllowance,
            OtherLivingAllowance = input.OtherLivingAllowance ?? 0,
            OtherCareAllowance = input.OtherCareAllowance ?? 0,
            AppliedOn = today,
            AppliedBy = AccountLabels.Of(user), // a citizen applying online by name, the phone masked (staff read it)
        };
        a.Findings = Json((await AssessAsync(a, today, ct)).Reasons);
        db.Add(a);
        await workflow.StartAsync(DisabilityProcess.Code, DisabilityProcess.SubjectType, a.Id, $"{SubsidyRules.Name(a.Subsidy)} {a.Number}", a.DivisionCode, null, ct);
        audit.Add("apply", nameof(SubsidyApplication), a.Id.ToString(), new { a.Number, a.Subsidy, a.Channel }, a.DivisionCode);
        await db.SaveChangesAsync(ct);
        return a;
    }

    /// <summary>The signed-in citizen's person and the current members of his or her household (empty for staff).</summary>
    public async Task<List<Guid>> OwnHouseholdAsync(CancellationToken ct)
    {
        if (user.UserId is not { } uid || await db.Users.Where(u => u.Id == uid).Select(u => u.PersonId).FirstOrDefaultAsync(ct) is not { } self) return [];
        // A citizen's scope is his or her own village, so the one scope filter already limits this to the household's records.
        var members = db.HouseholdMembers;
        var household = await members.Where(m => m.PersonId == self && m.LeftOn == null).Select(m => (Guid?)m.HouseholdId).FirstOrDefaultAsync(ct);
        return household is { } h ? await members.Where(m => m.HouseholdId == h && m.LeftOn == null).Select(m => m.PersonId).ToListAsync(ct) : [self];
    }

    /// <summary>The applications for the citizen's own household (the citizen's view; staff use the scoped list).</summary>
    public async Task<List<SubsidyApplication>> MineAsync(CancellationToken ct) => await Mine(await OwnHouseholdAsync(ct)).ToListAsync(ct);

    /// <summary>The applications for these household members, newest first (a household has a handful; the API pages them like every list).</summary>
    public IQueryable<SubsidyApplication> Mine(IReadOnlyCollection<Guid> people) =>
        db.Set<SubsidyApplication>().AsNoTracking().Where(a => people.Contains(a.PersonId)).OrderByDescending(a => a.AppliedOn).ThenByDescending(a => a.Id);

    /// <summary>The application's workflow case (its subject is the application), tracked.</summary>
    public async Task<WorkflowCase> CaseOfAsync(SubsidyApplication a, CancellationToken ct = default) =>
        await db.WorkflowCases.IgnoreQueryFilters([AppDbContext.ScopeFilter]) // the application itself was loaded through the scope filter
            .FirstOrDefaultAsync(w => w.SubjectType == DisabilityProcess.SubjectType && w.SubjectId == a.Id, ct)
        ?? throw new InvalidOperationException($"两项补贴申请 {a.Number} 没有业务流程");

    /// <summary>Each application's timeline (oldest first), for the answers and pages.</summary>
    public async Task<Dictionary<Guid, List<WorkflowCaseEvent>>> TimelinesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
    {
        var rows = await db.WorkflowCases.AsNoTracking()
            .Where(w => w.SubjectType == DisabilityProcess.SubjectType && ids.Contains(w.SubjectId))
            .Select(w => new { w.SubjectId, w.Events }).ToListAsync(ct);
        return rows.ToDictionary(r => r.SubjectId, r => r.Events.OrderBy(e => e.At).ThenBy(e => e.Id).ToList());
    }

    /// <summary>The actions a user may not take through the transition shape: they follow from facts recorded elsewhere.</summary>
    private static readonly HashSet<string> NotByUsers = [DisabilityProcess.Suspend, DisabilityProcess.CloseOnDeath];

    /// <summary>
    /// One action of the process (<see cref="DisabilityProcess"/>). The workflow engine decides first whether the action is
    /// allowed in the current state and to this user (and records it on the timeline); only then do the module's effects run —
    /// the certificate check, the rule re-run, publishing or stopping the entitlement — all in one transaction, so a refused
    /// effect (409 not_eligible) leaves neither the state nor the timeline changed.
    /// </summary>
    public async Task<SubsidyApplication> PerformAsync(Guid id, string action, SubsidyActionInput input, CancellationToken ct = default)
    {
        var a = await LoadAsync(id, ct);
        if (input.Version is not { } v) throw AppProblem.Field("version", "缺少版本号，无法判断记录是否已被他人修改");
        db.ExpectVersion(a, v);
        if (NotByUsers.Contains(action)) throw new AppProblem(409, "workflow_action_not_allowed", $"“{action}”由数据比对或死亡登记触发，不能直接办理");
        var wf = await CaseOfAsync(a, ct);
        var before = a.Status;
        var e = await workflow.PerformAsync(wf, new(action, input.Opinion), NoModuleEffect, ct);
        a.Status = DisabilityProcess.StatusOf(wf.State);
        var opinion = input.Opinion?.Trim() ?? "";
        var today = clock.Today;
        switch (action)
        {
            case DisabilityProcess.Refuse:
                {
                    a.Findings = Json((await AssessAsync(a, today, ct)).Reasons);
                    a.RefusalReason = $"{StepName(before)}：{opinion}";
                    break;
                }
            case DisabilityProcess.Terminate:
                {
                    if (input.Reason is not { } reason || !Enum.IsDefined(reason)) throw AppProblem.Field("reason", "请选择停发原因");
                    if (input.EventDate is not { } on || on > today) throw AppProblem.Field("eventDate", "请填写事由发生日期（不晚于今天）");
                    await StopEffectsAsync(a, before, reason, SubsidyRules.LastPaidMonth(on), opinion, null);
                    break;
                }
            case DisabilityProcess.Resume:
                {
                    var outcome = await AssessAsync(a, today, ct);
                    a.Findings = Json(outcome.Reasons);
                    if (!outcome.Eligible) throw new AppProblem(409, "not_eligible", "不符合补贴条件，不能恢复发放（应予停发）：" + string.Join("；", outcome.Reasons));
                    var from = Entitlements.MonthOf(today).AddMonths(1);
                    await PublishAsync(a, outcome, from, "恢复发放", ct);
                    a.LastMonth = null;
                    a.EndNote = null;
                    e.Opinion = Append(e.Opinion, $"{from:yyyy年M月}起每月 {a.MonthlyAmount} 元");
                    audit.Add("resume", nameof(SubsidyApplication), a.Id.ToString(), new { a.Number, from, amount = a.MonthlyAmount.ToString() }, a.DivisionCode);
                    break;
                }
            default:
                {
                    // a step of the chain: village check, township review, 残联 verification, county approval
                    if (action == DisabilityProcess.VerifyCertificate)
                    {
                        // 残联 verifies the certificate: generation and validity go into the rule
                        if (input.CertificateGeneration is not (2 or 3)) throw AppProblem.Field("certificateGeneration", "请核对残疾人证为第二代或第三代");
                        a.CertificateGeneration = input.CertificateGeneration;
                        a.CertificateValidUntil = input.CertificateValidUntil;
                    }
                    var outcome = await AssessAsync(a, today, ct);
                    a.Findings = Json(outcome.Reasons);
                    // from the township's review on, agreeing requires the rule to hold on the day (the village only checks facts)
                    if (a.Status >= SubsidyStatus.TownshipReviewed && !outcome.Eligible)
                    {
                        throw new AppProblem(409, "not_eligible", "不符合补贴条件：" + string.Join("；", outcome.Reasons));
                    }
                    if (action == DisabilityProcess.ApproveSubsidy)
                    {
                        var from = Entitlements.MonthOf(today).AddMonths(1);
                        await PublishAsync(a, outcome, from, "县民政审批", ct);
                        a.FromMonth = from;
                    }
                    break;
                }
        }
        if (action != DisabilityProcess.Resume)
        {
            audit.Add(action == DisabilityProcess.Refuse ? "refuse" : action == DisabilityProcess.Terminate ? "terminate" : "step", nameof(SubsidyApplication), a.Id.ToString(),
                new { a.Number, step = e.ActionName, a.Status }, a.DivisionCode);
        }
        await db.SaveChangesAsync(ct);
        return a;
    }

    /// <summary>
    /// The old "/step" (kept one release as an alias): agreeing is the forward action of the current step, disagreeing its
    /// refusal; the same answers as before (409 application_closed on a closed application).
    /// </summary>
    public async Task<SubsidyApplication> StepAsync(Guid id, SubsidyStepInput input, CancellationToken ct = default)
    {
        var a = await LoadAsync(id, ct);
        if (input.Version is not { } v) throw AppProblem.Field("version", "缺少版本号，无法判断记录是否已被他人修改");
        db.ExpectVersion(a, v);
        var forward = DisabilityProcess.ForwardAction(a.Status) ?? throw AppProblem.Conflict("application_closed", "该申请已办结");
        if (!input.Agree && string.IsNullOrWhiteSpace(input.Opinion))
        {
            // the old answer's order: permission before the missing reason (agreeing needs no opinion)
            var wf = await CaseOfAsync(a, ct);
            var model = await workflow.ModelOfAsync(wf, ct);
            if (!workflow.AvailableActions(wf, model).Any(t => t.Action == forward)) throw AppProblem.Forbidden($"“{StepName(a.Status)}”不由您办理");
            throw AppProblem.Field("opinion", "不同意须写明理由");
        }
        return await PerformAsync(id, input.Agree ? forward : DisabilityProcess.Refuse,
            new SubsidyActionInput(input.Opinion, input.Version, input.CertificateGeneration, input.CertificateValidUntil), ct);
    }

    /// <summary>停发 (the old "/terminate", kept one release as an alias): paid for the month of the event, stopped from the following month (国发〔2015〕52号 dynamic management).</summary>
    public async Task<SubsidyApplication> TerminateAsync(Guid id, TerminationReason reason, DateOnly? eventDate, string? note, int? version, CancellationToken ct = default)
    {
        if (!user.HasPermission(DisabilityPermissions.Approve)) throw AppProblem.Forbidden("停发由县级民政部门决定");
        var a = await LoadAsync(id, ct);
        if (version is not { } v) throw AppProblem.Field("version", "缺少版本号，无法判断记录是否已被他人修改");
        db.ExpectVersion(a, v);
        if (a.Status is not (SubsidyStatus.Approved or SubsidyStatus.Suspended)) throw AppProblem.Conflict("not_running", "只有正在发放或暂停发放的补贴可以停发");
        if (!Enum.IsDefined(reason)) throw AppProblem.Field("reason", "请选择停发原因");
        if (eventDate is not { } on || on > clock.Today) throw AppProblem.Field("eventDate", "请填写事由发生日期（不晚于今天）");
        if (string.IsNullOrWhiteSpace(note)) throw AppProblem.Field("note", "请写明停发理由");
        return await PerformAsync(id, DisabilityProcess.Terminate, new SubsidyActionInput(note, version, Reason: reason, EventDate: on), ct);
    }

    /// <summary>恢复发放 (the old "/resume", kept one release as an alias).</summary>
    public async Task<SubsidyApplication> ResumeAsync(Guid id, int? version, CancellationToken ct = default)
    {
        if (!user.HasPermission(DisabilityPermissions.Approve)) throw AppProblem.Forbidden("恢复发放由县级民政部门决定");
        var a = await LoadAsync(id, ct);
        if (version is not { } v) throw AppProblem.Field("version", "缺少版本号，无法判断记录是否已被他人修改");
        db.ExpectVersion(a, v);
        if (a.Status != SubsidyStatus.Suspended) throw AppProblem.Conflict("not_suspended", "只有暂停发放的补贴可以恢复发放");
        return await PerformAsync(id, DisabilityProcess.Resume, new SubsidyActionInput(null, version), ct);
    }

    /// <summary>
    /// Stops a running or suspended subsidy on an outside authority (a death, a finding confirmed by data comparison): the
    /// engine moves the case first (the transition must exist from the current state), then nothing is due after
    /// <paramref name="lastMonth"/> (which may be in the past: the next payroll then recovers what was paid since). Tracked, not saved.
    /// </summary>
    internal async Task StopAtAsync(SubsidyApplication a, TerminationReason reason, DateOnly lastMonth, string note, string authority, CancellationToken ct)
    {
        var before = a.Status;
        var wf = await CaseOfAsync(a, ct);
        var e = await workflow.PerformAuthorizedAsync(wf, new(DisabilityProcess.Terminate, note), authority, NoModuleEffect, ct);
        a.Status = DisabilityProcess.StatusOf(wf.State);
        await StopEffectsAsync(a, before, reason, lastMonth, note, authority);
        e.Opinion = Append(e.Opinion, $"发放至 {a.LastMonth:yyyy年M月}");
    }

    /// <summary>The entitlement ends after <paramref name="lastMonth"/>; a suspended subsidy stays stopped from its suspension if that was earlier.</summary>
    private async Task StopEffectsAsync(SubsidyApplication a, SubsidyStatus before, TerminationReason reason, DateOnly lastMonth, string note, string? authority)
    {
        var last = Entitlements.MonthOf(lastMonth);
        if (before == SubsidyStatus.Suspended && a.LastMonth is { } suspendedAfter && suspendedAfter < last) last = suspendedAfter;
        await entitlements.EndAsync(ProgramCode(a.Subsidy), a.Id, last, CancellationToken.None);
        a.Status = SubsidyStatus.Terminated;
        a.LastMonth = last;
        a.EndReason = reason;
        a.EndNote = note;
        audit.Add("terminate", nameof(SubsidyApplication), a.Id.ToString(), new { a.Number, reason, last, authority }, a.DivisionCode);
    }

    /// <summary>An open application closed by the applicant's death (the registry's death use case). Tracked, not saved.</summary>
    internal async Task CloseOnDeathAsync(SubsidyApplication a, string reason, string authority, CancellationToken ct)
    {
        var wf = await CaseOfAsync(a, ct);
        await workflow.PerformAuthorizedAsync(wf, new(DisabilityProcess.CloseOnDeath, reason), authority, NoModuleEffect, ct);
        a.Status = DisabilityProcess.StatusOf(wf.State);
        a.RefusalReason = reason;
    }

    /// <summary>
    /// A death recorded in error is reversed: a subsidy its record stopped runs again — published anew from the month after
    /// the death, so the next payroll pays the months missed and cancels the recovery — and one that was suspended before
    /// the death returns to its suspension. The workflow case is reopened with the reversal as its authority. Tracked, not saved.
    /// </summary>
    internal async Task<string> RestoreAfterDeathReversalAsync(SubsidyApplication a, DateOnly deathDate, CancellationToken ct)
    {
        var stoppedAt = SubsidyRules.LastPaidMonth(deathDate);
        var last = a.LastMonth ?? stoppedAt;
        var note = $"撤销 {deathDate:yyyy-MM-dd} 的死亡登记";
        var wf = await CaseOfAsync(a, ct);
        a.EndReason = null;
        if (last < stoppedAt)
        {
            // StopAtAsync kept an earlier suspension's last month: the subsidy had been suspended, and stays so
            await workflow.ReopenAuthorizedAsync(wf, DisabilityProcess.Suspended, "撤销死亡登记，恢复为暂停发放", $"恢复为暂停发放（发放至 {last:yyyy年M月}）", note, ct);
            a.Status = SubsidyStatus.Suspended;
            a.EndNote = $"{note}（{clock.Today:yyyy-MM-dd} {user.UserName}），恢复为暂停发放";
            audit.Add("restore-after-death-reversal", nameof(SubsidyApplication), a.Id.ToString(), new { a.Number, status = a.Status, last }, a.DivisionCode);
            return $"{SubsidyRules.Name(a.Subsidy)}（{a.Number}）恢复为暂停发放";
        }
        await workflow.ReopenAuthorizedAsync(wf, DisabilityProcess.Approved, "撤销死亡登记，恢复发放", $"恢复发放，{last.AddMonths(1):yyyy年M月}起的月份照发", note, ct);
        await entitlements.ReopenAsync(ProgramCode(a.Subsidy), a.Id, last, null, ct);
        a.Status = SubsidyStatus.Approved;
        a.LastMonth = null;
        a.EndNote = null;
        audit.Add("restore-after-death-reversal", nameof(SubsidyApplication), a.Id.ToString(), new { a.Number, status = a.Status, from = last.AddMonths(1) }, a.DivisionCode);
        return $"恢复发放{SubsidyRules.Name(a.Subsidy)}（{a.Number}），{last.AddMonths(1):yyyy年M月}起补发，因死亡产生的追缴在下月发放时撤销";
    }

    /// <summary>
    /// 暂停发放 on a finding confirmed elsewhere (data comparison): nothing is due after <paramref name="lastMonth"/> until the
    /// county resumes or terminates it. The engine moves the case first. Tracked, not saved (the caller's transaction).
    /// </summary>
    internal async Task SuspendAsync(SubsidyApplication a, DateOnly lastMonth, string note, string authority, CancellationToken ct)
    {
        if (a.Status != SubsidyStatus.Approved) throw AppProblem.Conflict("benefit_not_running", "只有正在发放的补贴可以暂停发放");
        var wf = await CaseOfAsync(a, ct);
        var last = Entitlements.MonthOf(lastMonth);
        await workflow.PerformAuthorizedAsync(wf, new(DisabilityProcess.Suspend, $"{note}，发放至 {last:yyyy年M月}"), authority, NoModuleEffect, ct);
        a.Status = DisabilityProcess.StatusOf(wf.State);
        await entitlements.EndAsync(ProgramCode(a.Subsidy), a.Id, last, ct);
        a.LastMonth = last;
        a.EndNote = note;
        audit.Add("suspend", nameof(SubsidyApplication), a.Id.ToString(), new { a.Number, last, authority }, a.DivisionCode);
    }

    /// <summary>The name of the chain's step a status waits for (for refusal reasons and messages).</summary>
    public static string StepName(SubsidyStatus s) => s switch
    {
        SubsidyStatus.Applied => "村级核实",
        SubsidyStatus.VillageChecked => "乡镇审核",
        SubsidyStatus.TownshipReviewed => "县残联审核",
        SubsidyStatus.Verified => "县民政审批",
        _ => "办理",
    };

    private static string Append(string? opinion, string more) => string.IsNullOrWhiteSpace(opinion) ? more : $"{opinion}，{more}";

    /// <summary>Approved: the monthly amount at the standard of <paramref name="from"/>, with its explanation, due from that month.</summary>
    private async Task PublishAsync(SubsidyApplication a, SubsidyOutcome outcome, DateOnly from, string reason, CancellationToken ct)
    {
        var amountFigure = figures.Require(a.Subsidy == Subsidy.Living ? DisabilityFigures.LivingAmount : DisabilityFigures.CareAmount, a.DivisionCode, from);
        var lines = new List<AmountLine>
        {
            new(SubsidyRules.Name(a.Subsidy), amountFigure.Amount.Yuan, amountFigure.Basis),
            new("认定依据：" + string.Join("；", outcome.Reasons.Where(r => r != SubsidyRules.Basis)), 0m, SubsidyRules.Basis),
        };
        a.Status = SubsidyStatus.Approved;
        a.MonthlyAmount = amountFigure.Amount;
        a.Explanation = JsonSerializer.Serialize(lines, AuditRecorder.Json);
        await entitlements.SetAsync(PayeeOf(a), from, amountFigure.Amount, a.Explanation, reason, ct);
    }

    public async Task<SubsidyOutcome> AssessAsync(SubsidyApplication a, DateOnly date, CancellationToken ct)
    {
        var person = await db.Persons.AsNoTracking().FirstAsync(p => p.Id == a.PersonId, ct);
        var month = Entitlements.MonthOf(date);
        var dibao = a.HouseholdId is { } h && await entitlements.RunningForHouseholdAsync(AssistancePrograms.Dibao, h, month, ct) is not null;
        var orphan = await entitlements.RunningForPersonAsync(ChildPrograms.Orphan, person.Id, month, ct) is not null;
        var tekun = await entitlements.RunningForPersonAsync(AssistancePrograms.ExtremePoverty, person.Id, month, ct) is not null;
        var certificate = person.DisabilityGrade is { } grade && person.DisabilityCategory is { } category
            ? new Certificate(a.CertificateGeneration ?? 2, category, grade, a.CertificateValidUntil)
            : null;
        var facts = new SubsidyFacts(person.LifeStatus == LifeStatus.Alive, divisions.Find(person.DivisionCode) is not null /* hukou within this platform's division tree */, certificate, dibao, a.LowIncome, orphan, tekun,
            a.WorkInjuryCareAllowance, a.OtherLivingAllowance, a.OtherCareAllowance);
        var f = new SubsidyFigures(
            figures.Require(DisabilityFigures.LivingForLowIncome, a.DivisionCode, date).Yes,
            figures.Require(DisabilityFigures.CareMaxGrade, a.DivisionCode, date).Number,
            figures.Require(DisabilityFigures.CareMild, a.DivisionCode, date).Yes,
            figures.Find(DisabilityFigures.LivingAmount, a.DivisionCode, date)?.Amount.Yuan ?? 0m,
            figures.Find(DisabilityFigures.CareAmount, a.DivisionCode, date)?.Amount.Yuan ?? 0m);
        return SubsidyRules.Decide(a.Subsidy, facts, date, f);
    }

    public static Entitlements.Payee PayeeOf(SubsidyApplication a) => new(ProgramCode(a.Subsidy), a.Id, a.Number, a.PersonId, a.HouseholdId, a.DivisionCode, 1, a.PersonId);

    private static string Json(IReadOnlyList<string> reasons) => JsonSerializer.Serialize(reasons, AuditRecorder.Json);
}

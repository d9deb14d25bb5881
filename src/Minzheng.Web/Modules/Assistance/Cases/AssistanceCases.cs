using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Assistance.Reviews;
using Minzheng.Web.Modules.Assistance.Rules;
using Minzheng.Web.Modules.Assistance.Standards;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Calendar;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Workflow;
using static Minzheng.Web.Modules.Assistance.Cases.AssistanceProcesses;

namespace Minzheng.Web.Modules.Assistance.Cases;

/// <summary>
/// The use cases of an assistance case, for pages and API alike: apply, record the investigation, and the
/// process actions with their guards (delegation, flagged relatives, notice period, township limit) and
/// effects (decision, amount with explanation, payment start, documents, review schedule).
/// Each call is one transaction; a stale version answers 409.
/// </summary>
public sealed class AssistanceCases(
    AppDbContext db, WorkflowEngine workflow, CaseAssessor assessor, Figures figures, CaseDocuments documents, Platform.Files.FileStore files, Entitlements entitlements,
    ICurrentUser user, BusinessClock clock, WorkingCalendar calendar, DivisionDirectory divisions, CaseNumbers numbers)
{
    public static readonly JsonSerializerOptions Json = AuditRecorder.Json;

    public async Task<AssistanceCase> LoadAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<AssistanceCase>().Include(c => c.Members).Include(c => c.IncomeItems).AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id, ct)
        ?? throw AppProblem.NotFound("救助业务");

    public async Task<AssistanceCase> ApplyAsync(ApplyInput input, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var household = input.HouseholdId is { } hid
            ? await db.Households.Include(h => h.Members).FirstOrDefaultAsync(h => h.Id == hid, ct)
            : input.HouseholdNumber is { Length: > 0 } number
                ? await db.Households.Include(h => h.Members).FirstOrDefaultAsync(h => h.Number == number.Trim(), ct)
                : null;
        if (household is null) throw AppProblem.Field("householdId", "家庭不存在或不在您的管辖范围内；请先在家庭登记中登记该户", "household_not_found");
        if (!input.ConsentToCheck) errors.Add("consentToCheck", "申请须由家庭授权核对家庭经济状况（家庭经济状况核对授权书）");
        var memberIds = household.CurrentMembers.Select(m => m.PersonId).ToList();
        var people = await db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]).Where(p => memberIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var applicantId = input.ApplicantPersonId ?? household.HeadPersonId ?? Guid.Empty;
        if (!people.ContainsKey(applicantId)) errors.Add("applicantPersonId", "申请人须是该户现有成员");
        if (input.SinglePersonId is { } single && !people.ContainsKey(single)) errors.Add("singlePersonId", "单人户申请人须是该户现有成员");
        if (input.Program == AssistanceProgram.Dibao && input.SinglePersonId is not null && string.IsNullOrWhiteSpace(input.SinglePersonGround))
        {
            errors.Add("singlePersonGround", "单人户申请须说明依据（如一二级残疾、三级智力精神残疾、重特大疾病）");
        }
        if (input.Program == AssistanceProgram.Temporary && input.TemporaryType is null) errors.Add("temporaryType", "请选择急难型或支出型");
        if (input.FlaggedRelative && string.IsNullOrWhiteSpace(input.FlaggedDetail)) errors.Add("flaggedDetail", "请说明与村干部或民政经办人员的亲属关系");
        if (string.IsNullOrWhiteSpace(input.Reason)) errors.Add("reason", "请填写申请理由（家庭困难情况）");
        if (input.Channel == Channel.Online && !user.HasPermission(Permissions.CitizenApply)) errors.Add("channel", "网上申请须由群众本人提交");
        if (input.Channel != Channel.Online && !user.HasPermission(AssistancePermissions.Apply)) throw AppProblem.Forbidden("您没有代为提交申请的权限");
        errors.ThrowIfAny();

        var open = await db.Set<AssistanceCase>().IgnoreQueryFilters([AppDbContext.ScopeFilter])
            .AnyAsync(c => c.HouseholdId == household.Id && c.Program == input.Program && c.State != Refused && c.State != NotAccepted && c.State != Withdrawn
                && c.State != Terminated && c.State != Granted && (input.Program != AssistanceProgram.ExtremePoverty || c.SinglePersonId == input.SinglePersonId), ct);
        if (open) throw AppProblem.Conflict("case_exists", $"该户已有正在办理或在保的{ProgramName(input.Program)}业务，请在原业务中办理变更");

        var village = divisions.Find(household.DivisionCode)!;
        var today = clock.Today;
        var applicant = people[applicantId];
        var c = new AssistanceCase
        {
            Number = await NextNumberAsync(input.Program, household.DivisionCode, today.Year, ct),
            Program = input.Program,
            State = Submitted,
            DivisionCode = household.DivisionCode,
            Area = village.IsUrban == true ? Area.Urban : Area.Rural,
            HouseholdId = household.Id,
            ApplicantPersonId = applicantId,
            ApplicantName = applicant.Name,
            Channel = input.Channel,
            SubmittedBy = user.UserName,
            AppliedOn = today,
            Reason = input.Reason!.Trim(),
            ConsentToCheck = true,
            SinglePersonId = input.SinglePersonId,
            SinglePersonGround = input.SinglePersonGround?.Trim(),
            FlaggedRelative = input.FlaggedRelative,
            FlaggedDetail = input.FlaggedDetail?.Trim(),
            TemporaryType = input.TemporaryType,
            RequestedAmount = input.RequestedAmount is { } r ? Money.FromYuan(r) : Money.Zero,
        };
        foreach (var m in household.CurrentMembers)
        {
            var p = people[m.PersonId];
            c.Members.Add(new AssistanceMember
            {
                CaseId = c.Id,
                PersonId = p.Id,
                Name = p.Name,
                Relation = m.Relation,
                BirthDate = p.BirthDate,
                DisabilityCategory = p.DisabilityCategory,
                DisabilityGrade = p.DisabilityGrade,
                Included = p.LifeStatus == LifeStatus.Alive,
            });
        }
        db.Set<AssistanceCase>().Add(c);
        var wf = await workflow.StartAsync(For(input.Program).Code, "assistance-case", c.Id, $"{ProgramName(input.Program)} · {applicant.Name}（{c.Number}）", c.DivisionCode,
            $"{ChannelName(input.Channel)}：{c.Reason}", ct);
        c.WorkflowCaseId = wf.Id;
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task<AssistanceCase> SaveInvestigationAsync(Guid id, InvestigationInput input, CancellationToken ct = default)
    {
        if (!user.HasPermission(AssistancePermissions.Investigate)) throw AppProblem.Forbidden("您没有登记入户调查的权限");
        var c = await LoadAsync(id, ct);
        if (c.State is not (Investigating or AssistedFirst)) throw AppProblem.Conflict("case_not_investigating", "只有调查核实阶段可以登记调查结果");
        Expect(c, input.Version);
        var errors = new ValidationErrors();
        var investigators = (input.Investigators ?? "").Split([',', '，', '、', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (investigators.Length < 2) errors.Add("investigators", "入户调查须由两名以上工作人员进行，请填写全部调查人员");
        if (string.IsNullOrWhiteSpace(input.VisitRecord)) errors.Add("visitRecord", "请填写入户调查记录");
        if (input.InvestigatedOn is null || input.InvestigatedOn > clock.Today) errors.Add("investigatedOn", "请填写调查日期（不晚于今天）");
        if (input.Deposits < 0 || input.Vehicles < 0 || input.Houses < 0) errors.Add("deposits", "财产数额不能为负");
        foreach (var (item, i) in input.Income.Select((x, i) => (x, i)))
        {
            if (item.MonthlyAmount < 0 || decimal.Round(item.MonthlyAmount, 2) != item.MonthlyAmount) errors.Add($"income[{i}]", "收入金额应为不小于0、最多两位小数的元");
            if (IncomeCategories.All.All(c => c.Code != item.Category)) errors.Add($"income[{i}]", $"未知的收入类别“{item.Category}”，可选：{string.Join("、", IncomeCategories.All.Select(c => c.Code))}");
        }
        if (input.RequestedAmount is { } ra && (ra < 0 || decimal.Round(ra, 2) != ra)) errors.Add("requestedAmount", "金额应为不小于0、最多两位小数的元");
        errors.ThrowIfAny();

        c.InvestigatedOn = input.InvestigatedOn;
        c.Investigators = string.Join("、", investigators);
        c.VisitRecord = input.VisitRecord!.Trim();
        c.NeighbourRecord = input.NeighbourRecord?.Trim();
        c.EconomicCheck = input.EconomicCheck;
        c.EconomicCheckNote = input.EconomicCheckNote?.Trim();
        c.IncomeIrregular = input.IncomeIrregular;
        foreach (var facts in input.Members)
        {
            var m = c.Members.FirstOrDefault(x => x.PersonId == facts.PersonId) ?? throw AppProblem.Field("members", "成员不属于本申请");
            m.Included = facts.Included;
            m.SeriouslyIll = facts.SeriouslyIll;
            m.AbleToWork = facts.AbleToWork;
        }
        db.Set<AssistanceIncomeItem>().RemoveRange(c.IncomeItems);
        c.IncomeItems.Clear();
        foreach (var item in input.Income)
        {
            var row = new AssistanceIncomeItem
            {
                CaseId = c.Id,
                Category = item.Category.Trim(),
                Description = item.Description?.Trim() ?? "",
                MonthlyAmount = Money.FromYuan(item.MonthlyAmount),
                // The category decides: excluded items are recorded but not counted; deductions reduce income.
                Excluded = item.Category == "excluded",
                IsDeduction = item.Category == "deduction",
            };
            c.IncomeItems.Add(row);
            db.Set<AssistanceIncomeItem>().Add(row);
        }
        c.Deposits = Money.FromYuan(input.Deposits);
        c.Vehicles = input.Vehicles;
        c.Houses = input.Houses;
        c.HasBusiness = input.HasBusiness;
        if (c.Program == AssistanceProgram.ExtremePoverty)
        {
            c.SelfCareUnable = input.SelfCareUnable is null ? null : string.Join(",", input.SelfCareUnable.Distinct());
            c.SelfCareLevel = input.SelfCareUnable is null ? null : ExtremePovertyRules.AssessSelfCare(input.SelfCareUnable);
            c.SupportForm = input.SupportForm;
            c.Institution = input.SupportForm == SupportForm.Centralised ? input.Institution?.Trim() : null;
            c.HasAbleSupporter = input.HasAbleSupporter;
        }
        if (c.Program == AssistanceProgram.Temporary)
        {
            c.TemporaryType = input.TemporaryType ?? c.TemporaryType;
            if (input.RequestedAmount is { } amount) c.RequestedAmount = Money.FromYuan(amount);
        }
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task<AssistanceCase> PerformAsync(Guid id, string action, ActionInput input, CancellationToken ct = default)
    {
        var c = await LoadAsync(id, ct);
        Expect(c, input.Version);
        var wf = await db.WorkflowCases.FirstOrDefaultAsync(w => w.Id == c.WorkflowCaseId, ct) ?? throw AppProblem.NotFound("业务流程");
        var today = clock.Today;
        string? issue = null;
        object? facts = null;

        switch (action)
        {
            case "accept":
                c.AcceptedOn = today;
                issue = "受理通知书";
                break;
            case "not-accept":
                c.RefusalReasons = input.Opinion?.Trim();
                c.EndedOn = today;
                issue = "不予受理告知书";
                break;
            case "withdraw":
                if (c.ApplicantPersonId != await CitizenPersonIdAsync(ct)) throw AppProblem.NotFound("救助业务");
                c.EndedOn = today;
                break;
            case "record-withdrawal":
                c.EndedOn = today;
                break;
            case "submit-investigation":
            case "complete-paperwork":
                if (c.InvestigatedOn is null || c.Investigators is null) throw new AppProblem(409, "investigation_missing", "请先登记入户调查结果（两名以上调查人员、调查记录）");
                if (c.EconomicCheck == EconomicCheck.Pending) throw new AppProblem(409, "economic_check_pending", "家庭经济状况核对结果尚未登记");
                if (c.Program == AssistanceProgram.ExtremePoverty && c.SelfCareLevel is null) throw new AppProblem(409, "self_care_missing", "特困人员须先完成生活自理能力评估");
                if (action == "complete-paperwork") c.PaperworkDoneOn = today;
                break;
            case "propose-approve":
                {
                    var assessment = assessor.Assess(c, today);
                    if (!assessment.Eligible) throw new AppProblem(409, "not_eligible", "按调查结果不符合条件，不能审核同意：" + string.Join("；", assessment.Reasons));
                    c.TownshipOpinion = input.Opinion?.Trim() ?? "经审核，符合条件，同意公示。";
                    c.RefusalProposed = false;
                    c.ProposedAmount = assessment.Amount;
                    StartNotice(c, today);
                    issue = "公示名单";
                    facts = new { assessment.Summary, c.NoticeFrom, c.NoticeTo };
                    break;
                }
            case "propose-refuse":
                c.TownshipOpinion = input.Opinion?.Trim();
                c.RefusalProposed = true;
                break;
            case "return":
            case "county-return":
                c.RefusalProposed = false;
                break;
            case "objection":
                var objection = new AssistanceObjection { CaseId = c.Id, RaisedOn = today, Content = input.Opinion!.Trim(), RecordedBy = user.UserName, Handling = "重新调查核实后再次审核、公示" };
                db.Set<AssistanceObjection>().Add(objection);
                c.NoticeFrom = null;
                c.NoticeTo = null;
                break;
            case "notice-ended":
                if (c.NoticeTo is not { } end || today <= end) throw new AppProblem(409, "notice_not_ended", $"公示期至 {c.NoticeTo:yyyy-MM-dd}，期满后才能进入审批确认");
                break;
            case "confirm-township":
            case "confirm-county":
            case "grant-township":
            case "grant-county":
                await DecideApprovalAsync(c, action, today, ct);
                issue = c.Program == AssistanceProgram.Temporary ? "临时救助审批通知书" : "确认通知书";
                break;
            case "refuse-township":
            case "refuse-county":
                GuardLevel(c, action.EndsWith("township", StringComparison.Ordinal), today, refusing: true);
                c.DecidedOn = today;
                c.DecidedBy = user.UserName;
                c.DecisionLevel = action.EndsWith("township", StringComparison.Ordinal) ? ApprovalLevel.Township : ApprovalLevel.County;
                c.RefusalReasons = input.Opinion?.Trim();
                c.EndedOn = today;
                c.Marginal = c.Program == AssistanceProgram.Dibao && TryAssess(c, today)?.Marginal == true;
                issue = "不予确认告知书";
                break;
            case "file":
                c.FiledOn = today;
                break;
            case "assist-first":
                {
                    if (c.Program != AssistanceProgram.Temporary || c.TemporaryType != TemporaryType.Urgent) throw new AppProblem(409, "assist_first_urgent_only", "先行救助只适用于急难型临时救助");
                    if (input.Amount is not > 0) throw AppProblem.Field("amount", "请填写先行救助金额");
                    c.RequestedAmount = Money.FromYuan(input.Amount.Value);
                    var assessment = assessor.Assess(c, today);
                    if (assessment.Level != ApprovalLevel.Township) throw new AppProblem(409, "above_township_limit", "先行救助金额超过乡镇审批额度，请按程序报县级审批");
                    c.ApprovedAmount = assessment.Amount;
                    c.AssistFirst = true;
                    c.AcceptedOn = today;
                    var days = figures.Number(StandardKinds.TempPaperworkDays, c.DivisionCode, today);
                    c.PaperworkDueOn = calendar.AddWorkingDays(today, days);
                    c.AmountExplanation = JsonSerializer.Serialize(assessment.Lines, Json);
                    AddAmountChange(c, today, c.ApprovedAmount, "先行救助", assessment.Lines);
                    entitlements.OneOff(PayeeOf(c), today, c.ApprovedAmount, c.AmountExplanation, "先行救助");
                    issue = "先行救助通知书";
                    break;
                }
            case "suspend":
                // paid through this month; nothing due from next month until resumed
                await SuspendPaymentAsync(c, input.Opinion, today, ct);
                issue = SuspensionNoticeTitle;
                break;
            case "resume":
                c.SuspendedOn = null;
                c.EndReason = null;
                await entitlements.SetAsync(PayeeOf(c), Entitlements.MonthOf(today).AddMonths(1), c.MonthlyAmount, c.AmountExplanation ?? "[]", "恢复发放", ct);
                break;
            case "terminate":
            case "confirm-termination":
                c.EndReason ??= input.Opinion?.Trim();
                if (action == "terminate") c.EndReason = input.Opinion?.Trim();
                await EndPaymentAsync(c, today, ct);
                issue = TerminationNoticeTitle;
                break;
            case "propose-termination":
                c.EndReason = input.Opinion?.Trim();
                StartNotice(c, today);
                issue = "终止供养公示";
                break;
            case "termination-objection":
                db.Set<AssistanceObjection>().Add(new AssistanceObjection { CaseId = c.Id, RaisedOn = today, Content = input.Opinion!.Trim(), RecordedBy = user.UserName, Handling = "恢复供养，重新核实" });
                c.EndReason = null;
                c.NoticeFrom = null;
                c.NoticeTo = null;
                break;
            default:
                throw new AppProblem(404, "unknown_action", $"未知的操作“{action}”");
        }

        var e = await workflow.PerformAsync(wf, action, input.Opinion, null, ct);
        c.State = wf.State;
        if (issue is not null) await documents.IssueAsync(c, issue, e.Opinion, facts, ct);
        await db.SaveChangesAsync(ct);
        return c;
    }

    private const string SuspensionNoticeTitle = "暂停发放通知书";
    private const string TerminationNoticeTitle = "终止保障通知书";

    /// <summary>
    /// 暂停发放 ("suspend") or 终止保障 ("terminate") on an authority decided outside this module (a township's confirmed
    /// data-comparison finding, through <see cref="IBenefitActions"/>): the same effects, timeline event and notice as the
    /// case's own action, except that the acting user need not hold the transition's permission and payment ends after
    /// <paramref name="lastMonth"/>, which may be in the past (the next payroll then recovers what was paid since).
    /// Changes are tracked, not saved: they commit in the caller's transaction.
    /// </summary>
    internal async Task<AssistanceCase> PerformAuthorizedAsync(Guid id, string action, string reason, string authority, DateOnly lastMonth, string? documentNote, CancellationToken ct)
    {
        if (action is not ("suspend" or "terminate")) throw new ArgumentOutOfRangeException(nameof(action), action, "only suspend and terminate are performed on an outside authority");
        var c = await LoadAsync(id, ct);
        var wf = await db.WorkflowCases.FirstOrDefaultAsync(w => w.Id == c.WorkflowCaseId, ct) ?? throw AppProblem.NotFound("业务流程");
        // the workflow first: it refuses a transition the state does not allow before anything else is tracked
        var e = await workflow.PerformAuthorizedAsync(wf, action, reason, authority, ct);
        c.State = wf.State;
        if (action == "suspend")
        {
            await SuspendPaymentAsync(c, reason, lastMonth, ct);
        }
        else
        {
            c.EndReason = reason.Trim();
            await EndPaymentAsync(c, lastMonth, ct);
        }
        await documents.IssueAsync(c, action == "suspend" ? SuspensionNoticeTitle : TerminationNoticeTitle, e.Opinion + documentNote, null, ct);
        return c;
    }

    /// <summary>
    /// Moves the end of payment of a suspended case back to <paramref name="lastMonth"/> (a finding that it was paid for
    /// months it was not due), as a timeline note: the case stays suspended and its own process decides the rest.
    /// </summary>
    internal async Task<AssistanceCase> RecoverWhileSuspendedAsync(Guid id, string reason, string authority, DateOnly lastMonth, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        if (c.State != Suspended) throw AppProblem.Conflict("benefit_not_running", "只有暂停发放的业务可以登记追缴");
        var wf = await db.WorkflowCases.FirstOrDefaultAsync(w => w.Id == c.WorkflowCaseId, ct) ?? throw AppProblem.NotFound("业务流程");
        workflow.AddNote(wf, "追缴", WorkflowEngine.WithAuthority(authority, $"{reason.Trim()}（发放至 {lastMonth:yyyy年M月}，此后已发放的金额予以追缴）"));
        await entitlements.EndAsync(ProgramCode(c.Program), c.Id, lastMonth, ct);
        return c;
    }

    private async Task SuspendPaymentAsync(AssistanceCase c, string? reason, DateOnly lastMonth, CancellationToken ct)
    {
        c.SuspendedOn = clock.Today;
        c.EndReason = reason?.Trim();
        await entitlements.EndAsync(ProgramCode(c.Program), c.Id, lastMonth, ct);
    }

    private async Task EndPaymentAsync(AssistanceCase c, DateOnly lastMonth, CancellationToken ct)
    {
        c.EndedOn = clock.Today;
        await entitlements.EndAsync(ProgramCode(c.Program), c.Id, lastMonth, ct);
    }

    /// <summary>Attaches a scanned or photographed document (入户调查表, 证明材料…) to the case timeline.</summary>
    public async Task AttachAsync(Guid id, string fileName, Stream content, string note, CancellationToken ct = default)
    {
        var c = await LoadAsync(id, ct);
        if (AssistanceProcesses.IsClosed(c.State)) throw new AppProblem(409, "case_closed", "业务已办结，不能再补充材料");
        var stored = await files.SaveAsync(fileName, content, ct);
        var wf = await db.WorkflowCases.SingleAsync(w => w.Id == c.WorkflowCaseId, ct);
        workflow.AddNote(wf, "补充材料", $"{note}：{stored.FileName}", [(stored.Id, stored.FileName)]);
        await db.SaveChangesAsync(ct);
    }

    public async Task RecordCountyVisitAsync(Guid id, DateOnly? date, string? record, CancellationToken ct = default)
    {
        if (!user.HasPermission(AssistancePermissions.Confirm)) throw AppProblem.Forbidden("入户核查由县级民政部门进行");
        var c = await LoadAsync(id, ct);
        if (date is null || date > clock.Today) throw AppProblem.Field("date", "请填写核查日期（不晚于今天）");
        if (string.IsNullOrWhiteSpace(record)) throw AppProblem.Field("record", "请填写核查记录");
        c.CountyVisitOn = date;
        c.CountyVisitRecord = record.Trim();
        await db.SaveChangesAsync(ct);
    }

    public async Task RecordSpotCheckAsync(Guid id, string? result, CancellationToken ct = default)
    {
        if (!user.HasPermission(AssistancePermissions.Confirm)) throw AppProblem.Forbidden("抽查由县级民政部门进行");
        var c = await LoadAsync(id, ct);
        if (c.DecisionLevel != ApprovalLevel.Township || c.DecidedOn is null) throw new AppProblem(409, "spot_check_not_applicable", "只抽查乡镇审批确认的业务");
        if (string.IsNullOrWhiteSpace(result)) throw AppProblem.Field("result", "请填写抽查结果");
        c.SpotCheckedOn = clock.Today;
        c.SpotCheckResult = result.Trim();
        await db.SaveChangesAsync(ct);
    }

    public async Task ExtendAsync(Guid id, string? reason, CancellationToken ct = default)
    {
        if (!user.HasPermission(AssistancePermissions.Approve)) throw AppProblem.Forbidden("延长办理时限须由审核人员决定");
        var c = await LoadAsync(id, ct);
        var wf = await db.WorkflowCases.SingleAsync(w => w.Id == c.WorkflowCaseId, ct);
        await workflow.ExtendAsync(wf, reason ?? "", ct);
        await db.SaveChangesAsync(ct);
    }

    private Assessment? TryAssess(AssistanceCase c, DateOnly date)
    {
        try
        {
            return assessor.Assess(c, date);
        }
        catch (AppProblem)
        {
            return null;
        }
    }

    private void StartNotice(AssistanceCase c, DateOnly today)
    {
        var days = figures.Number(StandardKinds.NoticeDays, c.DivisionCode, today);
        c.NoticeFrom = today;
        c.NoticeTo = today.AddDays(days - 1);
        c.NoticeRound++;
    }

    private void GuardLevel(AssistanceCase c, bool township, DateOnly today, bool refusing)
    {
        if (!township)
        {
            if (c.FlaggedRelative && c.CountyVisitOn is null && !refusing) throw new AppProblem(409, "county_visit_required", "单独登记备案的申请须由县级民政部门入户核查后方可确认");
            return;
        }
        if (c.Program == AssistanceProgram.ExtremePoverty) throw new AppProblem(403, "county_only", "特困人员由县级民政部门审批确认");
        if (c.FlaggedRelative) throw new AppProblem(403, "county_only", "申请人为村干部或民政经办人员近亲属（单独登记备案），须由县级民政部门入户核查并审批确认");
        if (c.Program == AssistanceProgram.Dibao && !figures.ApprovalDelegated(c.DivisionCode, today)) throw new AppProblem(403, "county_only", "本县低保审批确认权限未下放乡镇，须由县级确认");
    }

    private async Task DecideApprovalAsync(AssistanceCase c, string action, DateOnly today, CancellationToken ct)
    {
        var township = action.EndsWith("township", StringComparison.Ordinal);
        GuardLevel(c, township, today, refusing: false);
        if (c.RefusalProposed) throw new AppProblem(409, "refusal_proposed", "乡镇审核意见为不同意，只能作出不予确认的决定，或退回重新调查");
        var assessment = assessor.Assess(c, today);
        if (!assessment.Eligible) throw new AppProblem(409, "not_eligible", "按调查结果不符合条件：" + string.Join("；", assessment.Reasons));
        if (c.Program == AssistanceProgram.Temporary && township && assessment.Level == ApprovalLevel.County && !c.AssistFirst)
        {
            throw new AppProblem(409, "above_township_limit", "救助金额超过乡镇审批额度，须由县级审批");
        }
        c.DecidedOn = today;
        c.DecidedBy = user.UserName;
        c.DecisionLevel = township ? ApprovalLevel.Township : ApprovalLevel.County;
        c.AmountExplanation = JsonSerializer.Serialize(assessment.Lines, Json);
        if (c.Program == AssistanceProgram.Temporary)
        {
            c.ApprovedAmount = c.AssistFirst ? c.ApprovedAmount : assessment.Amount;
            c.RequiredLevel = assessment.Level;
            c.EndedOn = today;
            if (!c.AssistFirst)
            {
                AddAmountChange(c, today, c.ApprovedAmount, "临时救助审批", assessment.Lines);
                entitlements.OneOff(PayeeOf(c), today, c.ApprovedAmount, c.AmountExplanation, "临时救助审批");
            }
            return;
        }
        // 57号: payment starts the month after the decision.
        c.PaymentStartMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        c.MonthlyAmount = assessment.Amount;
        c.BasicLiving = assessment.Basic;
        c.Care = assessment.Care;
        AddAmountChange(c, c.PaymentStartMonth.Value, assessment.Amount, township ? "乡镇审批确认" : "县级审批确认", assessment.Lines);
        await entitlements.SetAsync(PayeeOf(c), c.PaymentStartMonth.Value, assessment.Amount, c.AmountExplanation, township ? "乡镇审批确认" : "县级审批确认", ct);
        var months = figures.Number(c.IncomeIrregular ? StandardKinds.ReviewIrregularMonths : StandardKinds.ReviewStableMonths, c.DivisionCode, today);
        c.NextReviewOn = c.PaymentStartMonth.Value.AddMonths(months).AddDays(-1);
        db.Set<AssistanceReview>().Add(new AssistanceReview
        {
            CaseId = c.Id,
            CaseNumber = c.Number,
            ApplicantName = c.ApplicantName,
            DivisionCode = c.DivisionCode,
            Kind = ReviewKind.Scheduled,
            DueOn = c.NextReviewOn.Value,
        });
    }

    private void AddAmountChange(AssistanceCase c, DateOnly from, Money amount, string reason, IReadOnlyList<AmountLine> lines) =>
        db.Set<AssistanceAmountChange>().Add(new AssistanceAmountChange
        {
            CaseId = c.Id,
            EffectiveFrom = from,
            Amount = amount,
            Reason = reason,
            Explanation = JsonSerializer.Serialize(lines, Json),
            DecidedBy = user.UserName,
            DecidedOn = clock.Today,
        });

    private void Expect(AssistanceCase c, int? version)
    {
        if (version is not { } v) throw AppProblem.Field("version", "缺少版本号，无法判断记录是否已被他人修改");
        db.ExpectVersion(c, v);
    }

    private async Task<Guid?> CitizenPersonIdAsync(CancellationToken ct) =>
        user.UserId is { } uid ? await db.Users.Where(u => u.Id == uid).Select(u => u.PersonId).FirstOrDefaultAsync(ct) : null;

    private Task<string> NextNumberAsync(AssistanceProgram program, string divisionCode, int year, CancellationToken ct) =>
        numbers.NextAsync(new NumberSeries(Prefix(program) + divisionCode[..9], year, 4),
            db.Set<AssistanceCase>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Select(c => (string?)c.Number), ct);

    /// <summary>The program code under which payments pay this case.</summary>
    public static string ProgramCode(AssistanceProgram program) => For(program).Code;

    public static Entitlements.Payee PayeeOf(AssistanceCase c) =>
        new(ProgramCode(c.Program), c.Id, c.Number, c.SinglePersonId ?? c.ApplicantPersonId, c.HouseholdId, c.DivisionCode, c.MemberCount, c.SinglePersonId);

    public static string ChannelName(Channel channel) => channel switch
    {
        Channel.Online => "网上自助申请",
        Channel.Village => "村（社区）代为申请",
        _ => "乡镇窗口申请",
    };
}

using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Assistance.Standards;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Workflow;
using static Minzheng.Web.Modules.Assistance.Cases.AssistanceProcesses;

namespace Minzheng.Web.Modules.Assistance.Cases;

/// <summary>
/// An application for a household (online by the applicant, or by a village or township clerk on their behalf): the
/// members are snapshot from the registry, a case number is drawn and the program's process starts. One open case per
/// household and program (per person for extreme poverty).
/// </summary>
public sealed class ApplyForAssistance(AppDbContext db, WorkflowEngine workflow, ProgramPolicies policies, ICurrentUser user, BusinessClock clock, DivisionDirectory divisions, CaseNumbers numbers,
    AssistanceCases cases)
{
    public async Task<AssistanceCase> RunAsync(ApplyInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input); // the limits declared on the input, for the page as for the API (ADR 024)
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
        var policy = policies.For(input.Program);
        policy.ValidateApplication(input, errors);
        if (input.FlaggedRelative && string.IsNullOrWhiteSpace(input.FlaggedDetail)) errors.Add("flaggedDetail", "请说明与村干部或民政经办人员的亲属关系");
        if (string.IsNullOrWhiteSpace(input.Reason)) errors.Add("reason", "请填写申请理由（家庭困难情况）");
        if (input.Channel == Channel.Online && !user.HasPermission(Permissions.CitizenApply)) errors.Add("channel", "网上申请须由群众本人提交");
        if (input.Channel != Channel.Online && !user.HasPermission(AssistancePermissions.Apply)) throw AppProblem.Forbidden("您没有代为提交申请的权限");
        if (input.AcceptAtCounter && input.Channel != Channel.Counter) errors.Add("acceptAtCounter", "只有乡镇窗口申请可以当场受理");
        else if (input.AcceptAtCounter && !user.HasPermission(AssistancePermissions.Accept)) errors.Add("acceptAtCounter", "您没有受理权限，申请提交后由乡镇经办人员受理");
        errors.ThrowIfAny();

        var perPerson = policy.OneOpenCasePerPerson;
        var open = await db.Set<AssistanceCase>().IgnoreQueryFilters([AppDbContext.ScopeFilter])
            .AnyAsync(c => c.HouseholdId == household.Id && c.Program == input.Program && c.State != Refused && c.State != NotAccepted && c.State != Withdrawn
                && c.State != Terminated && c.State != Granted && (!perPerson || c.SinglePersonId == input.SinglePersonId), ct);
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
            $"{AssistanceCases.ChannelName(input.Channel)}：{c.Reason}", ct);
        c.WorkflowCaseId = wf.Id;
        await db.SaveChangesAsync(ct);
        // 窗口申请当场受理: the process's own accept step (engine checks, 受理通知书), recorded as a second event after the application
        if (input.AcceptAtCounter) c = await cases.PerformAsync(c.Id, "accept", new ActionInput { Opinion = "窗口申请，当场受理", Version = c.Version }, ct);
        return c;
    }

    private Task<string> NextNumberAsync(AssistanceProgram program, string divisionCode, int year, CancellationToken ct) =>
        numbers.NextAsync(new NumberSeries(Prefix(program) + divisionCode[..9], year, 4),
            db.Set<AssistanceCase>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Select(c => (string?)c.Number), ct);
}

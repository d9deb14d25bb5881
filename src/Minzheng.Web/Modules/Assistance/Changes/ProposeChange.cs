using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Assistance.Cases;
using Minzheng.Web.Modules.Assistance.Rules;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Modules.Assistance.Changes;

/// <summary>
/// Opens a change proposal (<see cref="AssistanceChange"/>) on the workflow kernel, for the township approver to decide. Tracked, not
/// saved: it commits in the caller's transaction (the death, the finding's confirmation).
/// </summary>
public sealed class ProposeChange(AppDbContext db, WorkflowEngine workflow, CaseAssessor assessor, ICurrentUser user, BusinessClock clock)
{
    /// <summary>
    /// A member of a household on dibao died and others covered remain: the household is recalculated without him from the month
    /// after the death — 社会救助暂行办法 第十三条 (家庭人口变化的，县级民政部门决定增发、减发或者停发) and the comparison rule's own
    /// words, 家庭保障的应重新核定 — as a proposal the approver decides. Only when the rules give the rest of the household nothing
    /// is it a termination proposal; a household never loses its dibao for one member's death alone (ADR 022). Where the member
    /// paid so far died, the proposal names the member paid from then on (the spouse, else the eldest adult, else the eldest).
    /// The household's income stays as investigated except the rows the dead member earned himself (his wage or pension ends with him):
    /// the explanation says so, and a rejection sends the township to investigate.
    /// </summary>
    public async Task<AssistanceChange> ForDeathAsync(AssistanceCase c, Guid personId, DateOnly deathDate, CancellationToken ct)
    {
        var from = Entitlements.MonthOf(deathDate).AddMonths(1);
        // the household's income is half of the rule: a case loaded without its income items would be recalculated as if it had none
        var income = db.Entry(c).Collection(x => x.IncomeItems);
        if (!income.IsLoaded) await income.LoadAsync(ct);
        var counted = c.Members.Where(m => m.Included).ToList();
        var ids = counted.Select(m => m.PersonId).ToList();
        // the person dying now is marked deceased on the tracked entity only; other members who died before are in the database
        var dead = await db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]).Where(p => ids.Contains(p.Id) && p.LifeStatus == LifeStatus.Deceased).Select(p => p.Id).ToListAsync(ct);
        var remaining = counted.Where(m => m.PersonId != personId && !dead.Contains(m.PersonId)).ToList();
        var died = c.Members.FirstOrDefault(m => m.PersonId == personId);
        var name = died?.Name ?? "家庭成员";
        var assessment = assessor.Assess(c, remaining, from);
        var adjust = assessment.Eligible && assessment.Amount.Fen > 0;
        AssistanceMember? payee = null;
        if (c.ApplicantPersonId == personId || !remaining.Any(m => m.PersonId == c.ApplicantPersonId))
        {
            payee = remaining.FirstOrDefault(m => m.Relation == Relation.Spouse)
                ?? remaining.Where(m => DibaoRules.AgeOn(m.BirthDate, from) >= 18).OrderBy(m => m.BirthDate).FirstOrDefault()
                ?? remaining.OrderBy(m => m.BirthDate).FirstOrDefault();
        }
        // his own income rows (wage, pension) end with him; rows of the whole household stay as investigated
        var gone = c.RemovedEarners(remaining);
        var hisIncome = new Platform.Money.Money(c.IncomeItems.Where(i => !i.Excluded && i.PersonId is { } earner && gone.Contains(earner))
            .Sum(i => i.IsDeduction ? -i.MonthlyAmount.Fen : i.MonthlyAmount.Fen));
        var reason = $"家庭成员{name}（{(died is null ? "" : RegistryLabels.Of(died.Relation))}）于 {deathDate:yyyy-MM-dd} 死亡，自 {from:yyyy年M月}起不再计入共同生活的家庭成员"
            + $"（{counted.Count} 人 → {remaining.Count} 人），家庭保障应重新核定（社会救助暂行办法第十三条）；家庭收入按 {c.InvestigatedOn:yyyy-MM-dd} 调查结果计算"
            + (hisIncome.Fen == 0 ? "" : $"，不再计入已故成员本人的收入每月 {hisIncome.ToYuanString()}")
            + (adjust ? "" : "；按其余成员核定已不符合条件：" + string.Join("；", assessment.Reasons))
            + (payee is null ? "" : $"；领取人变更为{payee.Name}");
        return await OpenAsync(c, adjust ? ChangeKind.Adjust : ChangeKind.Terminate, from, reason, "人员登记：死亡", adjust ? assessment : null, remaining.Count,
            personId, payee, ct);
    }

    /// <summary>A termination asked for by someone who may not decide it (a township clerk confirming a finding): nothing due after <paramref name="lastMonth"/> once approved.</summary>
    public Task<AssistanceChange> TerminationAsync(AssistanceCase c, DateOnly lastMonth, string reason, string authority, CancellationToken ct) =>
        OpenAsync(c, ChangeKind.Terminate, Entitlements.MonthOf(lastMonth).AddMonths(1), reason.Trim(), authority.Trim(), null, null, null, null, ct);

    private async Task<AssistanceChange> OpenAsync(AssistanceCase c, ChangeKind kind, DateOnly from, string reason, string? authority, Assessment? assessment, int? members,
        Guid? removed, AssistanceMember? payee, CancellationToken ct)
    {
        var change = new AssistanceChange
        {
            CaseId = c.Id,
            CaseNumber = c.Number,
            DivisionCode = c.DivisionCode,
            Kind = kind,
            Reason = reason.Length > 1000 ? reason[..1000] : reason,
            Authority = authority is { Length: > 500 } ? authority[..500] : authority,
            EffectiveFrom = from,
            Amount = assessment?.Amount ?? default,
            Explanation = assessment is null ? null : JsonSerializer.Serialize(assessment.Lines, AssistanceCases.Json),
            MemberCount = members,
            RemovedPersonId = removed,
            NewPayeePersonId = payee?.PersonId,
            NewPayeeName = payee?.Name,
            ProposedBy = user.UserName,
            ProposedOn = clock.Today,
        };
        var title = $"{AssistanceProcesses.ProgramName(c.Program)} {c.Number} "
            + (kind == ChangeKind.Adjust ? $"自 {from:yyyy年M月}起调整为每月 {change.Amount.ToYuanString()}" : $"拟终止，发放至 {from.AddMonths(-1):yyyy年M月}");
        var wf = await workflow.StartAsync(ChangeProcess.Code, ChangeProcess.Code, change.Id, title, c.DivisionCode,
            authority is null ? reason : WorkflowEngine.WithAuthority(authority, reason), ct);
        change.WorkflowCaseId = wf.Id;
        db.Set<AssistanceChange>().Add(change);
        // the case's own timeline says a change waits for decision, so whoever opens the case sees it
        // (beside the scope filter, like the case itself: a death may be recorded by someone outside the household's township)
        var caseWf = await db.WorkflowCases.IgnoreQueryFilters([AppDbContext.ScopeFilter]).FirstAsync(w => w.Id == c.WorkflowCaseId, ct);
        workflow.AddNote(caseWf, kind == ChangeKind.Adjust ? "提出变更核定" : "提请终止保障", title + "（待审核人员审批）。" + change.Reason);
        return change;
    }
}

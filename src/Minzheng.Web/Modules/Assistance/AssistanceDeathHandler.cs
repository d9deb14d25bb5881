using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Assistance.Cases;
using Minzheng.Web.Modules.Assistance.Changes;
using Minzheng.Web.Modules.Assistance.Reviews;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.Assistance;

/// <summary>
/// A death in a supported household: when nobody covered is left alive (a single-person dibao or extreme-poverty case),
/// payment stops after the month of death at once. One member's death never ends a household's dibao (ADR 022): the household
/// is recalculated without him from the month after the death — 家庭保障的应重新核定 (社会救助暂行办法 第十三条) — as a change
/// proposal the township approver decides, with its notice; only where the rules leave the others nothing is it a termination
/// proposal, decided the same way. Other cases where someone covered remains get a review task.
/// A reversal restores the payment it stopped (nobody else covered alive: the case's entitlement runs again), withdraws a
/// proposal still waiting, and otherwise opens a review task: an amount already recalculated can only be corrected by the township.
/// </summary>
public sealed class AssistanceDeathHandler(AppDbContext db, Entitlements entitlements, ReviewService reviews, ProposeChange changes, DecideChange decisions) : IDeathHandler
{
    public async Task<IReadOnlyList<string>> OnDeathAsync(Guid personId, DateOnly deathDate, CancellationToken ct)
    {
        var cases = await db.Set<AssistanceCase>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Include(c => c.Members)
            .Where(c => (c.State == AssistanceProcesses.Active || c.State == AssistanceProcesses.Suspended)
                && (c.SinglePersonId == personId || c.Members.Any(m => m.PersonId == personId && m.Included)))
            .ToListAsync(ct);
        var effects = new List<string>();
        foreach (var c in cases)
        {
            var covered = c.SinglePersonId is { } single ? [single] : c.Members.Where(m => m.Included).Select(m => m.PersonId).ToList();
            var others = covered.Where(p => p != personId).ToList();
            var othersAlive = others.Count > 0 && await db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]).AnyAsync(p => others.Contains(p.Id) && p.LifeStatus != LifeStatus.Deceased, ct);
            var program = AssistanceProcesses.ProgramName(c.Program);
            if (!othersAlive)
            {
                await entitlements.EndAsync(AssistanceCases.ProgramCode(c.Program), c.Id, Entitlements.MonthOf(deathDate), ct);
                effects.Add($"停发{program}（{c.Number}），发放至 {deathDate:yyyy年M月}；请乡镇办理终止");
            }
            else if (c.Program == AssistanceProgram.Dibao && c.SinglePersonId is null)
            {
                var change = await changes.ForDeathAsync(c, personId, deathDate, ct);
                effects.Add(change.Kind == ChangeKind.Adjust
                    ? $"{program}（{c.Number}）家庭成员死亡：按其余 {change.MemberCount} 人重新核定，自 {change.EffectiveFrom:yyyy年M月}起每月 {change.Amount.ToYuanString()}，待审核人员审批"
                    : $"{program}（{c.Number}）家庭成员死亡：按其余成员核定已不符合条件，已提请审核人员决定终止");
                continue;
            }
            else
            {
                effects.Add($"{program}（{c.Number}）家庭成员死亡，已生成复核任务重新核定保障金额");
            }
            await reviews.ReportChangeAsync(c.Id, $"人员登记记载：保障对象于 {deathDate:yyyy-MM-dd} 死亡", ct);
        }
        return effects;
    }

    public async Task<IReadOnlyList<string>> OnDeathReversedAsync(Guid personId, DateOnly deathDate, CancellationToken ct)
    {
        var cases = await db.Set<AssistanceCase>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Include(c => c.Members)
            .Where(c => (c.State == AssistanceProcesses.Active || c.State == AssistanceProcesses.Suspended)
                && (c.SinglePersonId == personId || c.Members.Any(m => m.PersonId == personId && m.Included)))
            .ToListAsync(ct);
        var effects = new List<string>();
        var month = Entitlements.MonthOf(deathDate);
        foreach (var c in cases)
        {
            var covered = c.SinglePersonId is { } single ? [single] : c.Members.Where(m => m.Included).Select(m => m.PersonId).ToList();
            var others = covered.Where(p => p != personId).ToList();
            var othersAlive = others.Count > 0 && await db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]).AnyAsync(p => others.Contains(p.Id) && p.LifeStatus != LifeStatus.Deceased, ct);
            var program = AssistanceProcesses.ProgramName(c.Program);
            // a recalculation still waiting for the approver rested on the death alone: it is withdrawn
            var waiting = await db.Set<AssistanceChange>().IgnoreQueryFilters([AppDbContext.ScopeFilter])
                .Where(x => x.CaseId == c.Id && x.RemovedPersonId == personId && x.Status == ChangeStatus.Proposed).ToListAsync(ct);
            var withdrawn = false;
            foreach (var w in waiting) withdrawn |= await decisions.WithdrawAsync(w, "死亡登记已撤销，本变更核定不再办理", "撤销死亡登记", ct);
            if (withdrawn && !await db.Set<AssistanceChange>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AnyAsync(x => x.CaseId == c.Id && x.RemovedPersonId == personId && x.Status == ChangeStatus.Approved, ct))
            {
                effects.Add($"{program}（{c.Number}）因死亡提出的变更核定已撤回，保障金额不变");
                continue;
            }
            // the death stopped the payment only where nobody else covered was alive; that stop the module can undo itself
            if (!othersAlive && await entitlements.ReopenAsync(AssistanceCases.ProgramCode(c.Program), c.Id, month, null, ct))
            {
                effects.Add($"恢复发放{program}（{c.Number}），{month.AddMonths(1):yyyy年M月}起补发；死亡登记时生成的复核任务请据实办结");
            }
            else
            {
                await reviews.ReportChangeAsync(c.Id, $"撤销死亡登记：保障对象 {deathDate:yyyy-MM-dd} 的死亡登记有误，请核实家庭成员并重新核定保障金额", ct);
                effects.Add($"{program}（{c.Number}）已生成复核任务，由乡镇重新核定保障金额");
            }
        }
        return effects;
    }
}

using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Assistance.Cases;
using Minzheng.Web.Modules.Assistance.Reviews;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.Assistance;

/// <summary>
/// A death in a supported household: when nobody covered is left alive (a single-person dibao or extreme-poverty case),
/// payment stops after the month of death at once; otherwise the household's amount must be recalculated by the township
/// (a change-report review task due today, which adjusts from the next month through the normal review).
/// A reversal restores the payment it stopped (nobody else covered alive: the case's entitlement runs again) and otherwise
/// opens a review task: a household's amount recalculated after the death can only be corrected by the township.
/// </summary>
public sealed class AssistanceDeathHandler(AppDbContext db, Entitlements entitlements, ReviewService reviews) : IDeathHandler
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

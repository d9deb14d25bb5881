using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Disability.Rules;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.Disability;

/// <summary>
/// A death stops both subsidies: paid for the month of death, stopped from the next (a suspended one stays stopped from its
/// suspension). Its reversal restores them; an application in progress that the death closed cannot be reopened at the step
/// it had reached, so the township is told to accept it again.
/// </summary>
public sealed class DisabilityDeathHandler(AppDbContext db, SubsidyApplications applications) : IDeathHandler
{
    public async Task<IReadOnlyList<string>> OnDeathAsync(Guid personId, DateOnly deathDate, CancellationToken ct)
    {
        var running = await db.Set<SubsidyApplication>().IgnoreQueryFilters([AppDbContext.ScopeFilter])
            .Where(a => a.PersonId == personId && a.Status != SubsidyStatus.Refused && a.Status != SubsidyStatus.Terminated).ToListAsync(ct);
        var effects = new List<string>();
        foreach (var a in running)
        {
            if (a.Status is SubsidyStatus.Approved or SubsidyStatus.Suspended)
            {
                await applications.StopAtAsync(a, TerminationReason.Death, SubsidyRules.LastPaidMonth(deathDate), $"{deathDate:yyyy-MM-dd} 死亡（人员登记记载）", "人员登记死亡记载", ct);
                effects.Add($"停发{SubsidyRules.Name(a.Subsidy)}（{a.Number}），发放至 {a.LastMonth:yyyy年M月}");
            }
            else
            {
                await applications.CloseOnDeathAsync(a, ClosedReason(deathDate), "人员登记死亡记载", ct);
                effects.Add($"终止办理{SubsidyRules.Name(a.Subsidy)}申请（{a.Number}）");
            }
        }
        return effects;
    }

    public async Task<IReadOnlyList<string>> OnDeathReversedAsync(Guid personId, DateOnly deathDate, CancellationToken ct)
    {
        var stopped = await db.Set<SubsidyApplication>().IgnoreQueryFilters([AppDbContext.ScopeFilter])
            .Where(a => a.PersonId == personId && a.Status == SubsidyStatus.Terminated && a.EndReason == TerminationReason.Death).ToListAsync(ct);
        var effects = new List<string>();
        foreach (var a in stopped) effects.Add(await applications.RestoreAfterDeathReversalAsync(a, deathDate, ct));
        var closed = ClosedReason(deathDate);
        foreach (var a in await db.Set<SubsidyApplication>().IgnoreQueryFilters([AppDbContext.ScopeFilter])
                     .Where(a => a.PersonId == personId && a.Status == SubsidyStatus.Refused && a.RefusalReason == closed).ToListAsync(ct))
        {
            effects.Add($"{SubsidyRules.Name(a.Subsidy)}申请（{a.Number}）已因死亡登记终止办理，不能自动恢复，请乡镇重新受理");
        }
        return effects;
    }

    private static string ClosedReason(DateOnly deathDate) => $"申请人于 {deathDate:yyyy-MM-dd} 死亡，终止办理";
}

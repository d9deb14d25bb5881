using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Disability.Rules;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.Disability;

/// <summary>A death stops both subsidies: paid for the month of death, stopped from the next (a suspended one stays stopped from its suspension).</summary>
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
                await applications.StopAsync(a, TerminationReason.Death, deathDate, $"{deathDate:yyyy-MM-dd} 死亡（殡葬、医院登记）", ct);
                effects.Add($"停发{SubsidyRules.Name(a.Subsidy)}（{a.Number}），发放至 {a.LastMonth:yyyy年M月}");
            }
            else
            {
                a.Status = SubsidyStatus.Refused;
                a.RefusalReason = $"申请人于 {deathDate:yyyy-MM-dd} 死亡，终止办理";
                effects.Add($"终止办理{SubsidyRules.Name(a.Subsidy)}申请（{a.Number}）");
            }
        }
        return effects;
    }
}

using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.ChildWelfare.Allowances;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.ChildWelfare;

/// <summary>
/// A child's death ends its allowance after the month of death; pending applications are closed. Its reversal runs the
/// allowance again until the month its age ends it; a closed application is accepted again by the township.
/// </summary>
public sealed class ChildDeathHandler(AppDbContext db, ChildAllowances allowances) : IDeathHandler
{
    public async Task<IReadOnlyList<string>> OnDeathAsync(Guid personId, DateOnly deathDate, CancellationToken ct)
    {
        var cases = await db.Set<ChildAllowanceCase>().IgnoreQueryFilters([AppDbContext.ScopeFilter])
            .Where(c => c.ChildPersonId == personId && c.Status != ChildCaseStatus.Refused && c.Status != ChildCaseStatus.Ended).ToListAsync(ct);
        var effects = new List<string>();
        var last = Entitlements.MonthOf(deathDate);
        foreach (var c in cases)
        {
            if (c.Status == ChildCaseStatus.Confirmed)
            {
                await allowances.EndAtAsync(c, ChildEndReason.Death, last, $"{deathDate:yyyy-MM-dd} 死亡（人员登记记载）", "人员登记死亡记载", ct);
                effects.Add($"停发{ChildAllowances.KindName(c.Kind)}基本生活费（{c.Number}），发放至 {c.EndedMonth:yyyy年M月}");
            }
            else
            {
                await allowances.CloseOnDeathAsync(c, ClosedReason(deathDate), "人员登记死亡记载", ct);
                effects.Add($"终止办理{ChildAllowances.KindName(c.Kind)}申请（{c.Number}）");
            }
        }
        return effects;
    }

    public async Task<IReadOnlyList<string>> OnDeathReversedAsync(Guid personId, DateOnly deathDate, CancellationToken ct)
    {
        var effects = new List<string>();
        var ended = await db.Set<ChildAllowanceCase>().IgnoreQueryFilters([AppDbContext.ScopeFilter])
            .Where(c => c.ChildPersonId == personId && c.Status == ChildCaseStatus.Ended && c.EndReason == ChildEndReason.Death).ToListAsync(ct);
        foreach (var c in ended)
        {
            var endedMonth = c.EndedMonth ?? Entitlements.MonthOf(deathDate);
            await allowances.RestoreAfterDeathReversalAsync(c, deathDate, ct);
            effects.Add($"恢复发放{ChildAllowances.KindName(c.Kind)}基本生活费（{c.Number}），{endedMonth.AddMonths(1):yyyy年M月}起补发");
        }
        var closed = ClosedReason(deathDate);
        foreach (var c in await db.Set<ChildAllowanceCase>().IgnoreQueryFilters([AppDbContext.ScopeFilter])
                     .Where(c => c.ChildPersonId == personId && c.Status == ChildCaseStatus.Refused && c.RefusalReason == closed).ToListAsync(ct))
        {
            effects.Add($"{ChildAllowances.KindName(c.Kind)}申请（{c.Number}）已因死亡登记终止办理，不能自动恢复，请乡镇重新受理");
        }
        return effects;
    }

    private static string ClosedReason(DateOnly deathDate) => $"儿童于 {deathDate:yyyy-MM-dd} 死亡，终止办理";
}

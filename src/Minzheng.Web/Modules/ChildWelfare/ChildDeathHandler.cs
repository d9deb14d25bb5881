using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.ChildWelfare.Allowances;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.ChildWelfare;

/// <summary>A child's death ends its allowance after the month of death; pending applications are closed.</summary>
public sealed class ChildDeathHandler(AppDbContext db, Entitlements entitlements) : IDeathHandler
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
                await entitlements.EndAsync(ChildAllowances.ProgramCode(c.Kind), c.Id, last, ct);
                c.Status = ChildCaseStatus.Ended;
                c.EndedMonth = last;
                c.EndReason = ChildEndReason.Death;
                c.EndNote = $"{deathDate:yyyy-MM-dd} 死亡（殡葬、医院登记）";
                effects.Add($"停发{ChildAllowances.KindName(c.Kind)}基本生活费（{c.Number}），发放至 {last:yyyy年M月}");
            }
            else
            {
                c.Status = ChildCaseStatus.Refused;
                c.RefusalReason = $"儿童于 {deathDate:yyyy-MM-dd} 死亡，终止办理";
                effects.Add($"终止办理{ChildAllowances.KindName(c.Kind)}申请（{c.Number}）");
            }
        }
        return effects;
    }
}

using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.ChildWelfare.Allowances;
using Minzheng.Web.Modules.ChildWelfare.Pages;
using Minzheng.Web.Modules.ChildWelfare.Watch;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.ChildWelfare;

/// <summary>The child-welfare panel of the one-person view: allowance cases (as the child or as guardian) and the watch list entry.</summary>
public sealed class ChildPersonPanel(AppDbContext db) : IPersonPanel
{
    public sealed record Item(string Href, string Number, string What, string State, string Detail);

    public string ModuleKey => "child-welfare";
    public string Title => "儿童福利";
    public int Order => 30;
    public string PartialView => "/Modules/ChildWelfare/Pages/_PersonPanel.cshtml";

    public async Task<object?> LoadAsync(Guid personId, CancellationToken ct)
    {
        var cases = await db.Set<ChildAllowanceCase>().AsNoTracking().Where(c => c.ChildPersonId == personId || c.GuardianPersonId == personId)
            .OrderByDescending(c => c.AppliedOn).ToListAsync(ct);
        var watch = await db.Set<WatchedChild>().AsNoTracking().Where(w => w.PersonId == personId).ToListAsync(ct);
        return cases.Select(c => new Item($"/children/cases/{c.Id}", c.Number, ChildLabels.Of(c.Kind) + (c.ChildPersonId == personId ? "" : "（监护人）"), ChildLabels.Of(c.Status),
                c.Status is ChildCaseStatus.Confirmed ? $"每月 {c.MonthlyAmount} 元，至 {c.LastMonthByAge:yyyy年M月}" : ""))
            .Concat(watch.Select(w => new Item($"/children/watch/{w.Id}", "", w.LeftBehind ? "农村留守儿童" : "困境儿童", w.Closed ? "已退出" : ChildLabels.Of(w.Risk), $"儿童主任 {w.Director}，应于 {w.NextVisitDue:yyyy-MM-dd} 前走访")))
            .ToList();
    }
}

using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Disability.Pages;
using Minzheng.Web.Modules.Disability.Rules;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.Disability;

/// <summary>The disability-subsidy panel of the one-person view.</summary>
public sealed class DisabilityPersonPanel(AppDbContext db) : IPersonPanel
{
    public sealed record Item(Guid Id, string Number, string Subsidy, string Status, string Detail);

    public string ModuleKey => "disability";
    public string Title => "残疾人两项补贴";
    public int Order => 40;
    public string PartialView => "/Modules/Disability/Pages/_PersonPanel.cshtml";

    public async Task<object?> LoadAsync(Guid personId, CancellationToken ct)
    {
        var rows = await db.Set<SubsidyApplication>().AsNoTracking().Where(a => a.PersonId == personId).OrderByDescending(a => a.AppliedOn).ToListAsync(ct);
        return rows.Select(a => new Item(a.Id, a.Number, SubsidyRules.Name(a.Subsidy), IndexModel.StatusName(a.Status),
            a.Status == SubsidyStatus.Approved ? $"每月 {a.MonthlyAmount} 元，{a.FromMonth:yyyy年M月} 起"
            : a.Status == SubsidyStatus.Suspended ? $"暂停发放，发放至 {a.LastMonth:yyyy年M月}"
            : a.LastMonth is { } last ? $"发放至 {last:yyyy年M月}" : a.RefusalReason ?? "")).ToList();
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Volunteers.TimeBank.Pages;

/// <summary>本人时间银行 (phone page): balance, statement, relatives, transfer to a relative, donation.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + VolunteerPermissions.Self)]
public sealed class CitizenModel(TimeBankService bank) : PageModel
{
    public TimeAccount? Account { get; private set; }
    public Paged<StatementLine>? Statement { get; private set; }
    public List<RelativeView> Relatives { get; private set; } = [];

    public async Task OnGetAsync(int? p)
    {
        var ct = HttpContext.RequestAborted;
        Account = await bank.MineAsync(ct);
        Statement = await bank.StatementAsync(Account, PageRequest.From(p, 20), ct);
        Relatives = await bank.RelativesAsync(Account, ct);
    }

    [ProblemPrefix("Transfer")]
    public async Task<IActionResult> OnPostTransferAsync(Guid? relativePersonId, int? minutes)
    {
        var ct = HttpContext.RequestAborted;
        await bank.TransferAsync(await bank.MineAsync(ct), new(relativePersonId, minutes), ct);
        TempData["Message"] = $"已转赠 {minutes} 分钟";
        return RedirectToPage();
    }

    [ProblemPrefix("Donate")]
    public async Task<IActionResult> OnPostDonateAsync(int? minutes)
    {
        var ct = HttpContext.RequestAborted;
        await bank.DonateAsync(await bank.MineAsync(ct), new(minutes), ct);
        TempData["Message"] = $"已捐赠 {minutes} 分钟到时间银行捐赠池，感谢您的爱心";
        return RedirectToPage();
    }

    [ProblemPrefix("Relative")]
    public async Task<IActionResult> OnPostRelativeAsync(string? idNumber, string? name, RelativeRelation? relation, string? proof)
    {
        await bank.RegisterRelativeAsync(new(idNumber, name, relation, proof), HttpContext.RequestAborted);
        TempData["Message"] = "已登记近亲属";
        return RedirectToPage();
    }

    public static string KindName(TimeTxnKind k) => TimeBankLabels.Kind(k);
}

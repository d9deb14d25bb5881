using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.ElderlyCare.AgeAllowance.Pages;

/// <summary>高龄津贴: the township's list (candidates first, then confirmed with amounts and their explanation), the month's run, confirm or refuse.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + AgeAllowancePermissions.Read)]
public sealed class IndexModel(AgeAllowanceGrants grants, ICurrentUser user) : PageModel
{
    public Paged<AgeAllowanceGrant> Result { get; private set; } = new([], 0, 1, 50);
    public bool CanConfirm => user.HasPermission(AgeAllowancePermissions.Confirm);
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    /// <summary>The row whose refusal failed (its error is shown beside its opinion field, with what was typed).</summary>
    public Guid? Failed { get; private set; }
    public string? Opinion { get; private set; }

    public async Task OnGetAsync([FromQuery] int page = 1)
    {
        Result = await grants.ListAsync(QueryEnum.Parse<AgeAllowanceStatus>(Status, "status"), PageRequest.From(page, 50, 50), HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostRunAsync(string? month)
    {
        if (!CanConfirm) return Forbid();
        // the month picker posts yyyy-MM; anything else is reported on the field rather than taken as this month
        DateOnly? m = null;
        if (!string.IsNullOrWhiteSpace(month))
        {
            if (!DateOnly.TryParseExact(month.Trim() + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed))
            {
                throw AppProblem.Field("month", "月份格式应为 yyyy-MM");
            }
            m = parsed;
        }
        var added = await grants.RunAsync(m, HttpContext.RequestAborted);
        TempData["Message"] = $"已生成名单：新增待确认 {added} 人";
        return Redirect("/elderly/allowance");
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, int? version)
    {
        if (!CanConfirm) return Forbid();
        var g = await grants.ConfirmAsync(id, new ConfirmInput(version), HttpContext.RequestAborted);
        TempData["Message"] = $"已确认 {g.PersonName}（{g.Number}）：{g.FromMonth:yyyy年M月}起每月 {g.MonthlyAmount?.Yuan:0.00} 元";
        return Redirect("/elderly/allowance");
    }

    public async Task<IActionResult> OnPostRefuseAsync(Guid id, int? version, string? opinion)
    {
        if (!CanConfirm) return Forbid();
        Failed = id;
        Opinion = opinion;
        var g = await grants.RefuseAsync(id, new RefuseInput(opinion, version), HttpContext.RequestAborted);
        TempData["Message"] = $"{g.PersonName}（{g.Number}）不予享受";
        return Redirect("/elderly/allowance");
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Marriage.Registry;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Printing;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Marriage.Divorce.Pages;

/// <summary>The paper the rules name for the application's state: 受理回执 (with the cooling-off dates), 不予受理告知书, or 撤回确认单.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + MarriagePermissions.Read)]
public sealed class PrintModel(DivorceApplications applications, AppDbContext db, PrintFooters footers, BusinessClock clock) : PageModel
{
    public DivorceRow Row { get; private set; } = null!;
    public PrintFooter Footer { get; private set; } = null!;
    public DateOnly Today => clock.Today;

    public string Title => Row.Application.Status switch
    {
        DivorceStatus.NotAccepted => "不予受理离婚登记申请告知书",
        DivorceStatus.Withdrawn => "撤回离婚登记申请确认单",
        _ => "离婚登记申请受理回执单",
    };

    public async Task OnGetAsync(Guid id)
    {
        Row = await applications.RowAsync(id, HttpContext.RequestAborted);
        var authority = await db.Set<MarriageOffice>().AsNoTracking().Where(o => o.Id == Row.Application.OfficeId).Select(o => o.Authority).FirstAsync(HttpContext.RequestAborted);
        Footer = footers.ByUnit(authority);
    }
}

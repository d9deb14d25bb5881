using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.ElderlyCare.HomeCare.Pages;

/// <summary>
/// The caregiver's phone page: the provider's visits in progress (check out with the elder's code) and its elders in service
/// (check in). Position comes from the browser where the phone gives one (a small script fills the hidden fields), else the
/// caregiver types the address.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + HomeCarePermissions.Visit)]
public sealed class VisitModel(HomeCareVisits visits, AppDbContext db, ICurrentUser user, BusinessClock clock) : PageModel
{
    public sealed class FormInput
    {
        public string? Service { get; set; }
        public decimal? Latitude { get; set; }
        public decimal? Longitude { get; set; }
        public string? Address { get; set; }
        public string? ConfirmationCode { get; set; }
        public string? Note { get; set; }
        public int? Version { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public IReadOnlyList<HomeCareVisit> Open { get; private set; } = [];
    public IReadOnlyList<HomeCareOrder> Orders { get; private set; } = [];
    public bool IsProviderStaff => user.OrganizationId is not null;

    /// <summary>This page alone may ask the phone for its position (the platform's policy denies geolocation everywhere else).</summary>
    public override void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context) =>
        Response.Headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(self)";

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var today = clock.Today;
        // the organisation scope (AppDbContext) leaves a provider's account its own orders and records only
        Open = await db.Set<HomeCareVisit>().AsNoTracking().Where(v => v.CheckOutAt == null).OrderBy(v => v.CheckInAt).Take(50).ToListAsync(ct);
        var busy = Open.Select(v => v.OrderId).ToList();
        Orders = await db.Set<HomeCareOrder>().AsNoTracking()
            .Where(o => o.Status == HomeCareOrderStatus.Active && o.FromDate <= today && (o.ToDate == null || o.ToDate >= today) && !busy.Contains(o.Id))
            .OrderBy(o => o.ElderName).Take(100).ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostCheckInAsync(Guid orderId)
    {
        var v = await visits.CheckInAsync(new CheckInInput(orderId, Input.Service, Input.Latitude, Input.Longitude, Input.Address), HttpContext.RequestAborted);
        TempData["Message"] = $"已签到：{v.ElderName} {HomeCareFigures.ServiceName(v.ServiceCode)} {BusinessClock.ToChina(v.CheckInAt):HH:mm}";
        return Redirect("/elderly/home-care/visit");
    }

    public async Task<IActionResult> OnPostCheckOutAsync(Guid visitId)
    {
        var v = await visits.CheckOutAsync(visitId, new CheckOutInput(Input.Latitude, Input.Longitude, Input.Address, Input.ConfirmationCode, Input.Note, Input.Version), HttpContext.RequestAborted);
        TempData["Message"] = $"已签退：{v.ElderName}，服务 {v.Minutes} 分钟，{(v.ConfirmedBy is null ? "老人未确认（不予结算）" : "老人已确认")}";
        return Redirect("/elderly/home-care/visit");
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;

namespace Minzheng.Web.Modules.Rescue.Stays.Pages;

/// <summary>One stay: facts, deadlines, services, the person's other stays, and the forms for services, placement and exit.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + RescuePermissions.Read)]
public sealed class StayModel(RescueStays stays, ICurrentUser user) : PageModel
{
    public sealed class FormInput
    {
        public int? Version { get; set; }
        public ServiceKind? Kind { get; set; }
        public DateOnly? On { get; set; }
        public decimal? Cash { get; set; }
        public bool ReceiptSigned { get; set; }
        public string? Note { get; set; }
        public PlacementKind? Placement { get; set; }
        public StayExit? Exit { get; set; }
        public DateOnly? LeftOn { get; set; }
        public bool DeclarationSigned { get; set; }
        public ReturnForm Return { get; set; } = new();
    }

    public sealed class ReturnForm
    {
        public ReturnMode? Mode { get; set; }
        public string? TicketMode { get; set; }
        public string? From { get; set; }
        public string? To { get; set; }
        public decimal? Fare { get; set; }
        public string? Escorts { get; set; }
        public string? CollectorName { get; set; }
        public string? CollectorRelation { get; set; }
        public string? CollectorIdNumber { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public StayDetail Detail { get; private set; } = null!;
    public bool CanWork => user.HasPermission(RescuePermissions.Work) && StayRules.IsOpen(Detail.Row.Stay.Status);

    public async Task OnGetAsync(Guid id) => Detail = await stays.DetailAsync(id, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostServiceAsync(Guid id)
    {
        await stays.AddServiceAsync(id, new ServiceInput { Version = Input.Version, Kind = Input.Kind, On = Input.On, Cash = Input.Cash, ReceiptSigned = Input.ReceiptSigned, Note = Input.Note },
            HttpContext.RequestAborted);
        TempData["Message"] = "已登记服务";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostPlaceAsync(Guid id)
    {
        await stays.PlaceAsync(id, new PlaceInput(Input.Version, Input.Placement, Input.Note), HttpContext.RequestAborted);
        TempData["Message"] = "已转入照料安置";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostExitAsync(Guid id)
    {
        var r = Input.Return;
        await stays.ExitAsync(id, new ExitInput
        {
            Version = Input.Version,
            Exit = Input.Exit,
            LeftOn = Input.LeftOn,
            Note = Input.Note,
            DeclarationSigned = Input.DeclarationSigned,
            Return = Input.Exit == StayExit.ReturnedHome
                ? new ReturnInput { Mode = r.Mode, TicketMode = r.TicketMode, From = r.From, To = r.To, Fare = r.Fare, Escorts = r.Escorts, CollectorName = r.CollectorName, CollectorRelation = r.CollectorRelation, CollectorIdNumber = r.CollectorIdNumber }
                : null,
        }, HttpContext.RequestAborted);
        TempData["Message"] = "已办理离站";
        return RedirectToPage(new { id });
    }
}

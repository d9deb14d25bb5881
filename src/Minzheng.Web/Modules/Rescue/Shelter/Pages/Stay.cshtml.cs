using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Minzheng.Web.Modules.Rescue.Shelter.Pages;

/// <summary>One shelter stay: facts, safety plan, services, children and their protection cases, extensions, exit — and their forms.</summary>
[Authorize]
public sealed class StayModel(ShelterStays stays) : PageModel
{
    public sealed class FormInput
    {
        public int? Version { get; set; }
        public ShelterRisk? Risk { get; set; }
        public string? ContactsWithheld { get; set; }
        public string? Escort { get; set; }
        public bool ProtectionOrderApplied { get; set; }
        public string? ProtectionOrderCourt { get; set; }
        public ShelterServiceKind? Kind { get; set; }
        public DateOnly? On { get; set; }
        public string? Note { get; set; }
        public string? IdNumber { get; set; }
        public int? Days { get; set; }
        public string? Reason { get; set; }
        public string? ApprovedBy { get; set; }
        public DateOnly? LeftOn { get; set; }
        public string? Destination { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public ShelterDetail Detail { get; private set; } = null!;
    public bool Open => Detail.Row.Stay.Status == ShelterStatus.InShelter;

    public async Task OnGetAsync(Guid id) => Detail = await stays.DetailAsync(id, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostSafetyAsync(Guid id)
    {
        await stays.UpdateSafetyPlanAsync(id, new SafetyPlanInput
        {
            Version = Input.Version,
            Risk = Input.Risk,
            ContactsWithheld = Input.ContactsWithheld,
            Escort = Input.Escort,
            ProtectionOrderApplied = Input.ProtectionOrderApplied,
            ProtectionOrderCourt = Input.ProtectionOrderCourt,
        }, HttpContext.RequestAborted);
        TempData["Message"] = "已更新安全计划";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostServiceAsync(Guid id)
    {
        await stays.AddServiceAsync(id, new ShelterServiceInput { Version = Input.Version, Kind = Input.Kind, On = Input.On, Note = Input.Note }, HttpContext.RequestAborted);
        TempData["Message"] = "已登记服务";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostChildAsync(Guid id)
    {
        await stays.AddChildAsync(id, new AddChildInput { Version = Input.Version, IdNumber = Input.IdNumber }, HttpContext.RequestAborted);
        TempData["Message"] = "已登记随行子女并转入未成年人保护个案";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostExtendAsync(Guid id)
    {
        await stays.ExtendAsync(id, new ExtendInput { Version = Input.Version, Days = Input.Days, Reason = Input.Reason, ApprovedBy = Input.ApprovedBy }, HttpContext.RequestAborted);
        TempData["Message"] = "已登记延期";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostLeaveAsync(Guid id)
    {
        await stays.LeaveAsync(id, new LeaveInput { Version = Input.Version, LeftOn = Input.LeftOn, Destination = Input.Destination, Reason = Input.Reason }, HttpContext.RequestAborted);
        TempData["Message"] = "已办理离开";
        return RedirectToPage(new { id });
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Rescue.Stays;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Modules.Rescue.Shelter.Pages;

/// <summary>入住登记: the victim by ID number (registered in the registry first if new), referral, risk, safety plan, abuser, children's ID numbers (one a line).</summary>
[Authorize]
public sealed class NewModel(ShelterStays stays, AppDbContext db) : PageModel
{
    public sealed class FormInput
    {
        public Guid? StationId { get; set; }
        public string? ShelterName { get; set; }
        public string? IdNumber { get; set; }
        public DateOnly? AdmittedOn { get; set; }
        public ShelterReferralSource? ReferralSource { get; set; }
        public string? ReferralNote { get; set; }
        public ShelterRisk? Risk { get; set; }
        public string? Situation { get; set; }
        public string? AbuserName { get; set; }
        public string? AbuserRelation { get; set; }
        public string? AbuserNote { get; set; }
        public string? ContactsWithheld { get; set; }
        public string? Escort { get; set; }
        public bool ProtectionOrderApplied { get; set; }
        public string? ProtectionOrderCourt { get; set; }

        /// <summary>The children's ID numbers, one a line.</summary>
        public string? Children { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public List<RescueStation> Stations { get; private set; } = [];

    public async Task OnGetAsync()
    {
        stays.Require();
        Stations = await db.Set<RescueStation>().AsNoTracking().OrderBy(s => s.Name).ToListAsync(HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var i = Input;
        var children = (i.Children ?? "").Split(['\n', '\r', ',', '，', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => new ChildRef { IdNumber = n }).ToList();
        var stay = await stays.AdmitAsync(new AdmitInput
        {
            StationId = i.StationId,
            ShelterName = i.ShelterName,
            IdNumber = i.IdNumber,
            AdmittedOn = i.AdmittedOn,
            ReferralSource = i.ReferralSource,
            ReferralNote = i.ReferralNote,
            Risk = i.Risk,
            Situation = i.Situation,
            AbuserName = i.AbuserName,
            AbuserRelation = i.AbuserRelation,
            AbuserNote = i.AbuserNote,
            ContactsWithheld = i.ContactsWithheld,
            Escort = i.Escort,
            ProtectionOrderApplied = i.ProtectionOrderApplied,
            ProtectionOrderCourt = i.ProtectionOrderCourt,
            Children = children,
        }, HttpContext.RequestAborted);
        TempData["Message"] = "已登记入住";
        return Redirect($"/rescue/shelter/{stay.Id}");
    }
}

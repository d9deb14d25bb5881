using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.Rescue.Stays.Pages;

/// <summary>求助登记 form: first the re-intake candidates for the ID number or name and birth date typed, then the intake itself.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + RescuePermissions.Work)]
public sealed class NewModel(RescueStays stays, AppDbContext db) : PageModel
{
    public sealed class FormInput
    {
        public Guid? StationId { get; set; }
        public string? IdNumber { get; set; }
        public bool NoIdNumber { get; set; }
        public string? Name { get; set; }
        public Sex? Sex { get; set; }
        public DateOnly? BirthDate { get; set; }
        public int? BirthYear { get; set; }
        public string? Features { get; set; }
        public Guid? ConfirmedPersonId { get; set; }
        public StaySource? Source { get; set; }
        public string? SourceReference { get; set; }
        public string? DeclaredOrigin { get; set; }
        public string? Situation { get; set; }
        public bool IdentityKnown { get; set; }
        public string? Room { get; set; }
        public bool NoFoodOrLodging { get; set; }
        public bool NoRelativesToTurnTo { get; set; }
        public bool NoBasicAllowance { get; set; }
        public bool VagrantInCity { get; set; }
        public bool UnableToGiveFacts { get; set; }
        public string? RefusalNote { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public List<RescueStation> Stations { get; private set; } = [];
    public IReadOnlyList<IntakeCandidate> Candidates { get; private set; } = [];

    public async Task OnGetAsync([FromQuery] string? idNumber, [FromQuery] string? name, [FromQuery] DateOnly? birthDate)
    {
        var ct = HttpContext.RequestAborted;
        Stations = await db.Set<RescueStation>().AsNoTracking().OrderBy(s => s.Name).ToListAsync(ct);
        if (!string.IsNullOrWhiteSpace(idNumber) || !string.IsNullOrWhiteSpace(name))
        {
            Candidates = await stays.CandidatesAsync(idNumber, name, birthDate, ct);
            Input.IdNumber ??= idNumber;
            Input.Name ??= name;
            Input.BirthDate ??= birthDate;
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var i = Input;
        var stay = await stays.IntakeAsync(new IntakeInput
        {
            StationId = i.StationId,
            IdNumber = i.IdNumber,
            NoIdNumber = i.NoIdNumber,
            Name = i.Name,
            Sex = i.Sex,
            BirthDate = i.BirthDate,
            BirthYear = i.BirthYear,
            Features = i.Features,
            ConfirmedPersonId = i.ConfirmedPersonId,
            Source = i.Source,
            SourceReference = i.SourceReference,
            DeclaredOrigin = i.DeclaredOrigin,
            Situation = i.Situation,
            IdentityKnown = i.IdentityKnown,
            Room = i.Room,
            NoFoodOrLodging = i.NoFoodOrLodging,
            NoRelativesToTurnTo = i.NoRelativesToTurnTo,
            NoBasicAllowance = i.NoBasicAllowance,
            VagrantInCity = i.VagrantInCity,
            UnableToGiveFacts = i.UnableToGiveFacts,
            RefusalNote = i.RefusalNote,
        }, HttpContext.RequestAborted);
        TempData["Message"] = stay.Status == StayStatus.Refused ? "不符合救助条件，已登记不予救助，请打印通知书" : "已登记入站";
        return Redirect($"/rescue/stays/{stay.Id}");
    }
}

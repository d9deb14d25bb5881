using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Modules.Marriage.Registry;
using Minzheng.Web.Platform.Access;

namespace Minzheng.Web.Modules.Marriage.Registration.Pages;

/// <summary>
/// 办理结婚登记 (/marriage/register): the counter types both ID numbers and ticks what it verified in person; a registration
/// opens its page with the certificates, a failed check shows every finding beside its field and the clerk may then issue
/// the written refusal (不予登记告知书) from the same form.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + MarriagePermissions.Register)]
public sealed class RegisterModel(MarriageRegistrations registrations, MarriageAppointments appointments) : PageModel
{
    public sealed class FormInput
    {
        public Guid? OfficeId { get; set; }
        public Guid? AppointmentId { get; set; }
        public string? MaleIdNumber { get; set; }
        public string? FemaleIdNumber { get; set; }
        public bool BothInPerson { get; set; }
        public bool DeclarationsSigned { get; set; }
        public bool DiseaseDeclared { get; set; }
        public bool ResidencePermitHere { get; set; }
        public string? Grounds { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public List<MarriageOffice> Offices { get; private set; } = [];
    public MarriageAppointment? Appointment { get; private set; }

    public async Task OnGetAsync(Guid? appointmentId)
    {
        var ct = HttpContext.RequestAborted;
        Offices = await appointments.OfficesAsync(ct);
        Input.AppointmentId ??= appointmentId;
        if (Input.AppointmentId is { } id)
        {
            Appointment = await appointments.FindAsync(id, ct);
            Input.OfficeId ??= Appointment?.OfficeId;
        }
        Input.OfficeId ??= Offices.FirstOrDefault()?.Id;
    }

    private RegisterMarriageInput ToInput() => new()
    {
        OfficeId = Input.OfficeId,
        AppointmentId = Input.AppointmentId,
        MaleIdNumber = Input.MaleIdNumber,
        FemaleIdNumber = Input.FemaleIdNumber,
        BothInPerson = Input.BothInPerson,
        DeclarationsSigned = Input.DeclarationsSigned,
        DiseaseDeclared = Input.DiseaseDeclared,
        ResidencePermitHere = Input.ResidencePermitHere,
        Grounds = Input.Grounds,
    };

    public async Task<IActionResult> OnPostAsync()
    {
        var r = await registrations.RegisterAsync(ToInput(), HttpContext.RequestAborted);
        TempData["Message"] = $"结婚登记已办理，登记字号 {r.Number}，已为双方各发结婚证一本";
        return Redirect($"/marriage/registrations/{r.Id}");
    }

    public async Task<IActionResult> OnPostRefuseAsync()
    {
        var r = await registrations.RefuseAsync(ToInput(), HttpContext.RequestAborted);
        return Redirect($"/marriage/refusals/{r.Id}/print");
    }
}

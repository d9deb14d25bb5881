using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Modules.Marriage.Registry;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Marriage.Registration.Pages;

/// <summary>预约 (/marriage/appointments): one office's day at the counter, booking and cancelling.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + MarriagePermissions.Register)]
public sealed class AppointmentsModel(MarriageAppointments appointments, BusinessClock clock) : PageModel
{
    public sealed class FormInput
    {
        public DateOnly? Day { get; set; }
        public string? Purpose { get; set; } = "marriage";
        public string? MaleName { get; set; }
        public string? FemaleName { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public List<MarriageOffice> Offices { get; private set; } = [];
    public MarriageOffice? Office { get; private set; }
    public DateOnly Day { get; private set; }
    public Paged<MarriageAppointment> List { get; private set; } = new([], 0, 1, 200);

    public async Task OnGetAsync(Guid? officeId, DateOnly? day)
    {
        var ct = HttpContext.RequestAborted;
        Offices = await appointments.OfficesAsync(ct);
        Office = officeId is { } id ? Offices.FirstOrDefault(o => o.Id == id) ?? throw AppProblem.NotFound("婚姻登记处") : Offices.FirstOrDefault();
        Day = day ?? clock.Today;
        Input.Day ??= Day;
        if (Office is not null) List = await appointments.DayAsync(Office.Id, Day, PageRequest.From(1, PageRequest.MaxPageSize), ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid? officeId)
    {
        var a = await appointments.BookAsync(new BookAppointmentInput(officeId, Input.Day, Input.Purpose, Input.MaleName, Input.FemaleName, Input.Note), HttpContext.RequestAborted);
        TempData["Message"] = $"已预约 {a.Day:yyyy-MM-dd} 第 {a.Slot} 号：{a.MaleName}、{a.FemaleName}";
        return Redirect($"/marriage/appointments?officeId={a.OfficeId}&day={a.Day:yyyy-MM-dd}");
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, int version, string? reason, Guid? officeId, DateOnly? day)
    {
        var a = await appointments.CancelAsync(id, new CancelAppointmentInput(version, reason), HttpContext.RequestAborted);
        TempData["Message"] = $"已取消 {a.Day:yyyy-MM-dd} 第 {a.Slot} 号预约";
        return Redirect($"/marriage/appointments?officeId={a.OfficeId}&day={a.Day:yyyy-MM-dd}");
    }
}

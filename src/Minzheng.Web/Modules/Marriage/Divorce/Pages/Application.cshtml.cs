using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Modules.Marriage.Certificates;
using Minzheng.Web.Modules.Marriage.Registry;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Marriage.Divorce.Pages;

/// <summary>One divorce application (/marriage/divorces/{id}): its dates, the withdraw and register actions while they are allowed, the printable paper and the certificates.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + MarriagePermissions.Read)]
public sealed class ApplicationModel(DivorceApplications applications, CertificateRequests certificates, BusinessClock clock, ICurrentUser user) : PageModel
{
    public DivorceRow Row { get; private set; } = null!;
    public List<MarriageCertificate> Certificates { get; private set; } = [];
    public DateOnly Today => clock.Today;
    public bool MayRegister => user.HasPermission(MarriagePermissions.Register);

    [BindProperty] public int? Version { get; set; }
    [BindProperty] public Guid? WithdrawPersonId { get; set; }
    [BindProperty] public string? Statement { get; set; }
    [BindProperty] public bool BothInPerson { get; set; }
    [BindProperty] public string? Opinion { get; set; }

    public string PaperName => Row.Application.Status switch
    {
        DivorceStatus.NotAccepted => "打印不予受理告知书",
        DivorceStatus.Withdrawn => "打印撤回确认单",
        _ => "打印受理回执",
    };

    public async Task OnGetAsync(Guid id) => await LoadAsync(id);

    private async Task LoadAsync(Guid id)
    {
        Row = await applications.RowAsync(id, HttpContext.RequestAborted);
        Certificates = Row.Application.RegistrationId is { } rid ? await certificates.OfRegistrationAsync(rid, HttpContext.RequestAborted) : [];
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id)
    {
        await LoadAsync(id); // the page re-renders with the application when the use case refuses
        await applications.WithdrawAsync(id, new DivorceWithdrawInput(Version, WithdrawPersonId, Statement), HttpContext.RequestAborted);
        TempData["Message"] = "已撤回离婚登记申请，请打印撤回确认单交当事人";
        return Redirect($"/marriage/divorces/{id}");
    }

    public async Task<IActionResult> OnPostRegisterAsync(Guid id)
    {
        await LoadAsync(id);
        await applications.RegisterAsync(id, new DivorceRegisterInput(Version, BothInPerson, Opinion), HttpContext.RequestAborted);
        TempData["Message"] = "已予以离婚登记，离婚证已生成";
        return Redirect($"/marriage/divorces/{id}");
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Modules.Volunteers.Records;
using Minzheng.Web.Platform.Access;

namespace Minzheng.Web.Modules.Volunteers.Certificates.Pages;

/// <summary>
/// 我的服务证明 (/volunteer/certificates, phone): the volunteer asks an organisation they served with for a proof and follows
/// their requests; an issued proof opens on its print page.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + VolunteerPermissions.Self)]
public sealed class MineModel(ServiceCertificates certificates, VolunteerIdentity identity) : PageModel
{
    public sealed class RequestForm
    {
        public Guid? TeamId { get; set; }
        public DateOnly? PeriodFrom { get; set; }
        public DateOnly? PeriodTo { get; set; }
        public string? Purpose { get; set; }
    }

    [BindProperty] public RequestForm Input { get; set; } = new();

    public bool Registered { get; private set; }
    public List<VolunteerTeam> Teams { get; private set; } = [];
    public List<VolunteerCertificate> Items { get; private set; } = [];

    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Registered = await identity.FindAsync(ct) is not null;
        Teams = await certificates.MyTeamsAsync(ct);
        Items = await certificates.MineAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await certificates.RequestAsync(new CertificateRequestInput(Input.TeamId, Input.PeriodFrom, Input.PeriodTo, Input.Purpose), HttpContext.RequestAborted);
        Message = "申请已提交，组织受理后开具。";
        return RedirectToPage();
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Volunteers.Records;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.Volunteers.Certificates.Pages;

/// <summary>
/// 志愿服务记录证明 (/volunteers/certificates): the organisation's requests to accept, issue or decline and its direct issue
/// form; officers read the proofs of their division. Problems show beside their fields (ProblemPageFilter).
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + VolunteerPermissions.Read)]
public sealed class IndexModel(ServiceCertificates certificates, AppDbContext db, ICurrentUser user) : PageModel
{
    public sealed class IssueForm
    {
        public Guid? VolunteerId { get; set; }
        public DateOnly? PeriodFrom { get; set; }
        public DateOnly? PeriodTo { get; set; }
        public string? Purpose { get; set; }
        public string? Head { get; set; }
        public string? Handler { get; set; }
        public string? Contact { get; set; }
    }

    [BindProperty] public IssueForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    public Paged<(VolunteerCertificate Certificate, string VolunteerName, string VolunteerNumber)> Result { get; private set; } = null!;

    /// <summary>The volunteers this organisation sees (its members), for the direct issue form.</summary>
    public List<(Guid Id, string Label)> Volunteers { get; private set; } = [];

    public bool CanManage => user.OrganizationId is not null && user.HasPermission(VolunteerPermissions.Manage);

    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync([FromQuery] int? page = null)
    {
        var ct = HttpContext.RequestAborted;
        Result = await certificates.ListAsync(QueryEnum.Parse<CertificateStatus>(Status, "status"), PageRequest.From(page, 20), ct);
        if (CanManage)
        {
            var rows = await db.Set<Volunteer>().AsNoTracking().OrderBy(v => v.Number).Select(v => new { v.Id, v.PersonId, v.Number }).Take(500).ToListAsync(ct);
            var names = await db.PersonNamesAsync(rows.Select(r => (Guid?)r.PersonId), ct);
            Volunteers = rows.Select(r => (r.Id, $"{names.GetValueOrDefault(r.PersonId, "")}（{r.Number}）")).ToList();
        }
    }

    public async Task<IActionResult> OnPostIssueAsync()
    {
        var c = await certificates.IssueAsync(new IssueCertificateInput(Input.VolunteerId, Input.PeriodFrom, Input.PeriodTo, Input.Purpose, Input.Head, Input.Handler, Input.Contact), HttpContext.RequestAborted);
        return Redirect($"/volunteers/certificates/{c.Id}");
    }

    public async Task<IActionResult> OnPostAcceptAsync(Guid id, int version)
    {
        await certificates.AcceptAsync(id, new VersionInput(version), HttpContext.RequestAborted);
        Message = "已受理，请核对服务记录后开具。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostIssueRequestedAsync(Guid id, int version)
    {
        var c = await certificates.IssueRequestedAsync(id, new IssueRequestedInput(Input.Head, Input.Handler, Input.Contact, version), HttpContext.RequestAborted);
        return Redirect($"/volunteers/certificates/{c.Id}");
    }

    public async Task<IActionResult> OnPostDeclineAsync(Guid id, int version, string? reason)
    {
        await certificates.DeclineAsync(id, new CloseCertificateInput(reason, version), HttpContext.RequestAborted);
        Message = "已不予出具，理由已告知申请人。";
        return RedirectToPage();
    }
}

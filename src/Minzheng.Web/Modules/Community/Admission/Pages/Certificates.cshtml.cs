using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Community.Committees;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Community.Admission.Pages;

/// <summary>
/// /community/certificates: the catalogue (what a committee may issue with its basis; the 20 it must not, with what to do instead),
/// the form to issue one (a forbidden type is refused beside the field with the directive), and the log of certificates issued in
/// scope with the counts by type.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + CommunityPermissions.Read)]
public sealed class CertificatesModel(CommitteeCertificates certificates, AppDbContext db, ICurrentUser user) : PageModel
{
    public sealed class IssueForm
    {
        public Guid? CommitteeId { get; set; }
        public string? TypeCode { get; set; }
        public Guid? PersonId { get; set; }
        public string? PersonName { get; set; }
        public string? Purpose { get; set; }
        public string? Content { get; set; }
    }

    [BindProperty] public IssueForm Input { get; set; } = new();
    [FromQuery] public Guid? CommitteeId { get; set; }
    [FromQuery] public string? TypeCode { get; set; }
    public IReadOnlyList<CertificateTypeDto> Types { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Committees { get; private set; } = [];
    public Paged<CertificateDto> Log { get; private set; } = new([], 0, 1, 50);
    public CertificateCounts Counts { get; private set; } = new(0, [], []);
    public bool CanCertify => user.HasPermission(CommunityPermissions.Certify);

    public async Task OnGetAsync([FromQuery] int page = 1)
    {
        var ct = HttpContext.RequestAborted;
        Types = await certificates.TypesAsync(null, ct);
        Committees = [.. (await db.Set<Committee>().AsNoTracking().Where(c => c.ClosedOn == null).OrderBy(c => c.DivisionCode).Take(500)
            .Select(c => new { c.Id, c.Name }).ToListAsync(ct)).Select(c => (c.Id, c.Name))];
        var filter = new CertificateFilter(CommitteeId, null, string.IsNullOrWhiteSpace(TypeCode) ? null : TypeCode);
        Log = await certificates.ListAsync(filter, PageRequest.From(page, 50, 50), ct);
        Counts = await certificates.CountsAsync(filter with { TypeCode = null }, ct);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanCertify) return Forbid();
        var c = await certificates.IssueAsync(new CertificateInput
        {
            CommitteeId = Input.CommitteeId,
            TypeCode = Input.TypeCode,
            PersonId = Input.PersonId,
            PersonName = Input.PersonName,
            Purpose = Input.Purpose,
            Content = Input.Content,
        }, HttpContext.RequestAborted);
        return Redirect($"/community/certificates/{c.Id}/print");
    }
}

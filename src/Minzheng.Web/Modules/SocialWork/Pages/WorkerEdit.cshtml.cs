using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.SocialWork.Pages;

/// <summary>/socialwork/workers/{id}/edit: change a worker's post, certificate, dates; a stale version shows the 409 and keeps what was typed.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + SocialWorkPermissions.Write)]
public sealed class WorkerEditModel(Staff staff, AppDbContext db) : PageModel, IReloadAfterProblem
{
    public sealed class WorkerForm
    {
        public string? Post { get; set; }
        public string? CertificateLevel { get; set; }
        public string? CertificateNumber { get; set; }
        public DateOnly? JoinedOn { get; set; }
        public DateOnly? LeftOn { get; set; }
        public int? Version { get; set; }
    }

    [BindProperty] public WorkerForm Input { get; set; } = new();
    public SocialWorker Worker { get; private set; } = null!;
    public string Name { get; private set; } = "";

    public async Task OnGetAsync(Guid id)
    {
        await LoadAsync(id, HttpContext.RequestAborted);
        var w = Worker;
        Input = new WorkerForm
        {
            Post = Staff.PostCode(w.Post),
            CertificateLevel = Staff.LevelCode(w.CertificateLevel),
            CertificateNumber = w.CertificateNumber,
            JoinedOn = w.JoinedOn,
            LeftOn = w.LeftOn,
            Version = w.Version,
        };
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Worker = await staff.GetAsync(id, ct);
        Name = (await db.PersonNamesAsync([Worker.PersonId], ct)).GetValueOrDefault(Worker.PersonId) ?? "";
    }

    public Task ReloadAfterProblemAsync(CancellationToken ct) => LoadAsync(Guid.Parse((string)RouteData.Values["id"]!), ct);

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        await staff.UpdateAsync(id, new WorkerInput
        {
            Post = Input.Post,
            CertificateLevel = Input.CertificateLevel,
            CertificateNumber = Input.CertificateNumber,
            JoinedOn = Input.JoinedOn,
            LeftOn = Input.LeftOn,
            Version = Input.Version,
        }, HttpContext.RequestAborted);
        TempData["Message"] = "社工信息已修改";
        return Redirect($"/socialwork/workers/{id}");
    }
}

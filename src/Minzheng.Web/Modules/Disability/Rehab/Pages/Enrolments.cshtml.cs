using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Disability.Rehab.Pages;

/// <summary>
/// The roll of enrolled people, its export and the enrolment form. Any signed-in user reaches the page; without the roll's
/// permission it shows no rows and no form, exactly like an empty roll, so the page does not tell anyone who is enrolled.
/// </summary>
[Authorize]
public sealed class EnrolmentsModel(RehabEnrolments enrolments, RehabExport export, AppDbContext db, AuditLog audit, BusinessClock clock) : PageModel, IReloadAfterProblem
{
    public sealed class FormInput
    {
        public Guid? ContractId { get; set; }
        public Guid? PersonId { get; set; }
        public DateOnly? EnrolledOn { get; set; }
        public string? Diagnosis { get; set; }
        public string? Goals { get; set; }
        public int? SessionsPerMonth { get; set; } = 4;
        public int? EntryScore { get; set; }
        public string? Assessor { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public Guid? Contract { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public int? P { get; set; }
    public IReadOnlyList<RehabEnrolmentView> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public PageRequest Paging { get; private set; } = PageRequest.From(1, 50);
    public IReadOnlyList<RehabContract> Contracts { get; private set; } = [];
    public bool CanSee => enrolments.CanSee;
    public bool CanSeeDiagnosis => enrolments.CanSeeDiagnosis;
    public DateOnly Today => clock.Today;

    private RehabEnrolmentFilter Filter => new(Contract, Status switch { "active" => true, "exited" => false, _ => null });

    public async Task OnGetAsync(Guid? personId)
    {
        if (personId is not null) Input.PersonId = personId;
        Input.EnrolledOn ??= clock.Today;
        await ReloadAfterProblemAsync(HttpContext.RequestAborted);
    }

    public async Task ReloadAfterProblemAsync(CancellationToken ct)
    {
        if (!CanSee) return;
        Contracts = await db.Set<RehabContract>().AsNoTracking().OrderByDescending(c => c.ValidFrom).Take(50).ToListAsync(ct);
        Paging = PageRequest.From(P, 50);
        var paged = await enrolments.Visible(Filter).OrderByDescending(e => e.EnrolledOn).ThenBy(e => e.Id).ToPagedAsync(Paging, ct);
        Rows = await enrolments.ViewsAsync(paged.Items, ct);
        Total = paged.Total;
        // a list of restricted records looked at: kept (which rows, not their content)
        if (Rows.Count > 0) await audit.RecordAsync("list", RehabEnrolments.EntityType, null, new { rows = Rows.Count, diagnosis = CanSeeDiagnosis }, ct: ct);
    }

    public async Task<IActionResult> OnGetExportAsync() =>
        File(await export.ExcelAsync(Filter, HttpContext.RequestAborted), RehabExport.ContentType, "精神障碍社区康复服务对象.xlsx");

    public async Task<IActionResult> OnPostAsync()
    {
        var e = await enrolments.EnrolAsync(new RehabEnrolInput(Input.ContractId, Input.PersonId, Input.EnrolledOn, Input.Diagnosis, Input.Goals, Input.SessionsPerMonth, Input.EntryScore, Input.Assessor),
            ct: HttpContext.RequestAborted);
        TempData["Message"] = $"已纳入服务对象 {e.Number}";
        return Redirect($"/disability/rehab/enrolments/{e.Id}");
    }
}

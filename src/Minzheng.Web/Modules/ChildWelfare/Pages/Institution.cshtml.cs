using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.ChildWelfare.Institutions;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.ChildWelfare.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + ChildPermissions.Read)]
public sealed class InstitutionModel(ChildInstitutions institutions, AppDbContext db, IdentifierProtector protector, ICurrentUser user, BusinessClock clock) : PageModel
{
    public sealed record ChildRow(string Name, DateOnly AdmittedOn, DateOnly? LeftOn, string? Rehabilitation);

    public sealed class FormInput
    {
        public string? IdNumber { get; set; }
        public DateOnly? On { get; set; }
        public string? Rehabilitation { get; set; }
        public CheckKind Kind { get; set; } = CheckKind.RiskCheck;
        public string? Item { get; set; }
        public string? Finding { get; set; }
        public bool Problem { get; set; }
        public string? Rectification { get; set; }
        public DateOnly? DueOn { get; set; }
        public string? RectifiedNote { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public ChildInstitution Institution { get; private set; } = null!;
    public List<ChildRow> Children { get; private set; } = [];
    public List<InstitutionCheck> Checks { get; private set; } = [];
    public bool CanManage => user.HasPermission(ChildPermissions.Confirm);
    public DateOnly Today => clock.Today;

    public async Task OnGetAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        Institution = await institutions.LoadAsync(id, ct);
        Children = await db.Set<InstitutionChild>().AsNoTracking().Where(c => c.InstitutionId == id).OrderBy(c => c.LeftOn != null).ThenBy(c => c.AdmittedOn)
            .Join(db.Persons, c => c.PersonId, p => p.Id, (c, p) => new ChildRow(p.Name, c.AdmittedOn, c.LeftOn, c.Rehabilitation)).ToListAsync(ct);
        Checks = await db.Set<InstitutionCheck>().AsNoTracking().Where(c => c.InstitutionId == id).OrderByDescending(c => c.CheckedOn).ToListAsync(ct);
    }

    public Task<IActionResult> OnPostAdmitAsync(Guid id) => RunAsync(id, async ct =>
    {
        var person = await PersonLookup.RequireAsync(db, protector, Input.IdNumber, "idNumber", "儿童", ct);
        await institutions.AdmitAsync(id, person, Input.On, Input.Rehabilitation, ct);
    }, "已登记入院");

    public Task<IActionResult> OnPostCheckAsync(Guid id) =>
        RunAsync(id, ct => institutions.RecordCheckAsync(id, new CheckInput(Input.Kind, Input.On, Input.Item, Input.Finding, Input.Problem, Input.Rectification, Input.DueOn), ct), "已登记");

    public Task<IActionResult> OnPostRectifyAsync(Guid id, Guid checkId, int version) =>
        RunAsync(id, ct => institutions.RectifyAsync(checkId, Input.On, Input.RectifiedNote, version, ct), "已登记整改完成");

    private async Task<IActionResult> RunAsync(Guid id, Func<CancellationToken, Task> action, string done)
    {
        if (!CanManage) return Forbid();
        await action(HttpContext.RequestAborted);
        TempData["Message"] = done;
        return Redirect($"/children/institutions/{id}");
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.ChildWelfare.Institutions;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.ChildWelfare.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + ChildPermissions.Read)]
public sealed class InstitutionsModel(ChildInstitutions institutions, AppDbContext db, ICurrentUser user, DivisionDirectory divisions, BusinessClock clock) : PageModel
{
    public sealed record Row(ChildInstitution Institution, string DivisionName, int InCare, int Open, int Overdue);

    public sealed class FormInput
    {
        public string? Name { get; set; }
        public InstitutionKind Kind { get; set; } = InstitutionKind.Welfare;
        public string? DivisionCode { get; set; }
        public int Beds { get; set; }
        public string? Director { get; set; }
        public string? Phone { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public List<Row> Rows { get; private set; } = [];
    public bool CanManage => user.HasPermission(ChildPermissions.Confirm);

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var today = clock.Today;
        var list = await db.Set<ChildInstitution>().AsNoTracking().OrderBy(i => i.Name).ToListAsync(ct);
        var inCare = await db.Set<InstitutionChild>().AsNoTracking().Where(c => c.LeftOn == null).Select(c => c.InstitutionId).ToListAsync(ct);
        var open = await db.Set<InstitutionCheck>().AsNoTracking().Where(c => c.Problem && c.RectifiedOn == null).Select(c => new { c.InstitutionId, c.DueOn }).ToListAsync(ct);
        Rows = [.. list.Select(i => new Row(i, divisions.FullName(i.DivisionCode), inCare.Count(x => x == i.Id), open.Count(o => o.InstitutionId == i.Id), open.Count(o => o.InstitutionId == i.Id && o.DueOn < today)))];
        Input.DivisionCode ??= user.DivisionCode;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        try
        {
            var i = await institutions.CreateAsync(new InstitutionInput(Input.Name, Input.Kind, Input.DivisionCode, Input.Beds, Input.Director, Input.Phone), HttpContext.RequestAborted);
            return Redirect($"/children/institutions/{i.Id}");
        }
        catch (AppProblem e)
        {
            ModelState.AddProblem(e);
            await OnGetAsync();
            return Page();
        }
    }

    public static string KindName(InstitutionKind k) => k == InstitutionKind.Welfare ? "儿童福利院" : "未成年人救助保护中心";
}

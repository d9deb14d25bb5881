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
public sealed class InstitutionsModel(ChildInstitutions institutions, ChildQueries queries, ICurrentUser user) : PageModel
{

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
    public Paged<InstitutionRow> Result { get; private set; } = new([], 0, 1, 50);
    public IReadOnlyList<InstitutionRow> Rows => Result.Items;
    public bool CanManage => user.HasPermission(ChildPermissions.Confirm);

    public async Task OnGetAsync([FromQuery] int? page = null)
    {
        Result = await queries.InstitutionsAsync(PageRequest.From(page, 50), HttpContext.RequestAborted);
        Input.DivisionCode ??= user.DivisionCode;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var i = await institutions.CreateAsync(new InstitutionInput(Input.Name, Input.Kind, Input.DivisionCode, Input.Beds, Input.Director, Input.Phone), HttpContext.RequestAborted);
        return Redirect($"/children/institutions/{i.Id}");
    }

    public static string KindName(InstitutionKind k) => k == InstitutionKind.Welfare ? "儿童福利院" : "未成年人救助保护中心";
}

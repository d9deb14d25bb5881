using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.ChildWelfare.Protection;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.ChildWelfare.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + ChildPermissions.Protection)]
public sealed class ProtectionCaseModel(ProtectionCases cases, AppDbContext db, BusinessClock clock) : PageModel
{
    public sealed class FormInput
    {
        public DateOnly? On { get; set; }
        public string? ReferredTo { get; set; }
        public string? ShelterName { get; set; } = "玉林市反家庭暴力庇护救助中心";
        public string? Service { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public ProtectionCase Case { get; private set; } = null!;
    public string ChildName { get; private set; } = "";
    public DateOnly Today => clock.Today;

    public async Task OnGetAsync(Guid id)
    {
        Case = await cases.LoadAsync(id, HttpContext.RequestAborted);
        ChildName = await db.Persons.Where(p => p.Id == Case.ChildPersonId).Select(p => p.Name).FirstAsync(HttpContext.RequestAborted);
    }

    public Task<IActionResult> OnPostAsync(Guid id, int version, string? op) => RunAsync(id, () =>
    {
        var input = new ProtectionActionInput(version, Input.ReferredTo, Input.ShelterName, Input.On, Input.Service, Input.Note);
        var ct = HttpContext.RequestAborted;
        return op switch
        {
            "refer" => cases.ReferAsync(id, input, ct),
            "shelter" => cases.ShelterAsync(id, input, ct),
            "leave" => cases.LeaveShelterAsync(id, input, ct),
            "service" => cases.AddServiceAsync(id, input, ct),
            "close" => cases.CloseAsync(id, input, ct),
            _ => throw AppProblem.Field("op", "未知操作"),
        };
    });

    private async Task<IActionResult> RunAsync(Guid id, Func<Task<ProtectionCase>> action)
    {
        await action();
        TempData["Message"] = "已保存";
        return Redirect($"/children/protection/{id}");
    }
}

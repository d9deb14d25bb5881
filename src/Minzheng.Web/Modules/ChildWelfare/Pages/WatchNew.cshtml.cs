using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Modules.ChildWelfare.Rules;
using Minzheng.Web.Modules.ChildWelfare.Watch;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.ChildWelfare.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + ChildPermissions.Apply)]
public sealed class WatchNewModel(ChildWatch watch, AppDbContext db, IdentifierProtector protector) : PageModel
{
    public sealed class FormInput
    {
        public string? IdNumber { get; set; }
        public ChildRules.ParentPresence Father { get; set; } = ChildRules.ParentPresence.WorkingAway;
        public ChildRules.ParentPresence Mother { get; set; } = ChildRules.ParentPresence.WorkingAway;
        public List<string> Difficulties { get; set; } = [];
        public string? GuardianName { get; set; }
        public string? GuardianRelation { get; set; }
        public string? GuardianPhone { get; set; }
        public string? School { get; set; }
        public RiskLevel Risk { get; set; } = RiskLevel.Low;
        public string? Director { get; set; }
        public string? Supervisor { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var person = await PersonLookup.RequireAsync(db, protector, Input.IdNumber, "idNumber", "儿童", HttpContext.RequestAborted);
        var w = await watch.RegisterAsync(new WatchInput(person, Input.Father, Input.Mother, Input.Difficulties, Input.GuardianName, Input.GuardianRelation, Input.GuardianPhone,
            Input.School, Input.Risk, Input.Director, Input.Supervisor), HttpContext.RequestAborted);
        TempData["Message"] = $"已登记，首次走访应在 {w.NextVisitDue:yyyy-MM-dd} 前完成";
        return Redirect($"/children/watch/{w.Id}");
    }
}

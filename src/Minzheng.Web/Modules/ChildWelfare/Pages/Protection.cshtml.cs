using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Modules.ChildWelfare.Protection;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.ChildWelfare.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + ChildPermissions.Protection)]
public sealed class ProtectionModel(ProtectionCases cases, AppDbContext db, IdentifierProtector protector, BusinessClock clock) : PageModel
{
    public sealed class FormInput
    {
        public string? IdNumber { get; set; }
        public HarmKind Harm { get; set; } = HarmKind.DomesticViolence;
        public DateOnly? ReportedOn { get; set; }
        public string? Source { get; set; }
        public string? Description { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public Paged<(ProtectionCase Case, string ChildName)> Result { get; private set; } = new([], 0, 1, 50);
    public IReadOnlyList<(ProtectionCase Case, string ChildName)> Rows => Result.Items;
    public DateOnly Today => clock.Today;

    public async Task OnGetAsync([FromQuery] int? page = null) => Result = await cases.ListAsync(PageRequest.From(page, 50), HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        var child = await PersonLookup.RequireAsync(db, protector, Input.IdNumber, "idNumber", "儿童", HttpContext.RequestAborted);
        var c = await cases.OpenAsync(new ProtectionInput(child, Input.Harm, Input.ReportedOn, Input.Source, Input.Description), HttpContext.RequestAborted);
        TempData["Message"] = $"已登记个案 {c.Number}";
        return Redirect($"/children/protection/{c.Id}");
    }
}

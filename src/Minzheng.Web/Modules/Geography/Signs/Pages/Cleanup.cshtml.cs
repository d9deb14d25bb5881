using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Geography.Signs.Pages;

/// <summary>/geography/cleanup: the non-standard name clean-up ledger in scope, with the form to record a name found in use.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + GeographyPermissions.Read)]
public sealed class CleanupModel(SignCases cases, AppDbContext db, DivisionDirectory divisions, BusinessClock clock, ICurrentUser user) : PageModel
{
    public sealed class CleanupForm
    {
        public string? FoundName { get; set; }
        public NameUse? Use { get; set; }
        public string? Location { get; set; }
        public string? DivisionCode { get; set; }
        public string? StandardName { get; set; }
        public DateOnly? FoundOn { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty] public CleanupForm Input { get; set; } = new();
    [FromQuery] public bool? Open { get; set; }
    [FromQuery] public bool? Overdue { get; set; }
    public Paged<SignsSetup.CleanupRow> Rows { get; private set; } = new([], 0, 1, 50);
    public bool CanManage => user.HasPermission(GeographyPermissions.Manage);
    public DivisionFilter FormDivisions => DivisionFilter.For(divisions, user, Input.DivisionCode, "Input.DivisionCode");

    public async Task OnGetAsync([FromQuery] int page = 1)
    {
        var today = clock.Today;
        Input.FoundOn ??= today;
        Rows = (await SignsSetup.Cleanup(db, Open, Overdue, today).ToPagedAsync(PageRequest.From(page, 50, 50), HttpContext.RequestAborted)).Select(c => SignsSetup.Row(c, divisions, today));
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanManage) return Forbid();
        var c = await cases.RecordCleanupAsync(new CleanupInput
        {
            FoundName = Input.FoundName,
            Use = Input.Use,
            Location = Input.Location,
            DivisionCode = Input.DivisionCode,
            StandardName = Input.StandardName,
            FoundOn = Input.FoundOn,
            Note = Input.Note,
        }, HttpContext.RequestAborted);
        TempData["Message"] = $"已登记 {c.Number}：{c.FoundName}";
        return Redirect($"/geography/cleanup/{c.Id}");
    }
}

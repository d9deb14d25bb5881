using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Geography.Signs.Pages;

/// <summary>/geography/signs: the name signs in scope (those to repair on request) and the form to register one.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + GeographyPermissions.Read)]
public sealed class SignsModel(SignCases cases, AppDbContext db, DivisionDirectory divisions, ICurrentUser user) : PageModel
{
    public sealed class SignForm
    {
        public SignKind? Kind { get; set; }
        public string? Text { get; set; }
        public string? Location { get; set; }
        public string? DivisionCode { get; set; }
        public decimal? Longitude { get; set; }
        public decimal? Latitude { get; set; }
        public string? Material { get; set; }
        public DateOnly? InstalledOn { get; set; }
    }

    [BindProperty] public SignForm Input { get; set; } = new();
    [FromQuery] public bool? ToRepair { get; set; }
    public Paged<SignsSetup.SignRow> Rows { get; private set; } = new([], 0, 1, 50);
    public bool CanManage => user.HasPermission(GeographyPermissions.Manage);
    public DivisionFilter FormDivisions => DivisionFilter.For(divisions, user, Input.DivisionCode, "Input.DivisionCode");

    public async Task OnGetAsync([FromQuery] int page = 1) =>
        Rows = (await SignsSetup.Signs(db, ToRepair).ToPagedAsync(PageRequest.From(page, 50, 50), HttpContext.RequestAborted)).Select(s => SignsSetup.Row(s, divisions));

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanManage) return Forbid();
        var s = await cases.RegisterSignAsync(new SignInput
        {
            Kind = Input.Kind,
            Text = Input.Text,
            Location = Input.Location,
            DivisionCode = Input.DivisionCode,
            Longitude = Input.Longitude,
            Latitude = Input.Latitude,
            Material = Input.Material,
            InstalledOn = Input.InstalledOn,
        }, HttpContext.RequestAborted);
        TempData["Message"] = $"已登记地名标志 {s.Number}";
        return Redirect($"/geography/signs/{s.Id}");
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Geography.PlaceNames.Pages;

/// <summary>/geography/place-names: the registry in scope, searched by name or pinyin, category, status and division; the form to record a name.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + GeographyPermissions.Read)]
public sealed class IndexModel(PlaceNameRegistry registry, DivisionDirectory divisions, ICurrentUser user) : PageModel
{
    public sealed class NameForm
    {
        public string? Name { get; set; }
        public PlaceNameCategory? Category { get; set; }
        public string? DivisionCode { get; set; }
        public PlaceNameStatus? Status { get; set; } = PlaceNameStatus.Standard;
        public string? PinyinOverride { get; set; }
        public string? Meaning { get; set; }
        public string? Source { get; set; }
        public decimal? Longitude { get; set; }
        public decimal? Latitude { get; set; }
        public DateOnly? ApprovedOn { get; set; }
        public string? ApprovalDocument { get; set; }
    }

    [BindProperty] public NameForm Input { get; set; } = new();
    [FromQuery] public string? Q { get; set; }
    [FromQuery] public PlaceNameCategory? Category { get; set; }
    [FromQuery] public PlaceNameStatus? Status { get; set; }
    [FromQuery] public string? DivisionCode { get; set; }
    public Paged<PlaceNameView> Rows { get; private set; } = new([], 0, 1, 50);
    public bool CanManage => user.HasPermission(GeographyPermissions.Manage);
    public DivisionFilter DivisionFilter => DivisionFilter.For(divisions, user, DivisionCode);
    public DivisionFilter FormDivisions => DivisionFilter.For(divisions, user, Input.DivisionCode, "Input.DivisionCode");

    public async Task OnGetAsync([FromQuery] int page = 1) =>
        Rows = await registry.ListAsync(new PlaceNameFilter(Q, Category, Status, DivisionCode), PageRequest.From(page, 50, 50), HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanManage) return Forbid();
        var (n, warnings) = await registry.CreateAsync(new PlaceNameInput
        {
            Name = Input.Name,
            Category = Input.Category,
            DivisionCode = Input.DivisionCode,
            Status = Input.Status,
            PinyinOverride = Input.PinyinOverride,
            Meaning = Input.Meaning,
            Source = Input.Source,
            Longitude = Input.Longitude,
            Latitude = Input.Latitude,
            ApprovedOn = Input.ApprovedOn,
            ApprovalDocument = Input.ApprovalDocument,
        }, HttpContext.RequestAborted);
        TempData["Message"] = $"已登记地名“{n.Name}”（{n.Pinyin}）" + (warnings.Count > 0 ? "。请审查：" + string.Join("；", warnings) : "");
        return Redirect($"/geography/place-names/{n.Id}");
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Geography.PlaceNames.Pages;

/// <summary>/geography/place-names/{id}: one name with its former names; the edit form (its version: a stale edit shows 409 and keeps what was typed) and a former name.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + GeographyPermissions.Read)]
public sealed class DetailModel(PlaceNameRegistry registry, DivisionDirectory divisions, ICurrentUser user) : PageModel, IReloadAfterProblem
{
    public sealed class EditForm
    {
        public string? Name { get; set; }
        public PlaceNameCategory? Category { get; set; }
        public string? DivisionCode { get; set; }
        public PlaceNameStatus? Status { get; set; }
        public string? PinyinOverride { get; set; }
        public string? Meaning { get; set; }
        public string? History { get; set; }
        public string? Source { get; set; }
        public decimal? Longitude { get; set; }
        public decimal? Latitude { get; set; }
        public string? GeoJson { get; set; }
        public DateOnly? ApprovedOn { get; set; }
        public string? ApprovalDocument { get; set; }
        public DateOnly? AnnouncedOn { get; set; }
        public int? Version { get; set; }
    }

    public sealed class FormerForm
    {
        public string? Name { get; set; }
        public DateOnly? UsedFrom { get; set; }
        public DateOnly? UsedUntil { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty] public EditForm Input { get; set; } = new();
    [BindProperty] public FormerForm Former { get; set; } = new();
    [FromRoute] public Guid Id { get; set; }
    public PlaceNameView? Name { get; private set; }
    public bool CanManage => user.HasPermission(GeographyPermissions.Manage);
    public DivisionFilter FormDivisions => DivisionFilter.For(divisions, user, Input.DivisionCode, "Input.DivisionCode");

    public async Task OnGetAsync()
    {
        Name = PlaceNameRegistry.View(await registry.LoadAsync(Id, HttpContext.RequestAborted), divisions);
        Input = new EditForm
        {
            Name = Name.Name,
            Category = Name.Category,
            DivisionCode = Name.DivisionCode,
            Status = Name.Status,
            PinyinOverride = Name.PinyinOverridden ? Name.Pinyin : null,
            Meaning = Name.Meaning,
            History = Name.History,
            Source = Name.Source,
            Longitude = Name.Longitude,
            Latitude = Name.Latitude,
            GeoJson = Name.GeoJson,
            ApprovedOn = Name.ApprovedOn,
            ApprovalDocument = Name.ApprovalDocument,
            AnnouncedOn = Name.AnnouncedOn,
            Version = Name.Version,
        };
    }

    public async Task ReloadAfterProblemAsync(CancellationToken ct) => Name = PlaceNameRegistry.View(await registry.LoadAsync(Id, ct), divisions);

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanManage) return Forbid();
        var (n, warnings) = await registry.UpdateAsync(Id, new PlaceNameInput
        {
            Name = Input.Name,
            Category = Input.Category,
            DivisionCode = Input.DivisionCode,
            Status = Input.Status,
            PinyinOverride = Input.PinyinOverride,
            Meaning = Input.Meaning,
            History = Input.History,
            Source = Input.Source,
            Longitude = Input.Longitude,
            Latitude = Input.Latitude,
            GeoJson = Input.GeoJson,
            ApprovedOn = Input.ApprovedOn,
            ApprovalDocument = Input.ApprovalDocument,
            AnnouncedOn = Input.AnnouncedOn,
            Version = Input.Version,
        }, HttpContext.RequestAborted);
        TempData["Message"] = $"已保存“{n.Name}”" + (warnings.Count > 0 ? "。请审查：" + string.Join("；", warnings) : "");
        return Redirect($"/geography/place-names/{n.Id}");
    }

    [ProblemPrefix("Former")]
    public async Task<IActionResult> OnPostFormerAsync()
    {
        if (!CanManage) return Forbid();
        await registry.AddFormerNameAsync(Id, new FormerNameInput(Former.Name, Former.UsedFrom, Former.UsedUntil, Former.Note), HttpContext.RequestAborted);
        TempData["Message"] = $"已添加曾用名“{Former.Name}”";
        return Redirect($"/geography/place-names/{Id}");
    }
}

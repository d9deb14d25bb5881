using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Platform.Figures.Pages;

/// <summary>
/// The one standards page: every module's effective-dated figures with their history, filtered by section (a module's part of
/// the book), program, kind and issuing division; entering a figure and ending a period need the permission the module declared.
/// </summary>
[Authorize]
public sealed class IndexModel(FigureBook book, ICurrentUser user) : PageModel
{
    public sealed class FormInput
    {
        /// <summary>"module/kind".</summary>
        public string? Kind { get; set; }
        public string? DivisionCode { get; set; }
        public string? Area { get; set; }
        public string? Category { get; set; }
        public decimal? Amount { get; set; }
        public decimal? Multiple { get; set; }
        public decimal? Percent { get; set; }
        public int? Number { get; set; }
        public string? Choice { get; set; }
        public DateOnly? ValidFrom { get; set; }
        public DateOnly? ValidTo { get; set; }
        public string? Document { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty(SupportsGet = true)] public string? Section { get; set; }
    [BindProperty(SupportsGet = true)] public string? Module { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? DivisionCode { get; set; }
    [BindProperty] public FormInput Input { get; set; } = new();

    public Paged<FigureRow> Result { get; private set; } = new([], 0, 1, 50);
    public FigureCatalog Catalog => book.Catalog;
    public FigureSection? CurrentSection => Catalog.Section(Section);

    /// <summary>The sections whose figures this user may enter (the permission each module declared).</summary>
    public IReadOnlyList<FigureSection> Editable => Catalog.Sections.Where(s => user.IsSystem || user.HasPermission(s.EditPermission)).ToList();

    public IEnumerable<FigureSection> Shown => CurrentSection is { } s ? [s] : Catalog.Sections;
    public bool CanEdit(string module) => book.CanEdit(module);

    /// <summary>A county officer enters the county's figures, a city officer the city's.</summary>
    public string DefaultDivision => user.DivisionCode is { Length: 12 } d ? DivisionCodes.CountyPart(d).PadRight(DivisionCodes.Length, '0') : "450900000000";

    private string BackUrl => "/figures" + (string.IsNullOrEmpty(Section) ? "" : "?section=" + Uri.EscapeDataString(Section));

    public async Task OnGetAsync([FromQuery] int? page)
    {
        var modules = CurrentSection?.Programs.Select(p => p.Code).ToList();
        Result = await book.ListAsync(new FigureFilter(Module, Kind, DivisionCode, modules), PageRequest.From(page, 50), HttpContext.RequestAborted);
        Input.DivisionCode ??= DefaultDivision;
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (Editable.Count == 0) return Forbid();
        var (module, kind) = (Input.Kind ?? "/").Split('/') is [var m, var k] ? (m, k) : ("", "");
        await book.AddAsync(new FigureInput
        {
            Module = module,
            Kind = kind,
            DivisionCode = Input.DivisionCode,
            Area = Input.Area,
            Category = Input.Category,
            Amount = Input.Amount,
            Multiple = Input.Multiple,
            Percent = Input.Percent,
            Number = Input.Number,
            Choice = string.IsNullOrEmpty(Input.Choice) ? null : Input.Choice,
            ValidFrom = Input.ValidFrom,
            ValidTo = Input.ValidTo,
            Document = Input.Document,
            Note = Input.Note,
        }, ct: HttpContext.RequestAborted);
        TempData["Message"] = "标准已录入";
        return Redirect(BackUrl);
    }

    [ProblemPrefix("")]
    public async Task<IActionResult> OnPostEndAsync(Guid id, DateOnly? validTo)
    {
        if (Editable.Count == 0) return Forbid();
        await book.EndAsync(id, validTo ?? throw AppProblem.Field("validTo", "请选择截止日期"), HttpContext.RequestAborted);
        TempData["Message"] = "已设置截止日期";
        return Redirect(BackUrl);
    }
}

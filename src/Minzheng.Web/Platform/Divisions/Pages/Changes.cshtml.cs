using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Platform.Divisions.Pages;

/// <summary>
/// /divisions/changes: the approved division changes with what each moved, and the city's form to register one (ADR 065):
/// preview the code mapping first, then register; a change dated today or earlier is applied at once.
/// </summary>
[Authorize]
public sealed class ChangesModel(AppDbContext db, DivisionChanges changes, DivisionDirectory directory, ICurrentUser user) : PageModel
{
    public const int ItemRows = 6;

    public sealed class ItemForm
    {
        public string? FromCode { get; set; }
        public string? ToCode { get; set; }
        public string? ToName { get; set; }
    }

    public sealed class ChangeForm
    {
        public string? Kind { get; set; }
        public DateOnly? EffectiveOn { get; set; }
        public string? DocumentNumber { get; set; }
        public string? ApprovedBy { get; set; }
        public string? Reason { get; set; }
        public List<ItemForm> Items { get; set; } = [];
    }

    [BindProperty] public ChangeForm Input { get; set; } = new();
    public Paged<DivisionChange> Rows { get; private set; } = new([], 0, 1, 50);
    public DivisionChangePlanner.Plan? Plan { get; private set; }
    public DivisionDirectory Directory => directory;
    public bool CanRegister => user.HasPermission(Permissions.DivisionsWrite);

    public async Task OnGetAsync([FromQuery] int page = 1)
    {
        while (Input.Items.Count < ItemRows) Input.Items.Add(new ItemForm());
        Rows = await db.Set<DivisionChange>().AsNoTracking().Include(c => c.Items)
            .OrderByDescending(c => c.EffectiveOn).ThenByDescending(c => c.CreatedAt).ThenBy(c => c.Id)
            .ToPagedAsync(PageRequest.From(page, 50, 50), HttpContext.RequestAborted);
    }

    private DivisionChangeInput ToInput() => new(Input.Kind, Input.EffectiveOn, Input.DocumentNumber, Input.ApprovedBy, Input.Reason,
        Input.Items.Take(DivisionChangeMaxItems).Select(i => new DivisionChangeItemInput(i.FromCode, i.ToCode, i.ToName)).ToList());

    private const int DivisionChangeMaxItems = 200;

    public async Task<IActionResult> OnPostPreviewAsync()
    {
        if (!CanRegister) return Forbid();
        Plan = changes.Preview(ToInput(), out _, out _);
        await OnGetAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanRegister) return Forbid();
        var c = await changes.RegisterAsync(ToInput(), HttpContext.RequestAborted);
        TempData["Message"] = c.Status == DivisionChangeStatus.Applied
            ? $"已登记并执行：{DivisionChanges.KindNames[c.Kind]}（{c.DocumentNumber}）。迁移：{c.MovedSummary}"
            : $"已登记：{DivisionChanges.KindNames[c.Kind]}（{c.DocumentNumber}），将于 {c.EffectiveOn:yyyy-MM-dd} 生效";
        return Redirect("/divisions/changes");
    }

    public string? ErrorFor(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? string.Join("；", entry.Errors.Select(e => e.ErrorMessage)) : null;
}

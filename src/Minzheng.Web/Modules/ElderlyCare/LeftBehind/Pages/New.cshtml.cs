using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.ElderlyCare.LeftBehind.Pages;

/// <summary>Registration form: the elder by ID number (registry), living arrangement, children away, risk, worker, contact.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + LeftBehindPermissions.Write)]
public sealed class NewModel(LeftBehindRegister register, AppDbContext db, DivisionDirectory divisions, ICurrentUser user, BusinessClock clock) : PageModel
{
    /// <summary>Rows of children the form offers (the API takes up to <see cref="LeftBehindRegister.MaxChildren"/>).</summary>
    public const int ChildRows = 3;

    public sealed class ChildForm
    {
        public string? Name { get; set; }
        public string? Relation { get; set; }
        public string? Place { get; set; }
        public DateOnly? Since { get; set; }
    }

    public sealed class FormInput
    {
        public string? IdNumber { get; set; }
        public LivingArrangement? Living { get; set; }
        public List<ChildForm> ChildrenAway { get; set; } = [];
        public LeftBehindRisk? Risk { get; set; }
        public string? RiskReason { get; set; }
        public string? WorkerUserName { get; set; }
        public string? ContactName { get; set; }
        public string? ContactRelation { get; set; }
        public string? ContactPhone { get; set; }
        public DateOnly? RegisteredOn { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public IReadOnlyList<(string UserName, string Label)> Workers { get; private set; } = [];
    public DateOnly Today => clock.Today;

    public async Task OnGetAsync()
    {
        // village and community accounts in the user's scope (a village worker sees only the own village's)
        var scope = user.Scope;
        var accounts = await db.Users.AsNoTracking().Where(u => !u.IsDisabled && u.OrganizationId == null
                && string.Compare(u.DivisionCode, scope.Low) >= 0 && string.Compare(u.DivisionCode, scope.High) <= 0)
            .OrderBy(u => u.DivisionCode).ThenBy(u => u.UserName).Select(u => new { u.UserName, u.DisplayName, u.DivisionCode }).Take(500).ToListAsync(HttpContext.RequestAborted);
        Workers = [.. accounts.Where(a => DivisionCodes.IsWellFormed(a.DivisionCode) && DivisionCodes.LevelOf(a.DivisionCode) == DivisionLevel.Village)
            .Select(a => (a.UserName!, $"{divisions.NameOf(a.DivisionCode)} · {(a.DisplayName.Length > 0 ? a.DisplayName : a.UserName)}"))];
        while (Input.ChildrenAway.Count < ChildRows) Input.ChildrenAway.Add(new ChildForm());
        if (Request.Method == "GET" && user.DivisionCode is { } own && Workers.Count > 0 && DivisionCodes.IsWellFormed(own) && DivisionCodes.LevelOf(own) == DivisionLevel.Village)
        {
            Input.WorkerUserName = user.UserName; // a village worker registers the elders she visits herself
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // rows left empty at the end of the form are not children; a row left empty in between is reported beside its fields
        var filled = Input.ChildrenAway.FindLastIndex(c => !string.IsNullOrWhiteSpace(c.Name) || !string.IsNullOrWhiteSpace(c.Relation) || !string.IsNullOrWhiteSpace(c.Place) || c.Since is not null);
        var children = Input.ChildrenAway.Take(filled + 1).Select(c => new ChildAwayInput(c.Name, c.Relation, c.Place, c.Since)).ToList();
        var e = await register.RegisterAsync(new RegisterInput(null, Input.IdNumber, Input.Living, children, Input.Risk, Input.RiskReason, Input.WorkerUserName,
            Input.ContactName, Input.ContactRelation, Input.ContactPhone, Input.RegisteredOn), HttpContext.RequestAborted);
        TempData["Message"] = $"已登记 {e.Name}，应于 {e.NextVisitDue:yyyy-MM-dd} 前首次巡访";
        return Redirect($"/elderly/left-behind/{e.Id}");
    }
}

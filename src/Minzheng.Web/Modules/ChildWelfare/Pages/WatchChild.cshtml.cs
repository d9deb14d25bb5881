using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.ChildWelfare.Watch;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.ChildWelfare.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + ChildPermissions.Read)]
public sealed class WatchChildModel(ChildWatch watch, AppDbContext db, ICurrentUser user, DivisionDirectory divisions, BusinessClock clock) : PageModel
{
    public sealed class FormInput
    {
        public DateOnly? VisitedOn { get; set; }
        public string? Findings { get; set; }
        public string? RiskItem { get; set; }
        public string? FollowUp { get; set; }
        public RiskLevel RiskAfter { get; set; } = RiskLevel.Low;
        public bool RiskResolved { get; set; }
        public int? RevisitWithinDays { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public WatchedChild Child { get; private set; } = null!;
    public Person Person { get; private set; } = null!;
    public List<ChildVisit> Visits { get; private set; } = [];
    /// <summary>Visitors by name (the record keeps the account, the page shows the person: 儿童主任 王秀兰).</summary>
    public Dictionary<string, string> VisitorNames { get; private set; } = [];
    public string DivisionName { get; private set; } = "";
    public DateOnly Today => clock.Today;
    public bool CanVisit => user.HasPermission(ChildPermissions.Visit);

    public async Task OnGetAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        Child = await db.Set<WatchedChild>().AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct) ?? throw AppProblem.NotFound("关爱儿童");
        Person = await db.Persons.AsNoTracking().FirstAsync(p => p.Id == Child.PersonId, ct);
        Visits = await db.Set<ChildVisit>().AsNoTracking().Where(v => v.WatchedChildId == id).OrderByDescending(v => v.VisitedOn).ThenByDescending(v => v.RecordedAt).ToListAsync(ct);
        DivisionName = divisions.FullName(Child.DivisionCode);
        var accounts = Visits.Select(v => v.Visitor).Distinct().ToList();
        VisitorNames = await db.Users.AsNoTracking().Where(u => accounts.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, u => u.DisplayName, ct);
        if (Request.Method == "GET") Input.RiskAfter = Child.Risk;
    }

    public async Task<IActionResult> OnPostVisitAsync(Guid id, int version)
    {
        if (!CanVisit) return Forbid();
        await watch.VisitAsync(id, new VisitInput(Input.VisitedOn, Input.Findings, Input.RiskItem, Input.FollowUp, Input.RiskAfter, Input.RiskResolved, Input.RevisitWithinDays), version, HttpContext.RequestAborted);
        var next = await db.Set<WatchedChild>().AsNoTracking().Where(w => w.Id == id).Select(w => w.NextVisitDue).FirstAsync(HttpContext.RequestAborted);
        TempData["Message"] = $"走访记录已保存，下次走访应在 {next:yyyy-MM-dd} 前完成";
        return Redirect($"/children/watch/{id}");
    }
}

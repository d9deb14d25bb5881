using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Platform.Ui.Pages;

/// <summary>The home page: counts within the user's scope (the query filter applies to every one of them).</summary>
[Authorize]
public sealed class HomeModel(AppDbContext db, DivisionDirectory divisions, ICurrentUser user, BusinessClock clock, WorkflowEngine workflow, PlatformOptions options) : PageModel
{
    public sealed record Counts(int Alive, int Households, int Disabled, int Elderly, int Deceased, int Overdue);

    public sealed record Bar(string Code, string Name, int Count);

    public Counts Stats { get; private set; } = new(0, 0, 0, 0, 0, 0);
    public List<Bar> ByArea { get; private set; } = [];
    public List<Bar> AgeBands { get; private set; } = [];
    public string ScopeName => divisions.NameOf(user.DivisionCode);
    public bool DemoMode => options.DemoSeed;

    public async Task<IActionResult> OnGetAsync()
    {
        // Citizens have their own pages; staff counts are not for them.
        if (!user.HasPermission(Permissions.RegistryRead)) return Redirect(user.HasPermission(Permissions.CitizenApply) ? "/citizen" : "/account/denied");
        var ct = HttpContext.RequestAborted;
        var today = clock.Today;
        var sixty = today.AddYears(-60);
        var alive = db.Persons.Where(p => p.LifeStatus == LifeStatus.Alive);
        Stats = new Counts(
            await alive.CountAsync(ct),
            await db.Households.CountAsync(ct),
            await alive.CountAsync(p => p.DisabilityCategory != null, ct),
            await alive.CountAsync(p => p.BirthDate <= sixty, ct),
            await db.Persons.CountAsync(p => p.LifeStatus == LifeStatus.Deceased, ct),
            await workflow.Overdue().CountAsync(ct));

        // One level below the user's division: counties for the city, towns for a county, villages for a town.
        var root = user.DivisionCode is { } code && divisions.Find(code) is { } d ? d : null;
        if (root is not null && root.Level < DivisionLevel.Village)
        {
            var prefixLength = DivisionCodes.PrefixLength(root.Level + 1);
            var grouped = await alive.GroupBy(p => p.DivisionCode.Substring(0, prefixLength))
                .Select(g => new { Prefix = g.Key, Count = g.Count() }).ToListAsync(ct);
            ByArea = grouped
                .Select(g => divisions.Find(g.Prefix.PadRight(DivisionCodes.Length, '0')) is { } area ? new Bar(area.Code, area.Name, g.Count) : null)
                .OfType<Bar>().OrderBy(b => divisions.Find(b.Code)?.SortOrder).ToList();
        }

        int[] bounds = [0, 7, 18, 40, 60, 70, 80];
        string[] names = ["0–6岁", "7–17岁", "18–39岁", "40–59岁", "60–69岁", "70–79岁", "80岁及以上"];
        for (var i = 0; i < bounds.Length; i++)
        {
            var youngest = today.AddYears(-bounds[i]);
            var oldestExclusive = i + 1 < bounds.Length ? today.AddYears(-bounds[i + 1]) : DateOnly.MinValue;
            AgeBands.Add(new Bar("", names[i], await alive.CountAsync(p => p.BirthDate <= youngest && p.BirthDate > oldestExclusive, ct)));
        }
        return Page();
    }
}

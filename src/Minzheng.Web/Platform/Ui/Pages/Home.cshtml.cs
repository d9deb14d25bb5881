using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Tasks;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Platform.Ui.Pages;

/// <summary>
/// The home page: counts within the user's scope (the query filter applies to every one of them). They are computed set-based
/// (one pass over the people for all person counts and age bands, one grouping by area, one count each of households and
/// overdue cases) and kept for <see cref="CacheSeconds"/> seconds per scope, as the page says: a city-wide count scans every
/// person of the city, and the page is everyone's first page of the day. The user's own tasks (我的待办, ADR 026) are read fresh on
/// every load, never cached: an action taken on one must show at once.
/// </summary>
[Authorize]
public sealed class HomeModel(ReadOnlyDb read, DivisionDirectory divisions, ICurrentUser user, BusinessClock clock, TimeProvider time,
    PlatformOptions options, IMemoryCache cache, MyTasks myTasks, SingleFlight<HomeModel.Snapshot> computing) : PageModel
{
    public const int CacheSeconds = 60;

    // the counts read from the standby when there is one (ADR 071); the user's tasks, read fresh, stay on the primary
    private readonly AppDbContext _db = read.Context;

    public sealed record Counts(int Alive, int Households, int Disabled, int Elderly, int Deceased, int Overdue);

    public sealed record Bar(string Code, string Name, int Count);

    /// <summary>What the page shows, as computed at <see cref="ComputedAt"/> (UTC) for one scope.</summary>
    public sealed record Snapshot(Counts Stats, List<Bar> ByArea, List<Bar> AgeBands, DateTimeOffset ComputedAt);

    public Counts Stats { get; private set; } = new(0, 0, 0, 0, 0, 0);
    public List<Bar> ByArea { get; private set; } = [];
    public List<Bar> AgeBands { get; private set; } = [];
    public DateTimeOffset ComputedAt { get; private set; }
    public string ScopeName => divisions.NameOf(user.DivisionCode);
    public bool DemoMode => options.DemoSeed;

    /// <summary>An organisation's account: no registry counts (it may not read the registry), only its tasks and the modules.</summary>
    public bool WithoutRegistry { get; private set; }

    /// <summary>The user's tasks, one page of them (<c>?page=</c>).</summary>
    public MyTaskList Tasks { get; private set; } = new(new Paged<MyTask>([], 0, 1, TaskPageSize), [], 0, false);
    public DateOnly Today => clock.Today;

    public const int TaskPageSize = 20;

    /// <summary>知悉 from the list: the item leaves the user's list until it changes (an overdue one: for today).</summary>
    public async Task<IActionResult> OnPostAcknowledgeAsync(string key)
    {
        await myTasks.AcknowledgeAsync(key, HttpContext.RequestAborted);
        return Redirect("/#my-tasks");
    }

    public async Task<IActionResult> OnGetAsync(int? page)
    {
        // Citizens have their own pages; staff counts are not for them.
        if (!user.HasPermission(Permissions.RegistryRead))
        {
            if (user.HasPermission(Permissions.CitizenApply)) return Redirect("/citizen");
            // an organisation's account (a care home, a provider) has no registry access: its first page is its tasks and the
            // modules, not a denial
            if (user.OrganizationId is null) return Redirect("/account/denied");
            WithoutRegistry = true;
            Tasks = await myTasks.ListAsync(PageRequest.From(page, TaskPageSize, TaskPageSize), HttpContext.RequestAborted);
            return Page();
        }
        // the counts depend on the scope only (division, or organisation for an organisation account)
        var key = $"home-counts:{user.DivisionCode}:{user.OrganizationId}";
        var now = time.GetUtcNow();
        if (!cache.TryGetValue(key, out Snapshot? snapshot) || snapshot is null || now - snapshot.ComputedAt >= TimeSpan.FromSeconds(CacheSeconds))
        {
            // one computation per scope when the minute is up, however many load the page at that moment (ADR 075)
            snapshot = await computing.RunAsync(key, async () =>
            {
                var computed = await ComputeAsync(now, CancellationToken.None);
                cache.Set(key, computed, TimeSpan.FromSeconds(CacheSeconds));
                return computed;
            }, HttpContext.RequestAborted);
        }
        (Stats, ByArea, AgeBands, ComputedAt) = (snapshot.Stats, snapshot.ByArea, snapshot.AgeBands, snapshot.ComputedAt);
        Tasks = await myTasks.ListAsync(PageRequest.From(page, TaskPageSize, TaskPageSize), HttpContext.RequestAborted);
        return Page();
    }

    private async Task<Snapshot> ComputeAsync(DateTimeOffset now, CancellationToken ct)
    {
        var today = clock.Today;
        var sixty = today.AddYears(-60);
        // age band borders: born on or before b[i] and after b[i+1] is in band i (0–6, 7–17, 18–39, 40–59, 60–69, 70–79, 80+)
        DateOnly b0 = today, b7 = today.AddYears(-7), b18 = today.AddYears(-18), b40 = today.AddYears(-40), b60 = sixty, b70 = today.AddYears(-70), b80 = today.AddYears(-80);
        const LifeStatus alive = LifeStatus.Alive;
        var people = await _db.Persons.GroupBy(p => 1).Select(g => new
        {
            Alive = g.Count(p => p.LifeStatus == alive),
            Deceased = g.Count(p => p.LifeStatus == LifeStatus.Deceased),
            Disabled = g.Count(p => p.LifeStatus == alive && p.DisabilityCategory != null),
            Elderly = g.Count(p => p.LifeStatus == alive && p.BirthDate <= sixty),
            A0 = g.Count(p => p.LifeStatus == alive && p.BirthDate <= b0 && p.BirthDate > b7),
            A7 = g.Count(p => p.LifeStatus == alive && p.BirthDate <= b7 && p.BirthDate > b18),
            A18 = g.Count(p => p.LifeStatus == alive && p.BirthDate <= b18 && p.BirthDate > b40),
            A40 = g.Count(p => p.LifeStatus == alive && p.BirthDate <= b40 && p.BirthDate > b60),
            A60 = g.Count(p => p.LifeStatus == alive && p.BirthDate <= b60 && p.BirthDate > b70),
            A70 = g.Count(p => p.LifeStatus == alive && p.BirthDate <= b70 && p.BirthDate > b80),
            A80 = g.Count(p => p.LifeStatus == alive && p.BirthDate <= b80),
        }).FirstOrDefaultAsync(ct);
        var stats = new Counts(people?.Alive ?? 0, await _db.Households.CountAsync(ct), people?.Disabled ?? 0, people?.Elderly ?? 0, people?.Deceased ?? 0,
            await WorkflowEngine.Overdue(_db, today).CountAsync(ct));
        List<Bar> ages =
        [
            new("", "0–6岁", people?.A0 ?? 0), new("", "7–17岁", people?.A7 ?? 0), new("", "18–39岁", people?.A18 ?? 0), new("", "40–59岁", people?.A40 ?? 0),
            new("", "60–69岁", people?.A60 ?? 0), new("", "70–79岁", people?.A70 ?? 0), new("", "80岁及以上", people?.A80 ?? 0),
        ];

        // One level below the user's division: counties for the city, towns for a county, villages for a town.
        List<Bar> byArea = [];
        var root = user.DivisionCode is { } code && divisions.Find(code) is { } d ? d : null;
        if (root is not null && root.Level < DivisionLevel.Village)
        {
            var prefixLength = DivisionCodes.PrefixLength(root.Level + 1);
            var grouped = await _db.Persons.Where(p => p.LifeStatus == alive).GroupBy(p => p.DivisionCode.Substring(0, prefixLength))
                .Select(g => new { Prefix = g.Key, Count = g.Count() }).ToListAsync(ct);
            byArea = grouped
                .Select(g => divisions.Find(g.Prefix.PadRight(DivisionCodes.Length, '0')) is { } area ? new Bar(area.Code, area.Name, g.Count) : null)
                .OfType<Bar>().OrderBy(b => divisions.Find(b.Code)?.SortOrder).ToList();
        }
        return new Snapshot(stats, byArea, ages, now);
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Platform.Divisions.Pages;

[Authorize]
public sealed class TreeModel(DivisionDirectory directory, AppDbContext db, DivisionHistory history) : PageModel
{
    public const string CityCode = "450900000000";

    public DivisionDirectory Directory => directory;
    public Division Current { get; private set; } = null!;
    public IReadOnlyList<Division> Path { get; private set; } = [];
    public IReadOnlyList<Division> Children { get; private set; } = [];
    public IReadOnlyList<Division>? Results { get; private set; }
    public int PeopleInScope { get; private set; }
    public int HouseholdsInScope { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>A past date: the tree of that day, with the people, households and organisations that lay in each division then (ADR 065).</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? AsOf { get; set; }

    public sealed record HistoryRow(Division Division, int Persons, int Households, int Organizations);

    public IReadOnlyList<HistoryRow>? History { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? code)
    {
        if (AsOf is { } date)
        {
            var then = await history.TreeAsOfAsync(date);
            if (then.Find(code ?? CityCode) is { } past)
            {
                var persons = await history.CountAsOfAsync<Registry.Person>(date, past.Code);
                var households = await history.CountAsOfAsync<Registry.Household>(date, past.Code);
                var organizations = await history.CountAsOfAsync<Registry.Organizations.Organization>(date, past.Code);
                History = persons.Select((p, i) => new HistoryRow(p.Division, p.Count, households[i].Count, organizations[i].Count)).ToList();
            }
            else
            {
                History = [];
            }
        }
        var current = directory.Find(code ?? CityCode);
        if (current is null) return NotFound();
        Current = current;
        Path = directory.PathOf(current.Code).SkipLast(1).ToList();
        Children = directory.ChildrenOf(current.Code);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            Results = directory.Search(Q, 100);
        }
        var sub = DivisionScope.Of(current.Code);
        PeopleInScope = await db.Persons.CountAsync(p => string.Compare(p.DivisionCode, sub.Low) >= 0 && string.Compare(p.DivisionCode, sub.High) <= 0);
        HouseholdsInScope = await db.Households.CountAsync(h => string.Compare(h.DivisionCode, sub.Low) >= 0 && string.Compare(h.DivisionCode, sub.High) <= 0);
        return Page();
    }
}

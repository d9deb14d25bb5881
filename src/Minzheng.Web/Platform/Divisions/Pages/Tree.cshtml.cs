using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Platform.Divisions.Pages;

[Authorize]
public sealed class TreeModel(DivisionDirectory directory, AppDbContext db) : PageModel
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

    public async Task<IActionResult> OnGetAsync(string? code)
    {
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

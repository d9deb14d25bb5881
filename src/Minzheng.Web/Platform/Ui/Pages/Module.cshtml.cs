using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Minzheng.Web.Platform.Ui.Pages;

[Authorize]
public sealed class ModuleModel(ModuleCatalog catalog) : PageModel
{
    public Composition.NavigationEntry Entry { get; private set; } = null!;
    public IReadOnlyList<string> Excerpt { get; private set; } = [];

    public IActionResult OnGet(string key)
    {
        if (catalog.Find(key) is not { } entry) return NotFound();
        if (entry.Path is { } path && entry.Partly is null) return Redirect(path);
        Entry = entry;
        Excerpt = ModuleCatalog.PlanExcerpt(entry);
        return Page();
    }
}

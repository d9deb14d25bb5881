using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Platform.Registry.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + Permissions.RegistryRead)]
public sealed class PersonModel(RegistryQueries queries, IEnumerable<IPersonPanel> panels, ICurrentUser user, RevealIdentifiers reveal, ModuleCatalog catalog, PersonDeaths deaths,
    IEnumerable<IStartActions> starts) : PageModel
{
    /// <summary>The 办理 actions the modules offer this user for this person (issue 12, item 10).</summary>
    public List<StartAction> Actions { get; private set; } = [];

    public RevealedIdentifiers? Revealed { get; private set; }
    public bool CanReveal => user.HasPermission(Permissions.RegistryRevealId);
    public PersonDto Person { get; private set; } = null!;
    public List<MembershipDto> History { get; private set; } = [];
    public List<(IPersonPanel Panel, object? Model)> Panels { get; } = [];
    public bool CanWrite => user.HasPermission(Permissions.RegistryWrite);
    public bool CanReverseDeath => user.HasPermission(Permissions.RegistryDeathReverse);

    public IEnumerable<Composition.NavigationEntry> PendingModules =>
        catalog.Business.Where(m => m.Path is null && Panels.All(p => p.Panel.ModuleKey != m.Key));

    /// <summary>Shows the full numbers once, on this response only (never in a URL or cached page).</summary>
    public async Task<IActionResult> OnPostRevealAsync(Guid id, string? reason)
    {
        if (!CanReveal) return Forbid();
        Revealed = await reveal.RevealAsync(id, reason, HttpContext.RequestAborted);
        await OnGetAsync(id);
        return Page();
    }

    /// <summary>撤销死亡登记: the county, with a written reason; the modules' restorations are listed on the page that follows.</summary>
    public async Task<IActionResult> OnPostReverseDeathAsync(Guid id, string? reason, int version)
    {
        if (!CanReverseDeath) return Forbid();
        var reversal = await deaths.ReverseAsync(id, new DeathReversalInput(reason, version), HttpContext.RequestAborted);
        TempData["Message"] = $"已撤销 {reversal.DeathDate:yyyy-MM-dd} 的死亡登记" + (reversal.Effects.Count > 0 ? "：" + string.Join("；", reversal.Effects) : "");
        return Redirect($"/registry/persons/{id}");
    }

    public async Task OnGetAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        Person = await queries.PersonAsync(id, ct);
        History = await queries.MembershipHistoryAsync(id, ct);
        var subject = new StartSubject(Person.Id, Person.Name, Person.Age, Person.Disability is not null, Person.LifeStatus == LifeStatus.Alive, Person.Household?.HouseholdId);
        Actions = [.. starts.OrderBy(s => s.Order).SelectMany(s => s.ForPerson(subject))];
        foreach (var panel in panels.OrderBy(p => p.Order))
        {
            Panels.Add((panel, await panel.LoadAsync(id, ct)));
        }
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Platform.Registry.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + Permissions.RegistryRead)]
public sealed class PersonModel(RegistryQueries queries, IEnumerable<IPersonPanel> panels, ICurrentUser user) : PageModel
{
    public PersonDto Person { get; private set; } = null!;
    public List<MembershipDto> History { get; private set; } = [];
    public List<(IPersonPanel Panel, object? Model)> Panels { get; } = [];
    public bool CanWrite => user.HasPermission(Permissions.RegistryWrite);

    public IEnumerable<ModuleCatalog.Entry> PendingModules =>
        ModuleCatalog.Business.Where(m => m.Path is null && Panels.All(p => p.Panel.ModuleKey != m.Key));

    public async Task OnGetAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        Person = await queries.PersonAsync(id, ct);
        History = await queries.MembershipHistoryAsync(id, ct);
        foreach (var panel in panels.OrderBy(p => p.Order))
        {
            Panels.Add((panel, await panel.LoadAsync(id, ct)));
        }
    }
}

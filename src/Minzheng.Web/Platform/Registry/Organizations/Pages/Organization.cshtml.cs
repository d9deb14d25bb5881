using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Platform.Registry.Organizations.Pages;

/// <summary>The one-organisation view: registration facts, history (former names, changes, end), and every module's panel.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.OrganizationsRead)]
public sealed class OrganizationModel(OrganizationQueries queries, OrganizationRegistration registration, IEnumerable<IOrganizationPanel> panels, ICurrentUser user) : PageModel
{
    public OrganizationDto Organization { get; private set; } = null!;
    public List<(IOrganizationPanel Panel, object? Model)> Panels { get; } = [];
    public bool CanWrite => user.HasPermission(Permissions.OrganizationsWrite);

    public async Task OnGetAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        Organization = await queries.OrganizationAsync(id, ct);
        foreach (var panel in panels.OrderBy(p => p.Order))
        {
            // a panel with nothing for this organisation (a care home has no social-organisation profile) answers null and is not shown
            if (await panel.LoadAsync(id, ct) is { } model) Panels.Add((panel, model));
        }
    }

    public async Task<IActionResult> OnPostEndAsync(Guid id, OrganizationEventKind kind, DateOnly? on, string? note, int version)
    {
        if (!CanWrite) return Forbid();
        await registration.EndAsync(id, new OrganizationEndInput(kind, on, note, version), HttpContext.RequestAborted);
        TempData["Message"] = kind == OrganizationEventKind.Revoked ? "已登记撤销" : "已登记注销";
        return Redirect($"/registry/organizations/{id}");
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Web.Modules.SocialOrganizations.Registration.Pages;

/// <summary>The change and deregistration forms, as the organisation files them online or an officer enters them at the counter.</summary>
public sealed class ApplicationForm
{
    public string? Name { get; set; }
    public string? LegalRepresentative { get; set; }
    public string? Address { get; set; }
    public string? BusinessScope { get; set; }
    public decimal? RegisteredCapital { get; set; }
    public string? SupervisingUnit { get; set; }
    public bool DirectRegistration { get; set; }
    public string? Reason { get; set; }
    public string? ApplicantName { get; set; }
    public List<string> Materials { get; set; } = [];
}

/// <summary>What the organisation page and the organisation's own page show: the facts, the applications and every module's panel.</summary>
public sealed record OrganizationView(RegistryDetail Detail, List<(IOrganizationPanel Panel, object? Model)> Panels, bool Counter, bool Online, ApplicationForm Form);

/// <summary>
/// One social organisation (/social-organizations/org/{id}): registry facts, profile, former names, applications and the panels
/// other parts contribute (ModuleKey "social-organizations"); the registration authority's officer enters a change or a
/// deregistration at the counter here.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + SocialOrganizationPermissions.Read)]
public sealed class OrganizationModel(RegistryQueries queries, RegistrationApplications applications, IEnumerable<IOrganizationPanel> panels, ICurrentUser user) : PageModel
{
    [BindProperty] public ApplicationForm Input { get; set; } = new();
    public OrganizationView View { get; private set; } = null!;

    public async Task OnGetAsync(Guid id) => View = await OrganizationPage.LoadAsync(queries, panels, id, Input,
        counter: user.OrganizationId is null && user.HasPermission(RegistrationPermissions.Handle), online: false, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostChangeAsync(Guid id)
    {
        var a = await applications.ChangeAsync(id, OrganizationPage.Change(Input), HttpContext.RequestAborted);
        TempData["Message"] = $"已录入变更登记申请 {a.Number}，请受理";
        return Redirect($"/social-organizations/applications/{a.Id}");
    }

    public async Task<IActionResult> OnPostDeregisterAsync(Guid id)
    {
        var a = await applications.DeregisterAsync(id, new DeregisterInput(Input.Reason, Input.ApplicantName, Input.Materials), HttpContext.RequestAborted);
        TempData["Message"] = $"已录入注销登记申请 {a.Number}，请受理";
        return Redirect($"/social-organizations/applications/{a.Id}");
    }
}

/// <summary>Shared by the organisation page and the organisation's own page.</summary>
public static class OrganizationPage
{
    public static async Task<OrganizationView> LoadAsync(RegistryQueries queries, IEnumerable<IOrganizationPanel> panels, Guid id, ApplicationForm form, bool counter, bool online, CancellationToken ct)
    {
        var detail = await queries.DetailAsync(id, ct);
        var list = new List<(IOrganizationPanel, object?)>();
        foreach (var panel in panels.Where(p => p.ModuleKey == SocialOrganizationFigures.Module).OrderBy(p => p.Order)) if (await panel.LoadAsync(id, ct) is { } model) list.Add((panel, model));
        var active = detail.Summary.Status == "active";
        return new(detail, list, counter && detail.CanAct && active, online && active, form);
    }

    public static ChangeInput Change(ApplicationForm f) => new()
    {
        Name = f.Name,
        LegalRepresentative = f.LegalRepresentative,
        Address = f.Address,
        BusinessScope = f.BusinessScope,
        RegisteredCapital = f.RegisteredCapital,
        SupervisingUnit = f.SupervisingUnit,
        DirectRegistration = f.DirectRegistration,
        Reason = f.Reason,
        ApplicantName = f.ApplicantName,
        Materials = f.Materials,
    };
}

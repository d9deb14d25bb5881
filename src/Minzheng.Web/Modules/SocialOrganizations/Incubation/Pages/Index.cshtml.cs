using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.SocialOrganizations.Incubation.Pages;

/// <summary>孵化中心: the funding programmes, projects seeking support, experts and the matching list, filtered by field.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + SocialOrganizationPermissions.Read)]
public sealed class IndexModel(IncubationLibraries libraries) : PageModel
{
    public string? Field { get; private set; }
    public Paged<ProgrammeDto> Programmes { get; private set; } = null!;
    public Paged<ProjectDto> Projects { get; private set; } = null!;
    public Paged<ExpertDto> Experts { get; private set; } = null!;
    public Paged<MatchDto> Matches { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery] string? field)
    {
        var ct = HttpContext.RequestAborted;
        // an unknown field shows everything rather than an empty page
        Field = SocialOrganizationCategories.IsKnown(field) ? field : null;
        var page = PageRequest.From(1, 100);
        Programmes = await libraries.ProgrammesAsync(Field, page, ct);
        Projects = await libraries.ProjectsAsync(Field, page, ct);
        Experts = await libraries.ExpertsAsync(Field, page, ct);
        Matches = await libraries.MatchesAsync(Field, page, ct);
    }
}

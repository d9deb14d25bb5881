using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Modules.Volunteers.Records;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Volunteers.Activities.Pages;

public sealed class ActivityForm
{
    public string? Title { get; set; }
    public string? Category { get; set; }
    public string? Description { get; set; }
    public string? Place { get; set; }
    public DateTime? StartsAt { get; set; }
    public DateTime? EndsAt { get; set; }
    public string? RiskDisclosure { get; set; }
    public int? MinAge { get; set; }
    public int? MaxAge { get; set; }
    public string? AbilityRequirements { get; set; }
    public int? Capacity { get; set; }

    public ActivityInput ToInput(int? version) => new(null, Title, Description, Category, Place, StartsAt, EndsAt, RiskDisclosure, MinAge, MaxAge, AbilityRequirements, Capacity, version);
}

/// <summary>The organisation's activities (a county sees those in its area) and, for the organisation, a new activity's form.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + VolunteerPermissions.Read)]
public sealed class ActivitiesModel(ActivityQueries queries, ActivityPlans plans, ICurrentUser user) : PageModel
{
    public Paged<VolunteerActivity> Items { get; private set; } = null!;
    public bool CanManage => user.HasPermission(VolunteerPermissions.Manage) && user.OrganizationId is not null;

    [BindProperty]
    public ActivityForm Input { get; set; } = new();

    public async Task OnGetAsync(int? p) => Items = await queries.Activities(null).ToPagedAsync(PageRequest.From(p, 20), HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        if (!user.HasPermission(VolunteerPermissions.Manage)) return Forbid();
        var a = await plans.SaveAsync(null, Input.ToInput(null), HttpContext.RequestAborted);
        TempData["Message"] = "活动已保存为草稿，核对后请发布招募";
        return Redirect($"/volunteers/activities/{a.Id}");
    }
}

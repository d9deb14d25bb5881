using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Modules.Volunteers.Records;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Volunteers.Registration.Pages;

/// <summary>/volunteers/teams: the volunteer organisations in scope with their volunteers, registering one from the organisation registry, stopping and resuming.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + VolunteerPermissions.Read)]
public sealed class TeamsModel(VolunteerTeams teams, DivisionDirectory divisions, ICurrentUser user) : PageModel
{
    public sealed class TeamForm
    {
        public string? OrganizationNumber { get; set; }
        public VolunteerTeamKind? Kind { get; set; }
        public string? ContactName { get; set; }
        public string? ContactPhone { get; set; }
    }

    [BindProperty] public TeamForm Input { get; set; } = new();
    public Paged<TeamRow> Rows { get; private set; } = new([], 0, 1, 50);
    public bool CanWrite => user.HasPermission(VolunteerPermissions.TeamsWrite);

    public string DivisionName(string code) => divisions.FullName(code);

    public async Task OnGetAsync([FromQuery] int page = 1) => Rows = await teams.ListAsync(PageRequest.From(page, 50, 50), HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanWrite) return Forbid();
        var team = await teams.RegisterAsync(new TeamInput(Input.OrganizationNumber, Input.Kind, Input.ContactName, Input.ContactPhone), HttpContext.RequestAborted);
        TempData["Message"] = $"“{team.Name}”已登记为志愿服务组织。工作人员账号请系统管理员在“用户管理”中创建并绑定该组织。";
        return Redirect("/volunteers/teams");
    }

    public async Task<IActionResult> OnPostActiveAsync(Guid id, bool active, int version)
    {
        if (!CanWrite) return Forbid();
        var team = await teams.SetActiveAsync(id, new TeamActiveInput(active, version), HttpContext.RequestAborted);
        TempData["Message"] = $"“{team.Name}”已{(active ? "恢复" : "停用")}";
        return Redirect("/volunteers/teams");
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.ElderlyCare.Assessment.Pages;

/// <summary>能力评估 (/elderly/assessments): the assessments in scope, newest first; "到期应再评估" keeps each person's latest one that is due.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + Homes.HomesPermissions.Read)]
public sealed class IndexModel(AbilityAssessments assessments, AppDbContext db, ICurrentUser user, BusinessClock clock) : PageModel
{
    public sealed record Row(AbilityAssessment Assessment, string Name, bool Due);

    public Paged<Row> Rows { get; private set; } = null!;
    public bool DueOnly { get; private set; }
    public bool CanAssess => user.HasPermission(Homes.HomesPermissions.Assess);

    public async Task OnGetAsync([FromQuery] bool? due, [FromQuery] int? page)
    {
        var ct = HttpContext.RequestAborted;
        DueOnly = due ?? false;
        var rows = await assessments.ListAsync(null, DueOnly, PageRequest.From(page, 50), ct);
        // the assessments are in scope (the filter); their people's names are read past the division scope, which a home's
        // account does not have (it sees its residents' assessments, not the registry)
        var names = await db.PersonNamesAsync(rows.Items.Select(a => (Guid?)a.PersonId), ct);
        var today = clock.Today;
        Rows = rows.Select(a => new Row(a, names.GetValueOrDefault(a.PersonId, ""), a.NextDueOn <= today));
    }
}

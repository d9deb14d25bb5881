using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.Disability.Rehab;

/// <summary>
/// The rehabilitation part of the one-person view: for users with the roll only. Without it the panel has no model and its
/// partial renders nothing, the same for a person enrolled and one never enrolled, so the page does not tell them apart.
/// </summary>
public sealed class RehabPersonPanel(RehabEnrolments enrolments, AuditLog audit) : IPersonPanel
{
    public string ModuleKey => "disability";
    public string Title => "精神障碍社区康复服务";
    public int Order => 41;
    public string PartialView => "/Modules/Disability/Rehab/Pages/_PersonPanel.cshtml";

    public async Task<object?> LoadAsync(Guid personId, CancellationToken ct)
    {
        if (!enrolments.CanSee) return null;
        var rows = await enrolments.Visible().Where(e => e.PersonId == personId).OrderByDescending(e => e.EnrolledOn).ToListAsync(ct);
        // a look at someone's restricted record is kept, also from the person page
        if (rows.Count > 0) await audit.RecordAsync("view", RehabEnrolments.EntityType, rows[0].Id.ToString(), new { via = "person", rows = rows.Count }, rows[0].DivisionCode, ct: ct);
        return await enrolments.ViewsAsync(rows, ct);
    }
}

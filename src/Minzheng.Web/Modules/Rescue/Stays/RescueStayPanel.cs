using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.Rescue.Stays;

/// <summary>The person's rescue stays on the one-person view: dates, station, status and exit.</summary>
public sealed class RescueStayPanel(AppDbContext db) : IPersonPanel
{
    public sealed record Row(RescueStay Stay, string Station);

    public string ModuleKey => "rescue";
    public string Title => "流浪乞讨救助";
    public int Order => 90;
    public string PartialView => "/Modules/Rescue/Stays/Pages/_PersonPanel.cshtml";

    public async Task<object?> LoadAsync(Guid personId, CancellationToken ct)
    {
        var rows = await db.Set<RescueStay>().AsNoTracking().Where(s => s.PersonId == personId)
            .Join(db.Set<RescueStation>(), s => s.StationId, t => t.Id, (s, t) => new Row(s, t.Name)).ToListAsync(ct);
        return rows.Count == 0 ? null : rows.OrderByDescending(r => r.Stay.AdmittedAt).ToList();
    }
}

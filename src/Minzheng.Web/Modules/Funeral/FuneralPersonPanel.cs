using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Funeral.Benefits;
using Minzheng.Web.Modules.Funeral.Cremations;
using Minzheng.Web.Modules.Funeral.Facilities;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.Funeral;

/// <summary>
/// The person's funeral facts on the one-person view: the death record with what it stopped, the cremation, the plot (as
/// the deceased buried there or as its holder) and the eco-burial award (as the deceased or as the family member paid).
/// </summary>
public sealed class FuneralPersonPanel(AppDbContext db) : IPersonPanel
{
    public sealed record PlotLine(string Facility, BurialPlot Plot, bool AsHolder);

    public sealed record Item(DeathRecord? Record, IReadOnlyList<string> Effects, Cremation? Cremation, string? CremationFacility, IReadOnlyList<PlotLine> Plots, IReadOnlyList<(EcoAward Award, bool AsApplicant)> Awards);

    public string ModuleKey => "funeral";
    public string Title => "殡葬（死亡、火化、安葬、奖补）";
    public int Order => 5;
    public string PartialView => "/Modules/Funeral/_PersonPanel.cshtml";

    public async Task<object?> LoadAsync(Guid personId, CancellationToken ct)
    {
        var record = await db.Set<DeathRecord>().AsNoTracking().FirstOrDefaultAsync(d => d.PersonId == personId, ct);
        var cremation = await db.Set<Cremation>().AsNoTracking().FirstOrDefaultAsync(c => c.PersonId == personId, ct);
        var home = cremation is null ? null : await db.Set<FuneralFacility>().AsNoTracking().Where(f => f.Id == cremation.FacilityId).Select(f => f.Name).FirstOrDefaultAsync(ct);
        var plots = await db.Set<BurialPlot>().AsNoTracking().Where(p => p.DeceasedPersonId == personId || p.HolderPersonId == personId)
            .Join(db.Set<FuneralFacility>(), p => p.FacilityId, f => f.Id, (p, f) => new { p, f.Name }).ToListAsync(ct);
        var awards = await db.Set<EcoAward>().AsNoTracking().Where(a => a.DeceasedPersonId == personId || a.ApplicantPersonId == personId).ToListAsync(ct);
        if (record is null && cremation is null && plots.Count == 0 && awards.Count == 0) return null;
        return new Item(record, record is null ? [] : JsonSerializer.Deserialize<List<string>>(record.Effects, AuditRecorder.Json) ?? [], cremation, home,
            plots.Select(x => new PlotLine(x.Name, x.p, x.p.DeceasedPersonId != personId)).ToList(),
            awards.Select(a => (a, a.DeceasedPersonId != personId)).ToList());
    }
}

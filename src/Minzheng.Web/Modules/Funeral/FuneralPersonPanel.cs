using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.Funeral;

/// <summary>The death record on the one-person view, with what it stopped.</summary>
public sealed class FuneralPersonPanel(AppDbContext db) : IPersonPanel
{
    public sealed record Item(DeathRecord Record, IReadOnlyList<string> Effects);

    public string ModuleKey => "funeral";
    public string Title => "死亡（火化）登记";
    public int Order => 5;
    public string PartialView => "/Modules/Funeral/_PersonPanel.cshtml";

    public async Task<object?> LoadAsync(Guid personId, CancellationToken ct)
    {
        var record = await db.Set<DeathRecord>().AsNoTracking().FirstOrDefaultAsync(d => d.PersonId == personId, ct);
        return record is null ? null : new Item(record, JsonSerializer.Deserialize<List<string>>(record.Effects, AuditRecorder.Json) ?? []);
    }
}

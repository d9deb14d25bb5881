using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Web.Modules.Community.Committees;

/// <summary>
/// Committees follow a 行政区划变更 (ADR 066's hook): a village that ceased (merged away) has its committee closed on the
/// change's day — its members and history then move with its records to the successor, whose own committee stays the open one
/// (one open committee per village); a village the change creates gets its committee and organisation; a village re-coded
/// keeps its committee, which the kernel moves to the new code; a renamed one has the committee's name follow.
/// </summary>
public sealed class CommitteesFollowDivisions(AppDbContext db, OrganizationRegistration registration, CaseNumbers numbers, AuditLog audit) : IDivisionChangeListener
{
    public async Task ApplyingAsync(DivisionChangeApplying applying, CancellationToken ct)
    {
        var (change, plan) = (applying.Change, applying.Plan);
        var created = plan.Created.Where(d => d.Level == DivisionLevel.Village).ToDictionary(d => d.Code);
        var recodedTargets = plan.IdentityMapping.Values.ToHashSet();
        var ceased = plan.Retired.Select(r => r.Code).Where(code => !(plan.IdentityMapping.TryGetValue(code, out var to) && created.ContainsKey(to))).ToList();
        var closing = await db.Set<Committee>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Where(c => ceased.Contains(c.DivisionCode) && c.ClosedOn == null).ToListAsync(ct);
        foreach (var c in closing) c.ClosedOn = change.EffectiveOn;
        // the unique open index must see the closure before the kernel moves the rows onto the successor's code
        await db.SaveChangesAsync(ct);

        var renamed = plan.Renamed.ToDictionary(r => r.Code, r => r.NewName);
        foreach (var c in await db.Set<Committee>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Where(c => renamed.Keys.Contains(c.DivisionCode) && c.ClosedOn == null).ToListAsync(ct))
            c.Name = NameOf(renamed[c.DivisionCode], c.DivisionCode);
        var added = new List<string>();
        foreach (var d in created.Values.Where(d => !recodedTargets.Contains(d.Code)))
        {
            var name = NameOf(d.Name, d.Code);
            var o = registration.New(new OrganizationInput { Name = name, Kind = OrganizationKind.ResidentsCommittee, DivisionCode = d.Code, RegisteredOn = change.EffectiveOn }, null);
            o.PlatformNumber = await numbers.NextAsync(new NumberSeries("MZO" + d.Code, null, 4),
                db.Organizations.IgnoreQueryFilters([AppDbContext.ScopeFilter]).Where(x => x.DivisionCode == d.Code).Select(x => x.PlatformNumber), ct);
            db.Organizations.Add(o);
            db.Add(new Committee { OrganizationId = o.Id, DivisionCode = d.Code, Name = name, Kind = CommitteeRules.KindOf(d.Code) });
            added.Add(d.Code);
        }
        if (closing.Count + added.Count > 0)
            audit.Add("committee-division-change", "com_committee", change.Id.ToString(), new { closed = closing.Select(c => c.DivisionCode), added }, null);
    }

    public static string NameOf(string divisionName, string code) =>
        divisionName.EndsWith("委员会", StringComparison.Ordinal) || divisionName.EndsWith("委会", StringComparison.Ordinal) ? divisionName
            : divisionName + (CommitteeRules.KindOf(code) == CommitteeKind.Residents ? "居民委员会" : "村民委员会");
}

using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;

namespace Minzheng.Web.Modules.Geography.PlaceNames;

/// <summary>
/// The standard name of a division follows a 行政区划变更 (ADR 066): a division renamed — in place or with a new code, as
/// 撤县设区 and 撤镇设街道 do — has its registry row renamed, the old name kept as a former name used until the day before
/// the change and the change's document as the approval; a division that ceased (merged away) has its name retired, with
/// where it went in its history, and names nothing any more (the kernel would otherwise move it onto its successor, which
/// has its own name); a new division gets its standard name. Without this the registry and the public query went on
/// giving the old name as the standard one. The kernel moves the rows' division codes afterwards, with everything else.
/// </summary>
public sealed class PlaceNamesFollowDivisions(AppDbContext db, PlaceNameSpelling spelling, PlaceNamePinyin pinyin, AuditLog audit) : IDivisionChangeListener
{
    public async Task ApplyingAsync(DivisionChangeApplying applying, CancellationToken ct)
    {
        var (change, plan) = (applying.Change, applying.Plan);
        var on = change.EffectiveOn;
        var created = plan.Created.ToDictionary(d => d.Code);
        // the divisions whose own name this change touches: renamed in place, re-coded (perhaps renamed), ceased
        var renamed = plan.Renamed.ToDictionary(r => r.Code, r => r.NewName);
        var recoded = plan.Retired.Where(r => plan.IdentityMapping.TryGetValue(r.Code, out var to) && created.ContainsKey(to))
            .ToDictionary(r => r.Code, r => created[plan.IdentityMapping[r.Code]]);
        var ceased = plan.Retired.Where(r => !recoded.ContainsKey(r.Code)).Select(r => r.Code).ToHashSet();
        var codes = renamed.Keys.Concat(recoded.Keys).Concat(ceased).ToList();
        var rows = await db.Set<PlaceName>().IgnoreQueryFilters([AppDbContext.ScopeFilter])
            .Where(n => n.NamedDivisionCode != null && codes.Contains(n.NamedDivisionCode) && n.Status != PlaceNameStatus.Retired)
            .ToListAsync(ct);
        var touched = new List<object>();
        foreach (var row in rows)
        {
            var code = row.NamedDivisionCode!;
            if (ceased.Contains(code))
            {
                row.Status = PlaceNameStatus.Retired;
                row.NamedDivisionCode = null;
                Append(row, $"{on:yyyy年M月d日}起撤销，并入{applying.Successors.GetValueOrDefault(code, "")}（{change.DocumentNumber}）");
                touched.Add(new { row.Id, row.Name, retired = true });
                continue;
            }
            var newName = renamed.TryGetValue(code, out var n) ? n : recoded[code].Name;
            var formerName = applying.FormerNames.GetValueOrDefault(code);
            if (formerName is null || newName == formerName) continue; // re-coded under the same name: the code moves, the name stands
            var fresh = GeographyInitializer.FromDivision(new Division
            {
                Code = code,
                Name = newName,
                Level = recoded.TryGetValue(code, out var d) ? d.Level : DivisionCodes.LevelOf(code),
                Pinyin = d?.Pinyin ?? pinyin.Romanize(newName), // the tree's spelling, as the seeded names have
            }, spelling);
            if (row.Name == fresh.Name) continue;
            db.Add(new FormerPlaceName
            {
                PlaceNameId = row.Id,
                DivisionCode = row.DivisionCode,
                Name = row.Name,
                UsedUntil = on.AddDays(-1),
                Note = Cut($"因行政区划变更更名（{change.DocumentNumber}）", 500),
            });
            touched.Add(new { row.Id, before = row.Name, after = fresh.Name });
            row.Name = fresh.Name;
            row.SpecificName = fresh.SpecificName;
            row.GenericName = fresh.GenericName;
            if (!row.PinyinOverridden)
            {
                row.Pinyin = fresh.Pinyin;
                row.PinyinKey = fresh.PinyinKey;
            }
            row.SpecificKey = fresh.SpecificKey;
            row.ApprovedOn = on;
            row.ApprovalDocument = Cut(change.DocumentNumber, 100);
            row.Version++;
        }
        // a division that is new (not a re-coded one): its standard name, approved by the change
        var successorsOfRecoded = recoded.Values.Select(v => v.Code).ToHashSet();
        var newCodes = created.Keys.Where(c => !successorsOfRecoded.Contains(c)).ToList();
        var named = await db.Set<PlaceName>().IgnoreQueryFilters([AppDbContext.ScopeFilter])
            .Where(x => x.NamedDivisionCode != null && newCodes.Contains(x.NamedDivisionCode)).Select(x => x.NamedDivisionCode).ToListAsync(ct);
        foreach (var code in newCodes.Except(named.OfType<string>()))
        {
            var name = GeographyInitializer.FromDivision(created[code], spelling);
            name.ApprovedOn = on;
            name.ApprovalDocument = Cut(change.DocumentNumber, 100);
            name.Source = "行政区划变更";
            db.Add(name);
            touched.Add(new { name.Id, name.Name, created = true });
        }
        if (touched.Count > 0) audit.Add("place-names.follow-division-change", "division_change", change.Id.ToString(), new { touched });
    }

    private static void Append(PlaceName row, string line) => row.History = Cut(row.History.Length == 0 ? line : row.History + "\n" + line, 2000);

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max];
}

using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Marriage.Backfill;

/// <summary>Progress of one county: records entered and checked against the archive count in force today (null when none is set).</summary>
public sealed record CountyProgress(string DivisionCode, string Name, int? ArchiveCount, int Entered, int Checked, decimal? Percent);

/// <summary>Records per registry (the archive's registry name).</summary>
public sealed record RegistryProgress(string DivisionCode, string RegistryName, int Entered, int Checked);

public sealed record KindCount(string Code, string Name, int Count);

/// <summary>The data-quality report and the progress, over the user's scope.</summary>
public sealed record QualityReport(int Total, int Checked, int Pending, IReadOnlyList<CountyProgress> Counties, IReadOnlyList<RegistryProgress> Registries,
    IReadOnlyList<KindCount> Findings, IReadOnlyList<KindCount> Anomalies, IReadOnlyList<QualityFinding> Examples);

/// <summary>
/// The backfill's data-quality report (MZ/T 113-2018 质量检查) and its progress: the findings of <see cref="BackfillRules.Assess"/>
/// counted by kind (records with at least one finding of the kind), the anomaly codes counted by party, and progress per county
/// against the archive-count figure (only checked records count as done).
/// </summary>
public sealed class BackfillQuality(AppDbContext db, FigureBook figures, DivisionDirectory divisions, ICurrentUser user, BusinessClock clock)
{
    public async Task<QualityReport> ReportAsync(string? divisionCode, CancellationToken ct = default)
    {
        var q = db.Set<HistoricalMarriageRecord>().AsNoTracking();
        if (!string.IsNullOrEmpty(divisionCode)) q = q.Where(r => r.DivisionCode == divisionCode);
        // a projection without the ciphertext; the report holds one county's archive (a few hundred thousand small rows at most)
        var rows = await q.OrderBy(r => r.Id).Select(r => new
        {
            r.Id,
            r.ArchiveNumber,
            r.DivisionCode,
            r.RegistryName,
            r.RegisteredOn,
            r.Type,
            r.Status,
            A = new { r.PartyA.Name, Has = r.PartyA.IdNumberHash != null, r.PartyA.AnomalyCode, r.PartyA.BirthYear, r.PartyA.BirthMonth, r.PartyA.BirthDay, r.PartyA.Ethnicity, r.PartyA.Nationality, r.PartyA.MaritalBefore, r.PartyA.PersonId, r.PartyA.BirthConflictsNumber },
            B = new { r.PartyB.Name, Has = r.PartyB.IdNumberHash != null, r.PartyB.AnomalyCode, r.PartyB.BirthYear, r.PartyB.BirthMonth, r.PartyB.BirthDay, r.PartyB.Ethnicity, r.PartyB.Nationality, r.PartyB.MaritalBefore, r.PartyB.PersonId, r.PartyB.BirthConflictsNumber },
        }).ToListAsync(ct);
        var quality = rows.Select(r => new QualityRow(r.Id, r.ArchiveNumber, r.DivisionCode, r.RegistryName, r.RegisteredOn, r.Type, r.Status == HistoricalRecordStatus.Checked,
            new QualityParty(r.A.Name, r.A.Has, r.A.AnomalyCode, r.A.BirthYear, r.A.BirthMonth, r.A.BirthDay, r.A.Ethnicity, r.A.Nationality, r.A.MaritalBefore, r.A.PersonId, r.A.BirthConflictsNumber),
            new QualityParty(r.B.Name, r.B.Has, r.B.AnomalyCode, r.B.BirthYear, r.B.BirthMonth, r.B.BirthDay, r.B.Ethnicity, r.B.Nationality, r.B.MaritalBefore, r.B.PersonId, r.B.BirthConflictsNumber))).ToList();
        var findings = BackfillRules.Assess(quality);

        var counties = divisions.InScope(user.IsSystem ? DivisionScope.Everything : user.Scope, DivisionLevel.County)
            .Where(d => string.IsNullOrEmpty(divisionCode) || d.Code == divisionCode)
            .Select(d =>
            {
                var mine = quality.Where(r => r.DivisionCode == d.Code).ToList();
                var count = figures.Find(BackfillFigures.ArchiveCount, d.Code, clock.Today)?.Row.Number;
                var done = mine.Count(r => r.Checked);
                return new CountyProgress(d.Code, d.Name, count, mine.Count, done, count is > 0 ? Math.Min(100m, Math.Round(done * 100m / count.Value, 1)) : null);
            })
            .Where(c => c.ArchiveCount is not null || c.Entered > 0)
            .ToList();
        var registries = quality.GroupBy(r => (r.DivisionCode, r.RegistryName)).OrderBy(g => g.Key.DivisionCode).ThenBy(g => g.Key.RegistryName)
            .Select(g => new RegistryProgress(g.Key.DivisionCode, g.Key.RegistryName, g.Count(), g.Count(r => r.Checked))).ToList();
        var byKind = BackfillRules.FindingKinds.Select(k => new KindCount(k.Code, k.Name, findings.Where(f => f.Kind == k.Code).Select(f => f.RecordId).Distinct().Count())).ToList();
        var anomalies = BackfillCodes.Anomalies.Select(a => new KindCount(a.Code, a.Name, quality.Count(r => r.A.AnomalyCode == a.Code) + quality.Count(r => r.B.AnomalyCode == a.Code))).ToList();
        var done = quality.Count(r => r.Checked);
        return new QualityReport(quality.Count, done, quality.Count - done, counties, registries, byKind, anomalies, findings.Take(200).ToList());
    }
}

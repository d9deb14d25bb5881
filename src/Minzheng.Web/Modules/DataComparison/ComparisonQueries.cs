using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.DataComparison;

public sealed record FindingFilter(FindingStatus? Status, string? Rule, string? County, FindingDirection? Direction, string? Division = null);

/// <summary>Open findings per county and rule, with their age (days since found): 0–7, 8–30, 31–90, over 90.</summary>
public sealed record DashboardRow(string CountyCode, string CountyName, string RuleCode, string RuleName, FindingDirection Direction,
    int Open, int Confirmed, int Dismissed, int Age0To7, int Age8To30, int Age31To90, int AgeOver90);

/// <summary>Lists, counts and the dashboard, all within the user's scope (the findings' division is the person's village).</summary>
public sealed class ComparisonQueries(ReadOnlyDb read, DivisionDirectory divisions, BusinessClock clock)
{
    // results read from the standby when there is one (ADR 071); the run that writes them keeps AppDbContext
    private readonly AppDbContext _db = read.Context;

    private static readonly Dictionary<string, int> RuleOrder = ComparisonRules.All.Select((r, i) => (r.Code, i)).ToDictionary(x => x.Code, x => x.i);

    public IQueryable<ComparisonFinding> Filter(FindingFilter f)
    {
        var q = _db.Set<ComparisonFinding>().AsNoTracking();
        if (f.Status is { } s) q = q.Where(x => x.Status == s);
        if (!string.IsNullOrEmpty(f.Rule))
        {
            if (ComparisonRules.Find(f.Rule) is null) throw AppProblem.Field("rule", $"未知的比对规则“{f.Rule}”");
            q = q.Where(x => x.RuleCode == f.Rule);
        }
        if (!string.IsNullOrEmpty(f.County)) q = q.Where(x => x.CountyCode == f.County);
        if (!string.IsNullOrEmpty(f.Division))
        {
            var range = DivisionScope.Of(f.Division);
            q = q.Where(x => string.Compare(x.DivisionCode, range.Low) >= 0 && string.Compare(x.DivisionCode, range.High) <= 0);
        }
        if (f.Direction is { } d) q = q.Where(x => x.Direction == d);
        return q;
    }

    public async Task<List<DashboardRow>> DashboardAsync(CancellationToken ct)
    {
        var now = clock.UtcNow;
        DateTime d7 = now.AddDays(-7), d30 = now.AddDays(-30), d90 = now.AddDays(-90);
        var rows = await _db.Set<ComparisonFinding>().AsNoTracking()
            .GroupBy(f => new { f.CountyCode, f.RuleCode, f.Direction })
            .Select(g => new
            {
                g.Key.CountyCode,
                g.Key.RuleCode,
                g.Key.Direction,
                Open = g.Count(f => f.Status == FindingStatus.Open),
                Confirmed = g.Count(f => f.Status == FindingStatus.Confirmed),
                Dismissed = g.Count(f => f.Status == FindingStatus.Dismissed),
                A7 = g.Count(f => f.Status == FindingStatus.Open && f.FoundAt >= d7),
                A30 = g.Count(f => f.Status == FindingStatus.Open && f.FoundAt < d7 && f.FoundAt >= d30),
                A90 = g.Count(f => f.Status == FindingStatus.Open && f.FoundAt < d30 && f.FoundAt >= d90),
                Old = g.Count(f => f.Status == FindingStatus.Open && f.FoundAt < d90),
            })
            .ToListAsync(ct);
        return rows.Select(r => new DashboardRow(r.CountyCode, divisions.NameOf(r.CountyCode), r.RuleCode, ComparisonRules.NameOf(r.RuleCode), r.Direction,
                r.Open, r.Confirmed, r.Dismissed, r.A7, r.A30, r.A90, r.Old))
            .OrderBy(r => r.CountyCode).ThenBy(r => RuleOrder.GetValueOrDefault(r.RuleCode, int.MaxValue)).ToList();
    }
}

using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.SocialOrganizations.Credit;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Modules.SocialOrganizations.Reports;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.SocialOrganizations.Dashboard;

public sealed record Count(string Key, string Name, int Value);

/// <summary>One day of the reporting season: reports submitted that day and in total by then.</summary>
public sealed record ReportDay(DateOnly Date, int Submitted, int Cumulative);

public sealed record ReportSeason(int Year, int Due, int Exempt, int Submitted, int SubmittedOnTime, int Overdue, DateOnly? LatestDeadline,
    IReadOnlyList<ReportDay> Days, IReadOnlyList<Count> Conclusions);

public sealed record SocialOrganizationOverview(string ScopeName, DateOnly AsOf, int Active, int Ended, int RegisteredThisYear,
    IReadOnlyList<Count> ByKind, IReadOnlyList<Count> ByLevel, IReadOnlyList<Count> ByCounty, IReadOnlyList<Count> ByCategory,
    ReportSeason Reports, int OnAbnormalList, int OnDishonestList, IReadOnlyList<Count> Grades, int GradedValid,
    int TradeAssociations, IReadOnlyList<Count> Party, decimal? PartyCoveragePercent);

/// <summary>
/// 社会组织 dashboard (issue 14 item 11), computed from the business tables in the user's scope on each request (同源同表: no
/// stored figures): the register by kind, level, county and field; the annual-report season of one report year (due, exempt,
/// submitted by day against the deadline, conclusions); the credit lists as the one rule derives them today; evaluation grades
/// in force; trade associations and party-organisation coverage. An organisation account sees its own organisation only.
/// </summary>
public sealed class SocialOrganizationDashboard(ReadOnlyDb read, FigureBook figures, CreditLedger ledger, DivisionDirectory divisions, ICurrentUser user, BusinessClock clock)
{
    // figures only: read from the standby when there is one (ADR 071)
    private readonly AppDbContext _db = read.Context;

    /// <summary>The report year whose season the dashboard shows by default: last year's reports are due this spring.</summary>
    public int DefaultYear => clock.Today.Year - 1;

    public async Task<SocialOrganizationOverview> LoadAsync(int? year, CancellationToken ct = default)
    {
        var today = clock.Today;
        var y = year ?? DefaultYear;
        if (y < 2000 || y > today.Year) throw AppProblem.Field("year", $"报告年度应在 2000 至 {today.Year} 之间");

        // profile and registry row in one scoped query (both carry the scope filter)
        var orgs = await (from p in _db.Set<SocialOrganizationProfile>().AsNoTracking()
                          join o in _db.Organizations.AsNoTracking() on p.OrganizationId equals o.Id
                          select new { p.OrganizationId, p.DivisionCode, p.Kind, p.Level, p.AuthorityDivisionCode, p.SupervisingUnit, p.Category, p.Grade, p.GradeValidUntil, p.IsTradeAssociation, p.PartyOrganization, o.Status, o.RegisteredOn, o.EndedOn })
            .ToListAsync(ct);
        var active = orgs.Where(o => o.Status == OrganizationStatus.Active).ToList();

        List<Count> Group<T>(IEnumerable<T> keys, Func<T, string> key, Func<T, string> name) where T : notnull =>
            [.. keys.GroupBy(k => key(k)).Select(g => new Count(g.Key, name(g.First()), g.Count())).OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)];

        var byKind = SocialOrganizationKinds.All.Select(k => new Count(SocialOrganizationKinds.FigureCategory(k), SocialOrganizationKinds.Name(k), active.Count(o => o.Kind == k))).ToList();
        var byLevel = new List<Count>
        {
            new("city", "市级登记", active.Count(o => o.Level == RegistrationLevel.City)),
            new("county", "县级登记", active.Count(o => o.Level == RegistrationLevel.County)),
        };
        var byCounty = Group(active.Select(o => DivisionCodes.CountyPart(o.DivisionCode).PadRight(DivisionCodes.Length, '0')), c => c, divisions.NameOf);
        var byCategory = Group(active.Select(o => o.Category), c => c, SocialOrganizationCategories.Name);

        // the report season of year y: who owed a report (kind's deadline figures, the 6-month exemption), who filed, when
        var reports = await _db.Set<AnnualReport>().AsNoTracking().Where(r => r.Year == y)
            .Select(r => new { r.OrganizationId, r.SubmittedOn, r.Conclusion }).ToListAsync(ct);
        var filed = reports.Where(r => r.SubmittedOn is not null).ToDictionary(r => r.OrganizationId!.Value, r => r.SubmittedOn!.Value);
        int due = 0, exempt = 0, onTime = 0, overdue = 0;
        DateOnly? latest = null;
        var deadlineOf = new Dictionary<(OrganizationKind, string), ReportDeadlineFigures>();
        foreach (var o in orgs.Where(o => o.RegisteredOn is { } r && r.Year <= y && (o.EndedOn is null || o.EndedOn > new DateOnly(y, 12, 31))))
        {
            var key = (o.Kind, o.AuthorityDivisionCode);
            if (!deadlineOf.TryGetValue(key, out var f)) deadlineOf[key] = f = SocialOrganizationFigures.ReportDeadlines(figures, o.Kind, o.AuthorityDivisionCode, new DateOnly(y + 1, 1, 1));
            var d = ReportDeadlines.For(y, o.RegisteredOn!.Value, f);
            if (d.Exempt)
            {
                exempt++;
                continue;
            }
            due++;
            if (d.SubmitBy is { } by && (latest is null || by > latest)) latest = by;
            var submitted = filed.TryGetValue(o.OrganizationId!.Value, out var on) ? on : (DateOnly?)null;
            if (submitted is { } s && s <= d.SubmitBy) onTime++;
            if (ReportDeadlines.IsOverdue(d, submitted, today)) overdue++;
        }
        var days = new List<ReportDay>();
        var cumulative = 0;
        foreach (var g in filed.Values.GroupBy(d => d).OrderBy(g => g.Key))
        {
            cumulative += g.Count();
            days.Add(new ReportDay(g.Key, g.Count(), cumulative));
        }
        var conclusions = new List<Count>
        {
            new("qualified", "合格", reports.Count(r => r.Conclusion == InspectionConclusion.Qualified)),
            new("basically-qualified", "基本合格", reports.Count(r => r.Conclusion == InspectionConclusion.BasicallyQualified)),
            new("unqualified", "不合格", reports.Count(r => r.Conclusion == InspectionConclusion.Unqualified)),
        };
        var season = new ReportSeason(y, due, exempt, filed.Count, onTime, overdue, latest, days, conclusions);

        // the lists as the one rule derives them today, for every organisation with events (one query for all events)
        var events = await _db.Set<CreditEventRecord>().AsNoTracking().ToListAsync(ct);
        int abnormal = 0, dishonest = 0;
        var authorityOf = orgs.ToDictionary(o => o.OrganizationId!.Value, o => o.AuthorityDivisionCode);
        foreach (var g in events.GroupBy(e => e.OrganizationId!.Value))
        {
            if (!authorityOf.TryGetValue(g.Key, out var authority)) continue;
            var status = ledger.Status([.. g.OrderBy(e => e.OccurredOn).ThenBy(e => e.RecordedAt)], authority, today);
            if (status.List == CreditList.Abnormal) abnormal++;
            else if (status.List == CreditList.Dishonest) dishonest++;
        }

        var graded = active.Where(o => o.Grade is >= 1 and <= 5 && o.GradeValidUntil >= today).ToList();
        var grades = Enumerable.Range(1, 5).Reverse().Select(g => new Count(g.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{g}A", graded.Count(o => o.Grade == g))).ToList();
        var party = new List<Count>
        {
            new("own", "单独建立党组织", active.Count(o => o.PartyOrganization == PartyOrganizationStatus.Own)),
            new("joint", "联合建立党组织", active.Count(o => o.PartyOrganization == PartyOrganizationStatus.Joint)),
            new("instructor", "选派党建工作指导员", active.Count(o => o.PartyOrganization == PartyOrganizationStatus.Instructor)),
            new("none", "未建立", active.Count(o => o.PartyOrganization == PartyOrganizationStatus.None)),
            new("unknown", "未采集", active.Count(o => o.PartyOrganization == PartyOrganizationStatus.Unknown)),
        };
        var covered = party.Take(3).Sum(c => c.Value);
        decimal? coverage = active.Count == 0 ? null : Math.Round(100m * covered / active.Count, 1, MidpointRounding.AwayFromZero);

        var scopeName = user.OrganizationId is not null ? "本组织" : user.DivisionCode is null ? "全市" : divisions.FullName(user.DivisionCode);
        return new SocialOrganizationOverview(scopeName, today, active.Count, orgs.Count - active.Count, active.Count(o => o.RegisteredOn?.Year == today.Year),
            byKind, byLevel, byCounty, byCategory, season, abnormal, dishonest, grades, graded.Count, active.Count(o => o.IsTradeAssociation), party, coverage);
    }
}

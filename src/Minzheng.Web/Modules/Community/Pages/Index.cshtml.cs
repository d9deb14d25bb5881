using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Community.Admission;
using Minzheng.Web.Modules.Community.Committees;
using Minzheng.Web.Modules.Community.Elections;
using Minzheng.Web.Modules.Community.Pilots;
using Minzheng.Web.Modules.Community.Publicity;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Community.Pages;

/// <summary>
/// /community: the module's dashboard within the user's subtree (AppDbContext scopes every query) — committees and their members
/// by county (by township for a county's or township's user) with the women's share, this year's and the 2021 round's
/// elections by step, the candidates' vetting verdicts, publicity on time and overdue, certificates by type and pilot coverage
/// against the target in force; each block links to the page that lists it. Read-only.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + CommunityPermissions.Read)]
public sealed class IndexModel(ReadOnlyDb read, ICurrentUser user, DivisionDirectory divisions, BusinessClock clock, Elections.Elections elections,
    PublicityRecords publicity, CommitteeCertificates certificates, PilotQueries pilots) : PageModel
{
    // figures only: read from the standby when there is one (ADR 071)
    private readonly AppDbContext _db = read.Context;

    /// <summary>The last round of 换届 in Guangxi (2021), kept beside this year's for comparison.</summary>
    public const int PreviousRound = 2021;

    /// <summary>One county's (or township's) committees: villages, communities, the committees' own members (主任、副主任、委员) and the women among them.</summary>
    public sealed record AreaRow(string Code, string Name, int Villages, int Residents, int Members, int Women)
    {
        public int Committees => Villages + Residents;

        public string WomenShare => Members == 0 ? "—" : $"{100.0 * Women / Members:0.#}%";
    }

    /// <summary>A round's progress (<see cref="Elections.Elections.ProgressAsync"/>) with its totals per step.</summary>
    public sealed record Round(int Year, IReadOnlyList<ProgressRow> Rows)
    {
        public int Committees => Rows.Sum(r => r.Committees);
        public int NotStarted => Rows.Sum(r => r.NotStarted);
        public int HandoverOverdue => Rows.Sum(r => r.HandoverOverdue);

        public int InStep(string step) => Rows.Sum(r => r.ByState.GetValueOrDefault(step));

        /// <summary>A new committee is in office from the count on: 待移交, 已移交 and 已归档.</summary>
        public static int Elected(ProgressRow r) => r.ByState.GetValueOrDefault(ElectionProcess.Handover) + r.ByState.GetValueOrDefault(ElectionProcess.HandedOver)
            + r.ByState.GetValueOrDefault(ElectionProcess.Archived);

        public static int Started(ProgressRow r) => r.ByState.Values.Sum();
    }

    public sealed record VerdictCount(VettingVerdict Verdict, string Name, int ThisYear, int Previous);

    public int Year => clock.Today.Year;

    /// <summary>Whether the areas are townships (a county's or township's user) rather than counties.</summary>
    public bool ByTownship { get; private set; }

    public IReadOnlyList<AreaRow> Areas { get; private set; } = [];
    public IReadOnlyList<Round> Rounds { get; private set; } = [];
    public IReadOnlyList<VerdictCount> Verdicts { get; private set; } = [];

    /// <summary>不宜 verdicts the county let stand with a reason, this year.</summary>
    public int Overridden { get; private set; }
    public PublicitySummary Publicity { get; private set; } = null!;
    public CertificateCounts CertificatesThisYear { get; private set; } = null!;
    public CertificateCounts CertificatesAll { get; private set; } = null!;
    public CoverageReport Coverage { get; private set; } = null!;
    public CapacitySummary Capacity { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var own = user.DivisionCode is { Length: DivisionCodes.Length } code ? code : null;
        ByTownship = own is not null && DivisionCodes.LevelOf(own) is DivisionLevel.County or DivisionLevel.Town;
        Areas = await AreasAsync(ct);

        var years = Year == PreviousRound ? new[] { Year } : [Year, PreviousRound];
        var rounds = new List<Round>();
        foreach (var y in years) rounds.Add(new Round(y, await elections.ProgressAsync(y, own, ct)));
        Rounds = rounds;
        await VettingAsync(years, ct);

        Publicity = await publicity.SummaryAsync(null, ct);
        CertificatesThisYear = await certificates.CountsAsync(new CertificateFilter(From: new DateOnly(Year, 1, 1)), ct);
        CertificatesAll = await certificates.CountsAsync(new CertificateFilter(), ct);
        Coverage = await pilots.CoverageAsync(Year, ct);
        Capacity = await pilots.CapacityAsync(Year, ct);
    }

    /// <summary>The key an area is counted under: the township (…000) or the county (…000000) of a village code.</summary>
    private string AreaOf(string villageCode) => ByTownship ? villageCode[..9] + "000" : villageCode[..6] + "000000";

    private async Task<IReadOnlyList<AreaRow>> AreasAsync(CancellationToken ct)
    {
        var open = _db.Set<Committee>().AsNoTracking().Where(c => c.ClosedOn == null);
        var committees = await open.GroupBy(c => new { c.DivisionCode, c.Kind }).Select(g => new { g.Key.DivisionCode, g.Key.Kind, N = g.Count() }).ToListAsync(ct);
        var members = await (from m in _db.Set<CommitteeMember>().AsNoTracking()
                             join c in open on m.CommitteeId equals c.Id
                             where m.EndedOn == null && (m.Post == CommitteePost.Director || m.Post == CommitteePost.DeputyDirector || m.Post == CommitteePost.Member)
                             group m by new { m.DivisionCode, m.Sex } into g
                             select new { g.Key.DivisionCode, g.Key.Sex, N = g.Count() }).ToListAsync(ct);
        var memberAreas = members.GroupBy(m => AreaOf(m.DivisionCode)).ToDictionary(g => g.Key, g => (All: g.Sum(m => m.N), Women: g.Where(m => m.Sex == Sex.Female).Sum(m => m.N)));
        return committees.GroupBy(c => AreaOf(c.DivisionCode)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var (all, women) = memberAreas.GetValueOrDefault(g.Key);
            return new AreaRow(g.Key, divisions.NameOf(g.Key), g.Where(c => c.Kind == CommitteeKind.Village).Sum(c => c.N), g.Where(c => c.Kind == CommitteeKind.Residents).Sum(c => c.N),
                all, women);
        }).ToList();
    }

    /// <summary>The candidates of the rounds by their vetting verdict (the worst of the departments' checks; 待审查 until one has checked).</summary>
    private async Task VettingAsync(int[] years, CancellationToken ct)
    {
        var counts = await (from c in _db.Set<Candidate>().AsNoTracking()
                            join e in _db.Set<Election>().AsNoTracking() on c.ElectionId equals e.Id
                            where years.Contains(e.Year)
                            group c by new { e.Year, c.Verdict } into g
                            select new { g.Key.Year, g.Key.Verdict, N = g.Count() }).ToListAsync(ct);
        int N(int year, VettingVerdict v) => counts.Where(x => x.Year == year && x.Verdict == v).Sum(x => x.N);
        Verdicts = [.. Enum.GetValues<VettingVerdict>().Select(v => new VerdictCount(v, Elections.Elections.VerdictName(v), N(Year, v), Year == PreviousRound ? 0 : N(PreviousRound, v)))];
        Overridden = await (from c in _db.Set<Candidate>().AsNoTracking()
                            join e in _db.Set<Election>().AsNoTracking() on c.ElectionId equals e.Id
                            where e.Year == Year && c.Verdict == VettingVerdict.ShouldExclude && c.OverrideReason != ""
                            select c.Id).CountAsync(ct);
    }

    public static IReadOnlyList<BarChart.Item> StepChart(Round r) =>
        [new("未启动", r.NotStarted, "/community/committees"), .. ElectionProcess.Steps.Select(s => new BarChart.Item(ElectionProcess.StateName(s), r.InStep(s), $"/community/elections?year={r.Year}&state={s}"))];
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Minzheng.Web.Modules.Assistance.Contracts;
using Minzheng.Web.Modules.ChildWelfare.Contracts;
using Minzheng.Web.Modules.Disability.Contracts;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.DataComparison;

/// <summary>
/// What one rule did for one county in a run: how many new findings, or why it did not run. A rule runs as one statement for
/// every county of the run, so <see cref="Milliseconds"/> is that statement's time, the same on each county's line.
/// </summary>
public sealed record RuleReport(string CountyCode, string RuleCode, int NewFindings, string? Skipped, string? Dataset, string? Basis, long Milliseconds);

/// <summary>
/// Runs the rules once each for the whole run (the city, or one county), each as one INSERT … SELECT over the registry, the shared
/// entitlements and the current dataset of the rule's kind. Each finding goes to the county of the person's division: the
/// counties the rule runs for (switched on, with a dataset and the figures it needs) are a small VALUES list joined on the first
/// digits of the person's division code, carrying each county's dataset (the latest of the county's own and the city's) and
/// figures, so a county's switch and figures are a filter inside the statement, and a city-wide dataset is read once instead of
/// once per county. Raw SQL bypasses the EF scope filter, so every statement is limited to the run's division range as well;
/// each statement commits on its own, and the unique key (rule, person, benefit, dataset) makes a rerun add nothing twice. A
/// finding already open for the same rule, person and benefit is not raised again from a newer dataset. The new findings per
/// county are counted from the rows the statement inserted (RETURNING), for the run's report.
/// </summary>
public sealed class ComparisonEngine(AppDbContext db, IMeansTestLimits limits, FigureBook figures, DivisionDirectory divisions, BusinessClock clock)
{
    private const string Columns = "rule_code, direction, person_id, household_id, division_code, county_code, program, source_id, source_number, dataset_id, record_id, event_date, run_id, found_at, status, version";

    public IReadOnlyList<string> CountiesOf(string divisionCode) =>
        DivisionCodes.LevelOf(divisionCode) switch
        {
            DivisionLevel.County => [divisionCode],
            DivisionLevel.City or DivisionLevel.Province => divisions.Descendants(divisionCode, DivisionLevel.County).Select(d => d.Code).ToList(),
            _ => [],
        };

    public async Task<List<RuleReport>> RunAsync(ComparisonRun run, IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        var counties = CountiesOf(run.DivisionCode).ToList();
        var settings = await db.Set<ComparisonRuleSetting>().AsNoTracking().Where(s => counties.Contains(s.CountyCode)).ToListAsync(ct);
        var datasets = await db.Set<ComparisonDataset>().AsNoTracking().Where(d => d.Status == DatasetStatus.Current).ToListAsync(ct);
        var today = clock.Today;
        var reports = new List<RuleReport>();
        var done = 0;
        var plans = ComparisonRules.All.Select(rule => (Rule: rule, Plan: Prepare(rule, counties, settings, datasets, today))).ToList();
        var covered = plans.Any(p => p.Plan.Parts.Count > 0 && ReadsCovered(p.Rule));
        if (covered) await CreateCoveredAsync(db, DivisionScope.Of(run.DivisionCode), RouteLength(counties), ct);
        try
        {
            foreach (var (rule, plan) in plans)
            {
                ct.ThrowIfCancellationRequested();
                var started = System.Diagnostics.Stopwatch.StartNew();
                var found = new Dictionary<string, int>();
                if (plan.Parts.Count > 0)
                {
                    var (sql, parameters) = Build(rule, new Pass(DivisionScope.Of(run.DivisionCode), today, run.Id, clock.UtcNow, plan.Parts));
                    // PostgreSQL: hash joins only, for this statement (ADR 078). The route to a county is an expression (the first digits
                    // of a division code) for which the planner has no statistics: it guesses 1 row in 200 where every row matches, and
                    // then chooses nested loops of index lookups — at 7.3 M people one run took 104 s, the next 255 s, and one statement
                    // of the bound ran for more than 9 minutes before it was cancelled. Hash joins read each table once: 96 s, every time.
                    await using var tx = await HashJoinsOnlyAsync(db, ct);
                    // the new findings per county, counted from the inserted rows (the statement is constant text; every value a parameter)
                    var returning = sql + "\nRETURNING county_code AS \"Value\"";
                    var inserted = db.Database.SqlQueryRaw<string>(returning, parameters);
                    await foreach (var county in inserted.AsAsyncEnumerable().WithCancellation(ct))
                    {
                        found[county] = found.GetValueOrDefault(county) + 1;
                    }
                    if (tx is not null) await tx.CommitAsync(ct);
                }
                var ms = started.ElapsedMilliseconds;
                reports.AddRange(plan.Lines.Select(l => l.Skipped is null
                    ? new RuleReport(l.County, rule.Code, found.GetValueOrDefault(l.County), null, l.Dataset, l.Basis, ms)
                    : new RuleReport(l.County, rule.Code, 0, l.Skipped, null, null, 0)));
                progress?.Report((++done, ComparisonRules.All.Count));
            }
        }
        finally
        {
            if (covered) await DropCoveredAsync(db);
        }
        // the report reads county by county, as the rules page does
        return reports.OrderBy(r => counties.IndexOf(r.CountyCode)).ThenBy(r => ComparisonRules.All.Select(x => x.Code).ToList().IndexOf(r.RuleCode)).ToList();
    }

    /// <summary>How many leading digits route a finding: 6 for counties, 4 for a whole city as one part.</summary>
    internal static int RouteLength(IReadOnlyList<string> counties)
    {
        var length = DivisionCodes.ScopePrefix(counties[0]).Length;
        if (counties.Any(x => DivisionCodes.ScopePrefix(x).Length != length)) throw new ArgumentException("the parts of one statement are all counties, or one city", nameof(counties));
        return length;
    }

    /// <summary>
    /// On PostgreSQL, a transaction whose statements are planned with hash joins only (<c>SET LOCAL enable_nestloop = off</c>, undone at
    /// its end); null on SQLite, whose planner this does not apply to. The engine runs each rule's statement in one, and the bench's
    /// bound runs the same statements the same way.
    /// </summary>
    internal static async Task<IDbContextTransaction?> HashJoinsOnlyAsync(AppDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql()) return null;
        var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_nestloop = off", ct);
        return tx;
    }

    /// <summary>One county's part of a rule's statement: the dataset it reads (or none) and its figures.</summary>
    /// <param name="Figure">the limit the rule compares with: vehicles or houses allowed, the care subsidy's highest grade, the
    /// rural dibao standard a year in fen; 0 where the rule has none</param>
    /// <param name="Mild">the care subsidy extends to grades 3–4 of intellectual and mental disability</param>
    /// <param name="Exempt">vehicle categories the county exempts</param>
    internal sealed record CountyPart(string County, Guid DatasetId, long Figure, bool Mild, IReadOnlyList<string> Exempt);

    /// <summary>A county's line of the report before the run: why the rule does not run there, or the dataset and figures it reads.</summary>
    internal sealed record Line(string County, string? Skipped, string? Dataset, string? Basis);

    internal sealed record Plan(IReadOnlyList<Line> Lines, IReadOnlyList<CountyPart> Parts);

    /// <summary>One statement's run: the run's division range, the date, the run and the counties the rule runs for.</summary>
    internal sealed record Pass(DivisionScope Range, DateOnly Today, Guid RunId, DateTime Now, IReadOnlyList<CountyPart> Counties)
    {
        public DateOnly NextMonth => new DateOnly(Today.Year, Today.Month, 1).AddMonths(1);
    }

    /// <summary>For each county: switched off, no dataset, a figure not in force (skipped, and why), or its part of the statement.</summary>
    internal Plan Prepare(ComparisonRules.Rule rule, IReadOnlyList<string> counties, IReadOnlyList<ComparisonRuleSetting> settings, IReadOnlyList<ComparisonDataset> datasets, DateOnly today)
    {
        var lines = new List<Line>();
        var parts = new List<CountyPart>();
        foreach (var county in counties)
        {
            var setting = settings.FirstOrDefault(s => s.CountyCode == county && s.RuleCode == rule.Code);
            if (setting is { Enabled: false })
            {
                lines.Add(new Line(county, "本县已停用该规则", null, null));
                continue;
            }
            var dataset = rule.Dataset is { } kind
                ? datasets.Where(d => d.Kind == kind && (d.DivisionCode == county || d.DivisionCode == county[..4] + "00000000")).OrderByDescending(d => d.AsOf).ThenByDescending(d => d.ImportedAt).FirstOrDefault()
                : null;
            if (rule.Dataset is { } k && dataset is null)
            {
                lines.Add(new Line(county, $"没有可用的{DatasetKinds.Of(k).Name}", null, null));
                continue;
            }
            var (part, skipped, basis) = Figures(rule, county, today, dataset?.Id ?? Guid.Empty, setting?.Parameter);
            if (part is null)
            {
                lines.Add(new Line(county, skipped, null, null));
                continue;
            }
            parts.Add(part);
            lines.Add(new Line(county, null, dataset is null ? null : $"{DatasetKinds.Of(dataset.Kind).Name}第 {dataset.Version} 版（{dataset.Source}，截至 {dataset.AsOf:yyyy-MM-dd}）", basis));
        }
        return new Plan(lines, parts);
    }

    /// <summary>The figures a rule needs in a county, with their basis, or why it cannot run there (a figure it needs is not in force).</summary>
    private (CountyPart? Part, string? Skipped, string? Basis) Figures(ComparisonRules.Rule rule, string county, DateOnly today, Guid dataset, string? parameter)
    {
        var part = new CountyPart(county, dataset, 0, false, []);
        switch (rule.Code)
        {
            case "vehicle":
                {
                    if (limits.For(county, today).MaxVehicles is not { } max) return Skip("救助标准中没有生效的“允许拥有的机动车数”");
                    var exempt = (parameter ?? "").Split([',', '，', '、', ';', '；'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                    return (part with { Figure = max.Value, Exempt = exempt }, null, max.Basis + (exempt.Length == 0 ? "；无豁免车型" : "；豁免车型：" + string.Join("、", exempt)));
                }
            case "second-house":
                {
                    if (limits.For(county, today).MaxHouses is not { } max) return Skip("救助标准中没有生效的“允许拥有的住房套数”");
                    return (part with { Figure = max.Value }, null, max.Basis);
                }
            case "business":
                {
                    if (limits.For(county, today).BusinessAllowed is not { } allowed) return Skip("救助标准中没有生效的“允许有登记经营的企业或个体户”");
                    if (allowed.Value) return Skip("本县救助标准允许有登记经营的企业或个体户：" + allowed.Basis);
                    return (part, null, allowed.Basis);
                }
            case "certificate" or "care-missing":
                {
                    if (figures.Find(DisabilityFigures.CareMaxGrade, county, today) is not { } maxGrade) return Skip("没有生效的“护理补贴残疾等级”");
                    var mild = figures.Find(DisabilityFigures.CareMild, county, today);
                    return (part with { Figure = maxGrade.Number, Mild = mild?.Yes == true }, null, maxGrade.Basis + (mild is null ? "" : "；" + mild.Basis));
                }
            case "poverty-no-dibao":
                {
                    if (limits.For(county, today).RuralStandard is not { } standard) return Skip("救助标准中没有生效的农村低保标准");
                    return (part with { Figure = standard.Value.Fen * 12 }, null, standard.Basis + "（年标准 = 月标准 × 12）");
                }
            default:
                return (part, null, null);
        }

        static (CountyPart?, string?, string?) Skip(string why) => (null, why, null);
    }

    private sealed class Sql
    {
        public List<object> Values { get; } = [];

        public string P(object value)
        {
            Values.Add(value);
            return "{" + (Values.Count - 1) + "}";
        }

        public string In(IEnumerable<string> values) => string.Join(", ", values.Select(v => P(v)));
    }

    /// <summary>The people benefits cover, for the run's rules that read benefits (<see cref="CoveredSql"/>): a temporary table of the run's connection.</summary>
    internal const string CoveredTable = "cmp_covered";

    /// <summary>
    /// Whether a rule reads the people benefits cover (<see cref="CoveredTable"/>) rather than the registry directly: every rule that
    /// finds a benefit to stop starts from the benefits (the rules that find one missing start from the registry).
    /// </summary>
    internal static bool ReadsCovered(ComparisonRules.Rule rule) => rule.Direction == FindingDirection.Stop;

    /// <summary>
    /// The statements that gather, once per run, who each benefit of the run's range covers — the person of a personal benefit,
    /// every current member of a household benefit — with the person's division, ID hash and county prefix (the first
    /// <paramref name="length"/> digits: 6 for counties, 4 for a whole city as one part), keeping a benefit only where it is of the
    /// person's own county, as when each county ran on its own. Eight rules read it instead of joining the benefits to the whole
    /// registry each: at 7.3 M people that join was most of every rule's 8–11 s (docs/benchmarks.md). The prefix is a column,
    /// so the planner has statistics for the route (it has none for the expression).
    /// </summary>
    internal static (string Create, object[] Parameters, string[] After) CoveredSql(DivisionScope range, int length, bool postgres)
    {
        var q = new Sql();
        var where = $"e.one_off = {q.P(false)} AND e.division_code >= {q.P(range.Low)} AND e.division_code <= {q.P(range.High)}";
        var create = $"""
            CREATE TEMP TABLE {CoveredTable} AS
            SELECT b.person_id, b.household_id, b.program, b.source_id, b.source_number, b.from_month, b.to_month,
                   p.division_code, p.id_number_hash, substr(p.division_code, 1, {length}) AS prefix
            FROM (
                SELECT e.beneficiary_person_id AS person_id, e.household_id, e.program, e.source_id, e.source_number, e.from_month, e.to_month, e.division_code AS benefit_division
                FROM entitlement_period e
                WHERE e.beneficiary_person_id IS NOT NULL AND {where}
                UNION ALL
                SELECT m.person_id, e.household_id, e.program, e.source_id, e.source_number, e.from_month, e.to_month, e.division_code AS benefit_division
                FROM entitlement_period e
                JOIN registry_household_member m ON m.household_id = e.household_id AND m.left_on IS NULL
                WHERE e.beneficiary_person_id IS NULL AND e.household_id IS NOT NULL AND {where}
            ) b
            JOIN registry_person p ON p.id = b.person_id
            WHERE p.division_code >= {q.P(range.Low)} AND p.division_code <= {q.P(range.High)}
              AND substr(b.benefit_division, 1, {length}) = substr(p.division_code, 1, {length})
            """;
        // Neither database analyses a temporary table by itself. SQLite, which joins by nested loops, also needs an index to reach a
        // covered person from a dataset's row: without it a city run of 20,000 people took 29 s instead of 2.
        string[] after = postgres
            ? [$"ANALYZE {CoveredTable}"]
            : [$"CREATE INDEX ix_{CoveredTable}_hash ON {CoveredTable} (id_number_hash)", $"ANALYZE {CoveredTable}"];
        return (create, q.Values.ToArray(), after);
    }

    internal const string DropCoveredSql = $"DROP TABLE IF EXISTS {CoveredTable}";

    /// <summary>
    /// Builds <see cref="CoveredTable"/> on the context's connection, which it opens and keeps open until <see cref="DropCoveredAsync"/>
    /// (a temporary table lives as long as its connection).
    /// </summary>
    internal static async Task CreateCoveredAsync(AppDbContext db, DivisionScope range, int length, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var (create, parameters, after) = CoveredSql(range, length, db.Database.IsNpgsql());
        await using var tx = await HashJoinsOnlyAsync(db, ct);
        // a pooled connection may still hold one from a run that failed before dropping it
        await db.Database.ExecuteSqlRawAsync(DropCoveredSql, ct);
        await db.Database.ExecuteSqlRawAsync(create, parameters, ct);
        foreach (var sql in after) await db.Database.ExecuteSqlRawAsync(sql, ct);
        if (tx is not null) await tx.CommitAsync(ct);
    }

    internal static async Task DropCoveredAsync(AppDbContext db)
    {
        await db.Database.ExecuteSqlRawAsync(DropCoveredSql);
        await db.Database.CloseConnectionAsync();
    }

    /// <summary>
    /// The statement of one rule for the counties of <paramref name="c"/>: <c>WITH cfg … INSERT INTO comparison_finding … ON CONFLICT
    /// DO NOTHING</c>. The counties are the CTE <c>cfg(prefix, county, dataset_id, figure, mild)</c>, joined on the first digits of the
    /// person's division (6 for counties; a whole city as one part routes by its 4); the exempt vehicle categories are <c>ex(prefix, category)</c>.
    /// </summary>
    internal (string Sql, object[] Parameters) Build(ComparisonRules.Rule rule, Pass c)
    {
        if (c.Counties.Count == 0) throw new ArgumentException("a statement needs at least one county", nameof(c));
        var q = new Sql();
        string body;
        var length = RouteLength(c.Counties.Select(x => x.County).ToList());
        var cfg = "cfg(prefix, county, dataset_id, figure, mild) AS (VALUES "
            + string.Join(", ", c.Counties.Select(x => $"({q.P(DivisionCodes.ScopePrefix(x.County))}, {q.P(x.County)}, {q.P(x.DatasetId)}, {q.P(x.Figure)}, {q.P(x.Mild)})")) + ")";
        var exempt = c.Counties.SelectMany(x => x.Exempt.Select(e => (Prefix: DivisionCodes.ScopePrefix(x.County), Category: e))).ToList();
        var ctes = cfg + (exempt.Count == 0 ? "" : ", ex(prefix, category) AS (VALUES " + string.Join(", ", exempt.Select(e => $"({q.P(e.Prefix)}, {q.P(e.Category)})")) + ")");
        var running = $"e.from_month <= {q.P(c.NextMonth)} AND (e.to_month IS NULL OR e.to_month >= {q.P(c.NextMonth)})";
        var lo = q.P(c.Range.Low);
        var hi = q.P(c.Range.High);
        var inScope = $"p.division_code >= {lo} AND p.division_code <= {hi}";
        // the county of the person's division: an equality, so the planner hashes the few counties instead of testing ranges
        var route = $"cfg.prefix = substr(p.division_code, 1, {length})";
        var alive = $"p.life_status = {q.P((int)LifeStatus.Alive)}";
        var empty = q.P(Guid.Empty);
        var today = q.P(c.Today);
        var isTrue = q.P(true);
        // one dataset for every county (the city's) is a constant the planner can use; otherwise the few datasets, and each county's own
        var datasetIds = c.Counties.Select(x => x.DatasetId).Distinct().ToList();
        var dataset = datasetIds.Count == 1 ? $"r.dataset_id = {q.P(datasetIds[0])}" : $"r.dataset_id IN ({string.Join(", ", datasetIds.Select(d => q.P(d)))}) AND r.dataset_id = cfg.dataset_id";

        // The people benefits cover, gathered once per run into cmp_covered (CoveredSql): here only which benefits a rule reads
        string Covering(string[]? programs, bool onlyRunning) =>
            (programs is null ? "1 = 1" : $"b.program IN ({q.In(programs)})")
            + (onlyRunning ? $" AND b.from_month <= {q.P(c.NextMonth)} AND (b.to_month IS NULL OR b.to_month >= {q.P(c.NextMonth)})" : "");

        string Matched(string[]? programs, bool onlyRunning, string recordCondition, string eventDate = "r.event_date") => $"""
            SELECT b.person_id, b.household_id, b.division_code, cfg.county, b.program, b.source_id, b.source_number, r.id AS record_id, {eventDate} AS event_date, r.dataset_id
            FROM {CoveredTable} b
            JOIN cfg ON cfg.prefix = b.prefix
            JOIN comparison_record r ON r.id_number_hash = b.id_number_hash
            WHERE {dataset} AND {Covering(programs, onlyRunning)} AND {recordCondition}
            """;

        // Property rules: the records of every person a means-tested benefit covers, counted per benefit against the county's limit.
        string Property(string recordCondition) => $"""
            SELECT v.person_id, v.household_id, v.division_code, v.county, v.program, v.source_id, v.source_number, v.record_id, v.event_date, v.dataset_id FROM (
                SELECT b.person_id, b.household_id, b.division_code, cfg.county, cfg.figure, b.program, b.source_id, b.source_number, r.id AS record_id, r.event_date, r.dataset_id,
                       COUNT(*) OVER (PARTITION BY b.source_id) AS n
                FROM {CoveredTable} b
                JOIN cfg ON cfg.prefix = b.prefix
                JOIN comparison_record r ON r.id_number_hash = b.id_number_hash
                WHERE {dataset} AND {Covering(ComparisonRules.MeansTested, true)} AND {recordCondition}
            ) v WHERE v.n > v.figure
            """;

        string NoRunning(string programs, string personColumn = "p.id") =>
            $"NOT EXISTS (SELECT 1 FROM entitlement_period e WHERE e.beneficiary_person_id = {personColumn} AND e.program IN ({programs}) AND {running})";

        // A running dibao covers the person: their own, or their current household's. Two EXISTS, not one with an OR inside: an
        // OR between the two correlations can only be checked row by row against every running dibao of the city (PostgreSQL:
        // a nested loop comparing each person with each entitlement), while each EXISTS alone is an index lookup or a hash.
        string DibaoOwn() => $"EXISTS (SELECT 1 FROM entitlement_period e WHERE e.program = {q.P(AssistancePrograms.Dibao)} AND {running} AND e.beneficiary_person_id = p.id)";
        string DibaoHousehold() =>
            $"EXISTS (SELECT 1 FROM entitlement_period e WHERE e.program = {q.P(AssistancePrograms.Dibao)} AND {running} AND e.beneficiary_person_id IS NULL AND e.household_id = m.household_id)";

        // from: the registry and the counties joined (cfg on the route), and whatever else the rule reads
        string Wanted(string program, string from, string where, string record = "CAST(NULL AS bigint)", string datasetColumn = "cfg.dataset_id") => $"""
            SELECT p.id AS person_id, m.household_id, p.division_code, cfg.county, {q.P(program)} AS program, {empty} AS source_id, CAST(NULL AS varchar(40)) AS source_number,
                   {record} AS record_id, CAST(NULL AS date) AS event_date, {datasetColumn} AS dataset_id
            FROM {from}
            WHERE {inScope} AND {alive} AND {where}
            """;

        switch (rule.Code)
        {
            case "deceased":
                // Due for a month after the month of death: to_month (the 1st of the last month due) later than the date of death.
                body = Matched(null, false, "(b.to_month IS NULL OR b.to_month > r.event_date)");
                break;
            case "imprisoned":
                body = Matched(null, true, $"r.event_date <= {today} AND (r.end_date IS NULL OR r.end_date >= {today})");
                break;
            case "vehicle":
                body = Property($"r.status = {q.P("正常")}"
                    + (exempt.Count == 0 ? "" : " AND (r.category IS NULL OR NOT EXISTS (SELECT 1 FROM ex WHERE ex.prefix = cfg.prefix AND ex.category = r.category))"));
                break;
            case "second-house":
            case "public-payroll":
                // public payroll: the county's figure is 0 (any record)
                body = Property("1 = 1");
                break;
            case "business":
                body = Property($"r.status IN ({q.In(["存续", "在业"])}) AND (r.end_date IS NULL OR r.end_date > {today})");
                break;
            case "certificate":
                {
                    string Qualifies(string r) =>
                        $"({r}.status = {q.P("有效")} AND ({r}.end_date IS NULL OR {r}.end_date >= {today}) AND (b.program <> {q.P(DisabilityPrograms.Care)} OR {r}.grade <= cfg.figure"
                        + $" OR (cfg.mild = {isTrue} AND {r}.grade <= 4 AND {r}.category IN ({q.In(["智力", "精神"])}))))";
                    body = Matched(ComparisonRules.DisabilitySubsidies, true,
                        $"NOT {Qualifies("r")} AND NOT EXISTS (SELECT 1 FROM comparison_record r2 WHERE r2.dataset_id = r.dataset_id AND r2.id_number_hash = b.id_number_hash AND {Qualifies("r2")})",
                        "r.end_date");
                    break;
                }
            case "work-injury-care":
                body = Matched(ComparisonRules.DisabilitySubsidies, true, $"r.category = {q.P("工伤保险生活护理费")}");
                break;
            case "care-missing":
                {
                    var grade = $"(p.disability_grade <= cfg.figure OR (cfg.mild = {isTrue} AND p.disability_grade <= 4 AND p.disability_category IN ({q.P((int)DisabilityCategory.Intellectual)}, {q.P((int)DisabilityCategory.Mental)})))";
                    body = Wanted(DisabilityPrograms.Care, $"registry_person p JOIN cfg ON {route} LEFT JOIN registry_household_member m ON m.person_id = p.id AND m.left_on IS NULL",
                        $"p.disability_grade IS NOT NULL AND {grade} AND {NoRunning(q.In([DisabilityPrograms.Care, AssistancePrograms.ExtremePoverty]))}");
                    break;
                }
            case "living-missing":
                body = Wanted(DisabilityPrograms.Living, $"registry_person p JOIN cfg ON {route} JOIN registry_household_member m ON m.person_id = p.id AND m.left_on IS NULL",
                    $"""
                    p.disability_grade IS NOT NULL
                    AND ({DibaoOwn()} OR {DibaoHousehold()})
                    AND {NoRunning(q.In([DisabilityPrograms.Living, ChildPrograms.Orphan, AssistancePrograms.ExtremePoverty]))}
                    """);
                break;
            case "poverty-no-dibao":
                // One finding per household, on its head (or on the person where the registry has no household for them).
                body = Wanted(AssistancePrograms.Dibao,
                    $"comparison_record r JOIN registry_person p ON p.id_number_hash = r.id_number_hash JOIN cfg ON {route} LEFT JOIN registry_household_member m ON m.person_id = p.id AND m.left_on IS NULL",
                    $"""
                    {dataset} AND r.amount_fen < cfg.figure
                    AND (m.household_id IS NULL OR m.relation = {q.P((int)Relation.Head)})
                    AND NOT {DibaoOwn()} AND NOT {DibaoHousehold()}
                    AND {NoRunning(q.In([AssistancePrograms.ExtremePoverty]))}
                    """, "r.id", "r.dataset_id");
                break;
            case "orphan-no-case":
                {
                    var head = q.P((int)Relation.Head);
                    var spouse = q.P((int)Relation.Spouse);
                    body = Wanted(ChildPrograms.Orphan, $"registry_person p JOIN cfg ON {route} JOIN registry_household_member m ON m.person_id = p.id AND m.left_on IS NULL",
                        $"""
                        p.birth_date > {q.P(c.Today.AddYears(-18))} AND m.relation IN ({q.P((int)Relation.Son)}, {q.P((int)Relation.Daughter)})
                        AND EXISTS (SELECT 1 FROM registry_household_member pm WHERE pm.household_id = m.household_id AND pm.relation IN ({head}, {spouse}) AND pm.person_id <> p.id)
                        AND NOT EXISTS (SELECT 1 FROM registry_household_member pm JOIN registry_person pp ON pp.id = pm.person_id
                                        WHERE pm.household_id = m.household_id AND pm.relation IN ({head}, {spouse}) AND pm.person_id <> p.id AND pp.life_status <> {q.P((int)LifeStatus.Deceased)})
                        AND {NoRunning(q.In([ChildPrograms.Orphan, ChildPrograms.Unsupported]))}
                        """);
                    break;
                }
            default:
                throw new InvalidOperationException($"rule {rule.Code} has no statement");
        }

        var open = q.P((int)FindingStatus.Open);
        var code = q.P(rule.Code);
        var sql = $"""
            WITH {ctes}
            INSERT INTO comparison_finding ({Columns})
            SELECT {code}, {q.P((int)rule.Direction)}, x.person_id, x.household_id, x.division_code, x.county, x.program, x.source_id, x.source_number, x.dataset_id, x.record_id, x.event_date, {q.P(c.RunId)}, {q.P(c.Now)}, {open}, 0
            FROM ({body}) x
            WHERE NOT EXISTS (SELECT 1 FROM comparison_finding f WHERE f.rule_code = {code} AND f.person_id = x.person_id AND f.source_id = x.source_id AND f.status = {open})
            ON CONFLICT DO NOTHING
            """;
        return (sql, q.Values.ToArray());
    }

    public static string ReportJson(IEnumerable<RuleReport> reports) => JsonSerializer.Serialize(reports, Platform.Audit.AuditRecorder.Json);
}

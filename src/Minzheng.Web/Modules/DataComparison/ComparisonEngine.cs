using System.Text.Json;
using Microsoft.EntityFrameworkCore;
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

/// <summary>What one rule did for one county in a run: how many new findings, or why it did not run.</summary>
public sealed record RuleReport(string CountyCode, string RuleCode, int NewFindings, string? Skipped, string? Dataset, string? Basis, long Milliseconds);

/// <summary>
/// Runs the enabled rules county by county, each as one INSERT … SELECT over the registry, the shared entitlements and the
/// county's current dataset of the rule's kind (the latest of the county's own and the city's). Raw SQL bypasses the EF scope
/// filter, so every statement is limited to the county's division range; each statement commits on its own, and the unique
/// key (rule, person, benefit, dataset) makes a rerun add nothing twice. A finding already open for the same rule, person and
/// benefit is not raised again from a newer dataset.
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
        var counties = CountiesOf(run.DivisionCode);
        var settings = await db.Set<ComparisonRuleSetting>().AsNoTracking().Where(s => counties.Contains(s.CountyCode)).ToListAsync(ct);
        var datasets = await db.Set<ComparisonDataset>().AsNoTracking().Where(d => d.Status == DatasetStatus.Current).ToListAsync(ct);
        var reports = new List<RuleReport>();
        var total = counties.Count * ComparisonRules.All.Count;
        var done = 0;
        foreach (var county in counties)
        {
            foreach (var rule in ComparisonRules.All)
            {
                ct.ThrowIfCancellationRequested();
                var setting = settings.FirstOrDefault(s => s.CountyCode == county && s.RuleCode == rule.Code);
                var started = System.Diagnostics.Stopwatch.StartNew();
                RuleReport report;
                if (setting is { Enabled: false })
                {
                    report = new RuleReport(county, rule.Code, 0, "本县已停用该规则", null, null, 0);
                }
                else
                {
                    var dataset = rule.Dataset is { } kind
                        ? datasets.Where(d => d.Kind == kind && (d.DivisionCode == county || d.DivisionCode == county[..4] + "00000000")).OrderByDescending(d => d.AsOf).ThenByDescending(d => d.ImportedAt).FirstOrDefault()
                        : null;
                    if (rule.Dataset is { } k && dataset is null)
                    {
                        report = new RuleReport(county, rule.Code, 0, $"没有可用的{DatasetKinds.Of(k).Name}", null, null, 0);
                    }
                    else
                    {
                        var ctx = new Context(county, DivisionScope.Of(county), clock.Today, run.Id, clock.UtcNow, dataset?.Id ?? Guid.Empty, setting?.Parameter);
                        var (sql, parameters, skipped, basis) = Build(rule, ctx);
                        var n = sql is null ? 0 : await db.Database.ExecuteSqlRawAsync(sql, parameters, ct);
                        report = new RuleReport(county, rule.Code, n, skipped, dataset is null ? null : $"{DatasetKinds.Of(dataset.Kind).Name}第 {dataset.Version} 版（{dataset.Source}，截至 {dataset.AsOf:yyyy-MM-dd}）", basis, started.ElapsedMilliseconds);
                    }
                }
                reports.Add(report);
                progress?.Report((++done, total));
            }
        }
        return reports;
    }

    internal sealed record Context(string County, DivisionScope Range, DateOnly Today, Guid RunId, DateTime Now, Guid DatasetId, string? Parameter)
    {
        public DateOnly NextMonth => new DateOnly(Today.Year, Today.Month, 1).AddMonths(1);
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

    /// <summary>The statement for one rule and county, or why it cannot run (a figure it needs is not in force), and the figures used.</summary>
    internal (string? Sql, object[] Parameters, string? Skipped, string? Basis) Build(ComparisonRules.Rule rule, Context c)
    {
        var q = new Sql();
        var means = limits.For(c.County, c.Today);
        string? basis = null;
        string body;
        var running = $"e.from_month <= {q.P(c.NextMonth)} AND (e.to_month IS NULL OR e.to_month >= {q.P(c.NextMonth)})";
        var lo = q.P(c.Range.Low);
        var hi = q.P(c.Range.High);
        var inCounty = $"p.division_code >= {lo} AND p.division_code <= {hi}";
        var alive = $"p.life_status = {q.P((int)LifeStatus.Alive)}";
        var ds = q.P(c.DatasetId);
        var empty = q.P(Guid.Empty);
        var today = q.P(c.Today);

        // Who each benefit covers: the person of a personal benefit, every current member of a household benefit.
        string Benefits(string[]? programs, bool onlyRunning)
        {
            var where = $"e.one_off = {q.P(false)} AND e.division_code >= {lo} AND e.division_code <= {hi}"
                + (programs is null ? "" : $" AND e.program IN ({q.In(programs)})")
                + (onlyRunning ? " AND " + running : "");
            return $"""
                SELECT e.beneficiary_person_id AS person_id, e.household_id, e.program, e.source_id, e.source_number, e.to_month
                FROM entitlement_period e
                WHERE e.beneficiary_person_id IS NOT NULL AND {where}
                UNION ALL
                SELECT m.person_id, e.household_id, e.program, e.source_id, e.source_number, e.to_month
                FROM entitlement_period e
                JOIN registry_household_member m ON m.household_id = e.household_id AND m.left_on IS NULL
                WHERE e.beneficiary_person_id IS NULL AND e.household_id IS NOT NULL AND {where}
                """;
        }

        string Matched(string benefits, string recordCondition, string eventDate = "r.event_date") => $"""
            SELECT b.person_id, b.household_id, p.division_code, b.program, b.source_id, b.source_number, r.id AS record_id, {eventDate} AS event_date
            FROM ({benefits}) b
            JOIN registry_person p ON p.id = b.person_id
            JOIN comparison_record r ON r.dataset_id = {ds} AND r.id_number_hash = p.id_number_hash
            WHERE {inCounty} AND {recordCondition}
            """;

        // Property rules: the records of every person a means-tested benefit covers, counted per benefit against the limit.
        string Property(string recordCondition, int allowed) => $"""
            SELECT v.person_id, v.household_id, v.division_code, v.program, v.source_id, v.source_number, v.record_id, v.event_date FROM (
                SELECT b.person_id, b.household_id, p.division_code, b.program, b.source_id, b.source_number, r.id AS record_id, r.event_date,
                       COUNT(*) OVER (PARTITION BY b.source_id) AS n
                FROM ({Benefits(ComparisonRules.MeansTested, true)}) b
                JOIN registry_person p ON p.id = b.person_id
                JOIN comparison_record r ON r.dataset_id = {ds} AND r.id_number_hash = p.id_number_hash
                WHERE {inCounty} AND {recordCondition}
            ) v WHERE v.n > {q.P(allowed)}
            """;

        string NoRunning(string programs, string personColumn = "p.id") =>
            $"NOT EXISTS (SELECT 1 FROM entitlement_period e WHERE e.beneficiary_person_id = {personColumn} AND e.program IN ({programs}) AND {running})";

        // A running dibao covers the person: their own, or their current household's. Two EXISTS, not one with an OR inside: an
        // OR between the two correlations can only be checked row by row against every running dibao of the city (PostgreSQL:
        // a nested loop comparing each person with each entitlement), while each EXISTS alone is an index lookup or a hash.
        string DibaoOwn() => $"EXISTS (SELECT 1 FROM entitlement_period e WHERE e.program = {q.P(AssistancePrograms.Dibao)} AND {running} AND e.beneficiary_person_id = p.id)";
        string DibaoHousehold() =>
            $"EXISTS (SELECT 1 FROM entitlement_period e WHERE e.program = {q.P(AssistancePrograms.Dibao)} AND {running} AND e.beneficiary_person_id IS NULL AND e.household_id = m.household_id)";

        string Wanted(string program, string from, string where, string record = "CAST(NULL AS bigint)") => $"""
            SELECT p.id AS person_id, m.household_id, p.division_code, {q.P(program)} AS program, {empty} AS source_id, CAST(NULL AS varchar(40)) AS source_number,
                   {record} AS record_id, CAST(NULL AS date) AS event_date
            FROM {from}
            WHERE {inCounty} AND {alive} AND {where}
            """;

        switch (rule.Code)
        {
            case "deceased":
                // Due for a month after the month of death: to_month (the 1st of the last month due) later than the date of death.
                body = Matched(Benefits(null, false), "(b.to_month IS NULL OR b.to_month > r.event_date)");
                break;
            case "imprisoned":
                body = Matched(Benefits(null, true), $"r.event_date <= {today} AND (r.end_date IS NULL OR r.end_date >= {today})");
                break;
            case "vehicle":
                {
                    if (means.MaxVehicles is not { } max) return Skip("救助标准中没有生效的“允许拥有的机动车数”");
                    var exempt = (c.Parameter ?? "").Split([',', '，', '、', ';', '；'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                    body = Property($"r.status = {q.P("正常")}" + (exempt.Length == 0 ? "" : $" AND (r.category IS NULL OR r.category NOT IN ({q.In(exempt)}))"), max.Value);
                    basis = max.Basis + (exempt.Length == 0 ? "；无豁免车型" : "；豁免车型：" + string.Join("、", exempt));
                    break;
                }
            case "second-house":
                {
                    if (means.MaxHouses is not { } max) return Skip("救助标准中没有生效的“允许拥有的住房套数”");
                    body = Property("1 = 1", max.Value);
                    basis = max.Basis;
                    break;
                }
            case "business":
                {
                    if (means.BusinessAllowed is not { } allowed) return Skip("救助标准中没有生效的“允许有登记经营的企业或个体户”");
                    if (allowed.Value) return Skip("本县救助标准允许有登记经营的企业或个体户：" + allowed.Basis);
                    body = Property($"r.status IN ({q.In(["存续", "在业"])}) AND (r.end_date IS NULL OR r.end_date > {today})", 0);
                    basis = allowed.Basis;
                    break;
                }
            case "public-payroll":
                body = Property("1 = 1", 0);
                break;
            case "certificate":
                {
                    if (figures.Find(DisabilityFigures.CareMaxGrade, c.County, c.Today) is not { } maxGrade) return Skip("没有生效的“护理补贴残疾等级”");
                    var mild = figures.Find(DisabilityFigures.CareMild, c.County, c.Today);
                    basis = maxGrade.Basis + (mild is null ? "" : "；" + mild.Basis);
                    string Qualifies(string r) =>
                        $"({r}.status = {q.P("有效")} AND ({r}.end_date IS NULL OR {r}.end_date >= {today}) AND (b.program <> {q.P(DisabilityPrograms.Care)} OR {r}.grade <= {q.P(maxGrade.Number)}"
                        + (mild?.Yes == true ? $" OR ({r}.grade <= 4 AND {r}.category IN ({q.In(["智力", "精神"])}))" : "") + "))";
                    body = Matched(Benefits(ComparisonRules.DisabilitySubsidies, true),
                        $"NOT {Qualifies("r")} AND NOT EXISTS (SELECT 1 FROM comparison_record r2 WHERE r2.dataset_id = {ds} AND r2.id_number_hash = p.id_number_hash AND {Qualifies("r2")})",
                        "r.end_date");
                    break;
                }
            case "work-injury-care":
                body = Matched(Benefits(ComparisonRules.DisabilitySubsidies, true), $"r.category = {q.P("工伤保险生活护理费")}");
                break;
            case "care-missing":
                {
                    if (figures.Find(DisabilityFigures.CareMaxGrade, c.County, c.Today) is not { } maxGrade) return Skip("没有生效的“护理补贴残疾等级”");
                    var mild = figures.Find(DisabilityFigures.CareMild, c.County, c.Today);
                    basis = maxGrade.Basis + (mild is null ? "" : "；" + mild.Basis);
                    var grade = $"(p.disability_grade <= {q.P(maxGrade.Number)}"
                        + (mild?.Yes == true ? $" OR (p.disability_grade <= 4 AND p.disability_category IN ({q.P((int)DisabilityCategory.Intellectual)}, {q.P((int)DisabilityCategory.Mental)}))" : "") + ")";
                    body = Wanted(DisabilityPrograms.Care, "registry_person p LEFT JOIN registry_household_member m ON m.person_id = p.id AND m.left_on IS NULL",
                        $"p.disability_grade IS NOT NULL AND {grade} AND {NoRunning(q.In([DisabilityPrograms.Care, AssistancePrograms.ExtremePoverty]))}");
                    break;
                }
            case "living-missing":
                body = Wanted(DisabilityPrograms.Living, "registry_person p JOIN registry_household_member m ON m.person_id = p.id AND m.left_on IS NULL",
                    $"""
                    p.disability_grade IS NOT NULL
                    AND ({DibaoOwn()} OR {DibaoHousehold()})
                    AND {NoRunning(q.In([DisabilityPrograms.Living, ChildPrograms.Orphan, AssistancePrograms.ExtremePoverty]))}
                    """);
                break;
            case "poverty-no-dibao":
                {
                    if (means.RuralStandard is not { } standard) return Skip("救助标准中没有生效的农村低保标准");
                    basis = standard.Basis + "（年标准 = 月标准 × 12）";
                    // One finding per household, on its head (or on the person where the registry has no household for them).
                    body = Wanted(AssistancePrograms.Dibao,
                        $"comparison_record r JOIN registry_person p ON p.id_number_hash = r.id_number_hash LEFT JOIN registry_household_member m ON m.person_id = p.id AND m.left_on IS NULL",
                        $"""
                        r.dataset_id = {ds} AND r.amount_fen < {q.P(standard.Value.Fen * 12)}
                        AND (m.household_id IS NULL OR m.relation = {q.P((int)Relation.Head)})
                        AND NOT {DibaoOwn()} AND NOT {DibaoHousehold()}
                        AND {NoRunning(q.In([AssistancePrograms.ExtremePoverty]))}
                        """, "r.id");
                    break;
                }
            case "orphan-no-case":
                {
                    var head = q.P((int)Relation.Head);
                    var spouse = q.P((int)Relation.Spouse);
                    body = Wanted(ChildPrograms.Orphan, "registry_person p JOIN registry_household_member m ON m.person_id = p.id AND m.left_on IS NULL",
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
            INSERT INTO comparison_finding ({Columns})
            SELECT {code}, {q.P((int)rule.Direction)}, x.person_id, x.household_id, x.division_code, {q.P(c.County)}, x.program, x.source_id, x.source_number, {ds}, x.record_id, x.event_date, {q.P(c.RunId)}, {q.P(c.Now)}, {open}, 0
            FROM ({body}) x
            WHERE NOT EXISTS (SELECT 1 FROM comparison_finding f WHERE f.rule_code = {code} AND f.person_id = x.person_id AND f.source_id = x.source_id AND f.status = {open})
            ON CONFLICT DO NOTHING
            """;
        return (sql, q.Values.ToArray(), null, basis);

        (string?, object[], string?, string?) Skip(string why) => (null, [], why, null);
    }

    public static string ReportJson(IEnumerable<RuleReport> reports) => JsonSerializer.Serialize(reports, Platform.Audit.AuditRecorder.Json);
}

using System.Globalization;
using Minzheng.Web.Modules.DataComparison;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Registry;
using Dialect = Minzheng.Bench.SyntheticCity.Dialect;

namespace Minzheng.Bench;

/// <summary>
/// The synthetic city of the comparison benchmark, as a pure function of the row number: N registered people in households
/// over every village of 玉林 (7 counties), the benefits they draw, and R rows of each of the nine dataset kinds. The same
/// definitions are written twice: as set-based SQL that fills the database (one INSERT … SELECT per table, generate_series on
/// PostgreSQL, a recursive CTE on SQLite) and as C# that evaluates the twelve rules' meaning over the model without the
/// database (<see cref="Expected"/>), so the findings the engine writes are checked against an independent count.
/// <para>
/// People come in blocks of 21: seven households of 3, 2, 4, 1, 3, 5 and 3 people (≈ 3 a household); the member at position
/// 0 is the head, 1 the spouse, 2 a son, 3 a daughter, 4 the head's mother. Consecutive households go to different villages
/// (household k lives in village k mod V), so every county's people are spread over the whole table, as in a registry that
/// grew by registration. Shares (of people): 6 % disabled (half of them grade 1–2), ≈ 1 % deceased, 0.1 % missing, ≈ 5 % in
/// dibao households (a tenth of those cases already ended), ≈ 0.5 % extreme-poverty (old people living alone), disability
/// care for 90 % of grade 1–2 (a twentieth ended), the living subsidy for 70 % of the disabled in running dibao households,
/// and households whose head and spouse are both dead with minor children (a third of them with an orphan case).
/// </para>
/// <para>
/// Dataset rows: about 90 % name a registered person (a multiplicative permutation of the row number over N + N/9 slots; the
/// slots above N are people from outside the city), so every rule meets beneficiaries only as often as they occur in the
/// population. Real estate and vehicles repeat an owner now and then (two houses, two vehicles). Certificates cover every
/// disabled person once (most valid, some cancelled, expired or downgraded) and again with an older expired certificate.
/// </para>
/// </summary>
internal sealed partial class ComparisonCity
{
    public const string City = "450900000000";
    public const int MaxPeople = 16_000_000;
    public const string VehicleExempt = "残疾人专用车,二轮摩托车";
    public const string Source = "基准测试合成数据";

    private const long Modulus = 4294967296L;

    private static readonly int[] SlotSize = [3, 2, 4, 1, 3, 5, 3];
    private static readonly int[] SlotStart = [0, 3, 5, 9, 10, 13, 18];
    private const int Block = 21;
    private const int Slots = 7;
    private static readonly int[] DisabledResidues = [3, 17, 41, 58, 72, 96];
    private static readonly long[] Multipliers = [2654435761L, 2246822519L, 3266489917L, 668265263L, 374761393L, 1640531527L, 3144134277L, 1013904223L];
    private static readonly long[] Permutations = [7919L, 104729L, 15485863L, 1299709L, 86028121L, 179424673L, 7907L, 2750159L, 32452843L, 49979687L, 67867967L, 122949829L, 3L, 7L, 11L, 13L];

    public static readonly DateOnly From = new(2024, 1, 1);
    public static readonly DateOnly Ended = new(2025, 6, 1);

    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
    private const string GivenNames = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红建国文斌志春梅海燕宁";
    private static readonly string[] CategoryNames = ["视力", "听力", "言语", "肢体", "智力", "精神", "多重"];

    /// <summary>The dataset kinds in the order they are generated; each has its own permutation and draws.</summary>
    public static readonly DatasetKind[] Kinds =
    [
        DatasetKind.Deaths, DatasetKind.Detention, DatasetKind.Vehicles, DatasetKind.RealEstate, DatasetKind.Businesses,
        DatasetKind.PublicPayroll, DatasetKind.DisabilityCertificates, DatasetKind.Pensions, DatasetKind.PovertyRegistry,
    ];

    public int People { get; }
    public int Rows { get; }
    public IReadOnlyList<Division> Villages { get; }
    public IReadOnlyList<string> Counties { get; }

    private readonly int[] _villageCounty;
    private readonly long _span;
    private readonly long _disabledCount;
    private readonly long[] _multipliers;

    public ComparisonCity(int people, int rows, IEnumerable<Division> villages, IEnumerable<string> counties)
    {
        People = people;
        Rows = rows;
        Villages = villages.OrderBy(v => v.Code, StringComparer.Ordinal).ToList();
        Counties = counties.OrderBy(c => c, StringComparer.Ordinal).ToList();
        if (Villages.Count == 0) throw new InvalidOperationException($"{City} has no villages: is the division reference data loaded?");
        _villageCounty = Villages.Select(v => Counties.ToList().IndexOf(v.Code[..6] + "000000")).ToArray();
        if (_villageCounty.Any(c => c < 0)) throw new InvalidOperationException("a village outside the city's counties");
        _span = people + (people / 9) + 1;
        _multipliers = Permutations.Where(p => Gcd(p, _span) == 1).ToArray();
        _disabledCount = (people / 100 * DisabledResidues.Length) + DisabledResidues.Count(r => r < people % 100);
        if (Households / Villages.Count > 9999) throw new ArgumentException($"--people {people}: more than 9,999 households a village (the household number has 4 digits)");
        if (rows > _span) throw new ArgumentException($"--rows must not exceed {_span} for --people {people}");
    }

    public static void Validate(int people, int rows)
    {
        if (people is < 1000 or > MaxPeople) throw new ArgumentException($"--people must be between 1,000 and {MaxPeople:N0}");
        if (rows < 1 || rows > people) throw new ArgumentException("--rows must be between 1 and --people");
    }

    // ---- draws: a multiplicative hash of the number (the high 24 bits of (x + salt) × odd mod 2^32), one per purpose ----

    public static long D(int n, long x) => (x + (7919L * n) + 13) * Multipliers[n % Multipliers.Length] % Modulus / 256;

    private static string D(int n, string x) => $"((({x}) + {(7919L * n) + 13}) * {Multipliers[n % Multipliers.Length]} % {Modulus} / 256)";

    private static long W1(long x) => (x + 1) * 2654435761L % Modulus;

    private static long W2(long x) => (x + 17) * 2246822519L % Modulus;

    private static long W3(long x) => (x + 31) * 3266489917L % Modulus;

    private static string W1(string x) => $"((({x}) + 1) * 2654435761 % {Modulus})";

    private static string W2(string x) => $"((({x}) + 17) * 2246822519 % {Modulus})";

    private static string W3(string x) => $"((({x}) + 31) * 3266489917 % {Modulus})";

    private static string L(long v) => v.ToString(CultureInfo.InvariantCulture);

    // ---- households ----

    public long Households
    {
        get
        {
            long full = People / Block * Slots;
            return full + SlotStart.Count(s => s < People % Block);
        }
    }

    private long First(long k) => (k / Slots * Block) + SlotStart[k % Slots];

    private int Size(long k) => (int)Math.Min(SlotSize[k % Slots], People - First(k));

    private static bool Young(long k) => D(1, k) % 10 < 4;

    private bool OrphanHousehold(long k) => Young(k) && Size(k) >= 3 && D(2, k) % 200 == 0;

    private static bool Dibao(long k) => D(3, k) % 20 == 0;

    private static bool DibaoEnded(long k) => Dibao(k) && D(4, k) % 10 == 0;

    private bool ExtremePoverty(long k) => Size(k) == 1 && D(3, k) % 10 == 1;

    private bool OrphanCase(long k) => OrphanHousehold(k) && D(5, k) % 3 == 0;

    private int VillageOf(long k) => (int)(k % Villages.Count);

    // ---- people ----

    private static (long K, int Pos) Place(long i)
    {
        var off = (int)(i % Block);
        var slot = Array.FindLastIndex(SlotStart, s => s <= off);
        return ((i / Block * Slots) + slot, off - SlotStart[slot]);
    }

    private static bool Disabled(long i) => Array.IndexOf(DisabledResidues, (int)(i % 100)) >= 0;

    private static int Grade(long i) => 1 + (int)(D(8, i) % 4);

    private static int Category(long i) => 1 + (int)(D(9, i) % 7);

    private LifeStatus Life(long i, long k, int pos) =>
        OrphanHousehold(k) && pos <= 1 ? LifeStatus.Deceased
        : D(6, i) % 100 == 0 ? LifeStatus.Deceased
        : D(6, i) % 1000 == 555 ? LifeStatus.Missing
        : LifeStatus.Alive;

    private DateOnly Birth(long i, long k, int pos) => pos switch
    {
        <= 1 when Size(k) == 1 => new DateOnly(1935, 1, 1).AddDays((int)(D(7, i) % 12000)),
        <= 1 when Young(k) => new DateOnly(1975, 1, 1).AddDays((int)(D(7, i) % 5400)),
        <= 1 => new DateOnly(1945, 1, 1).AddDays((int)(D(7, i) % 10000)),
        <= 3 when Young(k) => new DateOnly(2009, 1, 1).AddDays((int)(D(7, i) % 3900)),
        <= 3 => new DateOnly(1968, 1, 1).AddDays((int)(D(7, i) % 8000)),
        _ => new DateOnly(1932, 1, 1).AddDays((int)(D(7, i) % 4000)),
    };

    private static bool Care(long i) => Disabled(i) && Grade(i) <= 2 && D(10, i) % 10 != 0;

    private static bool CareEnded(long i) => D(11, i) % 20 == 0;

    private static bool Living(long i, long k) => Disabled(i) && Dibao(k) && !DibaoEnded(k) && D(17, i) % 10 < 7;

    private static Relation RelationOf(int pos) => pos switch
    {
        0 => Relation.Head,
        1 => Relation.Spouse,
        2 => Relation.Son,
        3 => Relation.Daughter,
        _ => Relation.Mother,
    };

    private readonly record struct Benefit(string Program, long Source, DateOnly? To);

    private static long SourceKey(int program, long index) => ((long)program << 32) | index;

    /// <summary>Every non-one-off benefit covering the person: the household's dibao (every current member), and personal ones.</summary>
    private IEnumerable<Benefit> BenefitsOf(long i)
    {
        var (k, pos) = Place(i);
        if (Dibao(k)) yield return new Benefit("dibao", SourceKey(0, k), DibaoEnded(k) ? Ended : null);
        if (ExtremePoverty(k) && pos == 0) yield return new Benefit("extreme-poverty", SourceKey(1, i), null);
        if (Care(i)) yield return new Benefit("disability-care", SourceKey(2, i), CareEnded(i) ? Ended : null);
        if (Living(i, k)) yield return new Benefit("disability-living", SourceKey(3, i), null);
        if (OrphanCase(k) && pos is 2 or 3) yield return new Benefit("orphan", SourceKey(4, i), null);
    }

    /// <summary>Entitlement rows the generator writes (the setup checks the count).</summary>
    public long EntitlementCount()
    {
        long n = 0;
        for (long i = 0; i < People; i++) n += BenefitsOf(i).Count(b => b.Program != "dibao");
        for (long k = 0; k < Households; k++) n += Dibao(k) ? 1 : 0;
        return n;
    }

    // ---- dataset rows ----

    private long Multiplier(int kind) => _multipliers[kind % _multipliers.Length];

    private long Offset(int kind) => (kind + 1) * 1_000_003L % _span;

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);

    /// <summary>Every how many rows an owner appears twice (the row repeats the previous row's owner), 0: never.</summary>
    private static int Repeat(DatasetKind kind) => kind switch
    {
        DatasetKind.RealEstate => 5,
        DatasetKind.Vehicles => 8,
        _ => 0,
    };

    /// <summary>The person (registry row number; ≥ N: someone from outside the city) a dataset row names.</summary>
    private long Target(int kind, long j)
    {
        if (Kinds[kind] == DatasetKind.DisabilityCertificates)
        {
            if (j < _disabledCount) return DisabledNumber(j);
            if (j < 2 * _disabledCount) return DisabledNumber(j - _disabledCount);
            return People + j;
        }
        var repeat = Repeat(Kinds[kind]);
        var owner = repeat > 0 && j % repeat == repeat - 1 ? j - 1 : j;
        return ((owner * Multiplier(kind)) + Offset(kind)) % _span;
    }

    private static long DisabledNumber(long q) => (q / DisabledResidues.Length * 100) + DisabledResidues[q % DisabledResidues.Length];

    private string TargetSql(int kind, string j)
    {
        if (Kinds[kind] == DatasetKind.DisabilityCertificates)
        {
            string Nth(string q) => $"(({q}) / 6 * 100 + CASE ({q}) % 6 {string.Join(" ", DisabledResidues.Select((r, x) => $"WHEN {x} THEN {r}"))} END)";
            return $"CASE WHEN {j} < {L(_disabledCount)} THEN {Nth(j)} WHEN {j} < {L(2 * _disabledCount)} THEN {Nth($"{j} - {L(_disabledCount)}")} ELSE {People} + {j} END";
        }
        var repeat = Repeat(Kinds[kind]);
        var owner = repeat > 0 ? $"(CASE WHEN {j} % {repeat} = {repeat - 1} THEN {j} - 1 ELSE {j} END)" : j;
        return $"(({owner}) * {L(Multiplier(kind))} + {L(Offset(kind))}) % {L(_span)}";
    }

    private static int Draw(int kind, int n) => 20 + (3 * kind) + n;

    private readonly record struct Row(DateOnly? EventDate, DateOnly? EndDate, string? Category, string? Status, int? Grade, long? AmountFen);

    /// <summary>The values of dataset row j that the rules read (the SQL below writes the same, plus names and references).</summary>
    private Row RowOf(int kind, long j, long t)
    {
        long R(int n) => D(Draw(kind, n), j);
        switch (Kinds[kind])
        {
            case DatasetKind.Deaths:
                return new Row(From.AddDays((int)(R(0) % 900)), null, null, null, null, null);
            case DatasetKind.Detention:
                {
                    var start = (int)(R(1) % 2000);
                    var e = R(2) % 10;
                    DateOnly? end = e < 5 ? new DateOnly(2030, 1, 1).AddDays((int)(R(1) % 3000)) : e < 9 ? new DateOnly(2019, 1, 1).AddDays(start + 30 + (int)(R(2) % 400)) : null;
                    return new Row(new DateOnly(2019, 1, 1).AddDays(start), end, DetentionCategories[R(0) % 4], null, null, null);
                }
            case DatasetKind.Vehicles:
                return new Row(null, null, VehicleCategory(R(1) % 10), (R(0) % 20) switch { < 17 => "正常", 17 => "注销", _ => "报废" }, null, null);
            case DatasetKind.Businesses:
                {
                    var s = R(0) % 10;
                    var status = s switch { < 6 => "存续", 6 => "在业", < 9 => "注销", _ => "吊销" };
                    DateOnly? end = s switch
                    {
                        < 6 => R(1) % 5 == 0 ? new DateOnly(2040, 1, 1) : null,
                        6 => R(1) % 2 == 0 ? new DateOnly(2025, 1, 1) : null,
                        _ => new DateOnly(2023, 1, 1).AddDays((int)(R(2) % 700)),
                    };
                    return new Row(null, end, null, status, null, null);
                }
            case DatasetKind.DisabilityCertificates:
                {
                    var registered = t < People ? Grade(t) : 1;
                    if (j >= _disabledCount && j < 2 * _disabledCount) return new Row(null, new DateOnly(2019, 1, 1).AddDays((int)(R(1) % 300)), null, "过期", registered, null);
                    var s = R(0) % 100;
                    var status = s switch { < 94 => "有效", < 97 => "注销", _ => "过期" };
                    DateOnly? end = s switch
                    {
                        < 94 => R(1) % 50 == 0 ? new DateOnly(2024, 6, 1) : new DateOnly(2030, 1, 1).AddDays((int)(R(1) % 3000)),
                        < 97 => null,
                        _ => new DateOnly(2023, 1, 1).AddDays((int)(R(1) % 300)),
                    };
                    return new Row(null, end, null, status, R(2) % 50 == 0 ? Math.Min(registered + 1, 4) : registered, null);
                }
            case DatasetKind.Pensions:
                return new Row(null, null, PensionCategory(R(0) % 100), null, null, null);
            case DatasetKind.PovertyRegistry:
                return new Row(null, null, null, null, null, 300_000 + (R(0) % 1_700_001));
            default:
                return default;
        }
    }

    private static readonly string[] DetentionCategories = ["服刑", "羁押", "强制隔离戒毒", "拘留"];

    private static string VehicleCategory(long c) => c switch { < 6 => "小型轿车", < 8 => "二轮摩托车", 8 => "残疾人专用车", _ => "轻型货车" };

    private static string PensionCategory(long c) => c switch { < 50 => "企业职工基本养老金", < 90 => "城乡居民基本养老保险", < 95 => "机关事业单位养老金", < 98 => "工伤保险生活护理费", _ => "工伤保险伤残津贴" };

    // ---- the rules' meaning, evaluated over the model ----

    /// <summary>The figures in force, as the application's own lookups return them (null: not in force, the rule is skipped).</summary>
    public sealed record Figures(long? RuralStandardFen, int? MaxVehicles, int? MaxHouses, bool? BusinessAllowed, int? CareMaxGrade, bool CareMild, string[] VehicleExempt);

    /// <summary>Findings one city-wide run must write, per county and rule, computed without the database.</summary>
    public Dictionary<(string County, string Rule), long> Expected(DateOnly today, Figures f)
    {
        var next = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        bool Running(Benefit b) => From <= next && (b.To is null || b.To >= next);
        var found = ComparisonRules.All.ToDictionary(r => r.Code, _ => new HashSet<(long Person, long Source)>());
        string[] meansTested = ["dibao", "extreme-poverty"];
        string[] subsidies = ["disability-living", "disability-care"];

        void Property(string rule, int kind, Func<Row, bool> condition, int? allowed)
        {
            if (allowed is not { } max) return;
            var perSource = new Dictionary<long, (long Rows, List<long> People)>();
            for (long j = 0; j < Rows; j++)
            {
                var t = Target(kind, j);
                if (t >= People || !condition(RowOf(kind, j, t))) continue;
                foreach (var b in BenefitsOf(t).Where(b => meansTested.Contains(b.Program) && Running(b)))
                {
                    var entry = perSource.TryGetValue(b.Source, out var e) ? e : (0, new List<long>());
                    entry.People.Add(t);
                    perSource[b.Source] = (entry.Rows + 1, entry.People);
                }
            }
            foreach (var (source, (rows, people)) in perSource)
            {
                if (rows > max) foreach (var p in people) found[rule].Add((p, source));
            }
        }

        void Matched(string rule, int kind, Func<Row, Benefit, bool> condition, Func<Benefit, bool> benefits)
        {
            for (long j = 0; j < Rows; j++)
            {
                var t = Target(kind, j);
                if (t >= People) continue;
                var row = RowOf(kind, j, t);
                foreach (var b in BenefitsOf(t).Where(benefits))
                {
                    if (condition(row, b)) found[rule].Add((t, b.Source));
                }
            }
        }

        int K(DatasetKind kind) => Array.IndexOf(Kinds, kind);

        Matched("deceased", K(DatasetKind.Deaths), (r, b) => b.To is null || b.To > r.EventDate, _ => true);
        Matched("imprisoned", K(DatasetKind.Detention), (r, _) => r.EventDate <= today && (r.EndDate is null || r.EndDate >= today), Running);
        var exempt = f.VehicleExempt;
        Property("vehicle", K(DatasetKind.Vehicles), r => r.Status == "正常" && (r.Category is null || !exempt.Contains(r.Category)), f.MaxVehicles);
        Property("second-house", K(DatasetKind.RealEstate), _ => true, f.MaxHouses);
        Property("business", K(DatasetKind.Businesses), r => r.Status is "存续" or "在业" && (r.EndDate is null || r.EndDate > today), f.BusinessAllowed is false ? 0 : null);
        Property("public-payroll", K(DatasetKind.PublicPayroll), _ => true, 0);
        if (f.CareMaxGrade is { } careMax)
        {
            if (f.CareMild) throw new NotSupportedException("the model assumes the care subsidy is not extended to grade 3–4 intellectual and mental disability");
            // certificate: every certificate row of the person fails (there is at least one)
            var kind = K(DatasetKind.DisabilityCertificates);
            bool Qualifies(Row r, Benefit b) => r.Status == "有效" && (r.EndDate is null || r.EndDate >= today) && (b.Program != "disability-care" || r.Grade <= careMax);
            for (long q = 0; q < _disabledCount; q++)
            {
                var t = DisabledNumber(q);
                var rows = new[] { q, q + _disabledCount }.Where(j => j < Rows).Select(j => RowOf(kind, j, t)).ToList();
                if (rows.Count == 0) continue;
                foreach (var b in BenefitsOf(t).Where(b => subsidies.Contains(b.Program) && Running(b)))
                {
                    if (rows.All(r => !Qualifies(r, b))) found["certificate"].Add((t, b.Source));
                }
            }
        }
        Matched("work-injury-care", K(DatasetKind.Pensions), (r, _) => r.Category == "工伤保险生活护理费", b => subsidies.Contains(b.Program) && Running(b));

        // the registry rules (应补): alive people of the county
        for (long i = 0; i < People; i++)
        {
            var (k, pos) = Place(i);
            if (Life(i, k, pos) != LifeStatus.Alive) continue;
            var running = BenefitsOf(i).Where(Running).Select(b => b.Program).ToHashSet();
            if (Disabled(i) && f.CareMaxGrade is { } max && Grade(i) <= max && !running.Contains("disability-care") && !running.Contains("extreme-poverty")) found["care-missing"].Add((i, 0));
            if (Disabled(i) && running.Contains("dibao") && !running.Overlaps(["disability-living", "orphan", "extreme-poverty"])) found["living-missing"].Add((i, 0));
            if (pos is 2 or 3 && Birth(i, k, pos) > today.AddYears(-18) && !running.Overlaps(["orphan", "unsupported-child"]))
            {
                var first = First(k);
                var parents = Enumerable.Range(0, Math.Min(2, Size(k))).Select(p => first + p).ToList();
                if (parents.All(p => Life(p, k, (int)(p - first)) == LifeStatus.Deceased)) found["orphan-no-case"].Add((i, 0));
            }
        }
        if (f.RuralStandardFen is { } standard)
        {
            var kind = K(DatasetKind.PovertyRegistry);
            for (long j = 0; j < Rows; j++)
            {
                var t = Target(kind, j);
                if (t >= People || RowOf(kind, j, t).AmountFen >= standard * 12) continue;
                var (k, pos) = Place(t);
                if (Life(t, k, pos) != LifeStatus.Alive || pos != 0) continue;
                if (BenefitsOf(t).Any(b => Running(b) && b.Program is "dibao" or "extreme-poverty")) continue;
                found["poverty-no-dibao"].Add((t, 0));
            }
        }

        var result = new Dictionary<(string, string), long>();
        foreach (var county in Counties)
        {
            foreach (var rule in ComparisonRules.All) result[(county, rule.Code)] = 0;
        }
        foreach (var (rule, set) in found)
        {
            foreach (var (person, _) in set)
            {
                var key = (Counties[_villageCounty[VillageOf(Place(person).K)]], rule);
                result[key] = result[key] + 1;
            }
        }
        return result;
    }

    // ---- SQL ----

    private string VillagesSql() =>
        string.Join(",\n", Villages.Select((v, x) => $"({x}, '{v.Code}', '{v.Name.Replace("'", "''", StringComparison.Ordinal)}')"));

    private static string OffsetsSql()
    {
        var rows = new List<string>();
        for (var off = 0; off < Block; off++)
        {
            var slot = Array.FindLastIndex(SlotStart, s => s <= off);
            rows.Add($"({off}, {slot}, {off - SlotStart[slot]}, {SlotSize[slot]}, {SlotStart[slot]})");
        }
        return string.Join(", ", rows);
    }

    private static string Flag(string condition) => $"CASE WHEN {condition} THEN 1 ELSE 0 END";

    /// <summary>The household flags (0/1) of household <paramref name="k"/> of actual size <paramref name="size"/>.</summary>
    private static string HouseholdFlags(string k, string size) => $"""
        {Flag($"{D(1, k)} % 10 < 4")} AS young,
        {Flag($"{D(3, k)} % 20 = 0")} AS dibao,
        {Flag($"{D(3, k)} % 20 = 0 AND {D(4, k)} % 10 = 0")} AS dibao_ended,
        {Flag($"{size} = 1 AND {D(3, k)} % 10 = 1")} AS ep,
        {Flag($"{D(1, k)} % 10 < 4 AND {size} >= 3 AND {D(2, k)} % 200 = 0")} AS orphan_hh,
        {Flag($"{D(1, k)} % 10 < 4 AND {size} >= 3 AND {D(2, k)} % 200 = 0 AND {D(5, k)} % 3 = 0")} AS orphan_case
        """;

    /// <summary>Every person with the household, position, village and flags: CTEs p0 … p (columns i, k, pos, size, first, code, vname, flags, disabled, grade, life).</summary>
    private string PeopleCte(Dialect d) => $"""
        {d.With} v(idx, code, name) AS (VALUES
        {VillagesSql()}
        ),
        o(off, slot, pos, ssize, sstart) AS (VALUES {OffsetsSql()}),
        {d.Series(L(People - 1))},
        p0 AS (
          SELECT g.i, o.pos, (g.i / {Block}) * {Slots} + o.slot AS k, (g.i / {Block}) * {Block} + o.sstart AS first,
                 CASE WHEN (g.i / {Block}) * {Block} + o.sstart + o.ssize > {People} THEN {People} - ((g.i / {Block}) * {Block} + o.sstart) ELSE o.ssize END AS size
          FROM (SELECT i FROM {d.SeriesSource}) g JOIN o ON o.off = g.i % {Block}
        ),
        p1 AS (
          SELECT p0.*, v.code, v.name AS vname,
                 {HouseholdFlags("p0.k", "p0.size")},
                 {Flag($"p0.i % 100 IN ({string.Join(", ", DisabledResidues)})")} AS disabled,
                 1 + {D(8, "p0.i")} % 4 AS grade
          FROM p0 JOIN v ON v.idx = p0.k % {Villages.Count}
        ),
        p AS (
          SELECT p1.*,
                 CASE WHEN orphan_hh = 1 AND pos <= 1 THEN 2 WHEN {D(6, "i")} % 100 = 0 THEN 2 WHEN {D(6, "i")} % 1000 = 555 THEN 3 ELSE 1 END AS life
          FROM p1
        )
        """;

    private static string PersonId(Dialect d, string i) => Uuid(d, 0x101, 1_500_000_000_000, i);

    private static string HouseholdId(Dialect d, string k) => Uuid(d, 0x102, 1_500_000_000_000, k);

    /// <summary>A UUIDv7-shaped id: 48-bit milliseconds that grow with the row number, version 7, a tag per table, the row number in the last 48 bits (unique).</summary>
    private static string Uuid(Dialect d, int tag, long epochMs, string n) =>
        d.Uuid($"""
            {d.Hex($"({epochMs} + ({n}) * 1000) / 65536", 8)} || '-' || {d.Hex($"({epochMs} + ({n}) * 1000) % 65536", 4)} || '-7{tag:X3}'
            || '-' || {d.Hex($"32768 + ({n}) % 16384", 4)} || '-' || {d.Hex(n, 12)}
            """);

    private static string Blob(Dialect d, params string[] words) => d.Bytes(string.Join(" || ", words.Select(w => d.Hex(w, 16))));

    /// <summary>The keyed hash of the ID number stands in as 32 bytes that only person n has (the engine only joins hash to hash).</summary>
    private static string IdHash(Dialect d, string n) => Blob(d, W1(n), W2(n), W3(n), n);

    private static string Name(Dialect d, string n) =>
        $"substr('{Surnames}', {d.Int($"1 + {W1(n)} % {Surnames.Length}")}, 1) || substr('{GivenNames}', {d.Int($"1 + {W2(n)} % {GivenNames.Length}")}, 1)"
        + $" || CASE WHEN {W3(n)} % 3 = 0 THEN '' ELSE substr('{GivenNames}', {d.Int($"1 + {W3(n)} % {GivenNames.Length}")}, 1) END";

    private static string Masked(Dialect d, string n) => $"'4509**********' || {d.Pad($"{W1(n)} % 10000", 4)}";

    private static string Stamp(Dialect d) => d.Timestamp(d.Date("2024-05-01"), "08:00:00");

    public string PeopleSql(Dialect d)
    {
        var birth = $"""
            CASE WHEN pos <= 1 AND size = 1 THEN {d.AddDays("1935-01-01", $"{D(7, "i")} % 12000")}
                 WHEN pos <= 1 AND young = 1 THEN {d.AddDays("1975-01-01", $"{D(7, "i")} % 5400")}
                 WHEN pos <= 1 THEN {d.AddDays("1945-01-01", $"{D(7, "i")} % 10000")}
                 WHEN pos <= 3 AND young = 1 THEN {d.AddDays("2009-01-01", $"{D(7, "i")} % 3900")}
                 WHEN pos <= 3 THEN {d.AddDays("1968-01-01", $"{D(7, "i")} % 8000")}
                 ELSE {d.AddDays("1932-01-01", $"{D(7, "i")} % 4000")} END
            """;
        var phone = $"{D(14, "i")} % 10 < 6";
        var bank = $"{D(15, "i")} % 10 < 3";
        return $"""
            {PeopleCte(d)}
            INSERT INTO registry_person (id, id_number_cipher, id_number_hash, id_number_masked, platform_number, name, name_pinyin, name_initials,
                sex, birth_date, ethnicity, hukou_type, division_code, address, phone_cipher, phone_hash, phone_masked,
                bank_name, bank_account_cipher, bank_account_hash, bank_account_masked,
                disability_certificate_cipher, disability_certificate_masked, disability_category, disability_grade,
                life_status, death_date, missing_since, version, created_at, updated_at)
            SELECT {PersonId(d, "i")},
                   {Blob(d, W1("i"), W2("i"), W3("i"), W2("i"), W1("i"), "i")},
                   {IdHash(d, "i")},
                   {Masked(d, "i")},
                   NULL,
                   {Name(d, "i")},
                   'renyuan' || {d.Text("i")}, 'ry',
                   CASE WHEN pos IN (1, 3, 4) THEN 2 ELSE 1 END,
                   {birth},
                   CASE WHEN {W3("i")} % 10 < 3 THEN '壮族' ELSE '汉族' END,
                   CASE WHEN {W1("i")} % 5 = 0 THEN 1 ELSE 2 END,
                   code,
                   vname || {d.Text($"1 + k / {Villages.Count} % 200")} || '号',
                   CASE WHEN {phone} THEN {Blob(d, W2("i"), W3("i"), W1("i"), "i", W2("i"))} END,
                   CASE WHEN {phone} THEN {Blob(d, W3("i"), W1("i"), W2("i"), "i")} END,
                   CASE WHEN {phone} THEN '1' || {d.Pad($"30 + {W1("i")} % 60", 2)} || '****' || {d.Pad($"{W2("i")} % 10000", 4)} END,
                   CASE WHEN {bank} THEN '广西壮族自治区农村信用社联合社' END,
                   CASE WHEN {bank} THEN {Blob(d, W3("i"), W2("i"), W1("i"), "i", W3("i"), W2("i"))} END,
                   CASE WHEN {bank} THEN {Blob(d, W2("i"), W1("i"), W3("i"), "i")} END,
                   CASE WHEN {bank} THEN '6230***********' || {d.Pad($"{W1("i")} % 10000", 4)} END,
                   CASE WHEN disabled = 1 THEN {Blob(d, W1("i"), W3("i"), W2("i"), "i")} END,
                   CASE WHEN disabled = 1 THEN '4509**************' || {d.Text("grade")} END,
                   CASE WHEN disabled = 1 THEN 1 + {D(9, "i")} % 7 END,
                   CASE WHEN disabled = 1 THEN grade END,
                   life,
                   CASE WHEN life = 2 THEN {d.AddDays("2020-01-01", $"{D(16, "i")} % 2000")} END,
                   CASE WHEN life = 3 THEN {d.Date("2023-01-01")} END,
                   1, {Stamp(d)}, {Stamp(d)}
            FROM p
            """;
    }

    public string HouseholdsSql(Dialect d) => $"""
        {d.With} v(idx, code, name) AS (VALUES
        {VillagesSql()}
        ),
        o(slot, ssize, sstart) AS (VALUES {string.Join(", ", SlotSize.Select((s, x) => $"({x}, {s}, {SlotStart[x]})"))}),
        {d.Series(L(Households - 1))},
        h AS (
          SELECT g.i AS k, (g.i / {Slots}) * {Block} + o.sstart AS first
          FROM (SELECT i FROM {d.SeriesSource}) g JOIN o ON o.slot = g.i % {Slots}
        )
        INSERT INTO registry_household (id, number, division_code, address, head_person_id, version, created_at, updated_at)
        SELECT {HouseholdId(d, "k")}, v.code || {d.Pad($"k / {Villages.Count}", 4)}, v.code, v.name || {d.Text($"1 + k / {Villages.Count} % 200")} || '号',
               {PersonId(d, "first")}, 1, {Stamp(d)}, {Stamp(d)}
        FROM h JOIN v ON v.idx = h.k % {Villages.Count}
        """;

    public string MembersSql(Dialect d) => $"""
        {PeopleCte(d)}
        INSERT INTO registry_household_member (id, household_id, person_id, relation, joined_on, left_on, left_reason)
        SELECT {Uuid(d, 0x103, 1_500_000_000_000, "i")}, {HouseholdId(d, "k")}, {PersonId(d, "i")},
               CASE pos WHEN 0 THEN {(int)Relation.Head} WHEN 1 THEN {(int)Relation.Spouse} WHEN 2 THEN {(int)Relation.Son} WHEN 3 THEN {(int)Relation.Daughter} ELSE {(int)Relation.Mother} END,
               {d.Date("2018-06-01")}, NULL, NULL
        FROM p
        """;

    /// <summary>Household dibao (every member covered, no beneficiary) and extreme poverty (personal), from the households.</summary>
    public string HouseholdEntitlementsSql(Dialect d) => $"""
        {d.With} v(idx, code) AS (VALUES
        {string.Join(",\n", Villages.Select((v, x) => $"({x}, '{v.Code}')"))}
        ),
        o(slot, ssize, sstart) AS (VALUES {string.Join(", ", SlotSize.Select((s, x) => $"({x}, {s}, {SlotStart[x]})"))}),
        {d.Series(L(Households - 1))},
        h0 AS (
          SELECT g.i AS k, (g.i / {Slots}) * {Block} + o.sstart AS first,
                 CASE WHEN (g.i / {Slots}) * {Block} + o.sstart + o.ssize > {People} THEN {People} - ((g.i / {Slots}) * {Block} + o.sstart) ELSE o.ssize END AS size
          FROM (SELECT i FROM {d.SeriesSource}) g JOIN o ON o.slot = g.i % {Slots}
        ),
        h AS (SELECT h0.*, v.code, {HouseholdFlags("h0.k", "h0.size")} FROM h0 JOIN v ON v.idx = h0.k % {Villages.Count})
        {EntitlementInsert}
        SELECT {Uuid(d, 0x201, 1_700_000_000_000, "k")}, 'dibao', {Uuid(d, 0x301, 1_690_000_000_000, "k")}, 'DB-' || {d.Pad("k", 8)},
               {PersonId(d, "first")}, {d.Uuid("NULL")}, {HouseholdId(d, "k")}, code, size, {d.Date("2024-01-01")},
               CASE WHEN dibao_ended = 1 THEN {d.Date("2025-06-01")} END, {d.False}, 30000 * size, '[]', '{Source}', {Stamp(d)}
        FROM h WHERE dibao = 1
        UNION ALL
        SELECT {Uuid(d, 0x202, 1_700_000_000_000, "k")}, 'extreme-poverty', {Uuid(d, 0x302, 1_690_000_000_000, "k")}, 'TK-' || {d.Pad("k", 8)},
               {PersonId(d, "first")}, {PersonId(d, "first")}, {d.Uuid("NULL")}, code, 1, {d.Date("2024-01-01")},
               NULL, {d.False}, 60000, '[]', '{Source}', {Stamp(d)}
        FROM h WHERE ep = 1
        """;

    /// <summary>Personal disability subsidies and orphan cases, from the people.</summary>
    public string PersonEntitlementsSql(Dialect d)
    {
        string Personal(int tag, string program, string prefix, string where, string toMonth, long fen) => $"""
            SELECT {Uuid(d, 0x200 + tag, 1_700_000_000_000, "i")}, '{program}', {Uuid(d, 0x300 + tag, 1_690_000_000_000, "i")}, '{prefix}-' || {d.Pad("i", 8)},
                   {PersonId(d, "i")}, {PersonId(d, "i")}, {d.Uuid("NULL")}, code, 1, {d.Date("2024-01-01")}, {toMonth}, {d.False}, {fen}, '[]', '{Source}', {Stamp(d)}
            FROM p WHERE {where}
            """;
        return $"""
            {PeopleCte(d)}
            {EntitlementInsert}
            {Personal(3, "disability-care", "HL", $"disabled = 1 AND grade <= 2 AND {D(10, "i")} % 10 <> 0", $"CASE WHEN {D(11, "i")} % 20 = 0 THEN {d.Date("2025-06-01")} END", 8000)}
            UNION ALL
            {Personal(4, "disability-living", "SH", $"disabled = 1 AND dibao = 1 AND dibao_ended = 0 AND {D(17, "i")} % 10 < 7", "NULL", 8000)}
            UNION ALL
            {Personal(5, "orphan", "GE", "orphan_case = 1 AND pos IN (2, 3)", "NULL", 120000)}
            """;
    }

    private const string EntitlementInsert = """
        INSERT INTO entitlement_period (id, program, source_id, source_number, payee_person_id, beneficiary_person_id, household_id, division_code, person_count,
            from_month, to_month, one_off, monthly_amount_fen, explanation, reason, published_at)
        """;

    /// <summary>R rows of one dataset kind into the dataset <paramref name="datasetId"/>.</summary>
    public string RecordsSql(Dialect d, int kind, Guid datasetId)
    {
        string R(int n) => D(Draw(kind, n), "j");
        string Days(string from, string days) => d.AddDays(from, days);
        var (eventDate, endDate, category, status, grade, amount, reference) = Kinds[kind] switch
        {
            DatasetKind.Deaths => (Days("2024-01-01", $"{R(0)} % 900"), "NULL", "NULL", "NULL", "NULL", "NULL", $"'SW' || {d.Pad("j", 9)}"),
            DatasetKind.Detention => (
                Days("2019-01-01", $"{R(1)} % 2000"),
                $"CASE WHEN {R(2)} % 10 < 5 THEN {Days("2030-01-01", $"{R(1)} % 3000")} WHEN {R(2)} % 10 < 9 THEN {Days("2019-01-01", $"{R(1)} % 2000 + 30 + {R(2)} % 400")} END",
                $"CASE {R(0)} % 4 {string.Join(" ", DetentionCategories.Select((c, x) => $"WHEN {x} THEN '{c}'"))} END",
                "NULL", "NULL", "NULL", "'广西玉林监狱'"),
            DatasetKind.Vehicles => (
                Days("2015-01-01", $"{R(2)} % 3500"), "NULL",
                $"CASE WHEN {R(1)} % 10 < 6 THEN '小型轿车' WHEN {R(1)} % 10 < 8 THEN '二轮摩托车' WHEN {R(1)} % 10 = 8 THEN '残疾人专用车' ELSE '轻型货车' END",
                $"CASE WHEN {R(0)} % 20 < 17 THEN '正常' WHEN {R(0)} % 20 = 17 THEN '注销' ELSE '报废' END",
                "NULL", "NULL", $"'桂K' || {d.Pad("j % 100000", 5)}"),
            DatasetKind.RealEstate => (
                Days("2005-01-01", $"{R(0)} % 7000"), "NULL", $"CASE WHEN {R(1)} % 10 < 8 THEN '住宅' ELSE '商业' END", "NULL", "NULL", "NULL",
                $"'桂(2020)玉林市不动产权第' || {d.Pad("j", 7)} || '号'"),
            DatasetKind.Businesses => (
                Days("2010-01-01", $"{R(1)} % 5000"),
                $"CASE WHEN {R(0)} % 10 < 6 THEN CASE WHEN {R(1)} % 5 = 0 THEN {d.Date("2040-01-01")} END WHEN {R(0)} % 10 = 6 THEN CASE WHEN {R(1)} % 2 = 0 THEN {d.Date("2025-01-01")} END ELSE {Days("2023-01-01", $"{R(2)} % 700")} END",
                $"CASE WHEN {R(2)} % 3 = 0 THEN '有限责任公司' ELSE '个体工商户' END",
                $"CASE WHEN {R(0)} % 10 < 6 THEN '存续' WHEN {R(0)} % 10 = 6 THEN '在业' WHEN {R(0)} % 10 < 9 THEN '注销' ELSE '吊销' END",
                "NULL", "NULL", $"'92450900MA' || {d.Pad("j", 8)}"),
            DatasetKind.PublicPayroll => ("NULL", "NULL", "'在编'", "NULL", "NULL", $"300000 + {R(0)} % 500000", $"'玉林市某事业单位' || {d.Text("j % 500")}"),
            DatasetKind.DisabilityCertificates => (
                "NULL",
                $"""
                CASE WHEN j >= {L(_disabledCount)} AND j < {L(2 * _disabledCount)} THEN {Days("2019-01-01", $"{R(1)} % 300")}
                     WHEN {R(0)} % 100 < 94 THEN CASE WHEN {R(1)} % 50 = 0 THEN {d.Date("2024-06-01")} ELSE {Days("2030-01-01", $"{R(1)} % 3000")} END
                     WHEN {R(0)} % 100 < 97 THEN NULL
                     ELSE {Days("2023-01-01", $"{R(1)} % 300")} END
                """,
                $"CASE 1 + {D(9, "t")} % 7 {string.Join(" ", CategoryNames.Select((c, x) => $"WHEN {x + 1} THEN '{c}'"))} END",
                $"CASE WHEN j >= {L(_disabledCount)} AND j < {L(2 * _disabledCount)} THEN '过期' WHEN {R(0)} % 100 < 94 THEN '有效' WHEN {R(0)} % 100 < 97 THEN '注销' ELSE '过期' END",
                $"""
                CASE WHEN t >= {People} THEN 1 ELSE 1 + {D(8, "t")} % 4 END
                  + CASE WHEN (j < {L(_disabledCount)} OR j >= {L(2 * _disabledCount)}) AND {R(2)} % 50 = 0 AND (t >= {People} OR {D(8, "t")} % 4 < 3) THEN 1 ELSE 0 END
                """,
                "NULL", $"'4509' || {d.Pad("t", 16)}"),
            DatasetKind.Pensions => (
                Days("2010-01-01", $"{R(1)} % 5000"), "NULL",
                $"CASE WHEN {R(0)} % 100 < 50 THEN '企业职工基本养老金' WHEN {R(0)} % 100 < 90 THEN '城乡居民基本养老保险' WHEN {R(0)} % 100 < 95 THEN '机关事业单位养老金' WHEN {R(0)} % 100 < 98 THEN '工伤保险生活护理费' ELSE '工伤保险伤残津贴' END",
                "NULL", "NULL", $"20000 + {R(1)} % 400000", "NULL"),
            DatasetKind.PovertyRegistry => (
                "NULL", "NULL", "NULL",
                $"CASE {R(1)} % 3 WHEN 0 THEN '未脱贫' WHEN 1 THEN '已脱贫' ELSE '监测对象' END",
                "NULL", $"300000 + {R(0)} % 1700001", $"'FP' || {d.Pad("j", 10)}"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var id = d.Uuid($"'{(d.False == "0" ? datasetId.ToString().ToUpperInvariant() : datasetId.ToString())}'");
        return $"""
            {d.With} {d.Series(L(Rows - 1))},
            z AS (SELECT i AS j, {TargetSql(kind, "i")} AS t FROM {d.SeriesSource})
            INSERT INTO comparison_record (dataset_id, line, id_number_hash, id_number_masked, name, event_date, end_date, category, status, grade, amount_fen, reference)
            SELECT {id}, j + 2, {IdHash(d, "t")}, {Masked(d, "t")}, {Name(d, "t")},
                   {eventDate}, {endDate}, {category}, {status}, {grade}, {amount}, {reference}
            FROM z
            """;
    }
}

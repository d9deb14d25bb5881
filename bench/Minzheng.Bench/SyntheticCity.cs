using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;

namespace Minzheng.Bench;

/// <summary>
/// A synthetic county: N dibao households, one payee each, spread evenly over all villages of the county, written
/// set-based (one INSERT … SELECT per table: a recursive CTE on SQLite, generate_series on PostgreSQL). Every value is
/// a function of the row number (fixed multiplicative hashes, no random source), so both providers hold the same
/// people and amounts, and the expected payroll total is computed here without reading the database.
/// Ids are UUIDv7-shaped; their creation order is a permutation of the village order (people, households, cases and
/// entitlements were registered over time, not village by village), so the generator's joins meet them in the
/// order a real registry would, not in insertion order. 2 % of the payees have no bank account (lines held as NoAccount).
/// </summary>
internal static class SyntheticCity
{
    public const int MaxPeople = 16_000_000; // the row number is the last 24 bits of every id
    public const string Program = "dibao";

    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
    private const string GivenNames = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红建国文斌志春梅海燕宁";

    public static long H1(long i) => (i + 1) * 2654435761L % 4294967296L;

    public static long H2(long i) => (i + 17) * 2246822519L % 4294967296L;

    public static long H3(long i) => (i + 31) * 3266489917L % 4294967296L;

    public static int PersonCount(long i) => (int)(1 + (H2(i) % 4));

    public static long AmountFen(long i) => (PersonCount(i) * 15000L) + (H1(i) % 20001);

    public static bool HasAccount(long i) => H3(i) / 256 % 50 != 0;

    /// <summary>Lines and total of one month's payroll: every entitlement is open-ended from a month before it, every payee alive.</summary>
    public static (long Lines, long Fen, long NoAccount) Expected(int n)
    {
        long fen = 0, noAccount = 0;
        for (long i = 0; i < n; i++)
        {
            fen += AmountFen(i);
            if (!HasAccount(i)) noAccount++;
        }
        return (n, fen, noAccount);
    }

    public sealed record Timings(double PeopleSeconds, double EntitlementsSeconds, double MaintenanceSeconds, int Villages, int Towns, string Engine);

    public static async Task<Timings> CreateAsync(AppDbContext db, DivisionDirectory divisions, DatabaseProvider provider, string county, int n, CancellationToken ct)
    {
        var villages = divisions.Descendants(county, DivisionLevel.Village).ToList();
        var towns = divisions.ChildrenOf(county).Count(d => d.Level == DivisionLevel.Town);
        if (villages.Count == 0) throw new InvalidOperationException($"{county} has no villages: is the division reference data loaded?");
        var d = Dialect.For(provider);
        var conn = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var engine = await ScalarAsync(conn, provider == DatabaseProvider.Sqlite ? "SELECT 'SQLite ' || sqlite_version()" : "SELECT version()", ct);
            if (provider == DatabaseProvider.Sqlite)
            {
                // the setup only: a large page cache for loading (the measured phases use the application's own connection settings)
                await ExecAsync(conn, "PRAGMA cache_size = -524288", ct);
            }
            var sw = Stopwatch.StartNew();
            await ExecAsync(conn, PeopleSql(d, n, villages), ct);
            var people = sw.Elapsed.TotalSeconds;
            sw.Restart();
            await ExecAsync(conn, EntitlementsSql(d, n, villages), ct);
            var entitlements = sw.Elapsed.TotalSeconds;
            sw.Restart();
            if (provider == DatabaseProvider.Sqlite)
            {
                // the application never runs ANALYZE on SQLite, so neither does the benchmark; the WAL is folded back as the app's auto-checkpoints would
                await ExecAsync(conn, "PRAGMA wal_checkpoint(TRUNCATE)", ct);
            }
            else
            {
                // what autovacuum does to freshly loaded tables shortly after (statistics, visibility map, hint bits)
                await ExecAsync(conn, "VACUUM (ANALYZE) registry_person", ct);
                await ExecAsync(conn, "VACUUM (ANALYZE) entitlement_period", ct);
                await ExecAsync(conn, "VACUUM (ANALYZE) payments_line", ct);
            }
            return new Timings(people, entitlements, sw.Elapsed.TotalSeconds, villages.Count, towns, engine);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string Villages(IReadOnlyList<Division> villages) =>
        string.Join(",\n", villages.Select((v, i) => $"({i.ToString(CultureInfo.InvariantCulture)}, '{v.Code}', '{v.Name.Replace("'", "''", StringComparison.Ordinal)}')"));

    /// <summary>The row numbers with their hashes and the creation ranks of the ids (coprime multipliers: permutations).</summary>
    private static string Rows(Dialect d, int n, IReadOnlyList<Division> villages)
    {
        var last = (n - 1).ToString(CultureInfo.InvariantCulture);
        var size = n.ToString(CultureInfo.InvariantCulture);
        var coprime = new[] { 7919L, 104729L, 15485863L, 7907L, 1299709L, 86028121L, 179424673L, 3L, 7L, 11L }.Where(p => Gcd(p, n) == 1).Take(4).ToArray();
        return $"""
            {d.With} v(idx, code, name) AS (VALUES
            {Villages(villages)}
            ),
            {d.Series(last)},
            x AS (
              SELECT i,
                     (i * {coprime[0]}) % {size} AS prank, (i * {coprime[1]}) % {size} AS hrank,
                     (i * {coprime[2]}) % {size} AS srank, (i * {coprime[3]}) % {size} AS erank,
                     ((i + 1) * 2654435761) % 4294967296 AS h1,
                     ((i + 17) * 2246822519) % 4294967296 AS h2,
                     ((i + 31) * 3266489917) % 4294967296 AS h3
              FROM {d.SeriesSource}
            ),
            y AS (SELECT x.*, v.code, v.name FROM x JOIN v ON v.idx = x.i % {villages.Count.ToString(CultureInfo.InvariantCulture)})
            """;
    }

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);

    /// <summary>A UUIDv7-shaped id: 48-bit millisecond time from the creation rank, version and variant bits, the row number in the last 24 bits (unique).</summary>
    private static string Uuid(Dialect d, long epochMs, string rank, string a, string b) =>
        d.Uuid($"""
            {d.Hex($"({epochMs} + {rank} * 1000) / 65536", 8)} || '-' || {d.Hex($"({epochMs} + {rank} * 1000) % 65536", 4)} || '-7' || {d.Hex($"{a} % 4096", 3)}
            || '-' || {d.Hex($"32768 + {b} % 16384", 4)} || '-' || {d.Hex($"(({a} / 4096) % 16777216) * 16777216 + i", 12)}
            """);

    public static string PersonId(Dialect d) => Uuid(d, 1_600_000_000_000, "prank", "h1", "h2");

    /// <summary>Bytes from 8-byte hash words plus an optional last byte, built as one hex string (SQLite's || would turn blobs into text).</summary>
    private static string Blob(Dialect d, string? lastByte, params string[] words) =>
        d.Bytes(string.Join(" || ", words.Select(w => d.Hex(w, 16)).Concat(lastByte is null ? [] : [d.Hex(lastByte, 2)])));

    private static string PeopleSql(Dialect d, int n, IReadOnlyList<Division> villages)
    {
        var noAccount = "(h3 / 256) % 50 = 0";
        return $"""
            {Rows(d, n, villages)}
            INSERT INTO registry_person (id, id_number_cipher, id_number_hash, id_number_masked, platform_number, name, name_pinyin, name_initials,
                sex, birth_date, ethnicity, hukou_type, division_code, address, phone_cipher, phone_hash, phone_masked,
                bank_name, bank_account_cipher, bank_account_hash, bank_account_masked,
                disability_certificate_cipher, disability_certificate_masked, disability_category, disability_grade,
                life_status, death_date, missing_since, version, created_at, updated_at)
            SELECT {PersonId(d)},
                   {Blob(d, null, "h1", "h2", "h3", "h2", "h1", "i")},
                   {Blob(d, null, "h1", "h2", "h3", "i")},
                   '450981********' || {d.Pad("h1 % 10000", 4)},
                   NULL,
                   substr('{Surnames}', {d.Int($"1 + h1 % {Surnames.Length}")}, 1) || substr('{GivenNames}', {d.Int($"1 + h2 % {GivenNames.Length}")}, 1)
                     || CASE WHEN h3 % 3 = 0 THEN '' ELSE substr('{GivenNames}', {d.Int($"1 + h3 % {GivenNames.Length}")}, 1) END,
                   'renyuan' || {d.Text("i")}, 'ry',
                   1 + (h1 / 7) % 2,
                   {d.AddDays("1935-01-01", "h2 % 27000")},
                   CASE WHEN h3 % 10 < 3 THEN '壮族' ELSE '汉族' END,
                   CASE WHEN h1 % 5 = 0 THEN 1 ELSE 2 END,
                   code,
                   name || {d.Text("1 + h2 % 200")} || '号',
                   {Blob(d, "h3 % 256", "h2", "h3", "h1", "i", "h2")},
                   {Blob(d, null, "h3", "h1", "h2", "i")},
                   '1' || {d.Pad("30 + h1 % 60", 2)} || '****' || {d.Pad("h2 % 10000", 4)},
                   CASE WHEN {noAccount} THEN NULL WHEN h2 % 3 = 0 THEN '广西壮族自治区农村信用社联合社' WHEN h2 % 3 = 1 THEN '中国邮政储蓄银行' ELSE '中国农业银行' END,
                   CASE WHEN {noAccount} THEN NULL ELSE {Blob(d, "h1 % 256", "h3", "h2", "h1", "i", "h3", "h2")} END,
                   CASE WHEN {noAccount} THEN NULL ELSE {Blob(d, null, "h2", "h1", "h3", "i")} END,
                   CASE WHEN {noAccount} THEN NULL ELSE '6230***********' || {d.Pad("h1 % 10000", 4)} END,
                   NULL, NULL, NULL, NULL,
                   1, NULL, NULL, 1,
                   {d.Timestamp(d.Date("2024-05-01"), "08:00:00")}, {d.Timestamp(d.Date("2024-05-01"), "08:00:00")}
            FROM y
            ORDER BY prank
            """;
    }

    private static string EntitlementsSql(Dialect d, int n, IReadOnlyList<Division> villages)
    {
        string Yuan(string fen) => $"{d.Text($"({fen}) / 100")} || '.' || {d.Pad($"({fen}) % 100", 2)}";
        var explanation = $$"""
            '[{"Label":"保障标准 520 元 × ' || {{d.Text("pc")}} || ' 人","Amount":' || {{Yuan("pc * 52000")}}
            || ',"Basis":"玉林市民政局 玉林市财政局关于提高城乡最低生活保障标准的通知"},{"Label":"减：家庭月收入","Amount":-' || {{Yuan("pc * 52000 - amount")}}
            || ',"Basis":"共同生活家庭成员月收入合计（已扣除不计入收入的项目和允许扣减的支出）"},{"Label":"核定月保障金","Amount":' || {{Yuan("amount")}}
            || ',"Basis":"差额补足，按月发放"}]'
            """;
        return $"""
            {Rows(d, n, villages)},
            z AS (SELECT y.*, 1 + h2 % 4 AS pc, (1 + h2 % 4) * 15000 + h1 % 20001 AS amount, h3 % 34 AS fm FROM y)
            INSERT INTO entitlement_period (id, program, source_id, source_number, payee_person_id, household_id, division_code, person_count,
                from_month, to_month, one_off, monthly_amount_fen, explanation, reason, published_at)
            SELECT {Uuid(d, 1_700_000_000_000, "erank", "h3", "h1")},
                   '{Program}',
                   {Uuid(d, 1_690_000_000_000, "srank", "h2", "h3")},
                   'BL-DB-' || {d.Pad("i", 8)},
                   {PersonId(d)},
                   {Uuid(d, 1_650_000_000_000, "hrank", "h3", "h2")},
                   code, pc,
                   {d.AddMonths("2024-01-01", "fm")}, NULL, {d.False},
                   amount,
                   {explanation},
                   '县级审批确认',
                   {d.Timestamp(d.AddMonths("2023-12-20", "fm"), "02:00:00")}
            FROM z
            ORDER BY erank
            """;
    }

    /// <summary>One statement with no timeout (bench statements run for minutes at full size).</summary>
    internal static async Task ExecAsync(DbConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    internal static async Task<string> ScalarAsync(DbConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        return Convert.ToString(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) ?? "";
    }

    /// <summary>The few SQL spellings that differ between SQLite and PostgreSQL; values are written the way EF writes them (SQLite: uppercase GUID text, ISO dates).</summary>
    internal abstract class Dialect
    {
        public static Dialect For(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite ? new SqliteDialect() : new PostgresDialect();

        public abstract string With { get; }

        public abstract string False { get; }

        public abstract string SeriesSource { get; }

        public abstract string Series(string last);

        public abstract string Hex(string expr, int width);

        public abstract string Bytes(string hex);

        public abstract string Uuid(string text);

        public abstract string Int(string expr);

        public abstract string Text(string expr);

        public abstract string Pad(string expr, int width);

        public abstract string Date(string iso);

        public abstract string AddDays(string isoDate, string days);

        public abstract string AddMonths(string isoDate, string months);

        public abstract string Timestamp(string date, string time);
    }

    private sealed class SqliteDialect : Dialect
    {
        public override string With => "WITH RECURSIVE";

        public override string False => "0";

        public override string SeriesSource => "s";

        public override string Series(string last) => $"s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < {last})";

        public override string Hex(string expr, int width) => $"printf('%0{width}X', {expr})";

        public override string Bytes(string hex) => $"unhex({hex})";

        public override string Uuid(string text) => $"({text})";

        public override string Int(string expr) => $"({expr})";

        public override string Text(string expr) => $"CAST({expr} AS TEXT)";

        public override string Pad(string expr, int width) => $"printf('%0{width}d', {expr})";

        public override string Date(string iso) => $"'{iso}'";

        public override string AddDays(string isoDate, string days) => $"date('{isoDate}', '+' || ({days}) || ' days')";

        public override string AddMonths(string isoDate, string months) => $"date('{isoDate}', '+' || ({months}) || ' months')";

        // EF Core's SQLite format for DateTime: "yyyy-MM-dd HH:mm:ss.FFFFFFF" (whole seconds need no fraction)
        public override string Timestamp(string date, string time) => $"({date} || ' {time}')";
    }

    private sealed class PostgresDialect : Dialect
    {
        public override string With => "WITH";

        public override string False => "false";

        public override string SeriesSource => "generate_series(0::bigint, (SELECT max_i FROM s)) AS g(i)";

        public override string Series(string last) => $"s(max_i) AS (SELECT {last}::bigint)";

        public override string Hex(string expr, int width) => $"upper(lpad(to_hex({expr}), {width}, '0'))";

        public override string Bytes(string hex) => $"decode({hex}, 'hex')";

        public override string Uuid(string text) => $"({text})::uuid";

        public override string Int(string expr) => $"({expr})::int";

        public override string Text(string expr) => $"({expr})::text";

        public override string Pad(string expr, int width) => $"lpad(({expr})::text, {width}, '0')";

        public override string Date(string iso) => $"date '{iso}'";

        public override string AddDays(string isoDate, string days) => $"(date '{isoDate}' + ({days})::int)";

        public override string AddMonths(string isoDate, string months) => $"(date '{isoDate}' + make_interval(months => ({months})::int))::date";

        public override string Timestamp(string date, string time) => $"(({date}) + time '{time}') AT TIME ZONE 'UTC'";
    }

    /// <summary>The machine's load before and after a measurement, printed beside it.</summary>
    internal static string LoadAverage() => OperatingSystem.IsLinux() ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}

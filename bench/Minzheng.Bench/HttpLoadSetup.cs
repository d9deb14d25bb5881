using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Web.Modules.Assistance.Cases;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Registry;
using Npgsql;
using NpgsqlTypes;

namespace Minzheng.Bench;

/// <summary>
/// The part of the HTTP load database the comparison city does not build (<c>http-load-one --phase setup</c>, after
/// <c>comparison-one --phase setup</c> has written the people and households): M assistance cases with their workflow cases,
/// real ID numbers for a sample of people (the comparison city's ID hashes are stand-ins that no ID number hashes to), and the
/// bench's two accounts. PostgreSQL only. Not measured.
/// </summary>
internal static class HttpLoadSetup
{
    public const string CityUser = "bench.city";
    public const string CountyUser = "bench.county";
    public const string County = "450981000000"; // 北流市
    public const string Password = "Bench@2026load";
    public const string LookupFile = "lookup-ids.txt";

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var c = new BenchCase(Minzheng.Web.Platform.Data.DatabaseProvider.Postgres, args.RequireInt("people"), args.Require("dir"), args.Require("cs"), ComparisonCity.City);
        var cases = args.RequireInt("cases");
        var lookups = args.Int("lookups", 20_000);
        var result = new PhaseResult { Phase = "http-setup" };
        await using var app = await BenchHost.StartAsync(c);
        var sw = Stopwatch.StartNew();
        void Step(string name, long count = 0)
        {
            result.Steps.Add(new StepTime(name, sw.Elapsed.TotalSeconds, (int)Math.Min(count, int.MaxValue)));
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   {name}: {sw.Elapsed.TotalSeconds:F1} s{(count > 0 ? $" ({count:N0})" : "")}"));
            sw.Restart();
        }
        await using var conn = new NpgsqlConnection(c.ConnectionString);
        await conn.OpenAsync();

        Step("cases + workflow cases", await CasesAsync(conn, cases));
        var protector = app.Services.GetRequiredService<IdentifierProtector>();
        Step("real ID numbers for the lookup sample", await IdNumbersAsync(conn, protector, lookups, Path.Combine(c.Directory, LookupFile)));
        await using (var scope = app.SystemScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            foreach (var (name, role, division) in new[] { (CityUser, Roles.CityOfficer, ComparisonCity.City), (CountyUser, Roles.CountyOfficer, County) })
            {
                if (await users.FindByNameAsync(name) is not null) continue;
                var user = new AppUser { UserName = name, DisplayName = "压测账号", DivisionCode = division, CreatedAt = DateTime.UtcNow };
                RoleSeeder.Check(await users.CreateAsync(user, Password));
                RoleSeeder.Check(await users.AddToRoleAsync(user, role));
            }
        }
        Step("accounts");
        foreach (var table in new[] { "assistance_case", "workflow_case", "registry_person" }) await Exec(conn, $"VACUUM (ANALYZE) {table}");
        Step("vacuum analyze");
        Console.Out.WriteLine(PhaseResult.Marker + JsonSerializer.Serialize(result));
        return 0;
    }

    /// <summary>
    /// M cases over the households (case j belongs to household (j − 1) mod H + 1 in household-number order), each program and
    /// state a fixed hash of j: 60 % dibao, 10 % extreme poverty, 30 % temporary; states drawn from the program's own list, closed
    /// (closed_at set) where the state is terminal; applied over the last three years; open cases have step and case due dates,
    /// some already past. One INSERT … SELECT per table.
    /// </summary>
    private static async Task<long> CasesAsync(NpgsqlConnection conn, int cases)
    {
        var states = new StringBuilder();
        foreach (var program in new[] { AssistanceProgram.Dibao, AssistanceProgram.ExtremePoverty, AssistanceProgram.Temporary })
        {
            var list = AssistanceProcesses.For(program).States;
            for (var i = 0; i < list.Count; i++)
            {
                if (states.Length > 0) states.Append(", ");
                states.Append(CultureInfo.InvariantCulture, $"({(int)program}, {i}, {list.Count}, '{list[i].Code}', '{AssistanceProcesses.For(program).Code}', {(list[i].Terminal ? "true" : "false")})");
            }
        }
        // program of case j: 0–5 dibao, 6 extreme poverty, 7–9 temporary (by a hash of j); state: another hash modulo the program's state count
        var sql = $"""
            CREATE TEMP TABLE bench_case AS
            WITH h AS (
                SELECT h.id, h.division_code, h.head_person_id, p.name, row_number() OVER (ORDER BY h.number) AS rn
                FROM registry_household h JOIN registry_person p ON p.id = h.head_person_id),
            n AS (SELECT count(*) AS households FROM h),
            s(program, idx, states, code, process, terminal) AS (VALUES {states}),
            j AS (
                SELECT j, CASE WHEN (j * 2654435761 % 4294967296) / 256 % 10 < 6 THEN 1 WHEN (j * 2654435761 % 4294967296) / 256 % 10 = 6 THEN 2 ELSE 3 END AS program,
                       (j * 2246822519 % 4294967296) / 256 AS draw
                FROM generate_series(1, {cases}) AS j)
            SELECT md5('bench-case-' || j.j)::uuid AS id, md5('bench-wf-' || j.j)::uuid AS workflow_id, j.j, j.program, s.code AS state, s.process, s.terminal,
                   h.id AS household_id, h.division_code, h.head_person_id, h.name,
                   DATE '2026-12-01' - (j.draw % 1095)::int AS applied_on
            FROM j
            JOIN n ON true
            JOIN h ON h.rn = (j.j - 1) % n.households + 1
            JOIN s ON s.program = j.program AND s.idx = (j.draw / 1096) % s.states;

            INSERT INTO workflow_case (id, process_code, process_version, subject_type, subject_id, title, division_code, state, state_entered_at,
                step_due_date, clock_started_on, case_due_date, closed_at, version, created_at, updated_at)
            SELECT b.workflow_id, b.process, (SELECT max(version) FROM workflow_process p WHERE p.code = b.process), 'assistance-case', b.id,
                   b.name || '（BN' || b.j || '）', b.division_code, b.state, b.applied_on::timestamptz,
                   CASE WHEN b.terminal THEN NULL ELSE b.applied_on + 20 END, b.applied_on,
                   CASE WHEN b.terminal THEN NULL ELSE b.applied_on + 60 END,
                   CASE WHEN b.terminal THEN (b.applied_on + 30)::timestamptz END, 1, b.applied_on::timestamptz, b.applied_on::timestamptz
            FROM bench_case b;

            INSERT INTO assistance_case (id, number, program, state, workflow_case_id, division_code, area, household_id, applicant_person_id, applicant_name,
                channel, applied_on, reason, consent_to_check, flagged_relative, deposits_fen, vehicles, houses, has_business, economic_check, income_irregular,
                refusal_proposed, marginal, proposed_amount_fen, notice_round, monthly_amount_fen, basic_living_fen, care_fen, has_able_supporter, assist_first,
                requested_amount_fen, approved_amount_fen, version, created_at, updated_at)
            SELECT b.id, 'BN' || to_char(b.applied_on, 'YYYY') || lpad(b.j::text, 8, '0'), b.program, b.state, b.workflow_id, b.division_code, 2, b.household_id,
                   b.head_person_id, b.name, 2, b.applied_on, '家庭收入低于当地最低生活保障标准', true, false, 0, 0, 1, false, 0, false,
                   false, false, 0, 0, CASE WHEN b.program = 3 THEN 0 ELSE 51000 END, 0, 0, false, false,
                   CASE WHEN b.program = 3 THEN 200000 ELSE 0 END, 0, 1, b.applied_on::timestamptz, b.applied_on::timestamptz
            FROM bench_case b;
            """;
        await Exec(conn, sql);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM assistance_case", conn);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// K people spread over the table (a repeatable sample) get a real ID number: their county's code, their birth date, a
    /// sequence whose parity is their sex, the check character; its keyed hash (this installation's key), cipher and mask are
    /// written in place of the stand-ins. The numbers go to a file the load driver reads.
    /// </summary>
    private static async Task<long> IdNumbersAsync(NpgsqlConnection conn, IdentifierProtector protector, int k, string file)
    {
        var people = new List<(Guid Id, string Division, DateOnly Birth, int Sex)>();
        await using (var total = new NpgsqlCommand("SELECT count(*) FROM registry_person", conn))
        {
            var n = (long)(await total.ExecuteScalarAsync())!;
            var percent = Math.Min(100.0, k * 120.0 / Math.Max(1, n));
            await using var cmd = new NpgsqlCommand(string.Create(CultureInfo.InvariantCulture,
                $"SELECT id, division_code, birth_date, sex FROM registry_person TABLESAMPLE BERNOULLI ({percent}) REPEATABLE (42) LIMIT {k}"), conn);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) people.Add((reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<DateOnly>(2), reader.GetInt32(3)));
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var numbers = new List<string>(people.Count);
        await Exec(conn, "CREATE TEMP TABLE bench_id (id uuid PRIMARY KEY, hash bytea, cipher bytea, masked varchar(18))");
        await using (var copy = await conn.BeginBinaryImportAsync("COPY bench_id (id, hash, cipher, masked) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < people.Count; i++)
            {
                var (id, division, birth, sex) = people[i];
                string number;
                var seq = i * 2 % 1000;
                do
                {
                    number = IdNumber.Compose(division[..6], birth, seq + (sex == (int)Sex.Male ? 1 : 0)); // the 17th digit: odd for men
                    seq = (seq + 2) % 1000;
                }
                while (!seen.Add(number));
                numbers.Add(number);
                await copy.StartRowAsync();
                await copy.WriteAsync(id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(protector.Hash(number, ProtectedKind.IdNumber), NpgsqlDbType.Bytea);
                await copy.WriteAsync(protector.Encrypt(number, ProtectedKind.IdNumber), NpgsqlDbType.Bytea);
                await copy.WriteAsync(IdNumber.Mask(number), NpgsqlDbType.Varchar);
            }
            await copy.CompleteAsync();
        }
        await Exec(conn, "UPDATE registry_person p SET id_number_hash = b.hash, id_number_cipher = b.cipher, id_number_masked = b.masked FROM bench_id b WHERE p.id = b.id");
        await File.WriteAllLinesAsync(file, numbers);
        return numbers.Count;
    }

    private static async Task Exec(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync();
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Npgsql;

namespace Minzheng.Bench;

/// <summary>
/// Lookups and lists under load (issue 19 item 4): a PostgreSQL database of N people (the comparison city) and M assistance cases,
/// the real application (the web project's built dll in its own process, as deployed) on a loopback port, and a closed-loop
/// driver at 16 and 64 connections signed in with a bearer token as a city (or county) officer. Each scenario is printed beside
/// its raw bound: the SQL the answer needs, run through Npgsql from the same number of workers on pooled connections. Any
/// non-2xx answer is an error and makes the exit code 1.
/// </summary>
internal static class HttpLoadBench
{
    public const int DefaultPeople = 1_000_000;
    public const int DefaultCases = 100_000;

    private sealed record Scenario(string Name, string What, Func<Random, string> Path, Func<NpgsqlConnection, Random, Task> Bound, string BoundWhat);

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var total = Stopwatch.StartNew();
        var root = args.DataRoot();
        var pg = args.PostgresServer();
        var people = args.Int("people", DefaultPeople);
        var cases = args.Int("cases", DefaultCases);
        ComparisonCity.Validate(people, 1);
        var connections = (args.Get("connections") ?? "16,64").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var duration = TimeSpan.FromSeconds(args.Int("duration", 20));
        var warmUp = TimeSpan.FromSeconds(args.Int("warmup", 5));
        var only = args.Get("scenarios")?.Split(',').ToHashSet(StringComparer.Ordinal);
        var userName = (args.Get("user") ?? "city") switch
        {
            "city" => HttpLoadSetup.CityUser,
            "county" => HttpLoadSetup.CountyUser,
            var other => throw new ArgumentException($"--user must be city or county, not '{other}'"),
        };
        var name = $"http-{people}-{cases}";
        var c = new BenchCase(DatabaseProvider.Postgres, people, Path.Combine(root, name), new NpgsqlConnectionStringBuilder(pg) { Database = $"minzheng_bench_{name.Replace('-', '_')}" }.ConnectionString, ComparisonCity.City);
        var problems = new List<string>();
        var keep = args.Has("keep") || args.Has("reuse");
        Log($"== http-load: {people:N0} people, {cases:N0} cases, database {new NpgsqlConnectionStringBuilder(c.ConnectionString).Database}; load before: {LoadAverage()}");
        var results = new List<(LoadResult Http, LoadResult? Sql, string Load)>();
        try
        {
            if (!args.Has("reuse"))
            {
                await PayrollBench.DropAsync(c, pg);
                Directory.CreateDirectory(c.Directory);
                var sw = Stopwatch.StartNew();
                // the people and households: the comparison city's own generator, with one row of each dataset kind (not used here)
                await PayrollBench.ChildAsync(["comparison-one", "--phase", "setup", "--provider", "postgres", "--people", people.ToString(CultureInfo.InvariantCulture),
                    "--rows", "1", "--dir", c.Directory, "--cs", c.ConnectionString], "setup (people)", problems);
                if (problems.Count == 0)
                {
                    await PayrollBench.ChildAsync(["http-load-one", "--phase", "setup", "--people", people.ToString(CultureInfo.InvariantCulture),
                        "--cases", cases.ToString(CultureInfo.InvariantCulture), "--dir", c.Directory, "--cs", c.ConnectionString], "setup (cases, ID numbers, accounts)", problems);
                }
                Log(string.Create(CultureInfo.InvariantCulture, $"   setup: {sw.Elapsed.TotalSeconds:F0} s"));
            }
            if (problems.Count == 0)
            {
                var scenarios = Scenarios(c, userName).Where(s => only is null || only.Contains(s.Name)).ToList();
                // the raw bounds first, while no application holds connections: PostgreSQL's default max_connections (100) does not
                // fit 64 of the bound's and 64 of the application's pool at once
                var bounds = new Dictionary<(string, int), LoadResult>();
                if (!args.Has("no-bound"))
                {
                    foreach (var s in scenarios)
                    {
                        foreach (var n in connections)
                        {
                            var sql = bounds[(s.Name, n)] = await LoadDriver.SqlAsync(s.Name, c.ConnectionString, n, warmUp, duration, s.Bound);
                            Log("   " + sql.Line() + (sql.FirstError is { } e ? "  first error: " + e : ""));
                            if (sql.Errors > 0) problems.Add($"{s.Name} bound c={n}: {sql.Errors} errors, first: {sql.FirstError}");
                        }
                    }
                }
                await using var server = await WebServer.StartAsync(c);
                var token = await server.TokenAsync(userName, HttpLoadSetup.Password);
                foreach (var s in scenarios)
                {
                    foreach (var n in connections)
                    {
                        var load = LoadAverage();
                        var http = await LoadDriver.HttpAsync(s.Name, server.BaseAddress, token, n, warmUp, duration, s.Path);
                        Log("   " + http.Line() + (http.FirstError is { } e ? "  first error: " + e : ""));
                        if (http.Errors > 0) problems.Add($"{s.Name} c={n}: {http.Errors} errors, first: {http.FirstError}");
                        results.Add((http, bounds.GetValueOrDefault((s.Name, n)), load + " → " + LoadAverage()));
                    }
                }
                Console.WriteLine();
                Console.WriteLine(Report(results, scenarios));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"machine: {Environment.ProcessorCount} logical CPUs, {PayrollBench.MemoryGb():F1} GiB memory, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}; {people:N0} people, {cases:N0} cases, signed in as {userName}; warm-up {warmUp.TotalSeconds:F0} s, {duration.TotalSeconds:F0} s measured per row; benchmark took {total.Elapsed.TotalSeconds:F0} s"));
            }
        }
        finally
        {
            if (keep) Log($"   kept: {c.Directory} and database {new NpgsqlConnectionStringBuilder(c.ConnectionString).Database}");
            else await PayrollBench.DropAsync(c, pg);
        }
        foreach (var p in problems) Console.WriteLine("FAILED http-load: " + p);
        return problems.Count == 0 ? 0 : 1;
    }

    private static List<Scenario> Scenarios(BenchCase c, string userName)
    {
        var ids = File.ReadAllLines(Path.Combine(c.Directory, HttpLoadSetup.LookupFile));
        // the bound needs the keyed hash the application computes; read this installation's key file
        var protector = new IdentifierProtector(CryptoKeys.FromJson(File.ReadAllText(Path.Combine(c.Directory, "keys", "identifier-keys.json"))));
        var hashes = ids.Select(id => protector.Hash(id, ProtectedKind.IdNumber)).ToArray();
        var scope = DivisionScopeOf(userName == HttpLoadSetup.CityUser ? ComparisonCity.City : HttpLoadSetup.County);
        const int Pages = 10; // the first ten pages: what people page through
        int Page(Random r) => r.Next(1, Pages + 1);

        // the lists' bounds are the page's rows: the total of a large list is counted once a minute (ADR 075), not per request
        Task PersonRows(NpgsqlConnection conn, Random r, int size) => Statements(conn,
            ($"""
              SELECT id, coalesce(id_number_masked, platform_number, ''), name, sex, birth_date, division_code, hukou_type, disability_category, disability_grade, life_status, phone_masked
              FROM registry_person WHERE division_code BETWEEN '{scope.Low}' AND '{scope.High}'
              ORDER BY division_code, name_pinyin, id LIMIT {size} OFFSET $1
              """, [(Page(r) - 1) * size]));

        Task CaseRows(NpgsqlConnection conn, Random r, int size) => Statements(conn,
            ($"""
              SELECT c.id, c.number, c.program, c.state, c.applicant_name, c.division_code, c.applied_on, c.monthly_amount_fen, c.approved_amount_fen, c.flagged_relative,
                     w.step_due_date, w.case_due_date, w.closed_at, c.paperwork_due_on, c.paperwork_done_on, c.notice_to
              FROM assistance_case c JOIN workflow_case w ON w.id = c.workflow_case_id
              WHERE c.division_code BETWEEN '{scope.Low}' AND '{scope.High}'
              ORDER BY c.applied_on DESC, c.id DESC LIMIT {size} OFFSET $1
              """, [(Page(r) - 1) * size]));

        return
        [
            new("me", "GET /api/v1/auth/me (the pipeline and the bearer token alone: no database)",
                r => "/api/v1/auth/me", (conn, r) => Statements(conn, ("SELECT 1", [])), "SELECT 1 (a pooled connection's round trip)"),
            new("lookup", "GET /api/v1/persons?idNumber=… (exact ID number, JSON)",
                r => "/api/v1/persons?idNumber=" + ids[r.Next(ids.Length)],
                (conn, r) => Statements(conn, ($"""
                    SELECT id, coalesce(id_number_masked, platform_number, ''), name, sex, birth_date, division_code, hukou_type, disability_category, disability_grade, life_status
                    FROM registry_person WHERE id_number_hash = $1 AND division_code BETWEEN '{scope.Low}' AND '{scope.High}'
                    """, [hashes[r.Next(hashes.Length)]])),
                "the row by id_number_hash (hash computed beforehand)"),
            new("person-list", "GET /api/v1/persons?pageSize=50&page=1…10 (JSON)",
                r => $"/api/v1/persons?pageSize=50&page={Page(r)}", (conn, r) => PersonRows(conn, r, 50), "50 rows in the list's order (no count)"),
            new("person-page", "GET /registry/persons?page=1…10 (HTML, 20 rows)",
                r => $"/registry/persons?page={Page(r)}", (conn, r) => PersonRows(conn, r, 20), "20 rows in the list's order (no count)"),
            new("case-list", "GET /api/v1/assistance/cases?pageSize=50&page=1…10 (JSON)",
                r => $"/api/v1/assistance/cases?pageSize=50&page={Page(r)}", (conn, r) => CaseRows(conn, r, 50), "50 rows, case ⋈ workflow case (no count)"),
            new("case-page", "GET /assistance/cases?page=1…10 (HTML, 20 rows)",
                r => $"/assistance/cases?page={Page(r)}", (conn, r) => CaseRows(conn, r, 20), "20 rows, case ⋈ workflow case (no count)"),
            new("dashboard", "GET / (工作台: counts cached 60 s per scope, the user's tasks fresh)",
                r => "/",
                (conn, r) => Statements(conn, ($"""
                    SELECT count(*) FILTER (WHERE life_status = 1), count(*) FILTER (WHERE life_status = 1 AND disability_category IS NOT NULL)
                    FROM registry_person WHERE division_code BETWEEN '{scope.Low}' AND '{scope.High}'
                    """, [])),
                "one uncached count pass over the scope's people"),
        ];
    }

    private static async Task Statements(NpgsqlConnection conn, params (string Sql, object[] Parameters)[] statements)
    {
        foreach (var (sql, parameters) in statements)
        {
            await using var cmd = new NpgsqlCommand(sql, conn);
            foreach (var p in parameters) cmd.Parameters.Add(new NpgsqlParameter { Value = p });
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++) _ = reader.GetValue(i);
            }
        }
    }

    private static (string Low, string High) DivisionScopeOf(string code)
    {
        var s = Minzheng.Web.Platform.Access.DivisionScope.Of(code);
        return (s.Low, s.High);
    }

    private static string Report(List<(LoadResult Http, LoadResult? Sql, string Load)> results, List<Scenario> scenarios)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("| scenario | conns | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | bound req/s | bound p50 / p95 / p99 ms | load avg before → after (HTTP run) |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var (h, s, load) in results)
        {
            sb.AppendLine(inv, $"| {h.Scenario} | {h.Connections} | {h.PerSecond:N0} | {h.P50Ms:F1} | {h.P95Ms:F1} | {h.P99Ms:F1} | {h.MaxMs:F0} | {h.Errors} | {(s is null ? "—" : s.PerSecond.ToString("N0", inv))} | {(s is null ? "—" : string.Create(inv, $"{s.P50Ms:F1} / {s.P95Ms:F1} / {s.P99Ms:F1}"))} | {load} |");
        }
        sb.AppendLine();
        foreach (var s in scenarios) sb.AppendLine(inv, $"- {s.Name}: {s.What}; bound: {s.BoundWhat}");
        return sb.ToString();
    }

    internal static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{parts[0]} {parts[1]} {parts[2]}";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    private static void Log(string message) => Console.Error.WriteLine(message);

    /// <summary>The web application as deployed: its built dll in a process of its own, configured by environment variables.</summary>
    private sealed class WebServer : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly HttpClient _client;

        private WebServer(Process process, Uri baseAddress)
        {
            _process = process;
            BaseAddress = baseAddress;
            _client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        }

        public Uri BaseAddress { get; }

        public static async Task<WebServer> StartAsync(BenchCase c)
        {
            var web = FindWebProject();
            var dll = Path.Combine(web, "bin", "Release", "net10.0", "Minzheng.Web.dll");
            if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} not found: build the solution in Release first");
            int port;
            using (var probe = new TcpListener(System.Net.IPAddress.Loopback, 0))
            {
                probe.Start();
                port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
            }
            var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = web, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            psi.ArgumentList.Add(dll);
            psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            psi.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            psi.Environment["Minzheng__DataDirectory"] = c.Directory;
            psi.Environment["Minzheng__Database__Provider"] = "Postgres";
            psi.Environment["ConnectionStrings__Minzheng"] = c.ConnectionString;
            psi.Environment["Minzheng__Demo__Seed"] = "false";
            var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start the web application");
            process.OutputDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine("   [web] " + e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine("   [web] " + e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var server = new WebServer(process, new Uri($"http://127.0.0.1:{port}"));
            var sw = Stopwatch.StartNew();
            while (true)
            {
                if (process.HasExited) throw new InvalidOperationException($"the web application exited with code {process.ExitCode}");
                try
                {
                    using var ready = await server._client.GetAsync("/readyz");
                    if (ready.IsSuccessStatusCode) break;
                }
                catch (HttpRequestException)
                {
                }
                if (sw.Elapsed > TimeSpan.FromMinutes(3)) throw new InvalidOperationException("the web application did not become ready in 3 minutes");
                await Task.Delay(500);
            }
            Log(string.Create(CultureInfo.InvariantCulture, $"   web application ready on port {port} after {sw.Elapsed.TotalSeconds:F1} s (pid {process.Id})"));
            return server;
        }

        public async Task<string> TokenAsync(string userName, string password)
        {
            using var response = await _client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"sign-in as {userName} failed: {(int)response.StatusCode} {body}");
            using var json = JsonDocument.Parse(body);
            return json.RootElement.GetProperty("accessToken").GetString()!;
        }

        public async ValueTask DisposeAsync()
        {
            _client.Dispose();
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
            _process.Dispose();
        }

        private static string FindWebProject()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var web = Path.Combine(dir.FullName, "src", "Minzheng.Web");
                if (File.Exists(Path.Combine(web, "Minzheng.Web.csproj"))) return web;
            }
            throw new InvalidOperationException("src/Minzheng.Web not found above " + AppContext.BaseDirectory);
        }
    }
}

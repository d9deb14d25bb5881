using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.Payments;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Imports;
using Minzheng.Web.Platform.Jobs;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Tests.Jobs;

/// <summary>
/// The job queue's restart recovery with a real process: the application runs as its own operating-system process over the
/// test database, is killed (SIGKILL, no shutdown) in the middle of a job and started again. A payroll generation is resumed
/// and ends with every line exactly once; an import commit is failed with a clear message and has imported nothing. The
/// in-process host of the fixture only prepares the data and queues the jobs (its own worker is off).
/// </summary>
public abstract partial class ProcessRestartTests(AppFixture app)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [Fact]
    public async Task A_payroll_generation_killed_with_the_application_is_resumed_by_the_restarted_application_with_every_line_once()
    {
        app.SkipIfUnavailable();
        const string county = "450923000000"; // 博白县
        var month = new DateOnly(app.Clock.GetUtcNow().Year, app.Clock.GetUtcNow().Month, 1).AddMonths(1);
        await SeedEntitlementsAsync(county, month, perTemplate: 4000);
        var amounts = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<EntitlementPeriod>()
            .Where(e => e.Program == "dibao" && string.Compare(e.DivisionCode, "450923000000") >= 0 && string.Compare(e.DivisionCode, "450923999999") <= 0)
            .Select(e => e.MonthlyAmount).ToListAsync());
        var expected = new { amounts.Count, Fen = amounts.Sum(a => a.Fen) };
        Assert.True(expected.Count > 100_000, $"{expected.Count} entitlements");

        var (payrollId, jobId) = await app.WithServicesAsync(async sp =>
        {
            var payroll = await sp.GetRequiredService<PayrollService>().CreateDraftAsync(county, "dibao", month, CancellationToken.None);
            var job = sp.GetRequiredService<JobQueue>().Enqueue(PayrollJob.Kind, payroll, uniqueKey: PayrollJob.KeyOf(payroll));
            await sp.GetRequiredService<AppDbContext>().SaveChangesAsync();
            return (payroll, job.Id);
        });

        // the application takes the job and is killed while the lines are being written
        using (var first = AppProcess.Start(app))
        {
            await WaitUntilAsync(async () => await LineCountAsync(payrollId) > 0, first, "the first township's lines");
            first.Kill();
        }
        var cut = await LineCountAsync(payrollId);
        var interrupted = await JobAsync(jobId);
        Assert.True(cut < expected.Count, $"the generation finished before the kill ({cut} lines); the test proves nothing");
        Assert.Equal(JobStatus.Running, interrupted.Status);
        Assert.Equal(1, interrupted.Attempts);

        // started again, the application sees its predecessor's process gone, takes the job back and completes it
        using (var second = AppProcess.Start(app))
        {
            await WaitUntilAsync(async () => (await JobAsync(jobId)).Status is not (JobStatus.Running or JobStatus.Queued), second, "the resumed generation");
            second.Stop();
        }
        var job = await JobAsync(jobId);
        Assert.True(job.Status == JobStatus.Succeeded, $"{job.Status}: {job.Error}");
        Assert.Equal(2, job.Attempts);
        var lines = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<PayrollLine>().Where(l => l.PayrollId == payrollId)
            .GroupBy(_ => 1).Select(g => new { Count = g.Count(), Sources = g.Select(l => l.SourceId).Distinct().Count(), Fen = g.Sum(l => l.AmountFen) }).FirstAsync());
        Assert.Equal(expected.Count, lines.Count);
        Assert.Equal(expected.Count, lines.Sources);
        Assert.Equal(expected.Fen, lines.Fen);
        var payroll = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<Payroll>().AsNoTracking().FirstAsync(p => p.Id == payrollId));
        Assert.Equal(PayrollStatus.Generated, payroll.Status);
        Assert.Equal(expected.Count, payroll.LineCount);
        Assert.Equal(expected.Fen, payroll.TotalFen);
    }

    [Fact]
    public async Task An_import_commit_killed_with_the_application_is_failed_with_a_clear_message_and_imports_nothing()
    {
        app.SkipIfUnavailable();
        const string village = "450921100003"; // 新南社区, 容州镇
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync("rongzhou.clerk"));
        var csv = new StringBuilder("户编号,公民身份号码,姓名,与户主关系,区划代码\n");
        const int households = 6000;
        for (var i = 0; i < households; i++)
        {
            // a name holds Chinese characters only: the number in Chinese digits
            var n = string.Concat(i.ToString(CultureInfo.InvariantCulture).Select(d => "零一二三四五六七八九"[d - '0']));
            csv.Append(CultureInfo.InvariantCulture, $"K{i},{TestIds.Next(Sex.Male)},重启户主{n},户主,{village}\n");
            csv.Append(CultureInfo.InvariantCulture, $"K{i},{TestIds.Next()},重启配偶{n},配偶,{village}\n");
        }
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await TokenAsync(client, "/imports")), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString())) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "upload", "重启.csv" },
        };
        var uploaded = await client.PostAsync("/imports", form);
        Assert.True(uploaded.StatusCode == HttpStatusCode.Redirect, await uploaded.Content.ReadAsStringAsync());
        var url = uploaded.Headers.Location!.OriginalString;
        var batchId = Guid.Parse(url.Split('/').Last());
        await PostFormAsync(client, url, "Map", new()
        {
            ["mapping[householdKey]"] = "户编号",
            ["mapping[idNumber]"] = "公民身份号码",
            ["mapping[name]"] = "姓名",
            ["mapping[relation]"] = "与户主关系",
            ["mapping[divisionCode]"] = "区划代码",
        });
        // the validation runs here, in-process, as any instance's worker would
        Assert.True(await ActivatorUtilities.CreateInstance<JobWorker>(app.Services).RunNextAsync(CancellationToken.None));
        Assert.Equal(ImportStatus.Validated, (await BatchAsync(batchId)).Status);
        await PostFormAsync(client, url, "Commit", []);
        var jobId = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Jobs.Where(j => j.SubjectId == batchId && j.Status == JobStatus.Queued).Select(j => j.Id).SingleAsync());

        using (var first = AppProcess.Start(app))
        {
            await WaitUntilAsync(async () => (await JobAsync(jobId)).Status == JobStatus.Running, first, "the commit to start");
            await Task.Delay(100); // inside the commit of 12,000 people (it takes seconds)
            first.Kill();
        }
        Assert.True((await JobAsync(jobId)).Status == JobStatus.Running, "the commit finished before the kill; the test proves nothing");
        Assert.Equal(0, await ImportedAsync());

        using (var second = AppProcess.Start(app))
        {
            await WaitUntilAsync(async () => (await JobAsync(jobId)).Status is not (JobStatus.Running or JobStatus.Queued), second, "the interrupted commit to be failed");
            second.Stop();
        }
        var job = await JobAsync(jobId);
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal(ImportJob.InterruptedMessage, job.Error);
        var batch = await BatchAsync(batchId);
        Assert.Equal(ImportStatus.Failed, batch.Status);
        Assert.Equal(ImportJob.InterruptedMessage, batch.Message);
        Assert.Equal(0, batch.CommittedRows);
        Assert.Equal(0, await ImportedAsync());

        Task<int> ImportedAsync() => app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Persons.CountAsync(p => p.Name.StartsWith("重启")));
    }

    /// <summary>
    /// Forty payees spread over the county's townships, each with its own bank account, and <paramref name="perTemplate"/>
    /// further entitlements copied from each by one INSERT … SELECT (the per-row service would take minutes).
    /// </summary>
    private async Task SeedEntitlementsAsync(string county, DateOnly month, int perTemplate)
    {
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var divisions = sp.GetRequiredService<DivisionDirectory>();
            var protector = sp.GetRequiredService<Web.Platform.Crypto.IdentifierProtector>();
            var entitlements = sp.GetRequiredService<Entitlements>();
            var byTownship = divisions.Descendants(county, DivisionLevel.Village).GroupBy(v => v.ParentCode).Select(g => g.Select(v => v.Code).ToList()).ToList();
            var villages = Enumerable.Range(0, byTownship.Max(v => v.Count)).SelectMany(i => byTownship.Where(v => i < v.Count).Select(v => v[i])).Take(40).ToList();
            foreach (var (village, i) in villages.Select((v, i) => (v, i)))
            {
                var person = new Person { Name = $"断电{i:00}", DivisionCode = village };
                person.SetIdNumber(IdNumber.TryParse(TestIds.Next(), out _)!.Value, protector);
                person.SetBankAccount("广西农村信用社", "62301234567890" + i.ToString("00000", CultureInfo.InvariantCulture), protector);
                db.Persons.Add(person);
                await entitlements.SetAsync(new Entitlements.Payee("dibao", Guid.CreateVersion7(), $"CQ-{i:000}", person.Id, null, village, 1), month, Money.FromYuan(400 + i), "[]", "测试");
            }
            await db.SaveChangesAsync();

            var table = db.Model.FindEntityType(typeof(EntitlementPeriod))!;
            var store = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table("entitlement_period", null);
            var columns = table.GetProperties().Select(p => p.GetColumnName(store)!).ToList();
            var postgres = app.Provider == DatabaseProvider.Postgres;
            string NewId(string seed) => postgres
                ? "gen_random_uuid()"
                : $"(SELECT upper(substr(h,1,8)||'-'||substr(h,9,4)||'-'||substr(h,13,4)||'-'||substr(h,17,4)||'-'||substr(h,21,12)) FROM (SELECT hex(randomblob(16)) || {seed} AS h))";
            var select = columns.Select(c => c switch
            {
                "id" => NewId("n.i"),
                "source_id" => NewId("e.source_number"),
                "source_number" => "e.source_number || '-' || n.i",
                _ => "e." + c,
            });
            var sql = $"""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {perTemplate})
                INSERT INTO entitlement_period ({string.Join(", ", columns)})
                SELECT {string.Join(", ", select)} FROM entitlement_period e CROSS JOIN n WHERE e.source_number LIKE 'CQ-%'
                """;
            return await db.Database.ExecuteSqlRawAsync(sql);
        });
    }

    private Task<int> LineCountAsync(Guid payrollId) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<PayrollLine>().CountAsync(l => l.PayrollId == payrollId));

    private Task<Job> JobAsync(Guid id) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Jobs.AsNoTracking().FirstAsync(j => j.Id == id));

    private Task<ImportBatch> BatchAsync(Guid id) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().ImportBatches.AsNoTracking().FirstAsync(b => b.Id == id));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, AppProcess process, string what)
    {
        var until = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (process.HasExited) Assert.Fail($"the application exited while waiting for {what}:\n{process.Output}");
            if (DateTime.UtcNow > until) Assert.Fail($"waited {Patience} for {what}:\n{process.Output}");
            await Task.Delay(15);
        }
    }

    private static async Task<string> TokenAsync(HttpClient client, string url) => TokenPattern().Match(await client.GetStringAsync(url)).Groups[1].Value;

    private static async Task PostFormAsync(HttpClient client, string url, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await TokenAsync(client, url);
        var response = await client.PostAsync($"{url}?handler={handler}", new FormUrlEncodedContent(fields));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The application as an operator runs it: <c>dotnet Minzheng.Web.dll</c>, over the fixture's database and data directory.</summary>
    private sealed class AppProcess : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();

        private AppProcess(Process process) => _process = process;

        public bool HasExited => _process.HasExited;

        public string Output
        {
            get
            {
                lock (_output) return _output.ToString();
            }
        }

        public static AppProcess Start(AppFixture app)
        {
            var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Minzheng.Web.dll")])
            {
                WorkingDirectory = app.DataDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            info.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
            info.Environment["Minzheng__DataDirectory"] = app.DataDirectory;
            info.Environment["Minzheng__Database__Provider"] = app.Provider.ToString();
            info.Environment["ConnectionStrings__Minzheng"] = ((IProcessRestartApp)app).Connection;
            info.Environment["Minzheng__Demo__Seed"] = "false";
            // the payroll's benefit statements in steps of 20,000 entitlements (200,000 by default would pay the test's county in
            // one statement, done before the kill can interrupt it)
            info.Environment["Minzheng__Payments__EntitlementsPerStep"] = "20000";
            info.Environment["Logging__LogLevel__Default"] = "Warning";
            var process = new AppProcess(Process.Start(info)!);
            process._process.OutputDataReceived += (_, e) => process.Append(e.Data);
            process._process.ErrorDataReceived += (_, e) => process.Append(e.Data);
            process._process.BeginOutputReadLine();
            process._process.BeginErrorReadLine();
            return process;
        }

        private void Append(string? line)
        {
            if (line is null) return;
            lock (_output) _output.AppendLine(line);
        }

        /// <summary>SIGKILL: no shutdown, no lease given back — as a power cut or an OOM kill leaves it.</summary>
        public void Kill()
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        /// <summary>A normal stop (SIGTERM), as the service manager stops it.</summary>
        public void Stop()
        {
            if (_process.HasExited) return;
            Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
            if (!_process.WaitForExit(TimeSpan.FromSeconds(30))) Kill();
        }

        public void Dispose()
        {
            if (!_process.HasExited) Kill();
            _process.Dispose();
        }
    }
}

/// <summary>A fixture whose own worker is off: the jobs it queues are run by the application processes the tests start.</summary>
public interface IProcessRestartApp
{
    string Connection { get; }
}

public sealed class ProcessRestartSqliteApp : SqliteApp, IProcessRestartApp
{
    public string Connection => ConnectionString;

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => [new("Minzheng:Jobs:Worker", "false")];
}

public sealed class ProcessRestartPostgresApp : PostgresApp, IProcessRestartApp
{
    public string Connection => ConnectionString;

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => [new("Minzheng:Jobs:Worker", "false")];
}

public sealed class ProcessRestartTestsOnSqlite(ProcessRestartSqliteApp app) : ProcessRestartTests(app), IClassFixture<ProcessRestartSqliteApp>;

public sealed class ProcessRestartTestsOnPostgres(ProcessRestartPostgresApp app) : ProcessRestartTests(app), IClassFixture<ProcessRestartPostgresApp>;

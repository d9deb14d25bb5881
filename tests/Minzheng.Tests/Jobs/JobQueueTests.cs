using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.ChildWelfare.Allowances;
using Minzheng.Web.Modules.Payments;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Imports;
using Minzheng.Web.Platform.Jobs;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Tests.Jobs;

/// <summary>A job kind for these tests only: counts its runs, waits as asked, fails when asked.</summary>
public sealed class TestJob(AppDbContext db, ReadOnlyDb read) : IJobHandler
{
    public const string Kind = "test.job";
    public const string FailureText = "测试任务按要求失败：第 7 行数据异常";

    public static readonly ConcurrentDictionary<Guid, int> Runs = new();
    public static readonly ConcurrentDictionary<Guid, JobStopReason> Stops = new();

    /// <summary>The command timeouts (primary, read-only) the job's statements ran with.</summary>
    public static readonly ConcurrentDictionary<Guid, (int? Primary, int? Read)> Timeouts = new();

    public sealed record Payload(int DelayMs, bool Fail);

    public async Task RunAsync(JobRun job, CancellationToken ct)
    {
        Runs.AddOrUpdate(job.Id, 1, (_, n) => n + 1);
        Timeouts[job.Id] = (db.Database.GetCommandTimeout(), read.Context.Database.GetCommandTimeout());
        var p = job.Payload<Payload>();
        job.Report(0, 1, "测试中");
        await Task.Delay(p.DelayMs, ct);
        if (p.Fail) throw AppProblem.Conflict("test_failure", FailureText);
        job.Report(1, 1);
    }

    public Task StoppedAsync(JobRun job, JobStop stop, CancellationToken ct)
    {
        Stops[job.Id] = stop.Reason;
        return Task.CompletedTask;
    }
}

/// <summary>
/// The kernel job queue on SQLite and PostgreSQL. The application's own worker is switched off: each test drives
/// workers by hand, each a separate "instance" with its own lease name, over the same database.
/// </summary>
public abstract class JobQueueTests(AppFixture app)
{
    private DateTime Now => app.Services.GetRequiredService<BusinessClock>().UtcNow;

    private JobWorker NewInstance() => ActivatorUtilities.CreateInstance<JobWorker>(app.Services);

    private Task<Guid> EnqueueAsync(string kind, Guid? subject = null, object? payload = null) => app.WithServicesAsync(async sp =>
    {
        var job = sp.GetRequiredService<JobQueue>().Enqueue(kind, subject, payload);
        await sp.GetRequiredService<AppDbContext>().SaveChangesAsync();
        return job.Id;
    });

    private Task<Job> JobAsync(Guid id) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Jobs.AsNoTracking().FirstAsync(j => j.Id == id));

    /// <summary>Leaves the job as an instance that died mid-run leaves it: running, its lease lapsed, owned by someone else.</summary>
    private Task<int> KillMidRunAsync(Guid id) => app.WithServicesAsync(sp =>
    {
        var past = Now.AddMinutes(-5);
        return sp.GetRequiredService<AppDbContext>().Jobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, JobStatus.Running).SetProperty(j => j.LeaseOwner, "dead-host/4242/00000000")
            .SetProperty(j => j.LeaseExpiresAt, past).SetProperty(j => j.Attempts, 1).SetProperty(j => j.StartedAt, past));
    });

    [Fact]
    public async Task Two_instances_racing_for_one_job_run_it_once()
    {
        app.SkipIfUnavailable();
        for (var round = 0; round < 8; round++)
        {
            var id = await EnqueueAsync(TestJob.Kind, payload: new TestJob.Payload(200, false));
            var a = NewInstance();
            var b = NewInstance();
            Assert.NotEqual(a.InstanceId, b.InstanceId);
            var claimed = await Task.WhenAll(Task.Run(() => a.RunNextAsync(CancellationToken.None)), Task.Run(() => b.RunNextAsync(CancellationToken.None)));
            Assert.Equal(1, claimed.Count(c => c));
            Assert.Equal(1, TestJob.Runs[id]);
            var job = await JobAsync(id);
            Assert.Equal(JobStatus.Succeeded, job.Status);
            Assert.Equal(1, job.Attempts);
            Assert.Equal(1, job.Done);
        }
    }

    [Fact]
    public async Task A_job_runs_its_statements_with_the_long_job_timeout_and_a_page_keeps_the_default()
    {
        app.SkipIfUnavailable();
        var id = await EnqueueAsync(TestJob.Kind, payload: new TestJob.Payload(0, false));
        Assert.True(await NewInstance().RunNextAsync(CancellationToken.None));
        // Minzheng:Jobs:CommandTimeoutSeconds is not set: one hour (ADR 077); a 7.3 M-people comparison rule needs ~45 s
        Assert.Equal((3600, 3600), TestJob.Timeouts[id]);
        var page = await app.WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<AppDbContext>().Database.GetCommandTimeout()));
        Assert.True(page is null or 30, $"a request's context keeps the default timeout, not {page}");
    }

    [Fact]
    public async Task A_running_job_with_a_live_lease_is_not_taken_by_another_instance()
    {
        app.SkipIfUnavailable();
        var id = await EnqueueAsync(TestJob.Kind, payload: new TestJob.Payload(60_000, false));
        var owner = NewInstance();
        using var stop = new CancellationTokenSource();
        var running = Task.Run(() => owner.RunNextAsync(stop.Token));
        await WaitForAsync(id, JobStatus.Running);
        // while the owner renews its lease, the other instance finds nothing claimable
        await Task.Delay(JobWorker.Renewal * 2);
        Assert.False(await NewInstance().RunNextAsync(CancellationToken.None));
        Assert.Equal(1, TestJob.Runs[id]);
        await stop.CancelAsync(); // the owner shuts down: it gives the lease back
        await running;
        var job = await JobAsync(id);
        Assert.Equal(JobStatus.Running, job.Status);
        Assert.True(job.LeaseExpiresAt <= Now);
        // the next instance resumes it (the test kind is declared Resume) and it finishes
        await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Jobs.Where(j => j.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.PayloadJson, """{"delayMs":10,"fail":false}""")));
        Assert.True(await NewInstance().RunNextAsync(CancellationToken.None));
        job = await JobAsync(id);
        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Equal(2, job.Attempts);
    }

    [Fact]
    public async Task A_payroll_generation_cut_off_by_a_dead_instance_is_resumed_with_no_line_missing_or_twice()
    {
        app.SkipIfUnavailable();
        const string county = "450923000000"; // 博白县
        var villages = await app.WithServicesAsync(sp =>
        {
            var divisions = sp.GetRequiredService<DivisionDirectory>();
            var byTownship = divisions.Descendants(county, DivisionLevel.Village).GroupBy(v => v.ParentCode).Select(g => g.Select(v => v.Code).ToList()).ToList();
            var spread = Enumerable.Range(0, byTownship.Max(v => v.Count)).SelectMany(i => byTownship.Where(v => i < v.Count).Select(v => v[i]));
            return Task.FromResult(spread.Take(40).ToList());
        });
        var expected = new List<Guid>();
        var month = new DateOnly(Now.Year, Now.Month, 1).AddMonths(1);
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var protector = sp.GetRequiredService<Web.Platform.Crypto.IdentifierProtector>();
            var entitlements = sp.GetRequiredService<Entitlements>();
            foreach (var (village, i) in villages.Select((v, i) => (v, i)))
            {
                var person = new Person { Name = $"续跑{i:00}", DivisionCode = village };
                person.SetIdNumber(IdNumber.TryParse(TestIds.Next(), out _)!.Value, protector);
                person.SetBankAccount("广西农村信用社", "62301234567890" + i.ToString("00000", CultureInfo.InvariantCulture), protector);
                db.Persons.Add(person);
                var source = Guid.CreateVersion7();
                expected.Add(source);
                await entitlements.SetAsync(new Entitlements.Payee("dibao", source, $"JQ-{i:000}", person.Id, null, village, 1), month, Money.FromYuan(400 + i), "[]", "测试");
            }
            return await db.SaveChangesAsync();
        });

        // the generation ran on an instance that died after the third township: some lines written, the job left running
        var payrollId = await app.WithServicesAsync(sp => sp.GetRequiredService<PayrollService>().CreateDraftAsync(county, "dibao", month, CancellationToken.None));
        using var cts = new CancellationTokenSource();
        var steps = 0;
        var progress = new SyncProgress(_ =>
        {
            if (++steps == 3) cts.Cancel();
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            app.WithServicesAsync(sp => sp.GetRequiredService<PayrollGenerator>().RunAsync(payrollId, progress, cts.Token)));
        var partial = await CountAsync(payrollId);
        Assert.InRange(partial, 1, expected.Count - 1);
        var jobId = await app.WithServicesAsync(async sp =>
        {
            var job = sp.GetRequiredService<JobQueue>().Enqueue(PayrollJob.Kind, payrollId, uniqueKey: PayrollJob.KeyOf(payrollId));
            await sp.GetRequiredService<AppDbContext>().SaveChangesAsync();
            return job.Id;
        });
        await KillMidRunAsync(jobId);

        // a new instance resumes it: exactly the missing lines are added
        Assert.True(await NewInstance().RunNextAsync(CancellationToken.None));
        var finished = await JobAsync(jobId);
        Assert.Equal(JobStatus.Succeeded, finished.Status);
        Assert.Equal(2, finished.Attempts);
        var sources = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<PayrollLine>().Where(l => l.PayrollId == payrollId).Select(l => l.SourceId).ToListAsync());
        Assert.Equal(expected.Order(), sources.Order());
        var payroll = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<Payroll>().AsNoTracking().FirstAsync(p => p.Id == payrollId));
        Assert.Equal(PayrollStatus.Generated, payroll.Status);
        Assert.Equal(expected.Count, payroll.LineCount);
        Assert.Equal(Enumerable.Range(0, 40).Sum(i => (400 + i) * 100L), payroll.TotalFen);
        // and nothing is left to claim
        Assert.False(await NewInstance().RunNextAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_payroll_generation_is_queued_with_the_payroll_and_can_be_stopped_and_continued()
    {
        app.SkipIfUnavailable();
        const string county = "450921000000"; // 容县
        var officer = await app.ClientAsync("rongxian.officer");
        var today = app.Services.GetRequiredService<BusinessClock>().Today;
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        var created = await officer.PostAsJsonAsync("/api/v1/payments/payrolls", new { divisionCode = county, program = "extreme-poverty", month, kind = "regular" });
        Assert.True(created.StatusCode == HttpStatusCode.Accepted, await created.Content.ReadAsStringAsync());
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();

        // the job was written with the payroll, as the officer; this fixture's own worker is off, so it waits
        var job = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Jobs.AsNoTracking().SingleAsync(j => j.SubjectId == id));
        Assert.Equal((PayrollJob.Kind, JobStatus.Queued, "rongxian.officer", county), (job.Kind, job.Status, job.CreatedBy, job.DivisionCode));
        var progress = await officer.GetJsonAsync($"/api/v1/payments/payrolls/{id}/progress");
        Assert.True(progress.GetProperty("running").GetBoolean());
        Assert.False(progress.GetProperty("done").GetBoolean());
        Assert.Equal("排队等待", progress.GetProperty("step").GetString());
        var payroll = await officer.GetJsonAsync($"/api/v1/payments/payrolls/{id}");
        await officer.PostAsJsonAsync($"/api/v1/payments/payrolls/{id}/regenerate", new { version = payroll.GetProperty("version").GetInt32() })
            .ExpectProblemAsync(409, "generation_running");

        // stopped: the job is cancelled and the payroll says how to continue
        var stop = await officer.PostAsync($"/api/v1/payments/payrolls/{id}/stop", null);
        Assert.True((await stop.JsonAsync()).GetProperty("stopped").GetBoolean());
        Assert.Equal(JobStatus.Cancelled, (await JobAsync(job.Id)).Status);
        progress = await officer.GetJsonAsync($"/api/v1/payments/payrolls/{id}/progress");
        Assert.True(progress.GetProperty("done").GetBoolean());
        Assert.StartsWith("生成已停止", progress.GetProperty("message").GetString());
        Assert.False((await (await officer.PostAsync($"/api/v1/payments/payrolls/{id}/stop", null)).JsonAsync()).GetProperty("stopped").GetBoolean());

        // continued: queued again, and an instance generates it as the officer
        payroll = await officer.GetJsonAsync($"/api/v1/payments/payrolls/{id}");
        var again = await officer.PostAsJsonAsync($"/api/v1/payments/payrolls/{id}/regenerate", new { version = payroll.GetProperty("version").GetInt32() });
        Assert.True(again.StatusCode == HttpStatusCode.Accepted, await again.Content.ReadAsStringAsync());
        Assert.True(await NewInstance().RunNextAsync(CancellationToken.None));
        payroll = await officer.GetJsonAsync($"/api/v1/payments/payrolls/{id}");
        Assert.Equal("generated", payroll.GetProperty("status").GetString());
        Assert.True(payroll.GetProperty("progress").GetProperty("done").GetBoolean());
        var jobs = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Jobs.AsNoTracking().Where(j => j.SubjectId == id).OrderBy(j => j.CreatedAt).ThenBy(j => j.Id).ToListAsync());
        Assert.Equal([JobStatus.Cancelled, JobStatus.Succeeded], jobs.Select(j => j.Status));
    }

    [Fact]
    public async Task An_import_cut_off_by_a_dead_instance_is_marked_failed_with_a_clear_message()
    {
        app.SkipIfUnavailable();
        var batchId = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var batch = new ImportBatch
            {
                Kind = PersonImport.KindCode,
                FileId = Guid.CreateVersion7(),
                FileName = "中断.csv",
                DivisionCode = "450921000000",
                CreatedBy = "rongxian.clerk",
                Status = ImportStatus.Committing,
                TotalRows = 10,
            };
            db.ImportBatches.Add(batch);
            await db.SaveChangesAsync();
            return batch.Id;
        });
        var jobId = await EnqueueAsync(ImportJob.Kind, batchId, new ImportJob.Payload(Commit: true));
        await KillMidRunAsync(jobId);

        Assert.True(await NewInstance().RunNextAsync(CancellationToken.None));
        var job = await JobAsync(jobId);
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal(ImportJob.InterruptedMessage, job.Error);
        Assert.Contains("应用重启，导入已中断", job.Error);
        var batch = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().ImportBatches.AsNoTracking().FirstAsync(b => b.Id == batchId));
        Assert.Equal(ImportStatus.Failed, batch.Status);
        Assert.Equal(ImportJob.InterruptedMessage, batch.Message);
        Assert.Equal(0, batch.CommittedRows);
    }

    [Fact]
    public async Task A_queued_job_is_cancelled_at_once_and_a_running_one_stops_on_another_instance()
    {
        app.SkipIfUnavailable();
        var admin = await app.ClientAsync("admin");

        var queued = await EnqueueAsync(TestJob.Kind, payload: new TestJob.Payload(10, false));
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync($"/api/v1/jobs/{queued}/cancel", null)).StatusCode);
        Assert.Equal(JobStatus.Cancelled, (await JobAsync(queued)).Status);
        Assert.Equal(JobStopReason.Cancelled, TestJob.Stops[queued]);
        Assert.False(TestJob.Runs.ContainsKey(queued));
        Assert.False(await NewInstance().RunNextAsync(CancellationToken.None));

        // running on an instance other than the one that takes the request: it stops at its next lease renewal
        var running = await EnqueueAsync(TestJob.Kind, payload: new TestJob.Payload(120_000, false));
        var task = Task.Run(() => NewInstance().RunNextAsync(CancellationToken.None));
        await WaitForAsync(running, JobStatus.Running);
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync($"/api/v1/jobs/{running}/cancel", null)).StatusCode);
        var stopped = await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(30)));
        Assert.Same(task, stopped);
        var job = await JobAsync(running);
        Assert.Equal(JobStatus.Cancelled, job.Status);
        Assert.Equal(JobStopReason.Cancelled, TestJob.Stops[running]);
        // an ended job cannot be cancelled again
        await (await admin.PostAsync($"/api/v1/jobs/{running}/cancel", null)).ExpectProblemAsync(409, "job_not_active");
    }

    [Fact]
    public async Task The_administrators_page_and_api_list_a_failed_job()
    {
        app.SkipIfUnavailable();
        var id = await EnqueueAsync(TestJob.Kind, payload: new TestJob.Payload(10, true));
        Assert.True(await NewInstance().RunNextAsync(CancellationToken.None));
        var job = await JobAsync(id);
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal(TestJob.FailureText, job.Error);
        Assert.Equal(JobStopReason.Failed, TestJob.Stops[id]);

        var admin = await app.ClientAsync("admin");
        var html = await admin.GetStringAsync("/admin/jobs?status=Failed");
        Assert.Contains("后台任务", html);
        Assert.Contains(TestJob.FailureText, html);
        Assert.Contains("测试任务", html);

        var list = await admin.GetJsonAsync("/api/v1/jobs?status=failed&page=1&pageSize=1");
        Assert.True(list.GetProperty("total").GetInt32() >= 1);
        var item = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal("failed", item.GetProperty("status").GetString());
        await (await admin.GetAsync("/api/v1/jobs?status=exploded")).ExpectProblemAsync(400, "validation_failed");

        // not for a county officer
        var officer = await app.ClientAsync("rongxian.officer");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/v1/jobs")).StatusCode);
    }

    [Fact]
    public async Task A_periodic_sweep_is_queued_once_and_run_by_one_instance_at_a_time()
    {
        app.SkipIfUnavailable();
        var a = NewInstance();
        var b = NewInstance();
        await Task.WhenAll(Task.Run(() => a.ScheduleRecurringAsync(CancellationToken.None)), Task.Run(() => b.ScheduleRecurringAsync(CancellationToken.None)));
        var sweeps = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Jobs.AsNoTracking().Where(j => j.Kind == ChildAllowanceSweep.Kind).ToListAsync());
        var first = Assert.Single(sweeps);
        Assert.Equal(JobStatus.Queued, first.Status);
        Assert.True(first.RunAfter > Now, "the first sweep waits for start-up to finish");
        Assert.False(await a.RunNextAsync(CancellationToken.None));

        await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Jobs.Where(j => j.Id == first.Id).ExecuteUpdateAsync(s => s.SetProperty(j => j.RunAfter, Now.AddSeconds(-1))));
        var claimed = await Task.WhenAll(Task.Run(() => a.RunNextAsync(CancellationToken.None)), Task.Run(() => b.RunNextAsync(CancellationToken.None)));
        Assert.Equal(1, claimed.Count(c => c));
        sweeps = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Jobs.AsNoTracking().Where(j => j.Kind == ChildAllowanceSweep.Kind).ToListAsync());
        Assert.Equal(2, sweeps.Count);
        // by id, not by creation time: the fake clock gives both the same instant, and PostgreSQL may return either first
        Assert.Equal(JobStatus.Succeeded, sweeps.Single(j => j.Id == first.Id).Status);
        // the next occurrence, six hours on
        var next = sweeps.Single(j => j.Id != first.Id);
        Assert.Equal(JobStatus.Queued, next.Status);
        Assert.True(next.RunAfter >= Now + ChildAllowanceSweep.Every - TimeSpan.FromMinutes(1));
    }

    private async Task WaitForAsync(Guid id, JobStatus status)
    {
        for (var i = 0; i < 200 && (await JobAsync(id)).Status != status; i++) await Task.Delay(50);
        Assert.Equal(status, (await JobAsync(id)).Status);
    }

    private Task<int> CountAsync(Guid payrollId) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<PayrollLine>().CountAsync(l => l.PayrollId == payrollId));

    private sealed class SyncProgress(Action<GenerationProgress> report) : IProgress<GenerationProgress>
    {
        public void Report(GenerationProgress value) => report(value);
    }
}

/// <summary>The application with its own worker off and the test job kind declared.</summary>
public sealed class JobsSqliteApp : SqliteApp
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => [new("Minzheng:Jobs:Worker", "false")];

    protected override void ConfigureServices(IServiceCollection services) => services.AddJobKind<TestJob>(TestJob.Kind, "测试任务", RestartPolicy.Resume);
}

public sealed class JobsPostgresApp : PostgresApp
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => [new("Minzheng:Jobs:Worker", "false")];

    protected override void ConfigureServices(IServiceCollection services) => services.AddJobKind<TestJob>(TestJob.Kind, "测试任务", RestartPolicy.Resume);
}

public sealed class JobQueueTestsOnSqlite(JobsSqliteApp app) : JobQueueTests(app), IClassFixture<JobsSqliteApp>;

public sealed class JobQueueTestsOnPostgres(JobsPostgresApp app) : JobQueueTests(app), IClassFixture<JobsPostgresApp>;

using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Workflow;
using Npgsql;

namespace Minzheng.Tests.Workflow;

/// <summary>
/// The K11Process data migration: a database at K11Kernel, filled in the old shape (disability applications with their JSON
/// opinions at several steps — agreed, refused, suspended, stopped by the county without a line, stopped by a death and
/// restored — and child allowance cases with their per-step columns), is upgraded: each has a workflow case in its current
/// state whose timeline holds exactly the old dates, users and opinions in the old order, and the old columns are gone.
/// </summary>
public abstract class ProcessUpgradeTests
{
    private const string Previous = "K11Kernel";
    private const string Village = "450921100003";
    private const string Unrecorded = "（原记录未载）";

    protected abstract bool IsSqlite { get; }

    protected abstract (string? ConnectionString, string? SkipReason) NewDatabase();

    protected abstract AppDbContext Create(string connectionString);

    protected abstract Task DropAsync(string connectionString);

    /// <summary>One expected timeline event: the China date, the actor, the action, the opinion and the state it led to.</summary>
    private sealed record Step(string Day, string Actor, string Action, string? Opinion, string ToState);

    private sealed record Subsidy(Guid Id, int Status, string[] Opinions, string? RefusalReason, string? EndNote, DateTime CreatedAt, DateTime UpdatedAt, string State, Step[] Expected);

    private sealed record ChildCase(Guid Id, int Status, string? ReviewedBy, string? ReviewedOn, string? ReviewOpinion, string? ConfirmedBy, string? ConfirmedOn,
        string? RefusalReason, string? EndNote, DateTime CreatedAt, DateTime UpdatedAt, string State, Step[] Expected);

    private static DateTime Utc(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, DateTimeKind.Utc);

    private static readonly Step Applied = new("2026-11-02", "rongzhou.clerk", "start", null, "applied");

    private static readonly string[] Chain =
    [
        "村级核实（2026-11-02 rongzhou.clerk）：同意，属实",
        "乡镇审核（2026-11-04 rongzhou.approver）：同意，符合条件",
        "县残联审核（2026-11-09 rongxian.dpf）：同意，三代证有效",
        "县民政审批（2026-11-10 rongxian.officer）：同意，批准",
    ];

    private static readonly Step[] ChainSteps =
    [
        new("2026-11-02", "rongzhou.clerk", "village-check", "属实", "village_checked"),
        new("2026-11-04", "rongzhou.approver", "township-review", "符合条件", "township_reviewed"),
        new("2026-11-09", "rongxian.dpf", "verify", "三代证有效", "verified"),
        new("2026-11-10", "rongxian.officer", "approve", "批准", "approved"),
    ];

    private static List<Subsidy> Subsidies() =>
    [
        new(Guid.CreateVersion7(), 5, Chain, null, null, Utc(11, 2, 1), Utc(11, 10, 3), "approved", [Applied, .. ChainSteps]),
        new(Guid.CreateVersion7(), 6, [Chain[0], "乡镇审核（2026-11-05 rongzhou.approver）：不同意，家庭已纳入特困供养"], "乡镇审核：家庭已纳入特困供养", null,
            Utc(11, 2, 1), Utc(11, 5, 2), "refused",
            [Applied, ChainSteps[0], new("2026-11-05", "rongzhou.approver", "refuse", "家庭已纳入特困供养", "refused")]),
        // the county's own 停发 wrote no line: the closing step comes from end_note at the row's last change
        new(Guid.CreateVersion7(), 7, Chain, null, "该户 2026-11-10 退出低保", Utc(11, 2, 1), Utc(11, 20, 6), "terminated",
            [Applied, .. ChainSteps, new("2026-11-20", Unrecorded, "terminate", "该户 2026-11-10 退出低保", "terminated")]),
        new(Guid.CreateVersion7(), 8, [.. Chain, "暂停发放（2026-11-21 yangmei.clerk）：证件注销（依据：数据比对 #7），发放至 2026年11月"], null, "证件注销（依据：数据比对 #7）",
            Utc(11, 2, 1), Utc(11, 21, 2), "suspended",
            [Applied, .. ChainSteps, new("2026-11-21", "yangmei.clerk", "suspend", "证件注销（依据：数据比对 #7），发放至 2026年11月", "suspended")]),
        new(Guid.CreateVersion7(), 1, [], null, null, Utc(11, 2, 1), Utc(11, 2, 1), "applied", [Applied]),
        new(Guid.CreateVersion7(), 5,
            [.. Chain, "停发（2026-11-24 admin）：2026-11-05 死亡（人员登记记载），发放至 2026年11月", "撤销 2026-11-05 的死亡登记（2026-11-25 rongxian.officer）：恢复发放，2026年12月起的月份照发"],
            null, null, Utc(11, 2, 1), Utc(11, 25, 2), "approved",
            [Applied, .. ChainSteps, new("2026-11-24", "admin", "terminate", "2026-11-05 死亡（人员登记记载），发放至 2026年11月", "terminated"),
                new("2026-11-25", "rongxian.officer", "reopen", "恢复发放，2026年12月起的月份照发", "approved")]),
    ];

    private static readonly Step ChildApplied = new("2026-11-02", "rongzhou.clerk", "start", null, "applied");

    private static List<ChildCase> Children() =>
    [
        new(Guid.CreateVersion7(), 3, "rongzhou.approver", "2026-11-03", "情况属实", "rongxian.officer", "2026-11-12", null, null, Utc(11, 2, 1), Utc(11, 12, 2), "confirmed",
            [ChildApplied, new("2026-11-03", "rongzhou.approver", "review", "情况属实", "township_reviewed"), new("2026-11-12", "rongxian.officer", "confirm", null, "confirmed")]),
        new(Guid.CreateVersion7(), 4, "rongzhou.approver", "2026-11-04", "母亲已恢复联系", null, null, "母亲已恢复联系", null, Utc(11, 2, 1), Utc(11, 4, 2), "refused",
            [ChildApplied, new("2026-11-04", "rongzhou.approver", "refuse-review", "母亲已恢复联系", "refused")]),
        new(Guid.CreateVersion7(), 4, "rongzhou.approver", "2026-11-03", "同意", "rongxian.officer", "2026-11-13", "父亲刑满释放", null, Utc(11, 2, 1), Utc(11, 13, 2), "refused",
            [ChildApplied, new("2026-11-03", "rongzhou.approver", "review", "同意", "township_reviewed"), new("2026-11-13", "rongxian.officer", "refuse-confirm", "父亲刑满释放", "refused")]),
        new(Guid.CreateVersion7(), 5, "rongzhou.approver", "2026-11-03", "同意", "rongxian.officer", "2026-11-12", null, "2026-11-20 办理收养登记", Utc(11, 2, 1), Utc(11, 22, 2), "ended",
            [ChildApplied, new("2026-11-03", "rongzhou.approver", "review", "同意", "township_reviewed"), new("2026-11-12", "rongxian.officer", "confirm", null, "confirmed"),
                new("2026-11-22", Unrecorded, "end", "2026-11-20 办理收养登记", "ended")]),
        new(Guid.CreateVersion7(), 4, null, null, null, null, null, "儿童于 2026-11-06 死亡，终止办理", null, Utc(11, 2, 1), Utc(11, 6, 2), "refused",
            [ChildApplied, new("2026-11-06", Unrecorded, "close-on-death", "儿童于 2026-11-06 死亡，终止办理", "refused")]),
        new(Guid.CreateVersion7(), 1, null, null, null, null, null, null, null, Utc(11, 2, 1), Utc(11, 2, 1), "applied", [ChildApplied]),
    ];

    [Fact]
    public async Task Upgrading_turns_opinions_and_step_columns_into_timelines_with_their_dates_users_and_order()
    {
        var (cs, skip) = NewDatabase();
        Assert.SkipWhen(cs is null, skip ?? "");
        var ct = TestContext.Current.CancellationToken;
        try
        {
            var subsidies = Subsidies();
            var children = Children();
            await using (var db = Create(cs!))
            {
                await db.GetService<IMigrator>().MigrateAsync(Previous, ct);
                var conn = db.Database.GetDbConnection();
                await conn.OpenAsync(ct);
                var i = 0;
                foreach (var s in subsidies) await InsertSubsidyAsync(conn, s, ++i);
                foreach (var c in children) await InsertChildAsync(conn, c, ++i);
            }

            await using (var db = Create(cs!))
            {
                await db.Database.MigrateAsync(ct);
                Assert.Empty(await db.Database.GetPendingMigrationsAsync(ct));
                var cases = await db.WorkflowCases.IgnoreQueryFilters().AsNoTracking().Include(c => c.Events).ToListAsync(ct);
                Assert.Equal(subsidies.Count + children.Count, cases.Count);
                foreach (var (id, state, expected, process, closed) in subsidies.Select(s => (s.Id, s.State, s.Expected, "disability-subsidy", s.Status is 6 or 7))
                             .Concat(children.Select(c => (c.Id, c.State, c.Expected, "child-allowance", c.Status is 4 or 5))))
                {
                    var wf = Assert.Single(cases, c => c.SubjectId == id);
                    Assert.Equal((process, process, 1, state, closed), (wf.ProcessCode, wf.SubjectType, wf.ProcessVersion, wf.State, wf.ClosedAt is not null));
                    var timeline = wf.Events.OrderBy(e => e.At).ThenBy(e => e.Id).ToList();
                    var actual = timeline.Select(e => new Step(DateOnly.FromDateTime(BusinessClock.ToChina(e.At)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.ActorName, e.Action, e.Opinion, e.ToState)).ToList();
                    Assert.Equal(expected, actual);
                    // each event starts where the previous one ended
                    Assert.Null(timeline[0].FromState);
                    for (var k = 1; k < timeline.Count; k++) Assert.Equal(timeline[k - 1].ToState, timeline[k].FromState);
                }

                // the old columns are gone
                var conn = db.Database.GetDbConnection();
                await conn.OpenAsync(ct);
                await using var cmd = conn.CreateCommand();
                cmd.CommandText = IsSqlite
                    ? "SELECT count(*) FROM pragma_table_info('disability_subsidy') WHERE name = 'opinions' UNION ALL SELECT count(*) FROM pragma_table_info('child_allowance_case') WHERE name IN ('reviewed_by', 'reviewed_on', 'review_opinion', 'confirmed_by', 'confirmed_on')"
                    : "SELECT count(*) FROM information_schema.columns WHERE (table_name = 'disability_subsidy' AND column_name = 'opinions') OR (table_name = 'child_allowance_case' AND column_name IN ('reviewed_by', 'reviewed_on', 'review_opinion', 'confirmed_by', 'confirmed_on'))";
                await using var reader = await cmd.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct)) Assert.Equal(0L, Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            await DropAsync(cs!);
        }
    }

    private object Id(Guid id) => IsSqlite ? id.ToString().ToUpperInvariant() : id;

    private object Time(DateTime t) => IsSqlite ? t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : t;

    private object? Day(string? day) => day is null ? null : IsSqlite ? day : DateOnly.Parse(day, CultureInfo.InvariantCulture);

    private Task InsertSubsidyAsync(DbConnection conn, Subsidy s, int n) => InsertAsync(conn, "disability_subsidy",
    [
        ("id", Id(s.Id)), ("number", $"CH450921100-2026-{n:0000}"), ("subsidy", 2), ("channel", 3), ("status", s.Status), ("person_id", Id(Guid.CreateVersion7())),
        ("division_code", Village), ("low_income", false), ("work_injury_care_allowance", false), ("other_living_allowance", 0m), ("other_care_allowance", 0m),
        ("applied_on", Day("2026-11-02")), ("applied_by", "rongzhou.clerk"),
        ("opinions", System.Text.Json.JsonSerializer.Serialize(s.Opinions, Minzheng.Web.Platform.Audit.AuditRecorder.Json)),
        ("refusal_reason", s.RefusalReason), ("monthly_amount_fen", 8000L), ("end_note", s.EndNote), ("version", 3), ("created_at", Time(s.CreatedAt)), ("updated_at", Time(s.UpdatedAt)),
    ]);

    private Task InsertChildAsync(DbConnection conn, ChildCase c, int n) => InsertAsync(conn, "child_allowance_case",
    [
        ("id", Id(c.Id)), ("number", $"GE450921100-2026-{n:0000}"), ("kind", 1), ("status", c.Status), ("child_person_id", Id(Guid.CreateVersion7())), ("division_code", Village),
        ("father_situation", 1), ("mother_situation", 1), ("placement", 2), ("guardian_name", "甘大山"), ("guardian_relation", "祖父"), ("in_full_time_education", false),
        ("applied_on", Day("2026-11-02")), ("applied_by", "rongzhou.clerk"), ("reviewed_by", c.ReviewedBy), ("reviewed_on", Day(c.ReviewedOn)), ("review_opinion", c.ReviewOpinion),
        ("confirmed_by", c.ConfirmedBy), ("confirmed_on", Day(c.ConfirmedOn)), ("refusal_reason", c.RefusalReason), ("monthly_amount_fen", 0L), ("end_note", c.EndNote),
        ("version", 2), ("created_at", Time(c.CreatedAt)), ("updated_at", Time(c.UpdatedAt)),
    ]);

    /// <summary>One row in the shape its table had at K11Kernel (plain SQL: the entities of that shape are gone).</summary>
    private static async Task InsertAsync(DbConnection conn, string table, List<(string Name, object? Value)> columns)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Name))}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        foreach (var (c, i) in columns.Select((c, i) => (c, i)))
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "p" + i;
            p.Value = c.Value ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }
        await cmd.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}

public sealed class ProcessUpgradeTestsOnSqlite : ProcessUpgradeTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "minzheng-tests", Guid.NewGuid().ToString("N"));

    protected override bool IsSqlite => true;

    protected override (string?, string?) NewDatabase()
    {
        Directory.CreateDirectory(_folder);
        return ($"Data Source={Path.Combine(_folder, "upgrade.db")}", null);
    }

    protected override AppDbContext Create(string connectionString)
    {
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>();
        DbContextSetup.Configure(options, DatabaseProvider.Sqlite, connectionString);
        return new SqliteAppDbContext(options.Options, new SystemUser("test"), TimeProvider.System);
    }

    protected override Task DropAsync(string connectionString)
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
        return Task.CompletedTask;
    }
}

public sealed class ProcessUpgradeTestsOnPostgres : ProcessUpgradeTests
{
    protected override bool IsSqlite => false;

    protected override (string?, string?) NewDatabase()
    {
        var cs = Environment.GetEnvironmentVariable(AppFixture.PostgresVariable);
        if (string.IsNullOrWhiteSpace(cs)) return (null, $"PostgreSQL 不可用：未设置环境变量 {AppFixture.PostgresVariable}");
        return (new NpgsqlConnectionStringBuilder(cs) { Database = "minzheng_u_" + Guid.NewGuid().ToString("N")[..12] }.ConnectionString, null);
    }

    protected override AppDbContext Create(string connectionString)
    {
        var options = new DbContextOptionsBuilder<PostgresAppDbContext>();
        DbContextSetup.Configure(options, DatabaseProvider.Postgres, connectionString);
        return new PostgresAppDbContext(options.Options, new SystemUser("test"), TimeProvider.System);
    }

    protected override Task DropAsync(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        var name = b.Database!;
        b.Database = "postgres";
        return PostgresApp.DropAsync(b.ConnectionString, name);
    }
}

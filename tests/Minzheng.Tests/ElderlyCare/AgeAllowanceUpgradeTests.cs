using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.ElderlyCare.AgeAllowance;
using Minzheng.Web.Modules.ElderlyCare.StarRating;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;
using Npgsql;

namespace Minzheng.Tests.ElderlyCare;

/// <summary>
/// The K13Processes data migration (ADR 035): a database at K13Elders with 高龄津贴 rows in every status — a candidate, one
/// confirmed, one refused by the township, a candidate closed by a death, one stopped by a death — is upgraded: each row has its
/// workflow case (id = the row's id) in the state its status held, closed where final, with a timeline of the run, the
/// township's decision on its day by its user with its reason, and the death step; each event starts where the one before ended.
/// The same migration gives each star rating its case: an open application waits for scores, a rated one is published.
/// </summary>
public abstract class AgeAllowanceUpgradeTests
{
    private const string Previous = "K13Elders";
    private const string Village = "450921100003";
    private const string Unrecorded = "（原记录未载）";

    protected abstract (string? ConnectionString, string? SkipReason) NewDatabase();

    protected abstract AppDbContext Create(string connectionString);

    protected abstract Task DropAsync(string connectionString);

    private sealed record Step(string Day, string Actor, string Action, string? Opinion, string ToState);

    private sealed record Row(AgeAllowanceStatus Status, string? DecidedBy, DateOnly? DecidedOn, string? RefusalReason, DateOnly? LastMonth, string State, Step[] Expected);

    private static readonly Step Found = new("2026-11-02", Unrecorded, "start", "2026年11月名单筛选", "candidate");

    private static List<Row> Rows() =>
    [
        new(AgeAllowanceStatus.Candidate, null, null, null, null, "candidate", [Found]),
        new(AgeAllowanceStatus.Confirmed, "rongzhou.clerk", new(2026, 11, 5), null, null, "granted",
            [Found, new("2026-11-05", "rongzhou.clerk", "confirm", null, "granted")]),
        new(AgeAllowanceStatus.Refused, "rongzhou.clerk", new(2026, 11, 6), "户籍已迁出本县", null, "refused",
            [Found, new("2026-11-06", "rongzhou.clerk", "refuse", "户籍已迁出本县", "refused")]),
        new(AgeAllowanceStatus.Refused, null, null, "2026-11-09 死亡（人员登记记载），不予确认", null, "refused",
            [Found, new("2026-11-20", Unrecorded, "close-on-death", "2026-11-09 死亡（人员登记记载），不予确认", "refused")]),
        new(AgeAllowanceStatus.Stopped, "rongzhou.approver", new(2026, 11, 4), null, new(2026, 11, 1), "stopped",
            [Found, new("2026-11-04", "rongzhou.approver", "confirm", null, "granted"), new("2026-11-20", Unrecorded, "stop-on-death", "发放至 2026年11月", "stopped")]),
    ];

    [Fact]
    public async Task Upgrading_gives_every_allowance_row_its_workflow_case_and_timeline()
    {
        var (cs, skip) = NewDatabase();
        Assert.SkipWhen(cs is null, skip ?? "");
        var ct = TestContext.Current.CancellationToken;
        try
        {
            var rows = Rows();
            var ids = new List<Guid>();
            List<Guid> stars = [];
            await using (var db = Create(cs!))
            {
                await db.GetService<IMigrator>().MigrateAsync(Previous, ct);
                // this migration changes no table, so the current entities still have the shape of K13Elders — except the
                // person's marital status (K15): lend the old table that column while the test writes its people, then take it
                // back so that K15 adds it as it does on a real upgrade
                await db.Database.ExecuteSqlRawAsync("ALTER TABLE registry_person ADD COLUMN marital_status integer NOT NULL DEFAULT 90", ct);
                var n = 0;
                foreach (var r in rows)
                {
                    var person = new Person { Name = "老人" + ++n, BirthDate = new DateOnly(1940, 3, n), DivisionCode = Village };
                    db.Persons.Add(person);
                    var g = new AgeAllowanceGrant
                    {
                        Number = $"GL450921-2026-{n:00000}",
                        PersonId = person.Id,
                        PersonName = person.Name,
                        BirthDate = person.BirthDate,
                        DivisionCode = Village,
                        FoundMonth = new DateOnly(2026, 11, 1),
                        Status = r.Status,
                        BandMinAge = 80,
                        MonthlyAmount = Web.Platform.Money.Money.FromYuan(50m),
                        Explanation = "[]",
                        RefusalReason = r.RefusalReason,
                        DecidedBy = r.DecidedBy,
                        DecidedOn = r.DecidedOn,
                        LastMonth = r.LastMonth,
                    };
                    db.Add(g);
                    ids.Add(g.Id);
                }
                // two star ratings: one open, one rated (then published at once) on 18 November
                StarRatingRecord Star(int k, StarRatingState state) => new()
                {
                    Number = $"XJ450921-2026-{k:0000}",
                    OrganizationId = Guid.NewGuid(),
                    HomeName = "福寿养老院" + k,
                    DivisionCode = Village,
                    AppliedOn = new DateOnly(2026, 11, 2),
                    AppliedLevel = 3,
                    SelfEnvironment = 80,
                    SelfFacilities = 90,
                    SelfManagement = 100,
                    SelfService = 400,
                    SelfLevel = 3,
                    State = state,
                    AppliedBy = "rongxian.officer",
                };
                var open = Star(1, StarRatingState.Applied);
                var rated = Star(2, StarRatingState.Published);
                (rated.Environment, rated.Facilities, rated.Management, rated.Service, rated.Total, rated.Level, rated.Experts, rated.RatedOn, rated.ValidUntil) =
                    (110, 112, 118, 460, 800, 3, "专家甲、专家乙", new DateOnly(2026, 11, 18), new DateOnly(2029, 11, 17));
                db.AddRange(open, rated);
                stars = [open.Id, rated.Id];
                await db.SaveChangesAsync(ct);
                await db.Database.ExecuteSqlRawAsync("ALTER TABLE registry_person DROP COLUMN marital_status", ct);
                await db.Set<StarRatingRecord>().Where(r => stars.Contains(r.Id)).ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.CreatedAt, new DateTime(2026, 11, 2, 1, 0, 0, DateTimeKind.Utc)), ct);
                // the rows' own times: found on 2 November (China), last changed on 20 November
                foreach (var id in ids)
                {
                    await db.Set<AgeAllowanceGrant>().Where(g => g.Id == id).ExecuteUpdateAsync(s => s
                        .SetProperty(g => g.CreatedAt, new DateTime(2026, 11, 2, 1, 0, 0, DateTimeKind.Utc))
                        .SetProperty(g => g.UpdatedAt, new DateTime(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc)), ct);
                }
            }

            await using (var db = Create(cs!))
            {
                await db.Database.MigrateAsync(ct);
                Assert.Empty(await db.Database.GetPendingMigrationsAsync(ct));
                var cases = await db.WorkflowCases.IgnoreQueryFilters().AsNoTracking().Include(c => c.Events).Where(c => c.ProcessCode == AgeAllowanceProcess.Code).ToListAsync(ct);
                Assert.Equal(rows.Count, cases.Count);
                foreach (var (r, id) in rows.Zip(ids))
                {
                    var wf = Assert.Single(cases, c => c.SubjectId == id);
                    Assert.Equal((id, AgeAllowanceProcess.SubjectType, 1, r.State, r.Status is AgeAllowanceStatus.Refused or AgeAllowanceStatus.Stopped),
                        (wf.Id, wf.SubjectType, wf.ProcessVersion, wf.State, wf.ClosedAt is not null));
                    Assert.StartsWith("高龄津贴 GL450921-2026-", wf.Title, StringComparison.Ordinal);
                    var timeline = wf.Events.OrderBy(e => e.At).ThenBy(e => e.Id).ToList();
                    var actual = timeline.Select(e => new Step(DateOnly.FromDateTime(BusinessClock.ToChina(e.At)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.ActorName, e.Action, e.Opinion, e.ToState)).ToList();
                    Assert.Equal(r.Expected, actual);
                    Assert.Null(timeline[0].FromState);
                    for (var k = 1; k < timeline.Count; k++) Assert.Equal(timeline[k - 1].ToState, timeline[k].FromState);
                    // every state the migration writes is one of the process's, and the status column agrees with it
                    Assert.Equal(r.Status, AgeAllowanceProcess.StatusOf(wf.State));
                }

                // the star ratings: the open one waits for scores, the rated one is closed as published with its timeline
                var starCases = await db.WorkflowCases.IgnoreQueryFilters().AsNoTracking().Include(c => c.Events).Where(c => c.ProcessCode == StarRatingProcess.Code).ToListAsync(ct);
                var openCase = Assert.Single(starCases, c => c.Id == stars[0]);
                Assert.Equal(("applied", false), (openCase.State, openCase.ClosedAt is not null));
                Assert.Equal(["start"], openCase.Events.Select(e => e.Action));
                var ratedCase = Assert.Single(starCases, c => c.Id == stars[1]);
                Assert.Equal(("published", true), (ratedCase.State, ratedCase.ClosedAt is not null));
                var steps = ratedCase.Events.OrderBy(e => e.At).ThenBy(e => e.Id)
                    .Select(e => (DateOnly.FromDateTime(BusinessClock.ToChina(e.At)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.ActorName, e.Action, e.Opinion, e.ToState)).ToList();
                Assert.Equal([("2026-11-02", "rongxian.officer", "start", (string?)null, "applied"), ("2026-11-18", Unrecorded, "score", "专家甲、专家乙", "scored"),
                    ("2026-11-18", Unrecorded, "publish", null, "published")], steps);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            await DropAsync(cs!);
        }
    }
}

public sealed class AgeAllowanceUpgradeTestsOnSqlite : AgeAllowanceUpgradeTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "minzheng-tests", Guid.NewGuid().ToString("N"));

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

public sealed class AgeAllowanceUpgradeTestsOnPostgres : AgeAllowanceUpgradeTests
{
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

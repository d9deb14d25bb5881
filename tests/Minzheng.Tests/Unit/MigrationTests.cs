using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Tests.Unit;

/// <summary>Every model change must be in both migration sets (SQLite and PostgreSQL).</summary>
public sealed class MigrationTests
{
    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>();
        DbContextSetup.Configure(options, DatabaseProvider.Sqlite, "Data Source=:memory:");
        using var db = new SqliteAppDbContext(options.Options, new SystemUser("test"), TimeProvider.System);
        Assert.False(db.Database.HasPendingModelChanges(), "模型有变更未写入 SQLite 迁移：dotnet ef migrations add … --context SqliteAppDbContext");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void Postgres_migrations_match_the_model()
    {
        var options = new DbContextOptionsBuilder<PostgresAppDbContext>();
        DbContextSetup.Configure(options, DatabaseProvider.Postgres, "Host=localhost;Database=unused");
        using var db = new PostgresAppDbContext(options.Options, new SystemUser("test"), TimeProvider.System);
        Assert.False(db.Database.HasPendingModelChanges(), "模型有变更未写入 PostgreSQL 迁移：dotnet ef migrations add … --context PostgresAppDbContext");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void Both_sets_have_the_same_migrations()
    {
        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[15..]);
        var s = new DbContextOptionsBuilder<SqliteAppDbContext>();
        DbContextSetup.Configure(s, DatabaseProvider.Sqlite, "Data Source=:memory:");
        var p = new DbContextOptionsBuilder<PostgresAppDbContext>();
        DbContextSetup.Configure(p, DatabaseProvider.Postgres, "Host=localhost;Database=unused");
        using var sqlite = new SqliteAppDbContext(s.Options, new SystemUser("test"), TimeProvider.System);
        using var postgres = new PostgresAppDbContext(p.Options, new SystemUser("test"), TimeProvider.System);
        Assert.Equal(Names(sqlite), Names(postgres));
    }
}

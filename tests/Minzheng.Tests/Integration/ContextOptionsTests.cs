using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Tests.Integration;

/// <summary>
/// ADR 080: a request's context reuses options built once, carrying the model built once — EF otherwise rebuilds the options
/// and searches the assembly for a compiled model for every context (docs/benchmarks.md).
/// </summary>
public sealed class ContextOptionsTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Every_request_context_shares_one_set_of_options_that_carries_the_model()
    {
        var (first, firstModel) = await app.WithServicesAsync(sp => Task.FromResult(Options(sp)));
        var (second, secondModel) = await app.WithServicesAsync(sp => Task.FromResult(Options(sp)));
        Assert.Same(first, second);
        var model = first.FindExtension<CoreOptionsExtension>()?.Model;
        Assert.NotNull(model);
        Assert.Same(model, firstModel);
        Assert.Same(model, secondModel);
    }

    private static (DbContextOptions Options, object Model) Options(IServiceProvider sp)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        return (db.GetService<IDbContextOptions>() as DbContextOptions ?? throw new InvalidOperationException("no options"), db.Model);
    }
}

/// <summary>
/// ADR 080 on PostgreSQL: a request's connection prepares the statements it repeats and is not reset; a job's connection
/// prepares nothing (its large set-based statements must not be given a generic plan), for its reads as well.
/// </summary>
public sealed class ConnectionSettingsTestsOnPostgres(PostgresApp app) : IClassFixture<PostgresApp>
{
    [Fact]
    public async Task A_request_prepares_its_repeated_statements_and_a_job_prepares_none()
    {
        var request = await app.WithServicesAsync(sp => Task.FromResult(Settings(sp.GetRequiredService<AppDbContext>())));
        Assert.Equal(64, request.MaxAutoPrepare);
        Assert.True(request.NoResetOnClose);

        var (job, jobReads) = await app.WithServicesAsync(sp =>
        {
            Web.Platform.Jobs.JobWorker.UseJobConnection(sp);
            return Task.FromResult((Settings(sp.GetRequiredService<AppDbContext>()), Settings(sp.GetRequiredService<ReadOnlyDb>().Context)));
        });
        Assert.Equal(0, job.MaxAutoPrepare);
        Assert.Equal(0, jobReads.MaxAutoPrepare);
        // the job's connection is the same database, only unprepared
        Assert.Equal(request.Database, job.Database);

        // and it takes effect: a statement run three times is prepared on a request's connection, never on a job's
        Assert.True(await PreparedAfterRepeatingAsync(job: false) > 0);
        Assert.Equal(0, await PreparedAfterRepeatingAsync(job: true));
    }

    private Task<long> PreparedAfterRepeatingAsync(bool job) => app.WithServicesAsync(async sp =>
    {
        if (job) Web.Platform.Jobs.JobWorker.UseJobConnection(sp);
        var db = sp.GetRequiredService<AppDbContext>();
        await db.Database.OpenConnectionAsync();
        try
        {
            for (var i = 0; i < 3; i++) await db.Set<Web.Platform.Registry.Person>().CountAsync(p => p.Name == "无此人");
            return await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM pg_prepared_statements").SingleAsync();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    });

    private static Npgsql.NpgsqlConnectionStringBuilder Settings(AppDbContext db) => new(db.Database.GetConnectionString());
}

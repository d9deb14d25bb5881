using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Calendar;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Demo;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Platform.Data;

/// <summary>A module's start-up work (its defaults, its demo data), run after the kernel's in <see cref="PlatformInitializer"/>.</summary>
public interface IModuleInitializer
{
    int Order { get; }

    Task InitializeAsync(IServiceProvider services, bool demo, CancellationToken ct);
}

/// <summary>
/// Brings a database to the state this build expects: migrations, key check, reference data (divisions,
/// calendar), roles, process definitions and, in demo mode, demo accounts and population. Each step is
/// skipped when already done, so a second start costs a few small queries.
/// </summary>
public sealed class PlatformInitializer(IServiceScopeFactory scopes, PlatformOptions options, ILogger<PlatformInitializer> log)
{
    public async Task InitializeAsync(bool seedDemo, CancellationToken ct = default)
    {
        using var scope = scopes.CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<CurrentUser>().RunAsSystem("startup");
        var db = sp.GetRequiredService<AppDbContext>();

        if (options.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers continue while a writer commits; the setting persists in the file.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.CloseConnectionAsync();
        }
        await db.Database.MigrateAsync(ct);
        if (options.ReadConnectionString is { } read) ReadOnlyDb.LogTarget(log, read);

        await KeyStore.VerifyOrRecordAsync(db, sp.GetRequiredService<IdentifierProtector>(), ct);

        db.AuditSummaryReason = "内置参考数据（区划、节假日）";
        var divisionsLoaded = await DivisionReference.EnsureLoadedAsync(db, ct);
        var calendarLoaded = await CalendarReference.EnsureLoadedAsync(db, ct);
        db.AuditSummaryReason = null;
        if (divisionsLoaded)
        {
            log.LogInformation("Division reference data loaded ({Count} divisions)", await db.Divisions.CountAsync(ct));
            sp.GetRequiredService<DivisionDirectory>().Invalidate();
        }
        if (calendarLoaded)
        {
            log.LogInformation("Holiday calendar loaded ({Count} days)", await db.CalendarDays.CountAsync(ct));
            sp.GetRequiredService<WorkingCalendar>().Invalidate();
        }
        await RoleSeeder.EnsureAsync(db, sp.GetRequiredService<RoleManager<AppRole>>(), sp.GetRequiredService<Composition.PermissionCatalog>(), ct);
        await WorkflowEngine.SyncDefinitionsAsync(db, sp.GetRequiredService<ProcessCatalog>(), sp.GetRequiredService<BusinessClock>().Today, ct);

        if (seedDemo)
        {
            await DemoSeeder.SeedAsync(sp, options.DemoPeople, options.DemoHouseholds, log, ct);
        }
        foreach (var module in sp.GetServices<IModuleInitializer>().OrderBy(m => m.Order))
        {
            await module.InitializeAsync(sp, seedDemo, ct);
        }
    }
}

using System.Linq.Expressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Calendar;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Files;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Imports;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Platform.Data;

/// <summary>
/// The platform database, shared by every module. Two sealed subclasses carry one migration set each
/// (SQLite, PostgreSQL). Division scope is applied here for reads (a query filter on every
/// <see cref="IDivisionScoped"/> entity) and for writes (checked in SaveChanges), so a module cannot forget it.
/// </summary>
public abstract class AppDbContext : IdentityDbContext<AppUser, AppRole, Guid>
{
    public const string ScopeFilter = "DivisionScope";

    private readonly ICurrentUser _user;
    private readonly TimeProvider _time;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<Money.Money>().HaveConversion<Money.MoneyConverter>();
    }

    protected AppDbContext(DbContextOptions options, ICurrentUser user, TimeProvider time) : base(options)
    {
        _user = user;
        _time = time;
    }

    public ICurrentUser CurrentUser => _user;

    /// <summary>
    /// Whether this is the read-only context of <see cref="ReadOnlyDb"/>: it tracks nothing, and a save, a bulk update or
    /// delete or raw SQL through it throws (<see cref="ReadOnlyGuard"/>), because on a standby it could not write and on
    /// the primary it must not.
    /// </summary>
    public bool IsReadOnly { get; private set; }

    internal void MakeReadOnly()
    {
        IsReadOnly = true;
        ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        ChangeTracker.AutoDetectChangesEnabled = false;
    }

    // Read by the query filter on every query: EF parameterises these per context instance.
    internal string ScopeLow => _user.Scope.Low;
    internal string ScopeHigh => _user.Scope.High;

    // The organisation of an organisation-bound account; Guid.Empty (never a key) for everyone else, so that the
    // "or it is my organisation's" half of the filter matches nothing for division users.
    internal Guid ScopeOrganizationId => _user.OrganizationId ?? Guid.Empty;

    private readonly Dictionary<object, string> _outOfScopeWrites = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Lets this one tracked entity be written although its division lies outside the user's subtree, where the law gives the
    /// use case that power over a record it does not own: a county's marriage registrar records the marital status of a spouse
    /// whose hukou is in another county (婚姻登记条例 第四条), a spouse's death widows the other party. The use case decides the
    /// power (its permission and its checks); the exemption names the entity and the reason, and the row change is audited as
    /// every write is. Nothing else is exempted: a read stays scoped, and another entity in the same save is checked as usual.
    /// </summary>
    public void PermitOutOfScopeWrite(object entity, string reason) => _outOfScopeWrites[entity] = reason;

    public DbSet<PlatformSetting> Settings => Set<PlatformSetting>();
    public DbSet<Division> Divisions => Set<Division>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<Person> Persons => Set<Person>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<HouseholdMember> HouseholdMembers => Set<HouseholdMember>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<StoredFile> Files => Set<StoredFile>();
    public DbSet<WorkflowProcess> WorkflowProcesses => Set<WorkflowProcess>();
    public DbSet<WorkflowCase> WorkflowCases => Set<WorkflowCase>();
    public DbSet<WorkflowCaseEvent> WorkflowCaseEvents => Set<WorkflowCaseEvent>();
    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();
    public DbSet<ImportRowError> ImportRowErrors => Set<ImportRowError>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Jobs.Job> Jobs => Set<Jobs.Job>();

    /// <summary>
    /// When set, a save records one audit entry per table and operation with a row count instead of one
    /// per row: for system bulk work (demo seed, key rotation) whose rows are not individual decisions.
    /// </summary>
    public string? AuditSummaryReason { get; set; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<AppUser>(b =>
        {
            b.ToTable("access_user");
            b.Property(u => u.DisplayName).HasMaxLength(100);
            b.Property(u => u.DivisionCode).HasMaxLength(12);
            b.HasOne<Organization>().WithMany().HasForeignKey(u => u.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<AppRole>(b =>
        {
            b.ToTable("access_role");
            b.Property(r => r.DisplayName).HasMaxLength(100);
        });
        builder.Entity<IdentityUserRole<Guid>>().ToTable("access_user_role");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("access_user_claim");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("access_user_login");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("access_user_token");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("access_role_claim");
        builder.Entity<PlatformSetting>(b =>
        {
            b.ToTable("platform_setting");
            b.HasKey(s => s.Key);
            b.Property(s => s.Key).HasMaxLength(100);
        });

        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly, t => !t.IsAbstract);

        // Money is stored as integer fen in a column that says so: amount → amount_fen.
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(e => e.GetProperties())
                     .Where(p => p.ClrType == typeof(Money.Money) || p.ClrType == typeof(Money.Money?)))
        {
            property.SetColumnName(System.Text.RegularExpressions.Regex.Replace(property.Name, "(?<!^)([A-Z])", "_$1").ToLowerInvariant() + "_fen");
        }

        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(IDivisionScoped).IsAssignableFrom(e.ClrType) || typeof(IOrganizationScoped).IsAssignableFrom(e.ClrType)))
        {
            ApplyScope(builder, entity.ClrType);
        }
        // Memberships are scoped through their household.
        builder.Entity<HouseholdMember>().HasQueryFilter(ScopeFilter,
            m => string.Compare(m.Household!.DivisionCode, ScopeLow) >= 0 && string.Compare(m.Household!.DivisionCode, ScopeHigh) <= 0);
        // An organisation's history is scoped through the organisation (its division, or the account's own organisation).
        builder.Entity<OrganizationEvent>().HasQueryFilter(ScopeFilter,
            e => (string.Compare(e.Organization!.DivisionCode, ScopeLow) >= 0 && string.Compare(e.Organization!.DivisionCode, ScopeHigh) <= 0)
                 || e.OrganizationId == ScopeOrganizationId);
    }

    /// <summary>
    /// The one scope filter. Division-scoped: <c>e.DivisionCode</c> within the user's range (empty for organisation accounts,
    /// so records without an organisation are invisible to them). Organisation-scoped (and the organisation itself, by its key):
    /// <c>… OR e.OrganizationId == the account's organisation</c>. An entity that is organisation-scoped only is visible to
    /// division users as before and to organisation accounts when it is theirs.
    /// </summary>
    private void ApplyScope(ModelBuilder builder, Type clrType)
    {
        var e = Expression.Parameter(clrType, "e");
        var self = Expression.Constant(this);
        Expression? body = null;
        if (typeof(IDivisionScoped).IsAssignableFrom(clrType))
        {
            // string.Compare(e.DivisionCode, this.ScopeLow) >= 0 && string.Compare(e.DivisionCode, this.ScopeHigh) <= 0
            var code = Expression.Property(e, nameof(IDivisionScoped.DivisionCode));
            var compare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
            body = Expression.AndAlso(
                Expression.GreaterThanOrEqual(Expression.Call(compare, code, Expression.Property(self, nameof(ScopeLow))), Expression.Constant(0)),
                Expression.LessThanOrEqual(Expression.Call(compare, code, Expression.Property(self, nameof(ScopeHigh))), Expression.Constant(0)));
        }
        Expression? ownOrganization = null;
        if (clrType == typeof(Organization))
        {
            ownOrganization = Expression.Equal(Expression.Property(e, nameof(Organization.Id)), Expression.Property(self, nameof(ScopeOrganizationId)));
        }
        else if (typeof(IOrganizationScoped).IsAssignableFrom(clrType))
        {
            ownOrganization = Expression.Equal(Expression.Property(e, nameof(IOrganizationScoped.OrganizationId)),
                Expression.Convert(Expression.Property(self, nameof(ScopeOrganizationId)), typeof(Guid?)));
            // not division-scoped: visible to everyone but organisation accounts, who see their own only
            body ??= Expression.Equal(Expression.Property(self, nameof(ScopeOrganizationId)), Expression.Constant(Guid.Empty));
        }
        if (ownOrganization is not null) body = Expression.OrElse(body!, ownOrganization);
        if (clrType.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IMembershipScoped<>)) is { } shared)
        {
            // … OR e.Memberships.Any(m => m.DivisionCode within the range || m.OrganizationId == the account's organisation)
            var memberType = shared.GetGenericArguments()[0];
            var m = Expression.Parameter(memberType, "m");
            var compare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
            var code = Expression.Property(m, nameof(IDivisionScoped.DivisionCode));
            var memberVisible = Expression.OrElse(
                Expression.AndAlso(
                    Expression.GreaterThanOrEqual(Expression.Call(compare, code, Expression.Property(self, nameof(ScopeLow))), Expression.Constant(0)),
                    Expression.LessThanOrEqual(Expression.Call(compare, code, Expression.Property(self, nameof(ScopeHigh))), Expression.Constant(0))),
                Expression.Equal(Expression.Property(m, nameof(IOrganizationScoped.OrganizationId)),
                    Expression.Convert(Expression.Property(self, nameof(ScopeOrganizationId)), typeof(Guid?))));
            var any = typeof(Enumerable).GetMethods().Single(x => x.Name == nameof(Enumerable.Any) && x.GetParameters().Length == 2).MakeGenericMethod(memberType);
            var members = Expression.Property(e, "Memberships");
            var viaMembers = Expression.Call(any, members, Expression.Lambda(memberVisible, m));
            body = body is null ? viaMembers : Expression.OrElse(body, viaMembers);
        }
        builder.Entity(clrType).HasQueryFilter(ScopeFilter, Expression.Lambda(body!, e));
    }

    /// <summary>Whether a record being written belongs to the organisation of an organisation account (the write half of the organisation scope).</summary>
    private static bool IsOwnOrganization(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry, Guid? organizationId)
    {
        if (organizationId is not { } own) return false;
        return entry.Entity switch
        {
            Organization o => o.Id == own,
            IOrganizationScoped s => s.OrganizationId == own
                && (entry.State == EntityState.Added || entry.Property(nameof(IOrganizationScoped.OrganizationId)).OriginalValue as Guid? == own),
            _ => false,
        };
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BeforeSave();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BeforeSave();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void BeforeSave()
    {
        if (IsReadOnly) throw ReadOnlyGuard.Refused("SaveChanges");
        var now = _time.GetUtcNow().UtcDateTime;
        var scope = _user.Scope;
        if (!ChangeTracker.AutoDetectChangesEnabled) ChangeTracker.DetectChanges();
        var changed = ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        foreach (var entry in changed)
        {
            if (entry.Entity is AuditEntry)
            {
                // The audit log is append-only for the application; sealing goes through AuditSealer's own statement.
                if (entry.State != EntityState.Added) throw new InvalidOperationException("审计日志只能追加，不能修改或删除");
                continue;
            }

            if (entry.Entity is IDivisionScoped scoped)
            {
                // Writes are scoped like reads: neither the new nor the old division may lie outside the user's subtree
                // (an organisation account's range is empty: it writes its own organisation's records only).
                var original = entry.State == EntityState.Added ? null : entry.Property(nameof(IDivisionScoped.DivisionCode)).OriginalValue as string;
                if ((!scope.Contains(scoped.DivisionCode) || (original is not null && !scope.Contains(original))) && !IsOwnOrganization(entry, _user.OrganizationId)
                    && !_outOfScopeWrites.ContainsKey(entry.Entity))
                {
                    throw AppProblem.NotFound("记录");
                }
            }
            else if (entry.Entity is IOrganizationScoped && _user.OrganizationId is not null && !IsOwnOrganization(entry, _user.OrganizationId))
            {
                throw AppProblem.NotFound("记录");
            }
            ColumnLimits.ThrowIfTooLong(entry);
            if (entry.Entity is IStamped stamped)
            {
                if (entry.State == EntityState.Added) stamped.CreatedAt = now;
                if (entry.State != EntityState.Deleted) stamped.UpdatedAt = now;
            }
            if (entry.Entity is IVersioned versioned && entry.State == EntityState.Modified)
            {
                versioned.Version = (int)entry.Property(nameof(IVersioned.Version)).OriginalValue! + 1;
            }
        }
        AuditRecorder.Record(this, changed.Where(e => e.Entity is not AuditEntry).ToList(), _user, now, AuditSummaryReason);
    }

    /// <summary>
    /// Makes the next save of <paramref name="entity"/> fail with 409 unless the stored version is still
    /// <paramref name="expectedVersion"/> (the one the client edited).
    /// </summary>
    public void ExpectVersion<T>(T entity, int expectedVersion) where T : class, IVersioned
    {
        if (entity.Version != expectedVersion) throw AppProblem.Stale();
        Entry(entity).Property(e => e.Version).OriginalValue = expectedVersion;
    }
}

using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Payments;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Tests.Unit;

/// <summary>
/// EF's IgnoreQueryFilters is query-wide: an unscoped name lookup joined into a scoped list unscopes the list (it did in
/// Payments' recovery list and a home's subsidy residents). The guard refuses such a query when it is compiled.
/// </summary>
public sealed class ScopeLeakGuardTests
{
    private static readonly string[] Scope = [AppDbContext.ScopeFilter];

    private static SqliteAppDbContext Context()
    {
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>();
        DbContextSetup.Configure(options, DatabaseProvider.Sqlite, "Data Source=:memory:");
        return new SqliteAppDbContext(options.Options, new SystemUser("test"), TimeProvider.System);
    }

    [Fact]
    public void A_scoped_list_joined_to_an_unscoped_lookup_is_refused()
    {
        using var db = Context();
        var q = from r in db.Set<Recovery>()
                join p in db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]) on r.PayeePersonId equals (Guid?)p.Id
                select new { r.Id, p.Name };
        var e = Assert.Throws<InvalidOperationException>(() => q.ToQueryString());
        Assert.Contains("Recovery", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_subquery_that_ignores_the_scope_unscopes_the_outer_query_and_is_refused()
    {
        using var db = Context();
        var q = db.Set<Recovery>().Where(r => db.Persons.IgnoreQueryFilters(Scope).Any(p => p.Id == r.PayeePersonId && p.DeathDate != null));
        Assert.Throws<InvalidOperationException>(() => q.ToQueryString());
    }

    [Fact]
    public void Scoped_queries_and_deliberately_unscoped_ones_compile()
    {
        using var db = Context();
        Assert.Contains("division_code", db.Set<Recovery>().Where(r => r.AmountFen > 0).ToQueryString(), StringComparison.Ordinal);
        var all = from r in db.Set<Recovery>().IgnoreQueryFilters([AppDbContext.ScopeFilter])
                  join p in db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]) on r.PayeePersonId equals (Guid?)p.Id
                  select new { r.Id, p.Name };
        Assert.DoesNotContain("division_code", all.ToQueryString(), StringComparison.Ordinal);
        Assert.NotEmpty(db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]).Where(p => p.DeathDate != null).ToQueryString());
    }
}

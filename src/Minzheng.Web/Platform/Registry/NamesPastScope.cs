using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Platform.Registry;

/// <summary>
/// The names of people and organisations a record in scope points to, read past the division scope (a payee who moved,
/// a home's resident registered elsewhere, a registry person an organisation account cannot see). Always a query of its
/// own: EF's IgnoreQueryFilters is query-wide, so joining an unscoped read into a scoped query would unscope the whole query
/// (see <see cref="ScopeLeakGuard"/>). Pass only ids taken from records already read in scope.
/// </summary>
public static class NamesPastScope
{
    public static async Task<Dictionary<Guid, string>> PersonNamesAsync(this AppDbContext db, IEnumerable<Guid?> ids, CancellationToken ct)
    {
        var list = ids.OfType<Guid>().Distinct().ToList();
        var names = new Dictionary<Guid, string>();
        foreach (var chunk in list.Chunk(500))
        {
            foreach (var p in await db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking()
                         .Where(p => chunk.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToListAsync(ct))
            {
                names[p.Id] = p.Name;
            }
        }
        return names;
    }

    public static async Task<Dictionary<Guid, string>> OrganizationNamesAsync(this AppDbContext db, IEnumerable<Guid?> ids, CancellationToken ct)
    {
        var list = ids.OfType<Guid>().Distinct().ToList();
        var names = new Dictionary<Guid, string>();
        foreach (var chunk in list.Chunk(500))
        {
            foreach (var o in await db.Organizations.IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking()
                         .Where(o => chunk.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            {
                names[o.Id] = o.Name;
            }
        }
        return names;
    }
}

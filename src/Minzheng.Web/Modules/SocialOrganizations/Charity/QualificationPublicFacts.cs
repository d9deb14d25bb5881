using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.SocialOrganizations.Charity;

/// <summary>
/// What the public credit query shows of the charity qualifications: the granted ones in force, with the decision date and
/// validity (慈善组织认定 and 公开募捐资格 are published by law; the 税前扣除资格 list is published jointly with the tax
/// authorities). Reads past the scope filter on purpose, as every public fact source does (the query is anonymous).
/// </summary>
public sealed class QualificationPublicFacts(AppDbContext db, BusinessClock clock) : IPublicFactSource
{
    public int Order => 60;

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<PublicFact>>> LoadAsync(IReadOnlyCollection<Guid> organizationIds, CancellationToken ct)
    {
        var ids = organizationIds.ToList();
        var today = clock.Today;
        var rows = await db.Set<QualificationApplication>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking()
            .Where(a => ids.Contains(a.OrganizationId!.Value) && a.Status == QualificationStatus.Granted && (a.ValidUntil == null || a.ValidUntil >= today))
            .OrderBy(a => a.Kind).ToListAsync(ct);
        return rows.GroupBy(a => a.OrganizationId!.Value).ToDictionary(g => g.Key, g => (IReadOnlyList<PublicFact>)[.. g.Select(a =>
            new PublicFact("慈善与资格", QualificationLabels.Name(a.Kind), a.ValidUntil is { } v ? $"有效期至 {v:yyyy-MM-dd}" : "已取得", a.DecidedOn))]);
    }
}

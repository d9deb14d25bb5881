using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.SocialOrganizations.Contracts;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.SocialOrganizations.Charity;

/// <summary><see cref="ICharityQualificationsInForce"/>: the granted qualification rows (<see cref="QualificationApplication"/>) in force on a date.</summary>
public sealed class CharityQualificationsInForce(AppDbContext db) : ICharityQualificationsInForce
{
    public async Task<IReadOnlyList<QualificationInForce>> OfAsync(Guid organizationId, DateOnly on, CancellationToken ct = default)
    {
        var rows = await InForce(db.Set<QualificationApplication>().AsNoTracking(), on).Where(a => a.OrganizationId == organizationId).ToListAsync(ct);
        return [.. rows.OrderBy(a => a.Kind).Select(Dto)];
    }

    public async Task<Paged<RecognisedCharity>> RecognisedAsync(string? q, DateOnly on, PageRequest page, CancellationToken ct = default)
    {
        var all = db.Set<QualificationApplication>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking();
        var recognised = InForce(all, on).Where(a => a.Kind == QualificationKind.CharityRecognition).Select(a => a.OrganizationId);
        var orgs = db.Organizations.IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking().Where(o => recognised.Contains(o.Id));
        var term = q?.Trim();
        if (term is { Length: > 0 }) orgs = orgs.Where(o => o.Name.Contains(term));
        var rows = await orgs.OrderBy(o => o.Name).ThenBy(o => o.Id).Select(o => new { o.Id, o.Name, o.CreditCode }).ToPagedAsync(page, ct);
        var ids = rows.Items.Select(o => (Guid?)o.Id).ToList();
        var qualifications = await InForce(all, on).Where(a => ids.Contains(a.OrganizationId)).ToListAsync(ct);
        return rows.Select(o => new RecognisedCharity(o.Id, o.Name, o.CreditCode,
            [.. qualifications.Where(a => a.OrganizationId == o.Id).OrderBy(a => a.Kind).Select(Dto)]));
    }

    private static IQueryable<QualificationApplication> InForce(IQueryable<QualificationApplication> q, DateOnly on) =>
        q.Where(a => a.Status == QualificationStatus.Granted && a.DecidedOn != null && a.DecidedOn <= on && (a.ValidUntil == null || a.ValidUntil >= on));

    private static QualificationInForce Dto(QualificationApplication a) =>
        new(QualificationLabels.Code(a.Kind), QualificationLabels.Name(a.Kind), a.DecidedOn!.Value, a.ValidUntil, a.DecisionNumber);
}

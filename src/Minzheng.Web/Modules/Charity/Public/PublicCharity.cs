using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Charity.Funds;
using Minzheng.Web.Modules.Charity.Trusts;
using Minzheng.Web.Modules.SocialOrganizations.Contracts;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Charity.Public;

public sealed record PublicPlan(string Number, string OrganizationName, string Title, string Purpose, DateOnly StartsOn, DateOnly EndsOn, string ChannelName,
    string? PlatformName, decimal Target, decimal Raised, decimal Spent, decimal Balance);

public sealed record PublicTrust(string Number, string Name, string Purpose, string TrusteeName, string TrusteeKindName, decimal Property, DateOnly FiledOn);

public sealed record PublicCharityView(Paged<PublicPlan> Plans, IReadOnlyList<RecognisedCharity> Charities, int CharityCount, IReadOnlyList<PublicTrust> Trusts);

/// <summary>
/// 慈善信息公开 (慈善法 2016 第八章): the filed fundraising plans with the funds raised and spent per project, the charities that
/// filed them, the recognised charities with their qualifications, and the filed trusts. Anonymous, so it reads past the scope filter on purpose — and shows no donor's name, no
/// person, only what the law makes public.
/// </summary>
public sealed class PublicCharity(AppDbContext db, ICharityQualificationsInForce qualifications, BusinessClock clock)
{
    public async Task<PublicCharityView> LoadAsync(string? q, PageRequest page, CancellationToken ct)
    {
        var plans = db.Set<FundraisingPlan>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking();
        var orgs = db.Organizations.IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking();
        var term = q?.Trim();
        if (term is { Length: > 0 })
        {
            if (term.Length > 60) throw AppProblem.Field("q", "查询内容不能超过 60 字");
            plans = plans.Where(p => p.Title.Contains(term) || orgs.Any(o => o.Id == p.OrganizationId && o.Name.Contains(term)));
        }
        var rows = await plans.OrderByDescending(p => p.StartsOn).ThenByDescending(p => p.Id).ToPagedAsync(page, ct);
        var ids = rows.Items.Select(p => p.OrganizationId!.Value).Distinct().ToList();
        var names = await orgs.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        // the recognised charities with their qualifications in force today (the registry's decisions, through its contract)
        var charities = await qualifications.RecognisedAsync(null, clock.Today, PageRequest.From(1, 200), ct);
        var trusts = await db.Set<CharityTrust>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking().OrderByDescending(t => t.FiledOn).Take(50).ToListAsync(ct);
        return new(rows.Select(p => new PublicPlan(p.Number, names.GetValueOrDefault(p.OrganizationId!.Value, ""), p.Title, p.Purpose, p.StartsOn, p.EndsOn,
                p.Channel == FundraisingChannel.Online ? "互联网募捐" : "现场募捐", p.Platform is null ? null : CharityFigures.DesignatedPlatform.CategoryName(p.Platform),
                p.Target.Yuan, p.Raised.Yuan, p.Spent.Yuan, (p.Raised - p.Spent).Yuan)),
            charities.Items, charities.Total,
            [.. trusts.Select(t => new PublicTrust(t.Number, t.Name, t.Purpose, t.TrusteeName, t.TrusteeKind == TrusteeKind.Charity ? "慈善组织" : "信托公司", t.Property.Yuan, t.FiledOn))]);
    }
}

using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.SocialOrganizations.Cleanup;
using Minzheng.Web.Modules.SocialOrganizations.Decoupling;
using Minzheng.Web.Modules.SocialOrganizations.PartyBuilding;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.SocialOrganizations.Charity;

/// <summary>
/// The social-organisation governance panel of the one-organisation view: qualifications recorded (慈善组织, 公开募捐资格,
/// 税前扣除资格 with validity) and pending, the party organisation, the 脱钩 progress of a trade association, the last
/// cleanup step. Read through the scope filter, for users who may read social organisations.
/// </summary>
public sealed class GovernanceOrganizationPanel(AppDbContext db, ICurrentUser user, BusinessClock clock) : IOrganizationPanel
{
    public sealed record Qualification(string Name, string Number, string Status, DateOnly? DecidedOn, DateOnly? ValidUntil, bool InForce);

    public sealed record Model(Guid OrganizationId, IReadOnlyList<Qualification> Qualifications, string PartyStatus, int PartyMembers, string? Instructor,
        int? DecouplingDone, string? LastCleanupStep, DateOnly? LastCleanupOn);

    public string ModuleKey => "social-organizations";
    public string Title => "社会组织：资格、党建、脱钩";
    public int Order => 62;
    public string PartialView => "/Modules/SocialOrganizations/Charity/Pages/_OrganizationPanel.cshtml";

    public async Task<object?> LoadAsync(Guid organizationId, CancellationToken ct)
    {
        if (!user.HasPermission(SocialOrganizationPermissions.Read)) return null;
        var profile = await db.Set<SocialOrganizationProfile>().AsNoTracking().FirstOrDefaultAsync(p => p.OrganizationId == organizationId, ct);
        if (profile is null) return null;
        var today = clock.Today;
        var apps = await db.Set<QualificationApplication>().AsNoTracking().Where(a => a.OrganizationId == organizationId && a.Status != QualificationStatus.Refused)
            .OrderBy(a => a.Kind).ThenByDescending(a => a.AppliedOn).ToListAsync(ct);
        var party = await db.Set<PartyOrganizationRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.OrganizationId == organizationId, ct);
        var decoupling = profile.IsTradeAssociation ? await db.Set<DecouplingRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.OrganizationId == organizationId, ct) : null;
        var last = await db.Set<CleanupStep>().AsNoTracking().Where(s => s.OrganizationId == organizationId).OrderByDescending(s => s.On).ThenByDescending(s => s.RecordedAt).FirstOrDefaultAsync(ct);
        return new Model(organizationId,
            [.. apps.Select(a => new Qualification(QualificationLabels.Name(a.Kind), a.Number, QualificationLabels.Name(a.Status), a.DecidedOn, a.ValidUntil, CharityQualifications.InForce(a, today)))],
            PartyLabels.Name(profile.PartyOrganization), party?.PartyMembers ?? 0, party?.InstructorName,
            profile.IsTradeAssociation ? DecouplingLabels.Separations.Count(s => decoupling?.Get(s.Kind).Status == SeparationStatus.Done) : null,
            last is null ? null : CleanupLabels.Name(last.Kind), last?.On);
    }
}

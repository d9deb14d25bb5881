using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Web.Modules.SocialOrganizations.Registry;

/// <summary>A social organisation as every part of the module loads it: the registry row and the module's profile.</summary>
public sealed record SocialOrganization(Organization Organization, SocialOrganizationProfile Profile)
{
    public Guid Id => Organization.Id;
}

/// <summary>
/// Who may see and who may act on a social organisation — the one place every part asks (issue 14 item 1: "the registration
/// level decides who may act"). Seeing follows the one scope filter (the seat's division subtree, or the organisation's own
/// accounts); acting needs the registration authority's division inside the user's scope, so a county officer reads a
/// city-registered organisation seated in the county but gets 403 <c>socorg_not_authority</c> on every write.
/// </summary>
public sealed class RegistrationAuthority(AppDbContext db, ICurrentUser user)
{
    public const string City = "450900000000";

    /// <summary>The registration authority's division for a level and the organisation's seat.</summary>
    public static string AuthorityFor(RegistrationLevel level, string seatDivisionCode) =>
        level == RegistrationLevel.City ? seatDivisionCode[..4].PadRight(DivisionCodes.Length, '0') : DivisionCodes.CountyPart(seatDivisionCode).PadRight(DivisionCodes.Length, '0');

    public bool CanAct(SocialOrganizationProfile profile) => CanAct(profile.AuthorityDivisionCode);

    /// <summary>Whether the user acts for the authority of <paramref name="authorityDivisionCode"/> (also before the organisation exists: an establishment application).</summary>
    public bool CanAct(string authorityDivisionCode) =>
        user.IsSystem || (user.OrganizationId is null && user.Scope.Contains(authorityDivisionCode));

    /// <summary>The organisation as the current user may see it (tracked), or 404.</summary>
    public async Task<SocialOrganization> LoadAsync(Guid organizationId, CancellationToken ct = default)
    {
        var profile = await db.Set<SocialOrganizationProfile>().FirstOrDefaultAsync(p => p.OrganizationId == organizationId, ct)
            ?? throw AppProblem.NotFound("社会组织");
        var organization = await db.Set<Organization>().FirstOrDefaultAsync(o => o.Id == organizationId, ct)
            ?? throw AppProblem.NotFound("社会组织");
        return new(organization, profile);
    }

    /// <summary>The organisation when the current user is its registration authority: 404 outside the scope, 403 when visible but registered by another level.</summary>
    public async Task<SocialOrganization> LoadForActionAsync(Guid organizationId, CancellationToken ct = default)
    {
        var o = await LoadAsync(organizationId, ct);
        RequireAct(o.Profile);
        return o;
    }

    public void RequireAct(SocialOrganizationProfile profile) => RequireAct(profile.Level, profile.AuthorityDivisionCode);

    public void RequireAct(RegistrationLevel level, string authorityDivisionCode)
    {
        if (!CanAct(authorityDivisionCode))
        {
            throw new AppProblem(403, "socorg_not_authority",
                level == RegistrationLevel.City ? "该社会组织由市民政局登记，只有市级登记管理机关可以办理" : "该社会组织不由您所在的登记管理机关登记，不能办理");
        }
    }
}

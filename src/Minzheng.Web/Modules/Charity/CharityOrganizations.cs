using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Charity.Ratios;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Web.Modules.Charity;

/// <summary>
/// Who may act for which charity: the registering 民政 (charity.write) for any social organisation in its scope, an organisation
/// account (charity.own) for its own organisation only. The organisation is read through the scope filter, so one outside the
/// account's county or not its own is "not found" (404), never a hint that it exists.
/// </summary>
public sealed class CharityOrganizations(AppDbContext db, ICurrentUser user)
{
    public async Task<Organization> ForActionAsync(Guid? organizationId, ValidationErrors errors, CancellationToken ct)
    {
        var id = organizationId ?? user.OrganizationId;
        if (id is null) errors.Add("organizationId", "请选择慈善组织");
        // a bad field is a 400 before any lookup, so nothing is read or half-saved
        errors.ThrowIfAny();
        var o = await db.Organizations.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw AppProblem.NotFound("慈善组织");
        Authorize(o.Id);
        if (BodyOf(o.Kind) is null) throw new AppProblem(409, "charity_not_a_social_organization", $"{o.Name}不是社会团体、社会服务机构或基金会");
        return o;
    }

    /// <summary>charity.write acts for any organisation it can see; charity.own only for the account's own organisation.</summary>
    public void Authorize(Guid? organizationId)
    {
        if (user.IsSystem || user.HasPermission(CharityPermissions.Write)) return;
        if (user.HasPermission(CharityPermissions.Own) && user.OrganizationId is { } own && own == organizationId) return;
        throw new AppProblem(403, "charity_not_own_organization", "组织账号只能办理本组织的事项");
    }

    public static CharityBody? BodyOf(OrganizationKind kind) => kind switch
    {
        OrganizationKind.SocialGroup => CharityBody.Association,
        OrganizationKind.SocialServiceAgency => CharityBody.ServiceAgency,
        OrganizationKind.Foundation => CharityBody.Foundation,
        _ => null,
    };
}

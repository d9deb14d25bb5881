using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;

namespace Minzheng.Web.Modules.SocialOrganizations.Cleanup;

/// <summary>
/// The governance parts (issue 14 items 7–10): zombie cleanup, 脱钩, 党建, the incubation centre's libraries and charity
/// qualifications. Reading is <see cref="SocialOrganizationPermissions.Read"/>; every write also passes the registration
/// authority check (<see cref="Registry.RegistrationAuthority"/>), so a county officer cannot act on a city-registered one.
/// </summary>
public static class GovernancePermissions
{
    public const string CleanupManage = "socorg.cleanup.manage";
    public const string DecouplingManage = "socorg.decoupling.manage";
    public const string PartyManage = "socorg.party.manage";
    public const string IncubationManage = "socorg.incubation.manage";
    public const string CharityDecide = "socorg.charity.decide";

    public static readonly IReadOnlyList<PermissionDeclaration> Declared =
    [
        new(CleanupManage, "清理僵尸型社会组织：记录约谈、责令整改、公告，撤销登记"),
        new(DecouplingManage, "记录行业协会商会脱钩（五分离）进度"),
        new(PartyManage, "记录社会组织党组织建设情况"),
        new(IncubationManage, "维护孵化中心资助项目库、需求项目库、专家库"),
        new(CharityDecide, "受理并决定慈善组织认定、公开募捐资格、公益性捐赠税前扣除资格"),
    ];

    private static readonly string[] All = [CleanupManage, DecouplingManage, PartyManage, IncubationManage, CharityDecide];

    // the registration authorities (county and city civil affairs); township and village see nothing of this module
    public static readonly IReadOnlyDictionary<string, string[]> RoleGrants = new Dictionary<string, string[]>
    {
        [Roles.CountyOfficer] = All,
        [Roles.CityOfficer] = All,
    };
}

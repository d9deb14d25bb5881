using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;

namespace Minzheng.Web.Modules.SocialOrganizations.Credit;

/// <summary>
/// Credit lists: the registration authorities (county and city officers) read the lists, check a case against 60号令, record
/// entry decisions, fulfilment and removals, and decide objections (acting is further limited to the organisation's own
/// registration authority by <see cref="Registry.RegistrationAuthority"/>); the auditor reads; an organisation's own account
/// sees its credit and files objections.
/// </summary>
public static class CreditPermissions
{
    public const string Read = "socorg.credit.read";
    public const string Record = "socorg.credit.record";
    public const string OwnObjection = "socorg.credit.object";

    public static readonly IReadOnlyList<PermissionDeclaration> Declared =
    [
        new(Read, "查看社会组织信用状态，按民政部令第60号核验活动异常名录、严重违法失信名单"),
        new(Record, "登记社会组织信用事件（列入、履行义务核实、移出），处理异议"),
        new(OwnObjection, "查看本组织信用信息并提出异议（社会组织本单位账号）"),
    ];

    public static readonly IReadOnlyDictionary<string, string[]> RoleGrants = new Dictionary<string, string[]>
    {
        [Roles.CountyOfficer] = [Read, Record],
        [Roles.CityOfficer] = [Read, Record],
        [Roles.Auditor] = [Read],
        // an organisation account sees only its own organisation (scope filter), so granting it to the role is safe
        [Roles.OrganizationStaff] = [OwnObjection],
    };
}

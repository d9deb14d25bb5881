using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;

namespace Minzheng.Web.Modules.Rescue.Patrols;

/// <summary>
/// Street patrols and the summer and winter campaigns: the county's staff record patrols; a campaign is set by the county for
/// itself or by the city for every county (专项救助行动 are city-wide in the plan). Reading is <see cref="RescuePermissions.Read"/>.
/// </summary>
public static class PatrolsPermissions
{
    public const string Record = "rescue.patrols.record";
    public const string Campaigns = "rescue.patrols.campaigns";

    public static readonly IReadOnlyList<PermissionDeclaration> Declared =
    [
        new(Record, "登记街面巡查（发现、劝导、护送入站、拒绝救助、发放物资）"),
        new(Campaigns, "设定夏季送清凉、冬季送温暖专项救助行动"),
    ];

    public static readonly IReadOnlyDictionary<string, string[]> RoleGrants = new Dictionary<string, string[]>
    {
        [Roles.CountyOfficer] = [Record, Campaigns],
        [Roles.CityOfficer] = [Campaigns],
    };
}

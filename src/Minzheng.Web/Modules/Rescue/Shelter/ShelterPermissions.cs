using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;

namespace Minzheng.Web.Modules.Rescue.Shelter;

/// <summary>
/// The domestic-violence shelter is restricted information like child protection: one dedicated permission to see and do
/// anything with a stay. Not part of <see cref="RescuePermissions.Read"/>: a city officer or auditor who reads vagrant rescue
/// does not learn who is sheltered where. The shelter is run by the county's station (反家庭暴力法 第十八条), so its staff — county
/// accounts — hold it; township clerks and village workers never do.
/// </summary>
public static class ShelterPermissions
{
    public const string Shelter = "rescue.shelter";

    public static readonly IReadOnlyList<PermissionDeclaration> Declared =
    [
        new(Shelter, "家暴受害人临时庇护（受限信息：查看和办理入住、安全计划、服务、延期、离开）"),
    ];

    public static readonly IReadOnlyDictionary<string, string[]> RoleGrants = new Dictionary<string, string[]>
    {
        [Roles.CountyOfficer] = [Shelter],
    };
}

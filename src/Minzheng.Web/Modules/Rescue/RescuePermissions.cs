using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;

namespace Minzheng.Web.Modules.Rescue;

/// <summary>The permissions vagrant rescue introduces, their descriptions and the roles they start with.</summary>
public static class RescuePermissions
{
    public const string Read = "rescue.read";
    public const string Work = "rescue.work";
    public const string FiguresWrite = "rescue.figures.write";

    private static readonly IReadOnlyList<PermissionDeclaration> Base =
    [
        new(Read, "查看流浪乞讨人员救助（在站、寻亲、返乡、巡查）"),
        new(Work, "办理救助（求助登记、在站服务、寻亲、返乡、滞留安置、街面巡查）"),
        new(FiguresWrite, "维护救助管理标准（在站期限、现金上限、寻亲时限等）"),
    ];

    // 救助管理站 are run by the county and city 民政 (国务院令第381号 第三条): county officers and the station's staff (their
    // accounts are county-level) do the work, the city supervises
    private static readonly IReadOnlyDictionary<string, string[]> BaseGrants = new Dictionary<string, string[]>
    {
        [Roles.CountyOfficer] = [Read, Work],
        [Roles.CityOfficer] = [Read, FiguresWrite],
        [Roles.Auditor] = [Read],
    };

    // each part of the module adds its own lists here, one line each
    public static readonly IReadOnlyList<PermissionDeclaration> Declared = [.. Base, .. Search.SearchPermissions.Declared, .. Patrols.PatrolsPermissions.Declared, .. Shelter.ShelterPermissions.Declared];

    public static readonly IReadOnlyDictionary<string, string[]> RoleGrants = Merge(BaseGrants, Search.SearchPermissions.RoleGrants, Patrols.PatrolsPermissions.RoleGrants, Shelter.ShelterPermissions.RoleGrants);

    private static Dictionary<string, string[]> Merge(params IReadOnlyDictionary<string, string[]>[] parts) =>
        parts.SelectMany(p => p).GroupBy(g => g.Key).ToDictionary(g => g.Key, g => g.SelectMany(x => x.Value).Distinct().ToArray());
}

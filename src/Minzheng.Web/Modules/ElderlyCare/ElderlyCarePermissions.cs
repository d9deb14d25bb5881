using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;

namespace Minzheng.Web.Modules.ElderlyCare;

/// <summary>The permissions elderly care introduces, their descriptions and the roles they are granted to at first start.</summary>
public static class ElderlyCarePermissions
{
    public const string Read = "elderly.read";

    private static readonly IReadOnlyList<PermissionDeclaration> Base =
    [
        new(Read, "查看养老服务"),
    ];

    private static readonly IReadOnlyDictionary<string, string[]> BaseGrants = new Dictionary<string, string[]>
    {
        [Roles.VillageWorker] = [Read],
        [Roles.TownshipClerk] = [Read],
        [Roles.TownshipApprover] = [Read],
        [Roles.CountyOfficer] = [Read],
        [Roles.CityOfficer] = [Read],
        [Roles.Finance] = [Read],
        [Roles.Auditor] = [Read],
    };

    // each part of the module adds its own lists here, one line each
    public static readonly IReadOnlyList<PermissionDeclaration> Declared = [.. Base, .. Homes.HomesPermissions.Declared, .. StarRating.StarRatingPermissions.Declared, .. Inspections.InspectionPermissions.Declared, .. HomeCare.HomeCarePermissions.Declared, .. AgeAllowance.AgeAllowancePermissions.Declared, .. LeftBehind.LeftBehindPermissions.Declared];

    public static readonly IReadOnlyDictionary<string, string[]> RoleGrants = Merge(BaseGrants, Homes.HomesPermissions.RoleGrants, StarRating.StarRatingPermissions.RoleGrants, Inspections.InspectionPermissions.RoleGrants, HomeCare.HomeCarePermissions.RoleGrants, AgeAllowance.AgeAllowancePermissions.RoleGrants, LeftBehind.LeftBehindPermissions.RoleGrants);

    /// <summary>The parts' grants per role, concatenated (a role named by several parts gets all their permissions).</summary>
    private static Dictionary<string, string[]> Merge(params IReadOnlyDictionary<string, string[]>[] parts) =>
        parts.SelectMany(p => p).GroupBy(g => g.Key).ToDictionary(g => g.Key, g => g.SelectMany(x => x.Value).Distinct().ToArray());
}

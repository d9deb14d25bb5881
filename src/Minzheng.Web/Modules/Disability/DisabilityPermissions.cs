using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;

namespace Minzheng.Web.Modules.Disability;

/// <summary>The permissions this module introduces, their descriptions and the roles they are granted to at first start.</summary>
public static class DisabilityPermissions
{
    public const string Read = "disability.read";
    public const string Apply = "disability.apply";
    public const string Review = "disability.review";
    public const string Verify = "disability.verify";
    public const string Approve = "disability.approve";

    private static readonly IReadOnlyList<PermissionDeclaration> Base =
    [
        new(Read, "查看残疾人两项补贴"),
        new(Apply, "受理两项补贴申请、村级核实"),
        new(Review, "两项补贴乡镇审核"),
        new(Verify, "两项补贴残联审核（残疾人证）"),
        new(Approve, "两项补贴县级民政审批、停发"),
    ];

    private static readonly IReadOnlyDictionary<string, string[]> BaseGrants = new Dictionary<string, string[]>
    {
        [Roles.VillageWorker] = [Read, Apply],
        [Roles.TownshipClerk] = [Read, Apply],
        [Roles.TownshipApprover] = [Read, Review],
        [Roles.CountyOfficer] = [Read, Approve],
        [Roles.CityOfficer] = [Read],
        [Roles.Auditor] = [Read],
        [Roles.DisabledPersonsFederation] = [Read, Verify],
    };

    // each part of the module adds its own lists here (after the base lists: static fields initialise in order)
    public static readonly IReadOnlyList<PermissionDeclaration> Declared = [.. Base, .. Rehab.RehabPermissions.Declared];

    public static readonly IReadOnlyDictionary<string, string[]> RoleGrants = Merge(BaseGrants, Rehab.RehabPermissions.RoleGrants);

    /// <summary>The parts' grants per role, concatenated (a role named by several parts gets all their permissions).</summary>
    private static Dictionary<string, string[]> Merge(params IReadOnlyDictionary<string, string[]>[] parts) =>
        parts.SelectMany(p => p).GroupBy(g => g.Key).ToDictionary(g => g.Key, g => g.SelectMany(x => x.Value).Distinct().ToArray());
}

using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;

namespace Minzheng.Web.Modules.Disability.Fukang;

/// <summary>The permissions of 福康工程 (reading uses the module's <see cref="DisabilityPermissions.Read"/>).</summary>
public static class FukangPermissions
{
    public const string Manage = "disability.fukang.manage";
    public const string Assess = "disability.fukang.assess";

    public static readonly IReadOnlyList<PermissionDeclaration> Declared =
    [
        new(Manage, "管理福康工程辅具目录和年度预算，审批配发申请，登记适配"),
        new(Assess, "福康工程需求评估，登记本人确认和回访"),
    ];

    // the county 民政局 holds the catalogue and the budget; the township assesses and follows up
    public static readonly IReadOnlyDictionary<string, string[]> RoleGrants = new Dictionary<string, string[]>
    {
        [Roles.TownshipClerk] = [Assess],
        [Roles.VillageWorker] = [Assess],
        [Roles.CountyOfficer] = [Manage, Assess],
    };

    /// <summary>The module's grants with these added (a role named by both gets both lists).</summary>
    public static IReadOnlyDictionary<string, string[]> With(IReadOnlyDictionary<string, string[]> grants)
    {
        var merged = grants.ToDictionary(g => g.Key, g => g.Value);
        foreach (var (role, permissions) in RoleGrants) merged[role] = [.. merged.GetValueOrDefault(role) ?? [], .. permissions];
        return merged;
    }
}

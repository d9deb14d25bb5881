using Minzheng.Web.Modules.SocialOrganizations.Credit;
using Minzheng.Web.Modules.SocialOrganizations.Registration;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;

namespace Minzheng.Web.Modules.SocialOrganizations;

/// <summary>The permissions social organisations introduce, their descriptions and the roles they are granted to at first start.</summary>
public static class SocialOrganizationPermissions
{
    public const string Read = "socorg.read";
    public const string FiguresWrite = "socorg.figures.write";
    public const string Import = "socorg.import";

    private static readonly IReadOnlyList<PermissionDeclaration> Base =
    [
        new(Read, "查看社会组织"),
        new(FiguresWrite, "维护社会组织标准（信用名录期限、年检截止日等）"),
        new(Import, "批量导入本登记管理机关已登记的社会组织名录（Excel）"),
    ];

    // social organisations are registered by the county or the city (登记管理机关), so township and village see nothing
    private static readonly IReadOnlyDictionary<string, string[]> BaseGrants = new Dictionary<string, string[]>
    {
        [Roles.CountyOfficer] = [Read, Import],
        [Roles.CityOfficer] = [Read, FiguresWrite, Import],
        [Roles.Auditor] = [Read],
    };

    // each part of the module adds its own lists here, one line each
    public static readonly IReadOnlyList<PermissionDeclaration> Declared = [.. Base, .. CreditPermissions.Declared, .. Reports.ReportsPermissions.Declared, .. Cleanup.GovernancePermissions.Declared,
        .. Evaluation.EvaluationPermissions.Declared, .. SpotChecks.SpotCheckPermissions.Declared, .. RegistrationPermissions.Declared];

    public static readonly IReadOnlyDictionary<string, string[]> RoleGrants = Merge(BaseGrants, CreditPermissions.RoleGrants, Reports.ReportsPermissions.RoleGrants, Cleanup.GovernancePermissions.RoleGrants,
        Evaluation.EvaluationPermissions.RoleGrants, SpotChecks.SpotCheckPermissions.RoleGrants, RegistrationPermissions.RoleGrants);

    /// <summary>The parts' grants per role, concatenated (a role named by several parts gets all their permissions).</summary>
    private static Dictionary<string, string[]> Merge(params IReadOnlyDictionary<string, string[]>[] parts) =>
        parts.SelectMany(p => p).GroupBy(g => g.Key).ToDictionary(g => g.Key, g => g.SelectMany(x => x.Value).Distinct().ToArray());
}

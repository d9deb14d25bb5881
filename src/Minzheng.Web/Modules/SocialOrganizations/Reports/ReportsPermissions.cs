using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;

namespace Minzheng.Web.Modules.SocialOrganizations.Reports;

/// <summary>
/// Annual reports: the organisation's own account drafts and submits (the scope filter keeps it to its organisation); county
/// and city officers read and review (acting only on the organisations they registered); the auditor reads.
/// </summary>
public static class ReportsPermissions
{
    public const string Read = "socorg.reports.read";
    public const string File = "socorg.reports.file";
    public const string Review = "socorg.reports.review";

    public static readonly IReadOnlyList<PermissionDeclaration> Declared =
    [
        new(Read, "查看社会组织年度工作报告、年检结论和逾期名单"),
        new(File, "填报、提交本组织的年度工作报告（社会组织账号）"),
        new(Review, "审查社会组织年度工作报告：退回补正、作出年检结论和处理"),
    ];

    // an organisation's account reads its own reports (the scope filter shows it nothing else)
    public static readonly IReadOnlyDictionary<string, string[]> RoleGrants = new Dictionary<string, string[]>
    {
        [Roles.CountyOfficer] = [Read, Review],
        [Roles.CityOfficer] = [Read, Review],
        [Roles.Auditor] = [Read],
        [Roles.OrganizationStaff] = [Read, File],
    };
}

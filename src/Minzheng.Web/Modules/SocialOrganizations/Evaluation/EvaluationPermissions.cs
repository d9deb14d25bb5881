using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;

namespace Minzheng.Web.Modules.SocialOrganizations.Evaluation;

/// <summary>
/// Evaluation: the organisation's own account applies and fills its self-assessment (an officer may do it at the counter); the
/// registration authorities (county and city officers) keep the experts, enter their scores, review and confirm the grade.
/// </summary>
public static class EvaluationPermissions
{
    public const string Apply = "socorg.evaluation.apply";
    public const string Manage = "socorg.evaluation.manage";

    public static readonly IReadOnlyList<PermissionDeclaration> Declared =
    [
        new(Apply, "申请社会组织评估、填写自评（社会组织账号或窗口代办）"),
        new(Manage, "组织社会组织评估：评估专家、专家评分、审核、公示、确认等级"),
    ];

    public static readonly IReadOnlyDictionary<string, string[]> RoleGrants = new Dictionary<string, string[]>
    {
        [Roles.OrganizationStaff] = [Apply],
        [Roles.CountyOfficer] = [Apply, Manage],
        [Roles.CityOfficer] = [Apply, Manage],
    };
}

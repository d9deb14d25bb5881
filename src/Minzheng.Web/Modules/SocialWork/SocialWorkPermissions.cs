using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;

namespace Minzheng.Web.Modules.SocialWork;

/// <summary>The permissions of social work (社会工作), their descriptions and the roles they start with.</summary>
public static class SocialWorkPermissions
{
    public const string Read = "socialwork.read";
    public const string Write = "socialwork.write";
    public const string Services = "socialwork.services";
    public const string FiguresWrite = "socialwork.figures.write";
    public const string Trainings = "socialwork.trainings";

    public static readonly IReadOnlyList<PermissionDeclaration> Declared =
    [
        new(Read, "查看社会工作（社工站、社工及考试记录、服务、转介）"),
        new(Write, "登记社工站、社工、考试成绩，办理转介"),
        new(Services, "登记社工站的个案、小组和社区活动服务，办理转介（社工站机构账号只见本站）"),
        new(Trainings, "组织社会工作者职业资格考前培训，登记学员和出勤（县级、市级）"),
        new(FiguresWrite, "维护社会工作标准（考试合格分数线、新建社工站计划目标）"),
    ];

    // the township clerk keeps the records of the township's own station (division scope), the county officer those of the county;
    // the organisation running a station (its bound account) records its own services and referrals
    public static readonly IReadOnlyDictionary<string, string[]> RoleGrants = new Dictionary<string, string[]>
    {
        [Roles.TownshipClerk] = [Read, Write, Services],
        [Roles.TownshipApprover] = [Read],
        [Roles.CountyOfficer] = [Read, Write, Services, Trainings],
        [Roles.CityOfficer] = [Read, FiguresWrite, Trainings],
        [Roles.Auditor] = [Read],
        [Roles.OrganizationStaff] = [Read, Services],
    };
}

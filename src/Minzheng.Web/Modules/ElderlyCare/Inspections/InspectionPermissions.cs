using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;

namespace Minzheng.Web.Modules.ElderlyCare.Inspections;

/// <summary>双随机、一公开: county (and city) civil affairs keep the lists and draw; drawn inspectors record; anyone reads the public page.</summary>
public static class InspectionPermissions
{
    public const string Manage = "elderly.inspections.manage";
    public const string Record = "elderly.inspections.record";

    public static readonly IReadOnlyList<PermissionDeclaration> Declared =
    [
        new(Manage, "双随机抽查：维护事项清单和名录库、抽取、公开结果、录入纸质检查记录"),
        new(Record, "双随机抽查：被抽中的检查人员录入检查结果和整改要求"),
    ];

    public static readonly IReadOnlyDictionary<string, string[]> RoleGrants = new Dictionary<string, string[]>
    {
        [Roles.CountyOfficer] = [Manage, Record],
        [Roles.CityOfficer] = [Manage, Record],
        [Roles.TownshipClerk] = [Record],
    };
}

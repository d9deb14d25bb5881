using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;

namespace Minzheng.Web.Modules.Marriage.Counselling;

/// <summary>The permissions of the purchased marriage and family counselling.</summary>
public static class CounsellingPermissions
{
    public const string Manage = "marriage.counselling.manage";
    public const string Record = "marriage.counselling.record";

    public static readonly IReadOnlyList<PermissionDeclaration> Declared =
    [
        new(Manage, "管理婚姻家庭辅导购买合同并按月结算（经资金发放支付给服务机构）"),
        new(Record, "登记婚姻家庭辅导记录（匿名：不记录当事人）"),
    ];

    // the purchaser is the county (or the city) 民政局 that holds the budget
    public static readonly IReadOnlyDictionary<string, string[]> RoleGrants = new Dictionary<string, string[]>
    {
        [Roles.CountyOfficer] = [Manage, Record],
        [Roles.CityOfficer] = [Manage, Record],
    };
}

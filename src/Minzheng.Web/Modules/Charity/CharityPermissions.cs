using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;

namespace Minzheng.Web.Modules.Charity;

/// <summary>The permissions of charity supervision, their descriptions and the roles they start with.</summary>
public static class CharityPermissions
{
    /// <summary>查看慈善募捐方案、收支、慈善信托和年度支出比例 within the account's scope.</summary>
    public const string Read = "charity.read";

    /// <summary>登记管理机关办理: file trusts, record yearly figures, file plans and entries on a charity's behalf (county and city 民政).</summary>
    public const string Write = "charity.write";

    /// <summary>慈善组织本组织填报: its own fundraising plans, donations, spending and yearly figures (organisation accounts).</summary>
    public const string Own = "charity.own";

    public const string FiguresWrite = "charity.figures.write";

    public static readonly IReadOnlyList<PermissionDeclaration> Declared =
    [
        new(Read, "查看慈善募捐方案备案、捐赠收支、慈善信托备案和年度支出比例（组织账号只见本组织）"),
        new(Write, "慈善组织登记管理机关办理（慈善信托备案、年度支出数据录入、代为备案募捐方案）"),
        new(Own, "慈善组织填报本组织的募捐方案、捐赠收入、支出和年度数据"),
        new(FiguresWrite, "维护慈善标准（年度支出和管理费用比例、信托备案期限、信息公开期限、指定募捐平台）"),
    ];

    public static readonly IReadOnlyDictionary<string, string[]> RoleGrants = new Dictionary<string, string[]>
    {
        [Roles.TownshipClerk] = [Read],
        [Roles.TownshipApprover] = [Read],
        [Roles.CountyOfficer] = [Read, Write],
        [Roles.CityOfficer] = [Read, Write, FiguresWrite],
        [Roles.Auditor] = [Read],
        [Roles.OrganizationStaff] = [Read, Own],
    };
}

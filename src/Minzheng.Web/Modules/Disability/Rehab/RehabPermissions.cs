using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;

namespace Minzheng.Web.Modules.Disability.Rehab;

/// <summary>The permissions of the purchased community mental-health rehabilitation.</summary>
public static class RehabPermissions
{
    /// <summary>Contracts, their budget and the monthly settlement (no person named).</summary>
    public const string Manage = "disability.rehab.manage";

    /// <summary>Restricted: that a person is enrolled at all, the plan, sessions, scores and exit.</summary>
    public const string Enrolments = "disability.rehab";

    /// <summary>Restricted further: the diagnosis category.</summary>
    public const string Diagnosis = "disability.rehab.diagnosis";

    public static readonly IReadOnlyList<PermissionDeclaration> Declared =
    [
        new(Manage, "管理精神障碍社区康复购买合同并按月结算（经资金发放支付给服务机构）"),
        new(Enrolments, "查看和办理精神障碍社区康复服务对象（受限数据：纳入、服务计划、服务记录、功能评估、退出；查看留痕）"),
        new(Diagnosis, "查看和登记精神障碍社区康复服务对象的诊断类别（受限数据）"),
    ];

    // The county 民政局 buys the service and keeps the roll: all three. The county 残联 co-runs 精神障碍社区康复 with civil affairs
    // (民发〔2017〕167号, 民政部 财政部 国家卫生计生委 中国残联) and follows the people it certifies as 精神残疾, but needs no clinical
    // diagnosis: the roll without the diagnosis. Township and village staff get nothing by default (精神卫生法 第四条: keep it to those
    // who need it); an administrator can grant a named township social worker the roll where a 社工站 case-manages.
    public static readonly IReadOnlyDictionary<string, string[]> RoleGrants = new Dictionary<string, string[]>
    {
        [Roles.CountyOfficer] = [Manage, Enrolments, Diagnosis],
        [Roles.CityOfficer] = [Manage],
        [Roles.DisabledPersonsFederation] = [Enrolments],
    };
}

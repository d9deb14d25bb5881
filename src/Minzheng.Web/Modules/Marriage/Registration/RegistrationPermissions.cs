using Minzheng.Web.Platform.Access;

namespace Minzheng.Web.Modules.Marriage.Registration;

/// <summary>
/// The registration part's own permission: revoking a coerced marriage (婚姻登记条例 第九条) undoes a registration and both
/// parties' status, so it is named apart from the daily counter work (marriage.register), which every county officer has.
/// </summary>
public static class RegistrationPermissions
{
    public const string Revoke = "marriage.registration.revoke";

    public static readonly IReadOnlyList<Platform.Composition.PermissionDeclaration> Declared =
    [
        new(Revoke, "撤销受胁迫的婚姻登记（婚姻登记条例第九条，仅适用于2021年1月1日前申请的）"),
    ];

    public static readonly IReadOnlyDictionary<string, string[]> RoleGrants = new Dictionary<string, string[]>
    {
        [Roles.CountyOfficer] = [Revoke],
    };
}

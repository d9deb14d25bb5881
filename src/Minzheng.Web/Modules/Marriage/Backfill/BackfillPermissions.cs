using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;

namespace Minzheng.Web.Modules.Marriage.Backfill;

/// <summary>The permissions of the historical backfill: entering (and importing) archive records, and checking another clerk's.</summary>
public static class BackfillPermissions
{
    public const string Enter = "marriage.backfill.enter";
    public const string Check = "marriage.backfill.check";

    public static readonly IReadOnlyList<PermissionDeclaration> Declared =
    [
        new(Enter, "录入、导入历史婚姻登记档案（1950—2001年补录）"),
        new(Check, "校核他人录入的历史婚姻登记档案（录入与校核不能为同一人）"),
    ];

    // the county registry holds its archive and enters it (MZ/T 113-2018); the two-person rule is per record, not per role
    public static readonly IReadOnlyDictionary<string, string[]> RoleGrants = new Dictionary<string, string[]>
    {
        [Roles.CountyOfficer] = [Enter, Check],
    };
}

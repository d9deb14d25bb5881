using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;

namespace Minzheng.Web.Modules.Marriage;

/// <summary>The permissions marriage registration introduces, their descriptions and the roles they start with.</summary>
public static class MarriagePermissions
{
    public const string Read = "marriage.read";
    public const string Register = "marriage.register";
    public const string FiguresWrite = "marriage.figures.write";

    private static readonly IReadOnlyList<PermissionDeclaration> Base =
    [
        new(Read, "查看婚姻登记（登记记录、证书、婚姻状况）"),
        new(Register, "办理婚姻登记（结婚、离婚、补领、出具记录证明、不予登记）"),
        new(FiguresWrite, "维护婚姻登记标准（法定婚龄、冷静期、跨省通办等）"),
    ];

    // marriage is registered by the county 民政局's 婚姻登记处 (婚姻登记条例 第二条); the city supervises, townships see nothing
    private static readonly IReadOnlyDictionary<string, string[]> BaseGrants = new Dictionary<string, string[]>
    {
        [Roles.CountyOfficer] = [Read, Register],
        [Roles.CityOfficer] = [Read, FiguresWrite],
        [Roles.Auditor] = [Read],
    };

    // each part of the module adds its own lists here, one line each
    public static readonly IReadOnlyList<PermissionDeclaration> Declared = [.. Base, .. Registration.RegistrationPermissions.Declared, .. Backfill.BackfillPermissions.Declared,
        .. Counselling.CounsellingPermissions.Declared];

    public static readonly IReadOnlyDictionary<string, string[]> RoleGrants = Merge(BaseGrants, Registration.RegistrationPermissions.RoleGrants, Backfill.BackfillPermissions.RoleGrants,
        Counselling.CounsellingPermissions.RoleGrants);

    /// <summary>The parts' grants per role, concatenated (a role named by several parts gets all their permissions).</summary>
    private static Dictionary<string, string[]> Merge(params IReadOnlyDictionary<string, string[]>[] parts) =>
        parts.SelectMany(p => p).GroupBy(g => g.Key).ToDictionary(g => g.Key, g => g.SelectMany(x => x.Value).Distinct().ToArray());
}

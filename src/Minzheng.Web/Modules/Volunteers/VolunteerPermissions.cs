using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;

namespace Minzheng.Web.Modules.Volunteers;

/// <summary>The permissions volunteering introduces, their descriptions and the roles they start with.</summary>
public static class VolunteerPermissions
{
    /// <summary>查看志愿者、活动和服务记录 within the account's scope (an organisation account: its own volunteers and records).</summary>
    public const string Read = "volunteers.read";

    /// <summary>志愿服务组织办理: register volunteers, run activities, record and verify service, issue proofs (organisation accounts).</summary>
    public const string Manage = "volunteers.manage";

    /// <summary>登记志愿服务组织 and their staff accounts (the township and county 民政).</summary>
    public const string TeamsWrite = "volunteers.teams.write";

    /// <summary>本人: register as a volunteer, sign up, check in and out, see one's own hours (citizen accounts).</summary>
    public const string Self = "volunteers.self";

    public const string FiguresWrite = "volunteers.figures.write";

    private static readonly IReadOnlyList<PermissionDeclaration> Base =
    [
        new(Read, "查看志愿者、志愿服务活动和服务记录（组织账号只见本组织的志愿者和记录）"),
        new(Manage, "志愿服务组织办理（登记志愿者、发布活动、签到签退、核实时长、出具证明）"),
        new(TeamsWrite, "登记志愿服务组织及其工作人员账号"),
        new(Self, "本人注册志愿者、报名活动、扫码签到签退、查看本人服务时长"),
        new(FiguresWrite, "维护志愿服务标准（星级时长、时间银行规则等）"),
    ];

    private static readonly IReadOnlyDictionary<string, string[]> BaseGrants = new Dictionary<string, string[]>
    {
        [Roles.VillageWorker] = [Read],
        [Roles.TownshipClerk] = [Read, TeamsWrite],
        [Roles.TownshipApprover] = [Read],
        [Roles.CountyOfficer] = [Read, TeamsWrite],
        [Roles.CityOfficer] = [Read, TeamsWrite, FiguresWrite],
        [Roles.Auditor] = [Read],
        [Roles.OrganizationStaff] = [Read, Manage],
        [Roles.Citizen] = [Self],
    };

    // each part of the module adds its own lists here, one line each
    public static readonly IReadOnlyList<PermissionDeclaration> Declared = [.. Base, .. TimeBank.TimeBankPermissions.Declared];

    public static readonly IReadOnlyDictionary<string, string[]> RoleGrants = Merge(BaseGrants, TimeBank.TimeBankPermissions.RoleGrants);

    private static Dictionary<string, string[]> Merge(params IReadOnlyDictionary<string, string[]>[] parts) =>
        parts.SelectMany(p => p).GroupBy(g => g.Key).ToDictionary(g => g.Key, g => g.SelectMany(x => x.Value).Distinct().ToArray());
}

using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;

namespace Minzheng.Web.Modules.Funeral;

/// <summary>The permissions this module introduces, their descriptions and the roles they are granted to at first start.</summary>
public static class FuneralPermissions
{
    public const string Record = "funeral.record";
    public const string Read = "funeral.read";
    public const string Manage = "funeral.manage";
    public const string AwardsDecide = "funeral.awards.decide";
    public const string FiguresWrite = "funeral.figures.write";

    public static readonly IReadOnlyList<PermissionDeclaration> Declared =
    [
        new(Record, "登记死亡、火化信息（停发该人员的各项待遇）"),
        new(Read, "查看殡葬管理（殡葬设施、墓穴、火化、惠民殡葬、节地生态葬奖补、整治台账）"),
        new(Manage, "办理殡葬业务（殡葬设施、墓穴销售、火化登记、惠民殡葬服务及结算、整治台账）"),
        new(AwardsDecide, "审批节地生态安葬奖补"),
        new(FiguresWrite, "维护殡葬标准（墓穴面积和年限、惠民殡葬、生态安葬奖补）"),
    ];

    // 殡葬管理 is the county 民政's (国务院令第225号 第三条): county officers work and decide, the city sets the figures and
    // watches, auditors read
    public static readonly IReadOnlyDictionary<string, string[]> RoleGrants = new Dictionary<string, string[]>
    {
        [Roles.CountyOfficer] = [Record, Read, Manage, AwardsDecide],
        [Roles.CityOfficer] = [Read, FiguresWrite],
        [Roles.Auditor] = [Read],
    };
}

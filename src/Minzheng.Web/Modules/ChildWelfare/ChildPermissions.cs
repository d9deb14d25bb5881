using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;

namespace Minzheng.Web.Modules.ChildWelfare;

/// <summary>The permissions this module introduces, their descriptions and the roles they are granted to at first start.</summary>
public static class ChildPermissions
{
    public const string Read = "child.read";
    public const string Apply = "child.apply";
    public const string Review = "child.review";
    public const string Confirm = "child.confirm";
    public const string Visit = "child.visit";
    public const string Protection = "child.protection";
    public const string Standards = "child.standards";

    public static readonly IReadOnlyList<PermissionDeclaration> Declared =
    [
        new(Read, "查看儿童福利业务（孤儿、事实无人抚养儿童、留守和困境儿童）"),
        new(Apply, "登记孤儿、事实无人抚养儿童申请，登记留守和困境儿童"),
        new(Review, "儿童福利审核（乡镇）"),
        new(Confirm, "孤儿、事实无人抚养儿童认定（县级）及停发"),
        new(Visit, "儿童主任、儿童督导员走访记录"),
        new(Protection, "未成年人保护个案（受限信息）"),
        new(Standards, "维护儿童福利标准"),
    ];

    public static readonly IReadOnlyDictionary<string, string[]> RoleGrants = new Dictionary<string, string[]>
    {
        [Roles.VillageWorker] = [Read, Apply, Visit],
        [Roles.TownshipClerk] = [Read, Apply, Visit],
        [Roles.TownshipApprover] = [Read, Review, Visit],
        [Roles.CountyOfficer] = [Read, Review, Confirm, Standards, Protection],
        [Roles.CityOfficer] = [Read, Standards],
        [Roles.Auditor] = [Read],
    };
}

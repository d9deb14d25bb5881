using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;

namespace Minzheng.Web.Modules.Rescue.Search;

/// <summary>
/// Family search: the station's staff and county officers do it (notices, DNA requests, family inquiries, confirmations); reading
/// is the module's <see cref="RescuePermissions.Read"/>. The public notice page needs no permission.
/// </summary>
public static class SearchPermissions
{
    public const string Work = "rescue.search.work";

    public static readonly IReadOnlyList<PermissionDeclaration> Declared =
    [
        new(Work, "办理寻亲：寻亲公告拟稿发布撤下、DNA 采血比对、寻人登记与确认"),
    ];

    public static readonly IReadOnlyDictionary<string, string[]> RoleGrants = new Dictionary<string, string[]>
    {
        [Roles.CountyOfficer] = [Work],
    };
}

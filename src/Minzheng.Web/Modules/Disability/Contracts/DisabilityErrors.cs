using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Disability.Contracts;

/// <summary>The error codes only the disability subsidies return (registered through the module's declaration).</summary>
public static class DisabilityErrors
{
    private static readonly IReadOnlyList<ErrorCode> Base =
    [
        new("application_closed", 409, "该申请已办结"),
        new("application_exists", 409, "已有正在办理或正在享受的同类补贴"),
        new("not_running", 409, "只有正在发放或暂停发放的补贴可以停发"),
        new("not_suspended", 409, "只有暂停发放的补贴可以恢复发放"),
    ];

    // after Base: static fields initialise in order
    public static readonly IReadOnlyList<ErrorCode> All = [.. Base, .. RehabErrors.All];
}

using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.ElderlyCare.Contracts;

/// <summary>The error codes only elderly care returns (registered through the module's declaration).</summary>
public static class ElderlyCareErrors
{
    public static readonly IReadOnlyList<ErrorCode> All =
    [
        .. HomesErrors.All,
    ];
}

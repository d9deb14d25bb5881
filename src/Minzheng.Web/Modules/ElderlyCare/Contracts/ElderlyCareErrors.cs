using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.ElderlyCare.Contracts;

/// <summary>The error codes only elderly care returns (registered through the module's declaration).</summary>
public static class ElderlyCareErrors
{
    private static readonly IReadOnlyList<ErrorCode> Base =
    [
        .. HomesErrors.All,
    ];

    // each part of the module adds its own list here, one line each
    public static readonly IReadOnlyList<ErrorCode> All = [.. Base, .. OversightErrors.All, .. HomeCareErrors.All, .. AgeAllowanceErrors.All, .. LeftBehindErrors.All];
}

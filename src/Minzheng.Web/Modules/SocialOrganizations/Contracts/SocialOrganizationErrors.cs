using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.SocialOrganizations.Contracts;

/// <summary>The error codes only social organisations return (registered through the module's declaration).</summary>
public static class SocialOrganizationErrors
{
    private static readonly IReadOnlyList<ErrorCode> Base = [];

    // each part of the module adds its own list here, one line each
    public static readonly IReadOnlyList<ErrorCode> All = [.. Base];
}

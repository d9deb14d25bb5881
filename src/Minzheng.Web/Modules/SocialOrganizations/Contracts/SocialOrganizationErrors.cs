using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.SocialOrganizations.Contracts;

/// <summary>The error codes only social organisations return (registered through the module's declaration).</summary>
public static class SocialOrganizationErrors
{
    public static readonly ErrorCode NotAuthority = new("socorg_not_authority", 403, "该社会组织不由您所在的登记管理机关登记，不能办理");

    private static readonly IReadOnlyList<ErrorCode> Base = [NotAuthority];

    // each part of the module adds its own list here, one line each
    public static readonly IReadOnlyList<ErrorCode> All = [.. Base, .. ReportErrors.All, .. CreditErrors.All, .. GovernanceErrors.All, .. EvaluationErrors.All, .. SpotCheckErrors.All,
        .. RegistrationErrors.All];
}

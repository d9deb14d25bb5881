using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.SocialOrganizations.Contracts;

/// <summary>The error codes of the governance parts (cleanup, 脱钩, 党建, incubation, charity).</summary>
public static class GovernanceErrors
{
    public static readonly IReadOnlyList<ErrorCode> All =
    [
        new("socorg_not_trade_association", 409, "该社会组织不是行业协会商会，不适用脱钩"),
        new("socorg_organization_ended", 409, "该社会组织已注销或被撤销登记"),
        new("socorg_cleanup_not_deregistered", 409, "该社会组织尚未办结注销登记，不能记为自行注销"),
        new("socorg_conditions_unmet", 409, "申请不符合条件，不能批准"),
        new("socorg_application_decided", 409, "该申请已作出决定"),
        // socorg_application_pending (a like application still open) is declared once, in RegistrationErrors
    ];
}

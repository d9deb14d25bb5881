using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.ElderlyCare.Contracts;

/// <summary>The error codes of care homes, ability assessment and home subsidies.</summary>
public static class HomesErrors
{
    public static readonly IReadOnlyList<ErrorCode> All =
    [
        new("home_exists", 409, "该组织已登记为养老机构（敬老院）"),
        new("no_free_bed", 409, "该养老机构床位已满"),
        new("already_resident", 409, "该老人已在一家养老机构入住"),
        new("home_closed", 409, "该养老机构已关闭"),
        new("subsidy_exists", 409, "同一机构同一期间已有补贴申请"),
    ];
}

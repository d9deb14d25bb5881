using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.SocialOrganizations.Contracts;

/// <summary>The error codes of spot checks (issue 14 item 6).</summary>
public static class SpotCheckErrors
{
    public static readonly IReadOnlyList<ErrorCode> All =
    [
        new("socorg_spot_check_drawn", 409, "该年度的定期抽查已经抽取，不能重抽"),
        new("socorg_spot_check_impossible", 409, "无法完成抽取（没有可抽查的社会组织，或回避后检查人员不足）"),
        new("socorg_spot_check_state", 409, "抽查记录所处状态不能办理该事项"),
    ];
}

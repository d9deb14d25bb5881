using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Rescue.Contracts;

/// <summary>The error codes of street patrols and campaigns.</summary>
public static class PatrolErrors
{
    public static readonly IReadOnlyList<ErrorCode> All =
    [
        new("rescue_campaign_overlap", 409, "同一区划同类专项行动的日期不能重叠"),
    ];
}

using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.ElderlyCare.Contracts;

/// <summary>The error codes only 农村留守老年人关爱 returns (concatenated into <see cref="ElderlyCareErrors"/>).</summary>
public static class LeftBehindErrors
{
    public static readonly IReadOnlyList<ErrorCode> All =
    [
        new("left_behind_registered", 409, "该老人已在农村留守老年人名册中"),
        new("left_behind_exited", 409, "该老人已退出农村留守老年人名册，不能再登记巡访或调整"),
    ];
}

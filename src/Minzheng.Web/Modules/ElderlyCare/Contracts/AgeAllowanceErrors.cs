using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.ElderlyCare.Contracts;

/// <summary>The error codes only 高龄津贴 returns (concatenated into <see cref="ElderlyCareErrors"/>).</summary>
public static class AgeAllowanceErrors
{
    public static readonly IReadOnlyList<ErrorCode> All =
    [
        new("age_allowance_not_candidate", 409, "该高龄津贴名单已确认或已不予享受，不能再次处理"),
        new("age_allowance_not_eligible", 409, "按当前标准该老人本月不符合高龄津贴条件"),
    ];
}

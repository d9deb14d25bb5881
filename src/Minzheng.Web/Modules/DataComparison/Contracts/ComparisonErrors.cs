using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.DataComparison.Contracts;

/// <summary>The error codes only data comparison returns (registered through its module declaration).</summary>
public static class ComparisonErrors
{
    public static readonly IReadOnlyList<ErrorCode> All =
    [
        new("comparison_running", 409, "已有比对正在执行"),
        new("finding_closed", 409, "该线索已处理"),
    ];
}

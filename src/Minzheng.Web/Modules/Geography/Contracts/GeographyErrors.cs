using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Geography.Contracts;

/// <summary>The error codes only place names and boundaries return (registered through the module declaration).</summary>
public static class GeographyErrors
{
    public static readonly IReadOnlyList<ErrorCode> All =
    [
        new("geo_name_conflict", 400, "拟用地名与规定范围内的地名重名或同音（《地名管理条例》第九条），不能登记为标准地名"),
        new("geo_cleanup_done", 409, "该不规范地名已整改完毕"),
        new("geo_cleanup_no_measure", 409, "尚未确定整改措施"),
        new("geo_naming_blocked", 409, "拟用地名与规定范围内的地名重名或同音（第九条），不能批准；请退回重新拟名"),
        new("geo_consultation_open", 409, "征求社会公众意见期未满，不能结束征求意见"),
    ];
}

using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Funeral.Contracts;

/// <summary>The error codes only funeral management returns (registered through its module declaration).</summary>
public static class FuneralErrors
{
    public static readonly IReadOnlyList<ErrorCode> All =
    [
        new("death_recorded", 409, "该人员的死亡信息已登记"),
    ];
}

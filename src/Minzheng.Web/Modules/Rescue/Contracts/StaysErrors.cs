using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Rescue.Contracts;

/// <summary>The error codes of intake, stay and exit (Modules/Rescue/Stays).</summary>
public static class StaysErrors
{
    public static readonly IReadOnlyList<ErrorCode> All =
    [
        new("rescue_stay_open", 409, "该人员尚在站或照料安置中，不能重复登记入站"),
        new("rescue_cash_over_cap", 400, "发放现金超过当日上限"),
    ];
}

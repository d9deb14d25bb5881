using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Marriage.Contracts;

/// <summary>The error codes of the divorce by agreement (registered through <see cref="MarriageErrors.All"/>).</summary>
public static class DivorceErrors
{
    public static readonly ErrorCode WithdrawPeriodOver = new("divorce_withdraw_period_over", 409, "冷静期已届满，不能再撤回离婚登记申请");
    public static readonly ErrorCode TooEarly = new("divorce_too_early", 409, "冷静期未届满，双方尚不能申请发给离婚证");
    public static readonly ErrorCode AppearanceOver = new("divorce_appearance_over", 409, "冷静期届满后的申请发证期限已过，视为撤回离婚登记申请");
    public static readonly ErrorCode NotOpen = new("divorce_not_open", 409, "该离婚登记申请已办结（不予受理、撤回、视为撤回或已登记）");
    public static readonly ErrorCode OpenApplicationExists = new("divorce_application_exists", 409, "双方已有正在办理的离婚登记申请");
    public static readonly ErrorCode NotMarried = new("divorce_not_married", 422, "人员登记记载双方不是有配偶的状况，或所述婚姻登记不在有效状态");

    public static readonly IReadOnlyList<ErrorCode> All = [WithdrawPeriodOver, TooEarly, AppearanceOver, NotOpen, OpenApplicationExists, NotMarried];
}

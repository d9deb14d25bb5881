using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Volunteers.Activities.Contracts;

/// <summary>The error codes of projects, activities, sign-ups, check-in and corrections.</summary>
public static class ActivityErrors
{
    public static readonly IReadOnlyList<ErrorCode> All =
    [
        new("volunteer_activity_state", 409, "活动当前状态不允许此操作"),
        new("volunteer_signup_closed", 409, "活动不在招募中，不能报名"),
        new("volunteer_signup_age", 409, "年龄不符合活动的年龄要求"),
        new("volunteer_signup_full", 409, "报名人数已满"),
        new("volunteer_signup_inactive", 409, "志愿者已暂停或注销，不能报名"),
        new("volunteer_signup_twice", 409, "已经报名过该活动"),
        new("volunteer_signup_decided", 409, "该报名已经处理过"),
        new("volunteer_scan_forged", 400, "签到二维码无效"),
        new("volunteer_scan_expired", 400, "签到二维码已过期，请扫描现场屏幕上的最新二维码"),
        new("volunteer_scan_outside_window", 409, "不在活动的签到签退时间内"),
        new("volunteer_not_selected", 403, "未被录用参加该活动，不能签到"),
        new("volunteer_already_checked_out", 409, "已经签退"),
        new("volunteer_not_checked_in", 409, "尚未签到，不能签退"),
        new("volunteer_correction_not_allowed", 409, "只有已核实或不予认定、且没有待处理更正申请的记录可以申请更正"),
        new("volunteer_correction_decided", 409, "该更正申请已经处理过"),
    ];
}

using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.SocialWork.Contracts;

/// <summary>The error codes only social work returns (registered through the module's declaration).</summary>
public static class SocialWorkErrors
{
    public static readonly IReadOnlyList<ErrorCode> All =
    [
        new("socialwork_station_exists", 409, "该乡镇（街道）已有社工站"),
        new("socialwork_worker_exists", 409, "该人员已是本站社工"),
        new("socialwork_exam_recorded", 409, "该社工本年度该科目成绩已登记"),
        new("socialwork_referral_step", 409, "转介当前状态不能办理此操作"),
        new("socialwork_referral_side", 403, "只有接收方可以接收、办理转介"),
        new("socialwork_station_closed", 409, "社工站已撤销，不能再登记"),
        new("socialwork_training_participant_exists", 409, "该社工已在本次培训名单中"),
    ];
}

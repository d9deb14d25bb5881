using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Assistance.Contracts;

/// <summary>The error codes only social assistance returns (registered through its module declaration).</summary>
public static class AssistanceErrors
{
    public static readonly IReadOnlyList<ErrorCode> All =
    [
        new("above_township_limit", 403, "救助金额超过乡镇审批额度，须报县级审批"),
        new("assist_first_urgent_only", 409, "先行救助只适用于急难型临时救助"),
        new("case_not_active", 409, "只有在保的业务可以登记变化"),
        new("change_out_of_order", 409, "该业务有更早提出、尚未审批的变更，须先审批较早的变更"),
        new("case_not_investigating", 409, "只有调查核实阶段可以登记调查结果"),
        new("citizen_exists", 409, "该身份证号已注册群众账号"),
        new("citizen_not_verified", 400, "身份证号与姓名未能在户籍登记中核实"),
        new("county_only", 403, "须由县级民政部门审批确认"),
        new("county_visit_required", 409, "须由县级民政部门入户核查后方可确认"),
        new("economic_check_pending", 409, "家庭经济状况核对结果尚未登记"),
        new("household_not_found", 400, "没有找到家庭登记信息"),
        new("investigation_missing", 409, "尚未登记入户调查结果"),
        new("notice_not_ended", 409, "公示期未满"),
        new("refusal_proposed", 409, "乡镇审核意见为不同意，只能不予确认或退回重新调查"),
        new("review_done", 409, "该复核已完成"),
        new("self_care_missing", 409, "特困人员须先完成生活自理能力评估"),
        new("spot_check_not_applicable", 409, "只抽查乡镇审批确认的业务"),
        new("unknown_action", 404, "未知的业务操作"),
    ];
}

using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Community.Contracts;

/// <summary>The error codes only community governance returns (registered through the module declaration), one list per part.</summary>
public static class CommunityErrors
{
    public static readonly IReadOnlyList<ErrorCode> Committees =
    [
        new("com_member_ended", 409, "该成员已离任"),
        new("com_review_exists", 409, "该成员本年度已有民主评议结果"),
        new("com_member_exists", 409, "该人员已在任该职务"),
    ];

    public static readonly IReadOnlyList<ErrorCode> Elections =
    [
        new("com_election_exists", 409, "该村（居）委会本届换届选举已在办理"),
        new("com_roll_frozen", 409, "选民名单已公布，名单冻结：只能通过异议处理增减"),
        new("com_roll_too_late", 409, "选民名单须在选举日二十日前公布（村民委员会组织法第十四条）"),
        new("com_objection_late", 409, "已过异议期（选民名单公布之日起五日内）"),
        new("com_objection_open", 409, "选民名单异议期未满或尚有异议未处理"),
        new("com_voter_elsewhere", 409, "该选民已在其他村（居）参加本届选举登记，只能在一处登记（第十三条）"),
        new("com_candidate_excluded", 409, "候选人经资格联审不能（不宜）确定为候选人"),
        new("com_vetting_incomplete", 409, "尚有候选人未经全部联审部门审查"),
        new("com_candidates_too_few", 409, "候选人人数应当多于应选人数（差额选举，第十五条）"),
        new("com_candidates_too_late", 409, "正式候选人须在选举日五日前公布"),
        new("com_tally_invalid", 409, "投票结果不能据此确定当选人"),
        new("com_seats_left", 409, "尚有职位未选足，须另行选举或说明"),
        new("com_no_seats_left", 409, "应选职位已选足，无须另行选举"),
        new("com_objection_decided", 409, "该异议已处理"),
        new("com_figure_missing", 409, "没有生效的社区治理参数，请在参数中录入"),
        new("com_election_committee", 409, "选举委员会组成不符合要求（三人以上单数；被提名为候选人的成员应当退出）"),
    ];

    public static readonly IReadOnlyList<ErrorCode> Publicity =
    [
        new("com_publicity_feed_published", 409, "该项目本期平台名单已生成公开记录"),
    ];

    public static readonly IReadOnlyList<ErrorCode> Admission =
    [
        new("com_admission_forbidden", 409, "该事项属于准入负面清单，不得交由村（居）民委员会承担"),
        new("com_admission_unfunded", 409, "未写明委托部门承担的经费，不能批准（村民委员会组织法第三十七条）"),
        new("com_admission_decided", 409, "该申请已审批"),
        new("com_certificate_forbidden", 409, "村（居）民委员会不得出具该证明（民发〔2020〕20号）"),
        new("com_certificate_not_listed", 409, "证明事项不在目录中或不在施行期内，不予出具"),
    ];

    public static readonly IReadOnlyList<ErrorCode> Pilots =
    [
        new("com_pilot_exists", 409, "该村本年度已确定为农村社区试点（同一村每年一次）"),
        new("com_pilot_accepted", 409, "该试点已验收"),
        new("com_assessment_exists", 409, "该乡镇（街道）本年度已有服务能力评估（每年一次）"),
        new("com_no_indicators", 409, "评估日期没有执行中的服务能力评估指标"),
        new("com_indicator_overlap", 409, "同一评估指标的执行期间重叠"),
        new("com_follow_up_done", 409, "该整改事项已完成"),
    ];

    public static readonly IReadOnlyList<ErrorCode> All = [.. Committees, .. Elections, .. Publicity, .. Admission, .. Pilots];
}

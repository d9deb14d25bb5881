namespace Minzheng.Web.Modules.SocialOrganizations.Credit;

/// <summary>The API codes of credit event kinds and their Chinese names (with the ground's source in 民政部令第60号).</summary>
public static class CreditLabels
{
    public static readonly IReadOnlyList<(CreditEventKind Kind, string Code, string Name)> Codes =
    [
        (CreditEventKind.ReportOverdue, "report-overdue", "未按照规定时限报送年度工作报告"),
        (CreditEventKind.NoPartyOrganisation, "no-party-organisation", "未按照规定设立党组织"),
        (CreditEventKind.RectificationUnfinished, "rectification-unfinished", "抽查发现问题未按期完成整改"),
        (CreditEventKind.FundraisingViolation, "fundraising-violation", "具有公开募捐资格的慈善组织存在《慈善组织公开募捐管理办法》第二十一条情形"),
        (CreditEventKind.WarningOrSmallFine, "warning-or-small-fine", "受到警告或者不满5万元罚款处罚"),
        (CreditEventKind.Unreachable, "unreachable", "通过登记的住所无法与社会组织取得联系"),
        (CreditEventKind.FraudulentChangeRevoked, "fraudulent-change-revoked", "弄虚作假办理变更登记，被撤销变更登记"),
        (CreditEventKind.Suspension, "suspension", "受到限期停止活动行政处罚"),
        (CreditEventKind.LargeFine, "large-fine", "受到5万元以上罚款处罚"),
        (CreditEventKind.CourtDishonestDebtor, "court-dishonest-debtor", "被人民法院依法宣告为失信被执行人"),
        (CreditEventKind.RegistrationRevoked, "registration-revoked", "被吊销登记证书或者被撤销成立登记"),
        (CreditEventKind.Fulfilled, "fulfilled", "已履行相关义务或者已完成整改（经核实）"),
        (CreditEventKind.Removed, "removed", "登记管理机关决定移出"),
        (CreditEventKind.Deregistered, "deregistered", "已办理注销登记"),
        (CreditEventKind.Corrected, "corrected", "异议成立，更正信用信息"),
    ];

    public static CreditEventKind? Parse(string? code) =>
        Codes.FirstOrDefault(c => c.Code == code) is { Code: not null } hit ? hit.Kind : null;

    public static string Name(string groundKind) => groundKind switch
    {
        CreditGroundKind.TwoYearsAbnormal => "被列入活动异常名录满2年",
        CreditGroundKind.RepeatedPenalties => "3年内2次以上受到警告或者不满5万元罚款处罚",
        _ => Codes.FirstOrDefault(c => c.Code == groundKind).Name ?? groundKind,
    };

    public static string Name(CreditList list) => list switch
    {
        CreditList.Abnormal => "活动异常名录",
        CreditList.Dishonest => "严重违法失信名单",
        _ => "未列入",
    };
}

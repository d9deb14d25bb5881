using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.SocialOrganizations.Contracts;

/// <summary>The error codes of the credit lists (ledger, objections).</summary>
public static class CreditErrors
{
    public static readonly IReadOnlyList<ErrorCode> All =
    [
        new("socorg_credit_nothing_to_fulfil", 409, "该社会组织没有需要履行义务或整改的列入情形"),
        new("socorg_credit_not_removable", 409, "该社会组织尚不能移出活动异常名录"),
        new("socorg_credit_event_struck", 409, "该信用事件已因异议成立被更正"),
        new("socorg_credit_objection_pending", 409, "对该信用事件的异议正在核实中"),
        new("socorg_credit_objection_decided", 409, "该异议已处理"),
    ];
}

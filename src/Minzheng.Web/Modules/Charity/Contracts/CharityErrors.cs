using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Charity.Contracts;

/// <summary>The error codes only charity supervision returns (registered through the module's declaration).</summary>
public static class CharityErrors
{
    public static readonly ErrorCode NotACharityBody = new("charity_not_a_social_organization", 409, "只有社会团体、社会服务机构和基金会可以作为慈善组织办理");
    public static readonly ErrorCode InsufficientFunds = new("charity_insufficient_funds", 409, "支出超过该项目的可用余额");
    public static readonly ErrorCode NotOwnOrganization = new("charity_not_own_organization", 403, "组织账号只能办理本组织的事项");
    public static readonly ErrorCode YearReported = new("charity_year_reported", 409, "该组织该年度的支出数据已录入");

    public static readonly ErrorCode NoPublicFundraising = new("charity_no_public_fundraising", 409, "该组织在募捐起始日不具有有效的公开募捐资格，不能备案募捐方案");

    public static readonly IReadOnlyList<ErrorCode> All = [NotACharityBody, InsufficientFunds, NotOwnOrganization, YearReported, NoPublicFundraising];
}

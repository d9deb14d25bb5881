using Minzheng.Web.Modules.Charity.Funds;
using Minzheng.Web.Modules.Charity.Ratios;
using Minzheng.Web.Platform.Figures;

namespace Minzheng.Web.Modules.Charity;

/// <summary>
/// The effective-dated figures of charity supervision (rules-2 §6.1, §6.3): the 民发〔2016〕189号 table as versioned rows by body
/// tier, the management-cost exemption, the trust filing period, the disclosure periods and the designated online platforms.
/// </summary>
public static class CharityFigures
{
    public const string Module = "charity";

    /// <summary>The rows of the 民发〔2016〕189号 table: 公募 bodies, non-公募 foundations and non-公募 社团/社会服务机构 by net assets.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Tiers =
    [
        (RatioTiers.PublicFoundation, "具有公开募捐资格的基金会"),
        (RatioTiers.PublicOther, "具有公开募捐资格的社会团体、社会服务机构"),
        (RatioTiers.Foundation6000, "不具有公开募捐资格的基金会（上年末净资产6000万元以上）"),
        (RatioTiers.Foundation800, "不具有公开募捐资格的基金会（800万至6000万元）"),
        (RatioTiers.Foundation400, "不具有公开募捐资格的基金会（400万至800万元）"),
        (RatioTiers.FoundationSmall, "不具有公开募捐资格的基金会（400万元以下）"),
        (RatioTiers.Other1000, "不具有公开募捐资格的社会团体、社会服务机构（1000万元以上）"),
        (RatioTiers.Other500, "不具有公开募捐资格的社会团体、社会服务机构（500万至1000万元）"),
        (RatioTiers.Other100, "不具有公开募捐资格的社会团体、社会服务机构（100万至500万元）"),
        (RatioTiers.OtherSmall, "不具有公开募捐资格的社会团体、社会服务机构（100万元以下）"),
    ];

    /// <summary>年度慈善活动支出下限: % of the previous year's income (公募) or of the previous year-end net assets (non-公募).</summary>
    public static readonly FigureKind SpendingMin = new(Module, "spending-min", "年度慈善活动支出比例下限", "%", Categories: Tiers, Type: FigureValueType.Percent);

    /// <summary>年度管理费用上限: % of the year's total spending.</summary>
    public static readonly FigureKind ManagementMax = new(Module, "management-max", "年度管理费用比例上限", "%", Categories: Tiers, Type: FigureValueType.Percent);

    /// <summary>The extra test of the smallest non-公募 bodies: spending ≥ 50 % of the previous year's income as well.</summary>
    public static readonly FigureKind IncomeShareMin = new(Module, "income-share-min", "年度慈善活动支出占上年总收入比例下限", "%", Categories: Tiers, Type: FigureValueType.Percent);

    /// <summary>Management costs below this amount are exempt from the cap (民发〔2016〕189号 第十一条).</summary>
    public static readonly FigureKind ManagementExempt = new(Module, "management-exempt", "管理费用豁免限额（低于此数不受比例限制）", "元/年");

    /// <summary>慈善信托: the trustee files with its county 民政 within this many days of the trust document (慈善法 2016 第四十五条).</summary>
    public static readonly FigureKind TrustFilingDays = new(Module, "trust-filing-days", "慈善信托备案期限", "日");

    /// <summary>Disclosure of a fundraising plan (慈善法 2016 第七十三条 / 2023 第七十九条).</summary>
    public static readonly FigureKind DisclosureMonths = new(Module, "disclosure-months", "募捐信息公开期限", "个月",
        Categories: [(DisclosureRule.LongPlan, "超过此期限的募捐须定期公开"), (DisclosureRule.Interval, "定期公开间隔"), (DisclosureRule.Final, "募捐结束后全面公开期限")]);

    /// <summary>网络募捐 only on platforms designated by 民政部 (慈善法 2023 第二十七条): a row in force marks a platform designated on that day.</summary>
    public static readonly FigureKind DesignatedPlatform = new(Module, "designated-platform", "民政部指定的互联网公开募捐信息平台", "（1=指定）",
        Categories: [("tencent", "腾讯公益"), ("alipay", "蚂蚁公益（支付宝公益）"), ("taobao", "淘宝公益"), ("jd", "京东公益"), ("weibo", "新浪微公益"),
            ("qingsong", "轻松公益"), ("shuidi", "水滴公益"), ("lianquan", "联劝网"), ("baidu", "百度公益"), ("gongyibao", "公益宝")]);

    public static readonly IReadOnlyList<FigureKind> All = [SpendingMin, ManagementMax, IncomeShareMin, ManagementExempt, TrustFilingDays, DisclosureMonths, DesignatedPlatform];
}

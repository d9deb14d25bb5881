using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Web.Modules.SocialOrganizations.Reports;

/// <summary>The report form as the organisation fills it (API body and page form alike); amounts in yuan, checked to the fen.</summary>
public sealed class ReportInput
{
    /// <summary>The version the form was drawn from (null for a report not saved yet).</summary>
    public int? Version { get; set; }

    public int? Members { get; set; }
    public int? CouncilMeetings { get; set; }
    public bool AddressConfirmed { get; set; }
    public string? MainActivities { get; set; }
    public int? EventsHeld { get; set; }
    public string? Services { get; set; }
    public decimal? IncomeDonations { get; set; }
    public decimal? IncomeGovernment { get; set; }
    public decimal? IncomeServices { get; set; }
    public decimal? IncomeDues { get; set; }
    public decimal? IncomeOther { get; set; }
    public decimal? Expenditure { get; set; }
    public decimal? NetAssets { get; set; }
    public decimal? PublicWelfareSpending { get; set; }
    public decimal? ManagementCosts { get; set; }

    /// <summary>none / own / joint / instructor.</summary>
    public string? PartyOrganization { get; set; }

    public int? FullTimeStaff { get; set; }
    public int? PartTimeStaff { get; set; }
    public int? SocialWorkers { get; set; }
    public bool? PreReviewPassed { get; set; }
    public DateOnly? PreReviewedOn { get; set; }
    public string? PreReviewOpinion { get; set; }
}

/// <summary>The sanctions a registration authority may decide with an inspection (社团条例 art. 30, 民非条例 art. 25).</summary>
public static class ReportSanctions
{
    public const string Warning = "warning";
    public const string Rectify = "rectify";
    public const string Suspend = "suspend";
    public const string ReplaceLeader = "replace-leader";
    public const string Revoke = "revoke";

    public static readonly IReadOnlyList<(string Code, string Name)> All =
        [(Warning, "警告"), (Rectify, "责令改正"), (Suspend, "限期停止活动"), (ReplaceLeader, "责令撤换直接负责的主管人员"), (Revoke, "撤销登记")];

    public static string? Name(string code) => All.FirstOrDefault(s => s.Code == code).Name;

    public static IReadOnlyList<string> Split(string? joined) =>
        string.IsNullOrEmpty(joined) ? [] : joined.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public static string Names(string? joined) => string.Join("、", Split(joined).Select(c => Name(c) ?? c));
}

/// <summary>The Chinese names and the API codes of the report's states and conclusions.</summary>
public static class ReportLabels
{
    public static string Code(AnnualReportStatus s) => s switch
    {
        AnnualReportStatus.Draft => "draft",
        AnnualReportStatus.PreReviewed => "pre-reviewed",
        AnnualReportStatus.Submitted => "submitted",
        AnnualReportStatus.Returned => "returned",
        _ => "concluded",
    };

    public static string Name(AnnualReportStatus s) => s switch
    {
        AnnualReportStatus.Draft => "草稿",
        AnnualReportStatus.PreReviewed => "业务主管单位已初审",
        AnnualReportStatus.Submitted => "已报送，待审查",
        AnnualReportStatus.Returned => "退回补正",
        _ => "已作出年检结论",
    };

    public static string Code(InspectionConclusion c) => c switch
    {
        InspectionConclusion.Qualified => "qualified",
        InspectionConclusion.BasicallyQualified => "basically-qualified",
        _ => "unqualified",
    };

    public static string Name(InspectionConclusion c) => c switch
    {
        InspectionConclusion.Qualified => "合格",
        InspectionConclusion.BasicallyQualified => "基本合格",
        _ => "不合格",
    };

    public static InspectionConclusion? ParseConclusion(string? code) => code switch
    {
        "qualified" => InspectionConclusion.Qualified,
        "basically-qualified" => InspectionConclusion.BasicallyQualified,
        "unqualified" => InspectionConclusion.Unqualified,
        _ => null,
    };

    public static readonly IReadOnlyList<(PartyOrganizationStatus Status, string Code, string Name)> Party =
    [
        (PartyOrganizationStatus.Own, "own", "单独建立党组织"),
        (PartyOrganizationStatus.Joint, "joint", "联合建立党组织"),
        (PartyOrganizationStatus.Instructor, "instructor", "选派党建工作指导员"),
        (PartyOrganizationStatus.None, "none", "未建立党组织"),
    ];

    public static string Code(PartyOrganizationStatus s) => Party.FirstOrDefault(p => p.Status == s).Code ?? "";

    public static string Name(PartyOrganizationStatus s) => Party.FirstOrDefault(p => p.Status == s).Name ?? "未填写";

    public static PartyOrganizationStatus? ParseParty(string? code) =>
        Party.Any(p => p.Code == code) ? Party.First(p => p.Code == code).Status : null;
}

/// <summary>
/// The pure checks of the report form: every bad field at once, so nothing is half-saved. A draft may be incomplete but never
/// wrong (ranges, lengths, an opinion without a date); a submission must also be complete for the organisation's kind.
/// </summary>
public static class ReportForm
{
    /// <summary>Ten billion yuan: far above any local organisation's accounts, so a larger figure is a typing error.</summary>
    public const decimal MaxYuan = 10_000_000_000m;

    public const int MaxCount = 1_000_000;
    public const int MaxText = 2000;
    public const int MaxOpinion = 1000;

    public static Dictionary<string, string[]> Check(ReportInput i, OrganizationKind kind, int year, DateOnly today, bool submitting)
    {
        var e = new Dictionary<string, string[]>();
        void Count(string field, int? v, int max = MaxCount)
        {
            if (v is < 0 || v > max) e[field] = [$"须为 0 到 {max} 之间的整数"];
        }
        void Amount(string field, decimal? v, bool mayBeNegative = false)
        {
            if (v is not { } y) return;
            if (decimal.Round(y, 2) != y) e[field] = ["金额最多两位小数（到分）"];
            else if (y > MaxYuan || y < (mayBeNegative ? -MaxYuan : 0)) e[field] = [mayBeNegative ? "金额超出允许范围" : "金额不能为负数，且不超过一百亿元"];
        }
        void Text(string field, string? v, int max)
        {
            if (v is { Length: var n } && n > max) e[field] = [$"最多 {max} 个字"];
        }
        void Required(string field, bool present, string message)
        {
            if (submitting && !present && !e.ContainsKey(field)) e[field] = [message];
        }

        Count("members", i.Members);
        Count("councilMeetings", i.CouncilMeetings, 366);
        Count("eventsHeld", i.EventsHeld);
        Count("fullTimeStaff", i.FullTimeStaff);
        Count("partTimeStaff", i.PartTimeStaff);
        Count("socialWorkers", i.SocialWorkers);
        Text("mainActivities", i.MainActivities, MaxText);
        Text("services", i.Services, MaxText);
        Text("preReviewOpinion", i.PreReviewOpinion, MaxOpinion);
        Amount("incomeDonations", i.IncomeDonations);
        Amount("incomeGovernment", i.IncomeGovernment);
        Amount("incomeServices", i.IncomeServices);
        Amount("incomeDues", i.IncomeDues);
        Amount("incomeOther", i.IncomeOther);
        Amount("expenditure", i.Expenditure);
        Amount("netAssets", i.NetAssets, mayBeNegative: true);
        Amount("publicWelfareSpending", i.PublicWelfareSpending);
        Amount("managementCosts", i.ManagementCosts);
        if (!string.IsNullOrEmpty(i.PartyOrganization) && ReportLabels.ParseParty(i.PartyOrganization) is null)
            e["partyOrganization"] = ["党组织情况须为：单独建立、联合建立、选派党建工作指导员或未建立"];
        if (i.SocialWorkers is { } sw && !e.ContainsKey("socialWorkers") && sw > (i.FullTimeStaff ?? 0) + (i.PartTimeStaff ?? 0))
            e["socialWorkers"] = ["持证社会工作者人数不能多于专职和兼职工作人员之和"];

        // the supervising unit's opinion: given after the year it reports on ended and not in the future
        if (i.PreReviewPassed is not null || i.PreReviewedOn is not null || !string.IsNullOrWhiteSpace(i.PreReviewOpinion))
        {
            if (i.PreReviewPassed is null) e["preReviewPassed"] = ["请选择业务主管单位的初审意见：同意或退回"];
            if (i.PreReviewedOn is not { } on) e["preReviewedOn"] = ["请填写业务主管单位出具初审意见的日期"];
            else if (on <= new DateOnly(year, 12, 31) || on > today) e["preReviewedOn"] = [$"初审日期须在 {year} 年度结束之后、不晚于今天"];
        }

        Required("addressConfirmed", i.AddressConfirmed, "请确认住所地址（登记住所仍可联系）");
        Required("mainActivities", !string.IsNullOrWhiteSpace(i.MainActivities), "请填写本年度主要业务活动");
        Required("councilMeetings", i.CouncilMeetings is not null, "请填写理事会（会员大会）召开次数");
        if (kind == OrganizationKind.SocialGroup) Required("members", i.Members is not null, "社会团体须填写会员数");
        Required("expenditure", i.Expenditure is not null, "请填写本年度支出合计");
        Required("netAssets", i.NetAssets is not null, "请填写年末净资产");
        if (kind == OrganizationKind.Foundation)
        {
            Required("publicWelfareSpending", i.PublicWelfareSpending is not null, "基金会须填写公益事业支出");
            Required("managementCosts", i.ManagementCosts is not null, "基金会须填写工作人员工资福利和行政办公支出");
        }
        Required("partyOrganization", ReportLabels.ParseParty(i.PartyOrganization) is not null, "请选择党组织建设情况");
        Required("fullTimeStaff", i.FullTimeStaff is not null, "请填写专职工作人员人数（没有填 0）");
        Required("partTimeStaff", i.PartTimeStaff is not null, "请填写兼职工作人员人数（没有填 0）");
        return e;
    }
}

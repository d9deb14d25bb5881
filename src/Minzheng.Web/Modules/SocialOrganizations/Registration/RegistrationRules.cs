using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Web.Modules.SocialOrganizations.Registration;

/// <summary>One material of the checklist: a stable code and its name as the applicant reads it.</summary>
public sealed record Material(string Code, string Name);

/// <summary>
/// The materials each application needs, per application kind and organisation kind (社会团体登记管理条例 第十一、十八、二十条;
/// 民办非企业单位登记管理暂行条例 第九、十五、十六条; 基金会管理条例 第九、十五、十六条), as data: the page lists them, the use
/// case refuses an application missing any of them (400 naming each). A body registered directly (no 业务主管单位) is not asked
/// for the supervising unit's approval.
/// </summary>
public static class RegistrationMaterials
{
    public static readonly Material Form = new("form", "登记申请书");
    public static readonly Material SupervisorApproval = new("supervisor-approval", "业务主管单位的批准（审查同意）文件");
    public static readonly Material Charter = new("charter", "章程草案");
    public static readonly Material Premises = new("premises", "住所使用权证明");
    public static readonly Material Capital = new("capital", "验资报告（注册资金、原始基金证明）");
    public static readonly Material Leaders = new("leaders", "拟任负责人（法定代表人）基本情况和身份证明");
    public static readonly Material Founders = new("founders", "发起人名单及基本情况");
    public static readonly Material Members = new("members", "会员名单（会员数量符合法定要求）");
    public static readonly Material Staff = new("staff", "从业人员、场所设施等办事条件说明");
    public static readonly Material Resolution = new("resolution", "会员（代表）大会、理事会或决策机构的决议");
    public static readonly Material ChangeProof = new("change-proof", "变更事项的证明文件（新法定代表人身份证明、新住所证明、验资报告等）");
    public static readonly Material Liquidation = new("liquidation", "清算报告书");
    public static readonly Material Certificates = new("certificates", "登记证书正本、副本和印章");

    public static readonly IReadOnlyList<Material> All =
        [Form, SupervisorApproval, Charter, Premises, Capital, Leaders, Founders, Members, Staff, Resolution, ChangeProof, Liquidation, Certificates];

    public static Material? Find(string code) => All.FirstOrDefault(m => m.Code == code);

    /// <summary>The checklist of an application.</summary>
    public static IReadOnlyList<Material> Required(ApplicationKind application, OrganizationKind kind, bool hasSupervisingUnit)
    {
        var list = new List<Material> { Form };
        if (hasSupervisingUnit) list.Add(SupervisorApproval);
        switch (application)
        {
            case ApplicationKind.Establish:
                list.AddRange([Charter, Premises, Capital, Leaders]);
                if (kind == OrganizationKind.SocialGroup) list.AddRange([Founders, Members]);
                if (kind == OrganizationKind.SocialServiceAgency) list.Add(Staff);
                break;
            case ApplicationKind.Change:
                list.AddRange([Resolution, ChangeProof]);
                break;
            case ApplicationKind.Deregister:
                list.AddRange([Resolution, Liquidation, Certificates]);
                break;
        }
        return list;
    }

    /// <summary>The required materials not among <paramref name="submitted"/>, in checklist order.</summary>
    public static IReadOnlyList<Material> Missing(ApplicationKind application, OrganizationKind kind, bool hasSupervisingUnit, IEnumerable<string> submitted)
    {
        var have = submitted.ToHashSet(StringComparer.Ordinal);
        return [.. Required(application, kind, hasSupervisingUnit).Where(m => !have.Contains(m.Code))];
    }
}

/// <summary>
/// Which level registers a new organisation (ADR 038), kept simple and stated: a foundation, and any body whose activity area is
/// the whole city, registers with the city's 民政局; every other body with the county of its seat. The applicant chooses the
/// level on the establishment application and a choice against this rule is refused on its field.
/// </summary>
public static class RegistrationLevels
{
    public static RegistrationLevel Required(OrganizationKind kind, bool cityWide) =>
        kind == OrganizationKind.Foundation || cityWide ? RegistrationLevel.City : RegistrationLevel.County;

    public static string? Problem(OrganizationKind kind, bool cityWide, RegistrationLevel chosen) =>
        Required(kind, cityWide) == chosen ? null
        : chosen == RegistrationLevel.County
            ? (kind == OrganizationKind.Foundation ? "基金会由市级登记管理机关登记，请选择市级" : "活动地域为全市的，由市级登记管理机关登记，请选择市级")
            : "活动地域在一个县（市、区）内的社会团体、社会服务机构由县级登记管理机关登记，请选择县级";

    public static string Name(RegistrationLevel level) => level == RegistrationLevel.City ? "市级" : "县级";
}

/// <summary>How a statutory time limit counts: the law's 日 are calendar days, 行政许可法's are working days (第八十二条).</summary>
public static class TimeLimits
{
    public const string Calendar = "calendar";
    public const string Working = "working";

    /// <summary>The decision date: <paramref name="days"/> counted from the day after acceptance.</summary>
    public static DateOnly DueOn(DateOnly acceptedOn, int days, string counting, Func<DateOnly, int, DateOnly> addWorkingDays) =>
        counting == Working ? addWorkingDays(acceptedOn, days) : acceptedOn.AddDays(days);

    /// <summary>The figure category of an application (the limit differs per kind for establishment only).</summary>
    public static string Category(ApplicationKind application, OrganizationKind kind) => application switch
    {
        ApplicationKind.Establish => "establish-" + SocialOrganizationKinds.FigureCategory(kind),
        ApplicationKind.Change => "change",
        _ => "deregister",
    };
}

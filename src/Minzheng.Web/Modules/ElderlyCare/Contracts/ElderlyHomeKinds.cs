namespace Minzheng.Web.Modules.ElderlyCare.Contracts;

/// <summary>
/// What makes a kernel organisation a care home. The registry's <c>OrganizationKind</c> is the legal form (a 养老机构 may be a
/// 社会服务机构, an enterprise or a 事业单位), so being a home is a fact of elderly care: one <c>elderly_home</c> profile row per
/// organisation, whose <c>Kind</c> holds one of these codes (ADR 029). Other parts of elderly care (inspections, star rating,
/// home care) find "the homes" as the organisations that have a profile row of these kinds.
/// </summary>
public static class ElderlyHomeKinds
{
    /// <summary>养老机构 (民政部令第66号): a registered body giving 全日集中住宿和照料护理 with at least 10 beds.</summary>
    public const string CareHome = "care_home";

    /// <summary>特困供养服务设施（敬老院）: a care home run for extreme-poverty people (农村五保供养服务机构, 民政部令第37号).</summary>
    public const string SpecialCareFacility = "special_care_facility";

    public static readonly IReadOnlyList<string> All = [CareHome, SpecialCareFacility];

    public static string Label(string kind) => kind switch
    {
        CareHome => "养老机构",
        SpecialCareFacility => "特困供养服务设施（敬老院）",
        _ => kind,
    };
}

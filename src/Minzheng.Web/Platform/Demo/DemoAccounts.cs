using Minzheng.Web.Platform.Access;

namespace Minzheng.Web.Platform.Demo;

/// <summary>The demo accounts (demo mode only; password <see cref="Password"/> for all).</summary>
public static class DemoAccounts
{
    public const string Password = "Demo@2020";

    public sealed record Account(string UserName, string DisplayName, string Role, string DivisionCode, string Description);

    public static readonly IReadOnlyList<Account> All =
    [
        new("admin", "系统管理员", Roles.Administrator, "450900000000", "系统管理员 · 玉林市"),
        new("city.officer", "市民政局干部", Roles.CityOfficer, "450900000000", "市级民政干部 · 玉林市"),
        new("rongxian.officer", "容县民政局干部", Roles.CountyOfficer, "450921000000", "县级民政干部 · 容县"),
        new("rongzhou.clerk", "容州镇经办员", Roles.TownshipClerk, "450921100000", "乡镇经办（受理/调查）· 容州镇"),
        new("rongzhou.approver", "容州镇审核员", Roles.TownshipApprover, "450921100000", "乡镇审核确认 · 容州镇"),
        new("yangmei.clerk", "杨梅镇经办员", Roles.TownshipClerk, "450921102000", "乡镇经办 · 杨梅镇"),
        new("xinnan.worker", "新南社区工作人员", Roles.VillageWorker, "450921100003", "社区工作人员 · 新南社区"),
        new("rongxian.finance", "容县民政局财务", Roles.Finance, "450921000000", "财务（审批发放、导出银行文件）· 容县"),
        new("rongxian.dpf", "容县残联工作人员", Roles.DisabledPersonsFederation, "450921000000", "残联（两项补贴残疾人证审核）· 容县"),
        new("beiliu.officer", "北流市民政局干部", Roles.CountyOfficer, "450981000000", "县级民政干部 · 北流市"),
        new("auditor", "审计员", Roles.Auditor, "450900000000", "只读审计 · 玉林市"),
        new("yikang.caregiver", "颐康护理员黄秀兰", Roles.OrganizationStaff, "450902000000", "居家养老服务机构护理员（组织账号：玉州区颐康居家养老服务中心，签到签退）"),
        // bound to its organisation by the elderly-care demo (HomesInitializer): sees its own home only
        new("fushou.home", "福寿养老院工作人员", Roles.OrganizationStaff, "450921100000", "养老机构工作人员 · 容县福寿养老院（只见本机构）"),
        // bound to its organisation by the social-organisation demo: files its own applications and annual reports
        new("yangguang.org", "阳光社工中心工作人员", Roles.OrganizationStaff, "450921100000", "社会组织工作人员 · 容县阳光社会工作服务中心（网上办理登记、年报，只见本组织）"),
        // the county 民政局's marriage registrar (婚姻登记员): registers marriages and divorces of the county
        new("rongxian.marriage", "容县婚姻登记员", Roles.CountyOfficer, "450921000000", "婚姻登记员 · 容县婚姻登记处（结婚、离婚、补领、档案补录）"),
        // staff of the city's rescue station, which serves 玉州区: intake, family search, return home, patrols
        new("yulin.rescue", "玉林市救助管理站工作人员", Roles.CountyOfficer, "450902000000", "救助管理站工作人员 · 玉林市救助管理站（求助登记、寻亲、返乡、巡查）"),
        // bound to 新南社区居委会 by the volunteering demo (VolunteersInitializer): its volunteer team records and verifies service
        new("xinnan.committee", "新南社区志愿服务队", Roles.OrganizationStaff, "450921100003", "社区居委会志愿服务队 · 新南社区（发布活动、签到签退、核实时长、出具证明，只见本组织）"),
        // a citizen account bound by the volunteering demo to a registered volunteer of 新南社区 (phone pages: sign up, scan in and out)
        new("zhiyuan.citizen", "志愿者（群众账号）", Roles.Citizen, "450921100003", "群众 · 注册志愿者（手机报名、扫码签到签退、查看服务时长和时间银行）"),
    ];
}

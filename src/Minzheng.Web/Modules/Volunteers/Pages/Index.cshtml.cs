using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;

namespace Minzheng.Web.Modules.Volunteers.Pages;

/// <summary>
/// 志愿服务 (/volunteers), where the navigation entry leads: what this account can do in volunteering and the parts' pages,
/// each shown only when the account holds the permission it needs (the pages check again).
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + VolunteerPermissions.Read)]
public sealed class IndexModel(ICurrentUser user) : PageModel
{
    public sealed record Link(string Href, string Title, string Text);

    public bool OrganizationAccount => user.OrganizationId is not null;

    public IReadOnlyList<Link> Links { get; private set; } = [];

    public void OnGet()
    {
        var manage = user.HasPermission(VolunteerPermissions.Manage);
        var links = new List<Link>
        {
            new("/volunteers/people", "志愿者", manage ? "实名登记志愿者（核对身份证号和姓名）、查看本组织的志愿者" : "查看辖区内注册的志愿者"),
            new("/volunteers/teams", "志愿服务组织", user.HasPermission(VolunteerPermissions.TeamsWrite) ? "登记志愿服务组织及其工作人员账号" : "查看志愿服务组织"),
            new("/volunteers/activities", "志愿服务活动", manage ? "发布招募（如实告知风险和年龄、能力要求）、签到签退" : "查看辖区内的活动"),
            new("/volunteers/records", "服务记录核实", manage ? "核实签退后的服务时长，或不予认定并说明理由" : "查看服务记录及其核实情况"),
            new("/volunteers/timebank", "时间银行", "助老服务时长存入、支取、转赠和对账"),
            new("/volunteers/certificates", "志愿服务记录证明", manage ? "受理志愿者的申请、开具证明（免费）、作废" : "查看已开具的证明"),
            new("/volunteers/dashboard", "志愿服务概况", "按地区和月份的志愿者、核实时长，活跃组织，星级分布"),
        };
        if (user.HasPermission(VolunteerPermissions.FiguresWrite))
        {
            links.Add(new("/figures?module=volunteers", "志愿服务标准", "星级认定时长等标准（按生效日期管理），改后可在概况页立即重算星级"));
        }
        Links = links;
    }
}

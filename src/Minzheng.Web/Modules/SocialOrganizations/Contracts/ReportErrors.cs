using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.SocialOrganizations.Contracts;

/// <summary>The error codes of annual reports and inspection.</summary>
public static class ReportErrors
{
    public static readonly IReadOnlyList<ErrorCode> All =
    [
        new("socorg_report_exempt", 409, "该组织当年登记未满规定期限，免于报送该年度工作报告"),
        new("socorg_report_not_editable", 409, "年度工作报告已提交或已作出结论，不能再修改"),
        new("socorg_report_wrong_status", 409, "年度工作报告当前状态不能办理此操作"),
        new("socorg_report_prereview_missing", 400, "需经业务主管单位初审同意后才能报送登记管理机关"),
        new("socorg_report_not_own", 403, "只有本组织的账号可以填报年度工作报告"),
    ];
}

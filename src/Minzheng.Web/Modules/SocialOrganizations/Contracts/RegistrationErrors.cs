using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.SocialOrganizations.Contracts;

/// <summary>The error codes of registration (issue 14 item 1).</summary>
public static class RegistrationErrors
{
    public static readonly ErrorCode MaterialsMissing = new("socorg_materials_missing", 400, "申请材料不齐全（逐项列出缺少的材料）");
    public static readonly ErrorCode ApplicationState = new("socorg_application_state", 409, "申请当前状态下不能办理该事项");
    public static readonly ErrorCode PendingApplication = new("socorg_application_pending", 409, "该社会组织已有尚未办结的同类申请");
    public static readonly ErrorCode NameTaken = new("socorg_name_taken", 409, "拟用名称与已登记的社会组织重名");
    public static readonly ErrorCode NotActive = new("socorg_not_active", 409, "该社会组织已注销或被撤销登记");

    public static readonly IReadOnlyList<ErrorCode> All = [MaterialsMissing, ApplicationState, PendingApplication, NameTaken, NotActive];
}

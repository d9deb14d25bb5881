using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Volunteers.Registration.Contracts;

/// <summary>The error codes of volunteer registration, teams and profiles.</summary>
public static class RegistrationErrors
{
    public static readonly IReadOnlyList<ErrorCode> All =
    [
        new("volunteer_consent_required", 400, "须同意志愿者信息记录与共享的告知（组织代为注册的，须已取得本人书面同意）"),
        new("volunteer_minor_needs_guardian", 400, "未满18周岁的，须在监护人同意下注册"),
        new("volunteer_minor_too_young", 409, "未达到本地未成年志愿者注册的最低年龄"),
        new("volunteer_person_not_verified", 400, "身份证号与姓名未能在户籍登记中核实"),
        new("volunteer_already_registered", 409, "已注册为志愿者"),
        new("volunteer_already_member", 409, "该志愿者已在本组织"),
        new("volunteer_withdrawn", 409, "志愿者已注销"),
        new("volunteer_not_active", 409, "志愿者注册已暂停或注销"),
        new("volunteer_team_inactive", 409, "志愿服务组织登记已停用"),
        new("volunteer_team_exists", 409, "该组织已登记为志愿服务组织"),
    ];
}

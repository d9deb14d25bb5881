using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Rescue.Contracts;

/// <summary>The error codes of the domestic-violence shelter (Modules/Rescue/Shelter).</summary>
public static class ShelterErrors
{
    public static readonly IReadOnlyList<ErrorCode> All =
    [
        new("rescue_shelter_open", 409, "该人员正在临时庇护中，不能重复入住"),
        new("rescue_shelter_closed", 409, "该庇护已结束，不能再办理"),
        new("rescue_shelter_child_added", 409, "该子女已随本次庇护入住"),
    ];
}

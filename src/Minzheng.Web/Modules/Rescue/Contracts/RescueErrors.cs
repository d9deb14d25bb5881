using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Rescue.Contracts;

/// <summary>The error codes only vagrant rescue returns (registered through the module's declaration).</summary>
public static class RescueErrors
{
    public static readonly ErrorCode StayClosed = new("rescue_stay_closed", 409, "该人员已离站，不能再办理在站事项");

    private static readonly IReadOnlyList<ErrorCode> Base = [StayClosed];

    // each part of the module adds its own list here, one line each
    public static readonly IReadOnlyList<ErrorCode> All = [.. Base, .. StaysErrors.All, .. SearchErrors.All, .. PatrolErrors.All, .. ShelterErrors.All];
}

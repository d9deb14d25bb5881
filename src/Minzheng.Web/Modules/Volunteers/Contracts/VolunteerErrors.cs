using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Volunteers.Contracts;

/// <summary>The error codes only volunteering returns (registered through the module's declaration).</summary>
public static class VolunteerErrors
{
    public static readonly ErrorCode RecordNotSubmitted = new("volunteer_record_not_submitted", 409, "只有已签退、待核实的服务记录可以核实");
    public static readonly ErrorCode MinutesOutOfRange = new("volunteer_minutes_out_of_range", 400, "核实时长不能超过签到签退所示的实际服务时间");

    public static readonly ErrorCode NotRegistered = new("volunteer_not_registered", 404, "您还没有注册为志愿者");

    private static readonly IReadOnlyList<ErrorCode> Base = [RecordNotSubmitted, MinutesOutOfRange, NotRegistered];

    // each part of the module adds its own list here, one line each
    public static readonly IReadOnlyList<ErrorCode> All = [.. Base, .. Registration.Contracts.RegistrationErrors.All, .. Activities.Contracts.ActivityErrors.All, .. Certificates.Contracts.CertificateErrors.All, .. TimeBank.Contracts.TimeBankErrors.All];
}

using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Marriage.Contracts;

/// <summary>The error codes only marriage registration returns (registered through the module's declaration).</summary>
public static class MarriageErrors
{
    public static readonly ErrorCode Refused = new("marriage_refused", 422, "不符合婚姻登记条件，不予登记（理由逐项列明）");
    public static readonly ErrorCode NotThisRegistry = new("marriage_not_this_registry", 422, "双方常住户口均不在本登记机关辖区，且不适用跨省通办，请到一方常住户口所在地的婚姻登记机关办理");

    private static readonly IReadOnlyList<ErrorCode> Base = [Refused, NotThisRegistry];

    // each part of the module adds its own list here, one line each
    public static readonly IReadOnlyList<ErrorCode> All = [.. Base, .. RegistrationErrors.All, .. DivorceErrors.All, .. CertificateErrors.All, .. BackfillErrors.All, .. CounsellingErrors.All];
}

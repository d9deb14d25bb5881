using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Marriage.Contracts;

/// <summary>The error codes of 补领 and the 婚姻登记记录证明 (registered through <see cref="MarriageErrors.All"/>).</summary>
public static class CertificateErrors
{
    public static readonly ErrorCode NotHolder = new("marriage_certificate_not_holder", 400, "补领或出具记录证明的申请人须为该登记的一方当事人");

    public static readonly IReadOnlyList<ErrorCode> All = [NotHolder];
}

using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Volunteers.Certificates.Contracts;

/// <summary>The error codes of service proofs (志愿服务记录证明).</summary>
public static class CertificateErrors
{
    public static readonly ErrorCode NoRecords = new("volunteer_certificate_no_records", 400, "该组织没有这名志愿者（在该期间）已核实的服务记录，不能出具证明");
    public static readonly ErrorCode RequestPending = new("volunteer_certificate_request_pending", 409, "向该组织申请的证明正在办理");
    public static readonly ErrorCode WrongStatus = new("volunteer_certificate_wrong_status", 409, "证明当前的状态不能办理这一步");

    public static readonly IReadOnlyList<ErrorCode> All = [NoRecords, RequestPending, WrongStatus];
}

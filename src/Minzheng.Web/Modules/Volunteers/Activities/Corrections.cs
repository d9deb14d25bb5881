using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Volunteers.Records;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Volunteers.Activities;

/// <summary>
/// 更正: the volunteer asks the organiser to correct the time of a verified or rejected record of theirs; the organiser
/// accepts — the record's verified minutes change through <see cref="VolunteerHours"/>, so the total, the star and the time
/// bank follow in the same transaction, and an issued proof listing the record is revoked — or refuses with a reason. Both are audited; the volunteer sees the outcome.
/// </summary>
public sealed class Corrections(AppDbContext db, VolunteerIdentity identity, VolunteerHours hours, ICurrentUser user, AuditLog audit, BusinessClock clock,
    Certificates.ServiceCertificates certificates)
{
    /// <summary>A correction never asks for more than a day of service for one record.</summary>
    public const int MaxMinutes = 24 * 60;

    public async Task<ServiceCorrection> RequestAsync(Guid recordId, int? requestedMinutes, string? reason, CancellationToken ct)
    {
        var volunteer = await identity.RequireAsync(ct);
        // the volunteer's own record, read past the organiser's scope by the volunteer's id
        var record = await db.Set<ServiceRecord>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == recordId && r.VolunteerId == volunteer.Id, ct) ?? throw AppProblem.NotFound("服务记录");
        var errors = new ValidationErrors();
        if (requestedMinutes is not { } minutes || minutes < 0 || minutes > MaxMinutes) errors.Add("requestedMinutes", $"请填写申请更正后的服务时长（0至{MaxMinutes}分钟）");
        else if (record.Status == ServiceRecordStatus.Verified && minutes == record.VerifiedMinutes) errors.Add("requestedMinutes", "申请的时长与已核实的时长相同");
        if (string.IsNullOrWhiteSpace(reason)) errors.Add("reason", "请说明更正的理由");
        else if (reason.Trim().Length > 500) errors.Add("reason", "理由不超过500字");
        errors.ThrowIfAny();
        if (record.Status is not (ServiceRecordStatus.Verified or ServiceRecordStatus.Rejected)
            || await db.Set<ServiceCorrection>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AnyAsync(c => c.RecordId == record.Id && c.Status == CorrectionStatus.Requested, ct))
        {
            throw AppProblem.Conflict("volunteer_correction_not_allowed", "只有已核实或不予认定、且没有待处理更正申请的记录可以申请更正");
        }
        var correction = new ServiceCorrection
        {
            RecordId = record.Id,
            VolunteerId = volunteer.Id,
            OrganizationId = record.OrganizationId,
            DivisionCode = record.DivisionCode,
            RequestedMinutes = requestedMinutes!.Value,
            PreviousMinutes = record.VerifiedMinutes,
            Reason = reason!.Trim(),
        };
        db.Add(correction);
        db.PermitOutOfScopeWrite(correction, "志愿者本人申请更正服务时长");
        audit.Add("volunteer.correction.request", nameof(ServiceCorrection), correction.Id.ToString(), new { record = record.Id, requested = correction.RequestedMinutes, previous = correction.PreviousMinutes }, record.DivisionCode);
        await db.SaveChangesAsync(ct);
        return correction;
    }

    public async Task<ServiceCorrection> DecideAsync(Guid id, bool accept, string? answer, int? version, CancellationToken ct)
    {
        if (user.OrganizationId is not { } own) throw AppProblem.Forbidden("更正申请由组织活动的志愿服务组织处理（谁记录谁更正），请使用组织账号");
        var correction = await db.Set<ServiceCorrection>().FirstOrDefaultAsync(c => c.Id == id && c.OrganizationId == own, ct) ?? throw AppProblem.NotFound("更正申请");
        db.ExpectVersion(correction, version ?? throw AppProblem.Field("version", "缺少版本号"));
        if (correction.Status != CorrectionStatus.Requested) throw AppProblem.Conflict("volunteer_correction_decided", "该更正申请已经处理过");
        if (!accept && string.IsNullOrWhiteSpace(answer)) throw AppProblem.Field("answer", "请填写不予更正的理由");
        if (answer is { Length: > 500 }) throw AppProblem.Field("answer", "答复不超过500字");
        var record = await db.Set<ServiceRecord>().FirstAsync(r => r.Id == correction.RecordId, ct);
        correction.Status = accept ? CorrectionStatus.Accepted : CorrectionStatus.Refused;
        correction.Answer = string.IsNullOrWhiteSpace(answer) ? null : answer.Trim();
        correction.DecidedBy = user.UserName;
        correction.DecidedAt = clock.UtcNow;
        if (accept)
        {
            var previous = record.VerifiedMinutes;
            record.Status = ServiceRecordStatus.Verified;
            record.VerifiedMinutes = correction.RequestedMinutes;
            record.VerifiedBy = user.UserName;
            record.VerifiedAt = clock.UtcNow;
            record.VerifyNote = "依志愿者申请更正" + (correction.Answer is { } a ? "：" + a : "");
            await hours.ApplyAsync(record, previous, ct);
            // a proof issued with the old time is now wrong: revoked in the same transaction (ADR 058)
            await certificates.RevokeForCorrectionAsync(record, previous, ct);
        }
        audit.Add(accept ? "volunteer.correction.accept" : "volunteer.correction.refuse", nameof(ServiceCorrection), correction.Id.ToString(),
            new { record = record.Id, requested = correction.RequestedMinutes, previous = correction.PreviousMinutes, correction.Answer }, record.DivisionCode);
        await db.SaveChangesAsync(ct);
        return correction;
    }

    public static string StatusName(CorrectionStatus s) => s switch
    {
        CorrectionStatus.Requested => "待处理",
        CorrectionStatus.Accepted => "已更正",
        _ => "不予更正",
    };
}

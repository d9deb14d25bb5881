using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Volunteers.Records;

/// <summary>
/// Told, inside the transaction that changes it, that a service record's verified time changed from
/// <c>previousMinutes</c> to <see cref="ServiceRecord.VerifiedMinutes"/> (a verification, a correction, a withdrawal). The
/// time bank deposits elderly-care time here and reverses it when a correction lowers it.
/// </summary>
public interface IServiceHoursHandler
{
    Task OnVerifiedMinutesChangedAsync(ServiceRecord record, int previousMinutes, CancellationToken ct);
}

/// <summary>
/// The one writer of a volunteer's cumulative verified time and star level: every change of a record's verified minutes goes
/// through <see cref="ApplyAsync"/>, which tells the handlers and recomputes the volunteer from all their verified records
/// (across every organisation — the total is the volunteer's, though each organisation sees only its own records). Tracked,
/// not saved: the caller's save makes the record, the total and the handlers' writes one transaction.
/// </summary>
public sealed class VolunteerHours(AppDbContext db, FigureBook figures, BusinessClock clock, IEnumerable<IServiceHoursHandler> handlers)
{
    public async Task ApplyAsync(ServiceRecord record, int previousMinutes, CancellationToken ct)
    {
        if (record.VerifiedMinutes != previousMinutes)
        {
            foreach (var handler in handlers) await handler.OnVerifiedMinutesChangedAsync(record, previousMinutes, ct);
        }
        // the volunteer may lie outside an organisation account's scope: read past it by the id of a record read in scope
        var volunteer = await db.Set<Volunteer>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).FirstAsync(v => v.Id == record.VolunteerId, ct);
        // the other records of the volunteer, stored (this one is counted with its new value, saved or not)
        var others = await db.Set<ServiceRecord>().IgnoreQueryFilters([AppDbContext.ScopeFilter])
            .Where(r => r.VolunteerId == record.VolunteerId && r.Id != record.Id && r.Status == ServiceRecordStatus.Verified)
            .SumAsync(r => (long)r.VerifiedMinutes, ct);
        var own = record.Status == ServiceRecordStatus.Verified ? record.VerifiedMinutes : 0;
        Recompute(volunteer, (int)Math.Min(int.MaxValue, others + own));
    }

    /// <summary>Recomputes from the stored records only (a repair, or after the star figures changed).</summary>
    public async Task RecomputeAsync(Volunteer volunteer, CancellationToken ct)
    {
        var total = await db.Set<ServiceRecord>().IgnoreQueryFilters([AppDbContext.ScopeFilter])
            .Where(r => r.VolunteerId == volunteer.Id && r.Status == ServiceRecordStatus.Verified)
            .SumAsync(r => (long)r.VerifiedMinutes, ct);
        Recompute(volunteer, (int)Math.Min(int.MaxValue, total));
    }

    private void Recompute(Volunteer volunteer, int minutes)
    {
        var stars = StarThresholds.On(figures, volunteer.DivisionCode, clock.Today);
        var level = stars?.LevelFor(minutes) ?? 0;
        if (volunteer.VerifiedMinutes == minutes && volunteer.StarLevel == level) return;
        volunteer.VerifiedMinutes = minutes;
        volunteer.StarLevel = level;
        // the organiser's account may sit outside the volunteer's division: the total follows the records it verified
        db.PermitOutOfScopeWrite(volunteer, "核实服务记录后重算志愿者累计服务时长与星级");
    }
}

public sealed record VerifyServiceInput(int? VerifiedMinutes, string? Note, int ExpectedVersion);

public sealed record RejectServiceInput(string? Reason, int ExpectedVersion);

/// <summary>
/// 核实: the organising organisation confirms the time of a submitted record (民政部令第67号: 谁组织谁记录) — the verified minutes
/// may not exceed what the attendance shows (a correction on the volunteer's request is the way to add time), or rejects it
/// with the reason. Only then do hours count; the total and star follow in the same transaction.
/// </summary>
public sealed class ServiceVerification(AppDbContext db, VolunteerHours hours, ICurrentUser user, BusinessClock clock)
{
    public async Task<ServiceRecord> VerifyAsync(Guid recordId, VerifyServiceInput input, CancellationToken ct = default)
    {
        var record = await OwnRecordAsync(recordId, ct);
        db.ExpectVersion(record, input.ExpectedVersion);
        if (record.Status != ServiceRecordStatus.Submitted) throw AppProblem.Conflict("volunteer_record_not_submitted", "只有已签退、待核实的服务记录可以核实");
        var minutes = input.VerifiedMinutes ?? record.ClaimedMinutes;
        if (minutes < 0 || minutes > record.ClaimedMinutes)
        {
            throw AppProblem.Field("verifiedMinutes", $"核实时长应在 0 至 {record.ClaimedMinutes} 分钟之间（不超过签到签退所示的实际服务时间，已扣除路途时间）", "volunteer_minutes_out_of_range");
        }
        if (input.Note is { Length: > 500 }) throw AppProblem.Field("note", "说明不超过500字");
        var previous = record.VerifiedMinutes;
        record.Status = ServiceRecordStatus.Verified;
        record.VerifiedMinutes = minutes;
        record.VerifiedBy = user.UserName;
        record.VerifiedAt = clock.UtcNow;
        record.VerifyNote = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        await hours.ApplyAsync(record, previous, ct);
        await db.SaveChangesAsync(ct);
        return record;
    }

    public async Task<ServiceRecord> RejectAsync(Guid recordId, RejectServiceInput input, CancellationToken ct = default)
    {
        var record = await OwnRecordAsync(recordId, ct);
        db.ExpectVersion(record, input.ExpectedVersion);
        if (record.Status != ServiceRecordStatus.Submitted) throw AppProblem.Conflict("volunteer_record_not_submitted", "只有已签退、待核实的服务记录可以核实");
        if (string.IsNullOrWhiteSpace(input.Reason)) throw AppProblem.Field("reason", "请填写不予认定的理由");
        if (input.Reason.Length > 500) throw AppProblem.Field("reason", "理由不超过500字");
        var previous = record.VerifiedMinutes;
        record.Status = ServiceRecordStatus.Rejected;
        record.VerifiedMinutes = 0;
        record.VerifiedBy = user.UserName;
        record.VerifiedAt = clock.UtcNow;
        record.VerifyNote = input.Reason.Trim();
        await hours.ApplyAsync(record, previous, ct);
        await db.SaveChangesAsync(ct);
        return record;
    }

    /// <summary>A record of the account's own organisation: only the organiser verifies (another organisation's record is 404).</summary>
    private async Task<ServiceRecord> OwnRecordAsync(Guid id, CancellationToken ct)
    {
        if (user.OrganizationId is not { } own) throw AppProblem.Forbidden("服务时长由组织活动的志愿服务组织核实（谁组织谁记录），请使用组织账号");
        return await db.Set<ServiceRecord>().FirstOrDefaultAsync(r => r.Id == id && r.OrganizationId == own, ct) ?? throw AppProblem.NotFound("服务记录");
    }
}

using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Volunteers.Records;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.Volunteers.Activities;

public sealed record SignupRow(VolunteerSignup Signup, string VolunteerNumber, string Name, ServiceRecord? Record);

public sealed record RecordRow(ServiceRecord Record, string ActivityNumber, string ActivityTitle, string VolunteerNumber, string Name)
{
    /// <summary>Flags for the verifier: a check-out the system closed, or attendance the organiser recorded by hand.</summary>
    public IReadOnlyList<string> Flags { get; } =
        [.. Record.CheckOutSource == AttendanceSource.AutoClosed ? ["未签退，按计划结束时间自动签退"] : Array.Empty<string>(),
         .. Record.CheckInSource == AttendanceSource.Organizer || Record.CheckOutSource == AttendanceSource.Organizer ? ["组织方代为签到签退"] : Array.Empty<string>()];
}

public sealed record CorrectionRow(ServiceCorrection Correction, RecordRow Row);

public sealed record MyRecord(ServiceRecord Record, VolunteerActivity Activity, ServiceCorrection? LastCorrection);

/// <summary>The lists of the activities part, each read in the account's scope; names of volunteers past it by their ids.</summary>
public sealed class ActivityQueries(AppDbContext db)
{
    public IQueryable<VolunteerActivity> Activities(string? status)
    {
        var q = db.Set<VolunteerActivity>().AsNoTracking();
        if (status is not null && Enum.TryParse<ActivityStatus>(status, true, out var s)) q = q.Where(a => a.Status == s);
        return q.OrderByDescending(a => a.StartsAt).ThenBy(a => a.Id);
    }

    public async Task<List<SignupRow>> SignupsAsync(Guid activityId, CancellationToken ct)
    {
        var signups = await db.Set<VolunteerSignup>().AsNoTracking().Where(s => s.ActivityId == activityId).OrderBy(s => s.CreatedAt).ToListAsync(ct);
        var records = await db.Set<ServiceRecord>().AsNoTracking().Where(r => r.ActivityId == activityId).ToDictionaryAsync(r => r.VolunteerId, ct);
        var people = await PeopleAsync(signups.Select(s => s.VolunteerId), ct);
        return signups.Select(s => new SignupRow(s, people[s.VolunteerId].Number, people[s.VolunteerId].Name, records.GetValueOrDefault(s.VolunteerId))).ToList();
    }

    /// <summary>The records of the organisation's activities in a state (by default the submitted ones, waiting for verification).</summary>
    public async Task<(List<RecordRow> Items, int Total)> RecordsAsync(ServiceRecordStatus status, int page, int pageSize, CancellationToken ct)
    {
        var q = db.Set<ServiceRecord>().AsNoTracking().Where(r => r.Status == status);
        var total = await q.CountAsync(ct);
        var records = await q.OrderBy(r => r.CheckOutAt).ThenBy(r => r.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return (await RowsAsync(records, ct), total);
    }

    public async Task<List<CorrectionRow>> CorrectionsAsync(CorrectionStatus status, CancellationToken ct)
    {
        var corrections = await db.Set<ServiceCorrection>().AsNoTracking().Where(c => c.Status == status).OrderBy(c => c.CreatedAt).Take(200).ToListAsync(ct);
        var ids = corrections.Select(c => c.RecordId).ToList();
        var rows = (await RowsAsync(await db.Set<ServiceRecord>().AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(ct), ct)).ToDictionary(r => r.Record.Id);
        return corrections.Where(c => rows.ContainsKey(c.RecordId)).Select(c => new CorrectionRow(c, rows[c.RecordId])).ToList();
    }

    private async Task<List<RecordRow>> RowsAsync(List<ServiceRecord> records, CancellationToken ct)
    {
        var activityIds = records.Select(r => r.ActivityId).Distinct().ToList();
        var activities = await db.Set<VolunteerActivity>().AsNoTracking().Where(a => activityIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var people = await PeopleAsync(records.Select(r => r.VolunteerId), ct);
        return records.Select(r => new RecordRow(r, activities.GetValueOrDefault(r.ActivityId)?.Number ?? "", activities.GetValueOrDefault(r.ActivityId)?.Title ?? "",
            people[r.VolunteerId].Number, people[r.VolunteerId].Name)).ToList();
    }

    /// <summary>Numbers and names of volunteers whose ids come from sign-ups and records read in scope.</summary>
    private async Task<Dictionary<Guid, (string Number, string Name)>> PeopleAsync(IEnumerable<Guid> volunteerIds, CancellationToken ct)
    {
        var ids = volunteerIds.Distinct().ToList();
        var volunteers = await db.Set<Volunteer>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking().Where(v => ids.Contains(v.Id))
            .Select(v => new { v.Id, v.Number, v.PersonId }).ToListAsync(ct);
        var names = await db.PersonNamesAsync(volunteers.Select(v => (Guid?)v.PersonId), ct);
        return volunteers.ToDictionary(v => v.Id, v => (v.Number, names.GetValueOrDefault(v.PersonId, "")));
    }

    /// <summary>The signed-in volunteer's sign-ups, records and their latest corrections (read by the volunteer's id).</summary>
    public async Task<(List<(VolunteerSignup Signup, VolunteerActivity Activity)> Signups, List<MyRecord> Records)> MineAsync(Guid volunteerId, CancellationToken ct)
    {
        var signups = await (from s in db.Set<VolunteerSignup>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking()
                             join a in db.Set<VolunteerActivity>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking() on s.ActivityId equals a.Id
                             where s.VolunteerId == volunteerId && s.Status != SignupStatus.Cancelled
                             orderby a.StartsAt descending
                             select new { s, a }).Take(50).ToListAsync(ct);
        var records = await (from r in db.Set<ServiceRecord>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking()
                             join a in db.Set<VolunteerActivity>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking() on r.ActivityId equals a.Id
                             where r.VolunteerId == volunteerId
                             orderby a.StartsAt descending
                             select new { r, a }).Take(50).ToListAsync(ct);
        var recordIds = records.Select(x => x.r.Id).ToList();
        var corrections = (await db.Set<ServiceCorrection>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking()
                .Where(c => recordIds.Contains(c.RecordId)).ToListAsync(ct))
            .GroupBy(c => c.RecordId).ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.CreatedAt).First());
        return (signups.Select(x => (x.s, x.a)).ToList(), records.Select(x => new MyRecord(x.r, x.a, corrections.GetValueOrDefault(x.r.Id))).ToList());
    }
}

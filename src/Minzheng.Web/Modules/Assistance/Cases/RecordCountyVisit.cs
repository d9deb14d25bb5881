using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Assistance.Cases;

/// <summary>县级入户核查: the county's own home visit, required before it confirms a flagged relative's case.</summary>
public sealed class RecordCountyVisit(AppDbContext db, ICurrentUser user, BusinessClock clock)
{
    public async Task RunAsync(Guid id, DateOnly? date, string? record, CancellationToken ct = default)
    {
        if (!user.HasPermission(AssistancePermissions.Confirm)) throw AppProblem.Forbidden("入户核查由县级民政部门进行");
        var c = await AssistanceCases.LoadAsync(db, id, ct);
        if (date is null || date > clock.Today) throw AppProblem.Field("date", "请填写核查日期（不晚于今天）");
        if (string.IsNullOrWhiteSpace(record)) throw AppProblem.Field("record", "请填写核查记录");
        c.CountyVisitOn = date;
        c.CountyVisitRecord = record.Trim();
        await db.SaveChangesAsync(ct);
    }
}

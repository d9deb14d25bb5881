using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.ElderlyCare.HomeCare;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Modules.ElderlyCare.Assessment;

/// <summary>
/// The stored GB/T 42195-2022 assessments as home care's ability criterion: the level of the elder's latest assessment made on or
/// before the date. An assessment past its reassessment date still counts (the level does not lapse; the reassessment is listed as
/// due on /elderly), so an elder is never dropped from home care for the county's overdue paperwork.
/// </summary>
public sealed class AbilityLevels(AppDbContext db) : IAbilityLevelSource
{
    public async Task<int?> LevelOfAsync(Guid personId, DateOnly on, CancellationToken ct) =>
        await db.Set<AbilityAssessment>().AsNoTracking()
            .Where(a => a.PersonId == personId && a.AssessedOn <= on)
            .OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.CreatedAt)
            .Select(a => (int?)a.Level).FirstOrDefaultAsync(ct);
}

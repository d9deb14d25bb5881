using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Numbering;

namespace Minzheng.Web.Modules.Volunteers.Records;

/// <summary>The numbers volunteering issues, all from the kernel's case numbers (unique city-wide, per county and year).</summary>
public static class VolunteerNumbers
{
    /// <summary>志愿者编号: "ZY" + the county of the volunteer's division + year + 5 digits.</summary>
    public static Task<string> NextVolunteerAsync(this CaseNumbers numbers, AppDbContext db, string divisionCode, int year, CancellationToken ct) =>
        numbers.NextAsync(new NumberSeries("ZY" + divisionCode[..6], year, 5),
            db.Set<Volunteer>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Select(v => v.Number), ct);

    /// <summary>活动编号: "HD" + the county of the organising team + year + 5 digits.</summary>
    public static Task<string> NextActivityAsync(this CaseNumbers numbers, AppDbContext db, string divisionCode, int year, CancellationToken ct) =>
        numbers.NextAsync(new NumberSeries("HD" + divisionCode[..6], year, 5),
            db.Set<VolunteerActivity>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Select(a => a.Number), ct);
}

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.Volunteers;
using Minzheng.Web.Modules.Volunteers.Records;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Tests.Volunteers;

/// <summary>
/// The core of volunteering on the demo data: a volunteer is seen by the organisations they serve with (through the kernel's
/// membership scope) and by their own division, by no other organisation or county; service records only by their organiser;
/// only the organiser verifies, within the attendance's time, and the volunteer's total and star follow.
/// </summary>
public abstract class VolunteerCoreTests(AppFixture app)
{
    private Task<List<string>> VolunteerNumbersAsync(string userName) =>
        app.AsUserAsync(userName, sp => sp.GetRequiredService<AppDbContext>().Set<Volunteer>().OrderBy(v => v.Number).Select(v => v.Number).ToListAsync());

    [Fact]
    public async Task A_volunteer_is_seen_by_the_organisations_they_serve_with_and_their_division_only()
    {
        app.SkipIfUnavailable();
        var all = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<Volunteer>().Include(v => v.Memberships).AsNoTracking().ToListAsync());
        var teams = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<VolunteerTeam>().AsNoTracking().ToListAsync());
        Guid Team(string name) => teams.Single(t => t.Name == name).Id;
        var committee = all.Where(v => v.Memberships.Any(m => m.TeamId == Team(VolunteersInitializer.CommitteeName))).Select(v => v.Number).Order().ToList();
        var centre = all.Where(v => v.Memberships.Any(m => m.TeamId == Team(VolunteersInitializer.CentreName))).Select(v => v.Number).Order().ToList();
        Assert.Equal(6, committee.Count);
        Assert.Equal(6, centre.Count);
        Assert.Equal(2, committee.Intersect(centre).Count());

        Assert.Equal(committee, await VolunteerNumbersAsync(VolunteersInitializer.CommitteeUserName));
        Assert.Equal(centre, await VolunteerNumbersAsync("yangguang.org"));
        // the county sees its residents; another county none of them
        var rongxian = await VolunteerNumbersAsync("rongxian.officer");
        Assert.Superset(committee.Union(centre).ToHashSet(), rongxian.ToHashSet());
        Assert.Empty((await VolunteerNumbersAsync("beiliu.officer")).Intersect(rongxian));
        Assert.Equal(3, (await VolunteerNumbersAsync("beiliu.officer")).Count(n => n.StartsWith("ZY450981", StringComparison.Ordinal)));

        // the demo citizen is the first volunteer of the committee's team, and sees no one else through the scope
        var own = await app.AsUserAsync(VolunteersInitializer.CitizenUserName, async sp => (await sp.GetRequiredService<VolunteerIdentity>().RequireAsync()).Number);
        Assert.Contains(own, committee);

        // service records: only the organiser's
        var centreRecords = await app.AsUserAsync("yangguang.org", sp => sp.GetRequiredService<AppDbContext>().Set<ServiceRecord>().Select(r => r.TeamId).Distinct().ToListAsync());
        Assert.Equal([Team(VolunteersInitializer.CentreName)], centreRecords);
    }

    [Fact]
    public async Task Only_the_organiser_verifies_within_the_attendance_and_the_total_and_star_follow()
    {
        app.SkipIfUnavailable();
        var waiting = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<ServiceRecord>().AsNoTracking().SingleAsync(r => r.Status == ServiceRecordStatus.Submitted));
        var before = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<Volunteer>().AsNoTracking().SingleAsync(v => v.Id == waiting.VolunteerId));

        // another organisation: 404 (it cannot see the record), a county officer: 403 (only the organiser verifies)
        var other = await Assert.ThrowsAsync<AppProblem>(() => app.AsUserAsync(VolunteersInitializer.CommitteeUserName, sp => sp.GetRequiredService<ServiceVerification>().VerifyAsync(waiting.Id, new(null, null, waiting.Version))));
        Assert.Equal(404, other.Status);
        var officer = await Assert.ThrowsAsync<AppProblem>(() => app.AsUserAsync("rongxian.officer", sp => sp.GetRequiredService<ServiceVerification>().VerifyAsync(waiting.Id, new(null, null, waiting.Version))));
        Assert.Equal(403, officer.Status);
        // more than the attendance shows: 400 by field, nothing saved
        var tooMuch = await Assert.ThrowsAsync<AppProblem>(() => app.AsUserAsync("yangguang.org", sp => sp.GetRequiredService<ServiceVerification>().VerifyAsync(waiting.Id, new(waiting.ClaimedMinutes + 1, null, waiting.Version))));
        Assert.Equal("volunteer_minutes_out_of_range", tooMuch.Code);
        // stale version: 409
        var stale = await Assert.ThrowsAsync<AppProblem>(() => app.AsUserAsync("yangguang.org", sp => sp.GetRequiredService<ServiceVerification>().VerifyAsync(waiting.Id, new(null, null, waiting.Version + 1))));
        Assert.Equal(409, stale.Status);

        var verified = await app.AsUserAsync("yangguang.org", sp => sp.GetRequiredService<ServiceVerification>().VerifyAsync(waiting.Id, new(waiting.ClaimedMinutes - 30, "提前离开半小时", waiting.Version)));
        Assert.Equal(ServiceRecordStatus.Verified, verified.Status);
        var after = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<Volunteer>().AsNoTracking().SingleAsync(v => v.Id == waiting.VolunteerId));
        Assert.Equal(before.VerifiedMinutes + waiting.ClaimedMinutes - 30, after.VerifiedMinutes);
        Assert.Equal(before.Version + 1, after.Version);
        // a second verification: 409
        var again = await Assert.ThrowsAsync<AppProblem>(() => app.AsUserAsync("yangguang.org", sp => sp.GetRequiredService<ServiceVerification>().VerifyAsync(waiting.Id, new(null, null, verified.Version))));
        Assert.Equal("volunteer_record_not_submitted", again.Code);

        // the star follows the figures: a volunteer past 100 verified hours is ★1 once recomputed
        var star = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var v = await db.Set<Volunteer>().SingleAsync(x => x.Id == waiting.VolunteerId);
            var r = await db.Set<ServiceRecord>().SingleAsync(x => x.Id == waiting.Id);
            var previous = r.VerifiedMinutes;
            r.VerifiedMinutes = 100 * 60 - (after.VerifiedMinutes - previous); // the volunteer's total becomes exactly 100 h
            await sp.GetRequiredService<VolunteerHours>().ApplyAsync(r, previous, CancellationToken.None);
            await db.SaveChangesAsync();
            return (v.VerifiedMinutes, v.StarLevel);
        });
        Assert.Equal((6000, 1), star);
    }
}

public sealed class VolunteerCoreTestsOnSqlite(SqliteApp app) : VolunteerCoreTests(app), IClassFixture<SqliteApp>;

public sealed class VolunteerCoreTestsOnPostgres(PostgresApp app) : VolunteerCoreTests(app), IClassFixture<PostgresApp>;

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.Volunteers;
using Minzheng.Web.Modules.Volunteers.Activities;
using Minzheng.Web.Modules.Volunteers.Records;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Tests.Volunteers;

/// <summary>The pure rules of activities: the rotating check-in code, the age limits, the attendance window.</summary>
public sealed class ActivityRuleTests
{
    private static readonly Guid Activity = Guid.Parse("0190a000-0000-7000-8000-000000000001");
    private static readonly string Secret = Convert.ToBase64String(new byte[32]);
    private static readonly DateTime Now = new(2026, 12, 8, 1, 30, 10, DateTimeKind.Utc);

    [Theory]
    [InlineData(0, CheckInTokens.Outcome.Valid)] // the current window
    [InlineData(-60, CheckInTokens.Outcome.Valid)] // the previous window: a scan just before the code turned
    [InlineData(-120, CheckInTokens.Outcome.Expired)]
    [InlineData(-3600, CheckInTokens.Outcome.Expired)]
    [InlineData(120, CheckInTokens.Outcome.Expired)] // not yet issued
    public void A_code_is_accepted_for_its_window_and_the_one_before(int madeSecondsAgo, CheckInTokens.Outcome expected)
    {
        var token = CheckInTokens.Make(Activity, Secret, Now.AddSeconds(madeSecondsAgo), 60);
        Assert.Equal(expected, CheckInTokens.Check(token, Activity, Secret, Now, 60));
    }

    [Fact]
    public void A_code_of_another_key_or_activity_or_altered_is_forged()
    {
        var token = CheckInTokens.Make(Activity, Secret, Now, 60);
        Assert.Equal(CheckInTokens.Outcome.Forged, CheckInTokens.Check(token, Activity, Convert.ToBase64String(Enumerable.Repeat((byte)1, 32).ToArray()), Now, 60));
        Assert.Equal(CheckInTokens.Outcome.Forged, CheckInTokens.Check(token, Guid.CreateVersion7(), Secret, Now, 60));
        var parts = token.Split('.');
        var later = $"{parts[0]}.{long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) + 1}.{parts[2]}";
        Assert.Equal(CheckInTokens.Outcome.Forged, CheckInTokens.Check(later, Activity, Secret, Now.AddSeconds(60), 60));
        Assert.Equal(CheckInTokens.Outcome.Forged, CheckInTokens.Check("garbage", Activity, Secret, Now, 60));
        Assert.Equal(Activity, CheckInTokens.ActivityOf(token));
        Assert.Null(CheckInTokens.ActivityOf("x.y"));
    }

    [Theory]
    [InlineData("2008-12-09", "2026-12-08", 17)]
    [InlineData("2008-12-08", "2026-12-08", 18)]
    [InlineData("2008-02-29", "2026-03-01", 18)]
    public void Age_on_the_activity_day(string birth, string on, int expected) =>
        Assert.Equal(expected, SignUps.AgeOn(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(17, 18, 70, false)]
    [InlineData(18, 18, 70, true)]
    [InlineData(70, 18, 70, true)]
    [InlineData(71, 18, 70, false)]
    [InlineData(5, null, null, true)]
    [InlineData(90, 60, null, true)]
    public void Age_limits_are_inclusive(int age, int? min, int? max, bool fits) => Assert.Equal(fits, SignUps.AgeFits(age, min, max));

    [Theory]
    [InlineData(-61, false)]
    [InlineData(-60, true)]
    [InlineData(0, true)]
    [InlineData(180 + 60, true)]
    [InlineData(180 + 61, false)]
    public void Attendance_opens_an_hour_before_and_closes_an_hour_after(int minutesFromStart, bool open)
    {
        var start = new DateTime(2026, 12, 8, 1, 0, 0, DateTimeKind.Utc);
        Assert.Equal(open, Attendance.InWindow(start, start.AddHours(3), start.AddMinutes(minutesFromStart)));
    }
}

/// <summary>
/// The whole path on the demo data: 新南社区's recruiting activity, the demo citizen signs up, the committee selects, the
/// volunteer checks in and out with the rotating code, the committee verifies and a correction raises the hours; another
/// organisation and another county get 404.
/// </summary>
public abstract class ActivityTests(AppFixture app)
{
    private Task<bool> As(string userName, Func<IServiceProvider, Task> action) => app.AsUserAsync(userName, async sp => { await action(sp); return true; });

    private const string Committee = VolunteersInitializer.CommitteeUserName;
    private const string Citizen = VolunteersInitializer.CitizenUserName;

    private async Task<AppProblem> Refused(string userName, Func<IServiceProvider, Task> action) =>
        await Assert.ThrowsAsync<AppProblem>(() => As(userName, action));

    private Task<T> Db<T>(Func<AppDbContext, Task<T>> read) => app.WithServicesAsync(sp => read(sp.GetRequiredService<AppDbContext>()));

    [Fact]
    public async Task Sign_up_selection_qr_check_in_and_out_verification_and_correction()
    {
        app.SkipIfUnavailable();
        var activity = await Db(db => db.Set<VolunteerActivity>().AsNoTracking().SingleAsync(a => a.Status == ActivityStatus.Recruiting && a.Title == "关爱留守儿童周末课堂"));
        var volunteerId = await app.AsUserAsync(Citizen, async sp => (await sp.GetRequiredService<VolunteerIdentity>().RequireAsync()).Id);
        var before = await Db(db => db.Set<Volunteer>().AsNoTracking().SingleAsync(v => v.Id == volunteerId));

        // the risks must be acknowledged; then the sign-up stands, once
        var unread = await Refused(Citizen, sp => sp.GetRequiredService<SignUps>().SignUpAsync(activity.Id, false, default));
        Assert.Equal("risksAcknowledged", Assert.Single(unread.Errors).Key);
        var signup = await app.AsUserAsync(Citizen, sp => sp.GetRequiredService<SignUps>().SignUpAsync(activity.Id, true, default));
        Assert.Equal(SignupStatus.Applied, signup.Status);
        Assert.Equal("volunteer_signup_twice", (await Refused(Citizen, sp => sp.GetRequiredService<SignUps>().SignUpAsync(activity.Id, true, default))).Code);

        // another organisation and another county: 404 on the activity, its sign-ups and (below) its records
        Assert.Equal(404, (await Refused("yangguang.org", sp => sp.GetRequiredService<ActivityPlans>().OwnAsync(activity.Id, default))).Status);
        Assert.Equal(404, (await Refused("yangguang.org", sp => sp.GetRequiredService<SignUps>().DecideAsync(signup.Id, true, null, signup.Version, default))).Status);
        Assert.Empty(await app.AsUserAsync("yangguang.org", sp => sp.GetRequiredService<ActivityQueries>().SignupsAsync(activity.Id, default)));
        Assert.False(await app.AsUserAsync("beiliu.officer", sp => sp.GetRequiredService<AppDbContext>().Set<VolunteerActivity>().AnyAsync(a => a.Id == activity.Id)));
        Assert.False(await app.AsUserAsync("beiliu.officer", sp => sp.GetRequiredService<AppDbContext>().Set<VolunteerSignup>().AnyAsync(s => s.Id == signup.Id)));

        // stale version: 409; then the committee selects
        Assert.Equal(409, (await Refused(Committee, sp => sp.GetRequiredService<SignUps>().DecideAsync(signup.Id, true, null, signup.Version + 1, default))).Status);
        var selected = await app.AsUserAsync(Committee, sp => sp.GetRequiredService<SignUps>().DecideAsync(signup.Id, true, null, signup.Version, default));
        Assert.Equal(SignupStatus.Selected, selected.Status);

        // the fake clock only moves forward: the other test of the class reads dates relative to it
        // before the window: refused
        var early = await app.AsUserAsync(Committee, sp => sp.GetRequiredService<Attendance>().CurrentTokenAsync(activity.Id, default));
        Assert.Equal("volunteer_scan_outside_window", (await Refused(Citizen, sp => sp.GetRequiredService<Attendance>().ScanAsync(early.Token, null, default))).Code);

        app.Clock.SetUtcNow(activity.StartsAt.AddMinutes(5));
        var (token, seconds) = await app.AsUserAsync(Committee, sp => sp.GetRequiredService<Attendance>().CurrentTokenAsync(activity.Id, default));
        Assert.Equal(60, seconds);
        // forged and expired codes
        var parts = token.Split('.');
        Assert.Equal("volunteer_scan_forged", (await Refused(Citizen, sp => sp.GetRequiredService<Attendance>().ScanAsync($"{parts[0]}.{parts[1]}.AAAAAAAAAAAAAAAAAAAAAA", null, default))).Code);
        Assert.Equal("volunteer_scan_forged", (await Refused(Citizen, sp => sp.GetRequiredService<Attendance>().ScanAsync(null, null, default))).Code);
        var secret = await Db(db => db.Set<VolunteerActivity>().Where(a => a.Id == activity.Id).Select(a => a.CheckInSecret).SingleAsync());
        var old = CheckInTokens.Make(activity.Id, secret, activity.StartsAt.AddMinutes(5).AddSeconds(-5 * seconds), seconds);
        Assert.Equal("volunteer_scan_expired", (await Refused(Citizen, sp => sp.GetRequiredService<Attendance>().ScanAsync(old, null, default))).Code);
        // a volunteer of the committee who was not selected
        var other = await Db(db => db.Set<VolunteerMembership>().Where(m => m.TeamId == activity.TeamId && m.VolunteerId != volunteerId).Select(m => m.VolunteerId).FirstAsync());
        Assert.Equal("volunteer_not_selected", (await Refused(Committee, sp => sp.GetRequiredService<Attendance>().ByOrganizerAsync(activity.Id, other, false, null, null, default))).Code);

        var checkIn = await app.AsUserAsync(Citizen, sp => sp.GetRequiredService<Attendance>().ScanAsync(token, null, default));
        Assert.False(checkIn.CheckedOut);
        Assert.Equal(AttendanceSource.QrCode, checkIn.Record.CheckInSource);

        app.Clock.SetUtcNow(activity.StartsAt.AddMinutes(125));
        var outToken = (await app.AsUserAsync(Committee, sp => sp.GetRequiredService<Attendance>().CurrentTokenAsync(activity.Id, default))).Token;
        var bad = await Refused(Citizen, sp => sp.GetRequiredService<Attendance>().ScanAsync(outToken, -5, default));
        Assert.Equal("travelMinutes", Assert.Single(bad.Errors).Key);
        var checkOut = await app.AsUserAsync(Citizen, sp => sp.GetRequiredService<Attendance>().ScanAsync(outToken, 20, default));
        Assert.True(checkOut.CheckedOut);
        Assert.Equal(120 - 20, checkOut.Record.ClaimedMinutes);
        Assert.Equal("volunteer_already_checked_out", (await Refused(Citizen, sp => sp.GetRequiredService<Attendance>().ScanAsync(outToken, 0, default))).Code);

        // the record: 404 for another organisation; the committee verifies and the hours increase
        var record = await Db(db => db.Set<ServiceRecord>().AsNoTracking().SingleAsync(r => r.ActivityId == activity.Id && r.VolunteerId == volunteerId));
        Assert.Equal(ServiceRecordStatus.Submitted, record.Status);
        Assert.Equal(404, (await Refused("yangguang.org", sp => sp.GetRequiredService<ServiceVerification>().VerifyAsync(record.Id, new(null, null, record.Version)))).Status);
        var (rows, _) = await app.AsUserAsync(Committee, sp => sp.GetRequiredService<ActivityQueries>().RecordsAsync(ServiceRecordStatus.Submitted, 1, 100, default));
        Assert.Contains(rows, r => r.Record.Id == record.Id && r.Record.TravelMinutes == 20);
        await As(Committee, sp => sp.GetRequiredService<ServiceVerification>().VerifyAsync(record.Id, new(null, null, record.Version)));
        var verified = await Db(db => db.Set<Volunteer>().AsNoTracking().SingleAsync(v => v.Id == volunteerId));
        Assert.Equal(before.VerifiedMinutes + 100, verified.VerifiedMinutes);

        // a correction: asked by the volunteer, accepted by the committee, the total follows
        var correction = await app.AsUserAsync(Citizen, sp => sp.GetRequiredService<Corrections>().RequestAsync(record.Id, 115, "签退时忘记，实际服务到11点", default));
        Assert.Equal("volunteer_correction_not_allowed", (await Refused(Citizen, sp => sp.GetRequiredService<Corrections>().RequestAsync(record.Id, 118, "再次申请", default))).Code);
        Assert.Equal(404, (await Refused("yangguang.org", sp => sp.GetRequiredService<Corrections>().DecideAsync(correction.Id, true, null, correction.Version, default))).Status);
        await As(Committee, sp => sp.GetRequiredService<Corrections>().DecideAsync(correction.Id, true, "经核对签到表属实", correction.Version, default));
        var corrected = await Db(db => db.Set<Volunteer>().AsNoTracking().SingleAsync(v => v.Id == volunteerId));
        Assert.Equal(before.VerifiedMinutes + 115, corrected.VerifiedMinutes);
        Assert.True(await Db(db => db.AuditEntries.AnyAsync(e => e.Action == "volunteer.correction.accept")));
        var mine = await app.AsUserAsync(Citizen, sp => sp.GetRequiredService<ActivityQueries>().MineAsync(volunteerId, default));
        Assert.Equal(CorrectionStatus.Accepted, mine.Records.Single(r => r.Record.Id == record.Id).LastCorrection?.Status);
    }

    [Fact]
    public async Task Publishing_needs_the_risks_and_sign_up_checks_the_age_on_the_day()
    {
        app.SkipIfUnavailable();
        var clock = await app.WithServicesAsync(sp => Task.FromResult(sp.GetRequiredService<BusinessClock>().Today));
        var day = clock.AddDays(20).ToDateTime(new TimeOnly(9, 0));
        // a lower age limit one year above the demo citizen's age on the day
        var personId = await app.AsUserAsync(Citizen, sp => sp.GetRequiredService<VolunteerIdentity>().PersonIdAsync());
        var birth = await Db(db => db.Persons.Where(p => p.Id == personId).Select(p => p.BirthDate).SingleAsync());
        var minAge = SignUps.AgeOn(birth, DateOnly.FromDateTime(day)) + 1;
        var input = new ActivityInput(null, "高龄老人集中体检陪同", "陪同高龄老人到卫生院体检", "elderlycare", "容州镇卫生院", day, day.AddHours(3), "", minAge, 120, "", 5, null);
        var bad = await Refused(Committee, sp => sp.GetRequiredService<ActivityPlans>().SaveAsync(null, input with { Title = "", Capacity = 0 }, default));
        Assert.Equal(["capacity", "title"], bad.Errors.Keys.Order().ToArray());
        var draft = await app.AsUserAsync(Committee, sp => sp.GetRequiredService<ActivityPlans>().SaveAsync(null, input, default));
        Assert.StartsWith("HD450921", draft.Number, StringComparison.Ordinal);
        var noRisk = await Refused(Committee, sp => sp.GetRequiredService<ActivityPlans>().TransitionAsync(draft.Id, "publish", draft.Version, default));
        Assert.Equal("riskDisclosure", Assert.Single(noRisk.Errors).Key);
        var edited = await app.AsUserAsync(Committee, sp => sp.GetRequiredService<ActivityPlans>().SaveAsync(draft.Id, input with { RiskDisclosure = "注意老人行走安全，防跌倒", Version = draft.Version }, default));
        Assert.Equal(409, (await Refused(Committee, sp => sp.GetRequiredService<ActivityPlans>().TransitionAsync(draft.Id, "publish", draft.Version, default))).Status);
        var published = await app.AsUserAsync(Committee, sp => sp.GetRequiredService<ActivityPlans>().TransitionAsync(draft.Id, "publish", edited.Version, default));
        Assert.Equal(ActivityStatus.Recruiting, published.Status);

        var age = await Refused(Citizen, sp => sp.GetRequiredService<SignUps>().SignUpAsync(draft.Id, true, default));
        Assert.Equal("volunteer_signup_age", age.Code);
        Assert.False(await Db(db => db.Set<VolunteerSignup>().AnyAsync(s => s.ActivityId == draft.Id)));
        // the other organisation cannot touch it
        Assert.Equal(404, (await Refused("yangguang.org", sp => sp.GetRequiredService<ActivityPlans>().TransitionAsync(draft.Id, "cancel", published.Version, default))).Status);
    }
}

public sealed class ActivityTestsOnSqlite(SqliteApp app) : ActivityTests(app), IClassFixture<SqliteApp>;

public sealed class ActivityTestsOnPostgres(PostgresApp app) : ActivityTests(app), IClassFixture<PostgresApp>;

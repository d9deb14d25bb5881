using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Volunteers.Records;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Volunteers.Activities;

/// <summary>
/// 报名与录用: a registered volunteer signs up on the phone to a recruiting activity after seeing its task and risks; the
/// organiser selects or declines. A volunteer who does not yet serve with the organising team becomes a member by signing up
/// (they chose to serve with it), which is what lets the organisation see them.
/// </summary>
public sealed class SignUps(AppDbContext db, VolunteerIdentity identity, ActivityPlans plans, ICurrentUser user, BusinessClock clock)
{
    /// <summary>
    /// Recruiting activities as the public sees them. Published recruitment is public information (条例 第十二条), so it is
    /// read past the division scope, which for a citizen is only their own village.
    /// </summary>
    public IQueryable<VolunteerActivity> Recruiting() =>
        db.Set<VolunteerActivity>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking()
            .Where(a => a.Status == ActivityStatus.Recruiting && a.EndsAt > clock.UtcNow);

    public async Task<VolunteerSignup> SignUpAsync(Guid activityId, bool risksAcknowledged, CancellationToken ct)
    {
        var volunteer = await identity.RequireAsync(ct);
        var activity = await db.Set<VolunteerActivity>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).FirstOrDefaultAsync(a => a.Id == activityId && a.Status != ActivityStatus.Draft, ct)
            ?? throw AppProblem.NotFound("志愿服务活动");
        if (activity.Status != ActivityStatus.Recruiting || activity.EndsAt <= clock.UtcNow) throw AppProblem.Conflict("volunteer_signup_closed", "活动不在招募中，不能报名");
        if (!risksAcknowledged) throw AppProblem.Field("risksAcknowledged", "请先阅读并确认活动的风险提示");
        if (volunteer.Status != VolunteerStatus.Active) throw AppProblem.Conflict("volunteer_signup_inactive", "您的志愿者注册已暂停或注销，不能报名");
        var existing = await db.Set<VolunteerSignup>().IgnoreQueryFilters([AppDbContext.ScopeFilter])
            .FirstOrDefaultAsync(s => s.ActivityId == activity.Id && s.VolunteerId == volunteer.Id, ct);
        if (existing is { Status: not SignupStatus.Cancelled }) throw AppProblem.Conflict("volunteer_signup_twice", "您已经报名过该活动");
        var birth = await db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]).Where(p => p.Id == volunteer.PersonId).Select(p => p.BirthDate).FirstAsync(ct);
        var age = AgeOn(birth, DateOnly.FromDateTime(BusinessClock.ToChina(activity.StartsAt)));
        if (!AgeFits(age, activity.MinAge, activity.MaxAge))
        {
            throw AppProblem.Conflict("volunteer_signup_age", $"该活动要求年龄{AgeRange(activity.MinAge, activity.MaxAge)}，您在活动当天{age}岁，不能报名");
        }
        // the seat count is read and taken under the activity's row lock (ADR 058), so concurrent sign-ups queue here and
        // never exceed the capacity; the lock is held until the sign-up is saved
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var capacity = await LockAsync(activity.Id, ct);
            var taken = await db.Set<VolunteerSignup>().IgnoreQueryFilters([AppDbContext.ScopeFilter])
                .CountAsync(s => s.ActivityId == activity.Id && (s.Status == SignupStatus.Applied || s.Status == SignupStatus.Selected), ct);
            if (taken >= capacity) throw AppProblem.Conflict("volunteer_signup_full", $"该活动招募{capacity}人，报名已满");
            var signup = await AddSignupAsync(activity, volunteer, existing, ct);
            if (own is not null) await own.CommitAsync(ct);
            return signup;
        }
        catch
        {
            if (own is not null) await own.RollbackAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    /// <summary>
    /// Takes the activity's row lock for the rest of the transaction (a no-op UPDATE by id: PostgreSQL locks the row, SQLite's
    /// immediate transaction holds the database's write lock) and reads the capacity under it. The version is not bumped, so
    /// an organiser editing the activity is not refused because someone signed up.
    /// </summary>
    private async Task<int> LockAsync(Guid activityId, CancellationToken ct)
    {
        var activities = db.Set<VolunteerActivity>().IgnoreQueryFilters([AppDbContext.ScopeFilter]);
        // the activity was read by the caller (in scope, or as published recruitment); only the lock is taken here
        await activities.Where(a => a.Id == activityId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Capacity, a => a.Capacity), ct);
        return await activities.Where(a => a.Id == activityId).Select(a => a.Capacity).FirstAsync(ct);
    }

    private async Task<VolunteerSignup> AddSignupAsync(VolunteerActivity activity, Volunteer volunteer, VolunteerSignup? existing, CancellationToken ct)
    {

        // the citizen writes rows of the organiser's scope: their own sign-up and, when new to the team, their membership
        if (!await db.Set<VolunteerMembership>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AnyAsync(m => m.VolunteerId == volunteer.Id && m.TeamId == activity.TeamId, ct))
        {
            var membership = new VolunteerMembership { VolunteerId = volunteer.Id, TeamId = activity.TeamId, OrganizationId = activity.OrganizationId, DivisionCode = activity.DivisionCode, JoinedOn = clock.Today, CreatedAt = clock.UtcNow };
            db.Add(membership);
            db.PermitOutOfScopeWrite(membership, "志愿者本人报名组织的活动，自愿加入该组织");
        }
        var signup = existing ?? new VolunteerSignup { ActivityId = activity.Id, VolunteerId = volunteer.Id, OrganizationId = activity.OrganizationId, DivisionCode = activity.DivisionCode };
        if (existing is null) db.Add(signup);
        signup.Status = SignupStatus.Applied;
        signup.RisksAcknowledgedAt = clock.UtcNow;
        signup.DecisionNote = null;
        signup.DecidedBy = null;
        signup.DecidedAt = null;
        db.PermitOutOfScopeWrite(signup, "志愿者本人报名活动");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            // nothing of a refused sign-up stays in the tracker
            foreach (var e in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList()) e.State = EntityState.Detached;
            throw;
        }
        return signup;
    }

    /// <summary>本人取消报名 (before being checked in).</summary>
    public async Task CancelAsync(Guid activityId, CancellationToken ct)
    {
        var volunteer = await identity.RequireAsync(ct);
        var signup = await db.Set<VolunteerSignup>().IgnoreQueryFilters([AppDbContext.ScopeFilter])
            .FirstOrDefaultAsync(s => s.ActivityId == activityId && s.VolunteerId == volunteer.Id && s.Status != SignupStatus.Cancelled, ct) ?? throw AppProblem.NotFound("报名");
        if (await db.Set<ServiceRecord>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AnyAsync(r => r.ActivityId == activityId && r.VolunteerId == volunteer.Id, ct))
        {
            throw AppProblem.Conflict("volunteer_signup_decided", "已经签到，不能取消报名");
        }
        signup.Status = SignupStatus.Cancelled;
        db.PermitOutOfScopeWrite(signup, "志愿者本人取消报名");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>录用 or 不录用 a sign-up of the organisation's own activity.</summary>
    public async Task<VolunteerSignup> DecideAsync(Guid signupId, bool select, string? note, int? version, CancellationToken ct)
    {
        if (user.OrganizationId is not { } own) throw AppProblem.Forbidden("报名由组织活动的志愿服务组织处理，请使用组织账号");
        var signup = await db.Set<VolunteerSignup>().FirstOrDefaultAsync(s => s.Id == signupId && s.OrganizationId == own, ct) ?? throw AppProblem.NotFound("报名");
        db.ExpectVersion(signup, version ?? throw AppProblem.Field("version", "缺少版本号"));
        if (signup.Status != SignupStatus.Applied) throw AppProblem.Conflict("volunteer_signup_decided", "该报名已经处理过");
        if (!select && string.IsNullOrWhiteSpace(note)) throw AppProblem.Field("note", "请填写不录用的理由");
        if (note is { Length: > 500 }) throw AppProblem.Field("note", "说明不超过500字");
        var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            if (select)
            {
                var activity = await plans.OwnAsync(signup.ActivityId, ct);
                // counted under the activity's row lock: two selections at once cannot both take the last place (ADR 058)
                var capacity = await LockAsync(activity.Id, ct);
                var selected = await db.Set<VolunteerSignup>().CountAsync(s => s.ActivityId == activity.Id && s.Status == SignupStatus.Selected, ct);
                if (selected >= capacity) throw AppProblem.Conflict("volunteer_signup_full", $"该活动招募{capacity}人，已录用满额");
            }
            signup.Status = select ? SignupStatus.Selected : SignupStatus.Declined;
            signup.DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
            signup.DecidedBy = user.UserName;
            signup.DecidedAt = clock.UtcNow;
            await db.SaveChangesAsync(ct);
            if (tx is not null) await tx.CommitAsync(ct);
        }
        catch
        {
            if (tx is not null) await tx.RollbackAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            if (tx is not null) await tx.DisposeAsync();
        }
        return signup;
    }

    /// <summary>Age on a date from the birth date (pure).</summary>
    public static int AgeOn(DateOnly birth, DateOnly on)
    {
        var age = on.Year - birth.Year;
        return birth.AddYears(age) > on ? age - 1 : age;
    }

    /// <summary>Whether an age lies within the activity's limits, both inclusive (pure).</summary>
    public static bool AgeFits(int age, int? min, int? max) => (min is null || age >= min) && (max is null || age <= max);

    public static string AgeRange(int? min, int? max) => (min, max) switch
    {
        (null, null) => "不限",
        ({ } a, null) => $"{a}周岁以上",
        (null, { } b) => $"{b}周岁以下",
        ({ } a, { } b) => $"{a}至{b}周岁",
    };

    public static string StatusName(SignupStatus s) => s switch
    {
        SignupStatus.Applied => "待录用",
        SignupStatus.Selected => "已录用",
        SignupStatus.Declined => "未录用",
        _ => "已取消",
    };
}

using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Volunteers.Records;

/// <summary>
/// Who the signed-in citizen is as a volunteer: their registry person (the citizen account is bound to it when it is
/// verified, see the citizen registration) and their volunteer registration, read by the person's id — never by a division
/// scope, which for a citizen is their village and would show the neighbours.
/// </summary>
public sealed class VolunteerIdentity(AppDbContext db, ICurrentUser user)
{
    /// <summary>The registry person of the signed-in citizen account, or 403.</summary>
    public async Task<Guid> PersonIdAsync(CancellationToken ct = default) =>
        user.UserId is { } uid && await db.Users.Where(u => u.Id == uid).Select(u => u.PersonId).FirstOrDefaultAsync(ct) is { } pid
            ? pid
            : throw AppProblem.Forbidden("请使用已实名核验的群众账号登录");

    /// <summary>The signed-in citizen's volunteer registration, or null when they have not registered.</summary>
    public async Task<Volunteer?> FindAsync(CancellationToken ct = default)
    {
        var pid = await PersonIdAsync(ct);
        return await db.Set<Volunteer>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).FirstOrDefaultAsync(v => v.PersonId == pid, ct);
    }

    /// <summary>The signed-in citizen's volunteer registration, or 404 <c>volunteer_not_registered</c>.</summary>
    public async Task<Volunteer> RequireAsync(CancellationToken ct = default) =>
        await FindAsync(ct) ?? throw new AppProblem(404, "volunteer_not_registered", "您还没有注册为志愿者，请先在“志愿者注册”页面实名注册");
}

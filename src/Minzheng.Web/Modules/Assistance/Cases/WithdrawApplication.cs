using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Assistance.Cases;

/// <summary>The applicant withdraws online ("withdraw"), or a clerk records a withdrawal made in person ("record-withdrawal").</summary>
public sealed class WithdrawApplication(AppDbContext db, ICurrentUser user) : ICaseAction
{
    public IReadOnlyCollection<string> Actions { get; } = ["withdraw", "record-withdrawal"];

    public async Task CheckCallerAsync(AssistanceCase c, string action, CancellationToken ct)
    {
        // only the applicant's own account withdraws online; another's case is as if it did not exist
        if (action == "withdraw" && c.ApplicantPersonId != await CitizenPersonIdAsync(ct)) throw AppProblem.NotFound("救助业务");
    }

    public Task<CaseEffect> ApplyAsync(CaseActionContext x, CancellationToken ct)
    {
        x.Case.EndedOn = x.Today;
        return Task.FromResult(CaseEffect.None);
    }

    private async Task<Guid?> CitizenPersonIdAsync(CancellationToken ct) =>
        user.UserId is { } uid ? await db.Users.Where(u => u.Id == uid).Select(u => u.PersonId).FirstOrDefaultAsync(ct) : null;
}

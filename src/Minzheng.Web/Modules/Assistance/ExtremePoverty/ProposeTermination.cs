using Minzheng.Web.Modules.Assistance.Cases;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Modules.Assistance.ExtremePoverty;

/// <summary>
/// 终止供养 is announced before the county confirms it (as the extreme-poverty process models it): "propose-termination" starts a public notice with the
/// reason; an objection during it restores support for a new check. The county's confirmation is <see cref="SuspendOrTerminate"/>.
/// </summary>
public sealed class ProposeTermination(AppDbContext db, ICurrentUser user, NoticePeriod notice) : ICaseAction
{
    public IReadOnlyCollection<string> Actions { get; } = ["propose-termination", "termination-objection"];

    public Task<CaseEffect> ApplyAsync(CaseActionContext x, CancellationToken ct)
    {
        var c = x.Case;
        if (x.Action == "propose-termination")
        {
            c.EndReason = x.Opinion;
            notice.Start(c, x.Today);
            return Task.FromResult(new CaseEffect("终止供养公示"));
        }
        db.Set<AssistanceObjection>().Add(new AssistanceObjection { CaseId = c.Id, RaisedOn = x.Today, Content = x.Opinion!, RecordedBy = user.UserName, Handling = "恢复供养，重新核实" });
        c.EndReason = null;
        c.NoticeFrom = null;
        c.NoticeTo = null;
        return Task.FromResult(CaseEffect.None);
    }
}

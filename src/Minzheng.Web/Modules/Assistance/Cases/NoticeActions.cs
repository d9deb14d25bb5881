using Minzheng.Web.Modules.Assistance.Standards;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Assistance.Cases;

/// <summary>The public notice: an objection sends the case back for investigation; once the period is over, it goes to the decision.</summary>
public sealed class NoticeActions(AppDbContext db, ICurrentUser user) : ICaseAction
{
    public IReadOnlyCollection<string> Actions { get; } = ["objection", "notice-ended"];

    public Task<CaseEffect> ApplyAsync(CaseActionContext x, CancellationToken ct)
    {
        var c = x.Case;
        if (x.Action == "notice-ended")
        {
            if (c.NoticeTo is not { } end || x.Today <= end) throw new AppProblem(409, "notice_not_ended", $"公示期至 {c.NoticeTo:yyyy-MM-dd}，期满后才能进入审批确认");
            return Task.FromResult(CaseEffect.None);
        }
        db.Set<AssistanceObjection>().Add(new AssistanceObjection { CaseId = c.Id, RaisedOn = x.Today, Content = x.Opinion!, RecordedBy = user.UserName, Handling = "重新调查核实后再次审核、公示" });
        c.NoticeFrom = null;
        c.NoticeTo = null;
        return Task.FromResult(CaseEffect.None);
    }
}

/// <summary>A public notice period (公示) of the notice-days figure, starting today; counts the rounds.</summary>
public sealed class NoticePeriod(Figures figures)
{
    public void Start(AssistanceCase c, DateOnly today)
    {
        var days = figures.Number(StandardKinds.NoticeDays, c.DivisionCode, today);
        c.NoticeFrom = today;
        c.NoticeTo = today.AddDays(days - 1);
        c.NoticeRound++;
    }
}

using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Assistance.Cases;

/// <summary>
/// Hands the investigation to the township's review ("submit-investigation"), or, after temporary assistance was paid first,
/// completes the paperwork ("complete-paperwork"): only once the home visit, the economic check and the program's own
/// findings are recorded.
/// </summary>
public sealed class SubmitInvestigation : ICaseAction
{
    public IReadOnlyCollection<string> Actions { get; } = ["submit-investigation", "complete-paperwork"];

    public Task<CaseEffect> ApplyAsync(CaseActionContext x, CancellationToken ct)
    {
        var c = x.Case;
        if (c.InvestigatedOn is null || c.Investigators is null) throw new AppProblem(409, "investigation_missing", "请先登记入户调查结果（两名以上调查人员、调查记录）");
        if (c.EconomicCheck == EconomicCheck.Pending) throw new AppProblem(409, "economic_check_pending", "家庭经济状况核对结果尚未登记");
        x.Program.CheckInvestigationComplete(c);
        if (x.Action == "complete-paperwork") c.PaperworkDoneOn = x.Today;
        return Task.FromResult(CaseEffect.None);
    }
}

using System.Text.Json;
using Minzheng.Web.Modules.Assistance.Rules;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Assistance.Cases;

/// <summary>
/// 审批确认 or 不予确认 by the township or the county. The process table says who may act in which state; this use case adds
/// what it cannot express: a flagged relative's case is the county's, after its own home visit; the program may reserve the
/// decision to the county or limit the township's amount; a proposed refusal cannot be confirmed. The positive decision's
/// effects (amount, payments, review) are the program's.
/// </summary>
public sealed class DecideCase(CaseAssessor assessor, ICurrentUser user) : ICaseAction
{
    public IReadOnlyCollection<string> Actions { get; } =
        ["confirm-township", "confirm-county", "grant-township", "grant-county", "refuse-township", "refuse-county"];

    public async Task<CaseEffect> ApplyAsync(CaseActionContext x, CancellationToken ct)
    {
        var c = x.Case;
        var township = x.Action.EndsWith("township", StringComparison.Ordinal);
        var refusing = x.Action.StartsWith("refuse", StringComparison.Ordinal);
        GuardLevel(x, township, refusing);
        if (refusing)
        {
            Decided(c, township, x.Today);
            c.RefusalReasons = x.Opinion;
            c.EndedOn = x.Today;
            c.Marginal = x.Program.RecordsMarginalOnRefusal && TryAssess(c, x.Today)?.Marginal == true;
            return new CaseEffect("不予确认告知书");
        }

        if (c.RefusalProposed) throw new AppProblem(409, "refusal_proposed", "乡镇审核意见为不同意，只能作出不予确认的决定，或退回重新调查");
        var assessment = assessor.Assess(c, x.Today);
        if (!assessment.Eligible) throw new AppProblem(409, "not_eligible", "按调查结果不符合条件：" + string.Join("；", assessment.Reasons));
        x.Program.GuardDecidedAmount(c, assessment, township);
        Decided(c, township, x.Today);
        c.AmountExplanation = JsonSerializer.Serialize(assessment.Lines, AssistanceCases.Json);
        await x.Program.DecideAsync(c, assessment, township, x.Today, ct);
        return new CaseEffect(x.Program.DecisionNotice);
    }

    private static void GuardLevel(CaseActionContext x, bool township, bool refusing)
    {
        var c = x.Case;
        if (!township)
        {
            if (c.FlaggedRelative && c.CountyVisitOn is null && !refusing) throw new AppProblem(409, "county_visit_required", "单独登记备案的申请须由县级民政部门入户核查后方可确认");
            return;
        }
        if (c.FlaggedRelative) throw LevelProblems.CountyOnly("申请人为村干部或民政经办人员近亲属（单独登记备案），须由县级民政部门入户核查并审批确认");
        x.Program.GuardTownshipDecision(c, x.Today);
    }

    private void Decided(AssistanceCase c, bool township, DateOnly today)
    {
        c.DecidedOn = today;
        c.DecidedBy = user.UserName;
        c.DecisionLevel = township ? ApprovalLevel.Township : ApprovalLevel.County;
    }

    private Assessment? TryAssess(AssistanceCase c, DateOnly date)
    {
        try
        {
            return assessor.Assess(c, date);
        }
        catch (AppProblem)
        {
            return null;
        }
    }
}

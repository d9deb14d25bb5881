using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Assistance.Cases;

/// <summary>
/// The township's review: agree and start the public notice with the proposed amount ("propose-approve"), disagree
/// ("propose-refuse"), or send the case back for more investigation ("return" by the township, "county-return" by the county).
/// </summary>
public sealed class ReviewCase(CaseAssessor assessor, NoticePeriod notice) : ICaseAction
{
    public IReadOnlyCollection<string> Actions { get; } = ["propose-approve", "propose-refuse", "return", "county-return"];

    public Task<CaseEffect> ApplyAsync(CaseActionContext x, CancellationToken ct)
    {
        var c = x.Case;
        switch (x.Action)
        {
            case "propose-approve":
                var assessment = assessor.Assess(c, x.Today);
                if (!assessment.Eligible) throw new AppProblem(409, "not_eligible", "按调查结果不符合条件，不能审核同意：" + string.Join("；", assessment.Reasons));
                c.TownshipOpinion = x.Opinion ?? "经审核，符合条件，同意公示。";
                c.RefusalProposed = false;
                c.ProposedAmount = assessment.Amount;
                notice.Start(c, x.Today);
                return Task.FromResult(new CaseEffect("公示名单", new { assessment.Summary, c.NoticeFrom, c.NoticeTo }));
            case "propose-refuse":
                c.TownshipOpinion = x.Opinion;
                c.RefusalProposed = true;
                return Task.FromResult(CaseEffect.None);
            default:
                c.RefusalProposed = false;
                return Task.FromResult(CaseEffect.None);
        }
    }
}

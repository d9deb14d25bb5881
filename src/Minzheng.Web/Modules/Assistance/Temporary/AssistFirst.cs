using System.Text.Json;
using Minzheng.Web.Modules.Assistance.Cases;
using Minzheng.Web.Modules.Assistance.Rules;
using Minzheng.Web.Modules.Assistance.Standards;
using Minzheng.Web.Platform.Calendar;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;

namespace Minzheng.Web.Modules.Assistance.Temporary;

/// <summary>
/// 先行救助: an urgent temporary case is paid at once, within the township's limit, and its paperwork is completed within
/// the temp-paperwork-days figure (local practice as modelled in the temporary process: 先行救助, then 补办手续).
/// </summary>
public sealed class AssistFirst(CaseAssessor assessor, Figures figures, WorkingCalendar calendar, Entitlements entitlements, AmountChanges amounts) : ICaseAction
{
    public IReadOnlyCollection<string> Actions { get; } = ["assist-first"];

    public Task<CaseEffect> ApplyAsync(CaseActionContext x, CancellationToken ct)
    {
        var c = x.Case;
        if (c.Program != AssistanceProgram.Temporary || c.TemporaryType != TemporaryType.Urgent) throw new AppProblem(409, "assist_first_urgent_only", "先行救助只适用于急难型临时救助");
        if (x.Input.Amount is not > 0) throw AppProblem.Field("amount", "请填写先行救助金额");
        c.RequestedAmount = Money.FromYuan(x.Input.Amount.Value);
        var assessment = assessor.Assess(c, x.Today);
        if (assessment.Level != ApprovalLevel.Township) throw LevelProblems.AboveTownshipLimit("先行救助金额超过乡镇审批额度，请按程序报县级审批");
        c.ApprovedAmount = assessment.Amount;
        c.AssistFirst = true;
        c.AcceptedOn = x.Today;
        var days = figures.Number(StandardKinds.TempPaperworkDays, c.DivisionCode, x.Today);
        c.PaperworkDueOn = calendar.AddWorkingDays(x.Today, days);
        c.AmountExplanation = JsonSerializer.Serialize(assessment.Lines, AssistanceCases.Json);
        amounts.Add(c, x.Today, c.ApprovedAmount, "先行救助", assessment.Lines);
        entitlements.OneOff(AssistanceCases.PayeeOf(c), x.Today, c.ApprovedAmount, c.AmountExplanation, "先行救助");
        return Task.FromResult(new CaseEffect("先行救助通知书"));
    }
}

using System.Text.Json;
using Minzheng.Web.Modules.Assistance.Cases;
using Minzheng.Web.Modules.Assistance.Rules;
using Minzheng.Web.Modules.Assistance.Standards;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;

namespace Minzheng.Web.Modules.Assistance.Temporary;

/// <summary>
/// 临时救助: a one-off amount by emergency type (<see cref="TemporaryRules"/>), means-tested for 支出型; the township
/// grants up to its limit, above it the county (the assessment says which level); an urgent case may be assisted first
/// (<see cref="AssistFirst"/>), in which case the decision confirms what was already paid.
/// </summary>
public sealed class TemporaryPolicy(Figures figures, Entitlements entitlements, AmountChanges amounts) : IProgramPolicy
{
    public AssistanceProgram Program => AssistanceProgram.Temporary;

    public string DecisionNotice => "临时救助审批通知书";

    public string? DocumentAmount(AssistanceCase c) => c.ApprovedAmount.Fen > 0 ? c.ApprovedAmount.ToYuanString() : null;

    public void ValidateApplication(ApplyInput input, ValidationErrors errors)
    {
        if (input.TemporaryType is null) errors.Add("temporaryType", "请选择急难型或支出型");
    }

    public void RecordInvestigation(AssistanceCase c, InvestigationInput input)
    {
        c.TemporaryType = input.TemporaryType ?? c.TemporaryType;
        if (input.RequestedAmount is { } amount) c.RequestedAmount = Money.FromYuan(amount);
    }

    public Assessment Assess(AssistanceCase c, IReadOnlyList<AssistanceMember> members, PropertyDeclaration property, DateOnly date)
    {
        var type = c.TemporaryType ?? TemporaryType.Urgent;
        var f = figures.Temporary(c.DivisionCode, c.Area, date, type);
        var r = TemporaryRules.Calculate(c.RequestedAmount, f);
        var reasons = new List<string>();
        if (c.RequestedAmount <= Money.Zero) reasons.Add("尚未核定救助需求金额");
        if (type == TemporaryType.Expense)
        {
            // 支出型 is means-tested against the dibao standard and property rules.
            var dibao = figures.Dibao(c.DivisionCode, c.Area, date);
            reasons.AddRange(DibaoRules.PropertyFailures(property, Math.Max(1, members.Count), dibao));
        }
        if (c.EconomicCheck == EconomicCheck.Failed) reasons.Add(CaseAssessor.CheckFailed(c));
        return new Assessment(reasons.Count == 0, reasons.Count == 0 ? r.Amount : Money.Zero, r.Lines, reasons, reasons.Count == 0 ? $"一次性救助 {r.Amount} 元" : "不符合条件")
        { Level = r.Level };
    }

    public void GuardDecidedAmount(AssistanceCase c, Assessment assessment, bool township)
    {
        if (township && assessment.Level == ApprovalLevel.County && !c.AssistFirst)
        {
            throw LevelProblems.AboveTownshipLimit("救助金额超过乡镇审批额度，须由县级审批");
        }
    }

    public Task DecideAsync(AssistanceCase c, Assessment assessment, bool township, DateOnly today, CancellationToken ct)
    {
        c.ApprovedAmount = c.AssistFirst ? c.ApprovedAmount : assessment.Amount;
        c.RequiredLevel = assessment.Level;
        c.EndedOn = today;
        if (!c.AssistFirst)
        {
            amounts.Add(c, today, c.ApprovedAmount, "临时救助审批", assessment.Lines);
            entitlements.OneOff(AssistanceCases.PayeeOf(c), today, c.ApprovedAmount, c.AmountExplanation ?? JsonSerializer.Serialize(assessment.Lines, AssistanceCases.Json), "临时救助审批");
        }
        return Task.CompletedTask;
    }
}

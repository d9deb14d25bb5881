using Minzheng.Web.Modules.Assistance.Cases;
using Minzheng.Web.Modules.Assistance.Rules;
using Minzheng.Web.Modules.Assistance.Standards;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;

namespace Minzheng.Web.Modules.Assistance.Dibao;

/// <summary>
/// 最低生活保障: the monthly difference to the local standard (<see cref="DibaoRules"/>), decided by the county or, where the
/// county has delegated it (figure "approval delegated"), by the township; a refusal records a marginal household.
/// </summary>
public sealed class DibaoPolicy(Figures figures, MonthlyBenefit monthly) : IProgramPolicy
{
    public AssistanceProgram Program => AssistanceProgram.Dibao;

    public bool RecordsMarginalOnRefusal => true;

    public void ValidateApplication(ApplyInput input, ValidationErrors errors)
    {
        if (input.SinglePersonId is not null && string.IsNullOrWhiteSpace(input.SinglePersonGround))
        {
            errors.Add("singlePersonGround", "单人户申请须说明依据（如一二级残疾、三级智力精神残疾、重特大疾病）");
        }
    }

    public Assessment Assess(AssistanceCase c, IReadOnlyList<AssistanceMember> members, PropertyDeclaration property, DateOnly date)
    {
        var f = figures.Dibao(c.DivisionCode, c.Area, date);
        var r = DibaoRules.Calculate(new DibaoRequest(date, c.IncomeOf(members),
            members.Select(m => new DibaoMember(m.BirthDate, m.DisabilityGrade, m.DisabilityCategory, m.SeriouslyIll)).ToList(),
            property, c.SinglePersonId is not null), f);
        var reasons = r.Reasons.ToList();
        if (c.EconomicCheck == EconomicCheck.Failed) reasons.Add(CaseAssessor.CheckFailed(c));
        return new Assessment(r.Eligible && c.EconomicCheck != EconomicCheck.Failed, r.MonthlyAmount, r.Lines, reasons,
            r.Eligible ? $"每月 {r.MonthlyAmount} 元" : "不符合条件")
        { Marginal = r.Marginal, PerCapitaIncome = r.PerCapitaIncome, Standard = r.Standard };
    }

    public void GuardTownshipDecision(AssistanceCase c, DateOnly today)
    {
        // 民发〔2021〕57号: the county may delegate the decision to townships; until it has, the county decides.
        if (!figures.ApprovalDelegated(c.DivisionCode, today)) throw LevelProblems.CountyOnly("本县低保审批确认权限未下放乡镇，须由县级确认");
    }

    public Task DecideAsync(AssistanceCase c, Assessment assessment, bool township, DateOnly today, CancellationToken ct) =>
        monthly.StartAsync(c, assessment, township, today, ct);
}

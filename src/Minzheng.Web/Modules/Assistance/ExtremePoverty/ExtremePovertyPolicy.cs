using Minzheng.Web.Modules.Assistance.Cases;
using Minzheng.Web.Modules.Assistance.Rules;
using Minzheng.Web.Modules.Assistance.Standards;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;

namespace Minzheng.Web.Modules.Assistance.ExtremePoverty;

/// <summary>
/// 特困人员救助供养: one supported person per case, assessed for self-care; basic living plus care by self-care level
/// (<see cref="ExtremePovertyRules"/>); decided by the county only (its process has no township decision).
/// </summary>
public sealed class ExtremePovertyPolicy(Figures figures, MonthlyBenefit monthly) : IProgramPolicy
{
    public AssistanceProgram Program => AssistanceProgram.ExtremePoverty;

    public bool OneOpenCasePerPerson => true;

    public void RecordInvestigation(AssistanceCase c, InvestigationInput input)
    {
        c.SelfCareUnable = input.SelfCareUnable is null ? null : string.Join(",", input.SelfCareUnable.Distinct());
        c.SelfCareLevel = input.SelfCareUnable is null ? null : ExtremePovertyRules.AssessSelfCare(input.SelfCareUnable);
        c.SupportForm = input.SupportForm;
        c.Institution = input.SupportForm == SupportForm.Centralised ? input.Institution?.Trim() : null;
        c.HasAbleSupporter = input.HasAbleSupporter;
    }

    public void CheckInvestigationComplete(AssistanceCase c)
    {
        if (c.SelfCareLevel is null) throw new AppProblem(409, "self_care_missing", "特困人员须先完成生活自理能力评估");
    }

    public Assessment Assess(AssistanceCase c, IReadOnlyList<AssistanceMember> members, PropertyDeclaration property, DateOnly date)
    {
        var person = members.FirstOrDefault(m => m.PersonId == (c.SinglePersonId ?? c.ApplicantPersonId)) ?? members[0];
        var f = figures.ExtremePoverty(c.DivisionCode, c.Area, date);
        var version = figures.ExtremePovertyRuleVersion(c.DivisionCode, date);
        var perCapita = members.Count == 0 ? 0 : c.IncomeOf(members).Yuan / members.Count;
        var dibaoFigures = figures.Dibao(c.DivisionCode, c.Area, date);
        var propertyOk = !DibaoRules.PropertyFailures(property, Math.Max(1, members.Count), dibaoFigures).Any();
        var (eligible, reasons) = ExtremePovertyRules.Eligibility(
            new ExtremePovertyPerson(person.BirthDate, person.DisabilityCategory, person.DisabilityGrade, perCapita < f.DibaoStandard.Value.Yuan, propertyOk, c.HasAbleSupporter),
            date, version);
        var level = c.SelfCareLevel ?? SelfCareLevel.SelfCare;
        var (basic, care, lines) = ExtremePovertyRules.Amounts(f, level);
        var reasonList = reasons.ToList();
        if (c.EconomicCheck == EconomicCheck.Failed) reasonList.Add(CaseAssessor.CheckFailed(c));
        var ok = eligible && c.EconomicCheck != EconomicCheck.Failed;
        return new Assessment(ok, ok ? basic + care : Money.Zero, lines, reasonList, ok ? $"基本生活费 {basic} 元 + 照料护理费 {care} 元 / 月" : "不符合条件")
        { Basic = basic, Care = care };
    }

    public void GuardTownshipDecision(AssistanceCase c, DateOnly today) =>
        // unreachable through the process (it has no township decision); kept so the rule is stated where the program is
        throw LevelProblems.CountyOnly("特困人员由县级民政部门审批确认");

    public Task DecideAsync(AssistanceCase c, Assessment assessment, bool township, DateOnly today, CancellationToken ct) =>
        monthly.StartAsync(c, assessment, township, today, ct);
}

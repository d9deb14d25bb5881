using Minzheng.Web.Modules.Assistance.Rules;
using Minzheng.Web.Modules.Assistance.Standards;
using Minzheng.Web.Platform.Money;

namespace Minzheng.Web.Modules.Assistance.Cases;

/// <summary>What the rules say about a case on a date: eligible or not (with reasons), the amount and its explanation.</summary>
public sealed record Assessment(bool Eligible, Money Amount, IReadOnlyList<AmountLine> Lines, IReadOnlyList<string> Reasons, string Summary)
{
    public Money Basic { get; init; }
    public Money Care { get; init; }
    public ApprovalLevel? Level { get; init; }
    public bool Marginal { get; init; }
    public decimal? PerCapitaIncome { get; init; }
    public Money? Standard { get; init; }
}

/// <summary>Applies the pure rules to a case with the figures in force on the given date.</summary>
public sealed class CaseAssessor(Figures figures)
{
    public Assessment Assess(AssistanceCase c, DateOnly date)
    {
        var members = c.SinglePersonId is { } single ? c.Members.Where(m => m.PersonId == single).ToList() : c.Members.Where(m => m.Included).ToList();
        var property = new PropertyDeclaration(c.Deposits, c.Vehicles, c.Houses, c.HasBusiness);
        switch (c.Program)
        {
            case AssistanceProgram.Dibao:
                {
                    var f = figures.Dibao(c.DivisionCode, c.Area, date);
                    var r = DibaoRules.Calculate(new DibaoRequest(date, c.HouseholdIncome,
                        members.Select(m => new DibaoMember(m.BirthDate, m.DisabilityGrade, m.DisabilityCategory, m.SeriouslyIll)).ToList(),
                        property, c.SinglePersonId is not null), f);
                    var reasons = r.Reasons.ToList();
                    if (c.EconomicCheck == EconomicCheck.Failed) reasons.Add("家庭经济状况核对未通过：" + (c.EconomicCheckNote ?? "核对发现与申报不符"));
                    return new Assessment(r.Eligible && c.EconomicCheck != EconomicCheck.Failed, r.MonthlyAmount, r.Lines, reasons,
                        r.Eligible ? $"每月 {r.MonthlyAmount} 元" : "不符合条件")
                    { Marginal = r.Marginal, PerCapitaIncome = r.PerCapitaIncome, Standard = r.Standard };
                }
            case AssistanceProgram.ExtremePoverty:
                {
                    var person = members.FirstOrDefault(m => m.PersonId == (c.SinglePersonId ?? c.ApplicantPersonId)) ?? members.First();
                    var f = figures.ExtremePoverty(c.DivisionCode, c.Area, date);
                    var version = figures.ExtremePovertyRuleVersion(c.DivisionCode, date);
                    var perCapita = members.Count == 0 ? 0 : c.HouseholdIncome.Yuan / members.Count;
                    var dibaoFigures = figures.Dibao(c.DivisionCode, c.Area, date);
                    var propertyOk = !DibaoRules.PropertyFailures(property, Math.Max(1, members.Count), dibaoFigures).Any();
                    var (eligible, reasons) = ExtremePovertyRules.Eligibility(
                        new ExtremePovertyPerson(person.BirthDate, person.DisabilityCategory, person.DisabilityGrade, perCapita < f.DibaoStandard.Value.Yuan, propertyOk, c.HasAbleSupporter),
                        date, version);
                    var level = c.SelfCareLevel ?? SelfCareLevel.SelfCare;
                    var (basic, care, lines) = ExtremePovertyRules.Amounts(f, level);
                    var reasonList = reasons.ToList();
                    if (c.EconomicCheck == EconomicCheck.Failed) reasonList.Add("家庭经济状况核对未通过：" + (c.EconomicCheckNote ?? "核对发现与申报不符"));
                    var ok = eligible && c.EconomicCheck != EconomicCheck.Failed;
                    return new Assessment(ok, ok ? basic + care : Money.Zero, lines, reasonList, ok ? $"基本生活费 {basic} 元 + 照料护理费 {care} 元 / 月" : "不符合条件")
                    { Basic = basic, Care = care };
                }
            default:
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
                    if (c.EconomicCheck == EconomicCheck.Failed) reasons.Add("家庭经济状况核对未通过：" + (c.EconomicCheckNote ?? "核对发现与申报不符"));
                    return new Assessment(reasons.Count == 0, reasons.Count == 0 ? r.Amount : Money.Zero, r.Lines, reasons, reasons.Count == 0 ? $"一次性救助 {r.Amount} 元" : "不符合条件")
                    { Level = r.Level };
                }
        }
    }
}

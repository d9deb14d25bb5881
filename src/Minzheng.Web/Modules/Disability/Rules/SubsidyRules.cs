using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.Disability.Rules;

public enum Subsidy
{
    /// <summary>困难残疾人生活补贴.</summary>
    Living = 1,

    /// <summary>重度残疾人护理补贴.</summary>
    Care = 2,
}

/// <summary>The disability certificate as it stands (2nd or 3rd generation 残疾人证), or null for none.</summary>
public sealed record Certificate(int Generation, DisabilityCategory Category, int Grade, DateOnly? ValidUntil, bool Cancelled = false);

/// <summary>What the rules need to know about a person on a date; each fact comes from the registry, a program or a dataset.</summary>
public sealed record SubsidyFacts(
    bool Alive,
    bool LocalHukou,
    Certificate? Certificate,
    bool InDibaoHousehold,
    bool LowIncome,
    bool OnOrphanAllowance,
    bool ExtremePoverty,
    bool WorkInjuryCareAllowance,
    decimal OtherLivingAllowance = 0m,
    decimal OtherCareAllowance = 0m);

/// <summary>
/// The local choices 国发〔2015〕52号 leaves open (effective-dated figures): the living subsidy's extension to low-income
/// families, the care subsidy's grades and its extension to grade 3–4 intellectual or mental disability, and the
/// monthly amounts of the county.
/// </summary>
public sealed record SubsidyFigures(bool LivingForLowIncome, int CareMaxGrade, bool CareForMildIntellectualOrMental, decimal LivingAmount, decimal CareAmount);

public sealed record SubsidyOutcome(Subsidy Subsidy, bool Eligible, decimal Amount, IReadOnlyList<string> Reasons);

/// <summary>The two disability subsidies (国发〔2015〕52号, in force 2016-01-01): eligibility, overlap and termination, as pure functions.</summary>
public static class SubsidyRules
{
    public const string Basis = "国发〔2015〕52号 关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见";

    public static string Name(Subsidy s) => s == Subsidy.Living ? "困难残疾人生活补贴" : "重度残疾人护理补贴";

    public static string CategoryName(DisabilityCategory c) => c switch
    {
        DisabilityCategory.Visual => "视力残疾",
        DisabilityCategory.Hearing => "听力残疾",
        DisabilityCategory.Speech => "言语残疾",
        DisabilityCategory.Physical => "肢体残疾",
        DisabilityCategory.Intellectual => "智力残疾",
        DisabilityCategory.Mental => "精神残疾",
        _ => "多重残疾",
    };

    /// <summary>Whether <paramref name="subsidy"/> is due on <paramref name="date"/>, how much, and every reason (met or not).</summary>
    public static SubsidyOutcome Decide(Subsidy subsidy, SubsidyFacts f, DateOnly date, SubsidyFigures figures)
    {
        var refusals = new List<string>();
        if (!f.Alive) refusals.Add("已死亡");
        if (!f.LocalHukou) refusals.Add("非本地户籍（补贴由户籍地发放）");
        if (f.Certificate is not { } cert)
        {
            refusals.Add("未持有第二代或第三代残疾人证");
        }
        else
        {
            if (cert.Generation < 2) refusals.Add("须持第二代或第三代残疾人证");
            if (cert.Cancelled) refusals.Add("残疾人证已注销");
            if (cert.ValidUntil is { } until && until < date) refusals.Add($"残疾人证有效期至 {until:yyyy-MM-dd}，已过期");
        }
        // 52号: those on the work-injury care allowance, and extreme-poverty supported people, receive neither subsidy
        if (f.ExtremePoverty) refusals.Add("已纳入特困人员救助供养，不享受两项补贴");
        if (f.WorkInjuryCareAllowance) refusals.Add("已领取工伤保险生活护理费，不享受两项补贴");

        var met = new List<string>();
        decimal amount;
        decimal other;
        if (subsidy == Subsidy.Living)
        {
            // 52号: the living subsidy is for disabled people in dibao families; localities may extend it (low income)
            if (f.InDibaoHousehold) met.Add("低保家庭中的残疾人");
            else if (figures.LivingForLowIncome && f.LowIncome) met.Add("低收入家庭中的残疾人（本地扩面）");
            else refusals.Add(figures.LivingForLowIncome ? "不属于低保家庭或低收入家庭" : "不属于低保家庭");
            if (f.OnOrphanAllowance) refusals.Add("享受孤儿基本生活保障的残疾儿童不享受生活补贴（可享受护理补贴）");
            amount = figures.LivingAmount;
            other = f.OtherLivingAllowance;
        }
        else
        {
            // 52号: the care subsidy is for grade 1–2; localities may extend it to grade 3–4 intellectual or mental disability
            if (f.Certificate is { } c)
            {
                if (c.Grade >= 1 && c.Grade <= figures.CareMaxGrade) met.Add($"残疾等级 {c.Grade} 级（{CategoryName(c.Category)}）");
                else if (figures.CareForMildIntellectualOrMental && c.Grade is 3 or 4 && c.Category is DisabilityCategory.Intellectual or DisabilityCategory.Mental) met.Add($"三、四级{CategoryName(c.Category)}（本地扩面）");
                else refusals.Add($"残疾等级 {c.Grade} 级（{CategoryName(c.Category)}），不属于护理补贴对象");
            }
            amount = figures.CareAmount;
            other = f.OtherCareAllowance;
        }
        // 52号: with a similar old-age, work-injury or retiree allowance of the same kind, the higher one is received
        if (refusals.Count == 0 && other > 0)
        {
            if (other >= amount) refusals.Add($"已享受同类福利性津贴 {other:0.00} 元/月，不低于本补贴 {amount:0.00} 元/月，按就高原则不再发放");
            else met.Add($"同类福利性津贴 {other:0.00} 元/月低于本补贴，按就高原则领取本补贴（须停领原津贴）");
        }
        return refusals.Count == 0
            ? new SubsidyOutcome(subsidy, true, amount, [.. met, Basis])
            : new SubsidyOutcome(subsidy, false, 0m, refusals);
    }

    /// <summary>
    /// The month after which a running subsidy stops when a fact changes on <paramref name="eventDate"/> (death, hukou
    /// moved out, leaving dibao, certificate changed or expired, entering extreme-poverty support, starting the
    /// work-injury care allowance): paid for the month of the change, stopped from the following month.
    /// </summary>
    public static DateOnly LastPaidMonth(DateOnly eventDate) => new(eventDate.Year, eventDate.Month, 1);
}

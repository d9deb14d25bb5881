using Minzheng.Web.Modules.Charity.Contracts;
using Minzheng.Web.Modules.SocialOrganizations.Credit;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Web.Modules.SocialOrganizations.Charity;

/// <summary>The three qualifications an organisation may apply for (rules-2 §6.2, 慈善法 art. 22, rules-2 §6.4).</summary>
public enum QualificationKind
{
    /// <summary>慈善组织认定 (民政部令第58号).</summary>
    CharityRecognition = 1,

    /// <summary>公开募捐资格 (慈善法 art. 22).</summary>
    PublicFundraising = 2,

    /// <summary>公益性捐赠税前扣除资格 (财政部 税务总局 民政部公告2020年第27号).</summary>
    TaxDeduction = 3,
}

/// <summary>One year's accounts: total income, charitable-activity spending, management costs, total spending.</summary>
public sealed record YearAccounts(Money Income, Money Spending, Money ManagementCost, Money TotalSpending);

/// <summary>
/// What the checks read: the organisation's registry facts, the applicant's declarations the officer verified from the
/// materials (charter clauses, board resolution, audit report …), the last years' accounts, the penalties and list status from
/// the credit ledger, the qualifications already granted, and the evaluation grade from the profile.
/// </summary>
public sealed record CharityFacts
{
    public OrganizationKind Kind { get; init; }
    public DateOnly RegisteredOn { get; init; }
    public bool Active { get; init; } = true;

    // declarations verified from the materials
    public bool CharitablePurpose { get; init; }
    public bool NonProfitCharter { get; init; }
    public bool SoundFinance { get; init; }
    public bool NoBarredLeader { get; init; }
    public bool BoardResolution { get; init; }
    public bool AuditedReport { get; init; }
    public bool TaxExemption { get; init; }

    /// <summary>Accounts of the year before the application (Y-1), of Y-2, and the income of Y-3 (for the 70 % test of Y-2).</summary>
    public YearAccounts? LastYear { get; init; }
    public YearAccounts? YearBefore { get; init; }
    public Money? IncomeThreeYearsBefore { get; init; }

    /// <summary>Net assets at the end of Y-2 (the base of the non-公募 spending ratio, 民发〔2016〕189号).</summary>
    public Money NetAssets { get; init; }

    /// <summary>Dates of administrative penalties from the credit ledger; <see cref="PenaltyWarningsOnly"/> marks which were only warnings.</summary>
    public IReadOnlyList<DateOnly> Penalties { get; init; } = [];
    public IReadOnlyList<DateOnly> PenaltyWarningsOnly { get; init; } = [];

    public CreditList ListStatus { get; init; }
    public bool RecognisedCharity { get; init; }
    public bool HasPublicFundraising { get; init; }
    public int? Grade { get; init; }
    public DateOnly? GradeValidUntil { get; init; }

    /// <summary>The 民发〔2016〕189号 verdict on <see cref="LastYear"/> (from <see cref="ICharityRatioTable"/>; null: none obtained).</summary>
    public CharityRatioVerdict? LastYearRatios { get; init; }
}

/// <summary>An unmet condition: a stable code and the Chinese sentence the officer and the applicant read.</summary>
public sealed record Unmet(string Code, string Text);

/// <summary>
/// The conditions of the three qualifications, each a pure check that names every unmet condition (never just the first).
/// The officer decides; the rule only tells whether granting is allowed.
/// </summary>
public static class CharityRules
{
    /// <summary>公益性捐赠税前扣除资格 needs an evaluation grade of 3A or higher, still valid (rules.md §6.3, rules-2 §6.4).</summary>
    public const int MinTaxDeductionGrade = 3;

    /// <summary>
    /// The accounts the 民发〔2016〕189号 table judges for recognition: the year before the application, with the net assets at
    /// the end of the year before it and that year's income as the bases; null when the year's accounts are missing.
    /// </summary>
    public static CharityYearAccounts? RatioAccounts(CharityFacts f, DateOnly appliedOn) => f.LastYear is not { } y ? null
        : new CharityYearAccounts(appliedOn.Year - 1, y.Income, y.Spending, y.ManagementCost, y.TotalSpending, f.NetAssets, f.YearBefore?.Income);

    /// <summary>慈善组织认定 (民政部令第58号; rules-2 §6.2).</summary>
    public static IReadOnlyList<Unmet> Recognition(CharityFacts f, DateOnly appliedOn)
    {
        var unmet = new List<Unmet>();
        Common(f, unmet);
        if (!f.CharitablePurpose) unmet.Add(new("charitable-purpose", "章程未载明以开展慈善活动为宗旨"));
        if (!f.NonProfitCharter) unmet.Add(new("non-profit", "章程未载明不以营利为目的、收益和营运结余全部用于章程规定的慈善目的、财产及孳息不在成员中分配、剩余财产转给宗旨相同或相近的组织"));
        if (!f.SoundFinance) unmet.Add(new("sound-finance", "未建立健全财务管理制度和薪酬制度"));
        if (!f.NoBarredLeader) unmet.Add(new("barred-leader", "负责人存在不得担任慈善组织负责人的情形"));
        if (!f.BoardResolution) unmet.Add(new("board-resolution", "未提交会员（代表）大会或理事会同意申请认定的决议"));
        if (f.RecognisedCharity) unmet.Add(new("already-recognised", "已认定为慈善组织"));
        unmet.AddRange(Ratios(f));
        if (PenaltyWithin(f.Penalties, appliedOn, 2) is { } p) unmet.Add(new("penalty", $"申请前二年内受过行政处罚（{p:yyyy-MM-dd}）"));
        if (f.ListStatus != CreditList.None) unmet.Add(new("credit-list", $"被列入{CreditLabels.Name(f.ListStatus)}"));
        return unmet;
    }

    /// <summary>公开募捐资格 (慈善法 art. 22; 慈善组织公开募捐管理办法): a recognised charity registered long enough.</summary>
    public static IReadOnlyList<Unmet> PublicFundraising(CharityFacts f, DateOnly appliedOn, int minYears)
    {
        var unmet = new List<Unmet>();
        Common(f, unmet);
        if (!f.RecognisedCharity) unmet.Add(new("not-charity", "尚未认定为慈善组织"));
        if (f.RegisteredOn.AddYears(minYears) > appliedOn) unmet.Add(new("registered-years", $"登记未满{minYears}年（{f.RegisteredOn:yyyy-MM-dd}登记）"));
        if (!f.SoundFinance) unmet.Add(new("sound-governance", "内部治理结构不健全、运作不规范"));
        if (f.HasPublicFundraising) unmet.Add(new("already-granted", "已具有公开募捐资格"));
        if (PenaltyWithin(f.Penalties, appliedOn, 2) is { } p) unmet.Add(new("penalty", $"申请前二年内受过行政处罚（{p:yyyy-MM-dd}）"));
        if (f.ListStatus != CreditList.None) unmet.Add(new("credit-list", $"被列入{CreditLabels.Name(f.ListStatus)}"));
        return unmet;
    }

    /// <summary>公益性捐赠税前扣除资格 (公告2020年第27号; rules-2 §6.4).</summary>
    public static IReadOnlyList<Unmet> TaxDeduction(CharityFacts f, DateOnly appliedOn)
    {
        var unmet = new List<Unmet>();
        Common(f, unmet);
        if (!f.AuditedReport) unmet.Add(new("audited-report", "未报送经审计的上年度专项信息报告"));
        if (!f.TaxExemption) unmet.Add(new("tax-exemption", "未取得有效的非营利组织免税资格"));
        if (f.HasPublicFundraising)
        {
            // 公募 bodies: charitable spending ≥ 70 % of the previous year's income in each of the two years before
            unmet.AddRange(Seventy(f.LastYear, f.YearBefore?.Income, "上年度"));
            unmet.AddRange(Seventy(f.YearBefore, f.IncomeThreeYearsBefore, "前年度"));
        }
        var penalties = f.Penalties.Where(d => !f.PenaltyWarningsOnly.Contains(d)).ToList();
        if (PenaltyWithin(penalties, appliedOn, 2) is { } p) unmet.Add(new("penalty", $"前两年内受过警告以外的行政处罚（{p:yyyy-MM-dd}）"));
        if (f.ListStatus == CreditList.Dishonest) unmet.Add(new("dishonest-list", "被列入严重违法失信名单"));
        if (f.Grade is not { } g || g < MinTaxDeductionGrade || f.GradeValidUntil is not { } until || until < appliedOn)
            unmet.Add(new("grade", f.Grade is { } gg && gg >= MinTaxDeductionGrade ? "社会组织评估等级已过有效期" : $"社会组织评估等级未达到{MinTaxDeductionGrade}A以上"));
        return unmet;
    }

    private static void Common(CharityFacts f, List<Unmet> unmet)
    {
        if (!Registry.SocialOrganizationKinds.IsSocialOrganization(f.Kind)) unmet.Add(new("kind", "不是社会团体、社会服务机构或基金会"));
        if (!f.Active) unmet.Add(new("not-active", "已注销或被撤销登记，不具备法人条件"));
    }

    private static DateOnly? PenaltyWithin(IEnumerable<DateOnly> penalties, DateOnly appliedOn, int years) =>
        penalties.Where(d => d > appliedOn.AddYears(-years) && d <= appliedOn).Select(d => (DateOnly?)d).Max();

    private static IEnumerable<Unmet> Seventy(YearAccounts? year, Money? previousIncome, string label)
    {
        if (year is null || previousIncome is null)
        {
            yield return new("accounts-missing", $"缺少{label}及其前一年度的收支数据");
            yield break;
        }
        if (year.Spending.Fen * 100 < previousIncome.Value.Fen * 70)
            yield return new("spending-ratio", $"{label}公益慈善支出 {year.Spending.Yuan:N2} 元，低于上一年总收入 {previousIncome.Value.Yuan:N2} 元的 70%");
    }

    /// <summary>
    /// The previous year's spending and management ratios for recognition: the verdict of the charity module's one table
    /// (<see cref="ICharityRatioTable"/>), computed by the caller; no verdict or a tier without figures is unmet ("比例未配置"),
    /// never a guessed pass.
    /// </summary>
    private static IEnumerable<Unmet> Ratios(CharityFacts f)
    {
        if (f.LastYear is null)
        {
            yield return new("accounts-missing", "缺少上年度收支数据");
            yield break;
        }
        if (f.LastYearRatios is not { } verdict)
        {
            yield return new("ratio-not-configured", "比例未配置：未取得民发〔2016〕189号年度支出和管理费用比例的结论");
            yield break;
        }
        foreach (var finding in verdict.Findings)
        {
            var code = finding.Code switch
            {
                "spending" => "spending-ratio",
                "income-share" => "spending-income-ratio",
                "management" => "management-ratio",
                "not-configured" => "ratio-not-configured",
                _ => finding.Code,
            };
            yield return new(code, "上年度：" + finding.Text);
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Charity.Ratios;

public sealed record YearlyInput(Guid? OrganizationId, int? Year, bool PublicFundraising, bool UseThreeYearAverage, decimal? Income, decimal? CharitableSpending,
    decimal? ManagementCost, decimal? TotalSpending, decimal? PreviousYearEndNetAssets, decimal? PreviousYearIncome, string? Explanation);

public sealed record YearlyDto(Guid Id, Guid OrganizationId, string OrganizationName, int Year, string Tier, string TierName, bool PublicFundraising,
    decimal Income, decimal CharitableSpending, decimal ManagementCost, decimal TotalSpending, decimal PreviousYearEndNetAssets, decimal PreviousYearIncome,
    string Verdict, string VerdictName, decimal? SpendingPercent, decimal? ManagementPercent, IReadOnlyList<RatioShortfall> Findings, string? Explanation, int Version);

/// <summary>
/// 年度支出和管理费用 (issue 16 item 6, 民发〔2016〕189号): the reported figures of a year are recorded (by the charity or its
/// registering 民政), judged by <see cref="CharityRatios"/> against the table row in force on the last day of the year, and
/// the bodies falling short are the alert list.
/// </summary>
public sealed class YearlyReports(AppDbContext db, CharityOrganizations organizations, FigureBook figures, BusinessClock clock, ICurrentUser user)
{
    public async Task<YearlyDto> RecordAsync(YearlyInput input, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var today = clock.Today;
        if (input.Year is not { } y0) errors.Add("year", "请填写年度");
        else if (y0 < 2016 || y0 >= today.Year) errors.Add("year", "年度应为慈善法施行（2016年）以来已结束的年度");
        Money? M(decimal? yuan, string field, string name)
        {
            if (yuan is not { } y) { errors.Add(field, $"请填写{name}"); return null; }
            if (y < 0) { errors.Add(field, "金额不能为负数"); return null; }
            if (decimal.Round(y, 2) != y || y > Money.MaxYuan) { errors.Add(field, "金额应为元，至多两位小数"); return null; }
            return Money.FromYuan(y, field);
        }
        var income = M(input.Income, "income", "本年度总收入");
        var spending = M(input.CharitableSpending, "charitableSpending", "本年度慈善活动支出");
        var management = M(input.ManagementCost, "managementCost", "本年度管理费用");
        var total = M(input.TotalSpending, "totalSpending", "本年度总支出");
        var netAssets = M(input.PreviousYearEndNetAssets, "previousYearEndNetAssets", "上年末净资产");
        var previousIncome = M(input.PreviousYearIncome, "previousYearIncome", "上年度总收入");
        if (spending is { } s && total is { } t && s > t) errors.Add("charitableSpending", "慈善活动支出不能大于本年度总支出");
        if (management is { } m && total is { } t2 && m > t2) errors.Add("managementCost", "管理费用不能大于本年度总支出");
        var explanation = string.IsNullOrWhiteSpace(input.Explanation) ? null : input.Explanation.Trim();
        if (explanation?.Length > 1000) errors.Add("explanation", "说明不能超过 1000 字");
        var o = await organizations.ForActionAsync(input.OrganizationId, errors, ct);
        errors.ThrowIfAny();
        var year = input.Year!.Value;
        if (await db.Set<CharityYearlyReport>().AnyAsync(r => r.OrganizationId == o.Id && r.Year == year, ct))
            throw new AppProblem(409, "charity_year_reported", $"{o.Name} {year}年度的支出数据已录入");

        var body = CharityOrganizations.BodyOf(o.Kind)!.Value;
        var figuresYear = new YearFigures(year, income!.Value, spending!.Value, management!.Value, total!.Value, netAssets!.Value, previousIncome!.Value);
        var tier = RatioTiers.For(body, input.PublicFundraising, netAssets.Value);
        // 第十二条: a body registered less than a year before the year's end reports and explains instead
        var yearEnd = new DateOnly(year, 12, 31);
        var young = o.RegisteredOn is { } reg && reg.AddYears(1) > yearEnd;
        if (young && explanation is null) throw AppProblem.Field("explanation", "成立未满一年的慈善组织，应说明年度支出和管理费用情况");
        var report = new CharityYearlyReport
        {
            OrganizationId = o.Id,
            DivisionCode = o.DivisionCode,
            Year = year,
            Body = body,
            PublicFundraising = input.PublicFundraising,
            LessThanOneYear = young,
            UseThreeYearAverage = input.UseThreeYearAverage,
            Income = income.Value,
            CharitableSpending = spending.Value,
            ManagementCost = management.Value,
            TotalSpending = total.Value,
            PreviousYearEndNetAssets = netAssets.Value,
            PreviousYearIncome = previousIncome.Value,
            Tier = tier,
            Explanation = explanation,
            RecordedBy = user.UserName,
        };
        var table = RatioTable.On(figures, o.DivisionCode, yearEnd, tier);
        if (table is null)
        {
            report.Findings = "not-configured|" + $"{yearEnd:yyyy-MM-dd} 没有生效的“{CharityFigures.Tiers.First(x => x.Code == tier).Name}”支出和管理费用比例，请市民政部门先在“慈善”标准中录入";
        }
        else
        {
            List<YearFigures>? earlier = null;
            if (input.UseThreeYearAverage)
            {
                earlier = await db.Set<CharityYearlyReport>().AsNoTracking().Where(r => r.OrganizationId == o.Id && (r.Year == year - 1 || r.Year == year - 2))
                    .Select(r => new YearFigures(r.Year, r.Income, r.CharitableSpending, r.ManagementCost, r.TotalSpending, r.PreviousYearEndNetAssets, r.PreviousYearIncome))
                    .ToListAsync(ct);
                if (earlier.Count < 2) throw AppProblem.Field("useThreeYearAverage", "按近三年平均计算需要前两个年度的数据已录入");
            }
            var result = CharityRatios.Evaluate(table, figuresYear, young, earlier);
            report.Verdict = result.Verdict;
            report.SpendingPercent = result.SpendingPercent;
            report.ManagementPercent = result.ManagementPercent;
            report.Findings = string.Join("\n", result.Shortfalls.Select(f => f.Code + "|" + f.Text));
        }
        db.Add(report);
        await db.SaveChangesAsync(ct);
        return Dto(report, o.Name);
    }

    public async Task<Paged<YearlyDto>> ListAsync(bool shortOnly, int? year, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<CharityYearlyReport>().AsNoTracking();
        if (shortOnly) q = q.Where(r => r.Verdict == RatioVerdict.ShortFall);
        if (year is { } y) q = q.Where(r => r.Year == y);
        var rows = await q.OrderByDescending(r => r.Year).ThenBy(r => r.Id).ToPagedAsync(page, ct);
        var ids = rows.Items.Select(r => r.OrganizationId!.Value).Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return rows.Select(r => Dto(r, names.GetValueOrDefault(r.OrganizationId!.Value, "")));
    }

    public static YearlyDto Dto(CharityYearlyReport r, string name) => new(r.Id, r.OrganizationId!.Value, name, r.Year, r.Tier,
        CharityFigures.Tiers.FirstOrDefault(t => t.Code == r.Tier).Name ?? r.Tier, r.PublicFundraising, r.Income.Yuan, r.CharitableSpending.Yuan, r.ManagementCost.Yuan,
        r.TotalSpending.Yuan, r.PreviousYearEndNetAssets.Yuan, r.PreviousYearIncome.Yuan,
        r.Verdict switch { RatioVerdict.Passed => "passed", RatioVerdict.ShortFall => "short", RatioVerdict.Explain => "explain", _ => "not-configured" },
        r.Verdict switch { RatioVerdict.Passed => "达标", RatioVerdict.ShortFall => "未达标", RatioVerdict.Explain => "成立未满一年，作出说明", _ => "比例未配置" },
        r.SpendingPercent, r.ManagementPercent,
        [.. r.Findings.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('|', 2)).Select(p => new RatioShortfall(p[0], p.Length > 1 ? p[1] : p[0]))],
        r.Explanation, r.Version);
}

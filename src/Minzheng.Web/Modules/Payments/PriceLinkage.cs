using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Payments;

public sealed record PriceSubsidyDecision(bool Triggered, Money PerPerson, AmountLine Line, string Why);

/// <summary>
/// 社会救助和保障标准与物价上涨挂钩联动机制: the subsidy for a payroll month is decided by the price index of
/// the month before (indices are published after the month ends); triggered when the CPI year-on-year rise,
/// or the food price rise where a food threshold is set, reaches its threshold.
/// </summary>
public static class PriceSubsidyRules
{
    public static PriceSubsidyDecision Decide(PriceSubsidyRule rule, PriceIndex index)
    {
        var cpiHit = index.CpiYoY >= rule.CpiThreshold;
        var foodHit = rule.FoodThreshold is { } f && index.FoodYoY >= f;
        var condition = $"启动条件：CPI 同比 ≥ {rule.CpiThreshold:0.0##}%" + (rule.FoodThreshold is { } ft ? $" 或食品价格同比 ≥ {ft:0.0##}%" : "");
        var observed = $"{index.Month:yyyy年M月} CPI 同比 {index.CpiYoY:0.0##}%，食品 {index.FoodYoY:0.0##}%（{index.Source}）";
        var basis = $"{rule.Document}，{rule.ValidFrom:yyyy-MM-dd} 起执行";
        if (!cpiHit && !foodHit)
        {
            return new PriceSubsidyDecision(false, Money.Zero, new AmountLine("价格临时补贴（未启动）", 0, $"{observed}；{condition}；{basis}"), $"{observed}，未达到{condition}");
        }
        Money perPerson;
        string label;
        if (rule.Formula == PriceSubsidyFormula.CpiLinked)
        {
            // the rise that triggered: CPI, or food where only food reached its threshold
            var rise = cpiHit ? index.CpiYoY : index.FoodYoY;
            perPerson = Rounding.Apply(rule.Amount.Yuan * rise / 100m, rule.Rounding);
            label = $"价格临时补贴：每人 {rule.Amount} × {(cpiHit ? "CPI" : "食品价格")}涨幅 {rise:0.0##}% = {perPerson}（{Rounding.Describe(rule.Rounding)}）";
        }
        else
        {
            perPerson = rule.Amount;
            label = $"价格临时补贴：每人每月 {perPerson}";
        }
        return new PriceSubsidyDecision(true, perPerson, new AmountLine(label + " × 保障人数", perPerson.Yuan, $"{observed}；{condition}；{basis}"), $"{observed}，已达到{condition}");
    }
}

/// <summary>A month's indices; <see cref="Version"/> is the version read, required when the month was entered before (a correction).</summary>
public sealed record PriceIndexInput(DateOnly? Month, [Within(-100, 1000)] decimal? CpiYoY, [Within(-100, 1000)] decimal? FoodYoY, [Text(100)] string? Source, int? Version = null);

public sealed record PriceRuleInput(DateOnly? ValidFrom, DateOnly? ValidTo, [Within(-100, 1000)] decimal? CpiThreshold, [Within(-100, 1000)] decimal? FoodThreshold, [Text(200)] string? Programs, [Text(40)] string? Formula, [Amount] decimal? Amount, [Text(40)] string? Rounding, [Text(200)] string? Document);

/// <summary>Monthly price indices and the subsidy rules (effective-dated, per program; overlapping periods are refused).</summary>
public sealed class PriceLinkage(AppDbContext db, ICurrentUser user, BusinessClock clock, EntitlementPrograms programs)
{
    /// <summary>Monthly indices, latest first, a page at a time.</summary>
    public Task<Paged<PriceIndex>> IndicesAsync(PageRequest page, CancellationToken ct) => db.Set<PriceIndex>().AsNoTracking().OrderByDescending(i => i.Month).ToPagedAsync(page, ct);

    public Task<List<PriceSubsidyRule>> RulesAsync(CancellationToken ct) => db.Set<PriceSubsidyRule>().AsNoTracking().OrderByDescending(r => r.ValidFrom).ToListAsync(ct);

    public async Task<PriceIndex> SaveIndexAsync(PriceIndexInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.Month is null) errors["month"] = ["请选择月份"];
        if (input.CpiYoY is not { } cpi || cpi is < -50 or > 100) errors["cpiYoY"] = ["请填写 CPI 同比涨幅（%），-50 到 100 之间"];
        if (input.FoodYoY is not { } food || food is < -50 or > 200) errors["foodYoY"] = ["请填写食品价格同比涨幅（%），-50 到 200 之间"];
        if (string.IsNullOrWhiteSpace(input.Source)) errors["source"] = ["请填写数据来源（如：玉林市统计局月度数据）"];
        if (errors.Count > 0) throw AppProblem.Validation(errors);
        var month = new DateOnly(input.Month!.Value.Year, input.Month.Value.Month, 1);
        var index = await db.Set<PriceIndex>().FirstOrDefaultAsync(i => i.Month == month, ct);
        if (index is not null)
        {
            // a correction names the version it read (issue 12, item 25); a new month has none (a second entry of it collides on the key: 409)
            if (input.Version is not { } v) throw AppProblem.Field("version", $"{month:yyyy年M月}的价格指数已录入，更正时须带读取时的版本号（请在列表中点“更正”）");
            db.ExpectVersion(index, v);
        }
        else
        {
            index = new PriceIndex { Month = month, Source = "", EnteredBy = "" };
            db.Set<PriceIndex>().Add(index);
        }
        index.CpiYoY = input.CpiYoY!.Value;
        index.FoodYoY = input.FoodYoY!.Value;
        index.Source = input.Source!.Trim();
        index.EnteredBy = user.UserName;
        index.EnteredAt = clock.UtcNow;
        await db.SaveChangesAsync(ct);
        return index;
    }

    public async Task<PriceSubsidyRule> AddRuleAsync(PriceRuleInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.ValidFrom is null) errors["validFrom"] = ["请填写起始月份"];
        if (input.ValidTo is { } to && input.ValidFrom is { } from && to < from) errors["validTo"] = ["截止日期不能早于起始日期"];
        if (input.CpiThreshold is not > 0) errors["cpiThreshold"] = ["请填写 CPI 启动阈值（%）"];
        if (input.FoodThreshold is <= 0) errors["foodThreshold"] = ["食品价格阈值须大于 0，不设置请留空"];
        var codes = (input.Programs ?? "").Split([',', '，', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        if (codes.Count == 0) errors["programs"] = ["请选择适用的保障项目"];
        else if (codes.FirstOrDefault(c => programs.Find(c) is null) is { } unknown) errors["programs"] = [$"未知的保障项目“{unknown}”"];
        PriceSubsidyFormula formula = PriceSubsidyFormula.Fixed;
        if (input.Formula is not null && (!Enum.TryParse(input.Formula.Replace("-", ""), true, out formula) || !Enum.IsDefined(formula))) errors["formula"] = ["计算方式须为 fixed（固定金额）或 cpilinked（基数 × 涨幅）"];
        if (input.Amount is not > 0 || decimal.Round(input.Amount.Value, 2) != input.Amount) errors["amount"] = ["请填写金额（元，最多两位小数）"];
        var rounding = RoundingRule.Fen;
        if (input.Rounding is not null && (!Enum.TryParse(input.Rounding, true, out rounding) || !Enum.IsDefined(rounding))) errors["rounding"] = ["取整方式无效"];
        if (string.IsNullOrWhiteSpace(input.Document)) errors["document"] = ["请填写依据文件文号"];
        if (errors.Count > 0) throw AppProblem.Validation(errors);
        var validFrom = new DateOnly(input.ValidFrom!.Value.Year, input.ValidFrom.Value.Month, 1);
        var existing = await db.Set<PriceSubsidyRule>().AsNoTracking().ToListAsync(ct);
        foreach (var r in existing)
        {
            var overlaps = (r.ValidTo is null || r.ValidTo >= validFrom) && (input.ValidTo is null || input.ValidTo >= r.ValidFrom);
            var shared = r.Programs.Split(',').Intersect(codes).ToList();
            if (overlaps && shared.Count > 0)
            {
                throw AppProblem.Conflict("period_overlap", $"与已有规则（{r.Document}，{r.ValidFrom:yyyy-MM-dd} 起）在 {string.Join("、", shared.Select(c => programs.NameOf(c)))} 上的执行期间重叠，请先设置原规则的截止日期");
            }
        }
        var rule = new PriceSubsidyRule
        {
            ValidFrom = validFrom,
            ValidTo = input.ValidTo,
            CpiThreshold = input.CpiThreshold!.Value,
            FoodThreshold = input.FoodThreshold,
            Programs = string.Join(',', codes),
            Formula = formula,
            Amount = Money.FromYuan(input.Amount!.Value),
            Rounding = rounding,
            Document = input.Document!.Trim(),
        };
        db.Set<PriceSubsidyRule>().Add(rule);
        await db.SaveChangesAsync(ct);
        return rule;
    }

    public async Task EndRuleAsync(Guid id, DateOnly validTo, CancellationToken ct)
    {
        var rule = await db.Set<PriceSubsidyRule>().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw AppProblem.NotFound("价格补贴规则");
        if (validTo < rule.ValidFrom) throw AppProblem.Field("validTo", "截止日期不能早于起始日期");
        rule.ValidTo = validTo;
        await db.SaveChangesAsync(ct);
    }
}

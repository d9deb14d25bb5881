using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Payments.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + PaymentPermissions.Read)]
public sealed class PriceModel(PriceLinkage linkage, EntitlementPrograms programs, ICurrentUser user, BusinessClock clock) : PageModel
{
    public sealed class IndexInput
    {
        public string? Month { get; set; }
        public decimal? CpiYoY { get; set; }
        public decimal? FoodYoY { get; set; }
        public string? Source { get; set; }

        /// <summary>The version of the month being corrected (none for a new month).</summary>
        public int? Version { get; set; }
    }

    public sealed class RuleInput
    {
        public DateOnly? ValidFrom { get; set; }
        public DateOnly? ValidTo { get; set; }
        public decimal? CpiThreshold { get; set; }
        public decimal? FoodThreshold { get; set; }
        public List<string> Programs { get; set; } = [];
        public string? Formula { get; set; }
        public decimal? Amount { get; set; }
        public string? Rounding { get; set; }
        public string? Document { get; set; }
    }

    [BindProperty] public IndexInput Index { get; set; } = new();
    [BindProperty] public RuleInput Rule { get; set; } = new();
    public List<PriceIndex> Indices { get; private set; } = [];
    public List<PriceSubsidyRule> Rules { get; private set; } = [];
    public IReadOnlyList<EntitlementProgram> Programs => programs.All;
    public bool CanEnter => user.HasPermission(PaymentPermissions.Prepare);
    public bool CanRule => user.HasPermission(PaymentPermissions.Approve);
    public DateOnly LastMonth => Entitlements.MonthOf(clock.Today).AddMonths(-1);

    public string ProgramNames(string codes) => string.Join("、", codes.Split(',').Select(programs.NameOf));

    /// <summary>Whether each month's index triggers the rule then in force (shown beside the index).</summary>
    public string Verdict(PriceIndex index)
    {
        var next = index.Month.AddMonths(1);
        var rule = Rules.FirstOrDefault(r => r.ValidFrom <= next && (r.ValidTo is null || r.ValidTo >= next));
        return rule is null ? "无适用规则" : PriceSubsidyRules.Decide(rule, index).Triggered ? $"启动：{next:yyyy年M月}发放补贴" : "未启动";
    }

    /// <summary>The month shown in the form for correction (<c>?edit=2026-06</c>), with the version it was read at.</summary>
    public async Task OnGetAsync(string? edit)
    {
        // the last three years on the page; the API pages through all of them
        Indices = [.. (await linkage.IndicesAsync(new PageRequest(1, 36), HttpContext.RequestAborted)).Items];
        Rules = await linkage.RulesAsync(HttpContext.RequestAborted);
        if (edit is not null && DateOnly.TryParse(edit + "-01", System.Globalization.CultureInfo.InvariantCulture, out var month) && Indices.FirstOrDefault(i => i.Month == month) is { } index)
        {
            Index = new IndexInput { Month = edit, CpiYoY = index.CpiYoY, FoodYoY = index.FoodYoY, Source = index.Source, Version = index.Version };
        }
    }

    [ProblemPrefix("Index")]
    public async Task<IActionResult> OnPostIndexAsync()
    {
        if (!CanEnter) return Forbid();
        DateOnly? month = DateOnly.TryParse((Index.Month ?? "") + "-01", out var m) ? m : null;
        await linkage.SaveIndexAsync(new PriceIndexInput(month, Index.CpiYoY, Index.FoodYoY, Index.Source, Index.Version), HttpContext.RequestAborted);
        TempData["Message"] = "价格指数已保存";
        return RedirectToPage();
    }

    [ProblemPrefix("Rule")]
    public async Task<IActionResult> OnPostRuleAsync()
    {
        if (!CanRule) return Forbid();
        await linkage.AddRuleAsync(new PriceRuleInput(Rule.ValidFrom, Rule.ValidTo, Rule.CpiThreshold, Rule.FoodThreshold, string.Join(',', Rule.Programs), Rule.Formula, Rule.Amount, Rule.Rounding, Rule.Document), HttpContext.RequestAborted);
        TempData["Message"] = "规则已保存";
        return RedirectToPage();
    }

    [ProblemPrefix("")]
    public async Task<IActionResult> OnPostEndAsync(Guid id, DateOnly? validTo)
    {
        if (!CanRule) return Forbid();
        if (validTo is null) throw AppProblem.Field("validTo", "请选择截止日期");
        await linkage.EndRuleAsync(id, validTo.Value, HttpContext.RequestAborted);
        TempData["Message"] = "已设置截止日期";
        return RedirectToPage();
    }
}

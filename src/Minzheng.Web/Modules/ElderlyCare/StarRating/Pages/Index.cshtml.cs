using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Web.Modules.ElderlyCare.StarRating.Pages;

/// <summary>星级评定: applications with the self-assessment, the experts' section scores, the computed level and its validity.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + ElderlyCarePermissions.Read)]
public sealed class IndexModel(StarRatings ratings, AppDbContext db, ICurrentUser user) : PageModel
{
    public sealed class FormInput
    {
        public Guid? OrganizationId { get; set; }
        public int? AppliedLevel { get; set; }
        public decimal? Environment { get; set; }
        public decimal? Facilities { get; set; }
        public decimal? Management { get; set; }
        public decimal? Service { get; set; }
        public string? Experts { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public bool CanRate => user.HasPermission(StarRatingPermissions.Rate);
    public Paged<StarRatingRecord> Result { get; private set; } = new([], 0, 1, 50);
    public List<(Guid Id, string Name)> Homes { get; private set; } = [];

    /// <summary>The row whose decision failed (its error is shown beside its opinion field, with what was typed).</summary>
    public Guid? Failed { get; private set; }
    public string? Opinion { get; private set; }

    public async Task OnGetAsync([FromQuery] int page = 1)
    {
        var ct = HttpContext.RequestAborted;
        Result = await db.Set<StarRatingRecord>().AsNoTracking().OrderByDescending(r => r.Number).ToPagedAsync(PageRequest.From(page, 50, 50), ct);
        Homes = [.. (await db.Set<Organization>().AsNoTracking().Where(o => o.Status == OrganizationStatus.Active).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).Take(500).ToListAsync(ct))
            .Select(o => (o.Id, o.Name))];
    }

    private StarRatingSetup.EvaluateInput Scores() => new(Input.Environment, Input.Facilities, Input.Management, Input.Service);

    public async Task<IActionResult> OnPostApplyAsync()
    {
        if (!CanRate) throw AppProblem.Forbidden("需要星级评定权限");
        var r = await ratings.ApplyAsync(new StarApplyInput(Input.OrganizationId, Input.AppliedLevel, Scores()), HttpContext.RequestAborted);
        TempData["Message"] = $"已受理（{r.Number}），机构自评为{StarRules.LevelName(r.SelfLevel)}";
        return RedirectToPage();
    }

    // the opinion is a plain field of its row, not part of Input
    [Platform.Ui.ProblemPrefix("")]
    public async Task<IActionResult> OnPostDecideAsync(Guid id, int? version, string? step, string? opinion)
    {
        if (!CanRate) throw AppProblem.Forbidden("需要星级评定权限");
        Failed = id;
        Opinion = opinion;
        var r = await ratings.DecideAsync(id, step ?? "", new StarActionInput(opinion, version), HttpContext.RequestAborted);
        TempData["Message"] = $"{r.HomeName}（{r.Number}）：{StarRatingSetup.StateName(r.State)}{(r.ValidUntil is { } v && r.State == StarRatingState.Published ? $"，{StarRules.LevelName(r.Level ?? 0)}，有效期至 {v:yyyy-MM-dd}" : "")}";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostScoreAsync(Guid id, int version)
    {
        if (!CanRate) throw AppProblem.Forbidden("需要星级评定权限");
        var r = await ratings.ScoreAsync(id, new StarScoreInput(Input.Experts, Scores(), version), HttpContext.RequestAborted);
        TempData["Message"] = $"{r.HomeName} 专家评分为{StarRules.LevelName(r.Level ?? 0)}（总分 {r.Total:0.#}），待评定决定";
        return RedirectToPage();
    }
}

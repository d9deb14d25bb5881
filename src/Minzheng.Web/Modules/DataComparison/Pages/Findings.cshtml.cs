using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.DataComparison.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + ComparisonPermissions.Read)]
public sealed class FindingsModel(ComparisonQueries queries, Findings findings, ICurrentUser user, DivisionDirectory divisions) : PageModel
{
    private const int PageSize = 50;

    public List<FindingView> Rows { get; private set; } = [];
    public PagerModel Pager { get; private set; } = null!;
    public string? Status { get; private set; }
    public string? Rule { get; private set; }
    public string? County { get; private set; }
    public string? Direction { get; private set; }
    public IReadOnlyList<Division> Counties { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync(string? status, string? rule, string? county, string? direction, int page = 1)
    {
        var ct = HttpContext.RequestAborted;
        (Status, Rule, County, Direction) = (status, rule, county, direction);
        Counties = user.DivisionCode is { } d ? divisions.InScope(DivisionScope.Of(d), DivisionLevel.County).ToList() : [];
        IQueryable<ComparisonFinding> q;
        try
        {
            q = queries.Filter(new FindingFilter(QueryEnum.Parse<FindingStatus>(status, "status"), rule, county, QueryEnum.Parse<FindingDirection>(direction, "direction")));
        }
        catch (AppProblem p)
        {
            // not a form error (ADR 021): a bad filter in a link is named above the list, which still shows every finding
            Error = p.Errors.Values.SelectMany(v => v).FirstOrDefault() ?? p.Detail;
            q = queries.Filter(new FindingFilter(null, null, null, null));
        }
        var total = await q.CountAsync(ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var rows = await q.OrderBy(f => f.Status).ThenBy(f => f.FoundAt).ThenBy(f => f.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        Rows = await findings.ViewsAsync(rows, ct);
        Pager = new PagerModel(Request, page, pages, total);
    }

    public string ExportUrl => "/api/v1/comparison/findings.xlsx" + Request.QueryString;
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Geography.PlaceNames;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Geography.Public.Pages;

/// <summary>
/// /public/place-names (anonymous, issue 17 item 7): standard names searched by name or pinyin, with category, location and
/// announcement. Standard names are public by law (地名管理条例 第十四、十八条), so the division scope is lifted here, and only
/// standard names, never drafts or non-standard ones, are read.
/// </summary>
[AllowAnonymous]
public sealed class PlaceNamesModel(AppDbContext db, DivisionDirectory divisions) : PageModel
{
    public sealed record Row(string Name, string Pinyin, string Category, string Location, DateOnly? ApprovedOn, string Document, DateOnly? AnnouncedOn, bool IsDemo);

    [FromQuery] public string? Q { get; set; }
    [FromQuery] public PlaceNameCategory? Category { get; set; }
    public Paged<Row> Rows { get; private set; } = new([], 0, 1, 20);

    public async Task OnGetAsync([FromQuery] int page = 1)
    {
        var q = db.Set<PlaceName>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking().Where(n => n.Status == PlaceNameStatus.Standard);
        var text = (Q ?? "").Trim();
        if (text.Length > 50) text = text[..50];
        if (text.Length > 0)
        {
            var key = PlaceNameSpelling.Key(text);
            q = q.Where(n => n.Name.Contains(text) || (key.Length > 0 && n.PinyinKey.StartsWith(key)));
        }
        if (Category is { } c && Enum.IsDefined(c)) q = q.Where(n => n.Category == c);
        var paged = await q.OrderBy(n => n.Name).ThenBy(n => n.Id).ToPagedAsync(PageRequest.From(page, 20, 20), HttpContext.RequestAborted);
        Rows = paged.Select(n => new Row(n.Name, n.Pinyin, PlaceNameLabels.Category(n.Category), divisions.FullName(n.DivisionCode), n.ApprovedOn, n.ApprovalDocument, n.AnnouncedOn, n.IsDemo));
    }
}

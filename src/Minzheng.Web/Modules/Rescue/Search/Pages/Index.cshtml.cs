using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Rescue.Stays;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Rescue.Search.Pages;

/// <summary>
/// /rescue/search: the station's family search — unidentified people whose search is not opened yet, the notices with their
/// deadlines (overdue first when filtered), the open family inquiries and the form to record one.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + RescuePermissions.Read)]
public sealed class IndexModel(AppDbContext db, BusinessClock clock, FamilySearch search, FamilyInquiries inquiries, ICurrentUser user) : PageModel
{
    public sealed class InquiryForm
    {
        public string? Name { get; set; }
        public string? Sex { get; set; }
        public int? Age { get; set; }
        public string? Features { get; set; }
        public DateOnly? MissingSince { get; set; }
        public string? MissingPlace { get; set; }
        public string? ContactName { get; set; }
        public string? ContactPhone { get; set; }
    }

    public static readonly IReadOnlyList<(string Code, string Name)> Statuses =
        [("all", "全部"), ("overdue", "逾期未办"), ("draft", "拟稿"), ("published", "已发布"), ("withdrawn", "已撤下")];

    [BindProperty] public InquiryForm Input { get; set; } = new();
    public string Status { get; private set; } = "all";
    public Paged<NoticeRow> Rows { get; private set; } = new([], 0, 1, 50);
    public List<RescueStay> Unopened { get; } = [];
    public Paged<FamilyInquiry> Inquiries { get; private set; } = new([], 0, 1, 50);
    public bool CanWork => user.HasPermission(SearchPermissions.Work);

    public async Task OnGetAsync([FromQuery] string? status, [FromQuery] int page = 1)
    {
        var ct = HttpContext.RequestAborted;
        Status = Statuses.Any(s => s.Code == status) ? status! : "all";
        Rows = await SearchLists.NoticesAsync(db, clock, Status, PageRequest.From(page, 50, 50), ct);
        Unopened.AddRange(await db.Set<RescueStay>().AsNoTracking()
            .Where(s => !s.IdentityKnown && (s.Status == StayStatus.InStation || s.Status == StayStatus.Placed) && !db.Set<SearchNotice>().Any(n => n.StayId == s.Id))
            .OrderBy(s => s.AdmittedAt).Take(50).ToListAsync(ct));
        Inquiries = await inquiries.ListAsync("open", PageRequest.From(1, 50, 50), ct);
    }

    public async Task<IActionResult> OnPostOpenAsync(Guid stayId)
    {
        await search.OpenAsync(stayId, HttpContext.RequestAborted);
        return Redirect($"/rescue/search/{stayId}");
    }

    public async Task<IActionResult> OnPostInquiryAsync()
    {
        var i = await inquiries.CreateAsync(new InquiryInput
        {
            Name = Input.Name,
            Sex = Input.Sex,
            Age = Input.Age,
            Features = Input.Features,
            MissingSince = Input.MissingSince,
            MissingPlace = Input.MissingPlace,
            ContactName = Input.ContactName,
            ContactPhone = Input.ContactPhone,
        }, HttpContext.RequestAborted);
        return Redirect($"/rescue/search/inquiries/{i.Id}");
    }
}

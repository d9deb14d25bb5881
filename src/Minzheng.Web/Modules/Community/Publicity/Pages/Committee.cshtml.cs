using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Files;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Community.Publicity.Pages;

/// <summary>
/// /community/publicity/{committee}: one committee's calendar of the year (each kind's months or quarters published, open or
/// overdue), its records with the notice-board photos, the form to enter a record (errors beside the fields, what was typed kept),
/// and the platform's benefit lists for the village, each turned into a relief record with one click.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + CommunityPermissions.Read)]
[RequestSizeLimit(FileStore.MaxBytes + 1024 * 1024)]
public sealed class CommitteeModel(PublicityRecords records, ICurrentUser user, BusinessClock clock) : PageModel, IReloadAfterProblem
{
    public sealed class RecordForm
    {
        public PublicityKind? Kind { get; set; }
        public string? Period { get; set; }
        public DateOnly? PostedOn { get; set; }
        public string? Title { get; set; }
        public string? Content { get; set; }
        public IFormFile? Photo { get; set; }
    }

    [BindProperty] public RecordForm Input { get; set; } = new();
    [FromRoute] public Guid Id { get; set; }
    [FromQuery] public int? Year { get; set; }
    [FromQuery] public string? FeedPeriod { get; set; }
    public PublicityCalendar Calendar { get; private set; } = null!;
    public Paged<PublicityRecordDto> Records { get; private set; } = new([], 0, 1, 50);
    public PublicityFeed? Feed { get; private set; }
    public bool CanPublish => user.HasPermission(CommunityPermissions.Publish);

    public Task OnGetAsync() => ReloadAfterProblemAsync(HttpContext.RequestAborted);

    public async Task ReloadAfterProblemAsync(CancellationToken ct)
    {
        Calendar = await records.CalendarAsync(Id, Year, ct);
        var page = int.TryParse(Request.Query["page"], out var p) ? p : 1;
        Records = await records.ListAsync(new PublicityFilter(Id), PageRequest.From(page, 50, 50), ct);
        Feed = await records.FeedAsync(Calendar.Committee.DivisionCode, string.IsNullOrWhiteSpace(FeedPeriod) ? null : FeedPeriod, ct);
        Input.PostedOn ??= clock.Today;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanPublish) return Forbid();
        await using var photo = Input.Photo?.OpenReadStream();
        var r = await records.CreateAsync(new PublicityInput
        {
            CommitteeId = Id,
            Kind = Input.Kind,
            Period = Input.Period,
            PostedOn = Input.PostedOn,
            Title = Input.Title,
            Content = Input.Content,
        }, Input.Photo?.FileName, photo, HttpContext.RequestAborted);
        TempData["Message"] = $"已登记{PublicityRules.KindName(r.Kind)}（{PublicityPeriod.Parse(r.Period)?.Label}）公开记录" + (r.Late ? $"；公布期限为{r.DueOn:yyyy-MM-dd}，本次属迟延公布" : "");
        return Redirect($"/community/publicity/{Id}");
    }

    [ProblemPrefix("")]
    public async Task<IActionResult> OnPostFeedAsync(string program, string period, DateOnly? postedOn)
    {
        if (!CanPublish) return Forbid();
        var village = (await records.StatusAsync(Id, HttpContext.RequestAborted)).DivisionCode;
        var r = await records.FromFeedAsync(village, new PublicityFromFeedInput { Program = program, Period = period, PostedOn = postedOn }, HttpContext.RequestAborted);
        TempData["Message"] = $"已根据平台名单生成公开记录：{r.Title}";
        return Redirect($"/community/publicity/{Id}?feedPeriod={period}");
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Rescue.Search.Pages;

/// <summary>
/// /rescue/search/{stayId}: one unidentified person's search — the notice (edit, photo, publish, withdraw), the DNA request, and
/// the family inquiries that match, each with a confirm button.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + RescuePermissions.Read)]
public sealed class FileModel(FamilySearch search, FamilyInquiries inquiries, AppDbContext db, ICurrentUser user) : PageModel, IReloadAfterProblem
{
    public sealed class NoticeForm
    {
        public string? Name { get; set; }
        public string? Sex { get; set; }
        public int? Age { get; set; }
        public bool AgeEstimated { get; set; }
        public int? HeightCm { get; set; }
        public string? Health { get; set; }
        public string? MentalState { get; set; }
        public string? Features { get; set; }
        public string? Clothing { get; set; }
        public DateOnly? FoundOn { get; set; }
        public string? FoundPlace { get; set; }
        public string? Contact { get; set; }
    }

    public sealed class DnaForm
    {
        public DateOnly? RequestedOn { get; set; }
        public string? PoliceUnit { get; set; }
        public DateOnly? SampleTakenOn { get; set; }
        public string? Result { get; set; }
        public DateOnly? ResultOn { get; set; }
    }

    [BindProperty] public NoticeForm Input { get; set; } = new();
    [BindProperty] public DnaForm Dna { get; set; } = new();
    public SearchFile Current { get; private set; } = null!;
    public IReadOnlyList<MatchCandidate> Candidates { get; private set; } = [];
    public Dictionary<Guid, int> InquiryVersions { get; private set; } = [];
    public bool CanWork => user.HasPermission(SearchPermissions.Work);

    public async Task OnGetAsync(Guid stayId)
    {
        await LoadAsync(stayId);
        var n = Current.Notice;
        Input = new()
        {
            Name = n.Name,
            Sex = SearchText.SexCode(n.Sex),
            Age = n.Age,
            AgeEstimated = n.AgeEstimated,
            HeightCm = n.HeightCm,
            Health = n.Health,
            MentalState = n.MentalState,
            Features = n.Features,
            Clothing = n.Clothing,
            FoundOn = n.FoundOn,
            FoundPlace = n.FoundPlace,
            Contact = n.Contact,
        };
        var d = Current.Dna;
        Dna = new() { RequestedOn = d.RequestedOn, PoliceUnit = d.PoliceUnit, SampleTakenOn = d.SampleTakenOn, Result = SearchText.Code(d.Result), ResultOn = d.ResultOn };
    }

    public Task ReloadAfterProblemAsync(CancellationToken ct) => LoadAsync((Guid)RouteData.Values["stayId"]!);

    private async Task LoadAsync(Guid stayId)
    {
        var ct = HttpContext.RequestAborted;
        Current = await search.LoadAsync(stayId, ct);
        Candidates = await inquiries.CandidatesForStayAsync(stayId, ct);
        var ids = Candidates.Select(c => c.InquiryId).ToList();
        InquiryVersions = await db.Set<FamilyInquiry>().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Version, ct);
    }

    private RedirectResult Done(Guid stayId, string message)
    {
        TempData["Message"] = message;
        return Redirect($"/rescue/search/{stayId}");
    }

    public async Task<IActionResult> OnPostNoticeAsync(Guid stayId, int version)
    {
        await search.SaveNoticeAsync(stayId, new NoticeInput
        {
            Name = Input.Name,
            Sex = Input.Sex,
            Age = Input.Age,
            AgeEstimated = Input.AgeEstimated,
            HeightCm = Input.HeightCm,
            Health = Input.Health,
            MentalState = Input.MentalState,
            Features = Input.Features,
            Clothing = Input.Clothing,
            FoundOn = Input.FoundOn,
            FoundPlace = Input.FoundPlace,
            Contact = Input.Contact,
            Version = version,
        }, HttpContext.RequestAborted);
        return Done(stayId, "寻亲公告已保存");
    }

    [ProblemPrefix("")]
    public async Task<IActionResult> OnPostPhotoAsync(Guid stayId, IFormFile? photo)
    {
        if (photo is null || photo.Length == 0) throw Platform.Http.AppProblem.Field("photo", "请选择照片（.jpg、.jpeg、.png）");
        await using var stream = photo.OpenReadStream();
        await search.SetPhotoAsync(stayId, photo.FileName, photo.Length, stream, HttpContext.RequestAborted);
        return Done(stayId, "照片已上传");
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid stayId, int version)
    {
        await search.PublishAsync(stayId, version, HttpContext.RequestAborted);
        return Done(stayId, "寻亲公告已发布");
    }

    [ProblemPrefix("")]
    public async Task<IActionResult> OnPostWithdrawAsync(Guid stayId, int version, string? reason)
    {
        await search.WithdrawAsync(stayId, version, reason, HttpContext.RequestAborted);
        return Done(stayId, "寻亲公告已撤下");
    }

    [ProblemPrefix("Dna")]
    public async Task<IActionResult> OnPostDnaAsync(Guid stayId, int version)
    {
        await search.SaveDnaAsync(stayId, new DnaInput
        {
            RequestedOn = Dna.RequestedOn,
            PoliceUnit = Dna.PoliceUnit,
            SampleTakenOn = Dna.SampleTakenOn,
            Result = Dna.Result,
            ResultOn = Dna.ResultOn,
            Version = version,
        }, HttpContext.RequestAborted);
        return Done(stayId, "DNA 采血比对已保存");
    }

    [ProblemPrefix("")]
    public async Task<IActionResult> OnPostConfirmAsync(Guid stayId, Guid inquiryId, int inquiryVersion)
    {
        await inquiries.ConfirmAsync(inquiryId, new ConfirmInput(stayId, inquiryVersion, null), HttpContext.RequestAborted);
        return Done(stayId, "已确认身份，寻亲公告已撤下");
    }
}

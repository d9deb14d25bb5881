using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Platform.Faces.Pages;

/// <summary>
/// /faces/{source}/{subjectId}: one record's photos for face matching — take a photo (the descriptor computed in this browser
/// from the vendored model), compare it with earlier photos, and confirm or reject each candidate. The module's own page links
/// here; its permissions and scope decide who may open it (404 otherwise).
/// </summary>
[Authorize]
public sealed class IndexModel(FaceMatching faces) : PageModel, IReloadAfterProblem
{
    public IFaceSubjects Source { get; private set; } = null!;
    public FaceSubject Subject { get; private set; } = null!;
    public IReadOnlyList<FaceSampleView> Samples { get; private set; } = [];
    public FaceCandidates? Candidates { get; private set; }
    public bool CanWrite { get; private set; }

    public Task OnGetAsync(string source, Guid subjectId, Guid? sample) => LoadAsync(source, subjectId, sample);

    public Task ReloadAfterProblemAsync(CancellationToken ct) =>
        LoadAsync(RouteData.Values["source"]!.ToString()!, Guid.Parse(RouteData.Values["subjectId"]!.ToString()!), null);

    private async Task LoadAsync(string source, Guid subjectId, Guid? sampleId)
    {
        var ct = HttpContext.RequestAborted;
        Source = faces.Source(source);
        Subject = await faces.SubjectAsync(Source, subjectId, ct);
        CanWrite = faces.CanWrite(Source);
        Samples = await faces.SamplesAsync(Source, subjectId, ct);
        var probe = sampleId is { } id ? Samples.FirstOrDefault(s => s.Id == id) : Samples.FirstOrDefault(s => s.CurrentModel);
        if (probe is { CurrentModel: true }) Candidates = await faces.CandidatesAsync(probe.Id, ct);
    }

    [ProblemPrefix("")]
    public async Task<IActionResult> OnPostUploadAsync(string source, Guid subjectId, IFormFile? photo, string? descriptor, double? score, string? modelVersion)
    {
        var s = faces.Source(source);
        await using var stream = photo?.OpenReadStream();
        var sample = await faces.AddAsync(s, subjectId, photo?.FileName, photo?.Length ?? 0, stream, descriptor, score, modelVersion, HttpContext.RequestAborted);
        TempData["Message"] = "照片已保存，已与此前的照片比对";
        return Redirect($"/faces/{source}/{subjectId}?sample={sample.Id}");
    }

    [ProblemPrefix("")]
    public async Task<IActionResult> OnPostDecideAsync(string source, Guid subjectId, Guid sampleId, Guid candidateId, string? decision, string? note)
    {
        faces.Source(source);
        var r = await faces.DecideAsync(sampleId, candidateId, decision, note, HttpContext.RequestAborted);
        TempData["Message"] = $"已确认：{FaceMatching.DecisionName(r.Decision)}";
        return Redirect($"/faces/{source}/{subjectId}?sample={sampleId}");
    }
}

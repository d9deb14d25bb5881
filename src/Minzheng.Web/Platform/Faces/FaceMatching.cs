using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Files;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Platform.Faces;

/// <summary>A photo as the face pages list it (the photo itself is served by <see cref="FaceMatching.PhotoAsync"/>).</summary>
public sealed record FaceSampleView(Guid Id, string Source, Guid SubjectId, string SubjectNumber, string DivisionCode, string ModelVersion, bool CurrentModel,
    double DetectionScore, DateTime TakenAt, string TakenBy);

/// <summary>One earlier photo close to the probe: its record as its module names it, the distance, and a clerk's decision if made.</summary>
public sealed record FaceCandidate(Guid SampleId, string Source, string SourceName, FaceSubject Subject, double Distance, DateTime TakenAt, FaceDecision? Decision,
    string? DecidedBy, string? Note);

/// <summary>The candidates of one probe: those within the threshold, nearest first, and how many photos were compared.</summary>
public sealed record FaceCandidates(FaceSampleView Probe, decimal Threshold, string ThresholdBasis, int Compared, IReadOnlyList<FaceCandidate> Items);

/// <summary>
/// Face matching for family search (ADR 081): a module's record takes a photo, the browser computes the descriptor with the
/// vendored model, and this class keeps both (the photo sealed), compares a probe with every photo of the same model the user
/// may see — across the modules whose read permission the user holds, within the user's division scope — and records a clerk's
/// decision on each candidate. It never decides who a person is: a candidate is a proposal until a clerk confirms it.
/// Photos and comparisons are audited as reads of biometric data.
/// </summary>
public sealed class FaceMatching(AppDbContext db, ICurrentUser user, IEnumerable<IFaceSubjects> sources, FileStore files, FigureBook book, AuditLog audit, BusinessClock clock)
{
    /// <summary>A photo larger than this is refused beside the field (a phone photo is 2–4 MB).</summary>
    public const long MaxPhotoBytes = 5 * 1024 * 1024;

    /// <summary>At most this many candidates are listed.</summary>
    public const int MaxCandidates = 20;

    public static readonly UploadKind Photo = new("照片", [".jpg", ".jpeg", ".png"]);

    public IFaceSubjects Source(string? code) =>
        sources.FirstOrDefault(s => s.Source == code && user.HasPermission(s.ReadPermission)) ?? throw AppProblem.NotFound("人脸比对业务");

    public bool CanWrite(IFaceSubjects source) => user.HasPermission(source.WritePermission);

    /// <summary>The record within the user's scope (404 otherwise: existence does not leak).</summary>
    public async Task<FaceSubject> SubjectAsync(IFaceSubjects source, Guid subjectId, CancellationToken ct = default) =>
        await source.FindAsync(subjectId, ct) ?? throw AppProblem.NotFound(source.Name);

    public async Task<IReadOnlyList<FaceSampleView>> SamplesAsync(IFaceSubjects source, Guid subjectId, CancellationToken ct = default)
    {
        await SubjectAsync(source, subjectId, ct);
        var rows = await db.Set<FaceSample>().AsNoTracking().Where(s => s.Source == source.Source && s.SubjectId == subjectId)
            .OrderByDescending(s => s.TakenAt).ThenByDescending(s => s.Id).ToListAsync(ct);
        return rows.Select(View).ToList();
    }

    /// <summary>
    /// Adds a photo with its descriptor: a JPEG/PNG of at most <see cref="MaxPhotoBytes"/> on the field <c>photo</c>; no
    /// descriptor (the browser found no face) is refused on the same field with what to do.
    /// </summary>
    public async Task<FaceSample> AddAsync(IFaceSubjects source, Guid subjectId, string? fileName, long length, Stream? content, string? descriptor, double? score,
        string? modelVersion, CancellationToken ct = default)
    {
        var subject = await SubjectAsync(source, subjectId, ct);
        if (!CanWrite(source)) throw AppProblem.Forbidden("没有为该记录采集照片的权限");
        if (content is null || length == 0 || string.IsNullOrEmpty(fileName)) throw AppProblem.Field("photo", "请选择照片（.jpg、.jpeg、.png）");
        Photo.EnsureAllowed("photo", fileName);
        if (length > MaxPhotoBytes) throw TooLarge(length);
        var values = FaceRules.Parse(descriptor, out var error);
        if (values is null && string.IsNullOrWhiteSpace(descriptor)) throw AppProblem.Field("photo", error!, "face_not_detected");
        if (values is null) throw AppProblem.Field("photo", error!, "face_descriptor_invalid");
        if (modelVersion != FaceRules.CurrentModel)
        {
            throw AppProblem.Field("photo", $"人脸特征由其他版本的模型计算（{modelVersion ?? "未注明"}），请刷新页面后重新选择照片", "face_model_mismatch");
        }
        if (score is not (>= 0 and <= 1)) throw AppProblem.Field("photo", "人脸检测置信度应在 0 至 1 之间", "face_descriptor_invalid");
        StoredFile stored;
        try
        {
            stored = await files.SaveSealedAsync(fileName, content, MaxPhotoBytes, ProtectedKind.FacePhoto, ct);
        }
        catch (AppProblem p) when (p.Status is 400 or 413)
        {
            // the stored file's refusals, beside the photo field
            var detail = p.Detail ?? "照片须为 JPEG 或 PNG 图片";
            throw p.Code switch
            {
                "file_too_large" => TooLarge(length),
                "file_content_mismatch" => AppProblem.Field("photo", detail, "file_content_mismatch"),
                "file_type_not_allowed" => AppProblem.Field("photo", detail, "file_type_not_allowed"),
                _ => AppProblem.Field("photo", detail),
            };
        }
        var sample = new FaceSample
        {
            Source = source.Source,
            SubjectId = subject.Id,
            SubjectNumber = subject.Number,
            DivisionCode = subject.DivisionCode,
            CountyCode = DivisionCodes.CountyPart(subject.DivisionCode) + "000000",
            PhotoFileId = stored.Id,
            Descriptor = FaceRules.ToBytes(values),
            ModelVersion = FaceRules.CurrentModel,
            DetectionScore = Math.Round(score.Value, 4),
            TakenAt = clock.UtcNow,
            TakenBy = user.UserName,
        };
        db.Add(sample);
        // the audit keeps that a photo was taken, not the descriptor
        audit.Add("add", nameof(FaceSample), sample.Id.ToString(), new { sample.Source, sample.SubjectNumber, sample.ModelVersion }, sample.DivisionCode);
        await db.SaveChangesAsync(ct);
        return sample;
    }

    private static AppProblem TooLarge(long length) =>
        AppProblem.Field("photo", $"照片 {length / 1024.0 / 1024.0:0.#} MB，超过 {MaxPhotoBytes / 1024 / 1024} MB 上限，请压缩后再上传", "face_photo_too_large");

    private async Task<(FaceSample Sample, IFaceSubjects Source)> LoadAsync(Guid sampleId, CancellationToken ct)
    {
        var sample = await db.Set<FaceSample>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == sampleId, ct) ?? throw AppProblem.NotFound("照片");
        var source = sources.FirstOrDefault(s => s.Source == sample.Source && user.HasPermission(s.ReadPermission)) ?? throw AppProblem.NotFound("照片");
        // the module decides whether the record is visible (its own restrictions beyond the division scope)
        if (await source.FindAsync(sample.SubjectId, ct) is null) throw AppProblem.NotFound("照片");
        return (sample, source);
    }

    /// <summary>The photo's content (unsealed), audited as a read of biometric data.</summary>
    public async Task<(byte[] Content, string ContentType)> PhotoAsync(Guid sampleId, CancellationToken ct = default)
    {
        var (sample, _) = await LoadAsync(sampleId, ct);
        var file = await db.Files.AsNoTracking().FirstAsync(f => f.Id == sample.PhotoFileId, ct);
        await using var stream = files.OpenRead(file);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, ct);
        audit.Add("view-photo", nameof(FaceSample), sample.Id.ToString(), new { sample.Source, sample.SubjectNumber }, sample.DivisionCode);
        await db.SaveChangesAsync(ct);
        return (copy.ToArray(), file.ContentType);
    }

    /// <summary>
    /// The candidates of a probe photo: every photo of the same model that the user may see (the sources whose read permission
    /// they hold, within their division scope), other than the probe's own record, compared in memory — a city's descriptors are
    /// 512 bytes each — and kept where the cosine distance is within the probe's module's threshold, nearest record first.
    /// </summary>
    public async Task<FaceCandidates> CandidatesAsync(Guid sampleId, CancellationToken ct = default)
    {
        var (probe, source) = await LoadAsync(sampleId, ct);
        var view = View(probe);
        var limit = Limit(source, probe);
        var readable = sources.Where(s => user.HasPermission(s.ReadPermission)).Select(s => s.Source).ToList();
        var probeValues = FaceRules.FromBytes(probe.Descriptor);
        var others = await db.Set<FaceSample>().AsNoTracking()
            .Where(s => s.ModelVersion == probe.ModelVersion && readable.Contains(s.Source) && !(s.Source == probe.Source && s.SubjectId == probe.SubjectId))
            .Select(s => new { s.Id, s.Source, s.SubjectId, s.Descriptor, s.TakenAt })
            .ToListAsync(ct);
        var near = others.Select(s => (s.Id, s.Source, s.SubjectId, s.TakenAt, Distance: FaceRules.CosineDistance(probeValues, FaceRules.FromBytes(s.Descriptor))))
            .Where(x => x.Distance <= limit.Value)
            // a record photographed several times is one candidate, at its nearest photo
            .GroupBy(x => (x.Source, x.SubjectId)).Select(g => g.MinBy(x => x.Distance))
            .OrderBy(x => x.Distance).ThenBy(x => x.Id).Take(MaxCandidates).ToList();
        var ids = near.Select(x => x.Id).ToList();
        var reviews = await db.Set<FaceMatchReview>().AsNoTracking().Where(r => r.ProbeId == probe.Id && ids.Contains(r.CandidateId)).ToDictionaryAsync(r => r.CandidateId, ct);
        // each module names its candidates in one query; a record it no longer shows the user (restricted, moved) is not offered
        var subjects = new Dictionary<string, IReadOnlyDictionary<Guid, FaceSubject>>();
        foreach (var g in near.GroupBy(x => x.Source)) subjects[g.Key] = await sources.First(k => k.Source == g.Key).FindAsync(g.Select(x => x.SubjectId).ToList(), ct);
        var items = new List<FaceCandidate>();
        foreach (var x in near)
        {
            if (subjects[x.Source].GetValueOrDefault(x.SubjectId) is not { } subject) continue;
            var r = reviews.GetValueOrDefault(x.Id);
            items.Add(new FaceCandidate(x.Id, x.Source, sources.First(k => k.Source == x.Source).Name, subject, Math.Round(x.Distance, 4), x.TakenAt, r?.Decision, r?.DecidedBy, r?.Note));
        }
        audit.Add("compare", nameof(FaceSample), probe.Id.ToString(), new { probe.Source, probe.SubjectNumber, compared = others.Count, offered = items.Count }, probe.DivisionCode);
        await db.SaveChangesAsync(ct);
        return new(view, (decimal)limit.Value, limit.Basis, others.Count, items);
    }

    /// <summary>
    /// The probe's module's threshold in force today for the probe's division: a percentage of the cosine distance's scale (7%
    /// offers candidates at 0.07 or less); 409 when none is in force.
    /// </summary>
    private (double Value, string Basis) Limit(IFaceSubjects source, FaceSample probe)
    {
        var threshold = book.Find(source.Threshold, probe.DivisionCode, clock.Today)
            ?? throw AppProblem.Conflict("standard_missing", $"{BusinessClock.Format(clock.UtcNow)} 没有生效的“{source.Threshold.Name}”，请先在标准与参数中设置");
        var percent = threshold.Row.Percent ?? throw new InvalidOperationException($"{source.Threshold.Name} 不是百分比");
        return ((double)percent / 100, threshold.Basis);
    }

    /// <summary>A clerk's decision on one candidate: same person or not, once per pair (409 when already decided).</summary>
    public async Task<FaceMatchReview> DecideAsync(Guid sampleId, Guid candidateId, string? decision, string? note, CancellationToken ct = default)
    {
        var (probe, source) = await LoadAsync(sampleId, ct);
        if (!CanWrite(source)) throw AppProblem.Forbidden("没有确认人脸比对结果的权限");
        FaceDecision? d = decision?.Trim() switch { "same" or "同一人" => FaceDecision.Same, "different" or "不是同一人" => FaceDecision.Different, _ => null };
        if (d is null) throw AppProblem.Field("decision", "请选择：same（确认是同一人）或 different（不是同一人）");
        if (note is { Length: > 500 }) throw AppProblem.Field("note", "说明不能超过 500 个字");
        // only a photo the comparison would offer: visible to the user, same model, another record, within the threshold
        var (candidate, _) = await LoadAsync(candidateId, ct);
        var distance = Math.Round(FaceRules.CosineDistance(FaceRules.FromBytes(probe.Descriptor), FaceRules.FromBytes(candidate.Descriptor)), 4);
        if (candidate.ModelVersion != probe.ModelVersion || (candidate.Source == probe.Source && candidate.SubjectId == probe.SubjectId) || distance > Limit(source, probe).Value)
        {
            throw AppProblem.NotFound("候选照片");
        }
        if (await db.Set<FaceMatchReview>().AsNoTracking().FirstOrDefaultAsync(r => r.ProbeId == probe.Id && r.CandidateId == candidateId, ct) is { } earlier)
        {
            throw AppProblem.Conflict("face_match_decided", $"该候选已由 {earlier.DecidedBy} 确认为“{DecisionName(earlier.Decision)}”");
        }
        if (d == FaceDecision.Same && string.IsNullOrWhiteSpace(note)) throw AppProblem.Field("note", "确认是同一人时请写明核实依据（如：本人辨认、家属辨认、DNA 比对）");
        var review = new FaceMatchReview
        {
            ProbeId = probe.Id,
            CandidateId = candidateId,
            DivisionCode = probe.DivisionCode,
            CountyCode = probe.CountyCode,
            Distance = distance,
            Decision = d.Value,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            DecidedBy = user.UserName,
            DecidedAt = clock.UtcNow,
        };
        db.Add(review);
        audit.Add("decide", nameof(FaceMatchReview), review.Id.ToString(),
            new { probe = probe.SubjectNumber, candidate = candidate.SubjectNumber, decision = d.Value, review.Distance }, probe.DivisionCode);
        await db.SaveChangesAsync(ct);
        return review;
    }

    public static string DecisionName(FaceDecision d) => d == FaceDecision.Same ? "同一人" : "不是同一人";

    public static FaceSampleView View(FaceSample s) =>
        new(s.Id, s.Source, s.SubjectId, s.SubjectNumber, s.DivisionCode, s.ModelVersion, s.ModelVersion == FaceRules.CurrentModel, s.DetectionScore, s.TakenAt, s.TakenBy);
}

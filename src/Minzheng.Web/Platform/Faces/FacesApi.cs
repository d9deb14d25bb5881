using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Platform.Faces;

public sealed record FaceDecisionInput([Text(20)] string? Decision, [Text(500)] string? Note);

/// <summary>Face matching's API (ADR 081); every call checks the source module's permissions and scope in <see cref="FaceMatching"/>.</summary>
public static class FacesApi
{
    public static IServiceCollection AddFaces(this IServiceCollection services)
    {
        services.AddScoped<FaceMatching>();
        return services;
    }

    public static void MapFacesApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/faces").WithTags("Faces").RequireAuthorization();
        g.MapGet("/model", () => TypedResults.Ok(new { modelVersion = FaceRules.CurrentModel, dimensions = FaceRules.Dimensions, maxPhotoBytes = FaceMatching.MaxPhotoBytes }))
            .WithSummary("浏览器计算人脸特征所用的模型版本（随特征一并提交）");
        g.MapGet("/{source}/{subjectId:guid}/samples", async (string source, Guid subjectId, FaceMatching faces, CancellationToken ct) =>
            {
                var items = await faces.SamplesAsync(faces.Source(source), subjectId, ct);
                return TypedResults.Ok(new { items, total = items.Count });
            })
            .WithSummary("一条记录的人脸照片（新在前；照片本身经 /samples/{id}/photo 读取并记入审计）");
        g.MapPost("/{source}/{subjectId:guid}/samples", async (string source, Guid subjectId, IFormFile? photo, [Microsoft.AspNetCore.Mvc.FromForm] string? descriptor,
                [Microsoft.AspNetCore.Mvc.FromForm] double? score, [Microsoft.AspNetCore.Mvc.FromForm] string? modelVersion, FaceMatching faces, CancellationToken ct) =>
            {
                await using var stream = photo?.OpenReadStream();
                var s = await faces.AddAsync(faces.Source(source), subjectId, photo?.FileName, photo?.Length ?? 0, stream, descriptor, score, modelVersion, ct);
                return TypedResults.Created($"/api/v1/faces/samples/{s.Id}", FaceMatching.View(s));
            })
            .DisableAntiforgery()
            .WithSummary("采集照片（multipart：photo 为 JPEG/PNG、5 MB 以内；descriptor 为浏览器计算的 128 维人脸特征 JSON 数组；score 为检测置信度；modelVersion 须为当前模型）");
        g.MapGet("/samples/{id:guid}/photo", async (Guid id, FaceMatching faces, CancellationToken ct) =>
            {
                var (content, type) = await faces.PhotoAsync(id, ct);
                return TypedResults.File(content, type);
            })
            .WithSummary("照片（解密后返回；每次查看记入审计）");
        g.MapGet("/samples/{id:guid}/candidates", async (Guid id, FaceMatching faces, CancellationToken ct) =>
            {
                var c = await faces.CandidatesAsync(id, ct);
                return TypedResults.Ok(new { c.Probe, c.Threshold, c.ThresholdBasis, c.Compared, items = c.Items, total = c.Items.Count });
            })
            .WithSummary("比对：阈值以内的候选（余弦距离从小到大），仅供人工确认");
        g.MapPost("/samples/{id:guid}/candidates/{candidateId:guid}/decision", async (Guid id, Guid candidateId, FaceDecisionInput input, FaceMatching faces, CancellationToken ct) =>
            {
                var r = await faces.DecideAsync(id, candidateId, input.Decision, input.Note, ct);
                return TypedResults.Ok(new { r.Id, r.ProbeId, r.CandidateId, r.Distance, decision = r.Decision, r.Note, r.DecidedBy, r.DecidedAt });
            })
            .WithSummary("人工确认一个候选：decision 为 same（同一人，须写明核实依据）或 different；每对只确认一次（409 face_match_decided）");
    }
}

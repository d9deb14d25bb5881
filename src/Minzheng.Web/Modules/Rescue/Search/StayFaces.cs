using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Rescue.Stays;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Faces;
using Minzheng.Web.Platform.Figures;

namespace Minzheng.Web.Modules.Rescue.Search;

/// <summary>
/// The station's intake photos for face matching (互联网+救助寻亲, ADR 081): a stay is a face subject; a re-admitted person's new
/// photo finds his earlier stays, and a clerk confirms or rejects each candidate. Read with the module's read permission, taken
/// by the station's staff.
/// </summary>
public sealed class StayFaces(AppDbContext db) : IFaceSubjects
{
    public const string Code = "rescue-stay";

    public static readonly FigureKind MatchThreshold = new(RescueFigures.Module, "face-match-threshold", "人脸比对候选阈值（余弦距离）", "%", Type: FigureValueType.Percent);

    public string Source => Code;
    public string Name => "救助站受助人员";
    public string ReadPermission => RescuePermissions.Read;
    public string WritePermission => RescuePermissions.Work;
    public FigureKind Threshold => MatchThreshold;

    public async Task<IReadOnlyDictionary<Guid, FaceSubject>> FindAsync(IReadOnlyCollection<Guid> subjectIds, CancellationToken ct = default)
    {
        var rows = await db.Set<RescueStay>().AsNoTracking().Where(s => subjectIds.Contains(s.Id))
            .Join(db.Persons, s => s.PersonId, p => p.Id, (s, p) => new { s.Id, s.Number, s.DivisionCode, s.AdmittedOn, s.StationId, p.Name })
            .Join(db.Set<RescueStation>(), x => x.StationId, st => st.Id, (x, st) => new { x.Id, x.Number, x.DivisionCode, x.AdmittedOn, x.Name, Station = st.Name })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => new FaceSubject(r.Id, r.Number, $"{r.Name}（{r.Station} {r.AdmittedOn:yyyy-MM-dd} 入站）", r.DivisionCode, $"/rescue/stays/{r.Id}"));
    }

    /// <summary>
    /// The threshold has no regulation behind it: a demo row only (演示数据), calibrated on the model's own convention — its
    /// authors' Euclidean 0.6 for "same person" is a cosine distance of about 0.09 at the descriptors' usual length (≈1.4); 7%
    /// leaves a margin. The 市民政局 sets the real one after trying it on its own photos.
    /// </summary>
    public static Figure DemoThreshold(string city) => new()
    {
        Module = MatchThreshold.Module,
        Kind = MatchThreshold.Code,
        DivisionCode = city,
        Percent = 7m,
        ValidFrom = new DateOnly(2020, 1, 1),
        Document = "演示数据：人脸比对余弦距离不超过 0.07 的列为候选（无规定，由市民政局用本地照片校准后确定）",
        CreatedBy = "system",
        IsDemo = true,
    };
}

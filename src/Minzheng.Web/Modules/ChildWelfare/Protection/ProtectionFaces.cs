using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.ChildWelfare.Allowances;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Faces;
using Minzheng.Web.Platform.Figures;

namespace Minzheng.Web.Modules.ChildWelfare.Protection;

/// <summary>
/// A child in a protection case as a face subject (ADR 081): a child who cannot or will not say who they are is photographed and
/// compared with the station's intakes and other protection cases the user may see. Restricted like the case: only
/// <see cref="ChildPermissions.Protection"/> reads or adds photos, and only these users' comparisons ever include them.
/// </summary>
public sealed class ProtectionFaces(AppDbContext db, ICurrentUser user) : IFaceSubjects
{
    public const string Code = "child-protection";

    public static readonly FigureKind MatchThreshold = new(ChildStandardKinds.Module, "face-match-threshold", "人脸比对候选阈值（余弦距离）", "%", Type: FigureValueType.Percent);

    public string Source => Code;
    public string Name => "未成年人保护个案";
    public string ReadPermission => ChildPermissions.Protection;
    public string WritePermission => ChildPermissions.Protection;
    public FigureKind Threshold => MatchThreshold;

    public async Task<IReadOnlyDictionary<Guid, FaceSubject>> FindAsync(IReadOnlyCollection<Guid> subjectIds, CancellationToken ct = default)
    {
        if (!user.HasPermission(ChildPermissions.Protection)) return new Dictionary<Guid, FaceSubject>();
        var rows = await db.Set<ProtectionCase>().AsNoTracking().Where(c => subjectIds.Contains(c.Id))
            .Join(db.Persons, c => c.ChildPersonId, p => p.Id, (c, p) => new { c.Id, c.Number, c.DivisionCode, c.ReportedOn, p.Name })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => new FaceSubject(r.Id, r.Number, $"{r.Name}（{r.ReportedOn:yyyy-MM-dd} 发现）", r.DivisionCode, $"/children/protection/{r.Id}"));
    }

    /// <summary>A demo row only, like the rescue one (no regulation sets it): 7%.</summary>
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

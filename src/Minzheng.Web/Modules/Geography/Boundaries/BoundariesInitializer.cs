using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Geography.Naming;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;

namespace Minzheng.Web.Modules.Geography.Boundaries;

/// <summary>
/// Demo data only, all marked 演示数据 (names, coordinates and documents are illustrative, not the surveyed lines): a 粤桂线
/// section at 容县 (广东 信宜市 on the other side) with markers, a 玉林—贵港 section, the 容县—北流市 county line with
/// markers, and the 2020 joint inspection round with findings and a task left overdue.
/// </summary>
public sealed class BoundariesInitializer : IModuleInitializer
{
    public const string Rongxian = "450921000000";
    public const string Beiliu = "450981000000";
    public const string Yulin = "450900000000";
    public const string Xingye = "450924000000";

    public int Order => 194;

    public async Task InitializeAsync(IServiceProvider services, bool demo, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (!await db.Set<Figure>().AnyAsync(f => f.Module == NamingFigures.Module && f.Kind == BoundaryFigures.JointInspectionYears.Code, ct))
        {
            db.Add(new Figure
            {
                Module = NamingFigures.Module,
                Kind = BoundaryFigures.JointInspectionYears.Code,
                DivisionCode = Yulin,
                Category = "",
                Number = 5,
                ValidFrom = new DateOnly(2002, 7, 1),
                Document = "《行政区域界线管理条例》（2002）第十二条：行政区域界线每5年联合检查一次",
                CreatedBy = "system",
            });
            await db.SaveChangesAsync(ct);
        }
        if (!demo || await db.Set<BoundaryLine>().IgnoreQueryFilters().AnyAsync(ct)) return;

        static string Line(params (double Lon, double Lat)[] points) =>
            new JsonObject { ["type"] = "LineString", ["coordinates"] = new JsonArray(points.Select(p => (JsonNode)new JsonArray(p.Lon, p.Lat)).ToArray()) }.ToJsonString();

        BoundaryLine Make(string name, BoundaryLevel level, string home, (string Code, string Name, string Division) a, (string Code, string Name, string Division) b, string geo, decimal km, string agreement) => new()
        {
            Name = name + "（演示数据）",
            Level = level,
            DivisionCode = home,
            GeoJson = geo,
            LengthKm = km,
            AgreementDocument = agreement + "（演示数据）",
            DetailMapReference = "界线详图 演示-" + level.ToString().ToLowerInvariant() + "（演示数据）",
            IsDemo = true,
            SideACode = a.Code,
            SideAName = a.Name,
            SideBCode = b.Code,
            SideBName = b.Name,
            Memberships =
            [
                new BoundarySide { Position = 0, Code = a.Code, Name = a.Name, DivisionCode = a.Division },
                new BoundarySide { Position = 1, Code = b.Code, Name = b.Name, DivisionCode = b.Division },
            ],
        };

        var yueGui = Make("粤桂线 容县—信宜市段", BoundaryLevel.Province, Rongxian, (Rongxian, "容县", Rongxian), ("440983000000", "广东省信宜市", Rongxian),
            Line((110.80, 22.62), (110.84, 22.58), (110.88, 22.55), (110.91, 22.50)), 18.6m, "广西壮族自治区和广东省行政区域界线协议书");
        yueGui.Markers.AddRange([
            new BoundaryMarker { Number = "粤桂 101", Kind = MarkerKind.DoublePost, Longitude = 110.8000m, Latitude = 22.6200m, ResponsibleSideCode = Rongxian, Note = "演示数据" },
            new BoundaryMarker { Number = "粤桂 102", Kind = MarkerKind.SinglePost, Longitude = 110.8400m, Latitude = 22.5800m, ResponsibleSideCode = "440983000000", Note = "演示数据" },
            new BoundaryMarker { Number = "粤桂 103", Kind = MarkerKind.Monument, Longitude = 110.9100m, Latitude = 22.5000m, ResponsibleSideCode = Rongxian, Condition = MarkerCondition.Damaged, Note = "演示数据" },
        ]);
        var yuGui = Make("玉林—贵港线 兴业县段", BoundaryLevel.City, Xingye, (Xingye, "兴业县", Xingye), ("450800000000", "贵港市", Xingye),
            Line((109.80, 22.90), (109.84, 22.95), (109.87, 23.01)), 14.2m, "玉林市与贵港市行政区域界线协议书");
        yuGui.Markers.Add(new BoundaryMarker { Number = "玉贵 01", Kind = MarkerKind.SinglePost, Longitude = 109.8400m, Latitude = 22.9500m, ResponsibleSideCode = Xingye, Note = "演示数据" });
        var county = Make("容县—北流市线", BoundaryLevel.County, Yulin, (Rongxian, "容县", Rongxian), (Beiliu, "北流市", Beiliu),
            Line((110.40, 22.76), (110.43, 22.71), (110.45, 22.66)), 21.5m, "容县与北流市行政区域界线协议书");
        county.Markers.AddRange([
            new BoundaryMarker { Number = "容北 01", Kind = MarkerKind.DoublePost, Longitude = 110.4000m, Latitude = 22.7600m, ResponsibleSideCode = Rongxian, Note = "演示数据" },
            new BoundaryMarker { Number = "容北 02", Kind = MarkerKind.SinglePost, Longitude = 110.4300m, Latitude = 22.7100m, ResponsibleSideCode = Beiliu, Condition = MarkerCondition.Missing, Note = "演示数据" },
        ]);
        db.AddRange(yueGui, yuGui, county);
        var round = new BoundaryInspection
        {
            LineId = county.Id,
            Kind = InspectionKind.Joint,
            Year = 2020,
            Round = "第四轮联合检查（2020）（演示数据）",
            Sections = "全线",
            Participants = "容县民政局、北流市民政局及沿线乡镇（演示数据）",
            IsDemo = true,
        };
        var yueGuiRound = new BoundaryInspection
        {
            LineId = yueGui.Id,
            Kind = InspectionKind.Joint,
            Year = 2020,
            Round = "第四轮联合检查（2020）（演示数据）",
            Sections = "粤桂 101—103",
            Participants = "容县民政局、信宜市民政局（演示数据）",
            IsDemo = true,
        };
        db.AddRange(round, yueGuiRound,
            new MarkerFinding
            {
                MarkerId = county.Markers[1].Id,
                InspectionId = round.Id,
                FoundOn = new DateOnly(2020, 10, 15),
                Condition = MarkerCondition.Missing,
                Description = "界桩丢失（演示数据）",
                Task = "重新埋设",
                Deadline = new DateOnly(2021, 6, 30),
                RecordedBy = "演示数据"
            },
            new MarkerFinding
            {
                MarkerId = yueGui.Markers[2].Id,
                InspectionId = yueGuiRound.Id,
                FoundOn = new DateOnly(2020, 11, 3),
                Condition = MarkerCondition.Damaged,
                Description = "碑面字迹模糊（演示数据）",
                Task = "描字",
                Deadline = new DateOnly(2021, 3, 31),
                DoneOn = new DateOnly(2021, 3, 20),
                RecordedBy = "演示数据"
            });
        db.Add(new BoundaryDispute
        {
            LineId = yueGui.Id,
            Title = "粤桂 102 附近山林权属与界线走向不一致（演示数据）",
            Location = "粤桂 102 以东约 300 米（演示数据）",
            Description = "2020 年联合检查中排查发现（演示数据）",
            Status = DisputeStatus.Negotiating,
            ReportedOn = new DateOnly(2020, 11, 3),
        });
        await db.SaveChangesAsync(ct);
    }
}

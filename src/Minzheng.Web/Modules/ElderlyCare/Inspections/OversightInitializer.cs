using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.ElderlyCare.Inspections;

/// <summary>
/// The oversight figures (all UNCONFIRMED for Yulin, so demo rows only, marked 演示数据) and, in demo mode, a small 容县
/// example: three homes on the list, three inspectors (one bound to rongxian.officer, one with a conflict), one matter,
/// one draw, one inspection recorded with a rectification and published; one home rated (星级) and one applying.
/// </summary>
public sealed class OversightInitializer : IModuleInitializer
{
    public const string County = "450921000000";

    public int Order => 310;

    public async Task InitializeAsync(IServiceProvider services, bool demo, CancellationToken ct)
    {
        if (!demo) return;
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.Set<Figure>().AnyAsync(f => f.Module == OversightFigures.Module, ct)) return;
        db.AddRange(FigureRows());
        await db.SaveChangesAsync(ct);
        await DemoAsync(services, ct);
    }

    public static List<Figure> FigureRows()
    {
        var from = new DateOnly(2020, 1, 1);
        Figure Row(FigureKind k, string document, int? number = null, decimal? percent = null) => new()
        {
            Module = k.Module,
            Kind = k.Code,
            DivisionCode = "450900000000",
            Number = number,
            Percent = percent,
            ValidFrom = from,
            Document = document,
            IsDemo = true,
            CreatedBy = "system",
        };
        return
        [
            Row(OversightFigures.DrawRatio, "演示数据（无统一比例的按不低于5%，此处取较高比例便于演示）", percent: 20m),
            Row(OversightFigures.PublishWorkingDays, "演示数据（据信为国发〔2019〕5号：20个工作日内公开，待玉林市民政局确认）", number: 20),
            Row(OversightFigures.RectifyWorkingDays, "演示数据（整改期限由检查机关确定）", number: 20),
            Row(OversightFigures.StarValidityYears, "演示数据（常见为3年，待确认）", number: 3),
        ];
    }

    private static ActingIdentity Officer => new(null, "rongxian.officer", County,
        new HashSet<string> { InspectionPermissions.Manage, InspectionPermissions.Record, Permissions.OrganizationsWrite, StarRating.StarRatingPermissions.Rate });

    private static async Task DemoAsync(IServiceProvider services, CancellationToken ct)
    {
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        using var scope = scopes.CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<CurrentUser>().RunAs(Officer);
        var registration = sp.GetRequiredService<OrganizationRegistration>();
        var s = sp.GetRequiredService<InspectionService>();
        try
        {
            // the example runs on the demo's real 容县 homes (filed by the homes part, which initialises first), so a home's page
            // and panel show its inspection and star level; stand-ins are registered only where there are fewer than three
            var db = sp.GetRequiredService<AppDbContext>();
            var homeIds = await db.Set<Homes.ElderlyHome>()
                .Where(h => h.DivisionCode.StartsWith("450921") && h.Status != Homes.HomeStatus.Closed && h.OrganizationId != null)
                .OrderBy(h => h.Private ? 0 : 1).ThenBy(h => h.OpenedOn).ThenBy(h => h.Id)
                .Select(h => h.OrganizationId!.Value).Take(3).ToListAsync(ct);
            var found = await db.Set<Organization>().Where(o => homeIds.Contains(o.Id)).ToListAsync(ct);
            var homes = found.OrderBy(o => homeIds.IndexOf(o.Id)).ToList();
            foreach (var (name, division, address) in new[]
            {
                ("容县福寿养老院（演示）", "450921100000", "容州镇城南路 8 号"),
                ("容县康乐颐养中心（演示）", "450921100000", "容州镇东外街 21 号"),
                ("杨梅镇敬老院（演示）", "450921102000", "杨梅镇圩镇中街 3 号"),
            }.Skip(homes.Count))
            {
                homes.Add(await registration.CreateAsync(new OrganizationInput
                {
                    Name = name,
                    Kind = OrganizationKind.SocialServiceAgency,
                    DivisionCode = division,
                    Address = address,
                    LegalRepresentativeName = "演示负责人",
                    RegisteredOn = new DateOnly(2019, 6, 1),
                }, ct));
            }
            foreach (var h in homes) await s.AddTargetAsync(new TargetInput(h.Id), ct);
            await s.AddInspectorAsync(new InspectorInput("容县民政局干部", "演示45092100001", "养老服务", "rongxian.officer", null), ct);
            await s.AddInspectorAsync(new InspectorInput("李消防（演示）", "演示45092100002", "消防", null, null), ct);
            await s.AddInspectorAsync(new InspectorInput("王食安（演示）", "演示45092100003", "食品安全", null, [homes[0].Id]), ct);
            var matter = await s.AddMatterAsync(new MatterInput("养老机构服务安全和消防安全检查", "《养老机构管理办法》（民政部令第66号）第三十八条、第四十三条；GB 38600-2019；《消防法》第十六条", "现场检查"), ct);
            var draw = await s.DrawAsync(new DrawRequest(matter.Id, 100m, 2), ct);
            var today = sp.GetRequiredService<BusinessClock>().Today;
            var first = await db.Set<Inspection>().Where(i => i.DrawId == draw.Id).OrderBy(i => i.Number).FirstAsync(ct);
            var results = InspectionChecklist.Items.ToDictionary(i => i.Code, _ => InspectionChecklist.Pass);
            results["F3"] = InspectionChecklist.Fail;
            await s.RecordAsync(first.Id, new RecordInput(today, results, "防火巡查记录缺近两个月（演示）",
                [new RectificationInput("F3", "补建每日防火巡查记录，指定专人负责（演示）", null)], null), ct);
            await s.PublishAsync(first.Id, null, ct);

            // 星级评定: one home rated by experts (四级 from its section scores), one applied and waiting
            var stars = sp.GetRequiredService<StarRating.StarRatings>();
            var rated = await stars.ApplyAsync(new StarRating.StarApplyInput(homes[0].Id, 4, new(102, 112, 130, 530)), ct);
            var scored = await stars.ScoreAsync(rated.Id, new StarRating.StarScoreInput("演示专家甲、演示专家乙、演示专家丙", new(100, 110, 128, 520), rated.Version), ct);
            await stars.DecideAsync(rated.Id, StarRating.StarRatingProcess.Publish, new StarRating.StarActionInput(null, scored.Version), ct); // 评定决定: on the public list
            await stars.ApplyAsync(new StarRating.StarApplyInput(homes[1].Id, 2, new(70, 80, 90, 330)), ct);
        }
        catch (AppProblem problem)
        {
            // demo data only: a registry that refuses one of these rows (e.g. an import already added the same home) leaves the
            // demo smaller — said in the log, so a demo step broken by a rule change is seen rather than silently missing
            sp.GetRequiredService<ILogger<OversightInitializer>>().LogWarning("养老监管演示数据未全部生成：{Code} {Detail}", problem.Code, problem.Detail);
        }
    }
}

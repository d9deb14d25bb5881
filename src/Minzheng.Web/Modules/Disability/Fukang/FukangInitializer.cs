using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Disability.Fukang;

/// <summary>
/// Every installation: the groups the plan names (the city's figure, from 2020). Demo mode: 容县's catalogue and budget of the
/// current year with a demo supplier, so that a township clerk can assess someone at once.
/// </summary>
public sealed class FukangInitializer : IModuleInitializer
{
    public const string DemoCounty = "450921000000";
    public const string PlanDocument = "玉林市民政局2020年工作计划 第六章（一）三";

    public int Order => 189;

    public async Task InitializeAsync(IServiceProvider services, bool demo, CancellationToken ct)
    {
        using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<CurrentUser>().RunAsSystem(demo ? "demo" : "system");
        var db = sp.GetRequiredService<AppDbContext>();
        if (!await db.Set<Figure>().AnyAsync(f => f.Module == FukangFigures.Module, ct))
        {
            // 为农村建档立卡贫困户、特困人员和低保对象家庭中的肢体残疾人配备康复辅助器具: all three groups, city-wide
            db.AddRange(FukangFigures.Groups.Select(g => new Figure
            {
                Module = FukangFigures.Module,
                Kind = FukangFigures.EligibleGroup.Code,
                DivisionCode = "450900000000",
                Category = g.Code,
                Choice = "yes",
                ValidFrom = new DateOnly(2020, 1, 1),
                Document = PlanDocument,
                CreatedBy = "system",
            }));
            await db.SaveChangesAsync(ct);
        }
        if (!demo || await db.Set<FukangDevice>().IgnoreQueryFilters().AnyAsync(ct)) return;
        var year = sp.GetRequiredService<BusinessClock>().Today.Year;
        var supplier = await sp.GetRequiredService<OrganizationRegistration>().CreateAsync(new OrganizationInput
        {
            Name = "容县康复辅具服务有限公司（演示）",
            Kind = OrganizationKind.Enterprise,
            DivisionCode = "450921100000",
            Address = "容县容州镇（演示地址）",
            LegalRepresentativeName = "（演示）",
            RegisteredOn = new DateOnly(2018, 3, 1),
        }, ct);
        var catalogue = sp.GetRequiredService<FukangCatalogue>();
        const string doc = "演示数据：容县福康工程康复辅助器具目录";
        (string Code, string Name, decimal Price, int Months)[] items =
        [
            ("wheelchair", "轮椅", 800m, 60),
            ("walker", "助行器", 300m, 36),
            ("prosthesis", "假肢", 5000m, 60),
            ("hearing-aid", "助听器", 2000m, 60),
            ("crutch", "拐杖", 100m, 24),
        ];
        foreach (var (code, name, price, months) in items)
        {
            await catalogue.AddDeviceAsync(new FukangDeviceInput(DemoCounty, year, code, name, price, months, supplier.Id, doc), isDemo: true, ct);
        }
        await catalogue.AddBudgetAsync(new FukangBudgetInput(DemoCounty, year, 200_000m, "演示数据：容县福康工程年度预算"), isDemo: true, ct);
    }
}

using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Marriage.Counselling;

/// <summary>
/// Demo mode only: 容县's purchase of marriage and family counselling (the plan's 20万元) from a demo provider, with sessions
/// of the last month and this one, so the page has a month to settle.
/// </summary>
public sealed class CounsellingInitializer : IModuleInitializer
{
    public int Order => 184;

    public async Task InitializeAsync(IServiceProvider services, bool demo, CancellationToken ct)
    {
        if (!demo) return;
        using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<CurrentUser>().RunAsSystem("demo");
        var db = sp.GetRequiredService<AppDbContext>();
        if (await db.Set<CounsellingContract>().IgnoreQueryFilters().AnyAsync(ct)) return;
        var today = sp.GetRequiredService<BusinessClock>().Today;
        var provider = await sp.GetRequiredService<OrganizationRegistration>().CreateAsync(new OrganizationInput
        {
            Name = "容县和美家庭婚姻家庭服务中心（演示）",
            Kind = OrganizationKind.SocialServiceAgency,
            DivisionCode = "450921100000",
            Address = "容县容州镇（演示地址）",
            LegalRepresentativeName = "（演示）",
            RegisteredOn = new DateOnly(2019, 6, 1),
        }, ct);
        var purchase = sp.GetRequiredService<CounsellingPurchase>();
        var contract = await purchase.CreateContractAsync(new CounsellingContractInput(provider.Id, "450921000000", new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31),
            200_000m, 300m, "演示数据：容县民政局婚姻家庭辅导服务采购合同"), isDemo: true, ct);
        var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        if (lastMonth.Year != today.Year) lastMonth = new DateOnly(today.Year, 1, 1);
        string[] types = ["premarital", "cooling-off", "crisis", "family-education", "cooling-off", "premarital"];
        string[] topics = ["communication", "children", "finance", "children", "psychology", "law"];
        for (var i = 0; i < types.Length; i++)
        {
            var day = lastMonth.AddDays(2 + i * 4);
            if (day > today) break;
            await purchase.RecordSessionAsync(contract.Id, new CounsellingSessionInput(day, i % 2 == 0 ? "辅导员甲（演示）" : "辅导员乙（演示）", types[i], topics[i], 60 + i * 10, 2), ct);
        }
        // not settled here: a demo settlement would put an organisation line into 容县's payroll that the payroll demos do not expect;
        // the officer settles last month on the page
        if (today.Day > 1) await purchase.RecordSessionAsync(contract.Id, new CounsellingSessionInput(today.AddDays(-1), "辅导员甲（演示）", "premarital", "communication", 90, 2), ct);
    }
}

using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Disability.Rehab;

/// <summary>
/// Every installation: the city's default outcome scale (PSP, 0–100) so that scores can be taken from the first day; a county
/// that assesses with another scale enters its own from a date. Demo mode: 容县's purchase from a demo provider with a few
/// mentally disabled people enrolled and last month's sessions, not settled (the officer settles on the page; a demo settlement
/// would put an organisation line into the payroll demos).
/// </summary>
public sealed class RehabInitializer : IModuleInitializer
{
    public int Order => 186;

    public async Task InitializeAsync(IServiceProvider services, bool demo, CancellationToken ct)
    {
        using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<CurrentUser>().RunAsSystem(demo ? "demo" : "setup");
        var db = sp.GetRequiredService<AppDbContext>();
        if (!await db.Set<Figure>().AnyAsync(f => f.Module == RehabFigures.Module, ct))
        {
            const string Document = "系统默认：个人和社会功能量表（PSP）0–100 分（市、县可另定量表及执行日期）";
            var from = new DateOnly(2016, 1, 1);
            Figure Row(FigureKind k, int? number = null, string? choice = null) => new()
            {
                Module = k.Module,
                Kind = k.Code,
                DivisionCode = "450900000000",
                Number = number,
                Choice = choice,
                ValidFrom = from,
                Document = Document,
                CreatedBy = "system",
            };
            db.AddRange(Row(RehabFigures.Scale, choice: "psp"), Row(RehabFigures.ScaleMin, number: 0), Row(RehabFigures.ScaleMax, number: 100));
            await db.SaveChangesAsync(ct);
        }
        if (!demo || await db.Set<RehabContract>().IgnoreQueryFilters().AnyAsync(ct)) return;
        await DemoAsync(sp, ct);
    }

    private static async Task DemoAsync(IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var today = sp.GetRequiredService<BusinessClock>().Today;
        var provider = await sp.GetRequiredService<OrganizationRegistration>().CreateAsync(new OrganizationInput
        {
            Name = "容县康宁精神障碍社区康复服务中心（演示）",
            Kind = OrganizationKind.SocialServiceAgency,
            DivisionCode = "450921100000",
            Address = "容县容州镇（演示地址）",
            LegalRepresentativeName = "（演示）",
            RegisteredOn = new DateOnly(2019, 3, 1),
        }, ct);
        var contract = await sp.GetRequiredService<RehabPurchase>().CreateContractAsync(new RehabContractInput(provider.Id, "450921000000", new DateOnly(today.Year, 1, 1),
            new DateOnly(today.Year, 12, 31), 120_000m, 600m, "演示数据：容县民政局精神障碍社区康复服务采购合同"), isDemo: true, ct);
        var people = await db.Persons.AsNoTracking()
            .Where(p => p.DisabilityCategory == DisabilityCategory.Mental && p.LifeStatus == LifeStatus.Alive && p.DivisionCode.StartsWith("450921"))
            .OrderBy(p => p.Id).Select(p => p.Id).Take(3).ToListAsync(ct);
        var enrolments = sp.GetRequiredService<RehabEnrolments>();
        var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        if (lastMonth.Year != today.Year) return;
        string[] diagnoses = ["schizophrenia", "bipolar", "depression"];
        string[] types = ["individual", "group", "family", "social-skills"];
        foreach (var (person, i) in people.Select((p, i) => (p, i)))
        {
            var e = await enrolments.EnrolAsync(new RehabEnrolInput(contract.Id, person, lastMonth, diagnoses[i], "恢复日常生活能力，规律服药，参加社区活动（演示）", 4, 45 + i * 5, "评估员甲（演示）"),
                isDemo: true, ct);
            for (var k = 0; k < 3; k++)
            {
                var day = lastMonth.AddDays(3 + k * 8 + i);
                if (day > today) break;
                await enrolments.RecordSessionAsync(e.Id, new RehabSessionInput(day, types[(i + k) % types.Length], 60, k % 2 == 0 ? "康复师甲（演示）" : "社工乙（演示）"), ct);
            }
        }
    }
}

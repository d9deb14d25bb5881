using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.SocialWork;

/// <summary>
/// The exam pass mark (CONFIRMED-S) and the 2020 plan's target of 10 new stations (PLAN) as figure rows; in demo mode, stations
/// in several townships of 容县 and 北流 (容州镇's run under contract by 容县阳光社会工作服务中心, so its account <c>yangguang.org</c>
/// sees it), social workers from the registry with exam records, services across the months and referrals in each status.
/// </summary>
public sealed class SocialWorkInitializer : IModuleInitializer
{
    public const string City = "450900000000";
    public const string CentreName = "容县阳光社会工作服务中心";

    public int Order => 191;

    public static List<Figure> FigureRows() =>
    [
        new()
        {
            Module = SocialWorkFigures.Module,
            Kind = SocialWorkFigures.ExamPassMark.Code,
            DivisionCode = City,
            Number = 60,
            ValidFrom = new DateOnly(2008, 1, 1),
            Document = "人力资源社会保障部、民政部 社会工作者职业水平考试：各科目满分100分，合格标准为60分（rules-2.md §6.5，CONFIRMED-S）",
            CreatedBy = "system",
        },
        new()
        {
            Module = SocialWorkFigures.Module,
            Kind = SocialWorkFigures.NewStationsTarget.Code,
            DivisionCode = City,
            Number = 10,
            ValidFrom = new DateOnly(2020, 1, 1),
            ValidTo = new DateOnly(2020, 12, 31),
            Document = "2020年民政工作计划 八：新建乡镇（街道）社工站10个（rules-2.md §6.5、§8，PLAN）",
            CreatedBy = "system",
        },
    ];

    public async Task InitializeAsync(IServiceProvider services, bool demo, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (!await db.Set<Figure>().AnyAsync(f => f.Module == SocialWorkFigures.Module, ct))
        {
            db.AddRange(FigureRows());
            await db.SaveChangesAsync(ct);
        }
        if (demo && !await db.Set<SocialWorkStation>().IgnoreQueryFilters().AnyAsync(ct)) await DemoAsync(services, ct);
    }

    private static async Task DemoAsync(IServiceProvider root, CancellationToken ct)
    {
        using var scope = root.GetRequiredService<IServiceScopeFactory>().CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<CurrentUser>().RunAsSystem("demo");
        var db = sp.GetRequiredService<AppDbContext>();
        var divisions = sp.GetRequiredService<DivisionDirectory>();
        var registration = sp.GetRequiredService<OrganizationRegistration>();
        var stations = sp.GetRequiredService<Stations>();
        var staff = sp.GetRequiredService<Staff>();
        var log = sp.GetRequiredService<Services>();
        var referrals = sp.GetRequiredService<Referrals>();
        var today = sp.GetRequiredService<BusinessClock>().Today;

        var centre = await db.Organizations.FirstOrDefaultAsync(o => o.Name == CentreName, ct);
        // 容州镇 (run by the centre where it exists) and two more townships of 容县, two of 北流
        var rongxian = divisions.ChildrenOf("450921000000").Where(d => d.Level == DivisionLevel.Town).Take(3).ToList();
        var beiliu = divisions.ChildrenOf("450981000000").Where(d => d.Level == DivisionLevel.Town).Take(2).ToList();
        var towns = rongxian.Concat(beiliu).ToList();
        var n = 0;
        foreach (var town in towns)
        {
            var org = await registration.CreateAsync(new OrganizationInput
            {
                Name = $"{town.Name}社会工作服务站",
                Kind = OrganizationKind.PublicInstitution,
                DivisionCode = town.Code,
                Address = $"{town.Name}人民政府院内（演示地址）",
                LegalRepresentativeName = "（演示）",
                RegisteredOn = new DateOnly(2020, 3, 1).AddMonths(n * 4),
            }, ct);
            var runByCentre = centre is not null && town.Code == "450921100000";
            var station = await stations.CreateAsync(new StationInput
            {
                Name = $"{divisions.NameOf(town.Code[..6].PadRight(12, '0'))}{town.Name}社会工作服务站",
                DivisionCode = town.Code,
                OrganizationId = org.Id,
                OperatorOrganizationId = runByCentre ? centre!.Id : null,
                Address = $"{town.Name}人民政府院内（演示地址）",
                OpenedOn = new DateOnly(2020, 3, 18).AddMonths(n * 4),
                ContractFrom = runByCentre ? new DateOnly(2020, 3, 1) : null,
                ContractTo = runByCentre ? new DateOnly(2026, 12, 31) : null,
                FundingYuan = runByCentre ? 200_000m : null,
                Status = n == towns.Count - 1 ? "preparing" : "operating",
                Note = "演示数据",
            }, ct);
            if (station.Status == StationStatus.Preparing) station.OpenedOn = null;

            var people = await db.Persons.Where(p => p.DivisionCode.StartsWith(town.Code.Substring(0, 9)) && p.LifeStatus == LifeStatus.Alive
                    && p.BirthDate <= today.AddYears(-23) && p.BirthDate >= today.AddYears(-55))
                .OrderBy(p => p.Id).Take(5).ToListAsync(ct);
            for (var i = 0; i < Math.Min(3, people.Count); i++)
            {
                var w = await staff.CreateAsync(new WorkerInput
                {
                    PersonId = people[i].Id,
                    StationId = station.Id,
                    Post = i == 0 ? "head" : i == 1 ? "worker" : "assistant",
                    CertificateLevel = i == 0 ? "intermediate" : "none",
                    CertificateNumber = i == 0 ? $"演示{2019}{n:D2}{i:D2}" : null,
                    JoinedOn = new DateOnly(2020, 4, 1).AddMonths(n * 4),
                }, ct);
                // the exam record: the second worker passes 助理 in one year, then 社会工作师 over two consecutive years;
                // the third passes 助理's subjects in different years (not yet qualified)
                (int Year, string Subject, decimal Score)[] exams = i switch
                {
                    1 => [(2021, "assistant-comprehensive", 72), (2021, "assistant-practice", 65), (2023, "intermediate-comprehensive", 61),
                        (2023, "intermediate-regulations", 58), (2024, "intermediate-practice", 66.5m), (2024, "intermediate-regulations", 70)],
                    2 => [(2023, "assistant-comprehensive", 64), (2023, "assistant-practice", 55), (2024, "assistant-practice", 62)],
                    _ => [],
                };
                foreach (var (year, subject, score) in exams.Where(e => e.Year <= today.Year))
                    await staff.AddExamAsync(w.Id, new ExamInput { Year = year, Subject = subject, Score = score }, ct);
            }

            var beneficiary = people.Count > 3 ? people[3] : null;
            for (var m = 0; m < 6; m++)
            {
                var on = today.AddMonths(-m).AddDays(-(n + m) % 10);
                await log.CreateAsync(new ServiceInput
                {
                    StationId = station.Id,
                    Kind = (m % 3) switch { 0 => "case", 1 => "group", _ => "community" },
                    Title = (m % 3) switch { 0 => "独居老人心理疏导个案（演示数据）", 1 => "留守儿童成长小组（演示数据）", _ => "邻里互助社区活动（演示数据）" },
                    StartedOn = on,
                    BeneficiaryPersonId = m % 3 == 0 ? beneficiary?.Id : null,
                    Needs = m % 3 == 0 ? "独居、情绪低落，需定期探访（演示数据）" : null,
                    Plan = m % 3 == 0 ? "每两周入户一次，链接志愿者陪伴（演示数据）" : null,
                    Sessions = (m % 3) switch { 0 => 4, 1 => 6, _ => 1 },
                    Participants = (m % 3) switch { 1 => 8 + n, 2 => 40 + 5 * n, _ => 1 },
                    ClosedOn = m >= 3 ? on.AddDays(20) > today ? today : on.AddDays(20) : null,
                }, ct);
            }
            if (beneficiary is not null && station.Status == StationStatus.Operating)
            {
                var sent = await referrals.SendAsync(new ReferralInput
                {
                    StationId = station.Id,
                    PersonId = beneficiary.Id,
                    Direction = "from-station",
                    Line = n % 2 == 0 ? "temporary" : "elderly-care",
                    Reason = "个案中发现家庭突发困难，建议评估临时救助（演示数据）",
                    SentOn = today.AddDays(-10 - n),
                }, ct);
                if (n % 3 == 1)
                {
                    sp.GetRequiredService<CurrentUser>().RunAsSystem("demo-receiver");
                    await referrals.StepAsync(sent.Id, Referrals.Step.Receive, new ReferralStepInput { Version = sent.Version }, ct);
                    sp.GetRequiredService<CurrentUser>().RunAsSystem("demo");
                }
                if (people.Count > 4)
                {
                    await referrals.SendAsync(new ReferralInput
                    {
                        StationId = station.Id,
                        PersonId = people[4].Id,
                        Direction = "to-station",
                        Line = "child-welfare",
                        Reason = "困境儿童家庭需要社工跟进心理支持（演示数据）",
                        SentOn = today.AddDays(-3 - n),
                    }, ct);
                }
            }
            n++;
        }
        await db.SaveChangesAsync(ct);
    }
}

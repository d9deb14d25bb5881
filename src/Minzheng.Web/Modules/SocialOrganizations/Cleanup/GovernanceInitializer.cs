using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.SocialOrganizations.Charity;
using Minzheng.Web.Modules.SocialOrganizations.Decoupling;
using Minzheng.Web.Modules.SocialOrganizations.Incubation;
using Minzheng.Web.Modules.SocialOrganizations.PartyBuilding;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Modules.SocialOrganizations.Reports;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.SocialOrganizations.Cleanup;

/// <summary>
/// The governance figures and demo data. 慈善法 art. 22's registration years are CONFIRMED-P (real rows, every mode); the
/// zombie thresholds are a local choice (demo rows marked 演示数据). In demo mode: two trade associations part-way through
/// 脱钩, a party record on every demo organisation (some 未建立), one zombie candidate (北流市新荣镇乡村振兴服务中心: no report
/// since registration) with a first contact, a few library rows, and 玉林市慈善总会 recognised with public fundraising.
/// Runs after the core and the other parts (Order 199) and adds annual reports only for years no part has written, and only
/// up to two years back, so the reports part's own demo (the latest year, late filings) is left as it made it.
/// </summary>
public sealed class GovernanceInitializer : IModuleInitializer
{
    public const string ZombieName = "北流市新荣镇乡村振兴服务中心";
    public const string CharityName = "玉林市慈善总会";

    public int Order => 199;

    public async Task InitializeAsync(IServiceProvider services, bool demo, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (!await db.Set<Figure>().AnyAsync(f => f.Module == SocialOrganizationFigures.Module && f.Kind == GovernanceFigures.FundraisingMinYears.Code, ct))
        {
            db.AddRange(FigureRows(demo));
            await db.SaveChangesAsync(ct);
        }
        if (demo && !await db.Set<PartyOrganizationRecord>().IgnoreQueryFilters().AnyAsync(ct)) await DemoAsync(services, ct);
    }

    public static List<Figure> FigureRows(bool demo)
    {
        Figure Row(FigureKind k, int number, DateOnly from, string document, bool isDemo) => new()
        {
            Module = k.Module,
            Kind = k.Code,
            DivisionCode = RegistrationAuthority.City,
            Number = number,
            ValidFrom = from,
            Document = document,
            IsDemo = isDemo,
            CreatedBy = "system",
        };
        var rows = new List<Figure>
        {
            Row(GovernanceFigures.FundraisingMinYears, 2, new DateOnly(2016, 9, 1), "中华人民共和国慈善法（2016）第二十二条：依法登记满二年的慈善组织，可以申请公开募捐资格", false),
            Row(GovernanceFigures.FundraisingMinYears, 1, new DateOnly(2024, 9, 5), "中华人民共和国慈善法（2023年修正）第二十二条：依法登记满一年的慈善组织，可以申请公开募捐资格", false),
        };
        if (demo)
        {
            rows.Add(Row(GovernanceFigures.ZombieMissingReportYears, 2, new DateOnly(2020, 1, 1), "演示数据（“连续2年不参加年检”的规定未见原文，rules.md §6.1 未确认）", true));
            rows.Add(Row(GovernanceFigures.ZombieInactiveMonths, 24, new DateOnly(2020, 1, 1), "演示数据（无活动期限为本地选择，未确认）", true));
        }
        return rows;
    }

    private static async Task DemoAsync(IServiceProvider root, CancellationToken ct)
    {
        using var scope = root.GetRequiredService<IServiceScopeFactory>().CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<CurrentUser>().RunAsSystem("demo");
        var db = sp.GetRequiredService<AppDbContext>();
        var today = sp.GetRequiredService<BusinessClock>().Today;
        var protector = sp.GetRequiredService<IdentifierProtector>();
        var orgs = await (from p in db.Set<SocialOrganizationProfile>()
                          join o in db.Set<Organization>() on p.OrganizationId equals o.Id
                          select new { p, o }).ToListAsync(ct);
        if (orgs.Count == 0) return;
        var byName = orgs.ToDictionary(x => x.o.Name);

        // annual reports filed on time up to two years back for every organisation but the zombie candidate
        var existing = (await db.Set<AnnualReport>().Select(r => new { r.OrganizationId, r.Year }).ToListAsync(ct)).Select(r => (r.OrganizationId, r.Year)).ToHashSet();
        foreach (var x in orgs.Where(x => x.o.Name != ZombieName && x.o.RegisteredOn is not null))
        {
            for (var y = x.o.RegisteredOn!.Value.Year; y <= today.Year - 2; y++)
            {
                if (existing.Contains((x.o.Id, y))) continue;
                if (ReportDeadlines.For(y, x.o.RegisteredOn.Value, ReportDeadlines.Statutory(x.p.Kind)).Exempt) continue;
                db.Add(new AnnualReport
                {
                    OrganizationId = x.o.Id,
                    DivisionCode = x.p.DivisionCode,
                    Year = y,
                    Status = AnnualReportStatus.Concluded,
                    SubmittedOn = new DateOnly(y + 1, 3, 20),
                    Conclusion = InspectionConclusion.Qualified,
                    ConcludedOn = new DateOnly(y + 1, 6, 30),
                });
            }
        }

        // party organisations: most covered, two 未建立
        (string Name, PartyOrganizationStatus Status, int Members, string? Instructor)[] party =
        [
            (CharityName, PartyOrganizationStatus.Own, 9, null),
            ("玉林市餐饮行业协会", PartyOrganizationStatus.Own, 5, null),
            ("玉林市助学基金会", PartyOrganizationStatus.Joint, 2, null),
            ("容县老年人协会", PartyOrganizationStatus.Own, 12, null),
            (SocialOrganizationsInitializer.DemoOrganizationName, PartyOrganizationStatus.Instructor, 1, "李建华"),
            ("容县书法家协会", PartyOrganizationStatus.None, 0, null),
            ("北流市陶瓷行业协会", PartyOrganizationStatus.Joint, 2, null),
            (ZombieName, PartyOrganizationStatus.None, 0, null),
        ];
        foreach (var (name, status, members, instructor) in party)
        {
            if (!byName.TryGetValue(name, out var x)) continue;
            x.p.PartyOrganization = status;
            db.Add(new PartyOrganizationRecord
            {
                OrganizationId = x.o.Id,
                DivisionCode = x.p.DivisionCode,
                Status = status,
                EstablishedOn = status == PartyOrganizationStatus.None ? null : new DateOnly(2021, 7, 1),
                PartyMembers = members,
                InstructorName = instructor,
                RecordedBy = "demo",
            });
        }

        // 脱钩 in progress for the two trade associations
        if (byName.TryGetValue("玉林市餐饮行业协会", out var catering))
        {
            var r = new DecouplingRecord { OrganizationId = catering.o.Id, DivisionCode = catering.p.DivisionCode };
            r.Set(Separation.Institution, SeparationStatus.Done, new DateOnly(2019, 6, 30));
            r.Set(Separation.Functions, SeparationStatus.Done, new DateOnly(2019, 12, 31));
            r.Set(Separation.AssetsFinance, SeparationStatus.InProgress, new DateOnly(2020, 3, 1));
            r.Set(Separation.Personnel, SeparationStatus.Done, new DateOnly(2020, 6, 30));
            r.Set(Separation.PartyAndForeignAffairs, SeparationStatus.InProgress, new DateOnly(2020, 9, 1));
            db.Add(r);
        }
        if (byName.TryGetValue("北流市陶瓷行业协会", out var ceramics))
        {
            var r = new DecouplingRecord { OrganizationId = ceramics.o.Id, DivisionCode = ceramics.p.DivisionCode };
            r.Set(Separation.Institution, SeparationStatus.Done, new DateOnly(2020, 5, 15));
            r.Set(Separation.Functions, SeparationStatus.InProgress, new DateOnly(2020, 8, 1));
            db.Add(r);
        }

        // the zombie candidate: a first contact already made
        if (byName.TryGetValue(ZombieName, out var zombie))
        {
            db.Add(new CleanupStep
            {
                OrganizationId = zombie.o.Id,
                DivisionCode = zombie.p.DivisionCode,
                Kind = CleanupStepKind.Contact,
                On = today.AddDays(-20),
                Note = "按登记电话联系负责人，未接通；已寄送约谈通知书（演示）",
                RecordedBy = "demo",
                RecordedAt = DateTime.UtcNow,
            });
        }

        // 玉林市慈善总会: recognised as a charity and qualified for public fundraising
        if (byName.TryGetValue(CharityName, out var charity))
        {
            QualificationApplication Granted(QualificationKind kind, string number, DateOnly applied, DateOnly decided, string document) => new()
            {
                OrganizationId = charity.o.Id,
                DivisionCode = charity.p.DivisionCode,
                Number = number,
                Kind = kind,
                AppliedOn = applied,
                CharitablePurpose = true,
                NonProfitCharter = true,
                SoundFinance = true,
                NoBarredLeader = true,
                BoardResolution = true,
                Status = QualificationStatus.Granted,
                DecidedOn = decided,
                DecisionNumber = document,
                DecisionNote = "符合条件（演示）",
                DecidedBy = "demo",
                RecordedBy = "demo",
            };
            db.Add(Granted(QualificationKind.CharityRecognition, "SZZG2017000001", new DateOnly(2017, 3, 1), new DateOnly(2017, 3, 20), "玉民社认字〔2017〕1号（演示）"));
            db.Add(Granted(QualificationKind.PublicFundraising, "SZZG2017000002", new DateOnly(2017, 5, 2), new DateOnly(2017, 5, 19), "玉民社募字〔2017〕1号（演示）"));
        }

        // incubation libraries
        if (byName.TryGetValue("玉林市助学基金会", out var fund))
        {
            db.Add(new FundingProgramme
            {
                FunderOrganizationId = fund.o.Id,
                DivisionCode = fund.p.DivisionCode,
                Title = "困境儿童课业辅导资助计划（演示）",
                Field = "education",
                MinAmount = Money.FromYuan(5_000m),
                MaxAmount = Money.FromYuan(50_000m),
                StartsOn = new DateOnly(today.Year, 1, 1),
                EndsOn = new DateOnly(today.Year + 1, 12, 31),
            });
        }
        if (byName.TryGetValue(SocialOrganizationsInitializer.DemoOrganizationName, out var sun))
        {
            db.Add(new SupportProject { OrganizationId = sun.o.Id, DivisionCode = sun.p.DivisionCode, Title = "留守儿童周末课业辅导（演示）", Field = "education", Budget = Money.FromYuan(30_000m), Beneficiaries = 60 });
        }
        if (byName.TryGetValue(ZombieName, out var rural))
        {
            db.Add(new SupportProject { OrganizationId = rural.o.Id, DivisionCode = rural.p.DivisionCode, Title = "百香果种植技术培训（演示）", Field = "agriculture", Budget = Money.FromYuan(80_000m), Beneficiaries = 200 });
        }
        db.Add(new IncubationExpert { DivisionCode = RegistrationAuthority.City, Name = "周敏（演示）", Field = "social-service", Title = "高级社会工作师", PhoneCipher = protector.Encrypt("13907750001", ProtectedKind.Phone), PhoneMasked = Person.MaskPhone("13907750001") });
        db.Add(new IncubationExpert { DivisionCode = RegistrationAuthority.City, Name = "梁志远（演示）", Field = "education", Title = "中学高级教师、公益项目评审", PhoneCipher = protector.Encrypt("13907750002", ProtectedKind.Phone), PhoneMasked = Person.MaskPhone("13907750002") });
        await db.SaveChangesAsync(ct);
    }
}

using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Web.Modules.Community.Committees;

/// <summary>
/// Makes every village-level division of the tree a committee, kept as a registry organisation (a 居委会 or 村委会 some other
/// module registered first, as the volunteering demo does for 新南社区, is taken over rather than doubled); seeds the
/// committee figures from the two laws (CONFIRMED-P: terms 3 years from 1998-11-04 and 5 from 2018-12-29; 3–7 and 5–9
/// members; one representative per 5–15 households; women at least a third of the representatives); in demo mode gives
/// two committees their members, reviews and an audit.
/// </summary>
public sealed class CommitteesInitializer : IModuleInitializer
{
    public const string City = "450900000000";
    public const string Xinnan = "450921100003";
    public const string Hongguang = "450921100202";

    public int Order => 196;

    public async Task InitializeAsync(IServiceProvider services, bool demo, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        await FiguresAsync(db, ct);
        // one transaction: 1,508 organisations with their numbers are written at once (on SQLite every statement outside a
        // transaction is its own commit), and a failed start leaves no half of the villages with committees
        var watch = System.Diagnostics.Stopwatch.StartNew();
        int created;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            created = await EnsureCommitteesAsync(services, ct);
            await tx.CommitAsync(ct);
        }
        if (created > 0)
            services.GetRequiredService<ILoggerFactory>().CreateLogger<CommitteesInitializer>().LogInformation("Village and residents' committees created: {Count} in {Seconds:F1} s", created, watch.Elapsed.TotalSeconds);
        if (demo && !await db.Set<CommitteeMember>().IgnoreQueryFilters().AnyAsync(ct)) await DemoAsync(services, ct);
    }

    private static async Task FiguresAsync(AppDbContext db, CancellationToken ct)
    {
        if (await db.Set<Figure>().AnyAsync(f => f.Module == CommunityModule.FigureModule && f.Kind == CommitteeFigures.TermYears.Code, ct)) return;
        const string law2018 = "《村民委员会组织法》（2018年12月29日修正）";
        var y1998 = new DateOnly(1998, 11, 4);
        var y2018 = new DateOnly(2018, 12, 29);
        db.Add(Row(CommitteeFigures.TermYears, "", y1998, "《村民委员会组织法》（1998）第十一条、《城市居民委员会组织法》（1989）第八条：每届任期三年", 3, y2018.AddDays(-1)));
        db.Add(Row(CommitteeFigures.TermYears, "", y2018, law2018 + "第十一条、《城市居民委员会组织法》（2018年12月29日修正）第八条：每届任期五年", 5));
        db.Add(Row(CommitteeFigures.MinMembers, CommitteeRules.VillageCategory, y1998, law2018 + "第六条：由主任、副主任和委员共三至七人组成", 3));
        db.Add(Row(CommitteeFigures.MaxMembers, CommitteeRules.VillageCategory, y1998, law2018 + "第六条：由主任、副主任和委员共三至七人组成", 7));
        db.Add(Row(CommitteeFigures.MinMembers, CommitteeRules.ResidentsCategory, new DateOnly(1990, 1, 1), "《城市居民委员会组织法》第七条：由主任、副主任和委员共五至九人组成", 5));
        db.Add(Row(CommitteeFigures.MaxMembers, CommitteeRules.ResidentsCategory, new DateOnly(1990, 1, 1), "《城市居民委员会组织法》第七条：由主任、副主任和委员共五至九人组成", 9));
        var y2010 = new DateOnly(2010, 10, 28);
        db.Add(Row(CommitteeFigures.HouseholdsPerRepresentativeMin, "", y2010, "《村民委员会组织法》第二十五条：每五户至十五户推选一人", 5));
        db.Add(Row(CommitteeFigures.HouseholdsPerRepresentativeMax, "", y2010, "《村民委员会组织法》第二十五条：每五户至十五户推选一人", 15));
        db.Add(Row(CommitteeFigures.WomenRepresentativeFraction, "", y2010, "《村民委员会组织法》第二十五条：妇女村民代表应当占村民代表会议组成人员的三分之一以上", 3));
        await db.SaveChangesAsync(ct);
    }

    private static Figure Row(FigureKind kind, string category, DateOnly from, string document, int number, DateOnly? to = null) => new()
    {
        Module = CommunityModule.FigureModule,
        Kind = kind.Code,
        DivisionCode = City,
        Category = category,
        Number = number,
        ValidFrom = from,
        ValidTo = to,
        Document = document,
        CreatedBy = "system",
    };

    /// <summary>One committee for each village-level division without one (also after a division change creates villages).</summary>
    public static async Task<int> EnsureCommitteesAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var divisions = services.GetRequiredService<DivisionDirectory>();
        var registration = services.GetRequiredService<OrganizationRegistration>();
        var numbers = services.GetRequiredService<CaseNumbers>();
        var have = (await db.Set<Committee>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Where(c => c.ClosedOn == null).Select(c => c.DivisionCode).ToListAsync(ct)).ToHashSet();
        var missing = divisions.All.Where(d => d.Level == DivisionLevel.Village && !have.Contains(d.Code)).OrderBy(d => d.Code).ToList();
        if (missing.Count == 0) return 0;
        var codes = missing.Select(d => d.Code).ToList();
        var existing = (await db.Organizations.IgnoreQueryFilters([AppDbContext.ScopeFilter])
                .Where(o => o.Kind == OrganizationKind.ResidentsCommittee && codes.Contains(o.DivisionCode) && o.Status == OrganizationStatus.Active)
                .Select(o => new { o.Id, o.DivisionCode }).ToListAsync(ct))
            .GroupBy(o => o.DivisionCode).ToDictionary(g => g.Key, g => g.First().Id);
        var taken = (await db.Set<Committee>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Select(c => c.OrganizationId).ToListAsync(ct)).ToHashSet();
        foreach (var d in missing)
        {
            var name = CommitteesFollowDivisions.NameOf(d.Name, d.Code);
            if (!existing.TryGetValue(d.Code, out var organizationId) || taken.Contains(organizationId))
            {
                var o = registration.New(new OrganizationInput { Name = name, Kind = OrganizationKind.ResidentsCommittee, DivisionCode = d.Code }, null);
                o.PlatformNumber = (await numbers.NextAsync(new NumberSeries("MZO" + d.Code, null, 4),
                    db.Organizations.IgnoreQueryFilters([AppDbContext.ScopeFilter]).Where(x => x.DivisionCode == d.Code).Select(x => x.PlatformNumber), ct));
                db.Organizations.Add(o);
                organizationId = o.Id;
            }
            db.Add(new Committee { OrganizationId = organizationId, DivisionCode = d.Code, Name = name, Kind = CommitteeRules.KindOf(d.Code) });
        }
        await db.SaveChangesAsync(ct);
        return missing.Count;
    }

    private static async Task DemoAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var committees = await db.Set<Committee>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Where(c => (c.DivisionCode == Xinnan || c.DivisionCode == Hongguang) && c.ClosedOn == null).ToListAsync(ct);
        var termFrom = new DateOnly(2018, 1, 20); // the 2017–2018 round: a three-year term under the 1998 law, renewed in 2021
        foreach (var c in committees)
        {
            var village = c.Kind == CommitteeKind.Village;
            c.Households = village ? 412 : 1860;
            c.MinorityGroups = village ? "壮族" : "";
            c.MonthlyFinance = !village;
            c.TermFrom = termFrom;
            c.TermUntil = CommitteeRules.TermUntil(termFrom, 3);
            var people = await db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking()
                .Where(p => p.DivisionCode == c.DivisionCode && p.LifeStatus == LifeStatus.Alive && p.BirthDate < new DateOnly(1990, 1, 1) && p.BirthDate > new DateOnly(1955, 1, 1))
                .OrderBy(p => p.Id).Take(30).ToListAsync(ct);
            var posts = village
                ? new[] { CommitteePost.Director, CommitteePost.DeputyDirector, CommitteePost.Member, CommitteePost.Member, CommitteePost.Supervisor, CommitteePost.Supervisor, CommitteePost.Supervisor }
                : [CommitteePost.Director, CommitteePost.DeputyDirector, CommitteePost.DeputyDirector, CommitteePost.Member, CommitteePost.Member, CommitteePost.Member, CommitteePost.Supervisor, CommitteePost.Supervisor, CommitteePost.Supervisor];
            var i = 0;
            foreach (var post in posts)
            {
                if (i >= people.Count) break;
                var p = people[i++];
                db.Add(new CommitteeMember
                {
                    CommitteeId = c.Id,
                    DivisionCode = c.DivisionCode,
                    PersonId = p.Id,
                    Name = p.Name,
                    Sex = p.Sex,
                    Ethnicity = p.Ethnicity,
                    Post = post,
                    TermFrom = termFrom,
                    TermUntil = c.TermUntil,
                });
            }
            if (village)
            {
                // twelve representatives for 412 households would be too few (28–82): the check shows it
                for (var r = 0; r < 12 && i < people.Count; r++, i++)
                {
                    var p = people[i];
                    db.Add(new CommitteeMember { CommitteeId = c.Id, DivisionCode = c.DivisionCode, PersonId = p.Id, Name = p.Name, Sex = p.Sex, Ethnicity = p.Ethnicity, Post = CommitteePost.Representative, Detail = $"第{r % 6 + 1}村民小组", TermFrom = termFrom, TermUntil = c.TermUntil });
                }
                db.Add(new CommitteeAudit
                {
                    CommitteeId = c.Id,
                    DivisionCode = c.DivisionCode,
                    Kind = AuditKind.Term,
                    Subject = "第十届村民委员会任期（演示数据）",
                    PeriodFrom = termFrom,
                    PeriodUntil = new DateOnly(2020, 6, 30),
                    AuditedOn = new DateOnly(2020, 9, 15),
                    Auditor = "容州镇农村经济经营管理站（演示数据）",
                    Findings = "收支手续基本完备；两笔补助资金未及时公开（演示数据）",
                });
            }
        }
        await db.SaveChangesAsync(ct);
    }
}

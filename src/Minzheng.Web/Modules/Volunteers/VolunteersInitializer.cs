using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Volunteers.Records;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Volunteers;

/// <summary>
/// The star figures (the common national scheme, rules.md §10) and, in demo mode, three volunteer organisations — 容县's
/// social-work centre (account <c>yangguang.org</c>), 新南社区居委会 (account <see cref="CommitteeUserName"/>) and a 北流 team —
/// with volunteers from the registry, past activities whose service is verified (so hours, stars and the time bank show) and
/// one record waiting for the organiser's verification.
/// </summary>
public sealed class VolunteersInitializer : IModuleInitializer
{
    public const string City = "450900000000";
    public const string CommitteeUserName = "xinnan.committee";

    /// <summary>A citizen account bound to the first volunteer of 新南社区居委会's team (signs up, scans in and out on the phone).</summary>
    public const string CitizenUserName = "zhiyuan.citizen";
    public const string CommitteeName = "容县容州镇新南社区居民委员会";
    public const string CentreName = "容县阳光社会工作服务中心";
    public const string BeiliuTeamName = "北流市志愿服务联合会";

    public int Order => 190;

    public async Task InitializeAsync(IServiceProvider services, bool demo, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (!await db.Set<Figure>().AnyAsync(f => f.Module == VolunteerFigures.Module && f.Kind == VolunteerFigures.StarHours.Code, ct))
        {
            db.AddRange(FigureRows());
            await db.SaveChangesAsync(ct);
        }
        if (demo && !await db.Set<VolunteerTeam>().IgnoreQueryFilters().AnyAsync(ct)) await DemoAsync(services, ct);
    }

    /// <summary>★1–★5 at 100 / 300 / 600 / 1,000 / 1,500 hours: CONFIRMED-S as the common national scheme, so real rows.</summary>
    public static List<Figure> FigureRows()
    {
        int[] hours = [100, 300, 600, 1000, 1500];
        return hours.Select((h, i) => new Figure
        {
            Module = VolunteerFigures.Module,
            Kind = VolunteerFigures.StarHours.Code,
            DivisionCode = City,
            Category = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Number = h,
            ValidFrom = new DateOnly(2017, 12, 1),
            Document = "共青团中央《中国注册志愿者管理办法》星级认证：累计志愿服务时间达到100、300、600、1000、1500小时的，分别认定为一星至五星志愿者（平台自《志愿服务条例》施行之日起采用）",
            CreatedBy = "system",
        }).ToList();
    }

    private static async Task DemoAsync(IServiceProvider root, CancellationToken ct)
    {
        using var scope = root.GetRequiredService<IServiceScopeFactory>().CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<CurrentUser>().RunAsSystem("demo");
        var db = sp.GetRequiredService<AppDbContext>();
        var clock = sp.GetRequiredService<BusinessClock>();
        var numbers = sp.GetRequiredService<CaseNumbers>();
        var hours = sp.GetRequiredService<VolunteerHours>();
        var registration = sp.GetRequiredService<OrganizationRegistration>();
        var today = clock.Today;

        var centre = await db.Organizations.FirstOrDefaultAsync(o => o.Name == CentreName, ct)
            ?? await registration.CreateAsync(new OrganizationInput { Name = CentreName, Kind = OrganizationKind.SocialServiceAgency, DivisionCode = "450921100003", LegalRepresentativeName = "梁阳光", RegisteredOn = new DateOnly(2018, 7, 9) }, ct);
        var committee = await registration.CreateAsync(new OrganizationInput
        {
            Name = CommitteeName,
            Kind = OrganizationKind.ResidentsCommittee,
            DivisionCode = "450921100003",
            Address = "容县容州镇新南社区（演示地址）",
            LegalRepresentativeName = "（演示）",
            RegisteredOn = new DateOnly(2018, 12, 29),
        }, ct);
        var beiliu = await registration.CreateAsync(new OrganizationInput
        {
            Name = BeiliuTeamName,
            Kind = OrganizationKind.SocialGroup,
            DivisionCode = "450981100000",
            Address = "北流市北流镇（演示地址）",
            LegalRepresentativeName = "（演示）",
            RegisteredOn = new DateOnly(2016, 3, 5),
        }, ct);
        VolunteerTeam Team(Organization o, VolunteerTeamKind kind, string contact) => new()
        {
            OrganizationId = o.Id,
            DivisionCode = o.DivisionCode,
            Name = o.Name,
            Kind = kind,
            ContactName = contact,
            ContactPhone = "0775-0000000（演示）",
            RegisteredOn = new DateOnly(2020, 3, 5),
        };
        var teamCommittee = Team(committee, VolunteerTeamKind.ResidentsCommittee, "新南社区志愿服务队（演示）");
        var teamCentre = Team(centre, VolunteerTeamKind.SocialOrganization, "梁阳光（演示）");
        var teamBeiliu = Team(beiliu, VolunteerTeamKind.SocialOrganization, "北流市志愿服务联合会秘书处（演示）");
        db.AddRange(teamCommittee, teamCentre, teamBeiliu);

        async Task<List<Person>> AdultsAsync(string county, int count) =>
            await db.Persons.Where(p => p.DivisionCode.StartsWith(county) && p.LifeStatus == LifeStatus.Alive
                    && p.BirthDate <= today.AddYears(-18) && p.BirthDate >= today.AddYears(-65))
                .OrderBy(p => p.Id).Take(count).ToListAsync(ct);
        var rongxian = await AdultsAsync("450921", 10);
        var beiliuPeople = await AdultsAsync("450981", 3);

        var volunteers = new List<Volunteer>();
        async Task<Volunteer> RegisterAsync(Person p, VolunteerTeam first, params VolunteerTeam[] more)
        {
            var v = new Volunteer
            {
                PersonId = p.Id,
                Number = await numbers.NextVolunteerAsync(db, p.DivisionCode, 2020, ct),
                DivisionCode = p.DivisionCode,
                Channel = VolunteerRegistrationChannel.Organization,
                RegisteredByOrganizationId = first.OrganizationId,
                RegisteredOn = new DateOnly(2020, 3, 5).AddDays(volunteers.Count * 3),
                ConsentedAt = clock.UtcNow,
                ConsentVersion = "2020-1",
                PublishConsent = volunteers.Count % 2 == 0,
                Skills = (volunteers.Count % 3) switch { 0 => "陪伴聊天、读报", 1 => "理发、家电维修", _ => "书法、辅导功课" },
                Availability = volunteers.Count % 2 == 0 ? "周末" : "工作日晚上",
            };
            foreach (var t in new[] { first }.Concat(more))
            {
                v.Memberships.Add(new VolunteerMembership { TeamId = t.Id, OrganizationId = t.OrganizationId, DivisionCode = t.DivisionCode, JoinedOn = v.RegisteredOn, CreatedAt = clock.UtcNow });
            }
            db.Add(v);
            volunteers.Add(v);
            return v;
        }
        var committeeVolunteers = new List<Volunteer>();
        var centreVolunteers = new List<Volunteer>();
        for (var i = 0; i < rongxian.Count; i++)
        {
            var v = i < 4 ? await RegisterAsync(rongxian[i], teamCommittee)
                : i < 6 ? await RegisterAsync(rongxian[i], teamCommittee, teamCentre)
                : await RegisterAsync(rongxian[i], teamCentre);
            if (i < 6) committeeVolunteers.Add(v);
            if (i >= 4) centreVolunteers.Add(v);
        }
        var beiliuVolunteers = new List<Volunteer>();
        foreach (var p in beiliuPeople) beiliuVolunteers.Add(await RegisterAsync(p, teamBeiliu));

        // activities: past ones with verified service, one awaiting verification, one recruiting
        DateTime Local(DateOnly day, int hour) => BusinessClock.FromChina(day.ToDateTime(new TimeOnly(hour, 0)));
        async Task<VolunteerActivity> ActivityAsync(VolunteerTeam team, string title, ServiceCategory category, DateOnly day, int from, int to, ActivityStatus status, string place, string risk)
        {
            var a = new VolunteerActivity
            {
                Number = await numbers.NextActivityAsync(db, team.DivisionCode, day.Year, ct),
                TeamId = team.Id,
                OrganizationId = team.OrganizationId,
                DivisionCode = team.DivisionCode,
                Title = title,
                Category = category,
                Place = place,
                StartsAt = Local(day, from),
                EndsAt = Local(day, to),
                Description = title + "（演示）",
                RiskDisclosure = risk,
                MinAge = 18,
                MaxAge = 70,
                Capacity = 20,
                Status = status,
                AbilityRequirements = "身体健康，能步行上下楼",
            };
            db.Add(a);
            return a;
        }
        const string homeRisk = "入户服务须两人同行；注意老人居家用电、防跌倒；不得收取服务对象任何财物";
        var visits = await ActivityAsync(teamCommittee, "重阳节走访慰问独居老人", ServiceCategory.ElderlyCare, today.AddDays(-36), 9, 12, ActivityStatus.Finished, "新南社区各独居老人家中", homeRisk);
        var cleanup = await ActivityAsync(teamCommittee, "社区环境卫生整治", ServiceCategory.Community, today.AddDays(-20), 8, 11, ActivityStatus.Finished, "新南社区公共区域", "注意交通安全，佩戴手套，不攀高作业");
        var reading = await ActivityAsync(teamCentre, "长者陪伴·读报聊天", ServiceCategory.ElderlyCare, today.AddDays(-6), 14, 17, ActivityStatus.Finished, "容州镇日间照料中心", homeRisk);
        await ActivityAsync(teamCommittee, "关爱留守儿童周末课堂", ServiceCategory.Children, today.AddDays(8), 9, 11, ActivityStatus.Recruiting, "新南社区儿童之家", "未成年人服务须两名以上志愿者在场，不得单独带离儿童");
        var beiliuVisit = await ActivityAsync(teamBeiliu, "敬老院助餐助洁", ServiceCategory.ElderlyCare, today.AddDays(-15), 9, 12, ActivityStatus.Finished, "北流市敬老院", homeRisk);
        await db.SaveChangesAsync(ct);

        var records = new List<(ServiceRecord Record, bool Verify)>();
        void Attend(VolunteerActivity a, Volunteer v, int travel, int shortBy, bool verify)
        {
            var checkOut = a.EndsAt.AddMinutes(-shortBy);
            records.Add((new ServiceRecord
            {
                ActivityId = a.Id,
                VolunteerId = v.Id,
                TeamId = a.TeamId,
                OrganizationId = a.OrganizationId,
                DivisionCode = a.DivisionCode,
                Category = a.Category,
                CheckInAt = a.StartsAt,
                CheckInSource = AttendanceSource.QrCode,
                CheckOutAt = checkOut,
                CheckOutSource = AttendanceSource.QrCode,
                TravelMinutes = travel,
                ClaimedMinutes = ServiceRecord.Claimed(a.StartsAt, checkOut, travel),
                Status = ServiceRecordStatus.Submitted,
                Content = a.Title,
            }, verify));
        }
        for (var i = 0; i < committeeVolunteers.Count; i++) Attend(visits, committeeVolunteers[i], i % 2 == 0 ? 20 : 0, 0, true);
        for (var i = 0; i < 4; i++) Attend(cleanup, committeeVolunteers[i], 0, i * 10, true);
        for (var i = 0; i < centreVolunteers.Count; i++) Attend(reading, centreVolunteers[i], 0, 0, i != 0); // the first waits for verification
        foreach (var v in beiliuVolunteers) Attend(beiliuVisit, v, 30, 0, true);
        foreach (var (r, verify) in records)
        {
            db.Add(r);
            if (!verify) continue;
            r.Status = ServiceRecordStatus.Verified;
            r.VerifiedMinutes = r.ClaimedMinutes;
            r.VerifiedBy = "演示";
            r.VerifiedAt = clock.UtcNow;
            await hours.ApplyAsync(r, 0, ct);
            await db.SaveChangesAsync(ct);
        }
        await db.SaveChangesAsync(ct);

        var users = sp.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(CommitteeUserName) is { } account)
        {
            account.OrganizationId = committee.Id;
            await users.UpdateAsync(account);
        }
        if (await users.FindByNameAsync(CitizenUserName) is { } citizen && rongxian.Count > 0)
        {
            citizen.PersonId = rongxian[0].Id;
            citizen.DisplayName = rongxian[0].Name;
            citizen.DivisionCode = rongxian[0].DivisionCode;
            await users.UpdateAsync(citizen);
        }
    }
}

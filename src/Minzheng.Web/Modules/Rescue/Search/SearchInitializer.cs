using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Rescue.Stays;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Rescue.Search;

/// <summary>
/// Demo only: an unidentified man received by 玉林市救助管理站 yesterday evening, registered with a platform number, with his
/// published 寻亲公告 (on the public page) and a DNA request not yet sent, so the demo shows the search at work.
/// </summary>
public sealed class SearchInitializer : IModuleInitializer
{
    public const string DemoVillage = "450902001001";

    // after the rescue core (182), which creates the stations
    public int Order => 186;

    public async Task InitializeAsync(IServiceProvider services, bool demo, CancellationToken ct)
    {
        if (!demo) return;
        var db = services.GetRequiredService<AppDbContext>();
        if (!await db.Set<Platform.Figures.Figure>().AnyAsync(f => f.Module == StayFaces.MatchThreshold.Module && f.Kind == StayFaces.MatchThreshold.Code, ct))
        {
            db.Add(StayFaces.DemoThreshold(RescueInitializer.City));
            await db.SaveChangesAsync(ct);
        }
        if (await db.Set<SearchNotice>().IgnoreQueryFilters().AnyAsync(ct)) return;
        var station = await db.Set<RescueStation>().IgnoreQueryFilters().FirstOrDefaultAsync(s => s.DivisionCode == "450902000000", ct);
        if (station is null) return;
        using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<CurrentUser>().RunAsSystem("demo");
        var sdb = sp.GetRequiredService<AppDbContext>();
        var clock = sp.GetRequiredService<BusinessClock>();
        var person = await sp.GetRequiredService<PersonRegistration>().CreateAsync(new PersonInput
        {
            NoIdNumber = true,
            Name = SearchText.Unnamed,
            Sex = Sex.Male,
            BirthDate = new DateOnly(clock.Today.Year - 55, 1, 1),
            DivisionCode = DemoVillage,
        }, ct);
        var admittedAt = clock.UtcNow.AddHours(-14);
        var admittedOn = DateOnly.FromDateTime(BusinessClock.ToChina(admittedAt));
        var numbers = sp.GetRequiredService<CaseNumbers>();
        var stay = new RescueStay
        {
            Number = await numbers.NextAsync(new NumberSeries("JZ" + station.DivisionCode[..6], admittedOn.Year, 4), sdb.Set<RescueStay>().IgnoreQueryFilters().Select(s => (string?)s.Number), ct),
            StationId = station.Id,
            DivisionCode = station.DivisionCode,
            PersonId = person.Id,
            Source = StaySource.Police,
            AdmittedAt = admittedAt,
            AdmittedOn = admittedOn,
            IdentityKnown = false,
            DeclaredOrigin = "不详（言语不清）",
            Situation = "演示数据：玉林火车站派出所民警护送入站，言语不清，不能说出姓名和住址",
            RecordedBy = "demo",
        };
        sdb.Add(stay);
        await sdb.SaveChangesAsync(ct);
        var search = sp.GetRequiredService<FamilySearch>();
        var file = await search.OpenAsync(stay.Id, ct);
        file = await search.SaveNoticeAsync(stay.Id, new NoticeInput
        {
            Name = SearchText.Unnamed,
            Sex = "male",
            Age = 55,
            AgeEstimated = true,
            HeightCm = 168,
            Health = "体弱，左腿行走不便",
            MentalState = "言语不清，反应较慢",
            Features = "平头，头发花白，左眉上方有一道疤痕，偏瘦",
            Clothing = "深蓝色夹克，灰色长裤，黑色布鞋",
            FoundOn = admittedOn,
            FoundPlace = "玉林火车站广场",
            Version = file.Notice.Version,
        }, ct);
        await search.PublishAsync(stay.Id, file.Notice.Version, ct);
    }
}

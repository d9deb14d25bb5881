using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Geography.PlaceNames;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;

namespace Minzheng.Web.Modules.Geography;

/// <summary>
/// Seeds the place-name registry from the division tree in every mode (issue 17: the 1,626 names of 玉林市, its counties and
/// townships as 行政区划 names, and the seat of each village and residents' committee — 新南社区居委会 sits at 新南社区 — as
/// 村（居）民委员会驻地 names, all standard), once, when the registry holds none of them. In demo mode also a few streets of
/// 容县县城 with coordinates, a non-standard name to clean up, and two built-up areas, all marked 演示数据.
/// </summary>
public sealed class GeographyInitializer : IModuleInitializer
{
    public const string DemoTown = "450921100000"; // 容县 容州镇
    public const string DemoVillage = "450921100003"; // 容州镇 新南社区

    public int Order => 193;

    public async Task InitializeAsync(IServiceProvider services, bool demo, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var spelling = services.GetRequiredService<PlaceNameSpelling>();
        if (!await db.Set<PlaceName>().IgnoreQueryFilters().AnyAsync(n => n.NamedDivisionCode != null, ct))
        {
            var divisions = await db.Set<Division>().AsNoTracking().Where(d => d.Level != DivisionLevel.Province).ToListAsync(ct);
            db.AddRange(divisions.Select(d => FromDivision(d, spelling)));
            await db.SaveChangesAsync(ct);
        }
        if (demo && !await db.Set<BuiltUpArea>().AnyAsync(ct)) await DemoAsync(db, spelling, ct);
        if (demo && !await db.Set<Signs.NameSign>().IgnoreQueryFilters().AnyAsync(ct)) await DemoSignsAsync(services, ct);
    }

    /// <summary>Demo signs of 容县县城 (one damaged, one inspected and repaired) and two lines of the clean-up ledger (one overdue), as the clerks would enter them.</summary>
    private static async Task DemoSignsAsync(IServiceProvider root, CancellationToken ct)
    {
        using var scope = root.GetRequiredService<IServiceScopeFactory>().CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<Platform.Access.CurrentUser>().RunAsSystem("demo");
        var db = sp.GetRequiredService<AppDbContext>();
        var today = sp.GetRequiredService<Platform.Time.BusinessClock>().Today;
        var cases = sp.GetRequiredService<Signs.SignCases>();
        var names = await db.Set<PlaceName>().Where(n => n.IsDemo && n.Status == PlaceNameStatus.Standard).OrderBy(n => n.Name).ToListAsync(ct);
        var signs = new List<Signs.NameSign>();
        foreach (var n in names.Where(n => n.Category == PlaceNameCategory.Street))
        {
            signs.Add(await cases.RegisterSignAsync(new Signs.SignInput
            {
                Kind = Signs.SignKind.Street,
                PlaceNameId = n.Id,
                Location = $"{n.Name}路口（演示数据）",
                DivisionCode = n.DivisionCode,
                Longitude = n.Longitude,
                Latitude = n.Latitude,
                Material = "铝合金反光",
                InstalledOn = today.AddYears(-3),
            }, ct));
        }
        foreach (var sign in await db.Set<Signs.NameSign>().Where(x => signs.Select(y => y.Id).Contains(x.Id)).ToListAsync(ct)) sign.IsDemo = true;
        await db.SaveChangesAsync(ct);
        if (signs.Count >= 2)
        {
            await cases.InspectAsync(signs[0].Id, new Signs.SignCheckInput(today.AddDays(-20), Signs.SignCondition.Damaged, "演示数据：牌面褪色、立柱倾斜", null, null, signs[0].Version), ct);
            await cases.InspectAsync(signs[1].Id, new Signs.SignCheckInput(today.AddDays(-40), Signs.SignCondition.Missing, "演示数据：路牌被撞缺失", today.AddDays(-10), "演示数据：已补装", signs[1].Version), ct);
        }
        var vienna = await db.Set<PlaceName>().FirstOrDefaultAsync(n => n.IsDemo && n.Status == PlaceNameStatus.NonStandard, ct);
        var found = await cases.RecordCleanupAsync(new Signs.CleanupInput
        {
            FoundName = vienna?.Name ?? "维也纳花园",
            Use = Signs.NameUse.PropertySale,
            Location = "容州镇新南社区售楼处广告牌（演示数据）",
            DivisionCode = DemoVillage,
            StandardName = "绣江花园",
            FoundOn = today.AddDays(-45),
            Note = "演示数据",
        }, ct);
        await cases.OrderAsync(found.Id, new Signs.CleanupMeasureInput(Signs.CleanupMeasure.OrderToCorrect, today, found.Version), ct);
        // an order whose deadline has passed (entered directly: the use case refuses a deadline in the past)
        found.Deadline = today.AddDays(-15);
        await db.SaveChangesAsync(ct);
        await cases.RecordCleanupAsync(new Signs.CleanupInput
        {
            FoundName = "容洲镇",
            Use = Signs.NameUse.Map,
            Location = "县城旅游导览图（演示数据）",
            DivisionCode = DemoTown,
            StandardName = "容州镇",
            FoundOn = today.AddDays(-10),
            Note = "演示数据：错字",
        }, ct);
    }

    /// <summary>The seat name of a committee: 新南社区居委会 → 新南社区, 大坡村委会 → 大坡村; a division's own name otherwise.</summary>
    public static string SeatName(string committee)
    {
        foreach (var (suffix, seat) in new[] { ("社区居民委员会", "社区"), ("社区居委会", "社区"), ("村民委员会", "村"), ("村委会", "村"), ("居民委员会", "社区"), ("居委会", "社区") })
        {
            if (committee.Length > suffix.Length && committee.EndsWith(suffix, StringComparison.Ordinal)) return committee[..^suffix.Length] + seat;
        }
        return committee;
    }

    public static PlaceName FromDivision(Division d, PlaceNameSpelling spelling)
    {
        var village = d.Level == DivisionLevel.Village;
        var category = village ? PlaceNameCategory.VillageSeat : PlaceNameCategory.AdministrativeDivision;
        var name = village ? SeatName(d.Name) : d.Name;
        var (specific, generic) = PlaceNameSpelling.Split(name);
        // a division keeps the tree's spelling (the kernel's rules, the corrections of data/README.md)
        var pinyin = !village && d.Pinyin.Length > 0 ? d.Pinyin : spelling.Romanize(name, category);
        return new PlaceName
        {
            Name = name,
            SpecificName = specific,
            GenericName = generic,
            Category = category,
            DivisionCode = d.Code,
            NamedDivisionCode = d.Code,
            Pinyin = pinyin,
            PinyinKey = PlaceNameSpelling.Key(pinyin),
            SpecificKey = spelling.KeyOf(specific),
            Status = PlaceNameStatus.Standard,
            Source = "统计用区划代码（2023）；村（居）民委员会驻地名称由其名称推得",
        };
    }

    private static async Task DemoAsync(AppDbContext db, PlaceNameSpelling spelling, CancellationToken ct)
    {
        db.AddRange(
            new BuiltUpArea { Name = "玉林市中心城区（演示数据）", DivisionPrefixes = "450902,450903", IsDemo = true },
            new BuiltUpArea { Name = "容县县城（演示数据）", DivisionPrefixes = "450921100", IsDemo = true });
        PlaceName Street(string name, PlaceNameCategory category, PlaceNameStatus status, decimal lon, decimal lat, string meaning)
        {
            var (specific, generic) = PlaceNameSpelling.Split(name);
            var pinyin = spelling.Romanize(name, category);
            return new PlaceName
            {
                Name = name,
                SpecificName = specific,
                GenericName = generic,
                Category = category,
                DivisionCode = DemoVillage,
                Pinyin = pinyin,
                PinyinKey = PlaceNameSpelling.Key(pinyin),
                SpecificKey = spelling.KeyOf(specific),
                Status = status,
                Longitude = lon,
                Latitude = lat,
                Meaning = meaning,
                Source = "演示数据",
                IsDemo = true,
            };
        }
        db.AddRange(
            Street("人民路", PlaceNameCategory.Street, PlaceNameStatus.Standard, 110.5562m, 22.8571m, "演示数据：以“人民”命名"),
            Street("城南路", PlaceNameCategory.Street, PlaceNameStatus.Standard, 110.5549m, 22.8502m, "演示数据：位于县城南部"),
            Street("东门巷", PlaceNameCategory.Street, PlaceNameStatus.Standard, 110.5601m, 22.8560m, "演示数据：旧东门附近的小巷"),
            Street("绣江花园", PlaceNameCategory.Residential, PlaceNameStatus.Standard, 110.5520m, 22.8530m, "演示数据：临绣江的住宅区"),
            Street("维也纳花园", PlaceNameCategory.Residential, PlaceNameStatus.NonStandard, 110.5580m, 22.8590m, "演示数据：以外国地名命名的不规范地名，待清理"));
        await db.SaveChangesAsync(ct);
    }
}

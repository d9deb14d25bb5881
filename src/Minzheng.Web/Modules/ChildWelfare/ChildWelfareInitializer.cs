using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.ChildWelfare.Allowances;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Money;

namespace Minzheng.Web.Modules.ChildWelfare;

/// <summary>
/// Ships the figures national texts fix (every installation) and, in demo mode, demo amounts and local choices flagged
/// 演示数据 (the Guangxi/Yulin 2020 figures are unconfirmed, rules.md §5): each is a row an officer replaces.
/// </summary>
public sealed class ChildWelfareInitializer(IServiceScopeFactory scopes, ILogger<ChildWelfareInitializer> log) : IModuleInitializer
{
    private const string City = "450900000000";
    private const string DemoSetting = "child-welfare.demo";

    public int Order => 120;

    public async Task InitializeAsync(IServiceProvider services, bool demo, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (!await db.Set<Figure>().AnyAsync(f => f.Module == ChildStandardKinds.Module, ct))
        {
            db.AddRange(StandardRows(demo));
            await db.SaveChangesAsync(ct);
        }
        var face = Protection.ProtectionFaces.MatchThreshold;
        if (demo && !await db.Set<Figure>().AnyAsync(f => f.Module == face.Module && f.Kind == face.Code, ct))
        {
            db.Add(Protection.ProtectionFaces.DemoThreshold("450900000000"));
            await db.SaveChangesAsync(ct);
        }
        if (demo && !await db.Settings.AnyAsync(s => s.Key == DemoSetting, ct))
        {
            var (cases, watched) = await new ChildDemo(scopes).SeedAsync(ct);
            db.Settings.Add(new PlatformSetting { Key = DemoSetting, Value = $"{cases} cases, {watched} watched", UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync(ct);
            log.LogInformation("Demo child welfare: {Cases} allowance cases, {Watched} children under watch", cases, watched);
        }
    }

    /// <summary>The figures a new installation gets (national ones), plus the demo ones in demo mode.</summary>
    public static List<Figure> StandardRows(bool demo)
    {
        var rows = new List<Figure>
        {
            Row(ChildStandardKinds.AdultAge, new(2010, 11, 18), "国办发〔2010〕54号（孤儿为未满18周岁的未成年人）", number: 18),
            Row(ChildStandardKinds.MinimumMonths, new(2019, 6, 18), "民发〔2019〕62号（失联、服刑在押等情形须6个月以上）", number: 6),
            Row(ChildStandardKinds.Extensions, new(2019, 6, 18), "民发〔2019〕62号（未列被撤销监护资格、被遣送出境）", choice: "no"),
            Row(ChildStandardKinds.LeftBehindAge, new(2016, 2, 4), "国发〔2016〕13号（不满十六周岁）", number: 16),
        };
        if (demo)
        {
            const string doc = "演示数据（参照国办发〔2010〕54号最低养育标准，待录入本地文件）";
            rows.Add(Row(ChildStandardKinds.Allowance, new(2019, 1, 1), doc, "orphan-institution", amount: 1000m));
            rows.Add(Row(ChildStandardKinds.Allowance, new(2019, 1, 1), doc, "orphan-dispersed", amount: 600m));
            rows.Add(Row(ChildStandardKinds.Allowance, new(2019, 1, 1), "演示数据（参照孤儿基本生活费标准，民发〔2019〕62号）", "unsupported-institution", amount: 1000m));
            rows.Add(Row(ChildStandardKinds.Allowance, new(2019, 1, 1), "演示数据（参照孤儿基本生活费标准，民发〔2019〕62号）", "unsupported-dispersed", amount: 600m));
            rows.Add(Row(ChildStandardKinds.ThroughBirthdayMonth, new(2019, 1, 1), "演示数据（年满18周岁次月起停发）", choice: "yes"));
            rows.Add(Row(ChildStandardKinds.EducationContinuation, new(2019, 1, 1), "演示数据", choice: "no"));
            rows.Add(Row(ChildStandardKinds.EndNoticeDays, new(2019, 1, 1), "演示数据", number: 60));
            rows.Add(Row(ChildStandardKinds.DoubleBenefit, new(2019, 1, 1), "演示数据", choice: "concurrent"));
            rows.Add(Row(ChildStandardKinds.VisitIntervalDays, new(2019, 1, 1), "演示数据", "high", number: 30));
            rows.Add(Row(ChildStandardKinds.VisitIntervalDays, new(2019, 1, 1), "演示数据", "medium", number: 60));
            rows.Add(Row(ChildStandardKinds.VisitIntervalDays, new(2019, 1, 1), "演示数据", "low", number: 90));
        }
        return rows;
    }

    private static Figure Row(FigureKind kind, DateOnly from, string document, string category = "", decimal? amount = null, int? number = null, string? choice = null) => new()
    {
        Module = kind.Module,
        Kind = kind.Code,
        DivisionCode = City,
        Category = category,
        Amount = amount is { } a ? Money.FromYuan(a) : null,
        Number = number,
        Choice = choice,
        ValidFrom = from,
        Document = document,
        IsDemo = document.StartsWith("演示数据", StringComparison.Ordinal),
        CreatedBy = "system",
    };
}

using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Marriage.Registry;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Marriage.Backfill;

/// <summary>
/// Demo mode only: the archive counts of 玉州区, 容县 and 北流市 (演示数据 figure rows: the real counts come from each county's
/// archive inventory) and a few archive records of 容县, entered by one clerk and partly checked, so the progress bar and the
/// quality report show something (one 15-digit number, one without a number, one duplicate archive number).
/// </summary>
public sealed class BackfillInitializer : IModuleInitializer
{
    public int Order => 183;

    public async Task InitializeAsync(IServiceProvider services, bool demo, CancellationToken ct)
    {
        if (!demo) return;
        using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<CurrentUser>().RunAsSystem("demo");
        var db = sp.GetRequiredService<AppDbContext>();
        if (await db.Set<Figure>().AnyAsync(f => f.Module == BackfillFigures.ArchiveCount.Module && f.Kind == BackfillFigures.ArchiveCount.Code, ct)) return;
        foreach (var (county, count) in new[] { ("450902000000", 86_000), ("450921000000", 52_000), ("450981000000", 71_000) })
        {
            db.Add(new Figure
            {
                Module = BackfillFigures.ArchiveCount.Module,
                Kind = BackfillFigures.ArchiveCount.Code,
                DivisionCode = county,
                Number = count,
                ValidFrom = new DateOnly(2024, 1, 1),
                Document = "演示数据：县婚姻登记档案清点数（1950—2001年），以各县档案室清点结果为准",
                CreatedBy = "system",
            });
        }
        await db.SaveChangesAsync(ct);

        var office = await db.Set<MarriageOffice>().AsNoTracking().FirstOrDefaultAsync(o => o.DivisionCode == "450921000000", ct);
        if (office is null) return;
        var records = sp.GetRequiredService<HistoricalRecords>();
        var clock = sp.GetRequiredService<BusinessClock>();
        PartyInput P(string name, string sex, string? id, string? anomaly, string? birth, string? marital) => new(name, sex, id, anomaly, birth, "汉族", "中国", "农、林、牧、渔业生产及辅助人员", marital);
        var demoRecords = new (HistoricalRecordInput Input, bool Checked)[]
        {
            (new("容婚档1982-0017", new DateOnly(1982, 5, 12), office.Id, null, null, "结婚", P("黄德明（演示）", "男", "452526590301123", null, null, "未婚"), P("李秀英（演示）", "女", null, "无身份证号", "1961", "未婚"), null), true),
            (new("容婚档1990-0231", new DateOnly(1990, 10, 3), office.Id, null, null, "结婚", P("陈志强（演示）", "男", null, "字迹不清", "1965-08", "未婚"), P("梁美华（演示）", "女", null, "无身份证号", "1967-02-14", "未婚"), null), true),
            (new("容婚档1995-0088", new DateOnly(1995, 3, 20), null, "容县石寨乡人民政府（已撤并）", "450921000000", "离婚", P("周国华（演示）", "男", null, "无身份证号", "1960", "已婚"), P("吴桂兰（演示）", "女", null, "无身份证号", "1962", "已婚"), "原乡镇婚姻登记机关已撤销，档案移交县民政局"), false),
            (new("容婚档1995-0088", new DateOnly(1996, 7, 1), office.Id, null, null, "复婚", P("周国华（演示）", "男", null, "无身份证号", "1960", "离婚"), P("吴桂兰（演示）", "女", null, "无身份证号", "1962", "离婚"), "档案号与另一卷重复，待核"), false),
        };
        foreach (var (input, isChecked) in demoRecords)
        {
            var record = records.Build(input, [office], (field, message) => throw new InvalidOperationException($"演示档案 {input.ArchiveNumber} 无效：{field} {message}"))!;
            record.EnteredBy = "rongxian.officer";
            if (isChecked)
            {
                record.Status = HistoricalRecordStatus.Checked;
                record.CheckedBy = "rongxian.marriage";
                record.CheckedAt = clock.UtcNow;
            }
            db.Add(record);
        }
        await db.SaveChangesAsync(ct);
    }
}

using Minzheng.Web.Platform.Text;

namespace Minzheng.Web.Platform.Ui;

/// <summary>
/// The lines of business of the 2020 work plan (Reference/seed) and where each lives in the platform.
/// A module without a path is not built yet; its page says so and quotes the plan's chapter.
/// </summary>
public static class ModuleCatalog
{
    public sealed record Entry(string Key, string Name, string Scope, string ChapterMarker, string? Path);

    public static readonly IReadOnlyList<Entry> Business =
    [
        new("assistance", "社会救助", "低保、特困供养、临时救助、返贫监测、困难群众台账", "一、", "/assistance"),
        new("payments", "资金发放", "救助金、补贴按月发放、银行代发与对账", "（二）加强民政资金", "/payments"),
        new("elderly-care", "养老服务", "养老机构、居家养老、能力评估、星级评定、双随机检查", "二、", null),
        new("community", "社区治理", "村（居）委会、社区服务、乡镇服务能力", "三、", null),
        new("child-welfare", "儿童福利", "孤儿、事实无人抚养儿童、留守和困境儿童", "四、", "/children"),
        new("social-organizations", "社会组织", "登记、年检、评估、活动异常名录、严重违法失信名单", "五、", null),
        new("disability", "残疾人两项补贴", "困难残疾人生活补贴、重度残疾人护理补贴", "（一）一是推进残疾人", "/disability"),
        new("data-comparison", "数据比对", "应退尽退、应补尽补：死亡、服刑、车辆、房产、工商、财政供养、残联、扶贫数据比对", "（一）一是推进残疾人", "/comparison"),
        new("rescue", "流浪乞讨救助", "救助管理、寻亲、返乡", "（二）提升流浪乞讨", null),
        new("funeral", "殡葬管理", "火化、安葬、惠民殡葬", "（三）加快殡葬", null),
        new("marriage", "婚姻登记", "结婚、离婚、补领、历史数据补录", "（四）加强婚姻登记", null),
        new("place-names", "区划地名", "行政区划、地名、界线界桩", "七、", "/divisions"),
        new("charity", "慈善·社工·志愿", "慈善组织、社会工作站、志愿者与时间银行", "八、", null),
        new("planning", "规划·资金·统计", "工作计划目标、资金项目、统计报表（同源同表）", "九、", null),
    ];

    public static Entry? Find(string key) => Business.FirstOrDefault(e => e.Key == key);

    private static readonly Lazy<string[]> Plan = new(() =>
    {
        using var stream = ReferenceData.Open("seed/yulin-2020-work-plan.txt");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    });

    /// <summary>The plan's paragraphs for a module: its chapter heading and the paragraphs under it.</summary>
    public static IReadOnlyList<string> PlanExcerpt(Entry entry)
    {
        var lines = Plan.Value;
        var marker = entry.ChapterMarker.Replace("（", "(", StringComparison.Ordinal).Replace("）", ")", StringComparison.Ordinal);
        var start = Array.FindIndex(lines, l => l.Replace(" ", "", StringComparison.Ordinal).StartsWith(marker, StringComparison.Ordinal)
            || l.Replace("（", "(", StringComparison.Ordinal).Replace("）", ")", StringComparison.Ordinal).StartsWith(marker, StringComparison.Ordinal));
        if (start < 0) return [];
        var isChapter = char.IsAsciiDigit(marker[0]) || marker.EndsWith('、');
        var result = new List<string> { lines[start] };
        for (var i = start + 1; i < lines.Length; i++)
        {
            var l = lines[i];
            var nextChapter = l.Length > 1 && "一二三四五六七八九十".Contains(l[0], StringComparison.Ordinal) && l.Contains('、', StringComparison.Ordinal) && l.IndexOf('、', StringComparison.Ordinal) <= 2;
            if (nextChapter || (!isChapter && (l.StartsWith('(') || l.StartsWith('（')))) break;
            result.Add(l);
        }
        return result;
    }
}

namespace Minzheng.Web.Modules.ElderlyCare.Assessment.Rules;

/// <summary>一级指标 of GB/T 42195-2022 附录 B.</summary>
public enum AbilityIndicator
{
    /// <summary>B.1 自理能力 (8 items, max 32).</summary>
    SelfCare = 1,

    /// <summary>B.2 基础运动能力 (4 items, max 15).</summary>
    Motor = 2,

    /// <summary>B.3 精神状态 (9 items, max 28).</summary>
    Mental = 3,

    /// <summary>B.4 感知觉与社会参与 (5 items, max 15).</summary>
    Perception = 4,
}

/// <summary>One item of the scoring table: its code (B1.1 …), name, indicator and highest score (the lowest is 0).</summary>
public sealed record AbilityItem(string Code, string Name, AbilityIndicator Indicator, int Max);

/// <summary>The indicator totals and the level, with the lines that explain it (stored with the assessment).</summary>
public sealed record AbilityScore(int Total, int SelfCare, int Motor, int Mental, int Perception, int BaseLevel, int Level, IReadOnlyList<string> Reasons);

/// <summary>
/// 老年人能力评估 per GB/T 42195-2022《老年人能力评估规范》(rules-2 §1.11, rules.md §8.2): 26 items in four indicators, total 0–90
/// (higher = more able); level by total (90 → 0 能力完好; 66–89 → 1; 46–65 → 2; 30–45 → 3; 0–29 → 4) and the C.4 modifiers
/// (昏迷 → 4; 痴呆或精神障碍诊断 → +1; 近 30 天 ≥ 2 次照护风险事件 → +1; at most 4). The scoring table is versioned: an assessment
/// stores <see cref="Version"/>; MZ/T 039-2013 assessments are kept with their own version and level and never re-scored by this table.
/// </summary>
public static class AbilityRules
{
    /// <summary>The scoring table's version stored with each assessment scored by this rule.</summary>
    public const string Version = "GB/T 42195-2022";

    /// <summary>The version of the assessments made before the national standard (kept as they were, with their own level).</summary>
    public const string LegacyVersion = "MZ/T 039-2013";

    public const string Basis = "GB/T 42195-2022《老年人能力评估规范》附录 B 评分、C.4 等级判定";

    /// <summary>The item whose answer 0 is 昏睡/昏迷 (B.3.9 意识水平).</summary>
    public const string Consciousness = "B3.9";

    public const int MaxTotal = 90;

    /// <summary>The 26 items in the standard's order, with their ranges (rules-2 §1.11).</summary>
    public static readonly IReadOnlyList<AbilityItem> Items =
    [
        new("B1.1", "进食", AbilityIndicator.SelfCare, 4),
        new("B1.2", "修饰", AbilityIndicator.SelfCare, 4),
        new("B1.3", "洗澡", AbilityIndicator.SelfCare, 4),
        new("B1.4", "穿/脱上衣", AbilityIndicator.SelfCare, 4),
        new("B1.5", "穿/脱裤子和鞋袜", AbilityIndicator.SelfCare, 4),
        new("B1.6", "小便控制", AbilityIndicator.SelfCare, 4),
        new("B1.7", "大便控制", AbilityIndicator.SelfCare, 4),
        new("B1.8", "如厕", AbilityIndicator.SelfCare, 4),
        new("B2.1", "床上体位转移", AbilityIndicator.Motor, 4),
        new("B2.2", "床椅转移", AbilityIndicator.Motor, 4),
        new("B2.3", "平地行走", AbilityIndicator.Motor, 4),
        new("B2.4", "上下楼梯", AbilityIndicator.Motor, 3),
        new("B3.1", "时间定向", AbilityIndicator.Mental, 4),
        new("B3.2", "空间定向", AbilityIndicator.Mental, 4),
        new("B3.3", "人物定向", AbilityIndicator.Mental, 4),
        new("B3.4", "记忆", AbilityIndicator.Mental, 4),
        new("B3.5", "理解能力", AbilityIndicator.Mental, 4),
        new("B3.6", "表达能力", AbilityIndicator.Mental, 4),
        new("B3.7", "攻击行为", AbilityIndicator.Mental, 1),
        new("B3.8", "抑郁症状", AbilityIndicator.Mental, 1),
        new("B3.9", "意识水平", AbilityIndicator.Mental, 2),
        new("B4.1", "视力", AbilityIndicator.Perception, 2),
        new("B4.2", "听力", AbilityIndicator.Perception, 2),
        new("B4.3", "执行日常事务", AbilityIndicator.Perception, 4),
        new("B4.4", "使用交通工具外出", AbilityIndicator.Perception, 3),
        new("B4.5", "社会交往能力", AbilityIndicator.Perception, 4),
    ];

    private static readonly Dictionary<string, AbilityItem> ByCode = Items.ToDictionary(i => i.Code, StringComparer.Ordinal);

    public static readonly IReadOnlyList<string> LevelNames = ["能力完好", "能力轻度受损（轻度失能）", "能力中度受损（中度失能）", "能力重度受损（重度失能）", "能力完全丧失（完全失能）"];

    public static string LevelName(int level) => level is >= 0 and <= 4 ? LevelNames[level] : "未评定";

    /// <summary>
    /// Every problem of an answer sheet, by the field the client sent: a missing item, one out of its range, an unknown item,
    /// a negative count of risk events. Empty when the sheet can be scored.
    /// </summary>
    public static Dictionary<string, string> Check(IReadOnlyDictionary<string, int?>? answers, int riskEvents30Days)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        answers ??= new Dictionary<string, int?>();
        foreach (var item in Items)
        {
            if (!answers.TryGetValue(item.Code, out var value) || value is null)
            {
                errors[$"answers.{item.Code}"] = $"{item.Code} {item.Name}：未评分（26 项均须评分）";
            }
            else if (value < 0 || value > item.Max)
            {
                errors[$"answers.{item.Code}"] = $"{item.Code} {item.Name}：{value} 分超出范围（0–{item.Max} 分）";
            }
        }
        foreach (var code in answers.Keys.Where(k => !ByCode.ContainsKey(k)))
        {
            errors[$"answers.{code}"] = $"{code} 不是 GB/T 42195-2022 的评估项目";
        }
        if (riskEvents30Days < 0) errors["riskEvents30Days"] = "近 30 天照护风险事件次数不能为负数";
        return errors;
    }

    /// <summary>The level a total falls in (C.4 表): 90 → 0, 66–89 → 1, 46–65 → 2, 30–45 → 3, 0–29 → 4.</summary>
    public static int BaseLevelOf(int total) => total switch
    {
        >= 90 => 0,
        >= 66 => 1,
        >= 46 => 2,
        >= 30 => 3,
        _ => 4,
    };

    /// <summary>Scores a checked answer sheet (call <see cref="Check"/> first: an unchecked sheet throws).</summary>
    public static AbilityScore Score(IReadOnlyDictionary<string, int?> answers, bool dementiaDiagnosis, int riskEvents30Days)
    {
        if (Check(answers, riskEvents30Days).Count > 0) throw new ArgumentException("答卷未通过检查", nameof(answers));
        int Sum(AbilityIndicator indicator) => Items.Where(i => i.Indicator == indicator).Sum(i => answers[i.Code]!.Value);
        var selfCare = Sum(AbilityIndicator.SelfCare);
        var motor = Sum(AbilityIndicator.Motor);
        var mental = Sum(AbilityIndicator.Mental);
        var perception = Sum(AbilityIndicator.Perception);
        var total = selfCare + motor + mental + perception;
        var baseLevel = BaseLevelOf(total);
        var reasons = new List<string>
        {
            $"总分 {total} 分（自理能力 {selfCare}/32、基础运动能力 {motor}/15、精神状态 {mental}/28、感知觉与社会参与 {perception}/15）",
            $"按总分初步等级 {baseLevel} 级：{LevelName(baseLevel)}",
        };
        int level;
        if (answers[Consciousness] == 0)
        {
            level = 4;
            reasons.Add("B3.9 意识水平为昏睡或昏迷：直接评定为能力完全丧失（4 级）");
        }
        else
        {
            level = baseLevel;
            if (dementiaDiagnosis)
            {
                level++;
                reasons.Add("有痴呆（F00–F03）或其他精神和行为障碍（F04–F99）诊断：提高一个等级");
            }
            if (riskEvents30Days >= 2)
            {
                level++;
                reasons.Add($"近 30 天发生照护风险事件 {riskEvents30Days} 次（跌倒、噎食、自杀、自伤、走失等，2 次及以上）：提高一个等级");
            }
            if (level > 4)
            {
                level = 4;
                reasons.Add("提高后超过 4 级：以 4 级（能力完全丧失）为限");
            }
        }
        reasons.Add($"最终等级 {level} 级：{LevelName(level)}");
        reasons.Add(Basis);
        return new AbilityScore(total, selfCare, motor, mental, perception, baseLevel, level, reasons);
    }
}

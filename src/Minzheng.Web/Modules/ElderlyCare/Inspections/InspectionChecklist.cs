namespace Minzheng.Web.Modules.ElderlyCare.Inspections;

/// <summary>
/// The items an on-site inspection answers: GB 38600-2019 养老机构服务安全基本规范 (§4 基本要求, §5 安全风险评估, §6 the nine
/// risks 九防, §7 管理要求; rules-2 §1.4; mandatory from 2022-01-01, checked as recommended before) and the fire-safety items of
/// 消防法 第十六条 (the duties of a unit). Each answer is 符合, 不符合 or 不适用; a 不符合 needs a rectification.
/// </summary>
public static class InspectionChecklist
{
    public sealed record Item(string Code, string Group, string Name);

    public const string Pass = "pass";
    public const string Fail = "fail";
    public const string NotApplicable = "na";

    public static readonly IReadOnlyList<string> Answers = [Pass, Fail, NotApplicable];

    public static string AnswerName(string answer) => answer switch { Pass => "符合", Fail => "不符合", NotApplicable => "不适用", _ => answer };

    public static readonly IReadOnlyList<Item> Items =
    [
        new("G4.1", "GB 38600 §4 基本要求", "消防、卫生、环境保护、食品药品、建筑、设施设备符合强制性标准"),
        new("G4.2", "GB 38600 §4 基本要求", "安全标志符合 GB 2893、GB 2894"),
        new("G4.3", "GB 38600 §4 基本要求", "护理员经培训合格后上岗"),
        new("G4.4", "GB 38600 §4 基本要求", "24 小时值班、巡查和交接班并有记录"),
        new("G4.5", "GB 38600 §4 基本要求", "老年人个人信息和监控资料保密"),
        new("G4.6", "GB 38600 §4 基本要求", "机构内不向老年人推销保健品、药品"),
        new("G5.1", "GB 38600 §5 安全风险评估", "入院前对九类风险进行评估并有记录"),
        new("R1", "GB 38600 §6 九防", "防噎食"),
        new("R2", "GB 38600 §6 九防", "防食品药品误食"),
        new("R3", "GB 38600 §6 九防", "防压疮"),
        new("R4", "GB 38600 §6 九防", "防烫伤"),
        new("R5", "GB 38600 §6 九防", "防坠床"),
        new("R6", "GB 38600 §6 九防", "防跌倒"),
        new("R7", "GB 38600 §6 九防", "防他伤和自伤"),
        new("R8", "GB 38600 §6 九防", "防走失"),
        new("R9", "GB 38600 §6 九防", "防文娱活动意外"),
        new("G7.1", "GB 38600 §7 管理要求", "突发事件应急预案及处置记录"),
        new("F1", "消防安全", "消防设施、器材完好有效"),
        new("F2", "消防安全", "疏散通道、安全出口畅通，标志完好"),
        new("F3", "消防安全", "每月防火检查、每日防火巡查并有记录"),
        new("F4", "消防安全", "每半年至少一次灭火和应急疏散演练"),
        new("F5", "消防安全", "用火、用电、用气管理符合规定"),
    ];

    public static Item? Find(string code) => Items.FirstOrDefault(i => i.Code == code);
}

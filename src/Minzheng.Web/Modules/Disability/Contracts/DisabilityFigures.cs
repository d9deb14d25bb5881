using Minzheng.Web.Platform.Figures;

namespace Minzheng.Web.Modules.Disability.Contracts;

/// <summary>
/// The figure kinds of the two disability subsidies (国发〔2015〕52号: amounts and the local extensions), published in the module.s contracts
/// because more than the disability module reads them: data comparison checks certificates and missing care subsidies against
/// the same care-grade figures the subsidy rule uses. Values are rows of <see cref="Figure"/>.
/// </summary>
public static class DisabilityFigures
{
    public const string Module = "disability";
    private static readonly IReadOnlyList<(string Code, string Name)> YesNo = [("yes", "是"), ("no", "否")];

    public static readonly FigureKind LivingAmount = new(Module, "living-amount", "困难残疾人生活补贴标准", "元/人·月");
    public static readonly FigureKind CareAmount = new(Module, "care-amount", "重度残疾人护理补贴标准", "元/人·月");
    public static readonly FigureKind LivingForLowIncome = new(Module, "living-low-income", "生活补贴扩大到低收入家庭", "", Choices: YesNo);
    public static readonly FigureKind CareMaxGrade = new(Module, "care-max-grade", "护理补贴残疾等级（1 至）", "级");
    public static readonly FigureKind CareMild = new(Module, "care-mild-intellectual-mental", "护理补贴扩大到三、四级智力和精神残疾", "", Choices: YesNo);

    public static readonly IReadOnlyList<FigureKind> All = [LivingAmount, CareAmount, LivingForLowIncome, CareMaxGrade, CareMild];
}

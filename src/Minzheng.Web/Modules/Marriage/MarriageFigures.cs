using Minzheng.Web.Modules.Marriage.Rules;
using Minzheng.Web.Platform.Figures;

namespace Minzheng.Web.Modules.Marriage;

/// <summary>
/// The effective-dated figures of marriage registration in the one figure book (rules.md §11, rules-2.md §5): the statutory
/// ages, the cooling-off periods and the switches that changed on 2021-01-01 (the disease bar, the registry's revocation of a
/// coerced marriage) and with 跨省通办. A rule reads the row in force on the registration's date, so a 2020 case and a 2021
/// case are each decided by the law of their day. Each part of the module adds its own kinds here, one list each.
/// </summary>
public static class MarriageFigures
{
    public const string Module = "marriage";

    public static readonly IReadOnlyList<(string Code, string Name)> Sexes = [("male", "男"), ("female", "女")];

    public static readonly FigureKind MinAge = new(Module, "min-age", "法定婚龄（周岁）", "周岁", Categories: Sexes);
    public static readonly FigureKind CoolingOffDays = new(Module, "divorce-cooling-off-days", "离婚冷静期：受理之日起可撤回申请的天数（0 = 当场登记）", "天");
    public static readonly FigureKind AppearanceDays = new(Module, "divorce-appearance-days", "冷静期届满后双方亲自到场申请发证的天数", "天");
    public static readonly FigureKind DiseaseBar = new(Module, "disease-bar", "患有医学上认为不应当结婚的疾病的不予登记（1 = 是，0 = 否）", "开关");
    public static readonly FigureKind RegistryRevokesCoerced = new(Module, "registry-revokes-coerced", "受胁迫结婚的由婚姻登记机关撤销（1 = 是，0 = 仅人民法院）", "开关");
    public static readonly FigureKind CrossProvince = new(Module, "cross-province", "跨省通办：一方持本地居住证即可在本地登记（1 = 是，0 = 否，须一方常住户口在本辖区）", "开关");

    public static readonly IReadOnlyList<FigureKind> Base = [MinAge, CoolingOffDays, AppearanceDays, DiseaseBar, RegistryRevokesCoerced, CrossProvince];

    // each part of the module adds its own kinds here, one line each
    public static readonly IReadOnlyList<FigureKind> All = [.. Base, .. Backfill.BackfillFigures.All];

    /// <summary>The law of the day for a registry's division: everything a registration or a divorce timeline decides by.</summary>
    public static MarriageLaw LawOn(FigureBook book, string divisionCode, DateOnly on)
    {
        int N(FigureKind k, string category = "") => book.Require(k, divisionCode, on, category).Row.Number ?? 0;
        return new(N(MinAge, "male"), N(MinAge, "female"), N(CoolingOffDays), N(AppearanceDays), N(DiseaseBar) == 1, N(RegistryRevokesCoerced) == 1, N(CrossProvince) == 1);
    }
}

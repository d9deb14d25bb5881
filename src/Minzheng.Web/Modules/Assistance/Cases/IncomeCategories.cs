namespace Minzheng.Web.Modules.Assistance.Cases;

/// <summary>Income categories of the 2021 national texts (rules.md §1.3), plus excluded items and allowed deductions.</summary>
public static class IncomeCategories
{
    public static readonly IReadOnlyList<(string Code, string Name)> All =
    [
        ("wage", "工资性收入"),
        ("business", "经营净收入"),
        ("property", "财产净收入"),
        ("transfer", "转移净收入"),
        ("other", "其他应当计入的收入"),
        ("excluded", "不计入收入的项目（优抚金、奖励扶助金、救助金、基础养老金等）"),
        ("deduction", "允许扣减的支出（就业成本、因残因病刚性支出）"),
    ];

    public static string Name(string code) => All.FirstOrDefault(c => c.Code == code).Name ?? code;
}

namespace Minzheng.Web.Platform.Imports;

/// <summary>
/// The registry fields a legacy export can fill, with the column headings such exports commonly use
/// (the mapping step proposes them; the clerk confirms or changes every one).
/// </summary>
public static class PersonImportFields
{
    public static readonly IReadOnlyList<ImportField> All =
    [
        new("householdKey", "户编号（同户同号）", false, ["户编号", "家庭编号", "户号", "户籍编号", "家庭户号"]),
        new("headIdNumber", "户主身份证号", false, ["户主身份证号", "户主证件号码", "户主身份证号码"]),
        new("idNumber", "身份证号", true, ["身份证号", "身份证号码", "公民身份号码", "证件号码", "成员身份证号"]),
        new("name", "姓名", true, ["姓名", "成员姓名", "名字"]),
        new("relation", "与户主关系", true, ["与户主关系", "关系", "家庭关系", "与户主的关系"]),
        new("divisionCode", "户籍所在村（社区）区划代码", true, ["区划代码", "村（社区）代码", "行政区划代码", "所在地代码", "村社区代码"]),
        new("ethnicity", "民族", false, ["民族"]),
        new("hukouType", "户口性质", false, ["户口性质", "户籍性质", "户口类型"]),
        new("address", "住址", false, ["住址", "家庭住址", "地址", "居住地址", "户籍地址"]),
        new("phone", "联系电话", false, ["联系电话", "电话", "手机", "手机号码", "联系方式"]),
        new("disabilityCategory", "残疾类别", false, ["残疾类别", "残疾类型"]),
        new("disabilityGrade", "残疾等级", false, ["残疾等级", "残疾级别"]),
        new("disabilityCertificate", "残疾人证号", false, ["残疾人证号", "残疾证号"]),
        new("lifeStatus", "人员状态", false, ["人员状态", "状态", "生存状态"]),
        new("deathDate", "死亡日期", false, ["死亡日期", "死亡时间"]),
    ];

    /// <summary>Proposes a source column for each field from the file's headers.</summary>
    public static Dictionary<string, string> Guess(IReadOnlyList<string> headers) => ImportFieldGuess.Guess(All, headers);
}

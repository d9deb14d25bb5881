namespace Minzheng.Web.Platform.Divisions;

public enum DivisionLevel
{
    Province = 0,
    City = 1,
    County = 2,
    Town = 3,
    Village = 4,
}

/// <summary>
/// The 12-digit statistical division code (统计用区划代码): 2 province, 2 city, 2 county, 3 township, 3 village.
/// A division's subtree is every code sharing its significant prefix (domain decision 7).
/// </summary>
public static class DivisionCodes
{
    public const int Length = 12;

    public static bool IsWellFormed(string? code) =>
        code is { Length: Length } && code.All(char.IsAsciiDigit);

    public static DivisionLevel LevelOf(string code)
    {
        if (!IsWellFormed(code))
        {
            throw new ArgumentException($"不是12位区划代码: {code}", nameof(code));
        }
        if (code[2..] == "0000000000") return DivisionLevel.Province;
        if (code[4..] == "00000000") return DivisionLevel.City;
        if (code[6..] == "000000") return DivisionLevel.County;
        if (code[9..] == "000") return DivisionLevel.Town;
        return DivisionLevel.Village;
    }

    public static int PrefixLength(DivisionLevel level) => level switch
    {
        DivisionLevel.Province => 2,
        DivisionLevel.City => 4,
        DivisionLevel.County => 6,
        DivisionLevel.Town => 9,
        _ => 12,
    };

    /// <summary>The significant prefix that every code in the subtree shares.</summary>
    public static string ScopePrefix(string code) => code[..PrefixLength(LevelOf(code))];

    /// <summary>The county-level part (first 6 digits), which is also the ID-number address code of a person born there.</summary>
    public static string CountyPart(string code) => code[..6];

    public static string LevelName(DivisionLevel level) => level switch
    {
        DivisionLevel.Province => "省级",
        DivisionLevel.City => "市级",
        DivisionLevel.County => "县级",
        DivisionLevel.Town => "乡级",
        _ => "村级",
    };

    public static string ApiName(DivisionLevel level) => level switch
    {
        DivisionLevel.Province => "province",
        DivisionLevel.City => "city",
        DivisionLevel.County => "county",
        DivisionLevel.Town => "town",
        _ => "village",
    };

    public static DivisionLevel ParseApiName(string name) => name switch
    {
        "province" => DivisionLevel.Province,
        "city" => DivisionLevel.City,
        "county" => DivisionLevel.County,
        "town" => DivisionLevel.Town,
        "village" => DivisionLevel.Village,
        _ => throw new FormatException($"未知的区划级别: {name}"),
    };
}

namespace Minzheng.Web.Modules.Community.Pilots;

/// <summary>
/// 农村社区试点覆盖率 (玉林市民政局2020年工作计划 三、: 农村社区试点覆盖30%以上的村): the share of a county's 村委会 that are (or
/// were) pilots, against the target percent in force. 居委会 are urban communities and count neither above nor below the line.
/// </summary>
public static class PilotCoverage
{
    /// <summary>Pilot villages as a percent of the villages, one decimal; null where the county has no village to cover.</summary>
    public static decimal? Percent(int pilots, int villages)
    {
        if (villages <= 0) return null;
        return Math.Round(100m * Math.Clamp(pilots, 0, villages) / villages, 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>Whether the coverage meets the target (覆盖30%以上: the target itself counts as met); null without a percent or a target.</summary>
    public static bool? Meets(decimal? percent, decimal? target) => percent is { } p && target is { } t ? p >= t : null;

    /// <summary>"12.3%", or "—" without villages.</summary>
    public static string Text(decimal? percent) => percent is { } v ? v.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "—";

    /// <summary>How many more pilot villages the target needs (0 when met); null without a target or villages.</summary>
    public static int? Missing(int pilots, int villages, decimal? target)
    {
        if (target is not { } t || villages <= 0) return null;
        var needed = (int)Math.Ceiling(t * villages / 100m);
        return Math.Max(0, needed - pilots);
    }
}

/// <summary>The grade of a township's service capacity: thresholds are figures (community/capacity-grade-min by category).</summary>
public enum CapacityGrade
{
    Fail = 1,
    Pass = 2,
    Good = 3,
    Excellent = 4,
}

/// <summary>The grade thresholds in force: the lowest total (on a 100-point scale) of each grade above 不合格.</summary>
public sealed record GradeThresholds(decimal Excellent, decimal Good, decimal Pass)
{
    /// <summary>Thresholds that do not descend (优秀 ≥ 良好 ≥ 合格) cannot grade anything consistently.</summary>
    public bool IsOrdered => Excellent >= Good && Good >= Pass && Pass >= 0;
}

/// <summary>
/// The scoring rules of the 乡镇（街道）服务能力评估: each indicator scored within 0..its maximum (at most one decimal), the total
/// the sum, brought to a 100-point scale for grading where the catalogue's maxima do not add up to 100; the grade is the highest
/// whose threshold the total reaches.
/// </summary>
public static class CapacityRules
{
    public static readonly IReadOnlyList<(string Code, string Name)> GradeCategories =
        [("excellent", "优秀"), ("good", "良好"), ("pass", "合格")];

    /// <summary>Why a score is refused, or null: below 0, above the indicator's maximum, or finer than one decimal.</summary>
    public static string? ScoreError(decimal? score, decimal max)
    {
        if (score is not { } s) return "请填写得分";
        if (s < 0 || s > max) return $"得分须在 0 至 {max:0.#} 分之间";
        if (decimal.Round(s, 1) != s) return "得分最多一位小数";
        return null;
    }

    /// <summary>The total on a 100-point scale, one decimal; 0 for an empty catalogue.</summary>
    public static decimal Normalised(decimal total, decimal maxTotal) =>
        maxTotal <= 0 ? 0 : Math.Round(total * 100m / maxTotal, 1, MidpointRounding.AwayFromZero);

    /// <summary>The grade of a total on the 100-point scale; null without thresholds in force.</summary>
    public static CapacityGrade? Grade(decimal score100, GradeThresholds? thresholds) => thresholds switch
    {
        null => null,
        _ when score100 >= thresholds.Excellent => CapacityGrade.Excellent,
        _ when score100 >= thresholds.Good => CapacityGrade.Good,
        _ when score100 >= thresholds.Pass => CapacityGrade.Pass,
        _ => CapacityGrade.Fail,
    };

    public static string GradeName(CapacityGrade? g) => g switch
    {
        CapacityGrade.Excellent => "优秀",
        CapacityGrade.Good => "良好",
        CapacityGrade.Pass => "合格",
        CapacityGrade.Fail => "不合格",
        _ => "未定等次",
    };

    /// <summary>A follow-up is overdue after its due day while not done.</summary>
    public static bool IsOverdue(DateOnly due, DateOnly? doneOn, DateOnly today) => doneOn is null && today > due;
}

using Minzheng.Web.Platform.Figures;

namespace Minzheng.Web.Modules.Volunteers.Records;

/// <summary>The star thresholds in force (hours for ★1 … ★5, ascending), with the figure rows they came from.</summary>
public sealed record StarThresholds(IReadOnlyList<int> Hours, IReadOnlyList<FigureValue> Sources)
{
    /// <summary>
    /// 星级: the highest star whose threshold the verified time reaches (共青团《中国注册志愿者管理办法》's common scheme, 100 /
    /// 300 / 600 / 1,000 / 1,500 h — rules.md §10; kept as figures because some places use other scales). Reaching the hours
    /// exactly earns the star; minutes short of it do not.
    /// </summary>
    public int LevelFor(int verifiedMinutes)
    {
        var level = 0;
        for (var i = 0; i < Hours.Count; i++)
        {
            if (verifiedMinutes >= Hours[i] * 60L) level = i + 1;
        }
        return level;
    }

    /// <summary>Hours still needed for the next star, or null at the top.</summary>
    public decimal? HoursToNext(int verifiedMinutes)
    {
        var level = LevelFor(verifiedMinutes);
        return level >= Hours.Count ? null : Math.Round((Hours[level] * 60m - verifiedMinutes) / 60m, 2);
    }

    /// <summary>The thresholds for a division on a day; null when the city has not set all five (then no star is shown, never a guessed one).</summary>
    public static StarThresholds? On(FigureBook book, string divisionCode, DateOnly date)
    {
        var values = new List<FigureValue>();
        for (var star = 1; star <= 5; star++)
        {
            if (book.Find(VolunteerFigures.StarHours, divisionCode, date, star.ToString(System.Globalization.CultureInfo.InvariantCulture)) is not { } v
                || v.Row.Number is null)
            {
                return null;
            }
            values.Add(v);
        }
        return new StarThresholds(values.Select(v => v.Row.Number!.Value).ToList(), values);
    }
}

namespace Minzheng.Web.Platform.Time;

/// <summary>
/// Times are stored in UTC; business dates (deadlines, effective dates, ages) are China dates
/// (Asia/Shanghai), whatever zone the server runs in.
/// </summary>
public sealed class BusinessClock(TimeProvider time)
{
    private static readonly TimeZoneInfo China = FindChina();

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(ToChina(UtcNow));

    public static DateTime ToChina(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), China);

    /// <summary>The UTC instant of a China wall-clock time (an activity's start entered as 09:00 on a day).</summary>
    public static DateTime FromChina(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), China);

    public static string Format(DateTime utc) => ToChina(utc).ToString("yyyy-MM-dd HH:mm");

    private static TimeZoneInfo FindChina()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (TimeZoneNotFoundException)
        {
            // Machines without tzdata: China has had no daylight saving since 1991.
            return TimeZoneInfo.CreateCustomTimeZone("China", TimeSpan.FromHours(8), "中国标准时间", "中国标准时间");
        }
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Platform.Calendar;

public static class CalendarApi
{
    public sealed record DateAnswer(string Date, bool CoveredByOfficialCalendar);

    public sealed record DayDto(string Date, bool IsOffDay, string Name, string Source);

    public static void MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/calendar").WithTags("Calendar").RequireAuthorization();

        group.MapGet("/working-days/add", Results<Ok<DateAnswer>, ProblemHttpResult> (string? from, int? days, WorkingCalendar calendar) =>
        {
            var errors = new Dictionary<string, string[]>();
            if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
            {
                errors["from"] = ["起始日期格式应为 YYYY-MM-DD"];
            }
            if (days is not (>= 0 and <= 3650)) errors["days"] = ["工作日数应为 0 到 3650 之间的整数"];
            if (errors.Count > 0)
            {
                return TypedResults.Problem(detail: string.Join("；", errors.Values.SelectMany(v => v)), statusCode: 400,
                    extensions: new Dictionary<string, object?> { ["code"] = "validation_failed", ["errors"] = errors });
            }
            var end = calendar.AddWorkingDays(start, days!.Value);
            return TypedResults.Ok(new DateAnswer(end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), calendar.Covers(start, end)));
        })
        .WithSummary("N 个工作日后的日期（起始日不计入，按官方节假日和调休）");

        group.MapGet("/days", async (int year, AppDbContext db) =>
        {
            // a year the calendar can hold, or a field error (year=-1 or 99999 was a 500)
            if (year is < 1900 or > 2100) throw AppProblem.Field("year", "年份须在 1900 至 2100 之间");
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year, 12, 31);
            var days = await db.CalendarDays.AsNoTracking().Where(d => d.Date >= from && d.Date <= to).OrderBy(d => d.Date).ToListAsync();
            return TypedResults.Ok(days.Select(d => new DayDto(d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.IsOffDay, d.Name, d.Source)).ToArray());
        })
        .WithSummary("某年的节假日和调休工作日");
    }
}

using System.Globalization;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.SocialWork;

/// <summary>/api/v1/socialwork/trainings: 考前培训 sessions, their participants and attendance, and the results from the exam record.</summary>
public static class TrainingsApi
{
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static object ToDto(SocialWorkTraining t, DivisionDirectory divisions) => new
    {
        t.Id,
        t.DivisionCode,
        divisionName = divisions.FullName(t.DivisionCode),
        t.Topic,
        level = Staff.LevelCode(t.Level),
        levelName = ExamRules.Name(t.Level),
        t.Organiser,
        t.Place,
        startsOn = Iso(t.StartsOn),
        endsOn = Iso(t.EndsOn),
        t.Hours,
        examYear = t.StartsOn.Year,
        t.Version,
    };

    public static object ToDto(TrainingResult r, IReadOnlyDictionary<Guid, string> names) => new
    {
        r.Participant.Id,
        r.Participant.WorkerId,
        r.Participant.PersonId,
        personName = names.GetValueOrDefault(r.Participant.PersonId),
        r.Participant.Attended,
        sat = r.Sat,
        passed = r.Passed,
    };

    private static async Task<object> DetailAsync(SocialWorkTraining t, Trainings trainings, AppDbContext db, DivisionDirectory divisions, CancellationToken ct)
    {
        var results = (await trainings.ResultsAsync([t], ct)).Select(r => r.Result).ToList();
        var names = await db.PersonNamesAsync(results.Select(r => (Guid?)r.Participant.PersonId), ct);
        var sat = results.Count(r => r.Sat);
        return new
        {
            training = ToDto(t, divisions),
            participants = results.Select(r => ToDto(r, names)),
            total = results.Count,
            attended = results.Count(r => r.Participant.Attended),
            sat,
            passed = results.Count(r => r.Passed),
            passRate = sat == 0 ? (decimal?)null : Math.Round(100m * results.Count(r => r.Passed) / sat, 1),
        };
    }

    public static void MapSocialWorkTrainings(this RouteGroupBuilder api)
    {
        var read = Permissions.PolicyPrefix + SocialWorkPermissions.Read;
        var write = Permissions.PolicyPrefix + SocialWorkPermissions.Trainings;
        var tr = api.MapGroup("/trainings");
        tr.MapGet("/", async (int? year, int? page, int? pageSize, Trainings trainings, DivisionDirectory divisions, CancellationToken ct) =>
        {
            var rows = await trainings.ListAsync(year, PageRequest.From(page, pageSize, 50), ct);
            return TypedResults.Ok(new { items = rows.Items.Select(t => ToDto(t, divisions)), total = rows.Total });
        }).RequireAuthorization(read).WithSummary("考前培训（可按年度 year 筛选），分页 { items, total }");
        tr.MapPost("/", async (TrainingInput? input, Trainings trainings, DivisionDirectory divisions, CancellationToken ct) =>
        {
            var t = await trainings.CreateAsync(input ?? new TrainingInput(), ct);
            return TypedResults.Created($"/api/v1/socialwork/trainings/{t.Id}", ToDto(t, divisions));
        }).RequireAuthorization(write).WithSummary("登记考前培训：主题 topic、等级 level（assistant/intermediate）、组织单位 organiser、地点 place、日期 startsOn/endsOn、学时 hours");
        tr.MapGet("/by-county", async (int? year, Trainings trainings, BusinessClock clock, CancellationToken ct) =>
        {
            var rows = await trainings.ByCountyAsync(year is >= 2000 and <= 2100 ? year.Value : clock.Today.Year, ct);
            return TypedResults.Ok(new { items = rows, total = rows.Count });
        }).RequireAuthorization(read).WithSummary("各县（市、区）本年度参加培训（出勤）、参加考试、通过考试的社工人数");
        tr.MapGet("/{id:guid}", async (Guid id, Trainings trainings, AppDbContext db, DivisionDirectory divisions, CancellationToken ct) =>
            TypedResults.Ok(await DetailAsync(await trainings.GetAsync(id, ct), trainings, db, divisions, ct)))
            .RequireAuthorization(read).WithSummary("一期培训及学员：出勤、当年是否参加考试、是否通过（由考试记录得出）、通过率");
        tr.MapPost("/{id:guid}/participants", async (Guid id, ParticipantInput? input, Trainings trainings, AppDbContext db, DivisionDirectory divisions, CancellationToken ct) =>
        {
            var p = await trainings.AddParticipantAsync(id, input ?? new ParticipantInput(), ct);
            return TypedResults.Created($"/api/v1/socialwork/trainings/{id}/participants/{p.Id}", await DetailAsync(await trainings.GetAsync(id, ct), trainings, db, divisions, ct));
        }).RequireAuthorization(write).WithSummary("添加学员：社工 workerId（本级管辖范围内）");
        tr.MapDelete("/{id:guid}/participants/{participantId:guid}", async (Guid id, Guid participantId, Trainings trainings, CancellationToken ct) =>
        {
            await trainings.RemoveParticipantAsync(id, participantId, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(write).WithSummary("移除学员");
        tr.MapPost("/{id:guid}/participants/{participantId:guid}/attendance", async (Guid id, Guid participantId, AttendanceInput? input, Trainings trainings, AppDbContext db, DivisionDirectory divisions, CancellationToken ct) =>
        {
            await trainings.SetAttendanceAsync(id, participantId, input ?? new AttendanceInput(), ct);
            return TypedResults.Ok(await DetailAsync(await trainings.GetAsync(id, ct), trainings, db, divisions, ct));
        }).RequireAuthorization(write).WithSummary("登记出勤 attended（true/false）");
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.SocialWork;

/// <summary>
/// A 考前培训 session for the social-work exam, organised by a county or the city (its division): topic, the level it prepares
/// for (助理社会工作师 or 社会工作师), organiser, place, dates and hours. Its exam year is the year of its first day.
/// </summary>
public sealed class SocialWorkTraining : IDivisionScoped, IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The organising county or city.</summary>
    public required string DivisionCode { get; set; }
    public required string Topic { get; set; }
    public QualificationLevel Level { get; set; }
    public required string Organiser { get; set; }
    public string Place { get; set; } = "";
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public decimal Hours { get; set; }
    public required string RecordedBy { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A social worker taking part in a training, and whether they attended. Results are read from the exam record, never typed here.</summary>
public sealed class SocialWorkTrainingParticipant : IDivisionScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TrainingId { get; set; }

    /// <summary>The training's division (the participant is seen wherever the training is).</summary>
    public required string DivisionCode { get; set; }
    public Guid WorkerId { get; set; }
    public Guid PersonId { get; set; }
    public bool Attended { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class SocialWorkTrainingConfiguration : IEntityTypeConfiguration<SocialWorkTraining>
{
    public void Configure(EntityTypeBuilder<SocialWorkTraining> b)
    {
        b.ToTable("socialwork_training");
        b.HasKey(t => t.Id);
        b.Property(t => t.DivisionCode).HasMaxLength(12);
        b.Property(t => t.Topic).HasMaxLength(200);
        b.Property(t => t.Organiser).HasMaxLength(100);
        b.Property(t => t.Place).HasMaxLength(200);
        b.Property(t => t.Hours).HasPrecision(6, 1);
        b.Property(t => t.RecordedBy).HasMaxLength(100);
        b.HasIndex(t => new { t.DivisionCode, t.StartsOn });
    }
}

internal sealed class SocialWorkTrainingParticipantConfiguration : IEntityTypeConfiguration<SocialWorkTrainingParticipant>
{
    public void Configure(EntityTypeBuilder<SocialWorkTrainingParticipant> b)
    {
        b.ToTable("socialwork_training_participant");
        b.HasKey(p => p.Id);
        b.Property(p => p.DivisionCode).HasMaxLength(12);
        b.HasIndex(p => new { p.TrainingId, p.WorkerId }).IsUnique();
        b.HasIndex(p => p.WorkerId);
    }
}

public sealed record TrainingInput
{
    [Text(200)] public string? Topic { get; init; }
    [Text(20)] public string? Level { get; init; }
    [Text(100)] public string? Organiser { get; init; }
    [Text(200)] public string? Place { get; init; }
    public DateOnly? StartsOn { get; init; }
    public DateOnly? EndsOn { get; init; }
    [Within(0, 1000)] public decimal? Hours { get; init; }
}

public sealed record ParticipantInput
{
    public Guid? WorkerId { get; init; }
}

public sealed record AttendanceInput
{
    public bool? Attended { get; init; }
}

/// <summary>One participant with the exam result of the training's year: sat (any subject of the level that year) and passed (ExamRules).</summary>
public sealed record TrainingResult(SocialWorkTrainingParticipant Participant, string DivisionCode, bool Sat, bool Passed);

/// <summary>Trained, sat and passed per county in one year.</summary>
public sealed record TrainingCountyRow(string DivisionCode, string DivisionName, int Trained, int Sat, int Passed);

/// <summary>
/// 考前培训 (issue 16 item 5): sessions organised by a county or the city, their participants (social workers in scope) and
/// attendance, and the results of the training's exam year computed from the exam record by <see cref="ExamRules"/>.
/// </summary>
public sealed class Trainings(AppDbContext db, Staff staff, DivisionDirectory divisions, BusinessClock clock, ICurrentUser user)
{
    public static IReadOnlyList<QualificationLevel> Levels { get; } = [QualificationLevel.Assistant, QualificationLevel.Intermediate];

    private static QualificationLevel? ParseLevel(string? s) => s?.Trim() switch
    {
        "assistant" => QualificationLevel.Assistant,
        "intermediate" => QualificationLevel.Intermediate,
        _ => null,
    };

    public async Task<SocialWorkTraining> GetAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<SocialWorkTraining>().FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw AppProblem.NotFound("考前培训");

    public Task<Paged<SocialWorkTraining>> ListAsync(int? year, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<SocialWorkTraining>().AsNoTracking();
        if (year is >= 2000 and <= 2100)
        {
            var (from, to) = (new DateOnly(year.Value, 1, 1), new DateOnly(year.Value, 12, 31));
            q = q.Where(t => t.StartsOn >= from && t.StartsOn <= to);
        }
        return q.OrderByDescending(t => t.StartsOn).ThenBy(t => t.Id).ToPagedAsync(page, ct);
    }

    public async Task<SocialWorkTraining> CreateAsync(TrainingInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var errors = new ValidationErrors();
        // organised by a county or the city: the user's own division at one of those levels
        var division = user.DivisionCode is { } d && DivisionCodes.IsWellFormed(d) && DivisionCodes.LevelOf(d) is DivisionLevel.County or DivisionLevel.City ? d : null;
        if (division is null) errors.Add("divisionCode", "考前培训由县（市、区）或市组织，您的账号不属于县级或市级");
        if (string.IsNullOrWhiteSpace(input.Topic)) errors.Add("topic", "请填写培训主题");
        var level = ParseLevel(input.Level);
        if (level is null) errors.Add("level", "请选择培训面向的等级：assistant（助理社会工作师）或 intermediate（社会工作师）");
        if (string.IsNullOrWhiteSpace(input.Organiser)) errors.Add("organiser", "请填写组织单位");
        if (input.StartsOn is not { } starts) errors.Add("startsOn", "请填写培训开始日期");
        else if (starts > clock.Today.AddYears(1)) errors.Add("startsOn", "开始日期不能晚于明年今日");
        if (input.EndsOn is { } ends && input.StartsOn is { } s && ends < s) errors.Add("endsOn", "结束日期不能早于开始日期");
        else if (input.EndsOn is { } e && input.StartsOn is { } s2 && e.DayNumber - s2.DayNumber > 60) errors.Add("endsOn", "一期培训不超过 60 天");
        if (input.Hours is not { } hours || hours <= 0) errors.Add("hours", "请填写培训学时（大于 0）");
        else if (decimal.Round(hours, 1) != hours) errors.Add("hours", "学时最多一位小数");
        errors.ThrowIfAny();
        var training = new SocialWorkTraining
        {
            DivisionCode = division!,
            Topic = input.Topic!.Trim(),
            Level = level!.Value,
            Organiser = input.Organiser!.Trim(),
            Place = input.Place?.Trim() ?? "",
            StartsOn = input.StartsOn!.Value,
            EndsOn = input.EndsOn ?? input.StartsOn!.Value,
            Hours = input.Hours!.Value,
            RecordedBy = user.UserName,
        };
        db.Add(training);
        await db.SaveChangesAsync(ct);
        return training;
    }

    /// <summary>Adds a social worker in scope (and within the training's division) as a participant.</summary>
    public async Task<SocialWorkTrainingParticipant> AddParticipantAsync(Guid trainingId, ParticipantInput input, CancellationToken ct = default)
    {
        var training = await GetAsync(trainingId, ct);
        var prefix = DivisionCodes.ScopePrefix(training.DivisionCode);
        SocialWorker? worker = null;
        if (input.WorkerId is not { } wid) throw AppProblem.Field("workerId", "请选择社工");
        if ((worker = await db.Set<SocialWorker>().AsNoTracking().FirstOrDefaultAsync(w => w.Id == wid, ct)) is null || !worker.DivisionCode.StartsWith(prefix, StringComparison.Ordinal))
            throw AppProblem.Field("workerId", "社工不存在，或不在本次培训组织单位的管辖范围内");
        if (await db.Set<SocialWorkTrainingParticipant>().AnyAsync(p => p.TrainingId == trainingId && p.WorkerId == wid, ct))
            throw AppProblem.Conflict("socialwork_training_participant_exists", "该社工已在本次培训名单中");
        var participant = new SocialWorkTrainingParticipant { TrainingId = training.Id, DivisionCode = training.DivisionCode, WorkerId = worker.Id, PersonId = worker.PersonId };
        db.Add(participant);
        await db.SaveChangesAsync(ct);
        return participant;
    }

    public async Task RemoveParticipantAsync(Guid trainingId, Guid participantId, CancellationToken ct = default)
    {
        await GetAsync(trainingId, ct);
        var p = await db.Set<SocialWorkTrainingParticipant>().FirstOrDefaultAsync(p => p.Id == participantId && p.TrainingId == trainingId, ct)
                ?? throw AppProblem.NotFound("培训学员");
        db.Remove(p);
        await db.SaveChangesAsync(ct);
    }

    public async Task<SocialWorkTrainingParticipant> SetAttendanceAsync(Guid trainingId, Guid participantId, AttendanceInput input, CancellationToken ct = default)
    {
        var training = await GetAsync(trainingId, ct);
        var p = await db.Set<SocialWorkTrainingParticipant>().FirstOrDefaultAsync(p => p.Id == participantId && p.TrainingId == trainingId, ct)
                ?? throw AppProblem.NotFound("培训学员");
        if (input.Attended is not { } attended) throw AppProblem.Field("attended", "请选择是否出勤");
        if (attended && training.StartsOn > clock.Today) throw AppProblem.Field("attended", "培训尚未开始，不能登记出勤");
        p.Attended = attended;
        await db.SaveChangesAsync(ct);
        return p;
    }

    /// <summary>The participants of these trainings with the results of each training's exam year, read from the exam record.</summary>
    public async Task<IReadOnlyList<(SocialWorkTraining Training, TrainingResult Result)>> ResultsAsync(IReadOnlyList<SocialWorkTraining> trainings, CancellationToken ct = default)
    {
        var ids = trainings.Select(t => t.Id).ToList();
        var participants = await db.Set<SocialWorkTrainingParticipant>().AsNoTracking().Where(p => ids.Contains(p.TrainingId)).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).ToListAsync(ct);
        var workerIds = participants.Select(p => p.WorkerId).Distinct().ToList();
        // the exam record and the worker's division are read through the scope filter: a worker the user no longer sees counts as not sat
        var workers = await db.Set<SocialWorker>().AsNoTracking().Where(w => workerIds.Contains(w.Id)).Select(w => new { w.Id, w.DivisionCode }).ToDictionaryAsync(w => w.Id, w => w.DivisionCode, ct);
        var attempts = (await db.Set<SocialWorkExamAttempt>().AsNoTracking().Where(a => workerIds.Contains(a.WorkerId)).ToListAsync(ct))
            .ToLookup(a => a.WorkerId, a => new ExamRules.Attempt(a.Year, a.Subject, a.Score));
        var byId = trainings.ToDictionary(t => t.Id);
        return [.. participants.Select(p =>
        {
            var t = byId[p.TrainingId];
            var division = workers.GetValueOrDefault(p.WorkerId) ?? t.DivisionCode;
            var (sat, passed) = ExamRules.TrainingOutcome([.. attempts[p.WorkerId]], y => staff.PassMark(division, y), t.Level, t.StartsOn.Year);
            return (t, new TrainingResult(p, division, sat, passed));
        })];
    }

    /// <summary>Trained (attended), sat and passed per county in <paramref name="year"/>, each worker counted once per county.</summary>
    public async Task<IReadOnlyList<TrainingCountyRow>> ByCountyAsync(int year, CancellationToken ct = default)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var trainings = await db.Set<SocialWorkTraining>().AsNoTracking().Where(t => t.StartsOn >= from && t.StartsOn <= to).ToListAsync(ct);
        var results = (await ResultsAsync(trainings, ct)).Where(r => r.Result.Participant.Attended).Select(r => r.Result).ToList();
        return [.. results.GroupBy(r => DivisionCodes.CountyPart(r.DivisionCode).PadRight(DivisionCodes.Length, '0')).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var perWorker = g.GroupBy(r => r.Participant.WorkerId).Select(w => (Sat: w.Any(r => r.Sat), Passed: w.Any(r => r.Passed))).ToList();
                return new TrainingCountyRow(g.Key, divisions.Find(g.Key)?.Name ?? g.Key, perWorker.Count, perWorker.Count(w => w.Sat), perWorker.Count(w => w.Passed));
            })];
    }

    /// <summary>The social workers the user may add to a training: in scope, within the training's division, still in post.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Label)>> CandidatesAsync(SocialWorkTraining training, CancellationToken ct = default)
    {
        var prefix = DivisionCodes.ScopePrefix(training.DivisionCode);
        var taken = db.Set<SocialWorkTrainingParticipant>().Where(p => p.TrainingId == training.Id).Select(p => p.WorkerId);
        var rows = await db.Set<SocialWorker>().AsNoTracking().Where(w => w.LeftOn == null && w.DivisionCode.StartsWith(prefix) && !taken.Contains(w.Id))
            .OrderBy(w => w.DivisionCode).ThenBy(w => w.Id).Take(500).Select(w => new { w.Id, w.PersonId, w.DivisionCode, w.Qualification }).ToListAsync(ct);
        var names = await db.PersonNamesAsync(rows.Select(r => (Guid?)r.PersonId), ct);
        return [.. rows.Select(r => (r.Id, $"{names.GetValueOrDefault(r.PersonId)}（{divisions.FullName(r.DivisionCode)}，{ExamRules.Name(r.Qualification)}）"))];
    }
}

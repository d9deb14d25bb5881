using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.SocialWork;

public sealed record WorkerInput
{
    public Guid? PersonId { get; init; }
    public Guid? StationId { get; init; }
    [Text(20)] public string? Post { get; init; }
    [Text(20)] public string? CertificateLevel { get; init; }
    [Text(50)] public string? CertificateNumber { get; init; }
    public DateOnly? JoinedOn { get; init; }
    public DateOnly? LeftOn { get; init; }
    public int? Version { get; init; }
}

public sealed record ExamInput
{
    [Within(2008, 2100)] public int? Year { get; init; }
    [Text(40)] public string? Subject { get; init; }
    [Within(0, 100)] public decimal? Score { get; init; }
}

/// <summary>
/// A station's social workers (issue 16 item 5.2): post, certificate and the exam record, from which the qualification is
/// derived by <see cref="ExamRules"/> with the pass mark of each exam year from the figure book.
/// </summary>
public sealed class Staff(AppDbContext db, BusinessClock clock, FigureBook figures, ICurrentUser user)
{
    public static string PostCode(StaffPost p) => p switch { StaffPost.Head => "head", StaffPost.Assistant => "assistant", _ => "worker" };

    public static string PostName(StaffPost p) => p switch { StaffPost.Head => "站长", StaffPost.Assistant => "助理", _ => "社工" };

    public static string LevelCode(QualificationLevel l) => l switch
    {
        QualificationLevel.Assistant => "assistant",
        QualificationLevel.Intermediate => "intermediate",
        QualificationLevel.Senior => "senior",
        _ => "none",
    };

    public static string SubjectCode(ExamSubject s) => s switch
    {
        ExamSubject.AssistantComprehensive => "assistant-comprehensive",
        ExamSubject.AssistantPractice => "assistant-practice",
        ExamSubject.IntermediateComprehensive => "intermediate-comprehensive",
        ExamSubject.IntermediatePractice => "intermediate-practice",
        ExamSubject.IntermediateRegulations => "intermediate-regulations",
        _ => "senior-practice",
    };

    private static StaffPost? ParsePost(string? s) => s?.Trim() switch { "head" => StaffPost.Head, "worker" => StaffPost.SocialWorker, "assistant" => StaffPost.Assistant, _ => null };

    private static QualificationLevel? ParseLevel(string? s) => s?.Trim() switch
    {
        null or "" or "none" => QualificationLevel.None,
        "assistant" => QualificationLevel.Assistant,
        "intermediate" => QualificationLevel.Intermediate,
        "senior" => QualificationLevel.Senior,
        _ => null,
    };

    public static ExamSubject? ParseSubject(string? s) => Enum.GetValues<ExamSubject>().Where(x => SubjectCode(x) == s?.Trim()).Select(x => (ExamSubject?)x).FirstOrDefault();

    public async Task<SocialWorker> GetAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<SocialWorker>().FirstOrDefaultAsync(w => w.Id == id, ct) ?? throw AppProblem.NotFound("社工");

    public async Task<SocialWorker> CreateAsync(WorkerInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var errors = new ValidationErrors();
        SocialWorkStation? station = null;
        if (input.StationId is not { } sid) errors.Add("stationId", "请选择社工站");
        else if ((station = await db.Set<SocialWorkStation>().FirstOrDefaultAsync(s => s.Id == sid, ct)) is null) errors.Add("stationId", "社工站不存在或不在您的管辖范围内");
        if (input.PersonId is not { } pid) errors.Add("personId", "请选择人员（人口库）");
        else if (!await db.Persons.AnyAsync(p => p.Id == pid, ct)) errors.Add("personId", "人口库中没有该人员，或不在您的管辖范围内");
        var (post, level) = Check(input, errors);
        if (input.JoinedOn is null) errors.Add("joinedOn", "请填写入职日期");
        errors.ThrowIfAny();
        if (station!.Status == StationStatus.Closed) throw AppProblem.Conflict("socialwork_station_closed", "社工站已撤销，不能再登记社工");
        if (await db.Set<SocialWorker>().AnyAsync(w => w.StationId == station.Id && w.PersonId == input.PersonId, ct))
            throw AppProblem.Conflict("socialwork_worker_exists", "该人员已是本站社工");
        var worker = new SocialWorker
        {
            PersonId = input.PersonId!.Value,
            StationId = station.Id,
            DivisionCode = station.DivisionCode,
            OrganizationId = station.OrganizationId,
        };
        Apply(worker, input, post, level);
        worker.Qualification = level;
        db.Add(worker);
        await db.SaveChangesAsync(ct);
        return worker;
    }

    public async Task<SocialWorker> UpdateAsync(Guid id, WorkerInput input, CancellationToken ct = default)
    {
        var worker = await GetAsync(id, ct);
        InputRules.ThrowIfInvalid(input);
        var errors = new ValidationErrors();
        if (input.Version is null) errors.Add("version", "缺少版本号");
        var (post, level) = Check(input, errors);
        if (input.JoinedOn is null) errors.Add("joinedOn", "请填写入职日期");
        errors.ThrowIfAny();
        db.ExpectVersion(worker, input.Version!.Value);
        Apply(worker, input, post, level);
        await DeriveAsync(worker, null, ct);
        await db.SaveChangesAsync(ct);
        return worker;
    }

    private static (StaffPost Post, QualificationLevel Level) Check(WorkerInput input, ValidationErrors errors)
    {
        var post = ParsePost(input.Post);
        if (post is null) errors.Add("post", "岗位只能是 head（站长）、worker（社工）或 assistant（助理）");
        var level = ParseLevel(input.CertificateLevel);
        if (level is null) errors.Add("certificateLevel", "证书等级只能是 none、assistant（助理社会工作师）、intermediate（社会工作师）或 senior（高级社会工作师）");
        else if (level != QualificationLevel.None && string.IsNullOrWhiteSpace(input.CertificateNumber)) errors.Add("certificateNumber", "持有证书的请填写证书编号");
        if (input.LeftOn is { } left && input.JoinedOn is { } joined && left < joined) errors.Add("leftOn", "离职日期不能早于入职日期");
        return (post ?? StaffPost.SocialWorker, level ?? QualificationLevel.None);
    }

    private static void Apply(SocialWorker w, WorkerInput input, StaffPost post, QualificationLevel level)
    {
        w.Post = post;
        w.CertificateLevel = level;
        w.CertificateNumber = level == QualificationLevel.None ? "" : input.CertificateNumber!.Trim();
        w.JoinedOn = input.JoinedOn!.Value;
        w.LeftOn = input.LeftOn;
    }

    public async Task<IReadOnlyList<SocialWorkExamAttempt>> ExamsAsync(Guid workerId, CancellationToken ct = default)
    {
        await GetAsync(workerId, ct);
        return await db.Set<SocialWorkExamAttempt>().AsNoTracking().Where(a => a.WorkerId == workerId)
            .OrderBy(a => a.Year).ThenBy(a => a.Subject).ToListAsync(ct);
    }

    /// <summary>Records one subject's score and derives the qualification again (one row per worker, year and subject).</summary>
    public async Task<SocialWorker> AddExamAsync(Guid workerId, ExamInput input, CancellationToken ct = default)
    {
        var worker = await GetAsync(workerId, ct);
        InputRules.ThrowIfInvalid(input);
        var errors = new ValidationErrors();
        if (input.Year is not { } year) errors.Add("year", "请填写考试年度");
        else if (year > clock.Today.Year) errors.Add("year", "考试年度不能晚于今年");
        var subject = ParseSubject(input.Subject);
        if (subject is null) errors.Add("subject", "请选择考试科目");
        if (input.Score is not { } score) errors.Add("score", "请填写成绩");
        else if (decimal.Round(score, 1) != score) errors.Add("score", "成绩最多一位小数");
        errors.ThrowIfAny();
        if (await db.Set<SocialWorkExamAttempt>().AnyAsync(a => a.WorkerId == workerId && a.Year == input.Year && a.Subject == subject, ct))
            throw AppProblem.Conflict("socialwork_exam_recorded", $"{input.Year}年“{ExamRules.Name(subject!.Value)}”的成绩已登记");
        var attempt = new SocialWorkExamAttempt
        {
            WorkerId = worker.Id,
            DivisionCode = worker.DivisionCode,
            OrganizationId = worker.OrganizationId,
            Year = input.Year!.Value,
            Subject = subject!.Value,
            Score = input.Score!.Value,
            RecordedBy = user.UserName,
        };
        // derived before anything is saved: a missing pass mark refuses the whole entry (409 standard_missing)
        await DeriveAsync(worker, new ExamRules.Attempt(attempt.Year, attempt.Subject, attempt.Score), ct);
        db.Add(attempt);
        await db.SaveChangesAsync(ct);
        return worker;
    }

    /// <summary>The pass mark of an exam year: the figure in force at the middle of that year for the worker's division.</summary>
    public decimal PassMark(string division, int year) => figures.Require(SocialWorkFigures.ExamPassMark, division, new DateOnly(year, 6, 30)).Number;

    public async Task<ExamRules.Outcome> OutcomeAsync(SocialWorker worker, ExamRules.Attempt? added = null, CancellationToken ct = default)
    {
        var attempts = await db.Set<SocialWorkExamAttempt>().AsNoTracking().Where(a => a.WorkerId == worker.Id)
            .Select(a => new ExamRules.Attempt(a.Year, a.Subject, a.Score)).ToListAsync(ct);
        if (added is not null) attempts.Add(added);
        return ExamRules.Evaluate(attempts, y => PassMark(worker.DivisionCode, y), clock.Today.Year);
    }

    private async Task DeriveAsync(SocialWorker worker, ExamRules.Attempt? added, CancellationToken ct)
    {
        var outcome = await OutcomeAsync(worker, added, ct);
        worker.Qualification = ExamRules.Held(worker.CertificateLevel, outcome);
        worker.SeniorPassYear = outcome.SeniorPassYear;
    }

    public Task<Paged<SocialWorker>> ListAsync(Guid? stationId, string? level, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<SocialWorker>().AsNoTracking();
        if (stationId is { } s) q = q.Where(w => w.StationId == s);
        if (!string.IsNullOrWhiteSpace(level) && ParseLevel(level) is { } l) q = q.Where(w => w.Qualification == l);
        return q.OrderBy(w => w.DivisionCode).ThenBy(w => w.Post).ThenBy(w => w.Id).ToPagedAsync(page, ct);
    }
}

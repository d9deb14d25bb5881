using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.ElderlyCare.Assessment.Rules;
using Minzheng.Web.Modules.ElderlyCare.Homes;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.ElderlyCare.Assessment;

/// <summary><c>POST /ability/score</c>: an answer sheet, scored without storing anything.</summary>
public sealed record ScoreInput(Dictionary<string, int?>? Answers, bool DementiaDiagnosis, int? RiskEvents30Days);

/// <summary>An assessment of a registry person by two assessors.</summary>
public sealed record AssessInput
{
    public Guid? PersonId { get; init; }
    public Dictionary<string, int?>? Answers { get; init; }
    public bool DementiaDiagnosis { get; init; }
    public int? RiskEvents30Days { get; init; }
    public AssessmentReason? Reason { get; init; }
    [Text(50)] public string? Assessor1 { get; init; }
    [Text(50)] public string? Assessor2 { get; init; }
    public DateOnly? AssessedOn { get; init; }
}

public sealed record ScoreResult(int Total, object Indicators, int BaseLevel, int Level, string LevelName, IReadOnlyList<string> Reasons, string Version);

/// <summary>老年人能力评估 (GB/T 42195-2022): scoring, and stored assessments of registry people with the server's totals and the reassessment due date.</summary>
public sealed class AbilityAssessments(AppDbContext db, FigureBook figures, BusinessClock clock, ICurrentUser user, CaseNumbers numbers)
{
    private static readonly NumberSeries Series = new("NLPG", null, 6);

    public static ScoreResult Score(ScoreInput input)
    {
        var risks = input.RiskEvents30Days ?? 0;
        var errors = AbilityRules.Check(input.Answers, risks);
        if (errors.Count > 0) throw AppProblem.Validation(errors.ToDictionary(e => e.Key, e => new[] { e.Value }));
        return ToResult(AbilityRules.Score(input.Answers!, input.DementiaDiagnosis, risks));
    }

    public static ScoreResult ToResult(AbilityScore s) =>
        new(s.Total, new { selfCare = s.SelfCare, motor = s.Motor, mental = s.Mental, perception = s.Perception }, s.BaseLevel, s.Level, AbilityRules.LevelName(s.Level), s.Reasons, AbilityRules.Version);

    public async Task<AbilityAssessment> AssessAsync(AssessInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var risks = input.RiskEvents30Days ?? 0;
        var errors = AbilityRules.Check(input.Answers, risks).ToDictionary(e => e.Key, e => new List<string> { e.Value });
        void Add(string field, string message) => errors[field] = [message];
        if (input.PersonId is null) Add("personId", "请选择被评估的老人");
        if (input.Reason is null) Add("reason", "请选择评估原因：首次、常规、即时、复评或其他");
        if (string.IsNullOrWhiteSpace(input.Assessor1)) Add("assessor1", "须由两名评估员评估：请填写评估员一");
        if (string.IsNullOrWhiteSpace(input.Assessor2)) Add("assessor2", "须由两名评估员评估：请填写评估员二");
        else if (input.Assessor2.Trim() == input.Assessor1?.Trim()) Add("assessor2", "两名评估员不能是同一人");
        var on = input.AssessedOn ?? clock.Today;
        if (on > clock.Today) Add("assessedOn", "评估日期不能晚于今天");
        if (errors.Count > 0) throw AppProblem.Validation(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));

        // Who is assessed: a division user assesses a person in scope; a home's account assesses its own current residents
        // (the person itself is outside its scope, the residence is inside).
        Guid? organizationId = null;
        string division;
        if (user.OrganizationId is { } own)
        {
            var resident = await db.Set<Resident>().AnyAsync(r => r.PersonId == input.PersonId && r.DischargedOn == null, ct);
            if (!resident) throw AppProblem.Field("personId", "只能评估本机构在住的老人");
            organizationId = own;
            division = await db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]).Where(p => p.Id == input.PersonId).Select(p => p.DivisionCode).FirstAsync(ct);
        }
        else
        {
            division = await db.Persons.Where(p => p.Id == input.PersonId).Select(p => p.DivisionCode).FirstOrDefaultAsync(ct)
                ?? throw AppProblem.Field("personId", "老人不在人员库中或不在您的管辖范围内", "person_not_found");
            // assessed as a resident of a home: the home sees the assessment too
            organizationId = await db.Set<Resident>().Where(r => r.PersonId == input.PersonId && r.DischargedOn == null).Select(r => r.OrganizationId).FirstOrDefaultAsync(ct);
        }
        var months = figures.Require(HomesFigures.ReassessMonths, division, on);
        var score = AbilityRules.Score(input.Answers!, input.DementiaDiagnosis, risks);
        var reasons = score.Reasons.Append($"再评估间隔：{months.Basis}").ToList();
        var assessment = new AbilityAssessment
        {
            Number = await numbers.NextAsync(Series with { Year = on.Year }, db.Set<AbilityAssessment>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Select(a => (string?)a.Number), ct),
            PersonId = input.PersonId!.Value,
            DivisionCode = division,
            OrganizationId = organizationId,
            ScaleVersion = AbilityRules.Version,
            Answers = JsonSerializer.Serialize(AbilityRules.Items.ToDictionary(i => i.Code, i => input.Answers![i.Code])),
            DementiaDiagnosis = input.DementiaDiagnosis,
            RiskEvents30Days = risks,
            Total = score.Total,
            SelfCare = score.SelfCare,
            Motor = score.Motor,
            Mental = score.Mental,
            Perception = score.Perception,
            BaseLevel = score.BaseLevel,
            Level = score.Level,
            Reasons = JsonSerializer.Serialize(reasons),
            Reason = input.Reason!.Value,
            Assessor1 = input.Assessor1!.Trim(),
            Assessor2 = input.Assessor2!.Trim(),
            AssessedOn = on,
            NextDueOn = on.AddMonths(months.Number),
            RecordedBy = user.UserName,
        };
        db.Add(assessment);
        // the resident's level follows the latest assessment
        foreach (var resident in await db.Set<Resident>().Where(r => r.PersonId == assessment.PersonId && r.DischargedOn == null).ToListAsync(ct))
        {
            resident.AbilityLevel = assessment.Level;
            resident.AssessmentId = assessment.Id;
        }
        await db.SaveChangesAsync(ct);
        return assessment;
    }

    public async Task<AbilityAssessment> LoadAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<AbilityAssessment>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw AppProblem.NotFound("能力评估");

    /// <summary>Assessments in scope, newest first; <paramref name="due"/> keeps the latest of each person whose reassessment is due by today.</summary>
    public async Task<Paged<AbilityAssessment>> ListAsync(Guid? personId, bool due, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<AbilityAssessment>().AsNoTracking();
        if (personId is { } p) q = q.Where(a => a.PersonId == p);
        if (due)
        {
            var today = clock.Today;
            q = q.Where(a => a.NextDueOn <= today && !db.Set<AbilityAssessment>().Any(b => b.PersonId == a.PersonId && b.AssessedOn > a.AssessedOn));
        }
        return await q.OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.Id).ToPagedAsync(page, ct);
    }

    public static object ToDto(AbilityAssessment a) => new
    {
        a.Id,
        a.Number,
        a.PersonId,
        a.OrganizationId,
        a.ScaleVersion,
        answers = JsonDocument.Parse(a.Answers).RootElement,
        a.DementiaDiagnosis,
        a.RiskEvents30Days,
        a.Total,
        indicators = new { selfCare = a.SelfCare, motor = a.Motor, mental = a.Mental, perception = a.Perception },
        a.BaseLevel,
        a.Level,
        levelName = AbilityRules.LevelName(a.Level),
        reasons = JsonDocument.Parse(a.Reasons).RootElement,
        a.Reason,
        a.Assessor1,
        a.Assessor2,
        a.AssessedOn,
        a.NextDueOn,
    };
}

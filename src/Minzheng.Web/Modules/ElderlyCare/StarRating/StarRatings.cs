using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.ElderlyCare.Inspections;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Modules.ElderlyCare.StarRating;

public sealed record StarApplyInput([RequiredInput] Guid? OrganizationId, [RequiredInput, Within(1, 5)] int? AppliedLevel, [RequiredInput] StarRatingSetup.EvaluateInput? SelfAssessment);

public sealed record StarScoreInput([RequiredInput, Text(500)] string? Experts, [RequiredInput] StarRatingSetup.EvaluateInput? Scores, int? Version);

public sealed record StarActionInput([Text(500)] string? Opinion, int? Version);

/// <summary>
/// 星级评定 on the workflow kernel (<see cref="StarRatingProcess"/>): an application with the home's self-assessment; county
/// experts score each section and the level follows; the decision publishes it with its validity; a refusal or a return for
/// new scores needs an opinion.
/// </summary>
public sealed class StarRatings(AppDbContext db, ICurrentUser user, BusinessClock clock, FigureBook figures, CaseNumbers numbers, WorkflowEngine workflow)
{
    public async Task<StarRatingRecord> ApplyAsync(StarApplyInput input, CancellationToken ct)
    {
        InputRules.ThrowIfInvalid(input);
        var self = StarRatingSetup.Scores(input.SelfAssessment!, "selfAssessment.");
        var org = await db.Set<Organization>().FirstOrDefaultAsync(o => o.Id == input.OrganizationId, ct)
            ?? throw AppProblem.Field("organizationId", "机构不存在或不在您的管辖范围内");
        if (org.Status != OrganizationStatus.Active) throw AppProblem.Field("organizationId", "该机构已注销或被撤销登记");
        if (await db.Set<StarRatingRecord>().AnyAsync(r => r.OrganizationId == org.Id && (r.State == StarRatingState.Applied || r.State == StarRatingState.Scored), ct))
        {
            throw AppProblem.Conflict("star_rating_open", "该机构已有待评定的星级申请");
        }
        var today = clock.Today;
        var number = await numbers.NextAsync(new NumberSeries("XJ" + org.DivisionCode[..6], today.Year, 4),
            db.Set<StarRatingRecord>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Select(r => (string?)r.Number), ct);
        var record = new StarRatingRecord
        {
            Number = number,
            OrganizationId = org.Id,
            HomeName = org.Name,
            DivisionCode = org.DivisionCode,
            AppliedOn = today,
            AppliedLevel = input.AppliedLevel!.Value,
            SelfEnvironment = self.Environment,
            SelfFacilities = self.Facilities,
            SelfManagement = self.Management,
            SelfService = self.Service,
            SelfLevel = StarRules.Evaluate(self).Level,
            AppliedBy = user.UserName,
        };
        db.Add(record);
        await workflow.StartAsync(StarRatingProcess.Code, StarRatingProcess.SubjectType, record.Id, $"星级评定 {record.Number} {record.HomeName}", record.DivisionCode,
            $"申请{StarRules.LevelName(record.AppliedLevel)}，机构自评{StarRules.LevelName(record.SelfLevel)}", ct);
        await db.SaveChangesAsync(ct);
        return record;
    }

    /// <summary>The experts' section scores (专家评分): the level is computed, never typed; the decision follows as its own step.</summary>
    public async Task<StarRatingRecord> ScoreAsync(Guid id, StarScoreInput input, CancellationToken ct)
    {
        InputRules.ThrowIfInvalid(input);
        var scores = StarRatingSetup.Scores(input.Scores!, "scores.");
        var record = await LoadAsync(id, ct);
        if (record.State != StarRatingState.Applied) throw AppProblem.Conflict("star_rating_rated", "该申请已评分或已办结");
        var wf = await CaseOfAsync(record, ct);
        var result = StarRules.Evaluate(scores);
        await workflow.PerformAsync(wf, new TransitionRequest(StarRatingProcess.Score, $"{input.Experts!.Trim()}：总分 {result.Total:0.#}，{StarRules.LevelName(result.Level)}")
        { Subject = record, Version = input.Version }, t =>
        {
            record.Environment = scores.Environment;
            record.Facilities = scores.Facilities;
            record.Management = scores.Management;
            record.Service = scores.Service;
            record.Total = result.Total;
            record.Level = result.Level;
            record.Experts = input.Experts!.Trim();
            record.RatedOn = clock.Today;
            record.Basis = $"{StarRules.Standard}；{string.Join("；", result.Reasons)}";
            return Task.CompletedTask;
        }, ct);
        record.State = StarRatingProcess.StateOf(wf.State);
        await db.SaveChangesAsync(ct);
        return record;
    }

    /// <summary>
    /// The decision on a scored application: 公布 (valid for the figure's years from the decision day, on the public list until
    /// then), 退回 for new scores, or 不予评定 — the two last with an opinion (the engine answers 400 on <c>opinion</c>).
    /// </summary>
    public async Task<StarRatingRecord> DecideAsync(Guid id, string action, StarActionInput input, CancellationToken ct)
    {
        InputRules.ThrowIfInvalid(input);
        var record = await LoadAsync(id, ct);
        var wf = await CaseOfAsync(record, ct);
        await workflow.PerformAsync(wf, new TransitionRequest(action, input.Opinion) { Subject = record, Version = input.Version }, t =>
        {
            var today = clock.Today;
            switch (t.Action)
            {
                case StarRatingProcess.Publish:
                    {
                        if (record.Level is not > 0) throw AppProblem.Conflict("star_rating_no_level", "专家评分未达到一级，不能公布等级（请不予评定）");
                        var validity = figures.Require(OversightFigures.StarValidityYears, record.DivisionCode[..6].PadRight(12, '0'), today);
                        record.RatedOn = today;
                        record.ValidUntil = today.AddYears(validity.Number).AddDays(-1);
                        record.Basis = $"{record.Basis}；有效期：{validity.Basis}";
                        break;
                    }
                case StarRatingProcess.Return:
                    record.Environment = record.Facilities = record.Management = record.Service = record.Total = null;
                    record.Level = null;
                    record.Experts = null;
                    record.RatedOn = null;
                    record.Basis = null;
                    break;
            }
            return Task.CompletedTask;
        }, ct);
        record.State = StarRatingProcess.StateOf(wf.State);
        await db.SaveChangesAsync(ct);
        return record;
    }

    private async Task<StarRatingRecord> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Set<StarRatingRecord>().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw AppProblem.NotFound("星级评定申请");

    public async Task<WorkflowCase> CaseOfAsync(StarRatingRecord r, CancellationToken ct = default) =>
        await db.WorkflowCases.IgnoreQueryFilters([AppDbContext.ScopeFilter]) // the record itself was loaded through the scope filter
            .FirstOrDefaultAsync(w => w.SubjectType == StarRatingProcess.SubjectType && w.SubjectId == r.Id, ct)
        ?? throw new InvalidOperationException($"星级评定 {r.Number} 没有业务流程");

    /// <summary>The case's timeline, oldest first.</summary>
    public async Task<List<WorkflowCaseEvent>> TimelineAsync(Guid id, CancellationToken ct = default) =>
        (await db.WorkflowCases.AsNoTracking().Where(w => w.SubjectType == StarRatingProcess.SubjectType && w.SubjectId == id).SelectMany(w => w.Events).ToListAsync(ct))
        .OrderBy(e => e.At).ThenBy(e => e.Id).ToList();

    public sealed record PublicRating(string Home, string County, int Level, string LevelName, decimal Total, DateOnly RatedOn, DateOnly ValidUntil);

    /// <summary>The public list: every home's current level (rated, in validity, the latest), read across scopes on purpose, as of today.</summary>
    public async Task<Paged<PublicRating>> PublicAsync(PageRequest page, Platform.Divisions.DivisionDirectory divisions, CancellationToken ct)
    {
        var today = clock.Today;
        var rows = await db.Set<StarRatingRecord>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking()
            .Where(r => r.State == StarRatingState.Published && r.Level > 0 && r.ValidUntil >= today)
            .OrderByDescending(r => r.Level).ThenBy(r => r.HomeName).ThenByDescending(r => r.RatedOn).ToPagedAsync(page, ct);
        return new Paged<PublicRating>([.. rows.Items.Select(r => new PublicRating(r.HomeName, divisions.NameOf(r.DivisionCode[..6].PadRight(12, '0')), r.Level!.Value,
            StarRules.LevelName(r.Level.Value), r.Total!.Value, r.RatedOn!.Value, r.ValidUntil!.Value))], rows.Total, rows.Page, rows.PageSize);
    }
}

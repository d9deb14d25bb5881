using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.ElderlyCare.Inspections;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.ElderlyCare.StarRating;

public sealed record StarApplyInput([RequiredInput] Guid? OrganizationId, [RequiredInput, Within(1, 5)] int? AppliedLevel, [RequiredInput] StarRatingSetup.EvaluateInput? SelfAssessment);

public sealed record StarScoreInput([RequiredInput, Text(500)] string? Experts, [RequiredInput] StarRatingSetup.EvaluateInput? Scores, int? Version);

/// <summary>星级评定: a home applies with its self-assessment; county experts score each section; the level and its validity follow.</summary>
public sealed class StarRatings(AppDbContext db, ICurrentUser user, BusinessClock clock, FigureBook figures, CaseNumbers numbers)
{
    public async Task<StarRatingRecord> ApplyAsync(StarApplyInput input, CancellationToken ct)
    {
        InputRules.ThrowIfInvalid(input);
        var self = StarRatingSetup.Scores(input.SelfAssessment!, "selfAssessment.");
        var org = await db.Set<Organization>().FirstOrDefaultAsync(o => o.Id == input.OrganizationId, ct)
            ?? throw AppProblem.Field("organizationId", "机构不存在或不在您的管辖范围内");
        if (org.Status != OrganizationStatus.Active) throw AppProblem.Field("organizationId", "该机构已注销或被撤销登记");
        if (await db.Set<StarRatingRecord>().AnyAsync(r => r.OrganizationId == org.Id && r.State == StarRatingState.Applied, ct))
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
        await db.SaveChangesAsync(ct);
        return record;
    }

    /// <summary>The experts' section scores: the level is computed, never typed; valid for the configured years from the rating day.</summary>
    public async Task<StarRatingRecord> ScoreAsync(Guid id, StarScoreInput input, CancellationToken ct)
    {
        InputRules.ThrowIfInvalid(input);
        var scores = StarRatingSetup.Scores(input.Scores!, "scores.");
        var record = await db.Set<StarRatingRecord>().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw AppProblem.NotFound("星级评定申请");
        if (record.State != StarRatingState.Applied) throw AppProblem.Conflict("star_rating_rated", "该申请已评定");
        if (input.Version is { } v) db.ExpectVersion(record, v);
        var today = clock.Today;
        var validity = figures.Require(OversightFigures.StarValidityYears, record.DivisionCode[..6].PadRight(12, '0'), today);
        var result = StarRules.Evaluate(scores);
        record.Environment = scores.Environment;
        record.Facilities = scores.Facilities;
        record.Management = scores.Management;
        record.Service = scores.Service;
        record.Total = result.Total;
        record.Level = result.Level;
        record.Experts = input.Experts!.Trim();
        record.RatedOn = today;
        record.ValidUntil = result.Level > 0 ? today.AddYears(validity.Number).AddDays(-1) : null;
        record.Basis = $"{StarRules.Standard}；{string.Join("；", result.Reasons)}；有效期：{validity.Basis}";
        record.State = StarRatingState.Rated;
        await db.SaveChangesAsync(ct);
        return record;
    }

    public sealed record PublicRating(string Home, string County, int Level, string LevelName, decimal Total, DateOnly RatedOn, DateOnly ValidUntil);

    /// <summary>The public list: every home's current level (rated, in validity, the latest), read across scopes on purpose, as of today.</summary>
    public async Task<Paged<PublicRating>> PublicAsync(PageRequest page, Platform.Divisions.DivisionDirectory divisions, CancellationToken ct)
    {
        var today = clock.Today;
        var rows = await db.Set<StarRatingRecord>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking()
            .Where(r => r.State == StarRatingState.Rated && r.Level > 0 && r.ValidUntil >= today)
            .OrderByDescending(r => r.Level).ThenBy(r => r.HomeName).ThenByDescending(r => r.RatedOn).ToPagedAsync(page, ct);
        return new Paged<PublicRating>([.. rows.Items.Select(r => new PublicRating(r.HomeName, divisions.NameOf(r.DivisionCode[..6].PadRight(12, '0')), r.Level!.Value,
            StarRules.LevelName(r.Level.Value), r.Total!.Value, r.RatedOn!.Value, r.ValidUntil!.Value))], rows.Total, rows.Page, rows.PageSize);
    }
}

using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Modules.SocialOrganizations.SpotChecks;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.SocialOrganizations.Evaluation;

/// <summary>
/// What evaluation and spot checks publish on the public credit query (60号令 art. 6: the 评估等级 and its validity are credit
/// information; 民发〔2017〕45号: spot-check results are published). Reads past the scope filter on purpose: the query is
/// anonymous and these facts are public by law; only graded results and published checks are returned, never scores per expert.
/// </summary>
public sealed class EvaluationPublicFacts(AppDbContext db, BusinessClock clock) : IPublicFactSource
{
    public int Order => 30;

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<PublicFact>>> LoadAsync(IReadOnlyCollection<Guid> organizationIds, CancellationToken ct)
    {
        var today = clock.Today;
        var grades = await db.Set<SocialOrganizationProfile>().IgnoreQueryFilters().AsNoTracking()
            .Where(p => organizationIds.Contains(p.OrganizationId!.Value) && p.Grade != null)
            .Select(p => new { Id = p.OrganizationId!.Value, p.Grade, p.GradeValidUntil }).ToListAsync(ct);
        var graded = await db.Set<OrganizationEvaluation>().IgnoreQueryFilters().AsNoTracking()
            .Where(e => organizationIds.Contains(e.OrganizationId!.Value) && e.GradedOn != null)
            .Select(e => new { Id = e.OrganizationId!.Value, e.GradedOn }).ToListAsync(ct);
        var checks = await db.Set<SpotCheck>().IgnoreQueryFilters().AsNoTracking()
            .Where(c => organizationIds.Contains(c.OrganizationId!.Value) && c.PublishedOn != null)
            .Select(c => new { Id = c.OrganizationId!.Value, c.Year, c.State, c.RectifyDueOn, c.RectifiedOn, c.PublishedOn }).ToListAsync(ct);
        var facts = new Dictionary<Guid, List<PublicFact>>();
        List<PublicFact> Of(Guid id) => facts.TryGetValue(id, out var l) ? l : facts[id] = [];
        foreach (var g in grades)
        {
            var on = graded.Where(x => x.Id == g.Id).Max(x => x.GradedOn);
            var valid = g.GradeValidUntil is { } until && until >= today;
            Of(g.Id).Add(new PublicFact("评估等级", EvaluationRules.GradeName(g.Grade),
                valid ? $"有效期至{g.GradeValidUntil:yyyy年M月d日}" : $"已过有效期（{g.GradeValidUntil:yyyy年M月d日}）", on));
        }
        foreach (var c in checks.OrderByDescending(c => c.Year))
        {
            var result = c.State switch
            {
                SpotCheckState.Inspected => "未发现需整改的问题",
                SpotCheckState.Rectifying => $"责令整改，期限{c.RectifyDueOn:yyyy年M月d日}",
                SpotCheckState.Rectified => $"责令整改，已于{c.RectifiedOn:yyyy年M月d日}完成",
                _ => SpotCheckService.StateName(c.State),
            };
            Of(c.Id).Add(new PublicFact("抽查结果", $"{c.Year}年度抽查", result, c.PublishedOn));
        }
        return facts.ToDictionary(f => f.Key, f => (IReadOnlyList<PublicFact>)f.Value);
    }
}

/// <summary>The evaluation and spot-check panel on the one-organisation view: grade, validity, privileges, evaluations, checks.</summary>
public sealed class EvaluationOrganizationPanel(AppDbContext db, BusinessClock clock) : IOrganizationPanel
{
    public sealed record Model(int? Grade, DateOnly? ValidUntil, GradePrivileges Privileges, List<OrganizationEvaluation> Evaluations, List<SpotCheck> Checks);

    public string ModuleKey => "social-organizations";
    public string Title => "社会组织评估与抽查";
    public int Order => 62;
    public string PartialView => "/Modules/SocialOrganizations/Evaluation/Pages/_OrganizationPanel.cshtml";

    public async Task<object?> LoadAsync(Guid organizationId, CancellationToken ct)
    {
        // the scope filter applies: a user who may not see the organisation's profile sees no panel
        var p = await db.Set<SocialOrganizationProfile>().AsNoTracking().FirstOrDefaultAsync(x => x.OrganizationId == organizationId, ct);
        if (p is null) return null;
        var evaluations = await db.Set<OrganizationEvaluation>().AsNoTracking().Where(e => e.OrganizationId == organizationId).OrderByDescending(e => e.AppliedOn).Take(10).ToListAsync(ct);
        var checks = await db.Set<SpotCheck>().AsNoTracking().Where(c => c.OrganizationId == organizationId).OrderByDescending(c => c.Year).Take(10).ToListAsync(ct);
        return new Model(p.Grade, p.GradeValidUntil, EvaluationRules.Privileges(p.Grade, p.GradeValidUntil, clock.Today), evaluations, checks);
    }
}

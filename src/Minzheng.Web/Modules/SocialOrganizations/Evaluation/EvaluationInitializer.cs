using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.SocialOrganizations.Registry;
using Minzheng.Web.Modules.SocialOrganizations.SpotChecks;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Modules.SocialOrganizations.Evaluation;

/// <summary>
/// Evaluation's and spot checks' figures (the CONFIRMED ones as real rows in every mode, the local ones as 演示数据 in demo mode
/// only), the first indicator set, and in demo mode: experts and inspectors, 玉林市慈善总会 graded 4A (valid to 2029), the
/// social-work centre's application in expert scoring, and the 2026 draws of 容县 and the city.
/// </summary>
public sealed class EvaluationInitializer : IModuleInitializer
{
    public int Order => 180;

    public async Task InitializeAsync(IServiceProvider services, bool demo, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (!await db.Set<Figure>().AnyAsync(f => f.Module == SocialOrganizationFigures.Module && f.Kind == EvaluationFigures.ValidityYears.Code, ct))
        {
            db.AddRange(FigureRows());
            if (demo) db.AddRange(DemoFigureRows());
            await db.SaveChangesAsync(ct);
        }
        if (!await db.Set<EvaluationIndicator>().AnyAsync(ct))
        {
            db.AddRange(EvaluationIndicatorSets.First());
            await db.SaveChangesAsync(ct);
        }
        if (demo && !await db.Set<EvaluationExpert>().IgnoreQueryFilters().AnyAsync(ct)) await DemoAsync(services, ct);
    }

    private static Figure Row(FigureKind k, string document, int? number = null, decimal? percent = null, string category = "", bool isDemo = false) => new()
    {
        Module = k.Module,
        Kind = k.Code,
        DivisionCode = RegistrationAuthority.City,
        Category = category,
        Number = number,
        Percent = percent,
        ValidFrom = new DateOnly(2010, 12, 27),
        Document = document,
        IsDemo = isDemo,
        CreatedBy = "system",
    };

    /// <summary>CONFIRMED-S (rules.md §6.3, rules-2 §1.5): real rows.</summary>
    public static List<Figure> FigureRows()
    {
        const string o39 = "民政部令第39号《社会组织评估管理办法》";
        const string n45 = "民发〔2017〕45号《社会组织抽查暂行办法》";
        return
        [
            Row(EvaluationFigures.ValidityYears, o39 + "：评估等级有效期为5年", 5),
            Row(EvaluationFigures.EligibleAfterYears, o39 + "：取得社会组织登记证书满两年", 2),
            Row(EvaluationFigures.ReevaluateAfterYears, o39 + "：获得评估等级满两年的，可以申请重新评估", 2),
            Row(SpotCheckFigures.Ratio, n45 + "：县级登记管理机关定期抽查比例不低于3%", percent: 3m, category: "county"),
            Row(SpotCheckFigures.Ratio, n45 + "：设区的市级登记管理机关定期抽查比例不低于4%", percent: 4m, category: "city"),
            Row(SpotCheckFigures.InspectorsPerOrganization, n45 + "：现场检查的检查人员不少于2人", 2),
        ];
    }

    /// <summary>Local or unconfirmed: demo rows, marked 演示数据, until 玉林市民政局 sets its own.</summary>
    public static List<Figure> DemoFigureRows() =>
    [
        Row(EvaluationFigures.GradeCutoff, "演示数据（洛阳市分数线：900分以上为5A）", 900, category: "5a", isDemo: true),
        Row(EvaluationFigures.GradeCutoff, "演示数据（洛阳市分数线：800—899分为4A）", 800, category: "4a", isDemo: true),
        Row(EvaluationFigures.GradeCutoff, "演示数据（洛阳市分数线：700—799分为3A）", 700, category: "3a", isDemo: true),
        Row(EvaluationFigures.GradeCutoff, "演示数据（洛阳市分数线：600—699分为2A，599分以下为1A）", 600, category: "2a", isDemo: true),
        Row(EvaluationFigures.PublicityWorkingDays, "演示数据（评估结果公示期，待玉林市民政局确认）", 7, isDemo: true),
        Row(SpotCheckFigures.RectifyWorkingDays, "演示数据（整改期限由登记管理机关视情确定）", 20, isDemo: true),
    ];

    /// <summary>A sheet that adds up to <paramref name="total"/>, each indicator scored in proportion (the remainder on the largest).</summary>
    public static Dictionary<string, decimal?> Sheet(IReadOnlyList<EvaluationIndicator> indicators, decimal total)
    {
        var points = indicators.ToDictionary(i => i.Code, i => Math.Round(i.MaxPoints * total / EvaluationRules.MaxScore, 1, MidpointRounding.AwayFromZero));
        var largest = indicators.OrderByDescending(i => i.MaxPoints).First();
        points[largest.Code] += total - points.Values.Sum();
        return points.ToDictionary(p => p.Key, p => (decimal?)p.Value);
    }

    private static async Task DemoAsync(IServiceProvider root, CancellationToken ct)
    {
        using var scope = root.GetRequiredService<IServiceScopeFactory>().CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<CurrentUser>().RunAsSystem("demo");
        var db = sp.GetRequiredService<AppDbContext>();
        const string rong = "450921000000";
        var orgs = await (from p in db.Set<SocialOrganizationProfile>()
                          join o in db.Set<Organization>() on p.OrganizationId equals o.Id
                          select new { o.Id, o.Name }).ToDictionaryAsync(x => x.Name, x => x.Id, ct);
        if (!orgs.TryGetValue("玉林市慈善总会", out var charity) || !orgs.TryGetValue(SocialOrganizationsInitializer.DemoOrganizationName, out var yangguang)) return;

        EvaluationExpert Expert(string division, string name, string field, params Guid[] conflicts) =>
            new() { DivisionCode = division, Name = name, Field = field, Conflicts = string.Join(',', conflicts) };
        var experts = new[]
        {
            Expert(RegistrationAuthority.City, "周评", "玉林师范学院 社会工作系"), Expert(RegistrationAuthority.City, "吴审", "会计师事务所 注册会计师"),
            Expert(RegistrationAuthority.City, "郑衡", "律师事务所 律师", charity),
            Expert(rong, "冯平", "容县社会工作协会"), Expert(rong, "陈议", "容县审计局（退休）"), Expert(rong, "褚明", "容县阳光社会工作服务中心 理事", yangguang),
        };
        db.AddRange(experts);
        SpotCheckInspector Inspector(string division, string name, string number, params Guid[] conflicts) =>
            new() { DivisionCode = division, Name = name, CertificateNumber = number, Conflicts = string.Join(',', conflicts) };
        db.AddRange(
            Inspector(RegistrationAuthority.City, "卫检", "桂玉民执0901（演示）"), Inspector(RegistrationAuthority.City, "蒋查", "桂玉民执0902（演示）"),
            Inspector(RegistrationAuthority.City, "沈核", "桂玉民执0903（演示）", charity),
            Inspector(rong, "韩督", "桂容民执2101（演示）"), Inspector(rong, "杨访", "桂容民执2102（演示）"), Inspector(rong, "朱实", "桂容民执2103（演示）", yangguang),
            Inspector("450981000000", "秦北", "桂北民执8101（演示）"), Inspector("450981000000", "尤流", "桂北民执8102（演示）"));
        await db.SaveChangesAsync(ct);

        var service = sp.GetRequiredService<EvaluationService>();
        var engine = sp.GetRequiredService<WorkflowEngine>();
        var today = sp.GetRequiredService<BusinessClock>().Today;

        // 玉林市慈善总会: graded 4A on 20 June 2024 (valid to 19 June 2029), the process run through as the system did it
        var profile = await db.Set<SocialOrganizationProfile>().FirstAsync(p => p.OrganizationId == charity, ct);
        var indicators = await service.IndicatorsAsync(EvaluationIndicatorSets.FirstVersion, profile.Kind, ct);
        var graded = new OrganizationEvaluation
        {
            Number = "PG4509002024" + "0001",
            OrganizationId = charity,
            OrganizationName = "玉林市慈善总会",
            DivisionCode = profile.DivisionCode,
            AuthorityDivisionCode = profile.AuthorityDivisionCode,
            Kind = profile.Kind,
            Level = profile.Level,
            State = EvaluationProcess.Graded,
            AppliedOn = new(2024, 3, 11),
            AppliedBy = "city.officer",
            IndicatorVersion = EvaluationIndicatorSets.FirstVersion,
            Score = EvaluationRules.Mean([860m, 853m]),
            ScoredOn = new(2024, 5, 24),
            ApprovedOn = new(2024, 6, 3),
            PublicityUntil = new(2024, 6, 12),
            GradedOn = new(2024, 6, 20),
        };
        graded.Grade = EvaluationRules.Grade(graded.Score.Value, GradeCutoffs.Luoyang);
        graded.ValidUntil = EvaluationRules.ValidUntil(graded.GradedOn.Value, 5);
        var c = await engine.StartAsync(EvaluationProcess.Code, EvaluationProcess.SubjectType, graded.Id, "玉林市慈善总会 申请评估（演示数据）", profile.DivisionCode, "演示数据：2024年评估", ct);
        graded.CaseId = c.Id;
        db.Add(graded);
        foreach (var action in new[] { EvaluationProcess.SubmitSelf, EvaluationProcess.FinishScoring, EvaluationProcess.Approve, EvaluationProcess.Confirm })
            await engine.PerformAsync(c, new TransitionRequest(action, "演示数据"), _ => Task.CompletedTask, ct);
        foreach (var (expert, total) in new[] { (experts[0], 860m), (experts[1], 853m) })
        {
            foreach (var (code, points) in Sheet(indicators, total))
            {
                db.Add(new EvaluationScore
                {
                    EvaluationId = graded.Id,
                    OrganizationId = charity,
                    DivisionCode = profile.DivisionCode,
                    ExpertId = expert.Id,
                    ScorerName = expert.Name,
                    IndicatorCode = code,
                    Points = points!.Value,
                    RecordedBy = "city.officer",
                    RecordedAt = DateTime.UtcNow,
                });
            }
        }
        profile.Grade = graded.Grade;
        profile.GradeValidUntil = graded.ValidUntil;
        await db.SaveChangesAsync(ct);

        // 容县阳光社会工作服务中心: applied online this year, self-assessment submitted, one of the experts has scored so far
        var ownProfile = await db.Set<SocialOrganizationProfile>().FirstAsync(p => p.OrganizationId == yangguang, ct);
        var ownIndicators = await service.IndicatorsAsync(EvaluationIndicatorSets.FirstVersion, ownProfile.Kind, ct);
        var applied = new OrganizationEvaluation
        {
            Number = $"PG450921{today.Year}0001",
            OrganizationId = yangguang,
            OrganizationName = SocialOrganizationsInitializer.DemoOrganizationName,
            DivisionCode = ownProfile.DivisionCode,
            AuthorityDivisionCode = ownProfile.AuthorityDivisionCode,
            Kind = ownProfile.Kind,
            Level = ownProfile.Level,
            State = EvaluationProcess.SelfAssessment,
            AppliedOn = today,
            AppliedBy = SocialOrganizationsInitializer.DemoUserName,
            IndicatorVersion = EvaluationIndicatorSets.FirstVersion,
        };
        var c2 = await engine.StartAsync(EvaluationProcess.Code, EvaluationProcess.SubjectType, applied.Id, $"{applied.OrganizationName} 申请评估", ownProfile.DivisionCode, "网上申请（演示数据）", ct);
        applied.CaseId = c2.Id;
        db.Add(applied);
        await db.SaveChangesAsync(ct);
        await service.SaveSelfAssessmentAsync(applied.Id, new ScoreSheetInput(applied.Version, Sheet(ownIndicators, 905m)), ct);
        await service.ActAsync(applied.Id, new ActionInput(EvaluationProcess.SubmitSelf, applied.Version, null), ct);
        await service.SaveExpertScoresAsync(applied.Id, experts[3].Id, new ScoreSheetInput(applied.Version, Sheet(ownIndicators, 842.5m)), ct);

        // the 2026 (this year's) regular draws of 容县 and of the city, and the first finding recorded in 容县
        var spot = sp.GetRequiredService<SpotCheckService>();
        try
        {
            var county = await spot.DrawForAsync(rong, RegistrationLevel.County, new DrawInput(today.Year), ct);
            await spot.DrawForAsync(RegistrationAuthority.City, RegistrationLevel.City, new DrawInput(today.Year), ct);
            var first = await db.Set<SpotCheck>().FirstAsync(x => x.DrawId == county.Id, ct);
            await spot.RecordFindingsAsync(first.Id, new FindingsInput(first.Version, today.AddDays(-10).ToString("yyyy-MM-dd"), "财务凭证归档不完整；理事会会议记录缺2次（演示数据）", true,
                "补齐财务凭证和理事会会议记录，报送整改报告", null), ct);
        }
        catch (AppProblem problem)
        {
            sp.GetRequiredService<ILogger<EvaluationInitializer>>().LogWarning("社会组织抽查演示数据未全部生成：{Code} {Detail}", problem.Code, problem.Detail);
        }
    }
}

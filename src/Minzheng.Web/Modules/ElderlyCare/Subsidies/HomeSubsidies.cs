using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.ElderlyCare.Assessment;
using Minzheng.Web.Modules.ElderlyCare.Homes;
using Minzheng.Web.Modules.ElderlyCare.Subsidies.Rules;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Numbering;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Modules.ElderlyCare.Subsidies;

public sealed record SubsidyApplyInput(Guid? HomeId, [property: JsonRequired] HomeSubsidyKind Kind, DateOnly? Month, [Within(0, 100000)] int? NewBeds);

public sealed record SubsidyActionInput([Text(500)] string? Opinion, int? Version);

/// <summary>Home subsidies: the home applies, the county reviews and approves on the workflow kernel, payments pays the home.</summary>
public sealed class HomeSubsidies(AppDbContext db, FigureBook figures, BusinessClock clock, ICurrentUser user, CaseNumbers numbers, WorkflowEngine engine, Entitlements entitlements)
{
    public const string Program = "elderly-home-operating";
    public const string ConstructionProgram = "elderly-home-construction";
    private static readonly NumberSeries Series = new("YLBT", null, 6);

    public async Task<HomeSubsidyApplication> ApplyAsync(SubsidyApplyInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var homes = db.Set<ElderlyHome>().AsQueryable();
        var home = input.HomeId is { } id ? await homes.FirstOrDefaultAsync(h => h.Id == id, ct)
            : user.OrganizationId is { } own ? await homes.FirstOrDefaultAsync(h => h.OrganizationId == own, ct) : null;
        if (home is null) throw AppProblem.Field("homeId", "养老机构不存在或不在您的管辖范围内");
        var errors = new ValidationErrors();
        if (!home.Private) errors.Add("homeId", "只有民办养老机构可以申请建设、运营补贴");
        if (home.Status == HomeStatus.Closed) errors.Add("homeId", "该养老机构已关闭");
        DateOnly? month = null;
        if (input.Kind == HomeSubsidyKind.Operating)
        {
            if (input.Month is not { } m) errors.Add("month", "请选择补贴月份");
            else if ((month = Entitlements.MonthOf(m)) >= Entitlements.MonthOf(clock.Today)) errors.Add("month", "只能申请已结束月份的运营补贴");
            if (input.NewBeds is not null) errors.Add("newBeds", "运营补贴不填新增床位");
        }
        else
        {
            if (input.NewBeds is not { } beds || beds < 1) errors.Add("newBeds", "请填写新增床位数（至少 1 张）");
            else if (beds > home.Beds) errors.Add("newBeds", $"新增床位不能多于备案床位（{home.Beds} 张）");
            if (input.Month is not null) errors.Add("month", "建设补贴不填月份");
        }
        errors.ThrowIfAny();
        if (await db.Set<HomeSubsidyApplication>().AnyAsync(a => a.HomeId == home.Id && a.Kind == input.Kind && a.Month == month && a.Status != HomeSubsidyStatus.Refused, ct)
            && input.Kind == HomeSubsidyKind.Operating)
        {
            throw AppProblem.Conflict("subsidy_exists", $"{month:yyyy年M月}的运营补贴已申请");
        }
        var application = new HomeSubsidyApplication
        {
            Number = await numbers.NextAsync(Series with { Year = clock.Today.Year }, db.Set<HomeSubsidyApplication>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).Select(a => (string?)a.Number), ct),
            HomeId = home.Id,
            OrganizationId = home.OrganizationId,
            DivisionCode = home.DivisionCode,
            Kind = input.Kind,
            Month = month,
            NewBeds = input.NewBeds,
            AppliedOn = clock.Today,
            AppliedBy = user.UserName,
        };
        Store(application, await DecideAsync(home, application, ct));
        db.Add(application);
        await db.SaveChangesAsync(ct);
        return application;
    }

    /// <summary>The amount by the rule, the home's facts and the figures in force: the residents present at the month's end with the level of their latest assessment by then.</summary>
    public async Task<SubsidyDecision> DecideAsync(ElderlyHome home, HomeSubsidyApplication a, CancellationToken ct)
    {
        if (a.Kind == HomeSubsidyKind.Construction)
        {
            var perBed = figures.Require(HomesFigures.ConstructionPerBed, home.DivisionCode, a.AppliedOn);
            return HomeSubsidyRules.Construction(home.Private, a.NewBeds ?? 0, perBed.Amount.Yuan, perBed.Basis);
        }
        var month = a.Month!.Value;
        var end = month.AddMonths(1).AddDays(-1);
        var per = figures.Require(HomesFigures.OperatingPerBed, home.DivisionCode, end);
        var min = figures.Require(HomesFigures.MinOperatingMonths, home.DivisionCode, end);
        var raises = new Dictionary<int, decimal>();
        var basis = new List<string> { per.Basis, min.Basis };
        for (var level = 0; level <= 4; level++)
        {
            if (figures.Find(HomesFigures.OperatingRaise, home.DivisionCode, end, level.ToString(System.Globalization.CultureInfo.InvariantCulture)) is { Row.Percent: { } p } raise)
            {
                raises[level] = p;
                basis.Add(raise.Basis);
            }
        }
        // the residents are the home's (in scope); the names are read past the division scope (a home's account sees no registry person)
        var residents = await db.Set<Resident>().AsNoTracking()
            .Where(r => r.HomeId == home.Id && r.AdmittedOn <= end && (r.DischargedOn == null || r.DischargedOn > end))
            .Join(db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]), r => r.PersonId, p => p.Id, (r, p) => new { r.PersonId, p.Name })
            .OrderBy(x => x.Name).ToListAsync(ct);
        var people = residents.Select(r => r.PersonId).ToList();
        var levels = (await db.Set<AbilityAssessment>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking()
                .Where(x => people.Contains(x.PersonId) && x.AssessedOn <= end)
                .Select(x => new { x.PersonId, x.AssessedOn, x.Id, x.Level }).ToListAsync(ct))
            .GroupBy(x => x.PersonId).ToDictionary(g => g.Key, g => g.OrderByDescending(x => x.AssessedOn).ThenByDescending(x => x.Id).First().Level);
        var facts = residents.Select(r => new SubsidyResident(r.Name, levels.TryGetValue(r.PersonId, out var l) ? l : null)).ToList();
        return HomeSubsidyRules.Operating(home.Private, home.OpenedOn, home.FiledOn, month, facts,
            new OperatingFigures(per.Amount.Yuan, raises, min.Number, string.Join("；", basis)));
    }

    private static void Store(HomeSubsidyApplication a, SubsidyDecision d)
    {
        a.Amount = Money.FromYuan(d.Amount);
        a.Explanation = JsonSerializer.Serialize(d.Lines);
        a.Reasons = JsonSerializer.Serialize(d.Reasons);
    }

    public async Task<HomeSubsidyApplication> LoadAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<HomeSubsidyApplication>().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw AppProblem.NotFound("补贴申请");

    /// <summary>The county's actions (review, approve, refuse, clawback): the workflow engine guards state and permission before any effect.</summary>
    public async Task<HomeSubsidyApplication> PerformAsync(Guid id, string action, SubsidyActionInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var a = await LoadAsync(id, ct);
        var home = await db.Set<ElderlyHome>().FirstAsync(h => h.Id == a.HomeId, ct);
        var c = await db.WorkflowCases.IgnoreQueryFilters([AppDbContext.ScopeFilter]) // the application itself was loaded through the scope filter
                    .FirstOrDefaultAsync(w => w.SubjectType == HomeSubsidyProcess.SubjectType && w.SubjectId == a.Id, ct)
                ?? await engine.StartAsync(HomeSubsidyProcess.Code, HomeSubsidyProcess.SubjectType, a.Id, $"{a.Number} 养老机构补贴", a.DivisionCode, $"机构申请（{a.AppliedOn:yyyy-MM-dd} {a.AppliedBy}）", ct);
        await engine.PerformAsync(c, new TransitionRequest(action, input.Opinion) { Subject = a, Version = input.Version }, async t =>
        {
            switch (t.Action)
            {
                case HomeSubsidyProcess.Review:
                case HomeSubsidyProcess.Approve:
                    {
                        var d = await DecideAsync(home, a, ct);
                        if (!d.Eligible) throw new AppProblem(409, "not_eligible", "不符合补贴条件：" + string.Join("；", d.Reasons));
                        Store(a, d);
                        if (t.Action == HomeSubsidyProcess.Approve)
                        {
                            var month = Entitlements.MonthOf(clock.Today);
                            var program = a.Kind == HomeSubsidyKind.Operating ? Program : ConstructionProgram;
                            entitlements.OneOff(Entitlements.Payee.ForOrganization(program, a.Id, a.Number, home.OrganizationId!.Value, home.DivisionCode, d.Lines.Count),
                                month, a.Amount, a.Explanation, a.Kind == HomeSubsidyKind.Operating ? $"{a.Month:yyyy年M月}运营补贴" : "建设补贴");
                            a.ApprovedOn = clock.Today;
                            a.PaidMonth = month;
                        }
                        break;
                    }
                case HomeSubsidyProcess.Clawback:
                    {
                        if (a.Kind != HomeSubsidyKind.Construction) throw AppProblem.Conflict("invalid_state", "只有建设补贴在机构提前关闭时追回");
                        if (home.ClosedOn is not { } closed) throw AppProblem.Conflict("invalid_state", "机构未关闭，不能追回");
                        var years = figures.Require(HomesFigures.ClawbackYears, home.DivisionCode, a.ApprovedOn!.Value);
                        var back = HomeSubsidyRules.Clawback(a.Amount.Yuan, a.ApprovedOn.Value, closed, years.Number);
                        if (back <= 0) throw new AppProblem(409, "not_eligible", $"批准后已运营满 {years.Number} 年，无需追回");
                        a.ClawbackAmount = Money.FromYuan(back);
                        a.ClawbackBasis = $"{a.ApprovedOn:yyyy-MM-dd} 批准，{closed:yyyy-MM-dd} 关闭，不满 {years.Number} 年：追回 {back:N2} 元（{years.Basis}）";
                        break;
                    }
            }
        }, ct);
        a.Status = HomeSubsidyProcess.StatusOf(c.State);
        await db.SaveChangesAsync(ct);
        return a;
    }

    public async Task<Paged<HomeSubsidyApplication>> ListAsync(HomeSubsidyStatus? status, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<HomeSubsidyApplication>().AsNoTracking();
        if (status is { } s) q = q.Where(a => a.Status == s);
        return await q.OrderByDescending(a => a.AppliedOn).ThenByDescending(a => a.Id).ToPagedAsync(page, ct);
    }

    public static object ToDto(HomeSubsidyApplication a) => new
    {
        a.Id,
        a.Number,
        a.HomeId,
        a.OrganizationId,
        a.Kind,
        a.Month,
        a.NewBeds,
        a.Status,
        a.AppliedOn,
        amount = a.Amount.Yuan,
        explanation = JsonDocument.Parse(a.Explanation).RootElement,
        reasons = JsonDocument.Parse(a.Reasons).RootElement,
        a.ApprovedOn,
        a.PaidMonth,
        clawbackAmount = a.ClawbackAmount?.Yuan,
        a.ClawbackBasis,
        a.Version,
    };
}

public static class HomeSubsidiesApi
{
    public static void MapHomeSubsidies(this RouteGroupBuilder api)
    {
        api.MapPost("/subsidies", async (SubsidyApplyInput input, HomeSubsidies s, CancellationToken ct) =>
        {
            var a = await s.ApplyAsync(input, ct);
            return TypedResults.Created($"/api/v1/elderly/subsidies/{a.Id}", HomeSubsidies.ToDto(a));
        }).RequireAuthorization(Permissions.Policy(HomesPermissions.SubsidyApply)).WithSummary("机构申请建设补贴（newBeds）或运营补贴（month，已结束的月份）");
        api.MapGet("/subsidies", async (string? status, int? page, int? pageSize, HomeSubsidies s, CancellationToken ct) =>
        {
            var rows = await s.ListAsync(QueryEnum.Parse<HomeSubsidyStatus>(status, "status"), PageRequest.From(page, pageSize), ct);
            return TypedResults.Ok(new { items = rows.Items.Select(HomeSubsidies.ToDto), total = rows.Total });
        }).RequireAuthorization(Permissions.Policy(HomesPermissions.Read)).WithSummary("养老机构补贴申请");
        api.MapGet("/subsidies/{id:guid}", async (Guid id, HomeSubsidies s, CancellationToken ct) => TypedResults.Ok(HomeSubsidies.ToDto(await s.LoadAsync(id, ct))))
            .RequireAuthorization(Permissions.Policy(HomesPermissions.Read)).WithSummary("补贴申请详情（金额说明：哪些老人、几级、依据哪项标准和文件）");
        api.MapPost("/subsidies/{id:guid}/actions/{action}", async (Guid id, string action, SubsidyActionInput input, HomeSubsidies s, CancellationToken ct) =>
                TypedResults.Ok(HomeSubsidies.ToDto(await s.PerformAsync(id, action, input, ct))))
            .RequireAuthorization(Permissions.Policy(HomesPermissions.Read))
            .WithSummary("办理动作：review 县级审核（按床位、在住老人和评估重算）、approve 县级审批（列入当月发放，付至机构账户）、refuse 不同意（须写意见）、clawback 提前关闭追回建设补贴");
    }
}

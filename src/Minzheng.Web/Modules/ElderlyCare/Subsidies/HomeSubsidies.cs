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
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Modules.ElderlyCare.Subsidies;

public sealed record SubsidyApplyInput(Guid? HomeId, [property: JsonRequired] HomeSubsidyKind Kind, DateOnly? Month, [Within(0, 100000)] int? NewBeds);

public sealed record SubsidyActionInput([Text(500)] string? Opinion, int? Version);

/// <summary>What the server would count for an application, before it is made: the home, the amount and its explanation.</summary>
public sealed record SubsidyPreview(Guid HomeId, string HomeName, int Beds, HomeSubsidyKind Kind, DateOnly? Month, int? NewBeds, SubsidyDecision Decision);

/// <summary>A row of the county's queue: the application with its home's name.</summary>
public sealed record SubsidyRow(Guid Id, string Number, Guid HomeId, string HomeName, HomeSubsidyKind Kind, DateOnly? Month, int? NewBeds, HomeSubsidyStatus Status,
    DateOnly AppliedOn, decimal Amount, DateOnly? ApprovedOn, decimal? ClawbackAmount);

/// <summary>Home subsidies: the home applies, the county reviews and approves on the workflow kernel, payments pays the home.</summary>
public sealed class HomeSubsidies(AppDbContext db, FigureBook figures, BusinessClock clock, ICurrentUser user, CaseNumbers numbers, WorkflowEngine engine, Entitlements entitlements,
    HomeSubsidyClawbacks clawbacks)
{
    public const string Program = "elderly-home-operating";
    public const string ConstructionProgram = "elderly-home-construction";
    private static readonly NumberSeries Series = new("YLBT", null, 6);
    private static readonly string[] ScopeFilterOnly = [AppDbContext.ScopeFilter];

    /// <summary>The checks of an application and the home it is for; nothing is saved.</summary>
    private async Task<(ElderlyHome Home, DateOnly? Month)> CheckAsync(SubsidyApplyInput input, CancellationToken ct)
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
        return (home, month);
    }

    /// <summary>What the server will count if the home applies now (the apply page shows it before the home submits).</summary>
    public async Task<SubsidyPreview> PreviewAsync(SubsidyApplyInput input, CancellationToken ct = default)
    {
        var (home, month) = await CheckAsync(input, ct);
        var draft = new HomeSubsidyApplication { Number = "", HomeId = home.Id, DivisionCode = home.DivisionCode, Kind = input.Kind, Month = month, NewBeds = input.NewBeds, AppliedOn = clock.Today, AppliedBy = user.UserName };
        return new SubsidyPreview(home.Id, await HomeNameAsync(home, ct), home.Beds, input.Kind, month, input.NewBeds, await DecideAsync(home, draft, ct));
    }

    public async Task<HomeSubsidyApplication> ApplyAsync(SubsidyApplyInput input, CancellationToken ct = default)
    {
        var (home, month) = await CheckAsync(input, ct);
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

    /// <summary>The home's name from the registry (read past the division scope: a home's account sees its organisation through the organisation scope only).</summary>
    public async Task<string> HomeNameAsync(ElderlyHome home, CancellationToken ct) =>
        await db.Organizations.IgnoreQueryFilters([AppDbContext.ScopeFilter]).Where(o => o.Id == home.OrganizationId).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "";

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
        var raiseBasis = new Dictionary<int, string>();
        var basis = new List<string> { per.Basis, min.Basis };
        for (var level = 0; level <= 4; level++)
        {
            if (figures.Find(HomesFigures.OperatingRaise, home.DivisionCode, end, level.ToString(System.Globalization.CultureInfo.InvariantCulture)) is { Row.Percent: { } p } raise)
            {
                raises[level] = p;
                raiseBasis[level] = raise.Basis;
                basis.Add(raise.Basis);
            }
        }
        // the residents are the home's (in scope); the names are read past the division scope (a home's account sees no registry person)
        var present = await db.Set<Resident>().AsNoTracking()
            .Where(r => r.HomeId == home.Id && r.AdmittedOn <= end && (r.DischargedOn == null || r.DischargedOn > end))
            .Select(r => r.PersonId).ToListAsync(ct);
        var names = await db.PersonNamesAsync(present.Select(p => (Guid?)p), ct);
        var residents = present.Where(names.ContainsKey).Select(p => new { PersonId = p, Name = names[p] }).OrderBy(x => x.Name, StringComparer.Ordinal).ToList();
        var people = residents.Select(r => r.PersonId).ToList();
        var levels = (await db.Set<AbilityAssessment>().IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking()
                .Where(x => people.Contains(x.PersonId) && x.AssessedOn <= end)
                .Select(x => new { x.PersonId, x.AssessedOn, x.Id, x.Level }).ToListAsync(ct))
            .GroupBy(x => x.PersonId).ToDictionary(g => g.Key, g => g.OrderByDescending(x => x.AssessedOn).ThenByDescending(x => x.Id).First().Level);
        var facts = residents.Select(r => new SubsidyResident(r.Name, levels.TryGetValue(r.PersonId, out var l) ? l : null)).ToList();
        return HomeSubsidyRules.Operating(home.Private, home.OpenedOn, home.FiledOn, month, facts,
            new OperatingFigures(per.Amount.Yuan, raises, min.Number, string.Join("；", basis), per.Basis, raiseBasis));
    }

    private static void Store(HomeSubsidyApplication a, SubsidyDecision d)
    {
        a.Amount = Money.FromYuan(d.Amount);
        a.Explanation = JsonSerializer.Serialize(d.Lines);
        a.Reasons = JsonSerializer.Serialize(d.Reasons);
    }

    public async Task<HomeSubsidyApplication> LoadAsync(Guid id, CancellationToken ct = default) =>
        await db.Set<HomeSubsidyApplication>().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw AppProblem.NotFound("补贴申请");

    /// <summary>The application's kernel case, or null before the county's first action (the case starts there, see <see cref="HomeSubsidyProcess"/>).</summary>
    public Task<WorkflowCase?> CaseOfAsync(Guid applicationId, CancellationToken ct = default) =>
        db.WorkflowCases.IgnoreQueryFilters([AppDbContext.ScopeFilter]) // the application itself was loaded through the scope filter
            .FirstOrDefaultAsync(w => w.SubjectType == HomeSubsidyProcess.SubjectType && w.SubjectId == applicationId, ct);

    /// <summary>The county's actions (review, approve, refuse, clawback): the workflow engine guards state and permission before any effect.</summary>
    public async Task<HomeSubsidyApplication> PerformAsync(Guid id, string action, SubsidyActionInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input);
        var a = await LoadAsync(id, ct);
        var home = await db.Set<ElderlyHome>().FirstAsync(h => h.Id == a.HomeId, ct);
        var c = await CaseOfAsync(a.Id, ct)
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
                        // the same effect as when the home's closure triggers it: a payments recovery with its reason
                        if (await clawbacks.ClaimAsync(a, home, ct) is null) throw new AppProblem(409, "not_eligible", "批准后已运营满最短年限，无需追回");
                        break;
                    }
            }
        }, ct);
        a.Status = HomeSubsidyProcess.StatusOf(c.State);
        await db.SaveChangesAsync(ct);
        return a;
    }

    /// <summary>The queue (the county's, or a home's own applications through the organisation scope), newest first.</summary>
    public async Task<Paged<SubsidyRow>> ListAsync(HomeSubsidyStatus? status, HomeSubsidyKind? kind, string? search, PageRequest page, CancellationToken ct = default)
    {
        // the organisations' names are read in queries of their own: ignoring a filter anywhere in a query ignores it for the whole
        // query, and the applications must stay under the division and organisation scope
        var q = db.Set<HomeSubsidyApplication>().AsNoTracking();
        if (status is { } s) q = q.Where(a => a.Status == s);
        if (kind is { } k) q = q.Where(a => a.Kind == k);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            var named = await db.Organizations.IgnoreQueryFilters([AppDbContext.ScopeFilter]).AsNoTracking()
                .Where(o => o.Name.Contains(term) && db.Set<ElderlyHome>().IgnoreQueryFilters(ScopeFilterOnly).Any(h => h.OrganizationId == o.Id))
                .Select(o => (Guid?)o.Id).Take(500).ToListAsync(ct);
            q = q.Where(a => a.Number.Contains(term) || named.Contains(a.OrganizationId));
        }
        var rows = await q.OrderByDescending(a => a.AppliedOn).ThenByDescending(a => a.Id).ToPagedAsync(page, ct);
        var names = await db.OrganizationNamesAsync(rows.Items.Select(a => a.OrganizationId), ct);
        return rows.Select(a => new SubsidyRow(a.Id, a.Number, a.HomeId, a.OrganizationId is { } o ? names.GetValueOrDefault(o, "") : "", a.Kind, a.Month, a.NewBeds, a.Status, a.AppliedOn,
            a.Amount.Yuan, a.ApprovedOn, a.ClawbackAmount?.Yuan));
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
        api.MapPost("/subsidies/preview", async (SubsidyApplyInput input, HomeSubsidies s, CancellationToken ct) => TypedResults.Ok(await s.PreviewAsync(input, ct)))
            .RequireAuthorization(Permissions.Policy(HomesPermissions.SubsidyApply)).WithSummary("申请前核算（不保存）：服务器将计入的在住老人、能力等级、标准及文号");
        api.MapGet("/subsidies", async (string? status, string? kind, string? q, int? page, int? pageSize, HomeSubsidies s, CancellationToken ct) =>
        {
            var rows = await s.ListAsync(QueryEnum.Parse<HomeSubsidyStatus>(status, "status"), QueryEnum.Parse<HomeSubsidyKind>(kind, "kind"), q, PageRequest.From(page, pageSize), ct);
            return TypedResults.Ok(new { items = rows.Items, total = rows.Total });
        }).RequireAuthorization(Permissions.Policy(HomesPermissions.Read)).WithSummary("养老机构补贴申请（status、kind 筛选，q 按机构名称或编号）");
        api.MapGet("/subsidies/{id:guid}", async (Guid id, HomeSubsidies s, CancellationToken ct) => TypedResults.Ok(HomeSubsidies.ToDto(await s.LoadAsync(id, ct))))
            .RequireAuthorization(Permissions.Policy(HomesPermissions.Read)).WithSummary("补贴申请详情（金额说明：哪些老人、几级、依据哪项标准和文件）");
        api.MapGet("/subsidies/{id:guid}/recoveries", async (Guid id, HomeSubsidies s, HomeSubsidyClawbacks c, CancellationToken ct) => TypedResults.Ok(await c.RecoveriesAsync(await s.LoadAsync(id, ct), ct)))
            .RequireAuthorization(Permissions.Policy(HomesPermissions.Read)).WithSummary("提前关闭追回的建设补贴（付款模块的追缴记录：金额、已追回、状态、理由）");
        api.MapPost("/subsidies/{id:guid}/actions/{action}", async (Guid id, string action, SubsidyActionInput input, HomeSubsidies s, CancellationToken ct) =>
                TypedResults.Ok(HomeSubsidies.ToDto(await s.PerformAsync(id, action, input, ct))))
            .RequireAuthorization(Permissions.Policy(HomesPermissions.Read))
            .WithSummary("办理动作：review 县级审核（按床位、在住老人和评估重算）、approve 县级审批（列入当月发放，付至机构账户）、refuse 不同意（须写意见）、clawback 提前关闭追回建设补贴（机构关闭登记时自动办理）");
    }
}

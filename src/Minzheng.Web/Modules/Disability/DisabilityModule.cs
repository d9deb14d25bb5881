using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Disability.Contracts;
using Minzheng.Web.Modules.Disability.Rules;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Workflow;

namespace Minzheng.Web.Modules.Disability;

/// <summary>残疾人两项补贴: applications through village, township, county 残联 and county civil affairs; paid monthly through payments.</summary>
public static class DisabilityModule
{
    public static IServiceCollection AddDisability(this IServiceCollection services)
    {
        services.AddModuleDeclaration(new ModuleDeclaration("disability", typeof(DisabilityModule), "disability_")
        {
            Permissions = [.. DisabilityPermissions.Declared, .. Fukang.FukangPermissions.Declared],
            RoleGrants = Fukang.FukangPermissions.With(DisabilityPermissions.RoleGrants),
            Errors = [.. Contracts.DisabilityErrors.All, .. Contracts.FukangErrors.All],
            Navigation = new("disability", "残疾人两项补贴", "困难残疾人生活补贴、重度残疾人护理补贴", "（一）一是推进残疾人", "/disability", 70),
        });
        services.AddScoped<SubsidyApplications>();
        Fukang.FukangSetup.AddFukang(services);
        services.AddSingleton(DisabilityProcess.Model);
        services.AddScoped<Platform.Registry.IDeathHandler, DisabilityDeathHandler>();
        services.AddScoped<IBenefitActions, DisabilityBenefitActions>();
        // a township clerk's 停发 on a finding is a proposal the county decides (ADR 028)
        services.AddSingleton(DisabilityStopDecision.StopModel);
        services.AddScoped<IBenefitProposalEffects, DisabilityStopDecision>();
        services.AddScoped<Platform.Registry.IPersonPanel, DisabilityPersonPanel>();
        services.AddScoped<Platform.Registry.IStartActions, DisabilityStartActions>();
        services.AddSingleton<IModuleInitializer, DisabilityInitializer>();
        DisabilityWorkItems.Add(services);
        // the two subsidies' part of the kernel figure book: county civil affairs (who approve the subsidies) enter them
        services.AddSingleton(new FigureSection(DisabilityFigures.Module, "残疾人两项补贴标准", DisabilityPermissions.Approve, [(DisabilityFigures.Module, "残疾人两项补贴")], DisabilityFigures.All));
        services.AddSingleton(new EntitlementProgram(SubsidyApplications.ProgramCode(Subsidy.Living), "困难残疾人生活补贴"));
        services.AddSingleton(new EntitlementProgram(SubsidyApplications.ProgramCode(Subsidy.Care), "重度残疾人护理补贴"));
        Rehab.RehabSetup.AddRehab(services);
        return services;
    }

    public sealed record FigureInput([Text(40)] string? Kind, [Text(12)] string? DivisionCode, [Amount] decimal? Amount, [Within(0, 1000000)] int? Number, [Text(40)] string? Choice, DateOnly? ValidFrom, DateOnly? ValidTo, [Text(200)] string? Document);

    public sealed record CitizenApplyInput(Guid PersonId, [property: JsonRequired] Subsidy Subsidy, bool LowIncome, bool WorkInjuryCareAllowance);

    public sealed record TerminateInput([property: JsonRequired] TerminationReason Reason, DateOnly? EventDate, [Text(500)] string? Note, int? Version);

    public sealed record ResumeInput(int? Version);

    /// <summary>The application as clients have always read it, with its kernel timeline; <c>opinions</c> keeps the old one-line-per-step form for one release.</summary>
    public static object ToDto(SubsidyApplication a, IReadOnlyList<WorkflowCaseEvent> timeline) => new
    {
        a.Id,
        a.Number,
        a.Subsidy,
        a.Channel,
        a.Status,
        a.PersonId,
        a.DivisionCode,
        a.LowIncome,
        a.WorkInjuryCareAllowance,
        a.OtherLivingAllowance,
        a.OtherCareAllowance,
        a.CertificateGeneration,
        a.CertificateValidUntil,
        a.AppliedOn,
        opinions = timeline.Where(e => e.Action != "start").Select(OpinionLine),
        timeline = timeline.Select(e => new { e.At, e.ActorName, e.Action, e.ActionName, e.FromState, e.ToState, e.Opinion }),
        findings = a.Findings is null ? (System.Text.Json.JsonElement?)null : System.Text.Json.JsonDocument.Parse(a.Findings).RootElement,
        a.RefusalReason,
        monthlyAmount = a.MonthlyAmount.Yuan,
        explanation = a.Explanation is null ? (System.Text.Json.JsonElement?)null : System.Text.Json.JsonDocument.Parse(a.Explanation).RootElement,
        a.FromMonth,
        a.LastMonth,
        a.EndReason,
        a.EndNote,
        a.Version,
    };

    /// <summary>"村级核实（2026-11-30 张三）：属实" — one timeline event in the form the old opinions column held.</summary>
    public static string OpinionLine(WorkflowCaseEvent e) => $"{e.ActionName}（{BusinessClock.ToChina(e.At):yyyy-MM-dd} {e.ActorName}）：{e.Opinion}";

    private static async Task<object> DtoAsync(SubsidyApplications s, SubsidyApplication a, CancellationToken ct) =>
        ToDto(a, (await s.TimelinesAsync([a.Id], ct)).GetValueOrDefault(a.Id) ?? []);

    private static async Task<IEnumerable<object>> DtosAsync(SubsidyApplications s, List<SubsidyApplication> rows, CancellationToken ct)
    {
        var timelines = await s.TimelinesAsync(rows.Select(a => a.Id).ToList(), ct);
        return rows.Select(a => ToDto(a, timelines.GetValueOrDefault(a.Id) ?? []));
    }

    public static void MapDisability(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/disability").WithTags("Disability");
        var read = Permissions.Policy(DisabilityPermissions.Read);
        Fukang.FukangSetup.MapFukang(api);
        Rehab.RehabSetup.MapRehab(api);
        api.MapGet("/subsidies", async (string? status, int? page, int? pageSize, AppDbContext db, SubsidyApplications applications, CancellationToken ct) =>
        {
            var q = db.Set<SubsidyApplication>().AsNoTracking();
            if (QueryEnum.Parse<SubsidyStatus>(status, "status") is { } s) q = q.Where(a => a.Status == s);
            var rows = await q.OrderByDescending(a => a.AppliedOn).ThenByDescending(a => a.Id).ToPagedAsync(PageRequest.From(page, pageSize, 50), ct);
            return TypedResults.Ok(new { items = await DtosAsync(applications, [.. rows.Items], ct), total = rows.Total });
        }).RequireAuthorization(read).WithSummary("两项补贴申请（管辖范围内）");
        api.MapGet("/subsidies/{id:guid}", async (Guid id, SubsidyApplications s, CancellationToken ct) => TypedResults.Ok(await DtoAsync(s, await s.LoadAsync(id, ct), ct)))
            .RequireAuthorization(read).WithSummary("申请详情（各环节意见、认定依据、金额说明）");
        api.MapPost("/subsidies", async (SubsidyApplyInput input, SubsidyApplications s, CancellationToken ct) =>
        {
            var a = await s.ApplyAsync(input, ct);
            return TypedResults.Created($"/api/v1/disability/subsidies/{a.Id}", await DtoAsync(s, a, ct));
        }).RequireAuthorization(Permissions.Policy(DisabilityPermissions.Apply)).WithSummary("受理申请（网上、村代办、窗口）");
        var citizen = app.MapGroup("/api/v1/citizen/disability").WithTags("Disability").RequireAuthorization(Permissions.Policy(Permissions.CitizenApply));
        citizen.MapPost("/subsidies", async (CitizenApplyInput input, SubsidyApplications s, CancellationToken ct) =>
        {
            var a = await s.ApplyAsync(new SubsidyApplyInput(input.PersonId, input.Subsidy, SubsidyChannel.Online, input.LowIncome, input.WorkInjuryCareAllowance, null, null), ct);
            return TypedResults.Created($"/api/v1/citizen/disability/subsidies", await DtoAsync(s, a, ct));
        }).WithSummary("网上申请（群众本人，或为同户持证残疾人）");
        citizen.MapGet("/subsidies", async (int? page, int? pageSize, SubsidyApplications s, CancellationToken ct) =>
            {
                var rows = await s.Mine(await s.OwnHouseholdAsync(ct)).ToPagedAsync(PageRequest.From(page, pageSize, 50), ct);
                return TypedResults.Ok(new { items = await DtosAsync(s, [.. rows.Items], ct), total = rows.Total });
            })
            .WithSummary("本户的两项补贴申请及办理状态");
        // the one transition shape (issue 11): the engine checks state and permission per the process definition before any effect
        api.MapPost("/subsidies/{id:guid}/actions/{action}", async (Guid id, string action, SubsidyActionInput input, SubsidyApplications s, CancellationToken ct) =>
                TypedResults.Ok(await DtoAsync(s, await s.PerformAsync(id, action, input, ct), ct)))
            .RequireAuthorization(read).WithSummary("办理动作（village-check 村级核实、township-review 乡镇审核、verify 县残联审核（certificateGeneration）、approve 县民政审批、refuse 不同意、terminate 停发（reason、eventDate）、resume 恢复发放）；权限和状态按流程定义检查");
        // the old routes, thin aliases over the same use case for one release (same bodies, same answers)
        api.MapPost("/subsidies/{id:guid}/step", async (Guid id, SubsidyStepInput input, SubsidyApplications s, CancellationToken ct) => TypedResults.Ok(await DtoAsync(s, await s.StepAsync(id, input, ct), ct)))
            .RequireAuthorization(read).WithSummary("办理当前环节：村级核实 → 乡镇审核 → 县残联审核（核对残疾人证代别和有效期）→ 县民政审批（次月起发放）；不同意须写明理由");
        api.MapPost("/subsidies/{id:guid}/terminate", async (Guid id, TerminateInput input, SubsidyApplications s, CancellationToken ct) =>
                TypedResults.Ok(await DtoAsync(s, await s.TerminateAsync(id, input.Reason, input.EventDate, input.Note, input.Version, ct), ct)))
            .RequireAuthorization(Permissions.Policy(DisabilityPermissions.Approve)).WithSummary("停发（死亡、户籍迁出、退出低保、残疾人证变更或过期、纳入特困、领取工伤护理费）：事由当月发放，次月起停发");
        api.MapPost("/subsidies/{id:guid}/resume", async (Guid id, ResumeInput input, SubsidyApplications s, CancellationToken ct) => TypedResults.Ok(await DtoAsync(s, await s.ResumeAsync(id, input.Version, ct), ct)))
            .RequireAuthorization(Permissions.Policy(DisabilityPermissions.Approve)).WithSummary("恢复发放（数据比对暂停发放的补贴）：按当日条件重新核对，次月起按现行标准发放");
        // thin routes over the kernel figure book, kept for existing clients (same body, same answer)
        api.MapPost("/figures", async (FigureInput input, FigureBook book, ICurrentUser user, CancellationToken ct) =>
        {
            var row = await book.AddAsync(new Platform.Figures.FigureInput
            {
                Module = DisabilityFigures.Module,
                Kind = input.Kind,
                DivisionCode = input.DivisionCode ?? user.DivisionCode,
                Amount = input.Amount,
                Number = input.Number,
                Choice = input.Choice,
                ValidFrom = input.ValidFrom,
                ValidTo = input.ValidTo,
                Document = input.Document,
            }, ct: ct);
            return TypedResults.Created($"/api/v1/disability/figures/{row.Id}", new { row.Id, row.Kind, row.DivisionCode, row.ValidFrom });
        }).RequireAuthorization(read).WithSummary("录入两项补贴标准（金额、扩面选项；县级民政审批权限；期间不得重叠：409 figure_overlap）");
        api.MapGet("/figures", async (string? kind, string? divisionCode, int? page, int? pageSize, FigureBook book, CancellationToken ct) =>
        {
            var result = await book.ListAsync(new FigureFilter(DisabilityFigures.Module, kind, divisionCode), PageRequest.From(page, pageSize), ct);
            return TypedResults.Ok(new { items = result.Items, total = result.Total });
        }).RequireAuthorization(read).WithSummary("两项补贴标准及其历史，分页");
    }
}

/// <summary>52号's national scope ships everywhere; amounts and local extensions only as demo rows (Guangxi 2020 figures unconfirmed, rules.md §4).</summary>
public sealed class DisabilityInitializer : IModuleInitializer
{
    public int Order => 130;

    public async Task InitializeAsync(IServiceProvider services, bool demo, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.Set<Figure>().AnyAsync(f => f.Module == DisabilityFigures.Module, ct)) return;
        db.AddRange(FigureRows(demo));
        await db.SaveChangesAsync(ct);
        if (demo) await DemoAsync(services, ct);
    }

    /// <summary>The figures every installation gets (52号's national scope), plus the demo amounts in demo mode.</summary>
    public static List<Figure> FigureRows(bool demo)
    {
        const string City = "450900000000";
        var national = new DateOnly(2016, 1, 1);
        const string doc52 = "国发〔2015〕52号";
        Figure Row(FigureKind k, string document, DateOnly from, decimal? amount = null, int? number = null, string? choice = null) => new()
        {
            Module = k.Module,
            Kind = k.Code,
            DivisionCode = City,
            Amount = amount is { } a ? Money.FromYuan(a) : null,
            Number = number,
            Choice = choice,
            ValidFrom = from,
            Document = document,
            IsDemo = document.StartsWith("演示数据", StringComparison.Ordinal),
            CreatedBy = "system",
        };
        var rows = new List<Figure>
        {
            Row(DisabilityFigures.CareMaxGrade, doc52 + "（一、二级重度残疾人）", national, number: 2),
            Row(DisabilityFigures.LivingForLowIncome, doc52 + "（低保家庭；各地可扩大）", national, choice: "no"),
            Row(DisabilityFigures.CareMild, doc52 + "（各地可扩大到非重度智力、精神残疾人）", national, choice: "no"),
        };
        if (demo)
        {
            rows.Add(Row(DisabilityFigures.LivingAmount, "演示数据（参照贵港市 80 元/人·月）", national, amount: 80m));
            rows.Add(Row(DisabilityFigures.CareAmount, "演示数据（参照贵港市 80 元/人·月）", national, amount: 80m));
        }
        return rows;
    }

    /// <summary>Care-subsidy applications for grade 1–2 people (容县 first) in every state, driven through the real chain.</summary>
    private static async Task DemoAsync(IServiceProvider services, CancellationToken ct)
    {
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        List<Guid> people;
        using (var scope = scopes.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAsSystem("demo");
            people = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Persons.AsNoTracking()
                .Where(p => p.DisabilityGrade != null && p.DisabilityGrade <= 2 && p.LifeStatus == Platform.Registry.LifeStatus.Alive)
                .OrderBy(p => p.DivisionCode.StartsWith("450921") ? 0 : 1).ThenBy(p => p.Id).Select(p => p.Id).Take(8).ToListAsync(ct);
        }
        foreach (var (person, i) in people.Select((p, i) => (p, i)))
        {
            using var scope = scopes.CreateScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().RunAsSystem("demo");
            var s = scope.ServiceProvider.GetRequiredService<SubsidyApplications>();
            try
            {
                var a = await s.ApplyAsync(new SubsidyApplyInput(person, Subsidy.Care, i % 2 == 0 ? SubsidyChannel.Counter : SubsidyChannel.Village, false, false, null, null), ct);
                // steps done: 4 (approved) for most, fewer for some, so every state shows
                var steps = i switch { 0 => 0, 1 => 2, 2 => 3, _ => 4 };
                for (var step = 0; step < steps; step++)
                {
                    a = await s.StepAsync(a.Id, new SubsidyStepInput(true, "属实（演示）", a.Version, step == 2 ? 3 : null, null), ct);
                }
            }
            catch (AppProblem)
            {
                // a demo person the rules refuse (e.g. already in extreme-poverty support): the demo simply has one fewer
            }
        }
    }
}

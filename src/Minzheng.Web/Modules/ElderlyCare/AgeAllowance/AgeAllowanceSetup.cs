using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;

namespace Minzheng.Web.Modules.ElderlyCare.AgeAllowance;

/// <summary>高龄津贴 (issue 13 item 4): standards in the figure book, the monthly run, the township's decision, payment through payments.</summary>
public static class AgeAllowanceSetup
{
    public static IServiceCollection AddAgeAllowance(this IServiceCollection services)
    {
        services.AddScoped<AgeAllowanceGrants>();
        services.AddSingleton(AgeAllowanceProcess.Model);
        // the generic 工作台 source lists the township's candidates; they are decided on the list page
        services.AddSingleton(new Platform.Tasks.WorkflowSubjectLink(AgeAllowanceProcess.SubjectType, "/elderly/allowance?status=candidate#g-{0}"));
        services.AddScoped<Platform.Registry.IDeathHandler, AgeAllowanceDeathHandler>();
        services.AddSingleton<IModuleInitializer, AgeAllowanceInitializer>();
        // the county decides the local bands and amounts
        services.AddSingleton(new FigureSection(AgeAllowanceFigures.Module, "高龄津贴", AgeAllowancePermissions.Manage, [(AgeAllowanceFigures.Module, "高龄津贴")], AgeAllowanceFigures.All));
        services.AddSingleton(new EntitlementProgram(AgeAllowanceGrants.Program, "高龄津贴"));
        return services;
    }

    public static object ToDto(AgeAllowanceGrant g) => new
    {
        g.Id,
        g.Number,
        g.PersonId,
        g.PersonName,
        g.BirthDate,
        g.DivisionCode,
        g.FoundMonth,
        g.Status,
        statusName = AgeAllowanceGrants.StatusName(g.Status),
        g.BandMinAge,
        amount = g.MonthlyAmount?.Yuan,
        g.FromMonth,
        g.LastMonth,
        explanation = AgeAllowanceGrants.Lines(g),
        g.RefusalReason,
        g.DecidedBy,
        g.DecidedOn,
        g.Version,
    };

    public static void MapAgeAllowance(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/allowance");
        var read = Permissions.Policy(AgeAllowancePermissions.Read);
        var confirm = Permissions.Policy(AgeAllowancePermissions.Confirm);

        g.MapGet("/", async (string? status, int? page, int? pageSize, AgeAllowanceGrants grants, CancellationToken ct) =>
        {
            var rows = await grants.ListAsync(QueryEnum.Parse<AgeAllowanceStatus>(status, "status"), PageRequest.From(page, pageSize, 50), ct);
            return TypedResults.Ok(new { items = rows.Items.Select(ToDto), total = rows.Total });
        }).RequireAuthorization(read).WithSummary("高龄津贴名单（待确认、享受中、不予享受、已停发），分页");
        g.MapGet("/{id:guid}", async (Guid id, AgeAllowanceGrants grants, CancellationToken ct) => TypedResults.Ok(ToDto(await grants.LoadAsync(id, ct))))
            .RequireAuthorization(read).WithSummary("高龄津贴记录与金额说明");
        g.MapPost("/runs", async (RunInput input, AgeAllowanceGrants grants, CancellationToken ct) => TypedResults.Ok(new { added = await grants.RunAsync(input.Month, ct) }))
            .RequireAuthorization(confirm).WithSummary("按月从人员登记中筛选本乡镇符合条件的高龄老人，生成待确认名单");
        g.MapPost("/{id:guid}/confirm", async (Guid id, ConfirmInput input, AgeAllowanceGrants grants, CancellationToken ct) => TypedResults.Ok(ToDto(await grants.ConfirmAsync(id, input, ct))))
            .RequireAuthorization(confirm).WithSummary("乡镇确认：自满周岁（次）月起发放，发现前的月份按补发月数标准补发，升档自动按满周岁月份调整");
        g.MapPost("/{id:guid}/refuse", async (Guid id, RefuseInput input, AgeAllowanceGrants grants, CancellationToken ct) => TypedResults.Ok(ToDto(await grants.RefuseAsync(id, input, ct))))
            .RequireAuthorization(confirm).WithSummary("乡镇不予享受（opinion 必填）");
    }
}

/// <summary>The 高龄津贴 standards are UNCONFIRMED for 玉林 (rules-2 §1.10): demo rows only, nothing for a real installation.</summary>
public sealed class AgeAllowanceInitializer : IModuleInitializer
{
    public int Order => 165;

    public async Task InitializeAsync(IServiceProvider services, bool demo, CancellationToken ct)
    {
        if (!demo) return;
        var db = services.GetRequiredService<AppDbContext>();
        var kinds = await db.Set<Figure>().Where(f => f.Module == AgeAllowanceFigures.Module).Select(f => f.Kind).Distinct().ToListAsync(ct);
        var today = services.GetRequiredService<Platform.Time.BusinessClock>().Today;
        // a demo database from before a kind was added gets that kind's row too
        var missing = FigureRows(new DateOnly(today.Year - 1, 1, 1)).Where(f => !kinds.Contains(f.Kind)).ToList();
        if (missing.Count > 0)
        {
            db.AddRange(missing);
            await db.SaveChangesAsync(ct);
        }
        if (await db.Set<AgeAllowanceGrant>().AnyAsync(ct)) return;
        await DemoListAsync(services, ct);
    }

    /// <summary>
    /// The demo's 容州镇 list: this month's run as the township clerk (the run is the township's own, within its scope), two
    /// elders confirmed and one refused, the rest waiting in 工作台.
    /// </summary>
    private static async Task DemoListAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<CurrentUser>().RunAs(new ActingIdentity(null, "rongzhou.clerk", "450921100000",
            new HashSet<string> { AgeAllowancePermissions.Read, AgeAllowancePermissions.Confirm }));
        var grants = sp.GetRequiredService<AgeAllowanceGrants>();
        try
        {
            if (await grants.RunAsync(null, ct) == 0) return;
            var candidates = (await grants.ListAsync(AgeAllowanceStatus.Candidate, PageRequest.From(1, 3, 3), ct)).Items;
            foreach (var g in candidates.Take(2)) await grants.ConfirmAsync(g.Id, new ConfirmInput(g.Version), ct);
            foreach (var g in candidates.Skip(2)) await grants.RefuseAsync(g.Id, new RefuseInput("户籍已迁往外县，由户籍地发放（演示）", g.Version), ct);
        }
        catch (AppProblem)
        {
            // demo data only: standards a county changed in the demo leave the list smaller
        }
    }

    public static List<Figure> FigureRows(DateOnly from)
    {
        const string City = "450900000000";
        Figure Row(FigureKind k, string document, decimal? amount = null, string? choice = null, string category = "", int? number = null) => new()
        {
            Module = k.Module,
            Kind = k.Code,
            DivisionCode = City,
            Category = category,
            Amount = amount is { } a ? Money.FromYuan(a) : null,
            Choice = choice,
            Number = number,
            ValidFrom = from,
            Document = document,
            IsDemo = true,
            CreatedBy = "system",
        };
        return
        [
            Row(AgeAllowanceFigures.BandAmount, "演示数据（80—89 周岁月标准待玉林市民政局确认）", amount: 50m, category: "80"),
            Row(AgeAllowanceFigures.BandAmount, "演示数据（90—99 周岁月标准待确认）", amount: 100m, category: "90"),
            Row(AgeAllowanceFigures.BandAmount, "演示数据（百岁老人月标准待确认）", amount: 300m, category: "100"),
            Row(AgeAllowanceFigures.MeansTest, "演示数据（是否限低收入待确认）", choice: "no"),
            Row(AgeAllowanceFigures.FromNextMonth, "演示数据（起发月份待确认）", choice: "yes"),
            Row(AgeAllowanceFigures.ArrearsMonths, "演示数据（发现前补发月数待确认）", number: 12),
        ];
    }
}

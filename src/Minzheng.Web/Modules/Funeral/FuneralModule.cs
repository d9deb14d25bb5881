using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Funeral.Benefits;
using Minzheng.Web.Modules.Funeral.Cremations;
using Minzheng.Web.Modules.Funeral.Dashboard;
using Minzheng.Web.Modules.Funeral.Facilities;
using Minzheng.Web.Modules.Funeral.Rectification;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Composition;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Funeral;

/// <summary>
/// 殡葬管理 (plan （三）加快殡葬): death and cremation records, funeral facilities and plots, 惠民殡葬, eco-burial awards, the
/// rectification ledger and the cremation rate. Each part registers itself here from its own folder.
/// </summary>
public static class FuneralModule
{
    public static IServiceCollection AddFuneral(this IServiceCollection services)
    {
        services.AddModuleDeclaration(new ModuleDeclaration("funeral", typeof(FuneralModule), "funeral_")
        {
            Permissions = FuneralPermissions.Declared,
            RoleGrants = FuneralPermissions.RoleGrants,
            Errors = Contracts.FuneralErrors.All,
            Navigation = new("funeral", "殡葬管理", "火化、安葬、惠民殡葬", "（三）加快殡葬", "/funeral", 100),
        });
        services.AddSingleton(new FigureSection(FuneralFigures.Module, "殡葬", FuneralPermissions.FiguresWrite, [(FuneralFigures.Module, "殡葬")], FuneralFigures.All));
        services.AddSingleton<IModuleInitializer, FuneralInitializer>();
        services.AddScoped<DeathRecords>();
        services.AddScoped<Platform.Registry.IDeathHandler, FuneralDeathHandler>();
        services.AddScoped<Platform.Registry.IPersonPanel, FuneralPersonPanel>();
        // each part registers itself here, one line each
        services.AddFuneralFacilities();
        services.AddFuneralCremations();
        services.AddFuneralBenefits();
        services.AddFuneralRectification();
        services.AddFuneralDashboard();
        return services;
    }

    public static void MapFuneral(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/funeral").WithTags("Funeral");
        api.MapPost("/deaths", async (DeathInput input, DeathRecords records, CancellationToken ct) =>
        {
            var d = await records.RecordAsync(input, ct);
            return TypedResults.Created($"/api/v1/funeral/deaths/{d.Id}", new { d.Id, d.PersonId, d.DeathDate, effects = System.Text.Json.JsonDocument.Parse(d.Effects).RootElement });
        }).RequireAuthorization(Permissions.Policy(FuneralPermissions.Record)).WithSummary("登记死亡（火化）：人员登记为死亡，该人员的各项待遇一并停发（死亡当月照发）");
        api.MapGet("/deaths", async (int? page, int? pageSize, AppDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await db.Set<DeathRecord>().AsNoTracking().OrderByDescending(d => d.RecordedAt).ThenBy(d => d.Id).ToPagedAsync(PageRequest.From(page, pageSize, 50), ct)))
            .RequireAuthorization(Permissions.Policy(Permissions.RegistryRead)).WithSummary("死亡（火化）登记，分页 { items, total }");
        // each part maps itself here, one line each
        api.MapFuneralFacilities();
        api.MapFuneralCremations();
        api.MapFuneralBenefits();
        api.MapFuneralRectification();
        api.MapFuneralDashboard();
    }
}

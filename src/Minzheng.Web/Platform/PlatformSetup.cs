using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Calendar;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Figures;
using Minzheng.Web.Platform.Files;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Imports;
using Minzheng.Web.Platform.Jobs;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Registry.Organizations;
using Minzheng.Web.Platform.Tasks;
using Minzheng.Web.Platform.Time;
using Minzheng.Web.Platform.Ui;
using Minzheng.Web.Platform.Workflow;
using Scalar.AspNetCore;

namespace Minzheng.Web.Platform;

/// <summary>The kernel's services and middleware; modules plug in through Modules/ModuleSetup.cs.</summary>
public static class PlatformSetup
{
    public const string SmartScheme = "cookie-or-bearer";
    public const string SignInRateLimit = "sign-in";
    public const string PublicRateLimit = "public";

    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = PlatformOptions.From(builder.Configuration);
        Directory.CreateDirectory(options.DataDirectory);
        services.AddSingleton(options);

        services.TryAddSingletonTimeProvider();
        services.AddSingleton<BusinessClock>();
        services.AddScoped<FigureBook>();
        services.AddSingleton<FigureCatalog>();
        services.AddScoped<Numbering.CaseNumbers>();
        services.AddHttpContextAccessor();
        services.AddMemoryCache(); // short-lived page figures (the home page's counts per scope)
        services.AddSingleton<ListTotals>(); // large list totals, kept briefly per scope and filter (ADR 075)
        services.AddSingleton(typeof(SingleFlight<>)); // one computation per key of a cached figure at a time (ADR 075)
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());

        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddDbContext<SqliteAppDbContext>(o => DbContextSetup.ConfigureOnce<SqliteAppDbContext>(o, options.Provider, options.ConnectionString,
                    built => new SqliteAppDbContext(built, new SystemUser("model"), TimeProvider.System)), ServiceLifetime.Scoped, ServiceLifetime.Singleton);
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqliteAppDbContext>());
                break;
            case DatabaseProvider.Postgres:
                services.AddDbContext<PostgresAppDbContext>(o => DbContextSetup.ConfigureOnce<PostgresAppDbContext>(o, options.Provider, options.ConnectionString,
                    built => new PostgresAppDbContext(built, new SystemUser("model"), TimeProvider.System)), ServiceLifetime.Scoped, ServiceLifetime.Singleton);
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<PostgresAppDbContext>());
                break;
        }
        // Reports, exports, dashboards, statistics and comparison reads: a standby when ConnectionStrings:MinzhengRead is set (ADR 071).
        services.AddScoped<ReadOnlyDb>();

        services.AddSingleton(sp => new IdentifierProtector(KeyStore.LoadOrCreate(
            builder.Configuration, options, sp.GetRequiredService<ILoggerFactory>().CreateLogger("Minzheng.Crypto"), builder.Environment.IsProduction() && !options.DemoSeed)));

        AddIdentityAndAuth(services, builder.Configuration);

        services.AddDataProtection()
            .SetApplicationName("Minzheng")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(options.DataDirectory, "keys", "data-protection")));

        services.AddSingleton<DivisionDirectory>();
        services.AddSingleton<WorkingCalendar>();
        services.AddSingleton<ProcessCatalog>();
        services.AddSingleton(PlaceNamePinyinFactory);
        services.AddScoped<WorkflowEngine>();
        services.AddScoped<DivisionChanges>();
        services.AddScoped<DivisionHistory>();
        services.AddRecurringJob<DivisionChangeJob>(DivisionChangeJob.Kind, "到期的行政区划变更", DivisionChangeJob.Every, DivisionChangeJob.FirstAfter);
        services.AddScoped<WorkflowQueries>();
        services.AddScoped<FileStore>();
        services.AddScoped<Entitlements.Entitlements>();
        services.AddScoped<Entitlements.BenefitProposals>();
        services.AddScoped<Printing.PrintFooters>();
        services.AddSingleton<Entitlements.EntitlementPrograms>();
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditQueries>();
        services.AddScoped<Access.Admin.UserAdministration>();
        services.AddScoped<Access.Admin.SignInAlerts>();
        services.AddSingleton<AuditSealer>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditSealer>());
        services.AddJobs();
        services.AddRegistry();
        Faces.FacesApi.AddFaces(services);
        services.AddImports();
        services.AddTasks();

        // Chinese text as characters, not &#x…; entities: half the page size, readable source.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorPages(o =>
        {
            // Pages live beside their code (Platform/…, Modules/…) and declare absolute routes.
            o.RootDirectory = "/";
            o.Conventions.AddPageRoute("/Platform/Registry/Pages/PersonForm", "/registry/persons/{id:guid}/edit");
            o.Conventions.AddPageRoute("/Platform/Registry/Organizations/Pages/OrganizationForm", "/registry/organizations/{id:guid}/edit");
        }).AddMvcOptions(o =>
        {
            o.Filters.Add<Ui.ProblemPageFilter>(); // an AppProblem from a page handler is shown on the page (ADR 021)
            o.Filters.Add<UploadLimitFilter>(); // an oversized upload is answered on its page, beside its field
            // a form value the binder cannot read ("abc" for a number, "2020-13-45" for a date) is shown beside its field in
            // Chinese; ProblemPageFilter then stops the handler, so nothing is saved without it
            var m = o.ModelBindingMessageProvider;
            m.SetAttemptedValueIsInvalidAccessor((value, _) => $"“{value}”格式不正确，请重新填写");
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}”格式不正确，请重新填写");
            m.SetValueIsInvalidAccessor(value => $"“{value}”格式不正确，请重新填写");
            m.SetUnknownValueIsInvalidAccessor(_ => "格式不正确，请重新填写");
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "格式不正确，请重新填写");
            m.SetValueMustBeANumberAccessor(_ => "请填写数字");
            m.SetNonPropertyValueMustBeANumberAccessor(() => "请填写数字");
            m.SetValueMustNotBeNullAccessor(_ => "请填写此项");
            m.SetMissingBindRequiredValueAccessor(_ => "请填写此项");
            m.SetMissingKeyOrValueAccessor(() => "请填写此项");
            m.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容为空");
        });
        // API enums travel as camelCase names ("female", "rural"), and only as names: "program": 999 or 0 is a 400 naming the
        // field, not a case in no program (ADR 024). Dates are real days between 1900 and 2100.
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
            o.SerializerOptions.Converters.Add(new BusinessDateJsonConverter());
        });
        // A body or query value the framework cannot bind reaches the exception handler, which names the field (ADR 024);
        // without this the framework answers a bare 400 that names nothing.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        // The limits declared on input records (Platform/Http/InputRules.cs) are checked before an API handler runs.
        services.AddValidation();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemExceptionHandler.Complete);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddSingleton<ErrorCatalogue>();
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "民政一体化业务平台 API";
            doc.Info.Description = "Minzheng civil-affairs platform API. Errors are RFC 7807 ProblemDetails with a stable `code` (listed in `x-error-codes`).";
            return Task.CompletedTask;
        }).AddDocumentTransformer<ErrorCodesDocumentTransformer>());
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        services.AddSingleton<SignInThrottle>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // A refused client is told when to come back (RFC 9110 Retry-After, whole seconds).
            o.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                {
                    context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                return ValueTask.CompletedTask;
            };
            // Per address: a township office behind one NAT signs in together at 8:30, so the limit is generous;
            // guessing one account's password is slowed by the per-account delay and stopped by the lockout, not by this.
            // Only attempts count: showing the sign-in page (GET) is not one.
            o.AddPolicy(SignInRateLimit, ctx => HttpMethods.IsPost(ctx.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) })
                : RateLimitPartition.GetNoLimiter("page"));
            o.AddPolicy(PublicRateLimit, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 120, Window = TimeSpan.FromMinutes(1) }));
        });
        services.AddSingleton<PlatformInitializer>();
        return builder;
    }

    private static PlaceNamePinyin PlaceNamePinyinFactory(IServiceProvider _) => new(Text.PinyinTable.Shared);

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (services.All(s => s.ServiceType != typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
    }

    private static void AddIdentityAndAuth(IServiceCollection services, IConfiguration config)
    {
        services.AddIdentity<AppUser, AppRole>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = config.GetValue("Minzheng:Security:MaxFailedSignIns", 5);
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(config.GetValue("Minzheng:Security:LockoutMinutes", 15));
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-";
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddSignInManager<AuditedSignInManager>()
            .AddUserManager<AppUserManager>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddPasswordValidator<ThreeOfFourPasswordValidator>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultAuthenticateScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
                o.DefaultForbidScheme = SmartScheme;
            })
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromMinutes(config.GetValue("Minzheng:Security:TokenMinutes", 60)))
            .AddPolicyScheme(SmartScheme, "Cookie (UI) or bearer token (API)", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme);

        // Role, scope and account changes reach signed-in sessions within a minute (security stamp check).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "minzheng.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(config.GetValue("Minzheng:Security:IdleMinutes", 30));
            o.SlidingExpiration = true;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx.HttpContext, ctx.RedirectUri, 401, "unauthenticated", "请先登录");
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx.HttpContext, ctx.RedirectUri, 403, "forbidden", "您没有执行此操作的权限");
        });

        // one policy per permission the kernel and the modules declare (PermissionPolicies reads the catalog)
        services.AddSingleton<Composition.PermissionCatalog>();
        services.AddSingleton<Ui.ModuleCatalog>();
        services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<Microsoft.AspNetCore.Authorization.AuthorizationOptions>, Composition.PermissionPolicies>();
        services.AddAuthorization(o =>
        {
            // Anything that does not declare otherwise needs a signed-in user.
            o.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });
    }

    private static async Task ApiAware(HttpContext ctx, string redirectUri, int status, string code, string detail)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            var pd = ProblemExceptionHandler.Create(ctx, status, code, detail, null);
            await ctx.Response.WriteAsJsonAsync(pd, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
            return;
        }
        ctx.Response.Redirect(redirectUri);
    }

    public static WebApplication UsePlatform(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages(async ctx =>
        {
            var http = ctx.HttpContext;
            if (http.Response.HasStarted || http.Response.ContentLength is not null) return;
            if (!ProblemExceptionHandler.IsApi(http))
            {
                if (http.Response.StatusCode is 404 or 429)
                {
                    await ProblemExceptionHandler.WriteHtmlAsync(http, http.Response.StatusCode,
                        http.Response.StatusCode == 404 ? "您要找的页面或记录不存在，或不在您的管辖范围内。" : "操作过于频繁，请稍后再试。");
                }
                return;
            }
            {
                var status = http.Response.StatusCode;
                var (code, detail) = status switch
                {
                    401 => ("unauthenticated", "请先登录"),
                    403 => ("forbidden", "您没有执行此操作的权限"),
                    404 => ("not_found", "请求的资源不存在"),
                    405 => ("method_not_allowed", "不支持该请求方法"),
                    413 when http.Request.HasFormContentType => ("file_too_large", $"上传的内容超过 {FileStore.MaxRequestBytes / 1024 / 1024} MB 上限；单个文件不能超过 {FileStore.MaxBytes / 1024 / 1024} MB"),
                    413 => ("payload_too_large", "提交的内容过大"),
                    415 => ("unsupported_media_type", "不支持的内容类型"),
                    429 => ("rate_limited", "请求过于频繁，请稍后再试"),
                    400 => ("bad_request", "请求格式不正确"),
                    _ => ("http_error", ProblemExceptionHandler.TitleFor(status)),
                };
                var pd = ProblemExceptionHandler.Create(http, status, code, detail, null);
                await http.Response.WriteAsJsonAsync(pd, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
            }
        });
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<PasswordChangeRequiredMiddleware>();
        app.UseAuthorization();

        app.MapHealthChecks("/healthz", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/readyz", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        // without Scalar's default fonts (Inter and JetBrains Mono from its CDN): the page loads nothing from outside, as the CSP requires
        app.MapScalarApiReference("/scalar", o => o.WithTitle("民政一体化业务平台 API").DisableDefaultFonts()).AllowAnonymous();
        app.MapRazorPages();
        app.MapAccessApi();
        app.MapDivisionsApi();
        app.MapCalendarApi();
        app.MapRegistryApi();
        Faces.FacesApi.MapFacesApi(app);
        app.MapOrganizationsApi();
        app.MapWorkflowApi();
        Entitlements.BenefitProposalsApi.MapBenefitProposalsApi(app);
        app.MapImportsApi();
        app.MapImportsV1Api();
        app.MapAuditApi();
        app.MapFiguresApi();
        app.MapJobsApi();
        app.MapTasksApi();
        return app;
    }
}

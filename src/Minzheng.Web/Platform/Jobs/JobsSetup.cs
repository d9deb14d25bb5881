using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Platform.Jobs;

public static class JobsSetup
{
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddSingleton<JobCatalog>();
        services.AddSingleton<JobWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<JobWorker>());
        services.AddScoped<JobQueue>();
        return services;
    }

    /// <summary>Declares a job kind; called by the module that owns it, from its own service registration.</summary>
    public static IServiceCollection AddJobKind<THandler>(this IServiceCollection services, string code, string title, RestartPolicy restart, string? interruptedMessage = null)
        where THandler : class, IJobHandler
    {
        services.AddScoped<THandler>();
        services.AddSingleton(new JobKind(code, title, typeof(THandler), restart, interruptedMessage ?? $"应用重启，{title}已中断，请重新提交"));
        return services;
    }

    /// <summary>Declares a periodic sweep: run as the system every <paramref name="every"/>, first <paramref name="firstAfter"/> after start, never twice at once across instances.</summary>
    public static IServiceCollection AddRecurringJob<THandler>(this IServiceCollection services, string code, string title, TimeSpan every, TimeSpan firstAfter)
        where THandler : class, IJobHandler
    {
        services.AddScoped<THandler>();
        services.AddSingleton(new JobKind(code, title, typeof(THandler), RestartPolicy.Resume, $"应用重启，{title}已中断，将按计划再次执行", every, firstAfter));
        return services;
    }

    public static object ToDto(JobView j) => new
    {
        j.Id,
        j.Kind,
        j.Title,
        j.SubjectId,
        status = j.Status,
        j.Done,
        j.Total,
        j.Message,
        j.Error,
        j.Attempts,
        j.CancelRequested,
        j.CreatedBy,
        j.DivisionCode,
        j.CreatedAt,
        j.StartedAt,
        j.FinishedAt,
        instance = j.LeaseOwner,
    };

    public static void MapJobsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/jobs").WithTags("Jobs").RequireAuthorization(Permissions.Policy(Permissions.AdminUsers));

        group.MapGet("/", async (string? status, string? kind, int? page, int? pageSize, JobQueue jobs, CancellationToken ct) =>
        {
            var result = await jobs.ListAsync(new JobFilter(QueryEnum.Parse<JobStatus>(status, "status"), kind), PageRequest.From(page, pageSize, 50), ct);
            return TypedResults.Ok(new { items = result.Items.Select(ToDto), total = result.Total });
        })
        .WithSummary("后台任务（执行中、排队、失败等），分页 { items, total }");

        group.MapPost("/{id:guid}/cancel", async (Guid id, JobQueue jobs, CancellationToken ct) =>
            await jobs.CancelAsync(id, ct)
                ? Results.Accepted()
                : Problems.Result(409, "job_not_active", "该任务已结束或不存在，无法取消"))
        .WithSummary("取消排队或执行中的任务");
    }
}

using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Minzheng.Web.Platform.Http;

/// <summary>
/// One place that turns failures into RFC 7807 ProblemDetails with a stable code and a Chinese detail.
/// Unexpected exceptions are logged with a trace id and answered without stack traces or SQL.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code, detail, errors) = exception switch
        {
            AppProblem p => (p.Status, p.Code, p.Detail, p.Errors),
            DbUpdateConcurrencyException => (409, "concurrency_conflict", AppProblem.Stale().Detail, null),
            BadHttpRequestException b => (b.StatusCode, "bad_request", "请求格式不正确", null),
            _ => (500, "internal_error", "服务器内部错误，请稍后重试；如持续出现请联系管理员并提供追踪号", (IReadOnlyDictionary<string, string[]>?)null),
        };
        if (status >= 500) log.LogError(exception, "Unhandled error on {Path}", context.Request.Path);
        context.Response.StatusCode = status;
        var pd = Create(context, status, code, detail, errors);
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = pd, Exception = exception });
    }

    public static ProblemDetails Create(HttpContext context, int status, string code, string detail, IReadOnlyDictionary<string, string[]>? errors)
    {
        ProblemDetails pd = errors is { Count: > 0 }
            ? new ValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value))
            : new ProblemDetails();
        pd.Status = status;
        pd.Title = TitleFor(status);
        pd.Detail = detail;
        pd.Extensions["code"] = code;
        pd.Extensions["traceId"] = context.TraceIdentifier;
        return pd;
    }

    public static string TitleFor(int status) => status switch
    {
        400 => "请求有误",
        401 => "未登录",
        403 => "无权操作",
        404 => "未找到",
        409 => "冲突",
        413 => "内容过大",
        429 => "请求过于频繁",
        _ => "服务器错误",
    };
}

public static class Problems
{
    /// <summary>A ProblemDetails result for minimal APIs.</summary>
    public static IResult Result(int status, string code, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: ProblemExceptionHandler.TitleFor(status),
            extensions: new Dictionary<string, object?> { ["code"] = code });
}

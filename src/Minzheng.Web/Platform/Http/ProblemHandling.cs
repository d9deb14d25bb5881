using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Platform.Http;

/// <summary>
/// One place that turns failures into RFC 7807 ProblemDetails with a stable code and a Chinese detail.
/// Unexpected exceptions are logged with a trace id and answered without stack traces or SQL.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ErrorCatalogue catalogue, ILogger<ProblemExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code, detail, errors) = exception switch
        {
            // the catalogue decides the status of a code, so one code travels with one status wherever it is thrown
            AppProblem p => (catalogue.Find(p.Code)?.Status ?? p.Status, p.Code, p.Detail, p.Errors),
            DbUpdateConcurrencyException => (409, "concurrency_conflict", AppProblem.Stale().Detail, null),
            _ when UniqueViolation.Is(exception) => (409, UniqueViolation.Code, UniqueViolation.Problem().Detail, null),
            BadHttpRequestException b => RequestProblems.FromBadRequest(b),
            Money.AmountException a => RequestProblems.Field(a.Field, a.Message),
            _ => (500, "internal_error", "服务器内部错误，请稍后重试；如持续出现请联系管理员并提供追踪号", (IReadOnlyDictionary<string, string[]>?)null),
        };
        if (status >= 500) log.LogError(exception, "Unhandled error on {Path}", context.Request.Path);
        context.Response.StatusCode = status;
        if (!IsApi(context))
        {
            await WriteHtmlAsync(context, status, detail);
            return true;
        }
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

    /// <summary>
    /// Every ProblemDetails the framework writes itself (minimal-API validation, status pages) leaves in the one shape: a
    /// catalogued <c>code</c>, a Chinese title and detail, camelCase field names in <c>errors</c> (ADR 021, ADR 024).
    /// </summary>
    public static void Complete(ProblemDetailsContext context)
    {
        var pd = context.ProblemDetails;
        pd.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
        if (pd.Extensions.ContainsKey("code")) return;
        var status = pd.Status ?? context.HttpContext.Response.StatusCode;
        pd.Title = TitleFor(status);
        if (pd is HttpValidationProblemDetails validation && validation.Errors.Count > 0)
        {
            var errors = validation.Errors.ToDictionary(e => CamelPath(e.Key), e => e.Value);
            validation.Errors.Clear();
            foreach (var (key, value) in errors) validation.Errors[key] = value;
            pd.Extensions["code"] = "validation_failed";
            pd.Detail = AppProblem.Validation(errors).Detail;
            return;
        }
        var (code, detail) = status switch
        {
            400 => ("bad_request", "请求格式不正确"),
            401 => ("unauthenticated", "请先登录"),
            403 => ("forbidden", "您没有执行此操作的权限"),
            404 => ("not_found", "请求的资源不存在"),
            405 => ("method_not_allowed", "不支持该请求方法"),
            413 => ("payload_too_large", "提交的内容过大"),
            415 => ("unsupported_media_type", "不支持的内容类型"),
            429 => ("rate_limited", "请求过于频繁，请稍后再试"),
            500 => ("internal_error", "服务器内部错误，请稍后重试；如持续出现请联系管理员并提供追踪号"),
            _ => ("http_error", TitleFor(status)),
        };
        pd.Extensions["code"] = code;
        pd.Detail = detail;
    }

    /// <summary><c>Members[0].Relation</c> → <c>members[0].relation</c>.</summary>
    public static string CamelPath(string key) =>
        string.Join('.', key.Split('.').Select(part => part.Length > 0 && char.IsUpper(part[0]) ? InputRules.Camel(part) : part));

    public static bool IsApi(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") || context.Request.Headers.Accept.ToString().Contains("json", StringComparison.OrdinalIgnoreCase);

    /// <summary>A plain error page for browsers: the Chinese detail, a way back, nothing internal.</summary>
    public static Task WriteHtmlAsync(HttpContext context, int status, string detail)
    {
        var enc = System.Text.Encodings.Web.HtmlEncoder.Default;
        var (home, homeName) = Access.HomeLinks.Of(context.User); // constants: written as they are (the encoder would turn them into entities)
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync($$"""
            <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{enc.Encode(TitleFor(status))}} - 民政一体化业务平台</title><link rel="stylesheet" href="/css/site.css"></head>
            <body><main><div class="card login"><h1>{{enc.Encode(TitleFor(status))}}</h1><p>{{enc.Encode(detail)}}</p>
            <p class="muted">追踪号：{{enc.Encode(context.TraceIdentifier)}}</p><p><a href="{{home}}">{{homeName}}</a></p></div></main></body></html>
            """);
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

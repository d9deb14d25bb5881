using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Platform.Ui;

/// <summary>
/// The prefix of the form fields a page's (or one handler's) field errors belong to: an API field <c>name</c> is shown beside
/// <c>{Prefix}.Name</c>. Without it a page with a bound <c>Input</c> property uses <c>Input</c>, any other page none.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ProblemPrefixAttribute(string prefix) : Attribute
{
    public string Prefix => prefix;
}

/// <summary>
/// A page that reloads what it shows itself after a handler failed, instead of the filter running its GET handler again
/// (needed where the GET handler would overwrite the posted form, e.g. an edit form filled from the database).
/// </summary>
public interface IReloadAfterProblem
{
    Task ReloadAfterProblemAsync(CancellationToken ct);
}

/// <summary>
/// Page models handle <see cref="AppProblem"/> once, here (ADR 021): when a page handler throws one, the problem goes into
/// ModelState beside its fields (<see cref="PageExtensions.AddProblem"/>), the page reloads its data — by
/// <see cref="IReloadAfterProblem"/>, or by running its GET handler again with the failed handler's arguments and the route
/// values — and the page is shown again with what the user typed. A record that is gone or out of scope still answers 404:
/// reloading the page throws it again, and a GET handler's 404 is left to the exception handler's not-found page. A page
/// that does more with a problem than show it (the payroll's return-file error table) catches it itself, which this filter
/// then never sees.
/// </summary>
public sealed class ProblemPageFilter(ErrorCatalogue catalogue) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        // a form posted to a handler the page does not have (?handler=nope, or a page without forms) would render the page
        // without running the GET that loads its data — a 500 from the view — : there is no such thing to post to
        if (context.HandlerMethod is null && !HttpMethods.IsGet(context.HttpContext.Request.Method) && !HttpMethods.IsHead(context.HttpContext.Request.Method))
        {
            context.Result = new NotFoundResult();
            return;
        }
        // a file taken out of the form for its size: the handler does not run, the page shows why beside the field
        if (Files.UploadLimitFilter.ProblemOf(context.HttpContext) is { } tooLarge && context.HandlerInstance is PageModel uploadPage)
        {
            uploadPage.ModelState.AddProblem(tooLarge, "");
            context.Result = await ReloadAsync(context, uploadPage) ?? uploadPage.Page();
            return;
        }
        // a form value that could not be bound (a number or a date typed wrong) is already beside its field: the handler does not
        // run with the value missing (it would save the rest without it), the page is shown again with what was typed
        if (!HttpMethods.IsGet(context.HttpContext.Request.Method) && context.HandlerInstance is PageModel unbound && !unbound.ModelState.IsValid)
        {
            context.Result = await ReloadAsync(context, unbound) ?? unbound.Page();
            return;
        }
        var executed = await next();
        if (executed.Exception is not AppProblem problem || executed.ExceptionHandled || context.HandlerInstance is not PageModel page) return;
        // a GET that finds nothing has nothing to show the problem beside: that is the not-found page
        if (HttpMethods.IsGet(context.HttpContext.Request.Method) && (catalogue.Find(problem.Code)?.Status ?? problem.Status) == StatusCodes.Status404NotFound) return;

        page.ModelState.AddProblem(problem, PrefixOf(context, page));
        executed.ExceptionHandled = true;
        executed.Result = await ReloadAsync(context, page) ?? page.Page();
    }

    private static string PrefixOf(PageHandlerExecutingContext context, PageModel page)
    {
        var attribute = context.HandlerMethod?.MethodInfo.GetCustomAttributes(typeof(ProblemPrefixAttribute), false).FirstOrDefault()
                        ?? page.GetType().GetCustomAttributes(typeof(ProblemPrefixAttribute), true).FirstOrDefault();
        if (attribute is ProblemPrefixAttribute p) return p.Prefix;
        return page.GetType().GetProperty("Input") is { } input && input.IsDefined(typeof(BindPropertyAttribute), true) ? "Input" : "";
    }

    /// <summary>Reloads the page's data; a GET handler's own answer (a redirect, a 404) wins over showing the page.</summary>
    private static async Task<IActionResult?> ReloadAsync(PageHandlerExecutingContext context, PageModel page)
    {
        var ct = context.HttpContext.RequestAborted;
        if (page is IReloadAfterProblem reloading)
        {
            await reloading.ReloadAfterProblemAsync(ct);
            return null;
        }
        // a failed GET handler is not run again (it would fail again); the page shows the problem with what it has
        if (HttpMethods.IsGet(context.HttpContext.Request.Method)) return null;
        var get = context.ActionDescriptor.HandlerMethods.FirstOrDefault(h => string.Equals(h.HttpMethod, "Get", StringComparison.OrdinalIgnoreCase) && string.IsNullOrEmpty(h.Name));
        if (get is null) return null;
        var arguments = get.MethodInfo.GetParameters().Select(p => ArgumentFor(p, context, ct)).ToArray();
        var answer = get.MethodInfo.Invoke(page, arguments);
        if (answer is Task task)
        {
            await task;
            answer = task.GetType().IsGenericType ? task.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(task) : null;
        }
        return answer is IActionResult result and not PageResult ? result : null;
    }

    /// <summary>The GET handler's argument: the failed handler's argument of that name, else the route or query value, else its default.</summary>
    private static object? ArgumentFor(System.Reflection.ParameterInfo p, PageHandlerExecutingContext context, CancellationToken ct)
    {
        if (p.ParameterType == typeof(CancellationToken)) return ct;
        if (p.Name is { } name)
        {
            if (context.HandlerArguments.TryGetValue(name, out var value) && value is not null && p.ParameterType.IsInstanceOfType(value)) return value;
            // [FromQuery] reads the query only: "page" is also the route value naming the Razor page
            var fromQuery = p.IsDefined(typeof(FromQueryAttribute), false);
            var text = !fromQuery && context.RouteData.Values.TryGetValue(name, out var route) ? route?.ToString() : context.HttpContext.Request.Query[name].FirstOrDefault();
            if (!string.IsNullOrEmpty(text))
            {
                var type = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
                try
                {
                    return TypeDescriptor.GetConverter(type).ConvertFromInvariantString(text);
                }
                catch (Exception e) when (e is FormatException or NotSupportedException or ArgumentException)
                {
                    // an unreadable value falls back to the default, as model binding would leave it
                }
            }
        }
        if (p.HasDefaultValue) return p.DefaultValue;
        return p.ParameterType.IsValueType && Nullable.GetUnderlyingType(p.ParameterType) is null ? Activator.CreateInstance(p.ParameterType) : null;
    }
}

using Microsoft.AspNetCore.Mvc.ModelBinding;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Platform.Ui;

public static class PageExtensions
{
    /// <summary>
    /// Shows a use case's problem on the form: each field error beside its field (API field names are
    /// camelCase, form fields are <paramref name="prefix"/>.PascalCase), anything else at the top.
    /// </summary>
    public static void AddProblem(this ModelStateDictionary modelState, AppProblem problem, string prefix = "Input")
    {
        if (problem.Errors.Count == 0)
        {
            modelState.AddModelError("", problem.Detail);
            return;
        }
        foreach (var (field, messages) in problem.Errors)
        {
            var name = string.IsNullOrEmpty(field) ? "" : $"{char.ToUpperInvariant(field[0])}{field[1..]}";
            var key = name.Length == 0 ? "" : prefix.Length == 0 ? name : $"{prefix}.{name}";
            foreach (var m in messages) modelState.AddModelError(key, m);
        }
    }
}

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
            // "father.termMonths" is shown beside Input.Father.TermMonths: each segment as the C# property is named
            var name = string.IsNullOrEmpty(field) ? "" : string.Join('.', field.Split('.').Select(s => s.Length == 0 ? s : $"{char.ToUpperInvariant(s[0])}{s[1..]}"));
            var key = name.Length == 0 ? "" : prefix.Length == 0 ? name : $"{prefix}.{name}";
            foreach (var m in messages) modelState.AddModelError(key, m);
        }
    }
}

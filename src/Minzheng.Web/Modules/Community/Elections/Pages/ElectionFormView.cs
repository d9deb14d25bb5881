using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Minzheng.Web.Modules.Community.Elections.Pages;

/// <summary>
/// One form of the election pages as rendered: its field names under its prefix (the use case's field <c>ballotsCast</c> lands
/// beside <c>Box.BallotsCast</c>), its messages and what was typed. A page shows the same form several times (a check form per
/// candidate, a form per ballot box, per step): only the one that was posted (<paramref name="active"/>) shows the messages and
/// the typed values. Those repeated forms mark a message with <c>data-error-for</c> instead of <c>data-valmsg-for</c>, so that the
/// site script, looking a field up by its name, does not focus the field of the same name in the first of the forms but the one
/// beside the message.
/// </summary>
public sealed class ElectionFormView(ModelStateDictionary state, string prefix, bool active, bool repeated = false)
{
    public bool Active => active;

    public string Name(string field) => $"{prefix}.{field}";

    public IReadOnlyList<string> Messages(string field) =>
        active && state.TryGetValue(Name(field), out var entry) ? [.. entry.Errors.Select(e => e.ErrorMessage).Where(m => m.Length > 0)] : [];

    /// <summary>What was typed where it could not be read (a number written wrong), otherwise the value.</summary>
    public string? Typed(string field, string? value) =>
        active && state.TryGetValue(Name(field), out var entry) && entry.ValidationState == ModelValidationState.Invalid && entry.AttemptedValue is not null
            ? entry.AttemptedValue
            : value;

    public string? Typed(string field, int? value) => Typed(field, value?.ToString(CultureInfo.InvariantCulture));

    public string? Typed(string field, DateOnly? value) => Typed(field, value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public IHtmlContent Error(string field)
    {
        var messages = Messages(field);
        var span = new TagBuilder("span");
        span.AddCssClass(messages.Count > 0 ? "field-error field-validation-error" : "field-error field-validation-valid");
        span.Attributes[repeated ? "data-error-for" : "data-valmsg-for"] = Name(field);
        span.InnerHtml.Append(string.Join("；", messages));
        return span;
    }
}

namespace Minzheng.Web.Platform.Ui;

/// <summary>
/// The one naming of a field's error message in the page: the error summary links to it and site.js gives the message beside the
/// field this id (and the field <c>aria-describedby</c> it), so the two never disagree.
/// </summary>
public static class FieldErrors
{
    /// <summary>"Input.Members[0].Name" → "err-Input_Members_0__Name": an id a fragment link and a CSS selector both accept.</summary>
    public static string AnchorOf(string key) =>
        "err-" + string.Concat(key.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_' ? c : '_'));
}

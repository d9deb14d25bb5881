using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Minzheng.Web.Platform.Ui;

/// <summary>
/// Every box for a 居民身份证号 (a field named …IdNumber) is a text box that a phone opens with a keyboard holding X: the last
/// character of an 18-digit number is a check digit that may be X (GB 11643-1999), and a numeric keypad has none (GB/T 37668
/// / WCAG 3.3.2). One place for the 40-odd forms that ask for an ID number, so a new form cannot forget it.
/// </summary>
[HtmlTargetElement("input")]
public sealed class IdNumberInputTagHelper : TagHelper
{
    // after the framework's InputTagHelper, which writes name and type for asp-for
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = output.Attributes["name"]?.Value?.ToString() ?? context.AllAttributes["name"]?.Value?.ToString();
        if (name is null || !name.EndsWith("IdNumber", StringComparison.OrdinalIgnoreCase)) return;
        var type = output.Attributes["type"]?.Value?.ToString() ?? "text";
        if (!type.Equals("text", StringComparison.OrdinalIgnoreCase) && !type.Equals("search", StringComparison.OrdinalIgnoreCase)) return;
        output.Attributes.SetAttribute("inputmode", "text");
        output.Attributes.SetAttribute("autocapitalize", "characters");
        output.Attributes.SetAttribute("spellcheck", "false");
        if (!output.Attributes.ContainsName("autocomplete")) output.Attributes.SetAttribute("autocomplete", "off");
        if (!output.Attributes.ContainsName("maxlength")) output.Attributes.SetAttribute("maxlength", "18");
    }
}

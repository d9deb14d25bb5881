using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;

namespace Minzheng.Web.Platform.Http;

/// <summary>
/// The limits of an input record, declared once as attributes on it (ADR 024): <see cref="TextAttribute"/> for text,
/// <see cref="AmountAttribute"/> for money, <see cref="WithinAttribute"/> for counts, <see cref="RequiredInputAttribute"/> for
/// fields that must be sent, <see cref="NoNullItemsAttribute"/> for lists. The API checks them before the handler runs
/// (minimal-API validation, <c>AddValidation</c>); a use case that pages call too checks them in its first line with
/// <see cref="InputRules.ThrowIfInvalid"/>, so a page and the API refuse the same input with the same Chinese message.
/// </summary>
public static class InputRules
{
    /// <summary>The default for a short free text (a name, a reason, an address) where a record declares nothing narrower.</summary>
    public const int ShortText = 200;

    /// <summary>A long free text: an opinion, a finding, a description.</summary>
    public const int LongText = 2000;

    /// <summary>
    /// Throws a 400 <c>validation_failed</c> naming every field (camelCase, nested as <c>members[0].relation</c>) whose
    /// attributes refuse the value; walks nested records and lists.
    /// </summary>
    public static void ThrowIfInvalid(object? input)
    {
        var errors = new ValidationErrors();
        Collect(input, "", errors, 0);
        errors.ThrowIfAny();
    }

    /// <summary>The field errors of <paramref name="input"/>, for callers that add their own before throwing.</summary>
    public static void Collect(object? input, string prefix, ValidationErrors errors, int depth)
    {
        if (input is null || depth > 8) return;
        var type = input.GetType();
        if (type.IsPrimitive || input is string or decimal or DateOnly or DateTime or Guid || type.IsEnum) return;
        if (input is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items) Collect(item, $"{prefix}[{i++}]", errors, depth + 1);
            return;
        }
        foreach (var property in Properties(type))
        {
            var value = property.GetValue(input);
            var field = string.IsNullOrEmpty(prefix) ? Camel(property.Name) : $"{prefix}.{Camel(property.Name)}";
            var context = new ValidationContext(input) { MemberName = property.Name, DisplayName = property.Name };
            foreach (var attribute in Attributes(type, property))
            {
                var result = attribute.GetValidationResult(value, context);
                if (result is not null && result != ValidationResult.Success) errors.Add(field, result.ErrorMessage ?? "取值无效");
            }
            if (value is not null && property.PropertyType.Namespace?.StartsWith("Minzheng", StringComparison.Ordinal) == true || value is IEnumerable and not string)
            {
                Collect(value, field, errors, depth + 1);
            }
        }
    }

    public static string Camel(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);

    private static PropertyInfo[] Properties(Type type) => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetIndexParameters().Length == 0 && p.CanRead && p.Name != "EqualityContract").ToArray();

    /// <summary>The attributes on the property and, for a positional record, on its constructor parameter.</summary>
    private static IEnumerable<ValidationAttribute> Attributes(Type type, PropertyInfo property)
    {
        foreach (var a in property.GetCustomAttributes<ValidationAttribute>(true)) yield return a;
        var parameter = type.GetConstructors().SelectMany(c => c.GetParameters())
            .FirstOrDefault(p => string.Equals(p.Name, property.Name, StringComparison.Ordinal));
        if (parameter is null) yield break;
        foreach (var a in parameter.GetCustomAttributes<ValidationAttribute>(true)) yield return a;
    }

    /// <summary>Length in what a reader counts as characters (text elements): 𠀀 and 𪚥 are one each, not two UTF-16 units.</summary>
    public static int Length(string text) => new StringInfo(text).LengthInTextElements;
}

/// <summary>A text of at most <paramref name="max"/> characters (text elements, so a name in 生僻字 beyond the basic plane counts right).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class TextAttribute(int max) : ValidationAttribute
{
    public int Max => max;

    public override bool IsValid(object? value) => value is not string s || InputRules.Length(s) <= max;

    public override string FormatErrorMessage(string name) => $"不能超过 {max} 个字";
}

/// <summary>
/// An amount in yuan: at most two decimal places, between <paramref name="min"/> and <paramref name="max"/> yuan. Most amounts
/// are never negative; the maximum is a sanity bound far above any real figure, not a policy limit.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class AmountAttribute(double min = 0, double max = 10_000_000) : ValidationAttribute
{
    public override bool IsValid(object? value) => value switch
    {
        null => true,
        decimal d => decimal.Round(d, 2) == d && d >= (decimal)min && d <= (decimal)max,
        Money.Money m => m.Fen >= (decimal)min * 100 && m.Fen <= (decimal)max * 100,
        _ => false,
    };

    public override string FormatErrorMessage(string name) =>
        $"金额须在 {((decimal)min).ToString("0.##", CultureInfo.InvariantCulture)} 至 {((decimal)max).ToString("0.##", CultureInfo.InvariantCulture)} 元之间，最多两位小数";
}

/// <summary>A whole number (count, grade, beds, percentage) between <paramref name="min"/> and <paramref name="max"/>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class WithinAttribute(double min, double max) : ValidationAttribute
{
    public override bool IsValid(object? value) => value switch
    {
        null => true,
        int i => i >= min && i <= max,
        long l => l >= min && l <= max,
        decimal d => d >= (decimal)min && d <= (decimal)max,
        double x => x >= min && x <= max,
        _ => false,
    };

    public override string FormatErrorMessage(string name) =>
        $"须在 {min.ToString(CultureInfo.InvariantCulture)} 至 {max.ToString(CultureInfo.InvariantCulture)} 之间";
}

/// <summary>A field the client must send (a missing <c>enabled</c> must not read as false).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class RequiredInputAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value is not null && (value is not string s || !string.IsNullOrWhiteSpace(s));

    public override string FormatErrorMessage(string name) => "必填";
}

/// <summary>A list without empty (null) entries: <c>members: [null]</c> is refused with the field, never a 500.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class NoNullItemsAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value is not IEnumerable items || items.Cast<object?>().All(i => i is not null);

    public override string FormatErrorMessage(string name) => "列表中有空项";
}

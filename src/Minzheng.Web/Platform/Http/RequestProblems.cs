using System.Text.Json;
using System.Text.RegularExpressions;

namespace Minzheng.Web.Platform.Http;

/// <summary>
/// A request the framework could not bind — malformed JSON, a value of the wrong type, <c>2020-02-30</c>, an unknown or numeric
/// enum, a missing body or query value — answered like any other field error (ADR 024): 400 <c>validation_failed</c> with the
/// field as the client wrote it (<c>members[0].relation</c>, camelCase) and a Chinese message, never a bare <c>bad_request</c>.
/// </summary>
public static partial class RequestProblems
{
    /// <summary>The field named for a request body that is missing or not JSON at all.</summary>
    public const string BodyField = "body";

    public static (int Status, string Code, string Detail, IReadOnlyDictionary<string, string[]>? Errors) FromBadRequest(BadHttpRequestException b)
    {
        if (b.StatusCode == StatusCodes.Status415UnsupportedMediaType) return (415, "unsupported_media_type", "请求内容须为 JSON（Content-Type: application/json）", null);
        if (b.StatusCode == StatusCodes.Status413PayloadTooLarge) return (413, "payload_too_large", "提交的内容过大", null);
        if (b.StatusCode != StatusCodes.Status400BadRequest) return (b.StatusCode, "http_error", ProblemExceptionHandler.TitleFor(b.StatusCode), null);
        if (Find<JsonException>(b) is { } json) return Field(FieldOf(json), MessageOf(json));
        var parameter = ParameterPattern().Match(b.Message);
        // .NET 10: "Implicit body inferred for parameter … but no body was provided"; earlier: "… was not provided from body."
        if (b.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal) || b.Message.Contains("not provided from body", StringComparison.Ordinal))
        {
            return Field(BodyField, "缺少请求内容（JSON）");
        }
        if (parameter.Success)
        {
            var name = parameter.Groups["name"].Value;
            return b.Message.Contains("not provided", StringComparison.OrdinalIgnoreCase)
                ? Field(name, "必填")
                : Field(name, "取值格式不正确");
        }
        return Field(BodyField, "请求格式不正确");
    }

    public static (int, string, string, IReadOnlyDictionary<string, string[]>?) Field(string field, string message)
    {
        var errors = new Dictionary<string, string[]> { [field] = [message] };
        return (400, "validation_failed", AppProblem.Validation(errors).Detail, errors);
    }

    /// <summary><c>$.members[0].relation</c> → <c>members[0].relation</c>; the root (<c>$</c>) is the body itself.</summary>
    public static string FieldOf(JsonException e)
    {
        if (IsSyntaxError(e)) return BodyField;
        var missing = MissingPattern().Match(e.Message);
        if (missing.Success) return missing.Groups["name"].Value;
        var path = e.Path;
        if (string.IsNullOrEmpty(path) || path == "$") return BodyField;
        path = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        // STJ writes names it must quote as ['name']
        return QuotedPattern().Replace(path, m => "." + m.Groups[1].Value).TrimStart('.');
    }

    /// <summary>A Chinese message by what went wrong: our own converters say it themselves, the serializer's are recognised.</summary>
    public static string MessageOf(JsonException e)
    {
        if (e is InputJsonException mine) return mine.Reason;
        if (IsSyntaxError(e)) return $"不是有效的 JSON（第 {(e.LineNumber ?? 0) + 1} 行第 {(e.BytePositionInLine ?? 0) + 1} 个字节附近）";
        if (MissingPattern().IsMatch(e.Message)) return "必填";
        var target = TargetPattern().Match(e.Message);
        if (target.Success)
        {
            var typeName = target.Groups["type"].Value;
            if (typeName.Contains("DateOnly", StringComparison.Ordinal)) return "须为有效日期（yyyy-MM-dd）";
            if (typeName.Contains("DateTime", StringComparison.Ordinal)) return "须为有效时间（ISO 8601）";
            if (typeName.Contains("Guid", StringComparison.Ordinal)) return "须为有效的标识（GUID）";
            if (typeName.Contains("Boolean", StringComparison.Ordinal)) return "须为 true 或 false";
            if (typeName.Contains("Int", StringComparison.Ordinal)) return "须为整数（范围内）";
            if (typeName.Contains("Decimal", StringComparison.Ordinal) || typeName.Contains("Double", StringComparison.Ordinal)) return "须为数字";
            if (typeName.Contains("String", StringComparison.Ordinal)) return "须为文本";
            if (EnumNamed(typeName) is { } enumType)
            {
                return "取值无效，可选：" + string.Join("、", Enum.GetNames(enumType).Select(InputRules.Camel));
            }
            return "格式不正确";
        }
        return string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "不是有效的 JSON" : "格式不正确";
    }

    /// <summary>The text is not JSON at all (the reader's own error, an internal subtype), rather than a value of the wrong kind.</summary>
    private static bool IsSyntaxError(JsonException e) => e.GetType().Name == "JsonReaderException" || e.InnerException?.GetType().Name == "JsonReaderException";

    private static Type? EnumNamed(string typeName)
    {
        var name = typeName.Replace("System.Nullable`1[", "", StringComparison.Ordinal).TrimEnd(']');
        var type = typeof(RequestProblems).Assembly.GetType(name);
        return type is { IsEnum: true } ? type : null;
    }

    private static T? Find<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is T t) return t;
        }
        return null;
    }

    [GeneratedRegex("""parameter "(?:[^"]*\s)?(?<name>[A-Za-z_][A-Za-z0-9_]*)"?""")]
    private static partial Regex ParameterPattern();

    [GeneratedRegex("""missing required properties including: '(?<name>[^']+)'""")]
    private static partial Regex MissingPattern();

    [GeneratedRegex("""could not be converted to (?<type>[^\s.]+(?:\.[^\s.]+)*)\.? Path""")]
    private static partial Regex TargetPattern();

    [GeneratedRegex("""\['([^']*)'\]""")]
    private static partial Regex QuotedPattern();
}

/// <summary>A JSON value our own converter refused, with the Chinese reason the client sees beside the field.</summary>
public sealed class InputJsonException(string reason) : JsonException(reason)
{
    public string Reason { get; } = reason;
}

/// <summary>
/// Business dates in the API: <c>yyyy-MM-dd</c>, a real day (<c>2020-02-30</c> is refused with the field), between 1900 and
/// 2100 (a price-index month 0001-01 or 9999-12 is a typing error, not a date the platform can act on).
/// </summary>
public sealed class BusinessDateJsonConverter : System.Text.Json.Serialization.JsonConverter<DateOnly>
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);
    public static readonly DateOnly Latest = new(2100, 12, 31);

    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String
            || !DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
        {
            throw new InputJsonException("须为有效日期（yyyy-MM-dd）");
        }
        if (date < Earliest || date > Latest) throw new InputJsonException("日期须在 1900-01-01 至 2100-12-31 之间");
        return date;
    }

    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
}

namespace Minzheng.Web.Platform.Http;

/// <summary>An optional enum filter from the query string: case-insensitive name, or 400 listing the accepted values.</summary>
public static class QueryEnum
{
    public static T? Parse<T>(string? value, string field) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (Enum.TryParse<T>(value, true, out var parsed) && Enum.IsDefined(parsed)) return parsed;
        throw AppProblem.Field(field, $"取值“{value}”无效，可选：{string.Join("、", Enum.GetNames<T>().Select(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName))}");
    }
}

namespace Minzheng.Web.Platform.Http;

/// <summary>
/// A failure a user can act on: an HTTP status, a stable snake_case <see cref="Code"/> for API clients,
/// a Chinese <see cref="Detail"/>, and optionally field errors to show beside form fields.
/// </summary>
public sealed class AppProblem(int status, string code, string detail, IReadOnlyDictionary<string, string[]>? errors = null)
    : Exception(detail)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    public string Detail { get; } = detail;
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors ?? new Dictionary<string, string[]>();

    public static AppProblem NotFound(string what) => new(404, "not_found", $"{what}不存在或不在您的管辖范围内");

    public static AppProblem Forbidden(string detail) => new(403, "forbidden", detail);

    public static AppProblem Conflict(string code, string detail) => new(409, code, detail);

    public static AppProblem Validation(IReadOnlyDictionary<string, string[]> errors, string code = "validation_failed") =>
        new(400, code, "提交的内容有误: " + string.Join("；", errors.SelectMany(e => e.Value)), errors);

    public static AppProblem Field(string field, string message, string code = "validation_failed") =>
        Validation(new Dictionary<string, string[]> { [field] = [message] }, code);

    public static AppProblem Stale() =>
        new(409, "concurrency_conflict", "该记录已被他人修改，请刷新后重新编辑（您的修改未保存）");
}

/// <summary>Collects field errors in a use case's validation step.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = [];
    private string? _code;

    public bool Any => _errors.Count > 0;

    public ValidationErrors Add(string field, string message, string? code = null)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        _code ??= code;
        return this;
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw AppProblem.Validation(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), _code ?? "validation_failed");
        }
    }
}

using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Minzheng.Tests.Infrastructure;

namespace Minzheng.Tests.Integration;

/// <summary>
/// Issue 12 acceptance (ADR 024): every POST and PUT of the OpenAPI document, as the administrator, with malformed bodies —
/// empty, not JSON, <c>{}</c>, wrong types, nulls in lists, huge strings, numbers for enums, three-decimal and negative amounts,
/// impossible dates, numbers past <c>int</c> — never answers 5xx, and every problem it answers carries a <c>code</c>. Path ids
/// are real where a list names one (so the body reaches the use case, not a 404), random otherwise.
/// </summary>
public abstract class ApiProbeTests(AppFixture app)
{
    private const string Village = "450921100003";
    private const string County = "450921000000";

    [Fact]
    public async Task Every_post_and_put_answers_malformed_input_with_a_coded_4xx()
    {
        app.SkipIfUnavailable();
        var admin = await app.ClientAsync("admin");
        var document = JsonNode.Parse(await admin.GetStringAsync("/openapi/v1.json"))!.AsObject();
        var schemas = document["components"]!["schemas"]!.AsObject();
        var ids = await KnownIdsAsync(admin);
        var failures = new List<string>();
        var watch = Stopwatch.StartNew();
        var requests = 0;

        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                if (method is not ("post" or "put")) continue;
                if (path.StartsWith("/api/v1/auth", StringComparison.Ordinal)) continue; // signing in is probed by AccountTests; a probe here would spend the sign-in budget
                var url = await UrlAsync(admin, path, ids);
                var schema = operation!["requestBody"]?["content"]?["application/json"]?["schema"];
                foreach (var (label, body) in Bodies(schema, schemas, ids))
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url);
                    if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                    using var response = await admin.SendAsync(request);
                    requests++;
                    var status = (int)response.StatusCode;
                    var text = await response.Content.ReadAsStringAsync();
                    if (status >= 500)
                    {
                        failures.Add($"{method.ToUpperInvariant()} {path} [{label}] → {status}: {Cut(text)}");
                    }
                    else if (status >= 400 && !HasCode(text))
                    {
                        failures.Add($"{method.ToUpperInvariant()} {path} [{label}] → {status} without a code: {Cut(text)}");
                    }
                }
            }
        }
        Assert.True(requests > 300, $"the probe sent only {requests} requests: the OpenAPI document lost its operations?");
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} probes failed ({watch.Elapsed.TotalSeconds:F0} s):\n" + string.Join("\n", failures));
    }

    private static bool HasCode(string text)
    {
        try
        {
            var json = JsonDocument.Parse(text).RootElement;
            return json.ValueKind == JsonValueKind.Object && json.TryGetProperty("code", out var code) && !string.IsNullOrEmpty(code.GetString());
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Cut(string text) => text.Length > 400 ? text[..400] + "…" : text;

    /// <summary>Ids of records the demo has: the first of each list the administrator can read.</summary>
    private static async Task<Dictionary<string, string>> KnownIdsAsync(HttpClient admin)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var list in new[]
                 {
                     "/api/v1/persons", "/api/v1/households", "/api/v1/organizations", "/api/v1/figures", "/api/v1/assistance/cases",
                     "/api/v1/assistance/reviews", "/api/v1/payments/payrolls", "/api/v1/payments/recoveries", "/api/v1/payments/bank-templates",
                     "/api/v1/payments/price-rules", "/api/v1/children/cases", "/api/v1/children/watch", "/api/v1/children/protection",
                     "/api/v1/children/institutions", "/api/v1/disability/subsidies", "/api/v1/comparison/findings", "/api/v1/comparison/rules",
                     "/api/v1/assistance/standards", "/api/v1/assistance/watch",
                 })
        {
            using var response = await admin.GetAsync(list + "?pageSize=1");
            if (!response.IsSuccessStatusCode) continue;
            var json = await response.Content.ReadFromJsonAsync<JsonElement>();
            var items = json.ValueKind == JsonValueKind.Array ? json : json.TryGetProperty("items", out var i) ? i : default;
            if (items.ValueKind != JsonValueKind.Array || items.GetArrayLength() == 0) continue;
            var first = items[0];
            foreach (var key in new[] { "id", "householdId", "code" })
            {
                if (first.ValueKind == JsonValueKind.Object && first.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String)
                {
                    ids[list + "#" + key] = v.GetString()!;
                }
            }
        }
        return ids;
    }

    /// <summary>The path with its parameters filled: a real id of the list the path extends, else a random one.</summary>
    private static Task<string> UrlAsync(HttpClient admin, string path, Dictionary<string, string> ids)
    {
        _ = admin;
        var segments = path.Split('/');
        var built = new List<string>();
        for (var i = 0; i < segments.Length; i++)
        {
            var s = segments[i];
            if (!s.StartsWith('{'))
            {
                built.Add(s);
                continue;
            }
            var name = s.Trim('{', '}');
            var prefix = string.Join('/', built);
            built.Add(name switch
            {
                "county" => County,
                "code" => ids.GetValueOrDefault("/api/v1/comparison/rules#code") ?? "no_such_rule",
                "action" => "approve",
                "householdId" => ids.GetValueOrDefault("/api/v1/assistance/watch#householdId") ?? ids.GetValueOrDefault("/api/v1/households#id") ?? Guid.NewGuid().ToString(),
                "personId" => ids.GetValueOrDefault("/api/v1/persons#id") ?? Guid.NewGuid().ToString(),
                _ => ids.GetValueOrDefault(prefix + "#id") ?? Guid.NewGuid().ToString(),
            });
        }
        return Task.FromResult(string.Join('/', built));
    }

    /// <summary>The malformed bodies for one operation: whole-body faults, then a plausible body with each kind of leaf spoiled.</summary>
    private static IEnumerable<(string Label, string? Body)> Bodies(JsonNode? schema, JsonObject schemas, Dictionary<string, string> ids)
    {
        yield return ("no body", null);
        yield return ("empty body", "");
        yield return ("not JSON", "{\"a\":");
        yield return ("array root", "[]");
        yield return ("string root", "\"x\"");
        yield return ("{}", "{}");
        if (schema is null) yield break;
        foreach (var fault in Enum.GetValues<Fault>())
        {
            var body = Build(schema, schemas, ids, fault, "", 0);
            yield return (fault.ToString(), body?.ToJsonString() ?? "null");
        }
    }

    private enum Fault
    {
        None,
        WrongTypes,
        Nulls,
        NullItems,
        EmptyLists,
        HugeStrings,
        EnumNumbers,
        EnumZero,
        UnknownEnumNames,
        ThreeDecimals,
        Negative,
        Enormous,
        BadDates,
        FarDates,
    }

    private static JsonObject Resolve(JsonNode schema, JsonObject schemas)
    {
        var s = schema.AsObject();
        return s["$ref"] is { } r ? schemas[r.GetValue<string>().Split('/')[^1]]!.AsObject() : s;
    }

    private static string[] Types(JsonObject s) => s["type"] switch
    {
        JsonArray a => [.. a.Select(t => t!.GetValue<string>()).Where(t => t != "null")],
        JsonValue v => [v.GetValue<string>()],
        _ => [],
    };

    private static JsonNode? Build(JsonNode schemaNode, JsonObject schemas, Dictionary<string, string> ids, Fault fault, string name, int depth)
    {
        var s = Resolve(schemaNode, schemas);
        if (s["enum"] is JsonArray values)
        {
            return fault switch
            {
                Fault.EnumNumbers => 999,
                Fault.EnumZero => 0,
                Fault.UnknownEnumNames => "noSuchValue",
                Fault.WrongTypes => true,
                Fault.Nulls => null,
                _ => values.FirstOrDefault(v => v is not null)?.DeepClone(),
            };
        }
        if (s["oneOf"] is JsonArray || s["anyOf"] is JsonArray)
        {
            var options = (s["oneOf"] ?? s["anyOf"])!.AsArray();
            var option = options.FirstOrDefault(o => o is not null && Resolve(o, schemas)["type"]?.ToString() != "null");
            return option is null ? null : Build(option, schemas, ids, fault, name, depth);
        }
        var types = Types(s);
        var type = types.Contains("integer") ? "integer" : types.FirstOrDefault() ?? (s["properties"] is not null ? "object" : "");
        if (fault == Fault.Nulls && depth > 0) return null;
        switch (type)
        {
            case "object":
                if (depth > 4) return new JsonObject();
                var o = new JsonObject();
                foreach (var (property, propertySchema) in s["properties"]?.AsObject() ?? [])
                {
                    o[property] = Build(propertySchema!, schemas, ids, fault, property, depth + 1);
                }
                return fault == Fault.WrongTypes && depth > 0 ? "not an object" : o;
            case "array":
                return fault switch
                {
                    Fault.NullItems => new JsonArray((JsonNode?)null),
                    Fault.EmptyLists => new JsonArray(),
                    Fault.WrongTypes => "not a list",
                    _ => s["items"] is { } items ? new JsonArray(Build(items, schemas, ids, fault, name, depth + 1)) : new JsonArray(),
                };
            case "integer":
                return fault switch
                {
                    Fault.WrongTypes => "many",
                    Fault.Negative => -1,
                    Fault.Enormous => 2147483647,
                    Fault.ThreeDecimals => 1,
                    _ => name.Equals("version", StringComparison.OrdinalIgnoreCase) ? 0 : 1,
                };
            case "number":
                return fault switch
                {
                    Fault.WrongTypes => "much",
                    Fault.ThreeDecimals => 0.001m,
                    Fault.Negative => -100m,
                    Fault.Enormous => 1e20m,
                    _ => 100m,
                };
            case "boolean":
                return fault == Fault.WrongTypes ? "yes" : true;
            case "string":
                return fault switch
                {
                    Fault.WrongTypes => 12345,
                    Fault.HugeStrings when s["format"] is null => new string('长', 100_000),
                    Fault.BadDates when s["format"]?.ToString() is "date" => "2020-02-30",
                    Fault.FarDates when s["format"]?.ToString() is "date" => "9999-12-01",
                    _ => Plausible(s, name, ids),
                };
            default:
                // a schema without a type (an amount of money, a JSON value): a number is what most of them take
                return fault switch
                {
                    Fault.ThreeDecimals => 0.001m,
                    Fault.Negative => -100m,
                    Fault.Enormous => 1e20m,
                    Fault.WrongTypes => "much",
                    _ => 100m,
                };
        }
    }

    private static string Plausible(JsonObject s, string name, Dictionary<string, string> ids)
    {
        switch (s["format"]?.ToString())
        {
            case "date":
                return "2026-11-01";
            case "date-time":
                return "2026-11-01T08:00:00Z";
            case "uuid":
                return name.Contains("person", StringComparison.OrdinalIgnoreCase) || name.Contains("child", StringComparison.OrdinalIgnoreCase)
                    ? ids.GetValueOrDefault("/api/v1/persons#id") ?? Guid.NewGuid().ToString()
                    : Guid.NewGuid().ToString();
        }
        if (name.Contains("divisionCode", StringComparison.OrdinalIgnoreCase)) return Village;
        if (name.Contains("month", StringComparison.OrdinalIgnoreCase)) return "2026-10";
        return "测试";
    }
}

public sealed class ApiProbeTestsOnSqlite(SqliteApp app) : ApiProbeTests(app), IClassFixture<SqliteApp>;

public sealed class ApiProbeTestsOnPostgres(PostgresApp app) : ApiProbeTests(app), IClassFixture<PostgresApp>;

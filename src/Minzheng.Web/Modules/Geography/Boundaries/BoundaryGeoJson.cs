using System.Text.Json;
using System.Text.Json.Nodes;

namespace Minzheng.Web.Modules.Geography.Boundaries;

/// <summary>
/// A line with its markers as one GeoJSON FeatureCollection (RFC 7946, [longitude, latitude]): the line Feature first
/// (properties kind = "line", its name, level and sides), then one Point Feature per marker (kind = "marker", number …).
/// Import reads the same shape back, so a round trip keeps the geometry and the marker numbers.
/// </summary>
public static class BoundaryGeoJson
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Export(IEnumerable<BoundaryLine> lines, bool withMarkers = true)
    {
        var features = new JsonArray();
        foreach (var l in lines)
        {
            features.Add(new JsonObject
            {
                ["type"] = "Feature",
                ["id"] = l.Id.ToString(),
                ["geometry"] = JsonNode.Parse(l.GeoJson),
                ["properties"] = new JsonObject
                {
                    ["kind"] = "line",
                    ["name"] = l.Name,
                    ["level"] = JsonNamingPolicy.CamelCase.ConvertName(l.Level.ToString()),
                    ["sideA"] = new JsonObject { { "code", l.SideACode }, { "name", l.SideAName } },
                    ["sideB"] = new JsonObject { { "code", l.SideBCode }, { "name", l.SideBName } },
                    ["agreementDocument"] = l.AgreementDocument,
                    ["lengthKm"] = l.LengthKm,
                    ["detailMapReference"] = l.DetailMapReference,
                    ["url"] = $"/api/v1/boundaries/{l.Id}",
                },
            });
            if (!withMarkers) continue;
            foreach (var m in l.Markers.OrderBy(m => m.Number, StringComparer.Ordinal)) features.Add(Marker(l, m));
        }
        return new JsonObject { ["type"] = "FeatureCollection", ["features"] = features }.ToJsonString(Options);
    }

    public static string Markers(IEnumerable<BoundaryLine> lines) =>
        new JsonObject { ["type"] = "FeatureCollection", ["features"] = new JsonArray(lines.SelectMany(l => l.Markers.OrderBy(m => m.Number, StringComparer.Ordinal).Select(m => (JsonNode)Marker(l, m))).ToArray()) }
            .ToJsonString(Options);

    private static JsonObject Marker(BoundaryLine l, BoundaryMarker m) => new()
    {
        ["type"] = "Feature",
        ["id"] = m.Id.ToString(),
        ["geometry"] = new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray((double)m.Longitude, (double)m.Latitude) },
        ["properties"] = new JsonObject
        {
            ["kind"] = "marker",
            ["number"] = m.Number,
            ["markerKind"] = JsonNamingPolicy.CamelCase.ConvertName(m.Kind.ToString()),
            ["condition"] = JsonNamingPolicy.CamelCase.ConvertName(m.Condition.ToString()),
            ["conditionName"] = BoundaryLabels.Condition(m.Condition),
            ["responsibleSideCode"] = m.ResponsibleSideCode,
            ["line"] = l.Name,
            ["url"] = $"/geography/boundaries/markers/{m.Id}",
        },
    };

    /// <summary>Reads a FeatureCollection into the line input and its markers; a field error (under "file") when it is not one line with point markers.</summary>
    public static (BoundaryLineInput Line, List<(string Number, MarkerKind Kind, decimal Lon, decimal Lat, string Responsible, MarkerCondition Condition)> Markers)? Import(string text)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
        // an array or a bare value at the root is not a FeatureCollection (indexing it by name would throw)
        if (root is not JsonObject collection || collection["features"] is not JsonArray features) return null;
        BoundaryLineInput? line = null;
        var markers = new List<(string, MarkerKind, decimal, decimal, string, MarkerCondition)>();
        foreach (var f in features.OfType<JsonObject>())
        {
            var p = f["properties"] as JsonObject;
            var kind = Str(p?["kind"]);
            var geometry = f["geometry"] as JsonObject;
            if (kind == "marker" || Str(geometry?["type"]) == "Point")
            {
                if (geometry?["coordinates"] is not JsonArray c || c.Count < 2 || c[0] is not JsonValue x || c[1] is not JsonValue y
                    || x.GetValueKind() != JsonValueKind.Number || y.GetValueKind() != JsonValueKind.Number) return null;
                var number = Str(p?["number"]);
                if (string.IsNullOrWhiteSpace(number) || number.Length > 50) return null;
                // range first: a huge number (1e300) does not fit a decimal, and 1e400 not even a double
                if (!x.TryGetValue<double>(out var xd) || !y.TryGetValue<double>(out var yd) || xd is not (>= 73 and <= 136) || yd is not (>= 3 and <= 54)) return null;
                var lon = (decimal)xd;
                var lat = (decimal)yd;
                markers.Add((number, Parse(Str(p?["markerKind"]), MarkerKind.SinglePost), Math.Round(lon, 6), Math.Round(lat, 6), Str(p?["responsibleSideCode"]) ?? "",
                    Parse(Str(p?["condition"]), MarkerCondition.Good)));
            }
            else
            {
                if (line is not null) return null;
                line = new BoundaryLineInput
                {
                    Name = Str(p?["name"]),
                    Level = Enum.TryParse<BoundaryLevel>(Str(p?["level"]), true, out var lv) ? lv : null,
                    SideA = new SideInput(Str((p?["sideA"] as JsonObject)?["code"]), Str((p?["sideA"] as JsonObject)?["name"])),
                    SideB = new SideInput(Str((p?["sideB"] as JsonObject)?["code"]), Str((p?["sideB"] as JsonObject)?["name"])),
                    AgreementDocument = Str(p?["agreementDocument"]),
                    LengthKm = p?["lengthKm"] is JsonValue len && len.GetValueKind() == JsonValueKind.Number ? len.TryGetValue<decimal>(out var km) ? km : null : null,
                    DetailMapReference = Str(p?["detailMapReference"]),
                    GeoJson = geometry?.ToJsonString(),
                };
            }
        }
        if (line is null || markers.Select(m => m.Item1).Distinct().Count() != markers.Count) return null;
        return (line, markers);
    }

    private static T Parse<T>(string? s, T fallback) where T : struct, Enum => Enum.TryParse<T>(s, true, out var v) && Enum.IsDefined(v) ? v : fallback;

    private static string? Str(JsonNode? n) => n is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}

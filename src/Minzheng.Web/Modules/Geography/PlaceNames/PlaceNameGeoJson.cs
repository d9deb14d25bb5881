using System.Text.Json;
using System.Text.Json.Nodes;

namespace Minzheng.Web.Modules.Geography.PlaceNames;

/// <summary>Place names as a GeoJSON FeatureCollection (RFC 7946: [longitude, latitude], WGS 84) for the map and for GIS tools.</summary>
public static class PlaceNameGeoJson
{
    public static string FeatureCollection(IEnumerable<PlaceName> names)
    {
        var features = new JsonArray();
        foreach (var n in names)
        {
            JsonNode? geometry = n.GeoJson is { } g ? Geometry(g)
                : n.Longitude is { } lon && n.Latitude is { } lat ? new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray((double)lon, (double)lat) }
                : null;
            if (geometry is null) continue;
            features.Add(new JsonObject
            {
                ["type"] = "Feature",
                ["id"] = n.Id.ToString(),
                ["geometry"] = geometry,
                ["properties"] = new JsonObject
                {
                    ["name"] = n.Name,
                    ["pinyin"] = n.Pinyin,
                    ["category"] = PlaceNameLabels.Category(n.Category),
                    ["status"] = PlaceNameLabels.Status(n.Status),
                    ["divisionCode"] = n.DivisionCode,
                    ["url"] = $"/geography/place-names/{n.Id}",
                },
            });
        }
        return new JsonObject { ["type"] = "FeatureCollection", ["features"] = features }.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static JsonNode? Geometry(string geoJson)
    {
        var node = JsonNode.Parse(geoJson);
        return node?["type"]?.GetValue<string>() == "Feature" ? node["geometry"]?.DeepClone() : node;
    }
}

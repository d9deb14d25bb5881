using System.Collections.Frozen;

namespace Minzheng.Web.Platform.Text;

/// <summary>Reference files shipped inside the assembly (Reference/…, with their licences beside them).</summary>
public static class ReferenceData
{
    // Logical names carry the folder separator of the machine that built the assembly; normalise once.
    private static readonly FrozenDictionary<string, string> Names = typeof(ReferenceData).Assembly
        .GetManifestResourceNames()
        .Where(n => n.StartsWith("Reference", StringComparison.Ordinal))
        .ToFrozenDictionary(n => n.Replace('\\', '/')["Reference/".Length..], n => n, StringComparer.Ordinal);

    public static Stream Open(string relativePath) =>
        Names.TryGetValue(relativePath, out var name)
            ? typeof(ReferenceData).Assembly.GetManifestResourceStream(name)!
            : throw new FileNotFoundException($"内置参考数据缺失: {relativePath}", relativePath);

    public static IEnumerable<string> List(string folder) =>
        Names.Keys.Where(n => n.StartsWith(folder + "/", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
}

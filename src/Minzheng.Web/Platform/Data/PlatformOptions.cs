namespace Minzheng.Web.Platform.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The installation's settings, read once at start from configuration (appsettings, environment
/// variables such as <c>Minzheng__DataDirectory</c>, command line).
/// </summary>
public sealed class PlatformOptions
{
    /// <summary>Absolute path of the data directory (database, keys, uploaded files).</summary>
    public required string DataDirectory { get; init; }

    public DatabaseProvider Provider { get; init; }

    public required string ConnectionString { get; init; }

    /// <summary>
    /// Where <see cref="ReadOnlyDb"/> reads (<c>ConnectionStrings:MinzhengRead</c>, PostgreSQL only), or null to read over
    /// <see cref="ConnectionString"/>. Writes always go to <see cref="ConnectionString"/>.
    /// </summary>
    public string? ReadConnectionString { get; init; }

    /// <summary>Seed demo accounts and a synthetic population on first start.</summary>
    public bool DemoSeed { get; init; }

    /// <summary>How many synthetic people the demo seed creates (default 21,000).</summary>
    public int DemoPeople { get; init; }

    /// <summary>The demo seed also creates at least this many households (default 7,200).</summary>
    public int DemoHouseholds { get; init; }

    public static PlatformOptions From(IConfiguration config)
    {
        var dataDirectory = Path.GetFullPath(config["Minzheng:DataDirectory"] is { Length: > 0 } d ? d : "data");
        var providerText = config["Minzheng:Database:Provider"] ?? "Sqlite";
        if (!Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var provider))
        {
            throw new InvalidOperationException($"Minzheng:Database:Provider 只能是 Sqlite 或 Postgres，当前为“{providerText}”");
        }
        var cs = config.GetConnectionString("Minzheng");
        if (string.IsNullOrWhiteSpace(cs))
        {
            if (provider == DatabaseProvider.Postgres)
            {
                throw new InvalidOperationException("使用 PostgreSQL 时必须配置 ConnectionStrings:Minzheng（或环境变量 ConnectionStrings__Minzheng）");
            }
            cs = $"Data Source={Path.Combine(dataDirectory, "minzheng.db")}";
        }
        return new PlatformOptions
        {
            DataDirectory = dataDirectory,
            Provider = provider,
            ConnectionString = provider == DatabaseProvider.Postgres ? DbContextSetup.WithPreparedStatements(cs) : cs,
            ReadConnectionString = ReadOnlyDb.ReadConnectionString(config, provider),
            DemoSeed = config.GetValue("Minzheng:Demo:Seed", true),
            DemoPeople = config.GetValue("Minzheng:Demo:People", 21_000),
            DemoHouseholds = config.GetValue("Minzheng:Demo:Households", 7_200),
        };
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Tests.Unit;

/// <summary>
/// Keeps the schema on the road to a distributed PostgreSQL (Citus; docs/scale.md, ADR 074): every table is classified in
/// <see cref="TableDistribution"/>; a distributed table carries the county column (or is one of today's tables awaiting it,
/// with a source that exists); its primary key, unique indexes and foreign keys include the county, as Citus requires; and
/// what breaks these rules today is listed, with its reason and change, in one place.
/// </summary>
public sealed class DistributionColumnTests
{
    private static readonly IRelationalModel Model = BuildModel();

    private static IRelationalModel BuildModel()
    {
        var options = new DbContextOptionsBuilder<PostgresAppDbContext>();
        DbContextSetup.Configure(options, DatabaseProvider.Postgres, "Host=localhost;Database=unused");
        using var db = new PostgresAppDbContext(options.Options, new SystemUser("test"), TimeProvider.System);
        // The design-time model keeps index filters and constraint names as the migrations create them.
        return db.GetService<IDesignTimeModel>().Model.GetRelationalModel();
    }

    private static IReadOnlyList<ITable> Tables => [.. Model.Tables];

    [Fact]
    public void Every_table_is_classified_and_every_classification_names_a_table()
    {
        var problems = DistributionRules.Classification(Tables, TableDistribution.Kinds);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Distributed_tables_carry_the_county_column_or_await_it_from_a_real_source()
    {
        var problems = DistributionRules.CountyColumn(Tables, TableDistribution.Kinds, TableDistribution.AwaitingCountyColumn, TableDistribution.KnownViolations);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Keys_and_unique_indexes_of_distributed_tables_include_the_county()
    {
        var problems = DistributionRules.Uniqueness(Tables, TableDistribution.Kinds, TableDistribution.KnownViolations);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Foreign_keys_follow_what_the_cluster_can_enforce()
    {
        var problems = DistributionRules.ForeignKeys(Tables, TableDistribution.Kinds, TableDistribution.KnownViolations);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_known_violation_names_a_constraint_of_the_model_and_says_why_and_what_changes()
    {
        var problems = DistributionRules.StaleViolations(Tables, TableDistribution.KnownViolations);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        // The county column has one shape everywhere: co-located tables must hash the same type.
        var shapes = Tables.SelectMany(t => t.Columns).Where(c => c.Name == TableDistribution.Column).Select(c => c.StoreType).Distinct().ToList();
        Assert.Equal(["character varying(12)"], shapes);
    }

    [Fact]
    public void The_rules_catch_an_unclassified_table_a_missing_county_and_a_unique_index_without_it()
    {
        // a new table nobody classified
        var kinds = TableDistribution.Kinds.Where(k => k.Key != "registry_person").ToDictionary();
        Assert.Contains(DistributionRules.Classification(Tables, kinds), p => p.Contains("registry_person", StringComparison.Ordinal));
        // a distributed table that neither has the column nor is one of today's awaiting it
        var awaiting = TableDistribution.AwaitingCountyColumn.Where(a => a.Key != "payments_line").ToDictionary();
        Assert.Contains(DistributionRules.CountyColumn(Tables, TableDistribution.Kinds, awaiting, TableDistribution.KnownViolations),
            p => p.Contains("payments_line", StringComparison.Ordinal));
        // a unique index of a table that has the column, without it
        var known = TableDistribution.KnownViolations.Where(v => v.Table != "comparison_finding").ToList();
        Assert.Contains(DistributionRules.Uniqueness(Tables, TableDistribution.Kinds, known),
            p => p.Contains("ix_comparison_finding_rule_code_person_id_source_id_dataset_id", StringComparison.Ordinal));
        // a reference table that points at a distributed one
        known = [.. TableDistribution.KnownViolations.Where(v => v.Table != "registry_organization")];
        Assert.Contains(DistributionRules.ForeignKeys(Tables, TableDistribution.Kinds, known),
            p => p.Contains("fk_registry_organization_persons_legal_representative_person_id", StringComparison.Ordinal));
    }
}

/// <summary>The rules, as functions of the model and a classification, so the test can show they fail on a planted mistake.</summary>
internal static class DistributionRules
{
    private const string County = TableDistribution.Column;

    private static bool Known(IReadOnlyList<KnownViolation> known, string table, string constraint) =>
        known.Any(v => v.Table == table && v.Constraint == constraint);

    private static bool HasCounty(ITable table) => table.Columns.Any(c => c.Name == County);

    // An index is known by its name in the model (HasIndex(…, "ux_payments_line_once")) or in the database (the naming
    // convention's ix_…), so the list can use the name a reader finds in the configuration.
    private static bool Known(IReadOnlyList<KnownViolation> known, string table, ITableIndex index) =>
        Known(known, table, index.Name) || index.MappedIndexes.Any(i => i.Name is { } name && Known(known, table, name));

    public static List<string> Classification(IReadOnlyList<ITable> tables, IReadOnlyDictionary<string, TableKind> kinds)
    {
        var problems = tables.Where(t => !kinds.ContainsKey(t.Name)).Select(t =>
            $"表 {t.Name} 未分类：在 Platform/Data/TableDistribution.cs 中把它列为 Distributed（随人口或业务量增长：按 {County} 分片，" +
            "须有该列且唯一索引包含它）、Reference（小而被分布式表的语句读取：每个节点一份）或 Local（小且不与分布式表联查：留在协调节点），" +
            "并写明理由（docs/scale.md）。").ToList();
        problems.AddRange(kinds.Keys.Where(k => tables.All(t => t.Name != k)).Select(k => $"TableDistribution 列出的表 {k} 在模型中不存在：删掉或改名。"));
        return problems;
    }

    public static List<string> CountyColumn(IReadOnlyList<ITable> tables, IReadOnlyDictionary<string, TableKind> kinds,
        IReadOnlyDictionary<string, CountySource> awaiting, IReadOnlyList<KnownViolation> known)
    {
        var problems = new List<string>();
        foreach (var table in tables.Where(t => kinds.GetValueOrDefault(t.Name) == TableKind.Distributed))
        {
            var waiting = awaiting.TryGetValue(table.Name, out var source);
            if (HasCounty(table))
            {
                if (waiting) problems.Add($"{table.Name} 已有 {County}：从 TableDistribution.AwaitingCountyColumn 中删掉它。");
                continue;
            }
            if (!waiting)
            {
                problems.Add($"分布式表 {table.Name} 没有分布列 {County}（所属县的 12 位代码，插入时写入）：新表须带上它，" +
                    "主键和唯一索引都要包含它（Citus 只在一个分片内检查唯一性）。");
                continue;
            }
            switch (source)
            {
                case CountySource.OwnDivision when table.Columns.All(c => c.Name != "division_code"):
                    problems.Add($"{table.Name} 标为从本行 division_code 取县，但它没有 division_code。");
                    break;
                case CountySource.Parent parent:
                    if (table.Columns.All(c => c.Name != parent.Column)) problems.Add($"{table.Name} 标为经 {parent.Column} 取县，但没有该列。");
                    if (kinds.GetValueOrDefault(parent.Table) != TableKind.Distributed || tables.All(t => t.Name != parent.Table))
                        problems.Add($"{table.Name} 的上级表 {parent.Table} 不是模型中的分布式表。");
                    break;
                case CountySource.Unresolved when !Known(known, table.Name, "county"):
                    problems.Add($"{table.Name} 取不到县，却没有列在 KnownViolations（约束名 \"county\"）中说明理由和改法。");
                    break;
            }
        }
        problems.AddRange(awaiting.Keys.Where(k => kinds.GetValueOrDefault(k) != TableKind.Distributed || tables.All(t => t.Name != k))
            .Select(k => $"AwaitingCountyColumn 中的 {k} 不是模型中的分布式表。"));
        return problems;
    }

    /// <summary>Tables that have the county column: their primary key and every unique index or constraint must include it.</summary>
    public static List<string> Uniqueness(IReadOnlyList<ITable> tables, IReadOnlyDictionary<string, TableKind> kinds, IReadOnlyList<KnownViolation> known)
    {
        var problems = new List<string>();
        foreach (var table in tables.Where(t => kinds.GetValueOrDefault(t.Name) == TableKind.Distributed && HasCounty(t)))
        {
            // UniqueConstraints holds the primary key too.
            var unique = table.UniqueConstraints.Select(u => (u.Name, Columns: u.Columns.Select(c => c.Name).ToList(), Known: Known(known, table.Name, u.Name)))
                .Concat(table.Indexes.Where(i => i.IsUnique).Select(i => (i.Name, Columns: i.Columns.Select(c => c.Name).ToList(), Known: Known(known, table.Name, i))));
            problems.AddRange(unique.Where(u => !u.Columns.Contains(County) && !u.Known).Select(u =>
                $"{table.Name} 的唯一约束 {u.Name} ({string.Join(", ", u.Columns)}) 不含 {County}：Citus 只能在一个分片内保证唯一，" +
                "把县加进去，或在 KnownViolations 中写明为何不能及改法。"));
        }
        return problems;
    }

    /// <summary>
    /// Citus allows foreign keys between local tables, between reference tables, between reference and local tables, from a
    /// distributed table to a reference table, and between co-located distributed tables when the key includes the
    /// distribution column; not from a reference or local table to a distributed one, nor from a distributed table to a local one.
    /// </summary>
    public static List<string> ForeignKeys(IReadOnlyList<ITable> tables, IReadOnlyDictionary<string, TableKind> kinds, IReadOnlyList<KnownViolation> known)
    {
        var problems = new List<string>();
        foreach (var table in tables)
        {
            if (!kinds.TryGetValue(table.Name, out var from)) continue;
            foreach (var fk in table.ForeignKeyConstraints)
            {
                if (Known(known, table.Name, fk.Name) || !kinds.TryGetValue(fk.PrincipalTable.Name, out var to)) continue;
                var why = (from, to) switch
                {
                    (TableKind.Reference, TableKind.Distributed) => "引用表不能引用分布式表",
                    (TableKind.Local, TableKind.Distributed) => "本地表不能引用分布式表",
                    (TableKind.Distributed, TableKind.Local) => "分布式表不能引用本地表（把被引用表改为 Reference）",
                    (TableKind.Distributed, TableKind.Distributed) when HasCounty(table) && HasCounty(fk.PrincipalTable)
                        && (fk.Columns.All(c => c.Name != County) || fk.PrincipalColumns.All(c => c.Name != County))
                        => $"两张分布式表之间的外键须包含 {County}（同县的行才在同一分片）",
                    _ => null,
                };
                if (why is not null) problems.Add($"外键 {fk.Name}（{table.Name} → {fk.PrincipalTable.Name}）：{why}；改掉它，或在 KnownViolations 中写明理由和改法。");
            }
        }
        return problems;
    }

    public static List<string> StaleViolations(IReadOnlyList<ITable> tables, IReadOnlyList<KnownViolation> known)
    {
        var problems = new List<string>();
        foreach (var v in known)
        {
            if (string.IsNullOrWhiteSpace(v.Reason) || string.IsNullOrWhiteSpace(v.Change)) problems.Add($"{v.Table}/{v.Constraint}：须写明理由和改法。");
            var table = tables.FirstOrDefault(t => t.Name == v.Table);
            if (table is null)
            {
                problems.Add($"KnownViolations 中的表 {v.Table} 在模型中不存在。");
                continue;
            }
            var exists = v.Constraint == "county"
                ? !HasCounty(table)
                : table.UniqueConstraints.Any(u => u.Name == v.Constraint) || table.Indexes.Any(i => Known([v], table.Name, i))
                  || table.ForeignKeyConstraints.Any(f => f.Name == v.Constraint);
            if (!exists) problems.Add($"KnownViolations 中的 {v.Table}/{v.Constraint} 已不存在（改了或修好了）：删掉或更新这一条，并同步 docs/scale.md。");
        }
        problems.AddRange(known.GroupBy(v => (v.Table, v.Constraint)).Where(g => g.Count() > 1).Select(g => $"KnownViolations 重复：{g.Key}"));
        return problems;
    }
}

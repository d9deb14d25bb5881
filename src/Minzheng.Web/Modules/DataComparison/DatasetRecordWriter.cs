using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Minzheng.Web.Platform.Data;
using Npgsql;
using NpgsqlTypes;

namespace Minzheng.Web.Modules.DataComparison;

/// <summary>
/// Writes a dataset's rows as they are read, inside the commit's transaction (ADR 072): on PostgreSQL one binary COPY on the
/// context's own connection, on SQLite one prepared INSERT executed per row. Nothing is buffered beyond the driver's own
/// buffer, so memory stays flat whatever the file's size. <see cref="CompleteAsync"/> finishes the write; disposing a writer
/// that was not completed abandons it (the COPY is cancelled), and the transaction's rollback removes whatever was sent.
/// Table and column names come from the EF model, so the writer follows the mapping.
/// </summary>
public abstract class DatasetRecordWriter : IAsyncDisposable
{
    private static readonly string[] Properties =
    [
        nameof(ComparisonRecord.DatasetId), nameof(ComparisonRecord.Line), nameof(ComparisonRecord.IdNumberHash), nameof(ComparisonRecord.IdNumberMasked),
        nameof(ComparisonRecord.Name), nameof(ComparisonRecord.EventDate), nameof(ComparisonRecord.EndDate), nameof(ComparisonRecord.Category),
        nameof(ComparisonRecord.Status), nameof(ComparisonRecord.Grade), nameof(ComparisonRecord.AmountFen), nameof(ComparisonRecord.Reference),
    ];

    /// <summary>Rows handed to the writer so far.</summary>
    public long Written { get; protected set; }

    // the text columns' declared lengths, checked as EF's save checks them (ColumnLimits): PostgreSQL would fail the COPY with
    // a bare "value too long", SQLite would store the text whole
    private (IReadOnlyProperty Property, Func<ComparisonRecord, string?> Value)[] _limits = [];

    /// <summary>Opens the writer for the rows of dataset <paramref name="datasetId"/>; the context must be in a transaction.</summary>
    public static async Task<DatasetRecordWriter> OpenAsync(AppDbContext db, Guid datasetId, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("a dataset is written inside the commit's transaction");
        var entity = db.Model.FindEntityType(typeof(ComparisonRecord)) ?? throw new InvalidOperationException("ComparisonRecord is not mapped");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var name = (table.Schema is { } schema ? Quote(schema) + "." : "") + Quote(table.Name);
        var columns = string.Join(", ", Properties.Select(p => Quote(entity.FindProperty(p)!.GetColumnName(table)!)));
        DatasetRecordWriter writer = db.Database.GetDbConnection() switch
        {
            NpgsqlConnection npgsql => new Copy(await npgsql.BeginBinaryImportAsync($"COPY {name} ({columns}) FROM STDIN (FORMAT BINARY)", ct), datasetId),
            SqliteConnection sqlite => new PreparedInsert(sqlite, (SqliteTransaction)transaction.GetDbTransaction(), name, columns, Properties.Length, datasetId),
            var other => throw new NotSupportedException($"no dataset writer for {other.GetType().Name}"),
        };
        IReadOnlyProperty P(string name) => entity.FindProperty(name)!;
        writer._limits =
        [
            (P(nameof(ComparisonRecord.IdNumberMasked)), r => r.IdNumberMasked), (P(nameof(ComparisonRecord.Name)), r => r.Name),
            (P(nameof(ComparisonRecord.Category)), r => r.Category), (P(nameof(ComparisonRecord.Status)), r => r.Status),
            (P(nameof(ComparisonRecord.Reference)), r => r.Reference),
        ];
        return writer;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Writes one row (its <see cref="ComparisonRecord.DatasetId"/> is the writer's dataset).</summary>
    public ValueTask WriteAsync(ComparisonRecord r, CancellationToken ct)
    {
        foreach (var (property, value) in _limits) ColumnLimits.ThrowIfTooLong(property, value(r));
        Written++;
        return WriteRowAsync(r, ct);
    }

    protected abstract ValueTask WriteRowAsync(ComparisonRecord r, CancellationToken ct);

    /// <summary>Finishes the write; throws when the database did not take every row handed over.</summary>
    public abstract Task CompleteAsync(CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    /// <summary>PostgreSQL: one binary COPY of every row (the server checks and indexes them as they stream in).</summary>
    private sealed class Copy(NpgsqlBinaryImporter copy, Guid datasetId) : DatasetRecordWriter
    {
        protected override async ValueTask WriteRowAsync(ComparisonRecord r, CancellationToken ct)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(datasetId, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(r.Line, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(r.IdNumberHash, NpgsqlDbType.Bytea, ct);
            await copy.WriteAsync(r.IdNumberMasked, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(r.Name, NpgsqlDbType.Varchar, ct);
            await (r.EventDate is { } e ? copy.WriteAsync(e, NpgsqlDbType.Date, ct) : copy.WriteNullAsync(ct));
            await (r.EndDate is { } x ? copy.WriteAsync(x, NpgsqlDbType.Date, ct) : copy.WriteNullAsync(ct));
            await (r.Category is { } c ? copy.WriteAsync(c, NpgsqlDbType.Varchar, ct) : copy.WriteNullAsync(ct));
            await (r.Status is { } s ? copy.WriteAsync(s, NpgsqlDbType.Varchar, ct) : copy.WriteNullAsync(ct));
            await (r.Grade is { } g ? copy.WriteAsync(g, NpgsqlDbType.Integer, ct) : copy.WriteNullAsync(ct));
            await (r.AmountFen is { } a ? copy.WriteAsync(a, NpgsqlDbType.Bigint, ct) : copy.WriteNullAsync(ct));
            await (r.Reference is { } f ? copy.WriteAsync(f, NpgsqlDbType.Varchar, ct) : copy.WriteNullAsync(ct));
        }

        public override async Task CompleteAsync(CancellationToken ct)
        {
            var rows = await copy.CompleteAsync(ct);
            if ((long)rows != Written) throw new InvalidOperationException($"COPY wrote {rows} of {Written} dataset rows");
        }

        // not completed: Npgsql cancels the COPY (the server discards it); the caller rolls the transaction back
        public override ValueTask DisposeAsync() => copy.DisposeAsync();
    }

    /// <summary>
    /// SQLite: one prepared INSERT executed per row, in the commit's transaction (SQLite has no bulk protocol; a prepared
    /// statement is parsed once and each row is a step of the VM). Its calls are synchronous: SQLite does no I/O of its own
    /// that an await would free a thread for.
    /// </summary>
    private sealed class PreparedInsert : DatasetRecordWriter
    {
        private readonly SqliteCommand _insert;
        private readonly SqliteParameter[] _p;

        public PreparedInsert(SqliteConnection connection, SqliteTransaction transaction, string table, string columns, int count, Guid datasetId)
        {
            _insert = connection.CreateCommand();
            _insert.Transaction = transaction;
            _insert.CommandText = $"INSERT INTO {table} ({columns}) VALUES ({string.Join(", ", Enumerable.Range(0, count).Select(i => "$p" + i))})";
            _p = [.. Enumerable.Range(0, count).Select(i => _insert.Parameters.Add(new SqliteParameter("$p" + i, null)))];
            // stored as EF Core's SQLite provider stores them: GUIDs as upper-case text, dates as yyyy-MM-dd text
            _p[0].Value = datasetId.ToString().ToUpperInvariant();
            _insert.Prepare();
        }

        protected override ValueTask WriteRowAsync(ComparisonRecord r, CancellationToken ct)
        {
            ct.ThrowIfCancellationRequested();
            _p[1].Value = r.Line;
            _p[2].Value = r.IdNumberHash;
            _p[3].Value = r.IdNumberMasked;
            _p[4].Value = r.Name;
            _p[5].Value = Nullable(r.EventDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            _p[6].Value = Nullable(r.EndDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            _p[7].Value = Nullable(r.Category);
            _p[8].Value = Nullable(r.Status);
            _p[9].Value = r.Grade is { } g ? g : DBNull.Value;
            _p[10].Value = r.AmountFen is { } a ? a : DBNull.Value;
            _p[11].Value = Nullable(r.Reference);
            if (_insert.ExecuteNonQuery() != 1) throw new InvalidOperationException("a dataset row was not written");
            return ValueTask.CompletedTask;
        }

        private static object Nullable(string? value) => (object?)value ?? DBNull.Value;

        public override Task CompleteAsync(CancellationToken ct) => Task.CompletedTask;

        public override ValueTask DisposeAsync() => _insert.DisposeAsync();
    }
}

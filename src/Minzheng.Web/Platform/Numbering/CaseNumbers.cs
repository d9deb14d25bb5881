using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Platform.Numbering;

/// <summary>
/// A numbered series: <see cref="Prefix"/>, then the year when the series restarts every year, then the zero-padded
/// sequence, e.g. <c>DB450921100</c> + <c>2026</c> + <c>0001</c>. Each distinct prefix/year pair has its own counter.
/// </summary>
public sealed record NumberSeries(string Prefix, int? Year, int Digits)
{
    /// <summary>Everything before the sequence.</summary>
    public string Lead => Prefix + Year?.ToString(CultureInfo.InvariantCulture);

    public string Format(long sequence) => Lead + sequence.ToString("D" + Digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}

/// <summary>The last number issued in one series (prefix, year; year 0 for series that never restart).</summary>
public sealed class NumberCounter
{
    public required string Scope { get; set; }
    public int Year { get; set; }
    public long LastNumber { get; set; }
}

internal sealed class NumberCounterConfiguration : IEntityTypeConfiguration<NumberCounter>
{
    public void Configure(EntityTypeBuilder<NumberCounter> b)
    {
        b.ToTable("platform_number_counter");
        b.HasKey(c => new { c.Scope, c.Year });
        b.Property(c => c.Scope).HasMaxLength(64);
    }
}

/// <summary>
/// The one way to number a case, application, household or document: a counter row per series, incremented by a single
/// atomic statement (<c>UPDATE … RETURNING</c>, or <c>INSERT … ON CONFLICT DO UPDATE … RETURNING</c> for the first
/// number), so two requests at the same moment never get the same number on SQLite or PostgreSQL (the old
/// <c>MAX(number)+1</c> read then write handed both the same one, and the unique index answered 500).
/// The statement joins the caller's transaction when there is one (a failed use case then gives its number back);
/// otherwise it commits on its own and a use case that fails afterwards leaves a gap — numbers are unique and
/// increasing, not gap-free, like a database sequence. A missing counter starts after the highest number the module
/// already issued in that series (<c>issued</c>), so databases numbered before the counters existed continue their series.
/// </summary>
public sealed class CaseNumbers(AppDbContext db)
{
    /// <summary>
    /// The next number of <paramref name="series"/>. <paramref name="issued"/> is the module's column of numbers of this
    /// kind (scope filters ignored: numbers are unique across divisions); it is read only when the counter does not exist yet.
    /// </summary>
    public async Task<string> NextAsync(NumberSeries series, IQueryable<string?> issued, CancellationToken ct) =>
        series.Format(await ReserveAsync(series, 1, issued, ct));

    /// <summary>Reserves <paramref name="count"/> consecutive numbers (bulk imports) and returns the first sequence value.</summary>
    public async Task<long> ReserveAsync(NumberSeries series, int count, IQueryable<string?> issued, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var year = series.Year ?? 0;
        var last = await ExecuteAsync(
            "UPDATE platform_number_counter SET last_number = last_number + @count WHERE scope = @scope AND year = @year RETURNING last_number",
            series.Prefix, year, count, 0, ct);
        if (last is null)
        {
            var seed = await HighestAsync(series, issued, ct);
            // Two first requests may both read the same highest number: the second one's insert meets the first one's
            // row and increments it instead, so both still get distinct numbers.
            last = await ExecuteAsync(
                "INSERT INTO platform_number_counter (scope, year, last_number) VALUES (@scope, @year, @seed + @count) "
                + "ON CONFLICT (scope, year) DO UPDATE SET last_number = platform_number_counter.last_number + @count RETURNING last_number",
                series.Prefix, year, count, seed, ct);
        }
        return last!.Value - count + 1;
    }

    /// <summary>The highest sequence already issued in the series (0 when none): the longest, then greatest, number with its lead.</summary>
    private static async Task<long> HighestAsync(NumberSeries series, IQueryable<string?> issued, CancellationToken ct)
    {
        var lead = series.Lead;
        var numbers = await issued.Where(n => n != null && n.StartsWith(lead))
            .OrderByDescending(n => n!.Length).ThenByDescending(n => n).Take(20).ToListAsync(ct);
        // Numbers of another series can share the lead (e.g. a document number "…0001-01" starts with its case number):
        // only all-digit tails count.
        return numbers.Select(n => long.TryParse(n![lead.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0).DefaultIfEmpty(0).Max();
    }

    private async Task<long?> ExecuteAsync(string sql, string scope, int year, long count, long seed, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            Add(command, "@scope", scope);
            Add(command, "@year", year);
            Add(command, "@count", count);
            if (sql.Contains("@seed", StringComparison.Ordinal)) Add(command, "@seed", seed);
            var result = await command.ExecuteScalarAsync(ct);
            return result is null or DBNull ? null : Convert.ToInt64(result, CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}

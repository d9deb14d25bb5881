using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Modules.Payments;

/// <summary>
/// On PostgreSQL <c>payments_line</c> is partitioned by service month (ADR 076): a month's lines go into a table of their own,
/// so a payroll writes into small fresh indexes however many years of lines are on file, and the months a statement reads
/// are the only ones it opens. This creates a month's partition before payroll writes into it. A month without one (a line
/// written some other way) lands in <c>payments_line_default</c> and stays there — still found, only not pruned; its
/// partition is then not created (PostgreSQL would refuse to while the default holds rows of that month). SQLite keeps one table.
/// </summary>
public sealed class PayrollLinePartitions(AppDbContext db)
{
    public async Task EnsureAsync(DateOnly month, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql()) return;
        var first = new DateOnly(month.Year, month.Month, 1);
        var name = NameOf(first);
        // names and bounds are built from a date, never from input
        var from = first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = first.AddMonths(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // one creator at a time (two counties' payrolls of the same month start together); the check and the DDL commit together
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
#pragma warning disable EF1002 // a table name and two dates formatted above, no input
        await db.Database.ExecuteSqlRawAsync($"""
            SELECT pg_advisory_xact_lock(hashtext('payments_line partitions'));
            DO $$
            BEGIN
              IF to_regclass('{name}') IS NULL AND NOT EXISTS (SELECT 1 FROM payments_line_default WHERE service_month >= DATE '{from}' AND service_month < DATE '{to}') THEN
                EXECUTE 'CREATE TABLE {name} PARTITION OF payments_line FOR VALUES FROM (DATE ''{from}'') TO (DATE ''{to}'')';
              END IF;
            END $$;
            """, ct);
#pragma warning restore EF1002
        if (tx is not null) await tx.CommitAsync(ct);
    }

    public static string NameOf(DateOnly month) => "payments_line_" + month.ToString("yyyyMM", CultureInfo.InvariantCulture);
}

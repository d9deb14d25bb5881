using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Platform.Divisions;

/// <summary>
/// The division tree and where records lay on a past date (ADR 065). The tree of a date is the divisions in force then, with
/// the name, parent and level they had (kept as <see cref="DivisionVersion"/> rows when a change renamed them in place). A
/// record's division on a date is the code it had before the first change after that date moved it (<see cref="DivisionMove"/>),
/// else its code now; so a report for a date before a merge still counts the merged town's people under it.
/// </summary>
public sealed class DivisionHistory(AppDbContext db, ICurrentUser user)
{
    public async Task<DivisionDirectory> TreeAsOfAsync(DateOnly date, CancellationToken ct = default)
    {
        var divisions = await db.Divisions.AsNoTracking().ToListAsync(ct);
        var versions = (await db.Set<DivisionVersion>().AsNoTracking().ToListAsync(ct))
            .Where(v => (v.ValidFrom is null || v.ValidFrom <= date) && v.ValidTo > date)
            .GroupBy(v => v.Code).ToDictionary(g => g.Key, g => g.OrderBy(v => v.ValidTo).First());
        var then = new List<Division>();
        foreach (var d in divisions.Where(d => d.InForceOn(date)))
        {
            if (versions.TryGetValue(d.Code, out var v))
            {
                d.Name = v.Name;
                d.ParentCode = v.ParentCode;
                d.Level = v.Level;
            }
            // in the tree of that date, nothing is retired yet: the directory leaves retired divisions out of lists
            d.RetiredOn = null;
            then.Add(d);
        }
        return DivisionDirectory.Of(then);
    }

    /// <summary>
    /// How many rows of <typeparamref name="T"/> (a division-scoped entity) lay in each division on <paramref name="date"/>,
    /// rolled up to the children of <paramref name="parentCode"/> in the tree of that date; within the caller's scope as it
    /// applies to where each record lay then. Counts only, never the records.
    /// </summary>
    public async Task<IReadOnlyList<(Division Division, int Count)>> CountAsOfAsync<T>(DateOnly date, string parentCode, CancellationToken ct = default)
        where T : class, IDivisionScoped
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped");
        var column = DivisionChanges.DivisionColumns(db.Model).First(c => c.Table == entity.GetTableName() && c.Scoped && c.Column == entity.FindProperty(nameof(IDivisionScoped.DivisionCode))!.GetColumnName());
        var sql =
            $"SELECT code, COUNT(*) FROM (SELECT COALESCE((SELECT m.from_code FROM division_move m WHERE m.table_name = '{column.Table}' AND m.entity_key = {column.KeySql} " +
            $"AND m.effective_on > @date ORDER BY m.effective_on, m.id LIMIT 1), t.\"{column.Column}\") AS code FROM \"{column.Table}\" t) x " +
            "WHERE code >= @low AND code <= @high GROUP BY code";
        var counts = new Dictionary<string, int>();
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened) await connection.OpenAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            Add(command, "@date", date);
            Add(command, "@low", user.Scope.Low);
            Add(command, "@high", user.Scope.High);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) counts[reader.GetString(0)] = Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }

        var then = await TreeAsOfAsync(date, ct);
        return then.ChildrenOf(parentCode).Select(child =>
        {
            var prefix = DivisionCodes.ScopePrefix(child.Code);
            return (child, counts.Where(c => c.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(c => c.Value));
        }).ToList();
    }

    private static void Add(System.Data.Common.DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}

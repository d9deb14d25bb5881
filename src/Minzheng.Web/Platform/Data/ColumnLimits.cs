using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Platform.Data;

/// <summary>
/// The last line behind the input limits (ADR 024): a text longer than its column's declared maximum is refused before the
/// database sees it, as a 400 naming the field. PostgreSQL would otherwise fail the whole request with a 500 (value too long
/// for type character varying) and SQLite would silently store it. Counted in code points, as PostgreSQL counts
/// <c>varchar(n)</c>, so a name in 生僻字 beyond the basic plane fits as on the database.
/// </summary>
public static class ColumnLimits
{
    public static void ThrowIfTooLong(EntityEntry entry)
    {
        if (entry.State is not (EntityState.Added or EntityState.Modified)) return;
        ValidationErrors? errors = null;
        foreach (var property in entry.Properties)
        {
            if (property.CurrentValue is not string text || property.Metadata.GetMaxLength() is not { } max) continue;
            if (entry.State == EntityState.Modified && !property.IsModified) continue;
            if (text.Length <= max || CodePoints(text) <= max) continue;
            (errors ??= new ValidationErrors()).Add(InputRules.Camel(property.Metadata.Name), $"不能超过 {max.ToString(CultureInfo.InvariantCulture)} 个字");
        }
        errors?.ThrowIfAny();
    }

    /// <summary>The same check for a value written without change tracking (a dataset's rows by binary COPY or prepared INSERT).</summary>
    public static void ThrowIfTooLong(Microsoft.EntityFrameworkCore.Metadata.IReadOnlyProperty property, string? text)
    {
        if (text is null || property.GetMaxLength() is not { } max || text.Length <= max || CodePoints(text) <= max) return;
        var errors = new ValidationErrors();
        errors.Add(InputRules.Camel(property.Name), $"不能超过 {max.ToString(CultureInfo.InvariantCulture)} 个字");
        errors.ThrowIfAny();
    }

    private static int CodePoints(string text)
    {
        var n = 0;
        foreach (var _ in text.EnumerateRunes()) n++;
        return n;
    }
}

using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;

namespace Minzheng.Web.Modules.Assistance.Standards;

public sealed class StandardsQueries(AppDbContext db, DivisionDirectory divisions)
{
    public sealed record Row(Guid Id, string Program, string Kind, string KindName, string DivisionCode, string DivisionName, Area Area, string Category, string Value,
        DateOnly ValidFrom, DateOnly? ValidTo, string Document, bool IsDemo, string CreatedBy);

    public async Task<List<Row>> ListAsync(string? program, string? divisionCode, CancellationToken ct = default)
    {
        var q = db.Set<AssistanceStandard>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(program)) q = q.Where(s => s.Program == program);
        if (!string.IsNullOrWhiteSpace(divisionCode)) q = q.Where(s => s.DivisionCode == divisionCode);
        var rows = await q.OrderBy(s => s.Program).ThenBy(s => s.Kind).ThenBy(s => s.DivisionCode).ThenBy(s => s.Area).ThenBy(s => s.Category).ThenByDescending(s => s.ValidFrom).ToListAsync(ct);
        return rows.Select(r =>
        {
            var kind = StandardKinds.Find(r.Program, r.Kind);
            var value = kind is null ? "" : new StandardValue(kind, r, "").ValueText();
            return new Row(r.Id, r.Program, r.Kind, kind?.Name ?? r.Kind, r.DivisionCode, divisions.NameOf(r.DivisionCode), r.Area,
                kind?.Categories?.FirstOrDefault(c => c.Code == r.Category).Name ?? r.Category, value, r.ValidFrom, r.ValidTo, r.Document, r.IsDemo, r.CreatedBy);
        }).ToList();
    }
}

using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.SocialWork;

/// <summary>One choice of a server-rendered picker: the value posted and what the user reads.</summary>
public sealed record PickerOption(string Value, string Label);

/// <summary>
/// The choices of the social-work forms' pickers, all read in the user's scope: townships, organisations, stations, and
/// registry persons found by ID number or name (a search box that works without JavaScript: the page is reloaded with the
/// matches in a select).
/// </summary>
public sealed class Pickers(AppDbContext db, DivisionDirectory divisions, PersonSearch persons, ICurrentUser user)
{
    public const int Limit = 300;

    public IReadOnlyList<PickerOption> Townships() =>
        [.. divisions.InScope(user.Scope, DivisionLevel.Town).OrderBy(d => d.Code, StringComparer.Ordinal).Select(d => new PickerOption(d.Code, divisions.FullName(d.Code)))];

    /// <summary>Organisations in scope by name (at most <see cref="Limit"/>), always with those already chosen (<paramref name="keep"/>).</summary>
    public async Task<IReadOnlyList<PickerOption>> OrganizationsAsync(IEnumerable<Guid?> keep, CancellationToken ct = default)
    {
        var kept = keep.OfType<Guid>().ToList();
        var rows = await db.Organizations.AsNoTracking().OrderBy(o => o.NamePinyin).ThenBy(o => o.Id).Take(Limit).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        var missing = kept.Where(k => rows.All(r => r.Id != k)).ToList();
        if (missing.Count > 0) rows.AddRange(await db.Organizations.AsNoTracking().Where(o => missing.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(ct));
        return [.. rows.Select(o => new PickerOption(o.Id.ToString(), o.Name))];
    }

    public async Task<IReadOnlyList<PickerOption>> StationsAsync(CancellationToken ct = default) =>
        [.. (await db.Set<SocialWorkStation>().AsNoTracking().Where(s => s.Status != StationStatus.Closed).OrderBy(s => s.DivisionCode).Take(Limit)
            .Select(s => new { s.Id, s.Name }).ToListAsync(ct)).Select(s => new PickerOption(s.Id.ToString(), s.Name))];

    public async Task<IReadOnlyList<PickerOption>> WorkersAsync(Guid stationId, CancellationToken ct = default)
    {
        var rows = await db.Set<SocialWorker>().AsNoTracking().Where(w => w.StationId == stationId && w.LeftOn == null).OrderBy(w => w.Post).ThenBy(w => w.Id)
            .Select(w => new { w.Id, w.PersonId, w.Post }).ToListAsync(ct);
        var names = await db.PersonNamesAsync(rows.Select(r => (Guid?)r.PersonId), ct);
        return [.. rows.Select(r => new PickerOption(r.Id.ToString(), $"{names.GetValueOrDefault(r.PersonId)}（{Staff.PostName(r.Post)}）"))];
    }

    /// <summary>
    /// Registry persons in scope matching <paramref name="query"/>: an 18- or 15-digit ID number exactly, else a name (or pinyin)
    /// prefix; at most 20. A malformed ID number is a field error of <paramref name="field"/>.
    /// </summary>
    public async Task<IReadOnlyList<PickerOption>> PersonsAsync(string? query, string field, CancellationToken ct = default)
    {
        var q = query?.Trim();
        if (string.IsNullOrEmpty(q)) return [];
        if (q.Length > 50) throw AppProblem.Field(field, "查询内容不能超过 50 个字符");
        var looksLikeId = q.Length is 15 or 18 && q.Take(q.Length - 1).All(char.IsAsciiDigit);
        PersonFilter filter = looksLikeId ? new() { IdNumber = q } : new() { Name = q };
        Paged<PersonRow> rows;
        try
        {
            rows = await persons.SearchAsync(filter, PageRequest.From(1, 20, 20), ct);
        }
        catch (AppProblem p) when (p.Status == 400)
        {
            throw AppProblem.Field(field, "身份证号码格式不正确");
        }
        return [.. rows.Items.Select(p => new PickerOption(p.Id.ToString(), $"{p.Name}（{p.Number}，{divisions.FullName(p.DivisionCode)}）"))];
    }

    /// <summary>The label of one person already chosen (kept in the select when the page is shown again).</summary>
    public async Task<PickerOption?> PersonAsync(Guid? id, CancellationToken ct = default)
    {
        if (id is not { } g) return null;
        var names = await db.PersonNamesAsync([g], ct);
        return names.TryGetValue(g, out var n) ? new PickerOption(g.ToString(), n) : null;
    }
}

using MiniExcelLibs;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Divisions;

namespace Minzheng.Web.Platform.Registry;

/// <summary>
/// Exports registry lists to xlsx, streaming rows from the database (the user's scope applies through
/// the query filter). Identifiers are masked as on screen.
/// </summary>
public sealed class RegistryExport(PersonSearch search, RegistryQueries queries, DivisionDirectory divisions, AuditLog audit)
{
    public async Task<Stream> PersonsAsync(PersonFilter filter, CancellationToken ct)
    {
        await audit.RecordAsync("export", "registry_person", null, new { filter.Name, filter.DivisionCode, filter.LifeStatus, filter.Disabled, byIdNumber = filter.IdKey is not null || filter.IdNumber is not null }, ct: ct);
        var rows = PersonSearch.Rows(search.Query(filter), filter.Sort).AsEnumerable().Select(r => new Dictionary<string, object?>
        {
            ["身份证号（脱敏）"] = r.Number,
            ["姓名"] = r.Name,
            ["性别"] = RegistryLabels.Of(r.Sex),
            ["出生日期"] = r.BirthDate.ToString("yyyy-MM-dd"),
            ["户籍所在地"] = divisions.FullName(r.DivisionCode),
            ["区划代码"] = r.DivisionCode,
            ["户口性质"] = RegistryLabels.Of(r.HukouType),
            ["残疾类别"] = r.DisabilityCategory is { } c ? RegistryLabels.Of(c) : "",
            ["残疾等级"] = r.DisabilityGrade is { } g ? RegistryLabels.GradeOf(g) : "",
            ["状态"] = RegistryLabels.Of(r.LifeStatus),
            ["联系电话（脱敏）"] = r.PhoneMasked ?? "",
        });
        return await SaveAsync(rows, ct);
    }

    public async Task<Stream> HouseholdsAsync(HouseholdFilter filter, CancellationToken ct)
    {
        await audit.RecordAsync("export", "registry_household", null, filter, ct: ct);
        var rows = queries.HouseholdRows(queries.HouseholdQuery(filter)).AsEnumerable().Select(h => new Dictionary<string, object?>
        {
            ["户编号"] = h.Number,
            ["所在地"] = divisions.FullName(h.DivisionCode),
            ["区划代码"] = h.DivisionCode,
            ["户主"] = h.HeadName ?? "",
            ["地址"] = h.Address,
            ["现有人数"] = h.MemberCount,
        });
        return await SaveAsync(rows, ct);
    }

    private static async Task<Stream> SaveAsync(IEnumerable<Dictionary<string, object?>> rows, CancellationToken ct)
    {
        // A temporary file rather than memory: a county's list can be large; it is deleted when the response closes.
        var path = Path.Combine(Path.GetTempPath(), $"minzheng-export-{Guid.NewGuid():N}.xlsx");
        var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        await MiniExcel.SaveAsAsync(file, rows, cancellationToken: ct);
        file.Position = 0;
        return file;
    }
}

using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Minzheng.Web.Modules.ChildWelfare.Pages;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Modules.ChildWelfare.Watch;

/// <summary>
/// The watch list as a workbook whose columns follow the national information system (全国农村留守儿童和困境儿童信息管理系统),
/// one child per row, so that clerks can enter (及时录入) the platform's data there. Full ID numbers only for users allowed to
/// see them (registry.reveal-id); every export is audited.
/// </summary>
public sealed class WatchExport(ReadOnlyDb read, IdentifierProtector protector, DivisionDirectory divisions, ICurrentUser user, AuditLog audit)
{
    // an export reads from the standby when there is one (ADR 071); its audit entry is written to the primary
    private readonly AppDbContext _db = read.Context;

    public async Task<byte[]> ExcelAsync(CancellationToken ct)
    {
        var reveal = user.HasPermission(Permissions.RegistryRevealId);
        var rows = await _db.Set<WatchedChild>().AsNoTracking().Where(w => !w.Closed)
            .Join(_db.Persons, w => w.PersonId, p => p.Id, (w, p) => new { w, p })
            .OrderBy(x => x.w.DivisionCode).ThenBy(x => x.p.Name).ToListAsync(ct);
        var sheet = rows.Select((x, i) =>
        {
            var village = divisions.Find(x.w.DivisionCode);
            var town = village?.ParentCode is { } t ? divisions.Find(t) : null;
            var county = town?.ParentCode is { } c ? divisions.Find(c) : null;
            return new Dictionary<string, object?>
            {
                ["序号"] = i + 1,
                ["姓名"] = x.p.Name,
                ["性别"] = RegistryLabels.Of(x.p.Sex),
                ["公民身份号码"] = reveal && x.p.IdNumberCipher is { } cipher ? protector.Decrypt(cipher, ProtectedKind.IdNumber) : x.p.DisplayNumber,
                ["出生日期"] = x.p.BirthDate.ToString("yyyy-MM-dd"),
                ["民族"] = x.p.Ethnicity,
                ["户籍性质"] = x.p.HukouType == HukouType.Rural ? "农业" : "非农业",
                ["县（市、区）"] = county?.Name,
                ["乡镇（街道）"] = town?.Name,
                ["村（居）委会"] = village?.Name,
                ["儿童类别"] = x.w.LeftBehind && x.w.Difficulties.Length > 0 ? "农村留守儿童、困境儿童" : x.w.LeftBehind ? "农村留守儿童" : "困境儿童",
                ["困境类型"] = ChildLabels.Difficulties(x.w.Difficulties),
                ["父亲情况"] = ChildLabels.Of(x.w.Father),
                ["母亲情况"] = ChildLabels.Of(x.w.Mother),
                ["监护人姓名"] = x.w.GuardianName,
                ["与儿童关系"] = x.w.GuardianRelation,
                ["监护人联系电话"] = x.w.GuardianPhone,
                ["就读学校"] = x.w.School,
                ["风险等级"] = ChildLabels.Of(x.w.Risk),
                ["儿童主任"] = x.w.Director,
                ["儿童督导员"] = x.w.Supervisor,
                ["最近走访日期"] = x.w.LastVisitOn?.ToString("yyyy-MM-dd"),
            };
        }).ToList();
        await audit.RecordAsync("export", nameof(WatchedChild), null, new { rows = sheet.Count, fullIdNumbers = reveal }, ct: ct);
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet, sheetName: "留守和困境儿童", cancellationToken: ct);
        return stream.ToArray();
    }
}

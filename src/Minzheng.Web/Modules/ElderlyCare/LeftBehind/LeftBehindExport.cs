using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.ElderlyCare.LeftBehind;

/// <summary>
/// The register as a workbook whose columns follow the entry of the 全国农村留守老年人信息系统 as far as it is known (identity,
/// place, living arrangement, children away, risk, who visits, visits), one elder per row, so clerks can enter the platform's data
/// there. Only the user's scope (AppDbContext's filter); full ID numbers and phones only for holders of registry.reveal-id, as
/// every other export; every export is audited.
/// </summary>
public sealed class LeftBehindExport(ReadOnlyDb read, IdentifierProtector protector, DivisionDirectory divisions, ICurrentUser user, AuditLog audit, BusinessClock clock)
{
    // an export reads from the standby when there is one (ADR 071); its audit entry is written to the primary
    private readonly AppDbContext _db = read.Context;

    public async Task<byte[]> ExcelAsync(CancellationToken ct)
    {
        var reveal = user.HasPermission(Permissions.RegistryRevealId);
        var today = clock.Today;
        var rows = await _db.Set<LeftBehindElder>().AsNoTracking().Where(e => e.Status == LeftBehindStatus.InRegister)
            .Join(_db.Persons, e => e.PersonId, p => p.Id, (e, p) => new { e, p.Sex, p.BirthDate, p.IdNumberCipher, p.IdNumberMasked, p.PlatformNumber, p.Address })
            .OrderBy(x => x.e.DivisionCode).ThenBy(x => x.e.Name).ThenBy(x => x.e.Id).ToListAsync(ct);
        var sheet = rows.Select((x, i) =>
        {
            var village = divisions.Find(x.e.DivisionCode);
            var town = village?.ParentCode is { } t ? divisions.Find(t) : null;
            var county = town?.ParentCode is { } c ? divisions.Find(c) : null;
            var age = today.Year - x.BirthDate.Year - (x.BirthDate.AddYears(today.Year - x.BirthDate.Year) > today ? 1 : 0);
            var children = LeftBehindRegister.ChildrenOf(x.e);
            return new Dictionary<string, object?>
            {
                ["序号"] = i + 1,
                ["姓名"] = x.e.Name,
                ["性别"] = RegistryLabels.Of(x.Sex),
                ["公民身份号码"] = reveal && x.IdNumberCipher is { } cipher ? protector.Decrypt(cipher, ProtectedKind.IdNumber) : x.IdNumberMasked ?? x.PlatformNumber,
                ["出生日期"] = x.BirthDate.ToString("yyyy-MM-dd"),
                ["年龄"] = age,
                ["县（市、区）"] = county?.Name,
                ["乡镇（街道）"] = town?.Name,
                ["村（居）委会"] = village?.Name,
                ["居住地址"] = x.Address,
                ["居住情况"] = LeftBehindLabels.Of(x.e.Living),
                ["外出子女人数"] = children.Count,
                ["外出子女情况"] = string.Join("；", children.Select(c => $"{c.Relation}{c.Name}，{c.Place}，{c.Since:yyyy-MM} 起")),
                ["风险等级"] = LeftBehindLabels.Of(x.e.Risk),
                ["风险原因"] = x.e.RiskReason,
                ["联系人"] = $"{x.e.ContactName}（{x.e.ContactRelation}）",
                ["联系电话"] = reveal && x.e.ContactPhoneCipher is { } phone ? protector.Decrypt(phone, ProtectedKind.Phone) : x.e.ContactPhoneMasked,
                ["巡访责任人"] = x.e.WorkerName,
                ["登记日期"] = x.e.RegisteredOn.ToString("yyyy-MM-dd"),
                ["最近巡访日期"] = x.e.LastVisitOn?.ToString("yyyy-MM-dd"),
                ["下次巡访日期"] = x.e.NextVisitDue.ToString("yyyy-MM-dd"),
                ["是否逾期"] = x.e.NextVisitDue < today ? "是" : "否",
            };
        }).ToList();
        await audit.RecordAsync("export", nameof(LeftBehindElder), null, new { rows = sheet.Count, fullNumbers = reveal }, ct: ct);
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet, sheetName: "农村留守老年人", cancellationToken: ct);
        return stream.ToArray();
    }
}

/// <summary>The Chinese names of the register's codes (pages, export, API).</summary>
public static class LeftBehindLabels
{
    public static string Of(LivingArrangement l) => l switch { LivingArrangement.Alone => "独居", LivingArrangement.WithSpouseOnly => "仅与配偶居住", _ => "与其他家庭成员同住" };

    public static string Of(LeftBehindRisk r) => r switch { LeftBehindRisk.High => "高风险", LeftBehindRisk.Medium => "中风险", _ => "低风险" };

    public static string Of(VisitMode m) => m == VisitMode.Home ? "入户巡访" : "电话巡访";

    public static string Of(LeftBehindStatus s) => s == LeftBehindStatus.InRegister ? "在册" : "已退出";

    public static string RiskTag(LeftBehindRisk r) => r switch { LeftBehindRisk.High => "bad", LeftBehindRisk.Medium => "warn", _ => "ok" };
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiniExcelLibs;
using Minzheng.Web.Modules.ElderlyCare.Homes.Rules;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Divisions;

namespace Minzheng.Web.Modules.ElderlyCare.Homes.Pages;

/// <summary>
/// 敬老院摸底 (/elderly/homes/survey), as the plan asks of 特困供养服务设施: 法人登记 status, beds, occupancy and idle beds per
/// facility, with subtotals per county and the total of the user's scope, and the same as a workbook.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + HomesPermissions.Read)]
public sealed class SurveyModel(CareHomes homes, DivisionDirectory divisions, ICurrentUser user) : PageModel
{
    /// <summary>One county's (or the whole scope's) line: facilities, of them with 法人登记, beds, residents, idle beds.</summary>
    public sealed record Subtotal(string CountyCode, string Name, int Facilities, int Registered, int Beds, int Occupied, int IdleBeds)
    {
        public decimal Occupancy => HomeRules.Occupancy(Occupied, Beds);
        public decimal RegisteredShare => Facilities == 0 ? 0m : Math.Round(Registered * 100m / Facilities, 1, MidpointRounding.AwayFromZero);
    }

    public List<SurveyRow> Rows { get; private set; } = [];
    public List<Subtotal> Counties { get; private set; } = [];
    public Subtotal Total { get; private set; } = null!;
    public bool CanRegister => user.HasPermission(HomesPermissions.Manage);

    public string PlaceOf(string code) => divisions.FullName(code);

    public async Task OnGetAsync()
    {
        Rows = await homes.SurveyAllAsync(HttpContext.RequestAborted);
        Counties = Rows.GroupBy(r => DivisionCodes.CountyPart(r.DivisionCode) + "000000").OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Sum(g.Key, divisions.NameOf(g.Key), g)).ToList();
        Total = Sum("", "合计", Rows);
    }

    private static Subtotal Sum(string code, string name, IEnumerable<SurveyRow> rows)
    {
        var list = rows.ToList();
        return new Subtotal(code, name, list.Count, list.Count(r => r.LegalPersonRegistered == true), list.Sum(r => r.Beds), list.Sum(r => r.Occupied), list.Sum(r => r.IdleBeds));
    }

    /// <summary>The survey as a workbook: one sheet of facilities and one of county subtotals.</summary>
    public async Task<IActionResult> OnGetExportAsync()
    {
        await OnGetAsync();
        var facilities = Rows.Select((r, i) => new Dictionary<string, object?>
        {
            ["序号"] = i + 1,
            ["县（市、区）"] = divisions.NameOf(DivisionCodes.CountyPart(r.DivisionCode) + "000000"),
            ["所在地"] = divisions.FullName(r.DivisionCode),
            ["敬老院名称"] = r.Name,
            ["法人登记"] = LegalName(r.LegalPersonRegistered),
            ["床位数"] = r.Beds,
            ["在住人数"] = r.Occupied,
            ["入住率（%）"] = r.Occupancy,
            ["闲置床位"] = r.IdleBeds,
        }).ToList();
        var counties = Counties.Append(Total).Select(c => new Dictionary<string, object?>
        {
            ["县（市、区）"] = c.Name,
            ["敬老院数"] = c.Facilities,
            ["已法人登记"] = c.Registered,
            ["法人登记率（%）"] = c.RegisteredShare,
            ["床位数"] = c.Beds,
            ["在住人数"] = c.Occupied,
            ["入住率（%）"] = c.Occupancy,
            ["闲置床位"] = c.IdleBeds,
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(new Dictionary<string, object> { ["敬老院"] = facilities, ["按县汇总"] = counties }, cancellationToken: HttpContext.RequestAborted);
        return File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "敬老院摸底.xlsx");
    }

    public static string LegalName(bool? registered) => registered == true ? "已登记" : "未登记";
}

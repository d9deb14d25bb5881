using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Platform.Printing;

/// <summary>
/// What closes every printed statement and notice (issue 12, item 13): the issuing unit, the 制表 / 审核 / 负责人 lines (with names
/// where known) and room for the 公章. Rendered by the one partial <c>/Platform/Printing/_PrintFooter.cshtml</c>.
/// </summary>
public sealed record PrintFooter(string IssuingUnit, string? PreparedBy, string? ReviewedBy, string? Responsible, DateOnly Date);

/// <summary>
/// Builds <see cref="PrintFooter"/>s: the issuing unit from the division (a township's notice is the 人民政府's, a county's or
/// city's statement its 民政局's; <c>Minzheng:Printing:IssuingUnits:{code}</c> overrides the derived name where a unit is
/// called otherwise), 制表 the printing user.
/// </summary>
public sealed class PrintFooters(DivisionDirectory divisions, ICurrentUser user, BusinessClock clock, IConfiguration config)
{
    /// <summary>The footer for a document issued in <paramref name="divisionCode"/>, by the unit at <paramref name="level"/> (or the nearest above a village).</summary>
    public PrintFooter For(string? divisionCode, DivisionLevel? level = null, string? reviewedBy = null, string? responsible = null) =>
        new(IssuingUnit(divisionCode, level), Preparer(), Blank(reviewedBy), Blank(responsible), clock.Today);

    /// <summary>The footer of a statement the reader prints for his own division (a county's monthly report, a township's ledger).</summary>
    public PrintFooter ForReader(DivisionLevel? level = null) => For(user.DivisionCode, level);

    /// <summary>The footer of a document whose issuing unit was frozen when it was issued (a notice names its issuer).</summary>
    public PrintFooter ByUnit(string issuingUnit, string? reviewedBy = null, string? responsible = null) =>
        new(issuingUnit, Preparer(), Blank(reviewedBy), Blank(responsible), clock.Today);

    /// <summary>"容县民政局", "容州镇人民政府", "玉林市民政局": the unit issuing for a division, at a level (a county decides, a township accepts).</summary>
    public string IssuingUnit(string? divisionCode, DivisionLevel? level = null)
    {
        var path = divisionCode is null ? [] : divisions.PathOf(divisionCode);
        var unit = level is { } l ? path.LastOrDefault(d => d.Level <= l) : path.LastOrDefault(d => d.Level < DivisionLevel.Village);
        if (unit is null) return config["Minzheng:Printing:IssuingUnit"] ?? "民政部门";
        if (config[$"Minzheng:Printing:IssuingUnits:{unit.Code}"] is { Length: > 0 } configured) return configured;
        return unit.Level switch
        {
            DivisionLevel.Town => unit.Name + (unit.Name.EndsWith("街道", StringComparison.Ordinal) ? "办事处" : "人民政府"),
            DivisionLevel.Province => unit.Name + "民政厅",
            _ => unit.Name + "民政局",
        };
    }

    /// <summary>制表: the printing user (a public page printed by an anonymous visitor leaves the line to be signed).</summary>
    private string? Preparer() => user.UserName == "anonymous" ? null : user.DisplayName ?? user.UserName;

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

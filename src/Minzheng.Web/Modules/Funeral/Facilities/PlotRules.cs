namespace Minzheng.Web.Modules.Funeral.Facilities;

/// <summary>
/// Plot limits (rules-2.md §4: 骨灰墓穴 ≤ 1 m², 单人遗体 ≤ 4 m², 合葬 ≤ 6 m², term ≤ 20 years — figures, read on the day) and
/// the certificate a sale needs. Pure: the figures come in as numbers.
/// </summary>
public static class PlotRules
{
    public sealed record Finding(string Field, string Text);

    public static IReadOnlyList<Finding> CheckPlot(PlotKind kind, decimal area, int termYears, decimal maxArea, int maxTermYears, string figureBasis)
    {
        var findings = new List<Finding>();
        if (area <= 0) findings.Add(new("area", "请填写墓穴占地面积（平方米）"));
        else if (area > maxArea) findings.Add(new("area", $"{KindName(kind)}占地面积 {area:0.##} 平方米，超过上限 {maxArea:0.##} 平方米（{figureBasis}）"));
        if (termYears <= 0) findings.Add(new("termYears", "请填写使用年限"));
        else if (termYears > maxTermYears) findings.Add(new("termYears", $"使用年限 {termYears} 年，超过上限 {maxTermYears} 年"));
        return findings;
    }

    public static readonly IReadOnlyList<(string Code, string Name)> CertificateKinds = [("death", "死亡证明"), ("cremation", "火化证明"), ("reburial", "迁葬证明")];

    /// <summary>A sale names the deceased and the certificate that proves the death (or the reburial); null when it does.</summary>
    public static Finding? CheckCertificate(string? kind, string? number)
    {
        if (string.IsNullOrWhiteSpace(kind) || CertificateKinds.All(c => c.Code != kind))
        {
            return new("certificateKind", "出售墓穴须查验死亡证明、火化证明或迁葬证明（不得向活人出售墓穴）");
        }
        if (string.IsNullOrWhiteSpace(number)) return new("certificateNumber", "请填写所查验证明的编号");
        return null;
    }

    public static string KindName(PlotKind k) => k switch
    {
        PlotKind.Ashes => "骨灰墓穴",
        PlotKind.SingleBody => "单人遗体墓穴",
        PlotKind.DoubleBody => "合葬遗体墓穴",
        _ => k.ToString(),
    };

    public static string FigureCategory(PlotKind k) => k switch { PlotKind.Ashes => "ashes", PlotKind.SingleBody => "single", _ => "double" };

    public static string StatusName(PlotStatus s) => s switch
    {
        PlotStatus.Available => "可售",
        PlotStatus.Reserved => "预留",
        PlotStatus.Sold => "已售",
        PlotStatus.Used => "已安葬",
        _ => s.ToString(),
    };
}

namespace Minzheng.Web.Modules.Payments;

/// <summary>Chinese names of the payment states and purposes, for pages, files and statements.</summary>
public static class PaymentLabels
{
    public static string Of(PayrollStatus s) => s switch
    {
        PayrollStatus.Generating => "生成中",
        PayrollStatus.Generated => "已生成（草稿）",
        PayrollStatus.Reviewed => "已审核，待审批",
        PayrollStatus.Approved => "已审批，待导出",
        PayrollStatus.Exported => "已导出，待银行回盘",
        PayrollStatus.Reconciled => "已对账",
        _ => s.ToString(),
    };

    public static string Of(PayrollKind k) => k == PayrollKind.Regular ? "月度发放" : "补发批次";

    public static string Of(LinePurpose p) => p switch
    {
        LinePurpose.Benefit => "保障金",
        LinePurpose.PriceSubsidy => "价格临时补贴",
        LinePurpose.Adjustment => "差额补发",
        LinePurpose.RecoveryOffset => "追缴抵扣",
        LinePurpose.Retry => "失败重发",
        LinePurpose.RecoveryRefund => "退还追缴款",
        _ => p.ToString(),
    };

    public static string Of(LineStatus s) => s switch
    {
        LineStatus.Pending => "待发放",
        LineStatus.Exported => "已报银行",
        LineStatus.Paid => "已到账",
        LineStatus.Failed => "发放失败",
        LineStatus.Requeued => "已转重发",
        LineStatus.NoAccount => "缺少账户（暂缓）",
        _ => s.ToString(),
    };

    public static string Of(RecoveryStatus s) => s switch
    {
        RecoveryStatus.Open => "追缴中",
        RecoveryStatus.Settled => "已结清",
        RecoveryStatus.WrittenOff => "已核销",
        RecoveryStatus.Cancelled => "已撤销",
        _ => s.ToString(),
    };
}

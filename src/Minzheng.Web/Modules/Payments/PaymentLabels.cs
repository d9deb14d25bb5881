namespace Minzheng.Web.Modules.Payments;

/// <summary>
/// Chinese names of the payment states and purposes: the one place pages, the API, bank files, statements and exports take
/// them from, so a line not sent for want of an account is never called a failure (银行退回) anywhere (issue 12 item 5).
/// </summary>
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
        LinePurpose.Retry => "重发",
        LinePurpose.RecoveryRefund => "退还追缴款",
        _ => p.ToString(),
    };

    public const string NotSentNoAccount = "未发送：缺少账户";
    public const string NotSentHeld = "未发送：审核暂缓";
    public const string Returned = "银行退回";

    /// <summary>The stored status alone (filters); a line's full state is <see cref="Of(LineStatus, string?, string?)"/>.</summary>
    public static string Of(LineStatus s) => s switch
    {
        LineStatus.Pending => "待发送",
        LineStatus.Exported => "已报银行",
        LineStatus.Paid => "已到账",
        LineStatus.Failed => Returned,
        LineStatus.Requeued => "已转重发",
        LineStatus.NoAccount => NotSentNoAccount,
        LineStatus.Held => NotSentHeld,
        LineStatus.Released => "暂缓已放行，待重发",
        _ => s.ToString(),
    };

    /// <summary>A line's state with why it was re-queued: a bank return, a missing account or a reviewer's hold are three things.</summary>
    public static string Of(LineStatus s, string? failureReason, string? holdReason) => Outcome(s, failureReason, holdReason) switch
    {
        LineOutcome.Returned when s == LineStatus.Requeued => Returned + "，已转重发",
        LineOutcome.NoAccount when s == LineStatus.Requeued => "缺少账户，已转重发",
        LineOutcome.Held when s == LineStatus.Requeued => "审核暂缓，已转重发",
        _ => Of(s),
    };

    /// <summary>What became of a line, for the statement's columns: the same classes as the labels above.</summary>
    public static LineOutcome Outcome(LineStatus s, string? failureReason, string? holdReason) => s switch
    {
        LineStatus.Paid => LineOutcome.Paid,
        LineStatus.Exported => LineOutcome.AtBank,
        LineStatus.Failed => LineOutcome.Returned,
        LineStatus.NoAccount => LineOutcome.NoAccount,
        LineStatus.Held or LineStatus.Released => LineOutcome.Held,
        LineStatus.Requeued => failureReason is not null ? LineOutcome.Returned : holdReason is not null ? LineOutcome.Held : LineOutcome.NoAccount,
        _ => LineOutcome.Pending,
    };

    public static string Of(LineOutcome o) => o switch
    {
        LineOutcome.Pending => "待发送",
        LineOutcome.AtBank => "已报银行",
        LineOutcome.Paid => "已到账",
        LineOutcome.Returned => Returned,
        LineOutcome.NoAccount => NotSentNoAccount,
        LineOutcome.Held => NotSentHeld,
        _ => o.ToString(),
    };

    public static string Of(ReviewFlagKind k) => k switch
    {
        ReviewFlagKind.OpenFinding => "数据比对应退线索未处理",
        ReviewFlagKind.DeathAfterDecision => "待遇核定后登记死亡",
        ReviewFlagKind.PermanentFailure => "重发至曾被银行永久退回的账户",
        ReviewFlagKind.NewHousehold => "比上月新增",
        ReviewFlagKind.RemovedHousehold => "比上月减少",
        ReviewFlagKind.ChangedAmount => "金额比上月变化",
        ReviewFlagKind.ReleasedHold => "前期暂缓后放行",
        _ => k.ToString(),
    };

    public static string Of(ReviewDecisionKind d) => d == ReviewDecisionKind.Hold ? "暂缓发放" : "确认发放";

    public static string Of(RecoveryStatus s) => s switch
    {
        RecoveryStatus.Open => "追缴中",
        RecoveryStatus.Settled => "已结清",
        RecoveryStatus.WrittenOff => "已核销",
        RecoveryStatus.Cancelled => "已撤销",
        _ => s.ToString(),
    };
}

/// <summary>The classes a statement counts a line in (see <see cref="PaymentLabels.Outcome"/>).</summary>
public enum LineOutcome
{
    Pending = 1,
    AtBank = 2,
    Paid = 3,
    Returned = 4,
    NoAccount = 5,
    Held = 6,
}

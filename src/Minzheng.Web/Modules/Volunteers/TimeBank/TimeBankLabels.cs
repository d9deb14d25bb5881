namespace Minzheng.Web.Modules.Volunteers.TimeBank;

/// <summary>The Chinese names the pages show.</summary>
public static class TimeBankLabels
{
    public static string Kind(TimeTxnKind k) => k switch
    {
        TimeTxnKind.Deposit => "服务存入",
        TimeTxnKind.Withdraw => "兑换服务",
        TimeTxnKind.TransferFamily => "亲属转赠",
        TimeTxnKind.Donate => "捐赠",
        TimeTxnKind.Grant => "赠与",
        TimeTxnKind.Expire => "过期",
        _ => "冲正",
    };

    public static string Relation(RelativeRelation r) => r switch
    {
        RelativeRelation.Spouse => "配偶",
        RelativeRelation.Parent => "父母",
        RelativeRelation.Child => "子女",
        _ => "祖父母/外祖父母",
    };

    /// <summary>Minutes as hours and minutes (the bank stores whole minutes).</summary>
    public static string Duration(int minutes) =>
        minutes < 0 ? "-" + Duration(-minutes) : minutes >= 60 ? $"{minutes / 60} 小时 {minutes % 60} 分钟" : $"{minutes} 分钟";
}

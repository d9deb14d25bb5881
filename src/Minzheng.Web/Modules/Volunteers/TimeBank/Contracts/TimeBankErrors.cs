using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.Volunteers.TimeBank.Contracts;

/// <summary>The refusals of the time bank, each with its stable code.</summary>
public static class TimeBankErrors
{
    public static readonly ErrorCode InsufficientBalance = new("timebank_insufficient_balance", 409, "账户余额不足");
    public static readonly ErrorCode BelowWithdrawalAge = new("timebank_below_withdrawal_age", 409, "未达到兑换服务的年龄");
    public static readonly ErrorCode RelativeNotRegistered = new("timebank_relative_not_registered", 409, "转赠对象不是本账户登记的近亲属");
    public static readonly ErrorCode GroupDonateOnly = new("timebank_group_donate_only", 409, "团体账户只能捐赠到时间银行捐赠池");
    public static readonly ErrorCode DepositSpent = new("timebank_deposit_spent", 409, "该服务记录存入的时长已被使用，无法冲回");
    public static readonly ErrorCode AlreadyReversed = new("timebank_already_reversed", 409, "该笔交易已冲正（冲正交易不能再冲正）");
    public static readonly ErrorCode NotEligibleForGrant = new("timebank_not_eligible_for_grant", 409, "不属于时间银行优先赠与对象");
    public static readonly ErrorCode ProofRequired = new("timebank_relative_proof_required", 400, "不在同一户籍的亲属须登记关系证明");

    public static readonly IReadOnlyList<ErrorCode> All = [InsufficientBalance, BelowWithdrawalAge, RelativeNotRegistered, GroupDonateOnly, DepositSpent, AlreadyReversed, NotEligibleForGrant, ProofRequired];
}

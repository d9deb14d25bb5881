using Minzheng.Web.Modules.Volunteers.TimeBank;

namespace Minzheng.Tests.Volunteers;

/// <summary>The time bank's pure rules: the cap split of a deposit, the split of a correction, ages and the grant criteria.</summary>
public sealed class TimeBankRulesTests
{
    [Theory]
    [InlineData(0, 120, null, 120, 0)]       // no cap configured: all into the account
    [InlineData(0, 120, 90000, 120, 0)]      // far below the cap
    [InlineData(89_950, 120, 90000, 50, 70)] // crosses the cap: up to it, the rest to the pool
    [InlineData(90_000, 120, 90000, 0, 120)] // at the cap: all to the pool
    [InlineData(95_000, 60, 90000, 0, 60)]   // above it (a lowered cap): nothing more into the account
    [InlineData(10, 0, 90000, 0, 0)]
    [InlineData(10, -5, 90000, 0, 0)]
    public void A_deposit_fills_up_to_the_cap_and_donates_the_rest(int balance, int minutes, int? cap, int toAccount, int toPool) =>
        Assert.Equal((toAccount, toPool), TimeBankRules.SplitDeposit(balance, minutes, cap));

    [Theory]
    [InlineData(30, 120, 0, 30, 0)]
    [InlineData(120, 50, 70, 50, 70)]   // the account's part first, then the pool's
    [InlineData(200, 50, 70, 50, 70)]   // never more than was deposited
    [InlineData(0, 50, 70, 0, 0)]
    [InlineData(40, 0, 70, 0, 40)]
    public void A_correction_takes_back_the_accounts_part_first(int fall, int deposited, int pooled, int fromAccount, int fromPool) =>
        Assert.Equal((fromAccount, fromPool), TimeBankRules.SplitReversal(fall, deposited, pooled));

    [Theory]
    [InlineData("1966-12-04", "2026-12-03", 59)]
    [InlineData("1966-12-04", "2026-12-04", 60)]
    [InlineData("1964-02-29", "2024-02-28", 59)]
    [InlineData("1964-02-29", "2024-02-29", 60)]
    public void Ages_count_whole_years(string birth, string on, int age) =>
        Assert.Equal(age, TimeBankRules.AgeOn(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(80, true, false, false, true)]
    [InlineData(79, true, false, false, false)]   // alone but below 80, not disabled in dibao
    [InlineData(85, false, false, false, false)]  // not alone
    [InlineData(60, false, true, true, true)]
    [InlineData(79, false, true, true, true)]
    [InlineData(59, false, true, true, false)]
    [InlineData(70, false, true, false, false)]   // disabled but no dibao
    [InlineData(70, false, false, true, false)]   // dibao but not disabled
    [InlineData(80, false, true, true, false)]    // past the dibao-disabled range and not alone
    public void Priority_elders_follow_the_configured_criteria(int age, bool alone, bool disabled, bool dibao, bool eligible)
    {
        var criteria = new TimeBankRules.GrantCriteria(80, 60, 79);
        Assert.Equal(eligible, TimeBankRules.GrantReason(new(age, alone, disabled, dibao), criteria) is not null);
        // without the figures no one is a priority elder
        Assert.Null(TimeBankRules.GrantReason(new(age, alone, disabled, dibao), new(null, null, null)));
    }
}

using Minzheng.Web.Modules.Assistance.Reviews;
using Minzheng.Web.Modules.Assistance.Standards;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;

namespace Minzheng.Web.Modules.Assistance.Cases;

/// <summary>
/// The decision effects of the monthly programs (dibao, extreme-poverty support): the monthly amount from the month after
/// the decision, published to payments, and the first scheduled review.
/// </summary>
public sealed class MonthlyBenefit(AppDbContext db, Figures figures, Entitlements entitlements, AmountChanges amounts)
{
    public async Task StartAsync(AssistanceCase c, Assessment assessment, bool township, DateOnly today, CancellationToken ct)
    {
        // 57号: payment starts the month after the decision.
        c.PaymentStartMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        c.MonthlyAmount = assessment.Amount;
        c.BasicLiving = assessment.Basic;
        c.Care = assessment.Care;
        var reason = township ? "乡镇审批确认" : "县级审批确认";
        amounts.Add(c, c.PaymentStartMonth.Value, assessment.Amount, reason, assessment.Lines);
        await entitlements.SetAsync(AssistanceCases.PayeeOf(c), c.PaymentStartMonth.Value, assessment.Amount, c.AmountExplanation ?? "[]", reason, ct);
        var months = figures.Number(c.IncomeIrregular ? StandardKinds.ReviewIrregularMonths : StandardKinds.ReviewStableMonths, c.DivisionCode, today);
        c.NextReviewOn = c.PaymentStartMonth.Value.AddMonths(months).AddDays(-1);
        db.Set<AssistanceReview>().Add(AssistanceReview.Of(c, ReviewKind.Scheduled, c.NextReviewOn.Value));
    }
}

using System.Text.Json;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.Assistance.Cases;

/// <summary>The history of a case's decided amounts, each with its frozen explanation (ADR 008).</summary>
public sealed class AmountChanges(AppDbContext db, ICurrentUser user, BusinessClock clock)
{
    public void Add(AssistanceCase c, DateOnly from, Money amount, string reason, IReadOnlyList<AmountLine> lines) =>
        db.Set<AssistanceAmountChange>().Add(new AssistanceAmountChange
        {
            CaseId = c.Id,
            EffectiveFrom = from,
            Amount = amount,
            Reason = reason,
            Explanation = JsonSerializer.Serialize(lines, AssistanceCases.Json),
            DecidedBy = user.UserName,
            DecidedOn = clock.Today,
        });
}

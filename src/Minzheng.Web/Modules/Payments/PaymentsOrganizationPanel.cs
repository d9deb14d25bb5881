using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Registry.Organizations;

namespace Minzheng.Web.Modules.Payments;

/// <summary>The payments panel of the one-organisation view: the latest payments to the organisation as payee (subsidies, settlements).</summary>
public sealed class PaymentsOrganizationPanel(AppDbContext db, EntitlementPrograms programs) : IOrganizationPanel
{
    public sealed record Item(Guid PayrollId, string Program, DateOnly ServiceMonth, string Purpose, long AmountFen, string Status, string? BankAccountMasked);

    public string ModuleKey => "payments";
    public string Title => "资金发放";
    public int Order => 90;
    public string PartialView => "/Modules/Payments/Pages/_OrganizationPanel.cshtml";

    public async Task<object?> LoadAsync(Guid organizationId, CancellationToken ct)
    {
        var lines = await db.Set<PayrollLine>().AsNoTracking().Where(l => l.PayeeOrganizationId == organizationId)
            .OrderByDescending(l => l.ServiceMonth).ThenByDescending(l => l.Id).Take(24).ToListAsync(ct);
        return lines.Select(l => new Item(l.PayrollId, programs.NameOf(l.Program), l.ServiceMonth, PaymentLabels.Of(l.Purpose), l.AmountFen, PaymentLabels.Of(l.Status), l.BankAccountMasked)).ToList();
    }
}

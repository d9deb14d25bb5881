using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Platform.Entitlements;

/// <summary>
/// What a program owes a beneficiary each month, and why: the published contract between the benefit
/// modules (which decide) and payments (which pay). A period runs from a month to a month (open-ended
/// while the benefit runs); a one-off (temporary assistance) is due in its month only. Payments read
/// only this table, never a program's own tables, and never recompute a program's rules.
/// </summary>
public sealed class EntitlementPeriod : IDivisionScoped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The paying program ("dibao", "extreme-poverty", "temporary", …).</summary>
    public required string Program { get; set; }

    /// <summary>The case (or other decision) the entitlement comes from, and its number for people.</summary>
    public Guid SourceId { get; set; }
    public required string SourceNumber { get; set; }

    /// <summary>The person paid, or null when the payee is an organisation (exactly one of the two is set).</summary>
    public Guid? PayeePersonId { get; set; }

    /// <summary>The registry organisation paid (a care home's operating subsidy, a provider's settlement), or null for a person.</summary>
    public Guid? PayeeOrganizationId { get; set; }

    /// <summary>The one person a personal benefit is for (may differ from the payee, e.g. a child paid to its guardian).</summary>
    public Guid? BeneficiaryPersonId { get; set; }
    public Guid? HouseholdId { get; set; }
    public required string DivisionCode { get; set; }

    /// <summary>People covered (for per-person statistics and per-person subsidies).</summary>
    public int PersonCount { get; set; }

    /// <summary>First month due (the 1st of the month) and last month due (inclusive), or null while running.</summary>
    public DateOnly FromMonth { get; set; }
    public DateOnly? ToMonth { get; set; }
    public bool OneOff { get; set; }

    public Money.Money MonthlyAmount { get; set; }

    /// <summary>The rule's explanation lines (JSON), copied onto every payment line.</summary>
    public required string Explanation { get; set; }
    public required string Reason { get; set; }
    public DateTime PublishedAt { get; set; }
}

internal sealed class EntitlementPeriodConfiguration : IEntityTypeConfiguration<EntitlementPeriod>
{
    public void Configure(EntityTypeBuilder<EntitlementPeriod> b)
    {
        b.ToTable("entitlement_period");
        b.HasKey(e => e.Id);
        b.Property(e => e.Program).HasMaxLength(32);
        b.Property(e => e.SourceNumber).HasMaxLength(40);
        b.Property(e => e.DivisionCode).HasMaxLength(12);
        b.Property(e => e.Reason).HasMaxLength(500);
        b.HasIndex(e => new { e.Program, e.DivisionCode, e.FromMonth });
        b.HasIndex(e => new { e.SourceId, e.FromMonth });
        b.HasIndex(e => new { e.BeneficiaryPersonId, e.Program });
        // Organisation payees are few: a partial index lets payroll skip their statement when a county has none.
        b.HasIndex(e => new { e.PayeeOrganizationId, e.Program }).HasFilter("payee_organization_id IS NOT NULL");
        // "does this household have a running dibao": household benefits (no beneficiary person) by household, with the months,
        // so that data comparison answers it from the index for each member it tests
        b.HasIndex(e => new { e.HouseholdId, e.Program, e.FromMonth, e.ToMonth }, "ix_entitlement_period_household").HasFilter("household_id IS NOT NULL AND beneficiary_person_id IS NULL");
        b.ToTable(t => t.HasCheckConstraint("ck_entitlement_period_payee", "(payee_person_id IS NULL) <> (payee_organization_id IS NULL)"));
    }
}

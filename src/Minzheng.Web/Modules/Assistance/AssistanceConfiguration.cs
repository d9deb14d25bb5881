using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Modules.Assistance.Cases;
using Minzheng.Web.Modules.Assistance.Reviews;
using Minzheng.Web.Modules.Assistance.Watch;

namespace Minzheng.Web.Modules.Assistance;

internal sealed class AssistanceCaseConfiguration : IEntityTypeConfiguration<AssistanceCase>
{
    public void Configure(EntityTypeBuilder<AssistanceCase> b)
    {
        b.ToTable("assistance_case");
        b.HasKey(c => c.Id);
        b.Property(c => c.Number).HasMaxLength(32);
        b.Property(c => c.Program).HasConversion<int>();
        b.Property(c => c.State).HasMaxLength(32);
        b.Property(c => c.DivisionCode).HasMaxLength(12);
        b.Property(c => c.Area).HasConversion<int>();
        b.Property(c => c.ApplicantName).HasMaxLength(50);
        b.Property(c => c.Channel).HasConversion<int>();
        b.Property(c => c.SubmittedBy).HasMaxLength(100);
        b.Property(c => c.Reason).HasMaxLength(2000);
        b.Property(c => c.SinglePersonGround).HasMaxLength(200);
        b.Property(c => c.FlaggedDetail).HasMaxLength(500);
        b.Property(c => c.Investigators).HasMaxLength(200);
        b.Property(c => c.VisitRecord).HasMaxLength(4000);
        b.Property(c => c.NeighbourRecord).HasMaxLength(2000);
        b.Property(c => c.EconomicCheck).HasConversion<int>();
        b.Property(c => c.EconomicCheckNote).HasMaxLength(1000);
        b.Property(c => c.TownshipOpinion).HasMaxLength(2000);
        b.Property(c => c.CountyVisitRecord).HasMaxLength(2000);
        b.Property(c => c.DecidedBy).HasMaxLength(100);
        b.Property(c => c.DecisionLevel).HasConversion<int?>();
        b.Property(c => c.RefusalReasons).HasMaxLength(2000);
        b.Property(c => c.SpotCheckResult).HasMaxLength(1000);
        b.Property(c => c.SelfCareUnable).HasMaxLength(200);
        b.Property(c => c.SelfCareLevel).HasConversion<int?>();
        b.Property(c => c.SupportForm).HasConversion<int?>();
        b.Property(c => c.Institution).HasMaxLength(200);
        b.Property(c => c.TemporaryType).HasConversion<int?>();
        b.Property(c => c.RequiredLevel).HasConversion<int?>();
        b.Property(c => c.EndReason).HasMaxLength(1000);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Ignore(c => c.MemberCount);
        b.Ignore(c => c.HouseholdIncome);
        b.HasMany(c => c.Members).WithOne().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.IncomeItems).WithOne().HasForeignKey(i => i.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => c.Number).IsUnique();
        b.HasIndex(c => new { c.DivisionCode, c.Program, c.State });
        b.HasIndex(c => c.HouseholdId);
        b.HasIndex(c => c.ApplicantPersonId);
        b.HasIndex(c => c.WorkflowCaseId);
        // the case list's order (newest application first, ADR 075): read from the index instead of sorting every case in scope
        b.HasIndex(c => new { c.AppliedOn, c.Id });
    }
}

internal sealed class AssistanceMemberConfiguration : IEntityTypeConfiguration<AssistanceMember>
{
    public void Configure(EntityTypeBuilder<AssistanceMember> b)
    {
        b.ToTable("assistance_case_member");
        b.HasKey(m => m.Id);
        b.Property(m => m.Name).HasMaxLength(50);
        b.Property(m => m.Relation).HasConversion<int>();
        b.Property(m => m.DisabilityCategory).HasConversion<int?>();
        b.HasIndex(m => m.PersonId);
    }
}

internal sealed class AssistanceIncomeItemConfiguration : IEntityTypeConfiguration<AssistanceIncomeItem>
{
    public void Configure(EntityTypeBuilder<AssistanceIncomeItem> b)
    {
        b.ToTable("assistance_income_item");
        b.HasKey(i => i.Id);
        b.Property(i => i.Category).HasMaxLength(32);
        b.Property(i => i.Description).HasMaxLength(200);
    }
}

internal sealed class AssistanceObjectionConfiguration : IEntityTypeConfiguration<AssistanceObjection>
{
    public void Configure(EntityTypeBuilder<AssistanceObjection> b)
    {
        b.ToTable("assistance_objection");
        b.HasKey(o => o.Id);
        b.Property(o => o.Content).HasMaxLength(2000);
        b.Property(o => o.RecordedBy).HasMaxLength(100);
        b.Property(o => o.Handling).HasMaxLength(2000);
        b.HasIndex(o => o.CaseId);
    }
}

internal sealed class AssistanceAmountChangeConfiguration : IEntityTypeConfiguration<AssistanceAmountChange>
{
    public void Configure(EntityTypeBuilder<AssistanceAmountChange> b)
    {
        b.ToTable("assistance_amount_change");
        b.HasKey(a => a.Id);
        b.Property(a => a.Reason).HasMaxLength(500);
        b.Property(a => a.DecidedBy).HasMaxLength(100);
        b.HasIndex(a => new { a.CaseId, a.EffectiveFrom });
    }
}

internal sealed class AssistanceDocumentConfiguration : IEntityTypeConfiguration<AssistanceDocument>
{
    public void Configure(EntityTypeBuilder<AssistanceDocument> b)
    {
        b.ToTable("assistance_document");
        b.HasKey(d => d.Id);
        b.Property(d => d.Kind).HasMaxLength(32);
        b.Property(d => d.Number).HasMaxLength(64);
        b.Property(d => d.Title).HasMaxLength(100);
        b.Property(d => d.IssuedBy).HasMaxLength(100);
        b.HasIndex(d => d.CaseId);
        b.HasIndex(d => d.Number).IsUnique();
    }
}

internal sealed class AssistanceReviewConfiguration : IEntityTypeConfiguration<AssistanceReview>
{
    public void Configure(EntityTypeBuilder<AssistanceReview> b)
    {
        b.ToTable("assistance_review");
        b.HasKey(r => r.Id);
        b.Property(r => r.CaseNumber).HasMaxLength(32);
        b.Property(r => r.ApplicantName).HasMaxLength(50);
        b.Property(r => r.DivisionCode).HasMaxLength(12);
        b.Property(r => r.Kind).HasConversion<int>();
        b.Property(r => r.ReportedChange).HasMaxLength(2000);
        b.Property(r => r.CompletedBy).HasMaxLength(100);
        b.Property(r => r.Outcome).HasConversion<int?>();
        b.Property(r => r.Reason).HasMaxLength(2000);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => new { r.DivisionCode, r.CompletedOn, r.DueOn });
        b.HasIndex(r => r.CaseId);
    }
}

internal sealed class WatchFollowUpConfiguration : IEntityTypeConfiguration<WatchFollowUp>
{
    public void Configure(EntityTypeBuilder<WatchFollowUp> b)
    {
        b.ToTable("assistance_watch_follow_up");
        b.HasKey(w => w.Id);
        b.Property(w => w.DivisionCode).HasMaxLength(12);
        b.Property(w => w.Visitor).HasMaxLength(100);
        b.Property(w => w.Risk).HasConversion<int>();
        b.Property(w => w.Note).HasMaxLength(2000);
        b.HasIndex(w => w.HouseholdId);
    }
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Platform.Workflow;

/// <summary>One version of a process definition, stored as its JSON model.</summary>
public sealed class WorkflowProcess
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Code { get; set; }
    public int Version { get; set; }
    public required string Name { get; set; }
    public DateOnly ValidFrom { get; set; }
    public required string DefinitionJson { get; set; }
    public DateTime CreatedAt { get; set; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public ProcessModel Model => JsonSerializer.Deserialize<ProcessModel>(DefinitionJson, Json)!;

    public static string Serialize(ProcessModel model) => JsonSerializer.Serialize(model, Json);
}

/// <summary>A case moving through a process: its state, step deadline, overall deadline and timeline.</summary>
public sealed class WorkflowCase : IVersioned, IDivisionScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string ProcessCode { get; set; }
    public int ProcessVersion { get; set; }

    /// <summary>What the case is about (e.g. "dibao-application") and its id in the owning module.</summary>
    public required string SubjectType { get; set; }
    public Guid SubjectId { get; set; }
    public required string Title { get; set; }
    public required string DivisionCode { get; set; }

    public required string State { get; set; }
    public DateTime StateEnteredAt { get; set; }
    public DateOnly? StepDueDate { get; set; }

    public DateOnly? ClockStartedOn { get; set; }
    public DateOnly? CaseDueDate { get; set; }
    public string? ExtensionReason { get; set; }

    public DateTime? ClosedAt { get; set; }

    public List<WorkflowCaseEvent> Events { get; set; } = [];

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public bool IsOverdue(DateOnly today) =>
        ClosedAt is null && ((StepDueDate is { } s && s < today) || (CaseDueDate is { } c && c < today));
}

/// <summary>An entry of a case timeline: who did what when, with opinion and attachments.</summary>
public sealed class WorkflowCaseEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CaseId { get; set; }
    public DateTime At { get; set; }
    public Guid? ActorId { get; set; }
    public required string ActorName { get; set; }
    public required string Action { get; set; }
    public required string ActionName { get; set; }
    public string? FromState { get; set; }
    public required string ToState { get; set; }
    public string? Opinion { get; set; }
    public List<WorkflowAttachment> Attachments { get; set; } = [];
}

public sealed class WorkflowAttachment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }
    public Guid FileId { get; set; }
    public required string FileName { get; set; }
}

internal sealed class WorkflowProcessConfiguration : IEntityTypeConfiguration<WorkflowProcess>
{
    public void Configure(EntityTypeBuilder<WorkflowProcess> b)
    {
        b.ToTable("workflow_process");
        b.HasKey(p => p.Id);
        b.Property(p => p.Code).HasMaxLength(64);
        b.Property(p => p.Name).HasMaxLength(100);
        b.HasIndex(p => new { p.Code, p.Version }).IsUnique();
        b.Ignore(p => p.Model);
    }
}

internal sealed class WorkflowCaseConfiguration : IEntityTypeConfiguration<WorkflowCase>
{
    public void Configure(EntityTypeBuilder<WorkflowCase> b)
    {
        b.ToTable("workflow_case");
        b.HasKey(c => c.Id);
        b.Property(c => c.ProcessCode).HasMaxLength(64);
        b.Property(c => c.SubjectType).HasMaxLength(64);
        b.Property(c => c.Title).HasMaxLength(200);
        b.Property(c => c.DivisionCode).HasMaxLength(12);
        b.Property(c => c.State).HasMaxLength(64);
        b.Property(c => c.ExtensionReason).HasMaxLength(500);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.SubjectType, c.SubjectId });
        b.HasIndex(c => new { c.DivisionCode, c.ClosedAt });
        b.HasIndex(c => new { c.ClosedAt, c.StepDueDate });
        b.HasIndex(c => new { c.ClosedAt, c.CaseDueDate });
    }
}

internal sealed class WorkflowCaseEventConfiguration : IEntityTypeConfiguration<WorkflowCaseEvent>
{
    public void Configure(EntityTypeBuilder<WorkflowCaseEvent> b)
    {
        b.ToTable("workflow_case_event");
        b.HasKey(e => e.Id);
        b.Property(e => e.ActorName).HasMaxLength(100);
        b.Property(e => e.Action).HasMaxLength(64);
        b.Property(e => e.ActionName).HasMaxLength(100);
        b.Property(e => e.FromState).HasMaxLength(64);
        b.Property(e => e.ToState).HasMaxLength(64);
        b.Property(e => e.Opinion).HasMaxLength(4000);
        b.HasMany(e => e.Attachments).WithOne().HasForeignKey(a => a.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => new { e.CaseId, e.At });
    }
}

internal sealed class WorkflowAttachmentConfiguration : IEntityTypeConfiguration<WorkflowAttachment>
{
    public void Configure(EntityTypeBuilder<WorkflowAttachment> b)
    {
        b.ToTable("workflow_attachment");
        b.HasKey(a => a.Id);
        b.Property(a => a.FileName).HasMaxLength(255);
        b.HasIndex(a => a.FileId);
    }
}

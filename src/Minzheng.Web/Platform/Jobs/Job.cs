using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minzheng.Web.Platform.Jobs;

public enum JobStatus
{
    Queued = 1,
    Running = 2,
    Succeeded = 3,
    Failed = 4,
    Cancelled = 5,
}

/// <summary>
/// One piece of background work, persisted: written in the caller's transaction (so it exists exactly when the
/// caller's change committed), claimed by one application instance at a time through a lease that the instance renews
/// while it runs. A lease that runs out means the instance died; the next claim applies the kind's restart policy.
/// Not division-scoped through the query filter: system jobs (sweeps) belong to no division, and the worker must see
/// every job; lists filter by the reader's scope themselves (<see cref="JobQueue.ListAsync"/>).
/// </summary>
public sealed class Job
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The job kind's code, declared by its module (<see cref="JobKind"/>).</summary>
    public required string Kind { get; set; }

    /// <summary>The record the job works on (an import batch, a payroll, a comparison run), for its page's progress bar.</summary>
    public Guid? SubjectId { get; set; }

    /// <summary>At most one queued or running job per key (a partial unique index): the same payroll is never generated twice at once, a sweep never runs twice.</summary>
    public string? UniqueKey { get; set; }

    public string PayloadJson { get; set; } = "{}";
    public JobStatus Status { get; set; } = JobStatus.Queued;
    public int Done { get; set; }
    public int Total { get; set; }
    public string? ProgressMessage { get; set; }

    /// <summary>The instance running it and until when its claim holds without renewal.</summary>
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseExpiresAt { get; set; }

    /// <summary>How many times an instance claimed it (more than one: it was resumed after an interruption).</summary>
    public int Attempts { get; set; }
    public bool CancelRequested { get; set; }

    public required string CreatedBy { get; set; }

    /// <summary>Who the job acts as (user, division, permissions at the time of the request), as JSON.</summary>
    public string IdentityJson { get; set; } = "{}";
    public string? DivisionCode { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Not before this time (recurring jobs).</summary>
    public DateTime? RunAfter { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public string? Error { get; set; }
}

internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> b)
    {
        b.ToTable("platform_job");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasMaxLength(64);
        b.Property(x => x.UniqueKey).HasMaxLength(128);
        b.Property(x => x.Status).HasConversion<int>();
        b.Property(x => x.ProgressMessage).HasMaxLength(200);
        b.Property(x => x.LeaseOwner).HasMaxLength(128);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.DivisionCode).HasMaxLength(12);
        b.Property(x => x.Error).HasMaxLength(2000);
        // The worker's claim: queued (or running with a lapsed lease), oldest first.
        b.HasIndex(x => new { x.Status, x.CreatedAt });
        b.HasIndex(x => x.SubjectId);
        // Same SQL on SQLite and PostgreSQL: statuses 1 (queued) and 2 (running) are the active ones.
        b.HasIndex(x => x.UniqueKey).IsUnique().HasFilter("status IN (1, 2)");
    }
}

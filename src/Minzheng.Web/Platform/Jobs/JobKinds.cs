using System.Text.Json;
using Minzheng.Web.Platform.Access;

namespace Minzheng.Web.Platform.Jobs;

/// <summary>What happens to a job whose instance died while running it (its lease ran out).</summary>
public enum RestartPolicy
{
    /// <summary>Run it again from the start: the handler is idempotent (adds only what is missing).</summary>
    Resume,

    /// <summary>Mark it failed with the kind's message: the user decides whether to submit it again.</summary>
    Fail,
}

/// <summary>
/// A kind of job, declared by the module that owns it (<see cref="JobsSetup.AddJobKind{THandler}"/>): its handler,
/// its restart policy and, for a periodic sweep, its interval. The kernel knows kinds only through these declarations.
/// </summary>
public sealed record JobKind(string Code, string Title, Type HandlerType, RestartPolicy Restart, string InterruptedMessage, TimeSpan? Every = null, TimeSpan? FirstAfter = null)
{
    public bool Recurring => Every is not null;
}

public enum JobStopReason
{
    Failed,
    Cancelled,

    /// <summary>The instance running it died and the kind's policy is <see cref="RestartPolicy.Fail"/>.</summary>
    Interrupted,
}

/// <summary>Why a job ended without success, with the message stored on the job (Chinese, for the administrator's list).</summary>
public sealed record JobStop(JobStopReason Reason, string Message, Exception? Error);

/// <summary>A module's work for one job kind. Resolved from a fresh scope that acts as the job's identity.</summary>
public interface IJobHandler
{
    Task RunAsync(JobRun job, CancellationToken ct);

    /// <summary>
    /// The job ended without success: put the module's own record (batch, payroll, run) in step with it, so that its
    /// page tells the user. Called in a fresh scope, before the job itself is marked finished.
    /// </summary>
    Task StoppedAsync(JobRun job, JobStop stop, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>The job as its handler sees it: what to work on, as whom, and where to report progress.</summary>
public sealed class JobRun(Job job, ActingIdentity identity)
{
    private readonly Lock _gate = new();

    public Guid Id { get; } = job.Id;
    public string Kind { get; } = job.Kind;
    public Guid? SubjectId { get; } = job.SubjectId;
    public string PayloadJson { get; } = job.PayloadJson;
    public ActingIdentity Identity { get; } = identity;

    /// <summary>1 on the first run, more when resumed after an interruption.</summary>
    public int Attempt { get; } = job.Attempts;

    public int Done { get; private set; } = job.Done;
    public int Total { get; private set; } = job.Total;
    public string? Message { get; private set; } = job.ProgressMessage;

    public T Payload<T>() => JsonSerializer.Deserialize<T>(PayloadJson, JobQueue.Json) ?? throw new InvalidOperationException($"任务 {Id} 的参数无法读取");

    /// <summary>
    /// Progress, kept in memory and written to the job row with the next lease renewal: a handler may hold a long
    /// transaction (an import commit on SQLite), during which nothing else can be written.
    /// </summary>
    public void Report(int done, int total, string? message = null)
    {
        lock (_gate)
        {
            Total = Math.Max(0, total);
            Done = Math.Clamp(done, 0, Math.Max(Total, done));
            if (message is not null) Message = message;
        }
    }

    public void Report(int done)
    {
        lock (_gate)
        {
            Done = Math.Min(done, Total);
        }
    }

    public (int Done, int Total, string? Message) Snapshot()
    {
        lock (_gate)
        {
            return (Done, Total, Message);
        }
    }
}

/// <summary>Every declared kind, by code.</summary>
public sealed class JobCatalog(IEnumerable<JobKind> kinds)
{
    private readonly Dictionary<string, JobKind> _kinds = kinds.ToDictionary(k => k.Code);

    public IReadOnlyCollection<JobKind> All => _kinds.Values;

    public JobKind? Find(string code) => _kinds.GetValueOrDefault(code);

    public string TitleOf(string code) => Find(code)?.Title ?? code;
}

/// <summary>An acting identity as stored on a job.</summary>
internal sealed record StoredIdentity(Guid? UserId, string UserName, string? DivisionCode, string[] Permissions, bool IsSystem, string? IpAddress, Guid? OrganizationId = null)
{
    public static string Write(ActingIdentity i) =>
        JsonSerializer.Serialize(new StoredIdentity(i.UserId, i.UserName, i.DivisionCode, [.. i.Permissions.Order(StringComparer.Ordinal)], i.IsSystem, i.IpAddress, i.OrganizationId), JobQueue.Json);

    public static ActingIdentity Read(string json)
    {
        var s = JsonSerializer.Deserialize<StoredIdentity>(json, JobQueue.Json) ?? throw new InvalidOperationException("任务的身份信息无法读取");
        // an organisation-bound account's job keeps its organisation scope
        return new ActingIdentity(s.UserId, s.UserName, s.DivisionCode, s.Permissions.ToHashSet(), s.IsSystem, s.IpAddress, s.OrganizationId);
    }
}

namespace Minzheng.Web.Platform.Entitlements;

/// <summary>What can be done to a running benefit from outside its module (a confirmed data-comparison finding).</summary>
public enum BenefitAction
{
    /// <summary>暂停发放: nothing due from next month until the benefit's own module resumes it.</summary>
    Suspend = 1,

    /// <summary>终止: ended after this month, with the written reason.</summary>
    Terminate = 2,

    /// <summary>追缴: ended after the month of the event (which may be in the past), so that the next payroll turns months paid since into recoveries.</summary>
    Recover = 3,
}

/// <summary>A request to act on one running benefit: the entitlement's source, the last month still due, and the written reason.</summary>
public sealed record BenefitActionRequest(string Program, Guid SourceId, BenefitAction Action, DateOnly LastDueMonth, string Reason, string Authority);

/// <summary>
/// Lets a module that finds a problem with a benefit (data comparison) suspend, terminate or recover it through the module
/// that owns it, which keeps its own case state, documents and timeline consistent. Defined in the kernel, implemented by each
/// benefit module for its programs. The caller has already checked its own permission (the finding's township confirmed it);
/// the owning module records the act with <see cref="BenefitActionRequest.Authority"/> as its basis.
/// </summary>
public interface IBenefitActions
{
    /// <summary>The programs (entitlement codes) this module acts on, with the actions each supports.</summary>
    IReadOnlyDictionary<string, IReadOnlyList<BenefitAction>> Supported { get; }

    /// <summary>Changes are tracked, not saved (one transaction with the caller). Returns what was done, in Chinese, for the record.</summary>
    Task<string> ApplyAsync(BenefitActionRequest request, CancellationToken ct);
}

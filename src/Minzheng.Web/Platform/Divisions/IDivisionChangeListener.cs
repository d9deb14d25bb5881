namespace Minzheng.Web.Platform.Divisions;

/// <summary>
/// A module that keeps facts about divisions themselves — not records that merely lie in one, which the kernel moves by
/// itself — and must follow a change of the tree: the place-name registry, whose standard name of a division is renamed,
/// retired or added with it. Called inside the change's transaction, before the records are moved, so that what a listener
/// writes is moved with everything else and a failure leaves nothing applied.
/// </summary>
public interface IDivisionChangeListener
{
    Task ApplyingAsync(DivisionChangeApplying change, CancellationToken ct);
}

/// <param name="Change">The registered change (kind, date, document).</param>
/// <param name="Plan">The complete mapping the kernel applies.</param>
/// <param name="FormerNames">The name each renamed or retired division had before the change.</param>
/// <param name="Successors">For each retired division, the name of its successor.</param>
public sealed record DivisionChangeApplying(
    DivisionChange Change,
    DivisionChangePlanner.Plan Plan,
    IReadOnlyDictionary<string, string> FormerNames,
    IReadOnlyDictionary<string, string> Successors);

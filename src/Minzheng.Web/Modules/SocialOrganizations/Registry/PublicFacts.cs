namespace Minzheng.Web.Modules.SocialOrganizations.Registry;

/// <summary>One line the public credit query shows about an organisation (never a member's personal data).</summary>
/// <param name="Section">The heading it appears under: 登记信息, 年检结论, 评估等级, 信用名录 …</param>
public sealed record PublicFact(string Section, string Label, string Value, DateOnly? Date = null);

/// <summary>
/// A part of the module that publishes facts on the public credit query (issue 14 item 4): the reports part its published
/// conclusions, evaluation the grade and its validity, credit the list entries. Each source reads past the scope filter on
/// purpose (the query is anonymous and the facts are public by law) and returns only what may be published.
/// </summary>
public interface IPublicFactSource
{
    int Order { get; }

    /// <summary>The facts per organisation for a page of search results (one query per source, not per organisation).</summary>
    Task<IReadOnlyDictionary<Guid, IReadOnlyList<PublicFact>>> LoadAsync(IReadOnlyCollection<Guid> organizationIds, CancellationToken ct);
}

using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.SocialOrganizations.Contracts;

/// <summary>The codes under which the registry publishes the three charity qualifications.</summary>
public static class CharityQualificationKinds
{
    /// <summary>慈善组织认定 (民政部令第58号).</summary>
    public const string CharityRecognition = "charity-recognition";

    /// <summary>公开募捐资格 (慈善法 第二十二条).</summary>
    public const string PublicFundraising = "public-fundraising";

    /// <summary>公益性捐赠税前扣除资格.</summary>
    public const string TaxDeduction = "tax-deduction";
}

/// <summary>A qualification granted and in force: from the decision's date, until <paramref name="ValidUntil"/> (null: until revoked), under a document number.</summary>
public sealed record QualificationInForce(string Kind, string KindName, DateOnly ValidFrom, DateOnly? ValidUntil, string? DocumentNumber);

/// <summary>A recognised charity as the public sees it: the organisation's name and its qualifications in force (no personal data).</summary>
public sealed record RecognisedCharity(Guid OrganizationId, string Name, string? CreditCode, IReadOnlyList<QualificationInForce> Qualifications);

/// <summary>
/// The charity qualifications the social organisations' registry decided (issue 14), published so that the charity module can
/// check a fundraising plan against the 公开募捐资格 in force and list the recognised charities, without reading the registry's
/// tables (ADR 060).
/// </summary>
public interface ICharityQualificationsInForce
{
    /// <summary>The qualifications of an organisation in force on <paramref name="on"/>, read through the scope filter (an organisation out of scope has none).</summary>
    Task<IReadOnlyList<QualificationInForce>> OfAsync(Guid organizationId, DateOnly on, CancellationToken ct = default);

    /// <summary>
    /// The organisations recognised as charities on <paramref name="on"/>, with every qualification in force, for the anonymous
    /// 慈善信息公开 page: read past the scope filter on purpose; <paramref name="q"/> filters by name.
    /// </summary>
    Task<Paged<RecognisedCharity>> RecognisedAsync(string? q, DateOnly on, PageRequest page, CancellationToken ct = default);
}

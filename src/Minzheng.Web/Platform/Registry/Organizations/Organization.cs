using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Platform.Registry.Organizations;

/// <summary>组织类别: what kind of body an organisation is (decides which module's rules apply to it).</summary>
public enum OrganizationKind
{
    SocialGroup = 1,
    SocialServiceAgency = 2,
    Foundation = 3,
    PublicInstitution = 4,
    Enterprise = 5,
    ResidentsCommittee = 6,
    GovernmentAgency = 7,
    Other = 99,
}

public enum OrganizationStatus
{
    /// <summary>存续: registered (and possibly changed since).</summary>
    Active = 1,
    Deregistered = 2,
    Revoked = 3,
}

/// <summary>What happened to an organisation's registration: 成立登记, 变更登记, 注销登记, 撤销登记.</summary>
public enum OrganizationEventKind
{
    Registered = 1,
    Changed = 2,
    Deregistered = 3,
    Revoked = 4,
}

/// <summary>
/// An organisation of the shared registry, beside people and households: a care home, a service provider, a social
/// organisation, a village committee. Identified by its 统一社会信用代码 (verified, GB 32100-2015) or, where it has none,
/// by a platform number. Phone and bank account are protected like a person's (SM4-GCM cipher, keyed hash, masked copy).
/// Division-scoped by the registered division; accounts bound to the organisation see it through the organisation scope.
/// </summary>
public sealed class Organization : IVersioned, IDivisionScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>统一社会信用代码, upper case; null for organisations without one (they carry <see cref="PlatformNumber"/>).</summary>
    public string? CreditCode { get; set; }

    /// <summary>Set only for organisations without a credit code: "MZO" + 12-digit division + sequence.</summary>
    public string? PlatformNumber { get; set; }

    public required string Name { get; set; }
    public string NamePinyin { get; set; } = "";
    public string NameInitials { get; set; } = "";
    public OrganizationKind Kind { get; set; }

    /// <summary>法定代表人（负责人）: the registry person where known, and always the name as registered.</summary>
    public Guid? LegalRepresentativePersonId { get; set; }
    public string LegalRepresentativeName { get; set; } = "";

    /// <summary>登记所在地: a township or village (community) code; decides who may see the organisation.</summary>
    public required string DivisionCode { get; set; }
    public string Address { get; set; } = "";

    public byte[]? PhoneCipher { get; private set; }
    public byte[]? PhoneHash { get; private set; }
    public string? PhoneMasked { get; private set; }

    /// <summary>The account subsidies and settlements are paid into (对公账户).</summary>
    public string? BankName { get; private set; }
    public byte[]? BankAccountCipher { get; private set; }
    public byte[]? BankAccountHash { get; private set; }
    public string? BankAccountMasked { get; private set; }

    public OrganizationStatus Status { get; set; } = OrganizationStatus.Active;
    public DateOnly? RegisteredOn { get; set; }

    /// <summary>注销或撤销之日: nothing is paid for months after it.</summary>
    public DateOnly? EndedOn { get; set; }

    public List<OrganizationEvent> Events { get; set; } = [];

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public string DisplayNumber => CreditCode ?? PlatformNumber ?? "";

    public void SetPhone(string? phone, IdentifierProtector protector)
    {
        phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        PhoneCipher = phone is null ? null : protector.Encrypt(phone, ProtectedKind.Phone);
        PhoneHash = phone is null ? null : protector.Hash(phone, ProtectedKind.Phone);
        PhoneMasked = phone is null ? null : Person.MaskPhone(phone);
    }

    public void SetBankAccount(string? bankName, string? account, IdentifierProtector protector)
    {
        account = string.IsNullOrWhiteSpace(account) ? null : account.Replace(" ", "", StringComparison.Ordinal);
        BankName = string.IsNullOrWhiteSpace(bankName) ? null : bankName.Trim();
        BankAccountCipher = account is null ? null : protector.Encrypt(account, ProtectedKind.BankAccount);
        BankAccountHash = account is null ? null : protector.Hash(account, ProtectedKind.BankAccount);
        BankAccountMasked = account is null ? null : account[..4] + new string('*', account.Length - 8) + account[^4..];
    }

    /// <summary>Re-seals the protected values with the current key (key rotation).</summary>
    public void Reseal(IdentifierProtector protector)
    {
        if (PhoneCipher is not null) PhoneCipher = protector.Encrypt(protector.Decrypt(PhoneCipher, ProtectedKind.Phone), ProtectedKind.Phone);
        if (BankAccountCipher is not null) BankAccountCipher = protector.Encrypt(protector.Decrypt(BankAccountCipher, ProtectedKind.BankAccount), ProtectedKind.BankAccount);
    }

    public bool NeedsReseal(int keyId) =>
        (PhoneCipher is { } a && IdentifierProtector.KeyIdOf(a) != keyId) || (BankAccountCipher is { } b && IdentifierProtector.KeyIdOf(b) != keyId);
}

/// <summary>One step of an organisation's registration history; a change of name keeps the former name here.</summary>
public sealed class OrganizationEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public OrganizationEventKind Kind { get; set; }
    public DateOnly EffectiveOn { get; set; }

    /// <summary>The name used until this change (变更登记 of the name): the former names are these.</summary>
    public string? FormerName { get; set; }
    public string Note { get; set; } = "";
    public required string RecordedBy { get; set; }
    public DateTime RecordedAt { get; set; }
}

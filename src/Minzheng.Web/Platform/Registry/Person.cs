using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Platform.Registry;

public enum HukouType
{
    Urban = 1,
    Rural = 2,
}

public enum LifeStatus
{
    Alive = 1,
    Deceased = 2,
    Missing = 3,
}

/// <summary>残疾类别, coded as on the 第二代残疾人证 (GB/T 26341-2010).</summary>
public enum DisabilityCategory
{
    Visual = 1,
    Hearing = 2,
    Speech = 3,
    Physical = 4,
    Intellectual = 5,
    Mental = 6,
    Multiple = 7,
}

/// <summary>
/// A person of the shared registry. The ID number, phone and disability certificate number are stored
/// encrypted (SM4-GCM) with a keyed hash for exact lookup and a masked copy for lists; birth date and
/// sex are derived from the ID number. A person without an ID number (foundlings, some rescued vagrants)
/// carries a platform number instead and is flagged, never given a fake ID number (domain decision 6).
/// </summary>
public sealed class Person : IVersioned, IDivisionScoped, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public byte[]? IdNumberCipher { get; private set; }
    public byte[]? IdNumberHash { get; private set; }
    public string? IdNumberMasked { get; private set; }

    /// <summary>Set only for people without an ID number: "MZ" + 12-digit division + sequence.</summary>
    public string? PlatformNumber { get; set; }

    public required string Name { get; set; }

    /// <summary>Lowercase pinyin of the name and its initials, for search ("chenxiaoming", "cxm").</summary>
    public string NamePinyin { get; set; } = "";
    public string NameInitials { get; set; } = "";

    public Sex Sex { get; set; }
    public DateOnly BirthDate { get; set; }
    public string Ethnicity { get; set; } = "汉族";
    public HukouType HukouType { get; set; }

    /// <summary>Hukou division (a village or community code); decides who may see the person.</summary>
    public required string DivisionCode { get; set; }

    public string Address { get; set; } = "";

    public byte[]? PhoneCipher { get; private set; }
    public byte[]? PhoneHash { get; private set; }
    public string? PhoneMasked { get; private set; }

    /// <summary>The bank and account benefits are paid into (一卡通).</summary>
    public string? BankName { get; set; }
    public byte[]? BankAccountCipher { get; private set; }
    public byte[]? BankAccountHash { get; private set; }
    public string? BankAccountMasked { get; private set; }

    public byte[]? DisabilityCertificateCipher { get; private set; }
    public string? DisabilityCertificateMasked { get; private set; }
    public DisabilityCategory? DisabilityCategory { get; set; }
    public int? DisabilityGrade { get; set; }

    /// <summary>婚姻状况 as the registry last recorded it; its history is <see cref="MaritalEvent"/> (written only through <see cref="MaritalStatuses"/>).</summary>
    public MaritalStatus MaritalStatus { get; set; } = MaritalStatus.Unknown;

    public LifeStatus LifeStatus { get; set; } = LifeStatus.Alive;
    public DateOnly? DeathDate { get; set; }
    public DateOnly? MissingSince { get; set; }

    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public bool HasIdNumber => IdNumberHash is not null;

    public string DisplayNumber => IdNumberMasked ?? PlatformNumber ?? "";

    public void SetIdNumber(IdNumber.Parsed id, IdentifierProtector protector)
    {
        IdNumberCipher = protector.Encrypt(id.Value, ProtectedKind.IdNumber);
        IdNumberHash = protector.Hash(id.Value, ProtectedKind.IdNumber);
        IdNumberMasked = IdNumber.Mask(id.Value);
        BirthDate = id.BirthDate;
        Sex = id.Sex;
        PlatformNumber = null;
    }

    public void SetPhone(string? phone, IdentifierProtector protector)
    {
        phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        PhoneCipher = phone is null ? null : protector.Encrypt(phone, ProtectedKind.Phone);
        PhoneHash = phone is null ? null : protector.Hash(phone, ProtectedKind.Phone);
        PhoneMasked = phone is null ? null : MaskPhone(phone);
    }

    public void SetBankAccount(string? bankName, string? account, IdentifierProtector protector)
    {
        account = string.IsNullOrWhiteSpace(account) ? null : account.Replace(" ", "", StringComparison.Ordinal);
        BankName = string.IsNullOrWhiteSpace(bankName) ? null : bankName.Trim();
        BankAccountCipher = account is null ? null : protector.Encrypt(account, ProtectedKind.BankAccount);
        BankAccountHash = account is null ? null : protector.Hash(account, ProtectedKind.BankAccount);
        BankAccountMasked = account is null ? null : account[..4] + new string('*', account.Length - 8) + account[^4..];
    }

    public void SetDisability(string? certificateNumber, DisabilityCategory? category, int? grade, IdentifierProtector protector)
    {
        certificateNumber = string.IsNullOrWhiteSpace(certificateNumber) ? null : certificateNumber.Trim().ToUpperInvariant();
        DisabilityCertificateCipher = certificateNumber is null ? null : protector.Encrypt(certificateNumber, ProtectedKind.DisabilityCertificate);
        DisabilityCertificateMasked = certificateNumber is null ? null : IdNumber.Mask(certificateNumber);
        DisabilityCategory = category;
        DisabilityGrade = grade;
    }

    /// <summary>Re-seals the protected values with the current key (key rotation).</summary>
    public void Reseal(IdentifierProtector protector)
    {
        if (IdNumberCipher is not null) IdNumberCipher = protector.Encrypt(protector.Decrypt(IdNumberCipher, ProtectedKind.IdNumber), ProtectedKind.IdNumber);
        if (PhoneCipher is not null) PhoneCipher = protector.Encrypt(protector.Decrypt(PhoneCipher, ProtectedKind.Phone), ProtectedKind.Phone);
        if (BankAccountCipher is not null) BankAccountCipher = protector.Encrypt(protector.Decrypt(BankAccountCipher, ProtectedKind.BankAccount), ProtectedKind.BankAccount);
        if (DisabilityCertificateCipher is not null) DisabilityCertificateCipher = protector.Encrypt(protector.Decrypt(DisabilityCertificateCipher, ProtectedKind.DisabilityCertificate), ProtectedKind.DisabilityCertificate);
    }

    public static string MaskPhone(string phone) =>
        phone.Length >= 7 ? phone[..3] + new string('*', phone.Length - 7) + phone[^4..] : new string('*', phone.Length);

    public int AgeOn(DateOnly date)
    {
        var age = date.Year - BirthDate.Year;
        return BirthDate.AddYears(age) > date ? age - 1 : age;
    }
}

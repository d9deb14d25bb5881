using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto;

namespace Minzheng.Web.Platform.Crypto;

/// <summary>What kind of identifier a value is; bound into the ciphertext and the lookup hash.</summary>
public static class ProtectedKind
{
    public const string IdNumber = "id_number";
    public const string Phone = "phone";
    public const string BankAccount = "bank_account";
    public const string DisabilityCertificate = "disability_certificate";

    /// <summary>A face photo's content (a file sealed at rest, <see cref="Files.StoredFile.Encrypted"/>).</summary>
    public const string FacePhoto = "face_photo";
}

/// <summary>
/// Encrypts identifiers at rest with SM4-GCM and computes the HMAC-SM3 keyed hash used for exact lookup
/// (GB/T 22239 level 3: confidentiality of important data in storage). Format:
/// [1 byte format version][1 byte key id][12 bytes nonce][ciphertext][16 bytes tag].
/// </summary>
public sealed class IdentifierProtector
{
    private const byte FormatVersion = 1;
    private const string KeyCheckText = "minzheng:key-check";

    private readonly Dictionary<int, byte[]> _keys;
    private readonly int _currentKeyId;
    private readonly byte[] _hashKey;

    public IdentifierProtector(CryptoKeys keys)
    {
        keys.Validate();
        _keys = keys.EncryptionKeys.ToDictionary(k => k.Key, k => Convert.FromBase64String(k.Value));
        _currentKeyId = keys.CurrentKeyId;
        _hashKey = Convert.FromBase64String(keys.HashKey);
    }

    public int CurrentKeyId => _currentKeyId;

    public byte[] Encrypt(string value, string kind) => EncryptBytes(Encoding.UTF8.GetBytes(value), kind);

    /// <summary>Seals bytes (a photo) in the same format as an identifier, bound to <paramref name="kind"/>.</summary>
    public byte[] EncryptBytes(byte[] plain, string kind)
    {
        var nonce = RandomNumberGenerator.GetBytes(Sm.NonceLength);
        var sealedBytes = Sm.Sm4GcmEncrypt(_keys[_currentKeyId], nonce, plain, Encoding.UTF8.GetBytes(kind));
        var result = new byte[2 + nonce.Length + sealedBytes.Length];
        result[0] = FormatVersion;
        result[1] = (byte)_currentKeyId;
        nonce.CopyTo(result, 2);
        sealedBytes.CopyTo(result, 2 + nonce.Length);
        return result;
    }

    public string Decrypt(byte[] data, string kind) => Encoding.UTF8.GetString(DecryptBytes(data, kind));

    public byte[] DecryptBytes(byte[] data, string kind)
    {
        if (data.Length < 2 + Sm.NonceLength + 16 || data[0] != FormatVersion)
        {
            throw new CryptographicException("密文格式无法识别");
        }
        if (!_keys.TryGetValue(data[1], out var key))
        {
            throw new CryptographicException($"密文使用的密钥 {data[1]} 未配置");
        }
        try
        {
            return Sm.Sm4GcmDecrypt(key, data[2..(2 + Sm.NonceLength)], data.AsSpan(2 + Sm.NonceLength), Encoding.UTF8.GetBytes(kind));
        }
        catch (InvalidCipherTextException e)
        {
            throw new CryptographicException("密文校验失败：密钥不符或数据被篡改", e);
        }
    }

    /// <summary>The id of the key a ciphertext was sealed with (for rotation progress).</summary>
    public static int KeyIdOf(byte[] data) => data.Length > 1 ? data[1] : 0;

    /// <summary>Keyed hash for exact lookup; the same value of the same kind always hashes alike.</summary>
    public byte[] Hash(string value, string kind) =>
        Sm.HmacSm3(_hashKey, Encoding.UTF8.GetBytes(kind + "\u0000" + value));

    /// <summary>
    /// The same keyed hash as <see cref="Hash"/> for many values of one kind (a dataset import hashes a million ID numbers):
    /// the HMAC key is set up once for the hasher instead of once per value. Not thread-safe: one per job.
    /// </summary>
    public KeyedHasher HasherFor(string kind) => new(_hashKey, kind);

    /// <summary>A value stored once in the database: a start with another hash key is detected and refused.</summary>
    public string KeyCheck() => Convert.ToBase64String(Hash(KeyCheckText, "key_check"));

    public string KeyCheckSample() => Convert.ToBase64String(Encrypt(KeyCheckText, "key_check"));

    public bool CanOpenSample(string sample)
    {
        try
        {
            return Decrypt(Convert.FromBase64String(sample), "key_check") == KeyCheckText;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}

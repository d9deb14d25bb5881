using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Minzheng.Web.Platform.Crypto;

/// <summary>
/// The keys protecting identifiers: SM4 keys by id (the newest encrypts, every one still decrypts, so a
/// rotation can re-encrypt gradually) and one HMAC-SM3 key for the lookup hashes.
/// </summary>
public sealed class CryptoKeys
{
    [JsonPropertyName("currentKeyId")]
    public int CurrentKeyId { get; set; }

    [JsonPropertyName("encryptionKeys")]
    public Dictionary<int, string> EncryptionKeys { get; set; } = [];

    [JsonPropertyName("hashKey")]
    public string HashKey { get; set; } = "";

    [JsonPropertyName("createdAt")]
    public DateTime CreatedAt { get; set; }

    public static CryptoKeys Generate(DateTime now) => new()
    {
        CurrentKeyId = 1,
        EncryptionKeys = { [1] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(Sm.KeyLength)) },
        HashKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        CreatedAt = now,
    };

    public void Validate()
    {
        if (!EncryptionKeys.TryGetValue(CurrentKeyId, out var current))
        {
            throw new InvalidOperationException($"加密密钥配置错误: 找不到当前密钥 {CurrentKeyId}");
        }
        foreach (var (id, key) in EncryptionKeys)
        {
            if (id is < 1 or > 255 || Convert.FromBase64String(key).Length != Sm.KeyLength)
            {
                throw new InvalidOperationException($"加密密钥配置错误: 密钥 {id} 必须是 16 字节（Base64），编号 1–255");
            }
        }
        if (Convert.FromBase64String(HashKey).Length < 16)
        {
            throw new InvalidOperationException("加密密钥配置错误: 哈希密钥至少 16 字节（Base64）");
        }
        _ = current;
    }

    public static readonly JsonSerializerOptions FileJson = new() { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, FileJson);

    public static CryptoKeys FromJson(string json) =>
        JsonSerializer.Deserialize<CryptoKeys>(json, FileJson) ?? throw new InvalidOperationException("密钥文件为空");
}

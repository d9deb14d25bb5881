using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace Minzheng.Web.Platform.Crypto;

/// <summary>National algorithms (GB/T 32907 SM4, GB/T 32905 SM3) from BouncyCastle; RFC 8998 shapes.</summary>
public static class Sm
{
    public const int KeyLength = 16;
    public const int NonceLength = 12;
    public const int TagBits = 128;

    public static byte[] Sm4GcmEncrypt(byte[] key, byte[] nonce, byte[] plaintext, byte[] associatedData)
    {
        var gcm = new GcmBlockCipher(new SM4Engine());
        gcm.Init(true, new AeadParameters(new KeyParameter(key), TagBits, nonce, associatedData));
        var output = new byte[gcm.GetOutputSize(plaintext.Length)];
        var n = gcm.ProcessBytes(plaintext, 0, plaintext.Length, output, 0);
        gcm.DoFinal(output, n);
        return output;
    }

    /// <summary>Throws <see cref="Org.BouncyCastle.Crypto.InvalidCipherTextException"/> when the tag does not match.</summary>
    public static byte[] Sm4GcmDecrypt(byte[] key, byte[] nonce, ReadOnlySpan<byte> ciphertextAndTag, byte[] associatedData)
    {
        var gcm = new GcmBlockCipher(new SM4Engine());
        gcm.Init(false, new AeadParameters(new KeyParameter(key), TagBits, nonce, associatedData));
        var input = ciphertextAndTag.ToArray();
        var output = new byte[gcm.GetOutputSize(input.Length)];
        var n = gcm.ProcessBytes(input, 0, input.Length, output, 0);
        n += gcm.DoFinal(output, n);
        return n == output.Length ? output : output[..n];
    }

    public static byte[] HmacSm3(byte[] key, ReadOnlySpan<byte> data)
    {
        var mac = new HMac(new SM3Digest());
        mac.Init(new KeyParameter(key));
        mac.BlockUpdate(data);
        var result = new byte[mac.GetMacSize()];
        mac.DoFinal(result, 0);
        return result;
    }

    public static byte[] Sm3(ReadOnlySpan<byte> data)
    {
        var digest = new SM3Digest();
        digest.BlockUpdate(data);
        var result = new byte[digest.GetDigestSize()];
        digest.DoFinal(result, 0);
        return result;
    }
}

using System.Security.Cryptography;
using Minzheng.Web.Platform.Crypto;

namespace Minzheng.Tests.Unit;

public sealed class CryptoTests
{
    [Fact]
    public void Sm4_gcm_matches_the_rfc_8998_vector()
    {
        // RFC 8998 Appendix A.1 (SM4-GCM)
        var key = Convert.FromHexString("0123456789ABCDEFFEDCBA9876543210");
        var iv = Convert.FromHexString("00001234567800000000ABCD");
        var aad = Convert.FromHexString("FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2");
        var plain = Convert.FromHexString("AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBBCCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDDEEEEEEEEEEEEEEEEFFFFFFFFFFFFFFFFEEEEEEEEEEEEEEEEAAAAAAAAAAAAAAAA");
        var sealedBytes = Sm.Sm4GcmEncrypt(key, iv, plain, aad);
        Assert.Equal("17F399F08C67D5EE19D0DC9969C4BB7D5FD46FD3756489069157B282BB200735D82710CA5C22F0CCFA7CBF93D496AC15A56834CBCF98C397B4024A2691233B8D", Convert.ToHexString(sealedBytes[..^16]));
        Assert.Equal("83DE3541E4C2B58177E065A9BF7B62EC", Convert.ToHexString(sealedBytes[^16..]));
    }

    [Fact]
    public void Identifiers_round_trip_and_hash_stably()
    {
        var protector = new IdentifierProtector(CryptoKeys.Generate(DateTime.UtcNow));
        var sealedA = protector.Encrypt("11010519491231002X", ProtectedKind.IdNumber);
        var sealedB = protector.Encrypt("11010519491231002X", ProtectedKind.IdNumber);
        Assert.NotEqual(sealedA, sealedB); // random nonce
        Assert.Equal("11010519491231002X", protector.Decrypt(sealedA, ProtectedKind.IdNumber));
        Assert.Equal(protector.Hash("11010519491231002X", ProtectedKind.IdNumber), protector.Hash("11010519491231002X", ProtectedKind.IdNumber));
        Assert.NotEqual(protector.Hash("11010519491231002X", ProtectedKind.IdNumber), protector.Hash("11010519491231002X", ProtectedKind.Phone));
        // Bound to its kind: an ID ciphertext cannot be opened as a phone number.
        Assert.Throws<CryptographicException>(() => protector.Decrypt(sealedA, ProtectedKind.Phone));
    }

    /// <summary>The hasher keyed once for a bulk import gives, value after value, exactly the hashes of <see cref="IdentifierProtector.Hash"/>.</summary>
    [Fact]
    public void A_hasher_keyed_once_hashes_every_value_as_the_protector_does()
    {
        var protector = new IdentifierProtector(CryptoKeys.Generate(DateTime.UtcNow));
        var hasher = protector.HasherFor(ProtectedKind.IdNumber);
        string[] values = ["11010519491231002X", "450921199001011234", "", "覃某某", new string('9', 300), "11010519491231002X"];
        foreach (var v in values)
        {
            Assert.Equal(Convert.ToHexString(protector.Hash(v, ProtectedKind.IdNumber)), Convert.ToHexString(hasher.Hash(v)));
        }
        Assert.NotEqual(Convert.ToHexString(protector.HasherFor(ProtectedKind.Phone).Hash(values[0])), Convert.ToHexString(hasher.Hash(values[0])));
    }

    [Fact]
    public void Another_key_cannot_open_or_pass_the_key_check()
    {
        var a = new IdentifierProtector(CryptoKeys.Generate(DateTime.UtcNow));
        var b = new IdentifierProtector(CryptoKeys.Generate(DateTime.UtcNow));
        Assert.Throws<CryptographicException>(() => b.Decrypt(a.Encrypt("x", ProtectedKind.Phone), ProtectedKind.Phone));
        Assert.NotEqual(a.KeyCheck(), b.KeyCheck());
        Assert.False(b.CanOpenSample(a.KeyCheckSample()));
        Assert.True(a.CanOpenSample(a.KeyCheckSample()));
    }
}
